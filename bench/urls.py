"""The service's URLs plus one that does no database work: the benchmark's baseline."""

from django.http import HttpResponse
from django.urls import path

from csp_tracker.urls import urlpatterns as service_urlpatterns


def bare(request):
    """Django's request and response cycle, middleware included, with no query and no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare, name="bench-bare"), *service_urlpatterns]
