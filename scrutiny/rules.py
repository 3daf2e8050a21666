"""Who may prepare a scrutiny pack: the committee clerk, the partnership's officers and its
admins build, edit and issue it. Councillors read the packs once issued."""

import rules

from partnerships.models import Role
from partnerships.rules import roles_in

PREPARERS = frozenset({Role.Kind.CLERK, Role.Kind.OFFICER, Role.Kind.ADMIN})


@rules.predicate
def can_prepare_pack(user, partnership):
    return bool(partnership is not None and (user.is_superuser or roles_in(user, partnership) & PREPARERS))


rules.add_perm("scrutiny.prepare_pack", can_prepare_pack)
