"""Personas for the tests: the people of two partnerships, Dorset and BCP."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from duties.models import Duty, RegisterEntry
from partnerships.models import Role
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings, tmp_path):
    """Hashed static names need collectstatic; tests serve the files as they are."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def dorset(db):
    return PartnershipFactory(name="Dorset Community Safety Partnership", slug="dorset")


@pytest.fixture
def bcp(db):
    return PartnershipFactory(name="BCP Community Safety Partnership", slug="bcp", brand="Safer BCP")


def _person(username, partnership, *kinds, first_name="", last_name=""):
    user = UserFactory(username=username, first_name=first_name or username.title(), last_name=last_name)
    for kind in kinds:
        RoleFactory(user=user, partnership=partnership, kind=kind)
    return user


@pytest.fixture
def officer(dorset):
    return _person("officer", dorset, Role.Kind.OFFICER, first_name="Alex", last_name="Morgan")


@pytest.fixture
def clerk(dorset):
    return _person("clerk", dorset, Role.Kind.CLERK)


@pytest.fixture
def councillor(dorset):
    return _person("councillor", dorset, Role.Kind.COUNCILLOR)


@pytest.fixture
def bcp_officer(bcp):
    return _person("bcpofficer", bcp, Role.Kind.OFFICER)


@pytest.fixture
def dhr_officer(dorset):
    """Dee Evans runs Dorset's Domestic Homicide Reviews."""
    return _person(
        "dhr", dorset, Role.Kind.OFFICER, Role.Kind.DHR_CLEARED, first_name="Dee", last_name="Evans"
    )


@pytest.fixture
def dhr_lead(dorset):
    """A DHR-cleared partnership admin, who may read the log of who looked at reviews."""
    return _person(
        "dhrlead",
        dorset,
        Role.Kind.OFFICER,
        Role.Kind.DHR_CLEARED,
        Role.Kind.ADMIN,
        first_name="Chris",
        last_name="Patel",
    )


@pytest.fixture
def site_admin(dorset):
    """A site administrator with the admin role in Dorset, but not DHR-cleared."""
    user = _person("admin", dorset, Role.Kind.ADMIN, first_name="Sam", last_name="Taylor")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def stranger(db):
    return UserFactory(username="stranger")


@pytest.fixture
def entry(dorset):
    return RegisterEntry.objects.create(
        partnership=dorset,
        duty=Duty.objects.get(code="strategic-assessment"),
        status=RegisterEntry.Status.ON_TRACK,
    )


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


@pytest.fixture(scope="module")
def demo_for_the_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for a module of tests that read it: it stays in an open
    transaction, each test's own transaction nests inside it (a savepoint rolled back after
    the test), and the whole is rolled back when the module ends. Loading the demo takes
    seconds, so a module of ten such tests saves most of a minute. Not for tests that
    need committed data (the browser and worker tests). Yields the folder of its files, for
    MEDIA_ROOT."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield media
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def signed_in(client, user):
    client.force_login(user)
    return client
