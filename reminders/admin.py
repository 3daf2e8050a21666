from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from simple_history.admin import SimpleHistoryAdmin

from reminders import preferences as reminder_preferences
from reminders import sending
from reminders.forms import DaysBeforeField
from reminders.models import Deadline, Heartbeat, Preferences, Reminder, ReminderSettings


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


class RoomyChoicesFilter(admin.ChoicesFieldListFilter):
    """The admin's filter, with links tall enough to tap (WCAG 2.2 target size)."""

    template = "reminders/admin_filter.html"


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """The failed sends page: filter by state, pick the failed ones, send them again now.

    Read-only otherwise: a reminder is a record of what was sent, made by the sweep."""

    list_display = [
        "kind",
        "recipient",
        "to_address",
        "subject",
        "state",
        "attempts",
        "created_at",
        "sent_at",
        "note",
    ]
    list_filter = [("state", RoomyChoicesFilter), ("kind", RoomyChoicesFilter)]
    list_select_related = ["recipient"]
    search_fields = ["recipient__username", "recipient__last_name", "to_address", "subject"]
    actions = ["send_again"]

    def get_queryset(self, request):
        # Reminders about a review's deadlines only where the person is DHR-cleared (their
        # subjects are generic, but who was told about which review is not). Site admins also
        # see everyone's weekly digests, so a failed digest can be sent again.
        reminders = super().get_queryset(request)
        visible = reminders.visible_to(request.user)
        if request.user.is_superuser:
            return reminders.filter(Q(pk__in=visible.values("pk")) | Q(deadline__isnull=True))
        return visible

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_send_again_permission(self, request):
        return request.user.has_perm("reminders.change_reminder")

    @admin.action(description="Send again now", permissions=["send_again"])
    def send_again(self, request, queryset):
        outcomes = {}
        chosen = list(queryset.order_by("pk"))
        for reminder in chosen:
            if reminder.state == Reminder.State.FAILED:
                state = sending.send_again(reminder) or "taken"
                outcomes[state] = outcomes.get(state, 0) + 1
        skipped = sum(reminder.state != Reminder.State.FAILED for reminder in chosen)
        words = {
            Reminder.State.SENT: ("sent", messages.SUCCESS),
            Reminder.State.FAILED: ("failed again (see the note)", messages.ERROR),
            Reminder.State.PENDING: ("failed and will be tried again later", messages.WARNING),
            Reminder.State.CANCELLED: ("no longer worth sending (see the note)", messages.WARNING),
            "taken": ("already being sent by the worker", messages.INFO),
        }
        for state, count in outcomes.items():
            said, level = words[state]
            self.message_user(request, f"{count} reminder{'s' if count != 1 else ''} {said}.", level)
        if skipped:
            self.message_user(
                request,
                f"{skipped} reminder{'s' if skipped != 1 else ''} left alone: only failed ones are sent again.",
                messages.INFO,
            )


class ReminderSettingsForm(forms.ModelForm):
    days_before = DaysBeforeField()

    class Meta:
        model = ReminderSettings
        fields = ["partnership", "days_before", "lead"]


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(SimpleHistoryAdmin):
    form = ReminderSettingsForm
    list_display = ["partnership", "days_before", "lead"]
    list_select_related = ["partnership", "lead"]


@admin.register(Preferences)
class PreferencesAdmin(SimpleHistoryAdmin):
    # The calendar address is a secret: never shown, here or in the history.
    fields = ["user", "weekly_digest", "calendar_token_made_at"]
    readonly_fields = ["calendar_token_made_at"]
    list_display = ["user", "weekly_digest", "has_calendar_feed", "calendar_token_made_at"]
    list_filter = ["weekly_digest"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__last_name"]
    actions = ["turn_calendar_off"]

    @admin.display(boolean=True, description="Calendar feed")
    def has_calendar_feed(self, obj):
        return obj.calendar_token is not None

    @admin.action(description="Turn the calendar feed off (the address stops working)")
    def turn_calendar_off(self, request, queryset):
        count = 0
        for preferences in queryset.exclude(calendar_token=None).select_related("user"):
            reminder_preferences.turn_calendar_off(preferences.user, by=request.user)
            count += 1
        self.message_user(
            request, f"Calendar feed turned off for {count} {'person' if count == 1 else 'people'}."
        )


admin.site.register(Heartbeat)
