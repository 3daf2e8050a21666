"""Only the DHR-cleared people of a case's partnership see it; everyone else gets a 404,
and every look is recorded."""

import pytest
import rules
from django.http import Http404

from dhr.access import case_for
from dhr.models import CaseView, DhrCase
from partnerships.models import Role
from tests.conftest import _person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(dorset):
    return DhrCase.objects.create(partnership=dorset, reference="DHR 2026/01", pseudonym="Adult B")


@pytest.fixture
def cleared(dorset):
    return _person("dhrlead", dorset, Role.Kind.DHR_CLEARED)


def test_a_cleared_person_gets_the_case_and_the_look_is_recorded(case, cleared, django_assert_num_queries):
    found = case_for(cleared, case.pk, what="case detail")
    assert found == case
    view = CaseView.objects.get()
    assert (view.case, view.user, view.what) == (case, cleared, "case detail")
    with django_assert_num_queries(0):
        list(found.stages.all()), list(found.pauses.all()), list(found.imrs.all())
        list(found.recommendations.all()), list(found.costs.all())


def test_every_look_is_recorded(case, cleared):
    case_for(cleared, case.pk, what="case detail")
    case_for(cleared, case.pk, what="overview report download")
    assert CaseView.objects.filter(user=cleared).count() == 2


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def bcp_cleared(bcp):
    return _person("bcplead", bcp, Role.Kind.DHR_CLEARED)


@pytest.mark.parametrize(
    "who", ["officer", "councillor", "superuser", "bcp_cleared", "bcp_officer", "stranger"]
)
def test_anyone_not_cleared_in_the_partnership_gets_404_and_no_view_is_recorded(case, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(Http404):
        case_for(user, case.pk, what="case detail")
    assert not CaseView.objects.exists()


def test_a_missing_case_is_a_404_like_any_other(cleared):
    with pytest.raises(Http404):
        case_for(cleared, 999, what="case detail")


def test_the_permission_follows_the_cleared_role_not_superuser_status(case, cleared, superuser, officer):
    assert rules.has_perm("dhr.view_case_detail", cleared, case)
    assert not rules.has_perm("dhr.view_case_detail", superuser, case)
    assert not rules.has_perm("dhr.view_case_detail", officer, case)


def test_clearance_is_per_partnership(case, bcp_cleared, dorset, bcp):
    from dhr.rules import is_dhr_cleared

    assert is_dhr_cleared(bcp_cleared, bcp)
    assert not is_dhr_cleared(bcp_cleared, dorset)


def test_anonymous_visitors_get_404(case):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Http404):
        case_for(AnonymousUser(), case.pk, what="case detail")
