from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from reminders.status import worker_state


@login_required
def service_status(request):
    """For admins: proof that the background worker and its scheduler are running."""
    if not request.user.is_staff:
        raise PermissionDenied
    return render(request, "reminders/status.html", {"worker": worker_state(), "now": timezone.now()})
