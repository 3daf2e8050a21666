from django.conf import settings
from django.urls import reverse

from partnerships.models import Partnership, Role
from partnerships.rules import roles_in_slug


def navigation(request):
    """The service navigation: the current partnership's pages, and admin pages for admins."""
    context = {"demo_mode": settings.DEMO_MODE, "nav_items": []}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    match = request.resolver_match
    current = match.url_name if match else ""
    namespace = match.namespace if match else ""
    # DHR case pages carry no slug in their address; their views name the case's partnership.
    slug = (match.kwargs.get("slug") if match else None) or getattr(request, "partnership_slug", None)
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
        ]
        if Role.Kind.DHR_CLEARED in roles_in_slug(user, slug):
            items.append(("DHRs", reverse("dhr:list", args=[slug]), namespace == "dhr"))
        items += [
            (
                "Meetings",
                reverse("meetings:list", args=[slug]),
                namespace == "meetings" and current != "my_actions",
            ),
            (
                "My actions",
                reverse("meetings:my_actions"),
                namespace == "meetings" and current == "my_actions",
            ),
            ("Indicators", reverse("indicators:list", args=[slug]), namespace == "indicators"),
            ("Scrutiny packs", reverse("scrutiny:list", args=[slug]), namespace == "scrutiny"),
            (
                "Partnership",
                reverse("partnerships:detail", args=[slug]),
                namespace == "partnerships" and current == "detail",
            ),
        ]
    # Everyone's own reminders, digest and calendar feed, whichever partnerships they are in.
    items.append(("Reminders", reverse("reminders:mine"), namespace == "reminders" and current != "status"))
    if user.is_staff:
        items += [
            ("Service status", reverse("reminders:status"), namespace == "reminders" and current == "status"),
            ("Manage", reverse("admin:index"), False),
        ]
    context["nav_items"] = [{"label": label, "url": url, "active": active} for label, url, active in items]
    return context
