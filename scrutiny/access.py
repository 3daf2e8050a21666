"""The one place views fetch a pack for a user: 404 to strangers, 403 to a member who may
not do this. A draft is for those who prepare packs; an issued pack for every member."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from partnerships.access import check_partnership
from scrutiny.models import Pack

PREPARE = "scrutiny.prepare_pack"


def pack_for(user, pk, *, prepare=False):
    pack = get_object_or_404(Pack.objects.select_related("partnership", "council"), pk=pk)
    check_partnership(user, pack.partnership, what="pack")
    if (prepare or not pack.is_issued) and not user.has_perm(PREPARE, pack.partnership):
        raise PermissionDenied
    return pack
