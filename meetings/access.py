"""The one place views fetch a meeting or an action for a user, through its partnership:
404 to strangers, 403 to readers (councillors) who try to record or edit."""

from django.http import Http404

from meetings.models import Action, Meeting
from partnerships.access import VIEW, check_partnership

RECORD = "meetings.record"
READ = VIEW


def _through_partnership(queryset, pk, user, perm, what):
    found = queryset.select_related("partnership").filter(pk=pk).first()
    if found is None:
        raise Http404(f"No such {what}")
    check_partnership(user, found.partnership, perm=perm, what=what)
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
