from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("plans/", views.board, name="board"),
    path("plans/print/", views.board_print, name="board_print"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/versions/add/", views.add_version, name="add_version"),
    path("plans/versions/<int:pk>/", views.version_detail, name="version"),
    path("plans/versions/<int:pk>/edit/", views.edit_version, name="edit_version"),
    path("plans/versions/<int:pk>/document/", views.version_document, name="version_document"),
    path("plans/versions/<int:pk>/history/", views.version_history, name="version_history"),
    path("plans/routes/<int:pk>/record/", views.record_step, name="record_step"),
    path("plans/conditions/<int:pk>/met/", views.condition_met, name="condition_met"),
    path("partnerships/<slug:slug>/plans/add/", views.add_plan, name="add_plan"),
]
