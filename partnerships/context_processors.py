from django.conf import settings
from django.urls import reverse

from partnerships.models import Partnership


def navigation(request):
    """The service navigation: the current partnership's pages, and admin pages for admins."""
    context = {"demo_mode": settings.DEMO_MODE, "nav_items": []}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    match = request.resolver_match
    current = match.url_name if match else ""
    namespace = match.namespace if match else ""
    slug = match.kwargs.get("slug") if match else None
    if slug is None:
        slug = Partnership.objects.visible_to(user).values_list("slug", flat=True).first()
    items = []
    if slug:
        items += [
            (
                "Dashboard",
                reverse("partnerships:dashboard", args=[slug]),
                namespace == "partnerships" and current == "dashboard",
            ),
            ("Duty register", reverse("duties:register", args=[slug]), namespace == "duties"),
            ("Plans", reverse("plans:board"), namespace == "plans"),
            (
                "Partnership",
                reverse("partnerships:detail", args=[slug]),
                namespace == "partnerships" and current == "detail",
            ),
        ]
    if user.is_staff:
        items += [
            ("Service status", reverse("reminders:status"), namespace == "reminders"),
            ("Manage", reverse("admin:index"), False),
        ]
    context["nav_items"] = [{"label": label, "url": url, "active": active} for label, url, active in items]
    return context
