"""The one place views fetch an indicator for a user: 404 to strangers, 403 to readers who
try to edit. The checks are the partnership's (partnerships.access), so an indicator is as
visible as its partnership, and edited by the same people who keep its register."""

from django.shortcuts import get_object_or_404

from indicators.models import Indicator
from partnerships.access import VIEW, check_partnership

EDIT = "partnerships.edit_register"


def indicator_for(user, pk, *, perm=VIEW):
    indicator = get_object_or_404(Indicator.objects.select_related("partnership").with_figures(), pk=pk)
    check_partnership(user, indicator.partnership, perm=perm, what="indicator")
    return indicator
