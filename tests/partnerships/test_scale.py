"""The benchmark data generator: small runs of what `generate_scale` does at national scale."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from duties.models import Duty, RegisterEntry
from duties.register import write_entry_deadlines
from partnerships import scale
from partnerships.models import Council, Membership, Nation, Organisation, Partnership, Role
from reminders.models import Deadline

TODAY = date(2026, 6, 1)
SMALL = {"partnerships": 3, "users": 30}

pytestmark = pytest.mark.django_db


def generate_small(seed=1, **options):
    call_command("generate_scale", seed=seed, today=TODAY, stdout=StringIO(), **SMALL, **options)


def snapshot():
    """Every name and date the generator chose, in an order that does not depend on ids."""
    return {
        "partnerships": sorted(
            (p.slug, p.name, p.brand, p.nation, tuple(sorted(c.name for c in p.councils.all())))
            for p in Partnership.objects.prefetch_related("councils")
        ),
        "councils": sorted(Council.objects.values_list("slug", "name", "crime_and_disorder_committee")),
        "organisations": sorted(Organisation.objects.values_list("name", "kind")),
        "memberships": sorted(
            Membership.objects.values_list("partnership__slug", "organisation__name", "standing")
        ),
        "users": sorted(
            get_user_model().objects.values_list("username", "first_name", "last_name", "date_joined")
        ),
        "roles": sorted(Role.objects.values_list("user__username", "partnership__slug", "kind")),
        "entries": sorted(
            RegisterEntry.objects.values_list(
                "partnership__slug",
                "duty__code",
                "status",
                "owner__username",
                "delivered_by__name",
                "last_completed_on",
                "next_due_on",
                "implementation",
            ),
            key=repr,
        ),
        "deadlines": sorted(
            Deadline.objects.values_list("partnership__slug", "title", "due_on", "owner__username", "link"),
            key=repr,
        ),
    }


def deadline_rows():
    return sorted(
        Deadline.objects.values_list(
            "partnership_id",
            "title",
            "due_on",
            "owner_id",
            "rule",
            "rule_version",
            "legal_source",
            "source_type_id",
            "source_id",
            "link",
            "is_confidential",
            "met_on",
        ),
        key=repr,
    )


def test_counts_returned_match_the_rows_written():
    counts = scale.generate(seed=1, today=TODAY, **SMALL)

    User = get_user_model()
    duties = Duty.objects.count()
    england_only = Duty.objects.filter(england_only=True).count()
    welsh = Partnership.objects.filter(nation=Nation.WALES).count()
    assert counts["partnerships"] == Partnership.objects.count() == 3
    assert counts["users"] == User.objects.count() == 30
    assert counts["councils"] == Council.objects.count()
    assert counts["organisations"] == Organisation.objects.count()
    assert counts["memberships"] == Membership.objects.count()
    assert counts["roles"] == Role.objects.count()
    assert counts["register entries"] == RegisterEntry.objects.count() == 3 * duties - welsh * england_only
    assert counts["deadlines"] == Deadline.objects.count()


def test_national_shape_holds_in_a_small_run():
    scale.generate(seed=1, today=TODAY, **SMALL)

    assert Partnership.objects.filter(nation=Nation.WALES).count() == 1
    for partnership in Partnership.objects.all():
        kinds = set(partnership.roles.values_list("kind", flat=True))
        assert kinds == set(Role.Kind.values), partnership
        statutory = partnership.memberships.filter(standing=Membership.Standing.STATUTORY)
        assert set(statutory.values_list("organisation__kind", flat=True)) >= {
            Organisation.Kind.COUNCIL,
            Organisation.Kind.POLICE,
            Organisation.Kind.FIRE_AND_RESCUE_AUTHORITY,
            Organisation.Kind.HEALTH,
            Organisation.Kind.PROBATION,
        }
        assert 1 <= partnership.councils.count() <= 2
    assert all(not user.has_usable_password() for user in get_user_model().objects.all())


def test_welsh_partnerships_have_no_entry_for_england_only_duties():
    scale.generate(seed=1, today=TODAY, **SMALL)

    england_only = Duty.objects.filter(england_only=True)
    assert england_only.exists()
    assert not RegisterEntry.objects.filter(partnership__nation=Nation.WALES, duty__in=england_only).exists()
    assert RegisterEntry.objects.filter(partnership__nation=Nation.ENGLAND, duty__in=england_only).exists()


def test_same_seed_gives_the_same_names_and_dates():
    generate_small(seed=1)
    first = snapshot()

    generate_small(seed=1, replace=True)

    assert snapshot() == first


def test_a_different_seed_gives_different_names_and_dates():
    generate_small(seed=1)
    first = snapshot()

    generate_small(seed=2, replace=True)
    second = snapshot()

    assert second["partnerships"] != first["partnerships"]
    assert second["users"] != first["users"]
    assert [row[5:7] for row in second["entries"]] != [row[5:7] for row in first["entries"]]


def test_every_entry_with_a_due_date_has_its_deadline_and_no_other():
    scale.generate(seed=1, today=TODAY, **SMALL)

    source_type = ContentType.objects.get_for_model(RegisterEntry)
    entries = RegisterEntry.objects.select_related("partnership", "duty", "owner")
    assert entries.filter(next_due_on__isnull=True).exists()
    for entry in entries:
        deadlines = list(Deadline.objects.filter(source_type=source_type, source_id=entry.pk))
        if entry.next_due_on is None:
            assert deadlines == []
            continue
        assert len(deadlines) == 1, entry
        deadline = deadlines[0]
        assert deadline.due_on == entry.next_due_on
        assert deadline.rule == "duty-due"
        assert deadline.title == f"{entry.duty.title} due"
        assert deadline.partnership_id == entry.partnership_id
        assert deadline.owner_id == entry.owner_id
        assert deadline.link == entry.get_absolute_url()
        assert deadline.met_on is None


def test_deadlines_are_what_the_register_would_have_written():
    scale.generate(seed=1, today=TODAY, **SMALL)
    generated = deadline_rows()

    for entry in RegisterEntry.objects.select_related("partnership", "duty", "owner"):
        write_entry_deadlines(entry)

    assert deadline_rows() == generated


def test_dates_respect_the_constraint_and_spread_around_today():
    scale.generate(seed=1, today=TODAY, **SMALL)

    entries = RegisterEntry.objects.all()
    for entry in entries.filter(next_due_on__isnull=False, last_completed_on__isnull=False):
        assert entry.next_due_on > entry.last_completed_on, entry
    assert entries.filter(next_due_on__lt=TODAY).exists()
    assert entries.filter(next_due_on__gte=TODAY).exists()
    assert Deadline.objects.overdue(TODAY).exists()
    assert entries.exclude(implementation="").filter(implementation__regex=r"^.{150,}$").exists()


def test_refuses_to_run_twice_without_replace():
    generate_small(seed=1)
    before = snapshot()

    with pytest.raises(CommandError, match="--replace"):
        generate_small(seed=2)

    assert snapshot() == before


def test_replace_removes_only_generated_rows():
    demo_org = Organisation.objects.create(name="Dorset Police", kind=Organisation.Kind.POLICE)
    demo = Partnership.objects.create(name="Dorset Community Safety Partnership", slug="dorset")
    Membership.objects.create(partnership=demo, organisation=demo_org, standing=Membership.Standing.STATUTORY)
    officer = get_user_model().objects.create_user("officer")
    Role.objects.create(user=officer, partnership=demo, kind=Role.Kind.OFFICER)
    generate_small(seed=1)

    scale.remove()

    assert list(Partnership.objects.values_list("slug", flat=True)) == ["dorset"]
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Dorset Police"]
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["officer"]
    assert not Council.objects.exists()
    assert Deadline.objects.count() == RegisterEntry.objects.count() == 0


def test_command_prints_the_counts_and_the_time_taken():
    out = StringIO()

    call_command("generate_scale", seed=1, today=TODAY, stdout=out, **SMALL)

    assert "3 partnerships" in out.getvalue()
    assert "30 users" in out.getvalue()
    assert "Generated from seed 1 in" in out.getvalue()
