from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from duties.models import Duty, Evidence, RegisterEntry


@admin.register(Duty)
class DutyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "cadence", "legal_source", "order"]
    search_fields = ["title", "legal_source"]


@admin.register(RegisterEntry)
class RegisterEntryAdmin(SimpleHistoryAdmin):
    list_display = ["duty", "partnership", "status", "next_due_on", "owner"]
    list_filter = ["status", "partnership"]
    list_select_related = ["duty", "partnership", "owner"]
    readonly_fields = ["version"]


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "entry", "added_by", "added_at"]
    list_select_related = ["entry__duty", "entry__partnership", "added_by"]
    # Links without a scheme are read as https, the default from Django 6.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
