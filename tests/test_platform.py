import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from csp_tracker.checks import refuse_insecure_production
from csp_tracker.settings import DEVELOPMENT_SECRET_KEY
from duties.models import Duty, RegisterEntry


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_not(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=Exception("down")):
        assert client.get("/healthz").status_code == 503


def test_production_refuses_the_development_key(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = DEVELOPMENT_SECRET_KEY
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set"):
        refuse_insecure_production()
    settings.SECRET_KEY = "a-real-secret"
    refuse_insecure_production()


def test_a_worker_will_not_start_on_the_development_key(tmp_path):
    """Celery swallows exceptions from signal handlers, so this is checked on a real worker."""
    root = Path(__file__).resolve().parents[1]
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "DEBUG")}
    env.update(CSP_VAR_DIR=str(tmp_path), CELERY_BROKER_URL="memory://")
    done = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "csp_tracker", "worker", "--pool", "solo"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "Refusing to start: SECRET_KEY is not set" in done.stdout + done.stderr


def test_catalogue_has_every_duty_the_law_sets(db):
    codes = set(Duty.objects.values_list("code", flat=True))
    assert {
        "strategy-group",
        "strategic-assessment",
        "partnership-plan",
        "community-engagement",
        "information-sharing",
        "plan-summary-published",
        "reducing-reoffending",
        "substance-misuse",
        "serious-violence",
        "domestic-homicide-reviews",
        "domestic-abuse-safe-accommodation",
        "crime-and-disorder-scrutiny",
    } <= codes
    assert Duty.objects.get(code="partnership-plan").cycle_months == 12
    assert Duty.objects.get(code="domestic-abuse-safe-accommodation").cycle_months == 36


@pytest.mark.django_db
def test_demo_officer_sees_dorsets_register_with_its_strategic_assessment(client, demo):
    assert client.login(username="officer", password="csp-tracker-demo")
    assert client.get("/")["Location"] == "/partnerships/dorset/"
    page = client.get(reverse("duties:register", args=["dorset"])).content.decode()
    assert "Annual Partnership Strategic Assessment (PSA)" in page
    entry = RegisterEntry.objects.get(partnership__slug="dorset", duty__code="strategic-assessment")
    assert "signed off by the CSCJB in February 2019" in entry.implementation
    assert entry.delivered_by.name == "Pan-Dorset Community Safety & Criminal Justice Board"


@pytest.mark.django_db
def test_demo_has_a_login_per_role_and_loads_twice_without_duplicates(demo):
    from django.core.management import call_command

    from partnerships.models import Role

    call_command("load_demo", verbosity=0)
    kinds = {
        username: set(Role.objects.filter(user__username=username).values_list("kind", flat=True))
        for username in ("officer", "clerk", "councillor", "dhr", "admin")
    }
    assert kinds["officer"] == {"officer"}
    assert "clerk" in kinds["clerk"] and kinds["councillor"] == {"councillor"}
    assert "dhr_cleared" in kinds["dhr"] and "admin" in kinds["admin"]
    assert RegisterEntry.objects.filter(partnership__slug="dorset").count() == 14
    assert RegisterEntry.objects.filter(partnership__slug="bcp").count() == 12


@pytest.mark.django_db
def test_sign_in_page_lists_demo_logins_in_demo_mode_only(client, settings):
    settings.DEMO_MODE = False
    assert "csp-tracker-demo" not in client.get(reverse("login")).content.decode()
    settings.DEMO_MODE = True
    assert "csp-tracker-demo" in client.get(reverse("login")).content.decode()
