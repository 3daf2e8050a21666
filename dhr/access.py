"""The one place views fetch reviews for a user.

Anyone who is not DHR-cleared in the case's partnership gets a 404, never a 403: the
existence of a case is confidential. Every successful look at a case is recorded as a
CaseView.
"""

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from dhr.models import CaseView, DhrCase, Document, Imr, Pause, Recommendation, StageRecord
from partnerships.models import Partnership, Role
from partnerships.rules import roles_in


def cleared_partnership_for(user, slug) -> Partnership:
    """The partnership whose reviews the user may see, or Http404 (strangers and members who
    are not cleared alike)."""
    partnership = Partnership.objects.visible_to(user).filter(slug=slug).first()
    if partnership is None or not rules.has_perm("dhr.view_reviews", user, partnership):
        raise Http404("No such page")
    return partnership


def log_partnership_for(user, slug) -> Partnership:
    """The partnership whose access log the user may read: a DHR-cleared admin's."""
    partnership = cleared_partnership_for(user, slug)
    if Role.Kind.ADMIN not in roles_in(user, partnership):
        raise Http404("No such page")
    return partnership


def case_for(user, pk, *, what: str) -> DhrCase:
    """The case with its stages, pauses, IMRs, recommendations, costs and documents, or Http404."""
    case = (
        DhrCase.objects.visible_to(user)
        .select_related("partnership")
        .prefetch_related(
            "stages__recorded_by",
            "pauses",
            "imrs__agency",
            "imrs__documents",
            "recommendations__owner",
            "costs__paid_by",
            "documents__uploaded_by",
        )
        .filter(pk=pk)
        .first()
    )
    # rules.has_perm, not user.has_perm: the latter lets every superuser through.
    if case is None or not rules.has_perm("dhr.view_case_detail", user, case):
        raise Http404("No such review")
    CaseView.objects.create(case=case, user=user, what=what)
    return case


def _part_of_case(model, user, pk, *, what):
    """A stage, pause, IMR, recommendation or document, with its case, for a cleared user."""
    part = get_object_or_404(model, pk=pk)
    return case_for(user, part.case_id, what=what), part


def stage_for(user, pk, *, what):
    return _part_of_case(StageRecord, user, pk, what=what)


def pause_for(user, pk, *, what):
    return _part_of_case(Pause, user, pk, what=what)


def imr_for(user, pk, *, what):
    return _part_of_case(Imr, user, pk, what=what)


def recommendation_for(user, pk, *, what):
    return _part_of_case(Recommendation, user, pk, what=what)


def document_for(user, pk, *, what):
    return _part_of_case(Document, user, pk, what=what)
