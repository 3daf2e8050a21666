from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("partnerships/<slug:slug>/indicators/", views.indicator_list, name="list"),
    path("partnerships/<slug:slug>/indicators/add/", views.add_indicator, name="add"),
    path("partnerships/<slug:slug>/indicators/import/", views.import_figures, name="import"),
    path("partnerships/<slug:slug>/indicators/import/confirm/", views.confirm_import, name="confirm_import"),
    path("partnerships/<slug:slug>/indicators/import/template.csv", views.import_template, name="template"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indicators/<int:pk>/edit/", views.edit_indicator, name="edit"),
    path("indicators/<int:pk>/figures/add/", views.record_value, name="record_value"),
    path("indicators/<int:pk>/target/", views.set_target, name="set_target"),
    path("indicators/<int:pk>/history/", views.indicator_history, name="history"),
]
