from django.urls import path

from partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("partnerships/", views.partnership_list, name="list"),
    path("partnerships/<slug:slug>/", views.dashboard, name="dashboard"),
    path("partnerships/<slug:slug>/about/", views.partnership_detail, name="detail"),
]
