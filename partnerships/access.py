"""The one place views fetch a partnership for a user.

A stranger gets 404 (a partnership they do not belong to is not theirs to know about);
a member who may read but not edit gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from partnerships.models import Partnership


def partnership_for(user, slug, *, perm="partnerships.view_partnership"):
    partnership = get_object_or_404(Partnership, slug=slug)
    if not user.has_perm("partnerships.view_partnership", partnership):
        raise Http404("No such partnership")
    if not user.has_perm(perm, partnership):
        raise PermissionDenied
    return partnership
