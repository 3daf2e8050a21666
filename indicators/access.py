"""The one place views fetch an indicator for a user: 404 to strangers, 403 to readers who
try to edit. The checks are the partnership's (partnerships.access), so an indicator is as
visible as its partnership, and edited by the same people who keep its register."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from indicators.models import Indicator

VIEW = "partnerships.view_partnership"
EDIT = "partnerships.edit_register"


def indicator_for(user, pk, *, perm=VIEW):
    indicator = get_object_or_404(Indicator.objects.select_related("partnership").with_figures(), pk=pk)
    if not user.has_perm(VIEW, indicator.partnership):
        raise Http404("No such indicator")
    if not user.has_perm(perm, indicator.partnership):
        raise PermissionDenied
    return indicator
