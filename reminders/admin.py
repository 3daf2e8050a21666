from django.contrib import admin

from reminders.models import Deadline, Heartbeat


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "due_on", "rule", "met_on"]
    list_filter = ["rule", "partnership"]
    date_hierarchy = "due_on"
    list_select_related = ["partnership"]


admin.site.register(Heartbeat)
