from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "lead_partnership"]
    list_filter = ["kind"]
    search_fields = ["title"]
    filter_horizontal = ["partnerships"]


@admin.register(PlanVersion)
class PlanVersionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "starts_on", "ends_on", "eqia"]
    list_select_related = ["plan"]
    # Links without a scheme are read as https, the default from Django 6.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Route)
class RouteAdmin(SimpleHistoryAdmin):
    list_display = ["version", "partnership", "council"]
    list_select_related = ["version", "partnership", "council"]


class ConditionInline(admin.TabularInline):
    model = Condition
    extra = 0


@admin.register(AdoptionStep)
class AdoptionStepAdmin(SimpleHistoryAdmin):
    list_display = ["route", "kind", "outcome", "decided_on"]
    list_filter = ["kind", "outcome"]
    inlines = [ConditionInline]
