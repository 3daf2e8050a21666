"""Who may clear someone for a partnership's Domestic Homicide Reviews in Manage: a member
already cleared there, or a site admin while the partnership has no reviews yet. A site admin
cannot clear themselves into confidential cases."""

import pytest
from django.urls import reverse

from dhr.models import DhrCase
from partnerships.models import Role
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def grant(client, user, partnership, kind=Role.Kind.DHR_CLEARED):
    return client.post(
        reverse("admin:partnerships_role_add"),
        {"user": user.pk, "partnership": partnership.pk, "kind": kind},
    )


def test_a_site_admin_cannot_clear_themselves_once_there_are_reviews(client, site_admin, dorset):
    DhrCase.objects.create(partnership=dorset, reference="DHR 2025/01", pseudonym="Adult B")
    signed_in(client, site_admin)
    response = grant(client, site_admin, dorset)
    assert response.status_code == 200
    assert "Only a DHR-cleared member of the partnership can clear someone" in response.content.decode()
    assert not Role.objects.filter(kind=Role.Kind.DHR_CLEARED).exists()
    # Other roles are theirs to give.
    assert grant(client, site_admin, dorset, kind=Role.Kind.CLERK).status_code == 302


def test_a_site_admin_may_clear_the_first_before_there_are_reviews(client, site_admin, officer, dorset):
    signed_in(client, site_admin)
    assert grant(client, officer, dorset).status_code == 302
    assert Role.objects.filter(user=officer, kind=Role.Kind.DHR_CLEARED).exists()


def test_a_cleared_admin_may_clear_a_colleague(client, dhr_lead, officer, dorset):
    DhrCase.objects.create(partnership=dorset, reference="DHR 2025/01", pseudonym="Adult B")
    dhr_lead.is_staff = dhr_lead.is_superuser = True
    dhr_lead.save()
    signed_in(client, dhr_lead)
    assert grant(client, officer, dorset).status_code == 302


def test_the_partnership_page_in_manage_refuses_it_too(client, site_admin, officer, dorset):
    DhrCase.objects.create(partnership=dorset, reference="DHR 2025/01", pseudonym="Adult B")
    signed_in(client, site_admin)
    url = reverse("admin:partnerships_partnership_change", args=[dorset.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(
        {
            "councils": [c.pk for c in dorset.councils.all()],
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "roles-TOTAL_FORMS": "1",
            "roles-INITIAL_FORMS": "0",
            "roles-0-user": site_admin.pk,
            "roles-0-kind": Role.Kind.DHR_CLEARED,
        }
    )
    response = client.post(url, data)
    assert "Only a DHR-cleared member of the partnership can clear someone" in response.content.decode()
    assert not Role.objects.filter(kind=Role.Kind.DHR_CLEARED).exists()
    # The same change as a clerk's role goes through: the form above is a real one.
    data["roles-0-kind"] = Role.Kind.CLERK
    assert client.post(url, data).status_code == 302
    assert Role.objects.filter(user=site_admin, kind=Role.Kind.CLERK).exists()
