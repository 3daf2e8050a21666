from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.models import Council, Membership, Organisation, Partnership, Role
from partnerships.rules import may_grant_dhr_clearance


class RoleForm(forms.ModelForm):
    """A role, refusing the DHR-cleared role to anyone the granting person may not clear."""

    granted_by = None  # set per request by the admin classes below

    class Meta:
        model = Role
        fields = ["user", "partnership", "kind"]

    def clean(self):
        cleaned = super().clean()
        partnership = cleaned.get("partnership") or getattr(self.instance, "partnership", None)
        granting = cleaned.get("kind") == Role.Kind.DHR_CLEARED and (
            self.instance.pk is None or "kind" in self.changed_data or "user" in self.changed_data
        )
        if granting and not may_grant_dhr_clearance(self.granted_by, partnership):
            self.add_error(
                "kind",
                "Only a DHR-cleared member of the partnership can clear someone for its Domestic "
                "Homicide Reviews (a site admin may clear the first, before there are any reviews)",
            )
        return cleaned


class _GrantsRoles:
    """Tell the role form who is granting."""

    form = RoleForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"granted_by": request.user})

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = type(formset.form.__name__, (formset.form,), {"granted_by": request.user})
        return formset


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]


class RoleInline(_GrantsRoles, admin.TabularInline):
    model = Role
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "brand", "nation"]
    search_fields = ["name", "brand"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["councils"]
    inlines = [MembershipInline, RoleInline]


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    list_display = ["name", "nation", "crime_and_disorder_committee"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Role)
class RoleAdmin(_GrantsRoles, SimpleHistoryAdmin):
    list_display = ["user", "partnership", "kind"]
    list_filter = ["kind", "partnership"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "partnership"]
