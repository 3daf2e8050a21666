from django.urls import path

from duties import views

app_name = "duties"

urlpatterns = [
    path("partnerships/<slug:slug>/duties/", views.register_list, name="register"),
    path("partnerships/<slug:slug>/duties/<slug:code>/", views.entry_detail, name="entry"),
    path("partnerships/<slug:slug>/duties/<slug:code>/edit/", views.entry_edit, name="edit"),
    path("partnerships/<slug:slug>/duties/<slug:code>/history/", views.entry_history, name="history"),
    path(
        "partnerships/<slug:slug>/duties/<slug:code>/evidence/add/", views.evidence_add, name="add_evidence"
    ),
    path("evidence/<int:pk>/download/", views.evidence_download, name="download_evidence"),
]
