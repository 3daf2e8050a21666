from django.urls import path

from dhr import views

app_name = "dhr"

urlpatterns = [
    path("partnerships/<slug:slug>/dhr/", views.case_list, name="list"),
    path("partnerships/<slug:slug>/dhr/dashboard/", views.review_dashboard, name="dashboard"),
    path("partnerships/<slug:slug>/dhr/add/", views.open_case, name="open_case"),
    path("partnerships/<slug:slug>/dhr/access-log/", views.access_log, name="access_log"),
    path("dhr/cases/<int:pk>/", views.case_detail, name="case"),
    path("dhr/cases/<int:pk>/edit/", views.edit_case, name="edit_case"),
    path("dhr/cases/<int:pk>/history/", views.case_history, name="history"),
    path("dhr/cases/<int:pk>/stages/add/", views.record_stage, name="record_stage"),
    path("dhr/cases/<int:pk>/pauses/add/", views.pause_case, name="pause"),
    path("dhr/cases/<int:pk>/imrs/add/", views.request_imr, name="request_imr"),
    path("dhr/cases/<int:pk>/recommendations/add/", views.add_recommendation, name="add_recommendation"),
    path("dhr/cases/<int:pk>/costs/add/", views.add_cost, name="add_cost"),
    path("dhr/cases/<int:pk>/documents/add/", views.add_document, name="add_document"),
    path("dhr/stages/<int:pk>/correct/", views.correct_stage, name="correct_stage"),
    path("dhr/pauses/<int:pk>/end/", views.resume_case, name="resume"),
    path("dhr/imrs/<int:pk>/received/", views.receive_imr, name="receive_imr"),
    path(
        "dhr/recommendations/<int:pk>/progress/",
        views.recommendation_progress,
        name="recommendation_progress",
    ),
    path("dhr/documents/<int:pk>/", views.download_document, name="document"),
]
