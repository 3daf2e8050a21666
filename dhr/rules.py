"""Who may see a Domestic Homicide Review: the DHR-cleared members of its partnership only.

Being a site admin is not enough, since the existence of a case is itself confidential.
Note that Django's `user.has_perm` answers yes to every active superuser before asking
these rules, so code that guards case detail asks `rules.has_perm(...)` instead.
"""

import rules

from partnerships.models import Role
from partnerships.rules import roles_in


@rules.predicate
def is_dhr_cleared(user, partnership):
    """The user holds the DHR-cleared role in this partnership."""
    return bool(partnership is not None and Role.Kind.DHR_CLEARED in roles_in(user, partnership))


@rules.predicate
def can_view_case_detail(user, case):
    return bool(case is not None and is_dhr_cleared(user, case.partnership_id))


rules.add_perm("dhr.view_case_detail", can_view_case_detail)
rules.add_perm("dhr.view_reviews", is_dhr_cleared)
