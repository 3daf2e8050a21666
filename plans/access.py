"""The one place views fetch a plan for a user: 404 to strangers, 403 to readers who try to edit."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plans.models import Condition, Plan, PlanVersion, Route


def plan_for(user, pk, *, perm="plans.view_plan"):
    plan = get_object_or_404(Plan.objects.for_board(), pk=pk)
    if not user.has_perm("plans.view_plan", plan):
        raise Http404("No such plan")
    if not user.has_perm(perm, plan):
        raise PermissionDenied
    return plan


def _within(user, model, pk, path, *, perm, pick):
    """A record inside a plan, found through its plan so the same checks apply: `path` leads
    from the record to its plan's id, `pick` finds the record in the plan already fetched."""
    plan_id = model.objects.filter(pk=pk).values_list(path, flat=True).first()
    if plan_id is None:
        raise Http404(f"No such {model._meta.verbose_name}")
    plan = plan_for(user, plan_id, perm=perm)
    found = next((record for record in pick(plan) if record.pk == pk), None)
    if found is None:  # deleted since the first query
        raise Http404(f"No such {model._meta.verbose_name}")
    return plan, found


def _routes(plan):
    return (route for version in plan.versions.all() for route in version.routes.all())


def version_for(user, pk, *, perm="plans.view_plan"):
    return _within(user, PlanVersion, pk, "plan_id", perm=perm, pick=lambda plan: plan.versions.all())


def route_for(user, pk, *, perm):
    plan, route = _within(user, Route, pk, "version__plan_id", perm=perm, pick=_routes)
    return plan, route.version, route


def condition_for(user, pk, *, perm):
    def conditions(plan):
        return (
            condition
            for route in _routes(plan)
            for step in route.steps.all()
            for condition in step.conditions.all()
        )

    return _within(user, Condition, pk, "step__route__version__plan_id", perm=perm, pick=conditions)
