from django.urls import path

from scrutiny import views

app_name = "scrutiny"

urlpatterns = [
    path("partnerships/<slug:slug>/scrutiny/", views.pack_list, name="list"),
    path("partnerships/<slug:slug>/scrutiny/build/", views.build_pack, name="build"),
    path("scrutiny/<int:pk>/", views.pack_detail, name="pack"),
    path("scrutiny/<int:pk>/progress/", views.pack_progress, name="progress"),
    path("scrutiny/<int:pk>/preview/", views.preview, name="preview"),
    path("scrutiny/<int:pk>/narrative/", views.edit_narrative, name="edit"),
    path("scrutiny/<int:pk>/issue/", views.issue, name="issue"),
    path("scrutiny/<int:pk>/build-again/", views.build_again, name="build_again"),
    path("scrutiny/<int:pk>/pack.pdf", views.download_pdf, name="pdf"),
    path("scrutiny/<int:pk>/pack.docx", views.download_docx, name="docx"),
    path("scrutiny/<int:pk>/history/", views.pack_history, name="history"),
]
