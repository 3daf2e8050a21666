"""The one place views fetch a partnership for a user.

A stranger gets 404 (a partnership they do not belong to is not theirs to know about);
a member who may read but not edit gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from partnerships.models import Partnership

VIEW = "partnerships.view_partnership"


def partnership_for(user, slug, *, perm=VIEW):
    return check_partnership(user, get_object_or_404(Partnership, slug=slug), perm=perm)


def check_partnership(user, partnership, *, perm=VIEW, what="partnership"):
    """The partnership (of a record already fetched) if the user may `perm` there: 404 if
    they may not even see it, 403 if they may see but not do this."""
    if not user.has_perm(VIEW, partnership):
        raise Http404(f"No such {what}")
    if not user.has_perm(perm, partnership):
        raise PermissionDenied
    return partnership
