"""The one place views fetch a review for a user.

Anyone who is not DHR-cleared in the case's partnership gets a 404, never a 403: the
existence of a case is confidential. Every successful look is recorded as a CaseView.
"""

import rules
from django.http import Http404

from dhr.models import CaseView, DhrCase


def case_for(user, pk, *, what: str) -> DhrCase:
    """The case with its stages, pauses, IMRs, recommendations and costs, or Http404."""
    case = (
        DhrCase.objects.visible_to(user)
        .select_related("partnership")
        .prefetch_related("stages", "pauses", "imrs__agency", "recommendations__owner", "costs__paid_by")
        .filter(pk=pk)
        .first()
    )
    # rules.has_perm, not user.has_perm: the latter lets every superuser through.
    if case is None or not rules.has_perm("dhr.view_case_detail", user, case):
        raise Http404("No such review")
    CaseView.objects.create(case=case, user=user, what=what)
    return case
