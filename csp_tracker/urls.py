from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView

from csp_tracker import views

admin.site.site_header = "CSP Tracker administration"
admin.site.site_title = "CSP Tracker"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "accessibility/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"
    ),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("manage/", admin.site.urls),
    path("", include("partnerships.urls")),
    path("", include("duties.urls")),
    path("", include("plans.urls")),
    path("", include("dhr.urls")),
    path("", include("meetings.urls")),
    path("", include("indicators.urls")),
    path("", include("reminders.urls")),
    path("", include("scrutiny.urls")),
]
