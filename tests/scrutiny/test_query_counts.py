"""The list of packs costs the same number of queries however many packs there are."""

import pytest
from django.urls import reverse

from scrutiny.models import Pack
from tests.conftest import signed_in
from tests.scrutiny.conftest import COVER

pytestmark = pytest.mark.django_db


def make_packs(partnership, council, person, count, *, state):
    for number in range(count):
        Pack.objects.create(
            partnership=partnership,
            council=council,
            created_by=person,
            state=state,
            **(
                {
                    "issued_by": person,
                    "issued_at": "2024-07-01T10:00Z",
                    "pdf_sha256": "a" * 64,
                    "docx_sha256": "b" * 64,
                }
                if state == Pack.State.ISSUED
                else {}
            ),
            **{**COVER, "title": f"Report {number}"},
        )


@pytest.mark.parametrize("person", ["clerk", "councillor"])
def test_the_pack_list_is_pinned(client, request, dorset, dorset_council, django_assert_num_queries, person):
    user = request.getfixturevalue(person)
    signed_in(client, user)
    url = reverse("scrutiny:list", args=["dorset"])
    counts = []
    for count in (1, 12):
        make_packs(dorset, dorset_council, user, count, state=Pack.State.ISSUED)
        make_packs(dorset, dorset_council, user, count, state=Pack.State.DRAFT)
        client.get(url)  # warm the session
        with django_assert_num_queries(5) as captured:
            response = client.get(url)
        counts.append(len(captured.captured_queries))
        assert response.status_code == 200
        issued = Pack.objects.issued().count()
        assert len(response.context["issued"]) == issued
        assert len(response.context["drafts"]) == (Pack.objects.drafts().count() if person == "clerk" else 0)
    assert counts[0] == counts[1]
