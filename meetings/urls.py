from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("partnerships/<slug:slug>/meetings/", views.meeting_list, name="list"),
    path("partnerships/<slug:slug>/meetings/add/", views.record_meeting, name="add"),
    path("partnerships/<slug:slug>/actions/", views.action_list, name="actions"),
    path("partnerships/<slug:slug>/actions/add/", views.add_action, name="add_action"),
    path("partnerships/<slug:slug>/forward-plan/", views.forward_plan, name="forward_plan"),
    path(
        "partnerships/<slug:slug>/forward-plan/add/",
        views.add_forward_plan_item,
        name="add_forward_plan_item",
    ),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/history/", views.meeting_history, name="history"),
    path("meetings/<int:pk>/attendance/", views.record_attendance, name="attendance"),
    path("meetings/<int:pk>/items/add/", views.add_item, name="add_item"),
    path("meetings/items/<int:pk>/actions/add/", views.add_item_action, name="add_item_action"),
    path("actions/mine/", views.my_actions, name="my_actions"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/edit/", views.edit_action, name="edit_action"),
]
