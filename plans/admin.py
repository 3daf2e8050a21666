from django.contrib import admin
from django.db import models, transaction
from simple_history.admin import SimpleHistoryAdmin

from plans.adoption import rewrite_after_step_change
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

    # A step corrected or removed here feeds deadlines as one recorded by an officer does:
    # its plan's, and its partnership's Crime & Disorder Committee deadlines.
    def save_model(self, request, obj, form, change):
        if change:
            obj._route_before = AdoptionStep.objects.filter(pk=obj.pk).values_list("route", flat=True).first()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # After the conditions too: the plan's deadlines read them.
        super().save_related(request, form, formsets, change)
        step = form.instance
        rewrite_after_step_change([step.route_id, getattr(step, "_route_before", None)])

    def delete_model(self, request, obj):
        route_id = obj.route_id
        super().delete_model(request, obj)
        rewrite_after_step_change([route_id])

    def delete_queryset(self, request, queryset):
        route_ids = list(queryset.values_list("route", flat=True))
        with transaction.atomic():
            super().delete_queryset(request, queryset)
            rewrite_after_step_change(route_ids)
