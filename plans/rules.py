"""Who may read and who may change a plan: the members of any partnership that shares it.

A pan-area plan is shared by several partnerships, so an officer of any of them may record
its steps; an officer of a partnership that does not share it may not even see it.
"""

import rules

from partnerships.rules import EDITORS, roles_in


def _partnership_ids(plan):
    return [partnership.pk for partnership in plan.partnerships.all()]


@rules.predicate
def can_view_plan(user, plan):
    if plan is None or not user.is_authenticated:
        return False
    return user.is_superuser or any(roles_in(user, pk) for pk in _partnership_ids(plan))


@rules.predicate
def can_edit_plan(user, plan):
    if plan is None or not user.is_authenticated:
        return False
    return user.is_superuser or any(roles_in(user, pk) & EDITORS for pk in _partnership_ids(plan))


rules.add_perm("plans.view_plan", can_view_plan)
rules.add_perm("plans.edit_plan", can_edit_plan)
