from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path("status/", views.service_status, name="status"),
    path("reminders/", views.my_reminders, name="mine"),
    path("reminders/digest/", views.set_digest, name="digest"),
    path("reminders/calendar/address/", views.make_calendar_address, name="make_calendar_address"),
    path("reminders/calendar/off/", views.turn_calendar_off, name="calendar_off"),
    # Fetched by Outlook with no one signed in: the secret address is the key.
    path("reminders/calendar/<slug:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("reminders/deadlines/<int:pk>/", views.deadline_detail, name="deadline"),
    path("partnerships/<slug:slug>/reminders/", views.partnership_settings, name="settings"),
]
