from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scrutiny.models import Pack


@admin.register(Pack)
class PackAdmin(SimpleHistoryAdmin):
    """Read-only: packs are built, edited and issued through the service, which keeps an
    issued pack frozen."""

    list_display = ["title", "partnership", "council", "committee_on", "state", "issued_at"]
    list_filter = ["state", "partnership"]
    list_select_related = ["partnership", "council"]
    exclude = ["content"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
