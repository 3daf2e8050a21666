"""Who may record a partnership's meetings and actions: its officers and admins, and its
clerks (who keep the attendance). Councillors read; other partnerships' people see nothing."""

import rules

from partnerships.models import Role
from partnerships.rules import EDITORS, roles_in

RECORDERS = EDITORS | {Role.Kind.CLERK}


@rules.predicate
def can_record_meetings(user, partnership):
    return bool(partnership is not None and (user.is_superuser or roles_in(user, partnership) & RECORDERS))


rules.add_perm("meetings.record", can_record_meetings)
