import pytest
from django.urls import reverse

from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def urls(entry):
    args = [entry.partnership.slug, entry.duty.code]
    return {
        "edit": reverse("duties:edit", args=args),
        "evidence": reverse("duties:add_evidence", args=args),
        "entry": reverse("duties:entry", args=args),
        "register": reverse("duties:register", args=[entry.partnership.slug]),
        "dashboard": reverse("partnerships:dashboard", args=[entry.partnership.slug]),
        "partnership": reverse("partnerships:detail", args=[entry.partnership.slug]),
        "history": reverse("duties:history", args=args),
    }


def test_councillor_reads_the_register_but_cannot_edit(client, councillor, entry):
    signed_in(client, councillor)
    for name in ("entry", "register", "dashboard", "partnership", "history"):
        assert client.get(urls(entry)[name]).status_code == 200, name
    assert "Update this duty" not in client.get(urls(entry)["entry"]).content.decode()
    assert client.get(urls(entry)["edit"]).status_code == 403
    assert client.post(urls(entry)["edit"], {"status": "met", "version": 1}).status_code == 403
    assert (
        client.post(urls(entry)["evidence"], {"title": "x", "link": "https://example.org"}).status_code == 403
    )
    entry.refresh_from_db()
    assert entry.status == "on_track" and not entry.evidence.exists()


def test_clerk_cannot_edit_the_register(client, clerk, entry):
    assert signed_in(client, clerk).get(urls(entry)["edit"]).status_code == 403


def test_officer_of_bcp_cannot_see_or_edit_dorsets_register(client, bcp_officer, entry):
    signed_in(client, bcp_officer)
    for name, url in urls(entry).items():
        assert client.get(url).status_code == 404, name
    assert client.post(urls(entry)["edit"], {"status": "met", "version": 1}).status_code == 404
    entry.refresh_from_db()
    assert entry.status == "on_track"


def test_anonymous_visitors_are_sent_to_sign_in(client, entry):
    for name, url in urls(entry).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"] == f"/accounts/login/?next={url}"


def test_officer_can_edit_own_register(client, officer, entry):
    assert signed_in(client, officer).get(urls(entry)["edit"]).status_code == 200


def test_someone_with_no_role_sees_no_partnerships(client, stranger, dorset):
    page = signed_in(client, stranger).get(reverse("partnerships:list")).content.decode()
    assert "Dorset" not in page
    assert "You do not have a role in any partnership yet" in page


def test_service_status_is_for_admins_only(client, officer, django_user_model):
    assert signed_in(client, officer).get(reverse("reminders:status")).status_code == 403
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-not-used-here")
    assert signed_in(client, admin).get(reverse("reminders:status")).status_code == 200
