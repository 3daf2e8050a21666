"""The one place views fetch a meeting or an action for a user, through its partnership:
404 to strangers, 403 to readers (councillors) who try to record or edit."""

from django.http import Http404

from meetings.models import Action, Meeting
from partnerships.access import partnership_for

RECORD = "meetings.record"
READ = "partnerships.view_partnership"


def _through_partnership(queryset, pk, user, perm, what):
    found = queryset.select_related("partnership").filter(pk=pk).first()
    if found is None:
        raise Http404(f"No such {what}")
    partnership_for(user, found.partnership.slug, perm=perm)
    return found


def meeting_for(user, pk, *, perm=READ) -> Meeting:
    return _through_partnership(Meeting.objects.all(), pk, user, perm, "meeting")


def action_for(user, pk, *, perm=READ) -> Action:
    return _through_partnership(
        Action.objects.select_related("agenda_item__meeting", "plan", "register_entry__duty"),
        pk,
        user,
        perm,
        "action",
    )
