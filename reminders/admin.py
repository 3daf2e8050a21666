from django.contrib import admin

from reminders.models import Deadline, Heartbeat


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "due_on", "rule", "met_on"]
    list_filter = ["rule", "partnership"]
    date_hierarchy = "due_on"
    list_select_related = ["partnership"]

    def get_queryset(self, request):
        # A Domestic Homicide Review's deadlines say which agencies owe it what: like the
        # review, they are for its partnership's DHR-cleared members, site admins or not.
        return super().get_queryset(request).visible_to(request.user)


admin.site.register(Heartbeat)
