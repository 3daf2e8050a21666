"""Personas for the tests: the people of two partnerships, Dorset and BCP."""

import pytest
from django.core.management import call_command

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


def signed_in(client, user):
    client.force_login(user)
    return client
