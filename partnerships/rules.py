"""Who may do what in a partnership.

Roles are read once per request and cached on the user object, so a page that asks
many questions about many partnerships costs one query.
"""

import rules

from partnerships.models import Role

EDITORS = frozenset({Role.Kind.OFFICER, Role.Kind.ADMIN})


def _roles(user) -> tuple[dict, dict]:
    """The user's role kinds by partnership id and by partnership slug, read in one query
    and cached on the user object for the request."""
    cache = getattr(user, "_csp_roles", None)
    if cache is None:
        by_id, by_slug = {}, {}
        for partnership_id, slug, kind in (
            Role.objects.filter(user=user)
            .order_by()
            .values_list("partnership_id", "partnership__slug", "kind")
        ):
            by_id.setdefault(partnership_id, set()).add(kind)
            by_slug.setdefault(slug, set()).add(kind)
        cache = user._csp_roles = (by_id, by_slug)
    return cache


def roles_in(user, partnership) -> frozenset:
    """The kinds of role the user holds in the partnership (empty for strangers)."""
    if not user.is_authenticated:
        return frozenset()
    partnership_id = partnership if isinstance(partnership, int) else partnership.pk
    return frozenset(_roles(user)[0].get(partnership_id, ()))


def roles_in_slug(user, slug: str) -> frozenset:
    """The same, for a partnership known only by the slug in the address."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(_roles(user)[1].get(slug, ()))


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


def may_grant_dhr_clearance(user, partnership) -> bool:
    """Clearance for a partnership's Domestic Homicide Reviews is given by someone already
    cleared there, so a site admin cannot clear themselves into confidential cases. The one
    exception starts things off: a site admin may clear people while the partnership has no
    reviews yet."""
    if user is None or partnership is None:
        return False
    if Role.Kind.DHR_CLEARED in roles_in(user, partnership):
        return True
    return user.is_superuser and not partnership.dhr_cases.exists()


rules.add_perm("partnerships.view_partnership", is_member)
rules.add_perm("partnerships.edit_register", can_edit_register)
rules.add_perm("partnerships.manage_partnership", is_partnership_admin)
