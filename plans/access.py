"""The one place views fetch a plan for a user: 404 to strangers, 403 to readers who try to edit."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plans.models import Plan


def plan_for(user, pk, *, perm="plans.view_plan"):
    plan = get_object_or_404(Plan.objects.for_board(), pk=pk)
    if not user.has_perm("plans.view_plan", plan):
        raise Http404("No such plan")
    if not user.has_perm(perm, plan):
        raise PermissionDenied
    return plan
