"""Who may do what in a partnership.

Roles are read once per request and cached on the user object, so a page that asks
many questions about many partnerships costs one query.
"""

import rules

from partnerships.models import Role

EDITORS = frozenset({Role.Kind.OFFICER, Role.Kind.ADMIN})


def roles_in(user, partnership) -> frozenset:
    """The kinds of role the user holds in the partnership (empty for strangers)."""
    if not user.is_authenticated:
        return frozenset()
    cache = getattr(user, "_csp_roles", None)
    if cache is None:
        cache = {}
        for partnership_id, kind in (
            Role.objects.filter(user=user).order_by().values_list("partnership_id", "kind")
        ):
            cache.setdefault(partnership_id, set()).add(kind)
        user._csp_roles = cache
    partnership_id = partnership if isinstance(partnership, int) else partnership.pk
    return frozenset(cache.get(partnership_id, ()))


@rules.predicate
def is_member(user, partnership):
    return bool(partnership is not None and (user.is_superuser or roles_in(user, partnership)))


@rules.predicate
def can_edit_register(user, partnership):
    """Officers and partnership admins keep the register; clerks and councillors read it."""
    return bool(partnership is not None and (user.is_superuser or roles_in(user, partnership) & EDITORS))


@rules.predicate
def is_partnership_admin(user, partnership):
    return bool(
        partnership is not None and (user.is_superuser or Role.Kind.ADMIN in roles_in(user, partnership))
    )


rules.add_perm("partnerships.view_partnership", is_member)
rules.add_perm("partnerships.edit_register", can_edit_register)
rules.add_perm("partnerships.manage_partnership", is_partnership_admin)
