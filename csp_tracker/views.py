from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from partnerships.models import Partnership


@never_cache
def healthz(request):
    """200 when the database answers: for load balancers and scripts that wait for start-up."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@login_required
def home(request):
    """Straight to the dashboard for people in one partnership; a choice for the others."""
    partnerships = list(Partnership.objects.visible_to(request.user)[:2])
    if len(partnerships) == 1:
        return redirect(partnerships[0])
    return redirect("partnerships:list")
