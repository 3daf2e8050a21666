from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.models import Council, Membership, Organisation, Partnership, Role


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]


class RoleInline(admin.TabularInline):
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
class RoleAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partnership", "kind"]
    list_filter = ["kind", "partnership"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "partnership"]
