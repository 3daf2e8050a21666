from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path("status/", views.service_status, name="status"),
]
