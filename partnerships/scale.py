"""National-scale data for benchmarks: ~300 partnerships and everything that hangs off them.

design.md ("Scale to design for") sizes a national instance: ~300 CSPs, ~3,000 duty entries,
~5,000 users; the plans step adds ~1,500 plans with their versions, routes to adoption and
steps (about five plans per partnership), and the DHR step ~1,500 Domestic Homicide Reviews
with their stages, pauses, IMRs, recommendations and costs (about five per partnership).
`generate()` builds that from a seed, so the same seed always gives the same
names and dates (relative to `today`), and a benchmark can be rerun on identical data.

Written with `bulk_create` in batches, so it takes seconds rather than minutes. That bypasses
`save()` and its signals: django-simple-history writes no "created" rows for generated
records, and their history pages start empty. That is acceptable for benchmark data, and
the one thing the signals would add (history rows) is not what the benchmarks measure.
Deadlines are written the same way, mirroring what `duties.register.write_entry_deadlines`
would store for each entry (its specs come from `duties.register.deadline_specs`) and what
`plans.adoption.write_plan_deadlines` would store for each plan (see `_plan_deadlines`) and
what `dhr.review.write_case_deadlines` would store for each review (see `_dhr_deadlines`).

Generated rows carry prefixes so they never collide with the demo data (slugs "dorset" and
"bcp", logins officer, clerk, ...) and so `remove()` can find them again: partnership slugs
"csp-0001", council slugs "csp-council-0001", usernames "person-00001". Organisations have no
slug; the generated ones are those left with no membership, register entry or review (IMR,
recommendation or cost) once the generated partnerships are gone.

Later apps (plans, DHRs, actions, KPIs) add their own step to `generate()`, reading the
partnerships and people from the `World` the earlier steps fill in.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings
from django.utils import timezone

from dhr.models import Cost, DhrCase, Imr, Pause, Recommendation, StageRecord
from dhr.review import case_deadline_specs
from duties.models import Duty, RegisterEntry
from duties.register import deadline_specs
from indicators import scale as indicators_scale
from meetings import scale as meetings_scale
from partnerships.models import Council, Membership, Nation, Organisation, Partnership, Role
from plans.adoption import committee_deadline_specs, plan_deadline_specs, plan_state, route_deadline_specs
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from reminders import scale as reminders_scale
from reminders.models import Deadline
from scrutiny import scale as scrutiny_scale
from scrutiny.models import Pack

PARTNERSHIP_SLUG = "csp-{:04d}"
PARTNERSHIP_SLUG_PATTERN = r"^csp-[0-9]+$"
COUNCIL_SLUG = "csp-council-{:04d}"
COUNCIL_SLUG_PATTERN = r"^csp-council-[0-9]+$"
USERNAME = "person-{:05d}"
USERNAME_PATTERN = r"^person-[0-9]+$"
BATCH_SIZE = 500

# Roughly 22 of the ~300 CSPs in England and Wales are Welsh; a police force serves ~7.
WELSH_SHARE = 22 / 300
PARTNERSHIPS_PER_FORCE = 7
FORCE_AREAS_PER_PROBATION_REGION = 4

Kind = Organisation.Kind
Standing = Membership.Standing
Status = RegisterEntry.Status

ENGLISH_STEMS = [
    "Ash", "Bram", "Calder", "Dun", "Elm", "Fair", "Glen", "Hart", "Ing", "Kes", "Lang", "Mar",
    "Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Wal", "Wick", "Ald", "Black", "Brook", "Cold",
    "Craw", "East", "Fen", "Gold", "High", "Kings", "Little", "Long", "Mill", "New", "Old",
    "Queens", "Rose", "Sand", "Silver", "South", "Stone", "West", "White", "Wood",
]  # fmt: skip
ENGLISH_ENDINGS = [
    "bury", "ford", "ham", "ley", "mere", "minster", "port", "stead", "ton", "wick", "worth",
    "field", "bridge", "combe", "dale", "holme", "ridge", "shaw", "stow", "thorpe",
]  # fmt: skip
WELSH_STEMS = ["Aber", "Llan", "Pont", "Caer", "Bryn", "Cwm", "Glyn", "Nant", "Tre", "Rhos", "Maes", "Porth"]
WELSH_ENDINGS = ["gwyn", "dewi", "fach", "mawr", "ddu", "teg", "wen", "goch", "isaf", "uchaf", "wyn", "celyn"]
COUNTY_STEMS = [
    "Amber", "Bourne", "Cheval", "Dray", "Ever", "Fallow", "Garn", "Harrow", "Ivel", "Kenning",
    "Laver", "Marl", "Nether", "Orwell", "Pell", "Quarry", "Raven", "Sedge", "Tarn", "Usk",
    "Vale", "Wold", "Yarrow", "Heron",
]  # fmt: skip
COUNTY_FORMS = ["{}shire", "North {}shire", "South {}shire", "West {}", "{} Vale"]
WELSH_REGIONS = ["Gwynfa", "Morfa", "Dyffryn", "Mynydd", "Arfor", "Ceredig", "Teifi", "Tawe"]
PROBATION_REGIONS = [
    "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
    "East of England", "London", "Kent, Surrey and Sussex", "South West", "South Central",
    "Greater Manchester",
]  # fmt: skip
FIRST_NAMES = [
    "Aisha", "Alan", "Amir", "Anna", "Ben", "Bethan", "Carl", "Chloe", "Dafydd", "Dan", "Deborah",
    "Emma", "Ffion", "Gareth", "Grace", "Hannah", "Harpreet", "Ian", "Imran", "Jack", "Jane",
    "Kate", "Kieran", "Laura", "Liam", "Mark", "Megan", "Mohammed", "Nadia", "Neil", "Olivia",
    "Owen", "Priya", "Rachel", "Rhys", "Ruth", "Sarah", "Sean", "Sian", "Tom", "Usha", "Zoe",
]  # fmt: skip
LAST_NAMES = [
    "Ahmed", "Bailey", "Begum", "Brown", "Clarke", "Davies", "Edwards", "Evans", "Green", "Hall",
    "Hughes", "Jones", "Khan", "Lewis", "Morgan", "Murphy", "Patel", "Price", "Roberts", "Singh",
    "Smith", "Taylor", "Thomas", "Turner", "Walker", "Watson", "White", "Williams", "Wilson", "Wright",
]  # fmt: skip
ENGLISH_COUNCIL_FORMS = ["{} Borough Council", "{} District Council", "{} City Council", "{} Council"]
WELSH_COUNCIL_FORMS = ["{} County Borough Council", "{} County Council", "{} Council"]
COMMITTEES = [
    "Overview and Scrutiny Committee",
    "Place Scrutiny Committee",
    "Communities Scrutiny Committee",
    "Crime and Disorder Committee",
    "Safer and Stronger Communities Scrutiny Panel",
    "Corporate Overview and Scrutiny Board",
]
VOLUNTARY_FORMS = ["{} Domestic Abuse Forum", "{} Victim Support Network", "{} Council for Voluntary Service"]

# Sentences of an implementation narrative; the register's text as an officer writes it.
NARRATIVE = [
    "The {partnership} agreed its approach at its meeting in {month} {year}.",
    "{police} and {council} lead the work, reporting to the partnership every quarter.",
    "The last review was signed off in {month} {year} and is published on the council's web pages.",
    "Progress is reported to the {committee} of {council} as part of the annual scrutiny session.",
    "Partners have agreed to refresh the approach in the light of the latest strategic assessment.",
    "The work draws on data from {police}, {health} and the council's own services.",
    "A task and finish group chaired by {person} is preparing the next version, due in {month} {year}.",
    "Delivery is overseen by the {board}, which reports back to each partnership in its area.",
    "Public consultation ran for six weeks in {month} {year}; the findings shaped the priorities.",
    "An action plan with named owners sits beneath this, and is reviewed at each partnership meeting.",
    "The information sharing agreement with {health} was renewed in {month} {year}.",
    "Some returns from partners arrived late last year; the partnership has written to remind them.",
    "The partnership's performance group checks progress against the agreed indicators every quarter.",
    "Equality impact assessment completed in {month} {year} and shared with the {committee}.",
]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


class AlreadyGenerated(Exception):
    """The database already holds generated partnerships; remove them first (--replace)."""


@dataclass
class Area:
    """A police force area: the bodies its partnerships share."""

    name: str
    nation: str
    police: Organisation
    pcc: Organisation
    fire_authority: Organisation
    fire_service: Organisation
    health: list[Organisation]
    public_health: Organisation
    voluntary: list[Organisation]
    board: Organisation | None = None
    parish_councils: Organisation | None = None
    probation: Organisation | None = None
    partnerships: list[Partnership] = field(default_factory=list)


@dataclass
class World:
    """What each generator step adds, for the steps after it to build on."""

    rng: random.Random
    today: date
    areas: list[Area] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    area_of: dict[int, Area] = field(default_factory=dict)
    councils_of: dict[int, list[Council]] = field(default_factory=dict)
    council_organisations: dict[int, Organisation] = field(default_factory=dict)
    members_of: dict[int, list[Organisation]] = field(default_factory=dict)
    people_in: dict[int, dict[str, list]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def generate(*, seed: int, partnerships: int = 300, users: int = 5000, today: date) -> dict[str, int]:
    """Generate a national instance's data; returns how many rows of each kind were written.

    Refuses (AlreadyGenerated) when generated partnerships are already there: call
    `remove()` first, as `manage.py generate_scale --replace` does.
    """
    if partnerships < 1:
        raise ValueError("Generate at least one partnership")
    if Partnership.objects.filter(slug__regex=PARTNERSHIP_SLUG_PATTERN).exists():
        raise AlreadyGenerated("Generated partnerships are already in this database")
    world = World(rng=random.Random(seed), today=today)  # noqa: S311 (repeatable on purpose, not secret)
    with transaction.atomic():
        _geography(world, partnerships)
        _people(world, users)
        _register(world)
        _plans(world)
        _reviews(world)
        world.counts.update(
            indicators_scale.generate(seed=seed, today=today, partnerships=world.partnerships)
        )
        world.counts.update(
            meetings_scale.generate(
                seed=seed, today=today, partnerships=world.partnerships, users=world.people_in
            )
        )
        world.counts.update(
            reminders_scale.generate(seed=seed, partnerships=world.partnerships, people_in=world.people_in)
        )
        world.counts.update(
            scrutiny_scale.generate(
                today=today, partnerships=world.partnerships, councils_of=world.councils_of
            )
        )
    return world.counts


def remove() -> dict[str, int]:
    """Delete everything `generate()` made, found by its prefixes. Returns rows deleted by model.

    History is switched off while deleting: the rows were created without history (bulk
    inserts), so writing "deleted" history rows for them would only leave orphans.
    """
    deleted: dict[str, int] = {}

    def tally(result):
        for label, n in result[1].items():
            deleted[label] = deleted.get(label, 0) + n

    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
        generated = Partnership.objects.filter(slug__regex=PARTNERSHIP_SLUG_PATTERN)
        organisation_ids = set(
            Membership.objects.filter(partnership__in=generated).values_list("organisation_id", flat=True)
        ) | set(
            RegisterEntry.objects.filter(partnership__in=generated, delivered_by__isnull=False).values_list(
                "delivered_by_id", flat=True
            )
        )
        # Plans first: their lead partnership, routes and councils are protected from deletion.
        plans = Plan.objects.filter(Q(lead_partnership__in=generated) | Q(partnerships__in=generated))
        tally(Plan.objects.filter(pk__in=set(plans.values_list("pk", flat=True))).delete())
        # Reviews too: their partnership, and the agencies that own IMRs, recommendations and
        # costs, are protected. Their deadlines go with the partnership.
        tally(DhrCase.objects.filter(partnership__in=generated).delete())
        # Packs protect their partnership and council too.
        tally(Pack.objects.filter(partnership__in=generated).delete())
        for label, n in meetings_scale.remove(generated).items():
            deleted[label] = deleted.get(label, 0) + n
        tally(generated.delete())
        tally(Council.objects.filter(slug__regex=COUNCIL_SLUG_PATTERN).delete())
        tally(get_user_model().objects.filter(username__regex=USERNAME_PATTERN).delete())
        # An organisation some other partnership still uses (added by hand, say) stays.
        orphans = Organisation.objects.filter(pk__in=organisation_ids).exclude(
            Q(memberships__isnull=False)
            | Q(delivered_register_entries__isnull=False)
            | Q(imrs__isnull=False)
            | Q(dhr_recommendations__isnull=False)
            | Q(dhr_costs__isnull=False)
        )
        tally(Organisation.objects.filter(pk__in=list(orphans.values_list("pk", flat=True))).delete())
    return deleted


def _count(world: World, label: str, rows: list) -> list:
    world.counts[label] = world.counts.get(label, 0) + len(rows)
    return rows


def _bulk(model, rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _names(rng: random.Random, pool: list[str], count: int) -> list[str]:
    """`count` distinct names drawn from the pool; beyond it, names get a number ("Ashford 2")."""
    pool = list(pool)
    rng.shuffle(pool)
    return [pool[i % len(pool)] + ("" if i < len(pool) else f" {i // len(pool) + 1}") for i in range(count)]


def _chunks(rng: random.Random, items: list, average: int) -> list[list]:
    """Split items into groups of about `average` (between average-2 and average+2)."""
    groups, i = [], 0
    while i < len(items):
        size = max(1, rng.randint(average - 2, average + 2))
        groups.append(items[i : i + size])
        i += size
    return groups


def _geography(world: World, count: int):
    """Partnerships, their councils, and the organisations they share, by police force area."""
    rng = world.rng
    welsh = min(count - 1, max(1, round(count * WELSH_SHARE))) if count > 1 else 0
    nations = [Nation.ENGLAND] * (count - welsh) + [Nation.WALES] * welsh

    english_slots = list(range(count - welsh))
    welsh_slots = list(range(count - welsh, count))
    area_slots = [(Nation.ENGLAND, g) for g in _chunks(rng, english_slots, PARTNERSHIPS_PER_FORCE)]
    area_slots += [(Nation.WALES, g) for g in _chunks(rng, welsh_slots, PARTNERSHIPS_PER_FORCE - 2)]

    # Councils: about half the partnerships serve two (a county and a district, or two unitaries).
    councils_per_partnership = [2 if rng.random() < 0.5 else 1 for _ in range(count)]

    def places_needed(wanted):
        return sum(n for n, nation in zip(councils_per_partnership, nations, strict=True) if nation == wanted)

    def areas_needed(wanted):
        return sum(1 for nation, _ in area_slots if nation == wanted)

    english_places = _names(
        rng, [a + b for a in ENGLISH_STEMS for b in ENGLISH_ENDINGS], places_needed(Nation.ENGLAND)
    )
    welsh_places = _names(
        rng, [a + b for a in WELSH_STEMS for b in WELSH_ENDINGS], places_needed(Nation.WALES)
    )
    counties = [form.format(stem) for form in COUNTY_FORMS for stem in COUNTY_STEMS]
    english_counties = _names(rng, counties, areas_needed(Nation.ENGLAND))
    welsh_regions = _names(rng, WELSH_REGIONS, areas_needed(Nation.WALES))

    organisations: list[Organisation] = []

    def organisation(name, kind):
        made = Organisation(name=name, kind=kind)
        organisations.append(made)
        return made

    # Police force areas and the bodies that serve all of them.
    probation = []
    english_area_count = 0
    for nation, slots in area_slots:
        if nation == Nation.ENGLAND:
            name = english_counties.pop()
            english_area_count += 1
            health = [organisation(f"NHS {name} Integrated Care Board", Kind.HEALTH)]
            police_name = f"{name} {rng.choice(['Police', 'Constabulary'])}"
        else:
            name = welsh_regions.pop()
            health = [organisation(f"{name} University Health Board", Kind.HEALTH)]
            if len(slots) > 3:
                health.append(organisation(f"{name} Teaching Health Board", Kind.HEALTH))
            police_name = f"{name} Police"
        area = Area(
            name=name,
            nation=nation,
            police=organisation(police_name, Kind.POLICE),
            pcc=organisation(f"Police and Crime Commissioner for {name}", Kind.POLICE_AND_CRIME_COMMISSIONER),
            fire_authority=organisation(f"{name} Fire and Rescue Authority", Kind.FIRE_AND_RESCUE_AUTHORITY),
            fire_service=organisation(f"{name} Fire and Rescue Service", Kind.FIRE_AND_RESCUE_SERVICE),
            health=health,
            public_health=organisation(f"Public Health {name}", Kind.PUBLIC_HEALTH),
            voluntary=[
                organisation(form.format(name), Kind.VOLUNTARY)
                for form in rng.sample(VOLUNTARY_FORMS, rng.randint(1, 2))
            ],
        )
        if rng.random() < 0.5:
            area.board = organisation(f"{name} Community Safety & Criminal Justice Board", Kind.BOARD)
        if nation == Nation.ENGLAND:
            area.parish_councils = organisation(f"{name} Association of Local Councils", Kind.PARISH_COUNCILS)
            region = (english_area_count - 1) // FORCE_AREAS_PER_PROBATION_REGION
            if region == len(probation):
                label = PROBATION_REGIONS[region % len(PROBATION_REGIONS)]
                if region >= len(PROBATION_REGIONS):
                    label += f" {region // len(PROBATION_REGIONS) + 1}"
                probation.append(organisation(f"Probation Service, {label} region", Kind.PROBATION))
            area.probation = probation[region]
        world.areas.append(area)
    wales_probation = None
    if welsh:
        wales_probation = organisation("Probation Service, Wales region", Kind.PROBATION)
    for area in world.areas:
        if area.nation == Nation.WALES:
            area.probation = wales_probation

    # Councils and partnerships.
    councils: list[Council] = []
    partnership_rows: list[tuple[int, Partnership, Area]] = []
    council_number = 0
    council_links = []  # (partnership index, council)
    for (_nation, slots), area in zip(area_slots, world.areas, strict=True):
        for index in slots:
            places = english_places if area.nation == Nation.ENGLAND else welsh_places
            forms = ENGLISH_COUNCIL_FORMS if area.nation == Nation.ENGLAND else WELSH_COUNCIL_FORMS
            mine = [places.pop() for _ in range(councils_per_partnership[index])]
            for place in mine:
                council_number += 1
                council = Council(
                    name=rng.choice(forms).format(place),
                    slug=COUNCIL_SLUG.format(council_number),
                    nation=area.nation,
                    crime_and_disorder_committee=rng.choice(COMMITTEES),
                )
                councils.append(council)
                council_links.append((index, council))
            title = " and ".join(mine)
            partnership = Partnership(
                name=f"{title} Community Safety Partnership",
                slug=PARTNERSHIP_SLUG.format(index + 1),
                brand=f"Safer {title}" if rng.random() < 0.3 else "",
                nation=area.nation,
            )
            partnership_rows.append((index, partnership, area))

    partnership_rows.sort(key=lambda row: row[0])
    world.partnerships = _count(
        world, "partnerships", _bulk(Partnership, [p for _, p, _ in partnership_rows])
    )
    for _, partnership, area in partnership_rows:
        world.area_of[partnership.pk] = area
        area.partnerships.append(partnership)
    _count(world, "councils", _bulk(Council, councils))
    through = Partnership.councils.through
    _count(
        world,
        "partnership councils",
        _bulk(
            through,
            [through(partnership_id=world.partnerships[i].pk, council_id=c.pk) for i, c in council_links],
        ),
    )
    for index, council in council_links:
        partnership = world.partnerships[index]
        world.councils_of.setdefault(partnership.pk, []).append(council)
        # The council is also the partnership's responsible authority of kind "council".
        world.council_organisations[council.pk] = organisation(council.name, Kind.COUNCIL)
    for partnership in world.partnerships:
        name = partnership.name.removesuffix(" Community Safety Partnership")
        world.members_of[partnership.pk] = [organisation(f"{name} Youth Justice Service", Kind.YOUTH_JUSTICE)]
    _count(world, "organisations", _bulk(Organisation, organisations))

    # Memberships: the responsible authorities, then whoever attends. Every generated
    # organisation joins at least one partnership: that is how remove() finds it again.
    memberships = []
    for partnership in world.partnerships:
        area = world.area_of[partnership.pk]
        position_in_area = area.partnerships.index(partnership)
        youth_justice = world.members_of[partnership.pk][0]
        statutory = [world.council_organisations[c.pk] for c in world.councils_of[partnership.pk]]
        health = area.health[position_in_area % len(area.health)]
        statutory += [area.police, area.fire_authority, health, area.probation]
        attending = [area.pcc, youth_justice, area.fire_service, area.public_health]
        attending += [org for org in area.voluntary if position_in_area == 0 or rng.random() < 0.6]
        if area.board is not None:
            attending.append(area.board)
        if area.parish_councils is not None and (position_in_area == 0 or rng.random() < 0.5):
            attending.append(area.parish_councils)
        memberships += [
            Membership(partnership=partnership, organisation=o, standing=Standing.STATUTORY)
            for o in statutory
        ]
        memberships += [
            Membership(partnership=partnership, organisation=o, standing=Standing.ATTENDING)
            for o in attending
        ]
        world.members_of[partnership.pk] = statutory + attending
    unused = {o.name for o in organisations} - {m.organisation.name for m in memberships}
    if unused:
        raise AssertionError(f"Generated organisations in no partnership: {sorted(unused)}")
    _count(world, "memberships", _bulk(Membership, memberships))


def _people(world: World, count: int):
    """Users and their roles: every partnership has each role at least once where numbers
    allow; some people serve two partnerships in the same force area."""
    rng = world.rng
    User = get_user_model()
    joined = timezone.make_aware(datetime.combine(world.today, time(9)))
    people = []
    for number in range(1, count + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        username = USERNAME.format(number)
        people.append(
            User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
                # Unusable, as set_unusable_password() would make it, without 5,000 hash calls.
                password="!",
                date_joined=joined - timedelta(days=rng.randint(0, 1500)),
            )
        )
    people = _count(world, "users", _bulk(User, people))

    partnerships = world.partnerships
    required = [
        Role.Kind.OFFICER,
        Role.Kind.CLERK,
        Role.Kind.COUNCILLOR,
        Role.Kind.DHR_CLEARED,
        Role.Kind.ADMIN,
    ]
    kinds = [Role.Kind.OFFICER, Role.Kind.CLERK, Role.Kind.COUNCILLOR, Role.Kind.ADMIN]
    weights = [35, 15, 45, 5]
    roles: dict[tuple, Role] = {}

    def grant(person, partnership, kind):
        key = (person.pk, partnership.pk, kind)
        if key not in roles:
            roles[key] = Role(user=person, partnership=partnership, kind=kind)
            world.people_in.setdefault(partnership.pk, {}).setdefault(kind, []).append(person)

    for number, person in enumerate(people):
        if number < len(partnerships) * len(required):
            partnership = partnerships[number % len(partnerships)]
            kind = required[number // len(partnerships)]
        else:
            partnership = rng.choice(partnerships)
            kind = rng.choices(kinds, weights)[0]
        if kind == Role.Kind.DHR_CLEARED:
            # Cleared people are officers who also run reviews.
            grant(person, partnership, Role.Kind.OFFICER)
        grant(person, partnership, kind)
        if kind == Role.Kind.OFFICER and rng.random() < 0.1:
            grant(person, partnership, Role.Kind.DHR_CLEARED)
        neighbours = [p for p in world.area_of[partnership.pk].partnerships if p.pk != partnership.pk]
        if neighbours and kind in (Role.Kind.OFFICER, Role.Kind.CLERK) and rng.random() < 0.15:
            grant(person, rng.choice(neighbours), kind)
    _count(world, "roles", _bulk(Role, list(roles.values())))


def _due_dates(rng: random.Random, duty: Duty, today: date) -> tuple[date | None, date | None]:
    """(last completed, next due) around today; about one in eight past due. Next due always
    falls after last completed, as the register's CheckConstraint requires."""
    if duty.cadence == Duty.Cadence.AS_CASES_ARISE:
        last = today - timedelta(days=rng.randint(30, 900)) if rng.random() < 0.4 else None
        return last, None
    if duty.cadence == Duty.Cadence.AFTER_EACH_PLAN:
        last = today - timedelta(days=rng.randint(20, 400))
        upcoming = today + timedelta(days=rng.randint(-20, 180)) if rng.random() < 0.5 else None
        return last, upcoming if upcoming is None or upcoming > last else last + timedelta(days=1)
    cycle = round((duty.cycle_months or 12) * 30.44)
    if rng.random() < 0.05:
        # Never completed on this system yet: only the due date is known.
        return None, today + timedelta(days=rng.randint(-45, cycle))
    last = today - timedelta(days=rng.randint(round(cycle * 0.05), round(cycle * 1.12)))
    return last, last + timedelta(days=cycle)


def _narrative(rng: random.Random, context: dict) -> str:
    if rng.random() < 0.05:
        return ""
    candidates = [s for s in NARRATIVE if context["board"] or "{board}" not in s]
    sentences = rng.sample(candidates, rng.randint(2, 5))
    context = dict(context, month=rng.choice(MONTHS), year=rng.randint(2019, context["this_year"]))
    return " ".join(sentence.format(**context) for sentence in sentences)


def _register(world: World):
    """A register entry per catalogue duty (England-only duties skipped in Wales), and the
    deadline each entry's next due date makes."""
    rng, today = world.rng, world.today
    duties = list(Duty.objects.order_by("order", "code"))
    entries = []
    for partnership in world.partnerships:
        area = world.area_of[partnership.pk]
        council = world.councils_of[partnership.pk][0]
        officers = world.people_in.get(partnership.pk, {}).get(Role.Kind.OFFICER, [])
        members = world.members_of[partnership.pk]
        context = {
            "partnership": partnership.name,
            "council": council.name,
            "committee": council.crime_and_disorder_committee,
            "police": area.police.name,
            "health": area.health[0].name,
            "board": area.board.name if area.board else None,
            "this_year": today.year,
        }
        for duty in duties:
            if duty.england_only and partnership.nation != Nation.ENGLAND:
                continue
            last, upcoming = _due_dates(rng, duty, today)
            if last is not None and upcoming is not None and upcoming <= last:
                raise AssertionError(f"{duty.code}: next due {upcoming} not after {last}")
            if upcoming is not None and upcoming < today:
                # Past due: the page shows it overdue whatever was recorded last.
                status = rng.choices([Status.ON_TRACK, Status.AT_RISK, Status.OVERDUE], [30, 30, 40])[0]
            elif last is not None and (today - last).days < 60 and rng.random() < 0.6:
                status = Status.MET
            else:
                status = rng.choices([Status.ON_TRACK, Status.AT_RISK, Status.MET], [65, 20, 15])[0]
            delivered_by = None
            chance = rng.random()
            if chance < 0.15 and area.board is not None:
                delivered_by = area.board
            elif chance < 0.25:
                delivered_by = rng.choice(members)
            owner = rng.choice(officers) if officers and rng.random() < 0.75 else None
            context["person"] = owner.get_full_name() if owner else "the community safety manager"
            entries.append(
                RegisterEntry(
                    partnership=partnership,
                    duty=duty,
                    status=status,
                    implementation=_narrative(rng, context),
                    owner=owner,
                    delivered_by=delivered_by,
                    next_due_on=upcoming,
                    last_completed_on=last,
                )
            )
    entries = _count(world, "register entries", _bulk(RegisterEntry, entries))

    # What write_entry_deadlines would store, one row per spec; entry.partnership and
    # entry.duty are the objects above, so get_absolute_url() runs no query.
    source_type = ContentType.objects.get_for_model(RegisterEntry)
    deadlines = [
        Deadline(
            partnership=entry.partnership,
            title=spec.title,
            due_on=spec.due_on,
            owner=entry.owner,
            rule=spec.rule,
            rule_version=spec.rule_version,
            legal_source=spec.legal_source,
            source_type=source_type,
            source_id=entry.pk,
            link=entry.get_absolute_url(),
            is_confidential=False,
            met_on=spec.met_on,
        )
        for entry in entries
        for spec in deadline_specs(entry)
    ]
    _count(world, "deadlines", _bulk(Deadline, deadlines))


# --- Plans and their roads to adoption (plans app) ---

CSP_PLAN_NAMES = [
    "Community Safety Plan",
    "Community Safety Plan",
    "Community Safety Strategy",
    "Partnership Plan",
]
SUBSTANCE_NAMES = ["Alcohol and Drugs Strategy", "Substance Misuse Strategy", "Drug and Alcohol Strategy"]
EQIA_CONDITION = "Subject to any changes required as a result of the Equality Impact Assessment process"
# Councils whose constitution puts adoption with Cabinet rather than Full Council (domain.md 4.1).
CABINET_ADOPTS_SHARE = 0.1
# Pairs of neighbouring partnerships (same police force area) that share a reducing
# reoffending strategy, as Dorset and BCP do.
PAN_AREA_SHARE = 0.35

# What became of a route of a plan's latest version; older versions were nearly all adopted.
LATEST_OUTCOMES = {
    "adopted": 60,
    "in progress": 12,  # the next step is still to come (late, if past its target)
    "stalled": 8,  # a step deferred or rejected, nothing since
    "deferred then adopted": 4,
    "cabinet only": 5,  # Cabinet adopted where Full Council must
    "conditions outstanding": 7,  # agreed subject to the EqIA, which is not signed off
    "not agreed": 4,  # no step yet
}
OLDER_OUTCOMES = {"adopted": 92, "in progress": 5, "cabinet only": 3}
StepKind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome


@dataclass
class _Version:
    version: PlanVersion
    routes: list = field(default_factory=list)  # (Route, [(AdoptionStep, [Condition])])


@dataclass
class _Plan:
    plan: Plan
    partnerships: list
    versions: list = field(default_factory=list)


def _financial_year(day: date) -> int:
    """The calendar year in which the financial year holding `day` began (1 April)."""
    return day.year if day.month >= 4 else day.year - 1


def _year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def _plans(world: World):
    """About five plans per partnership: a community safety plan with its refreshes (and, for
    half, the one before it), a reducing reoffending strategy (some shared by two partnerships
    in one police force area), a substance misuse and a serious violence strategy, and for
    some a domestic abuse strategy. Every version has a route per council of each partnership
    that shares the plan, with the steps the minutes would record, in order; then the
    deadlines `plans.adoption.write_plan_deadlines` would write for them."""
    rng, today = world.rng, world.today
    year = _financial_year(today)

    councils = [council for p in world.partnerships for council in world.councils_of[p.pk]]
    cabinet = [council for council in councils if rng.random() < CABINET_ADOPTS_SHARE]
    for council in cabinet:
        council.adopted_by = "cabinet"
    Council.objects.filter(pk__in=[council.pk for council in cabinet]).update(adopted_by="cabinet")

    drafts: list[_Plan] = []

    def plan(title, kind, partnerships, start, years, refreshes, *, older=False):
        """A plan of `years` financial years from 1 April `start`, refreshed in each of
        `refreshes`; with older=True, its latest version's routes fare as older ones do."""
        draft = _Plan(Plan(title=title, kind=kind, lead_partnership=partnerships[0]), partnerships)
        ends_on = date(start + years, 3, 31)
        periods = [(title, date(start, 4, 1), "")] + [
            (f"{title} ({_year_label(y)} refresh)", date(y, 4, 1), _year_label(y)) for y in refreshes
        ]
        for number, (version_title, starts_on, refresh_year) in enumerate(periods):
            latest = number == len(periods) - 1 and not older
            version = PlanVersion(
                plan=draft.plan,
                title=version_title,
                starts_on=starts_on,
                ends_on=ends_on,
                refresh_year=refresh_year,
            )
            made = _Version(version)
            for partnership in partnerships:
                partner = next((p for p in partnerships if p is not partnership), None)
                for council in world.councils_of[partnership.pk]:
                    route = Route(version=version, partnership=partnership, council=council)
                    made.routes.append((route, _route_steps(world, route, partner=partner, latest=latest)))
            _eqia_and_publication(rng, made, today)
            draft.versions.append(made)
        drafts.append(draft)

    def refreshes(start, years, chance):
        return [y for y in range(start + 1, min(start + years, year + 1)) if rng.random() < chance]

    for partnership in world.partnerships:
        name = rng.choice(CSP_PLAN_NAMES)
        start = year - rng.choice([0, 1, 1, 2, 2])
        if rng.random() < 0.5:
            plan(
                f"{name} {start - 3}-{start}",
                Plan.Kind.COMMUNITY_SAFETY_PLAN,
                [partnership],
                start - 3,
                3,
                refreshes(start - 3, 3, 0.4),
                older=True,
            )
        plan(
            f"{name} {start}-{start + 3}",
            Plan.Kind.COMMUNITY_SAFETY_PLAN,
            [partnership],
            start,
            3,
            refreshes(start, 3, 0.75),
        )
        if start == year - 2 and rng.random() < 0.2:
            # The next plan is on its way before the current one ends: not started yet.
            plan(
                f"{name} {year + 1}-{year + 4}",
                Plan.Kind.COMMUNITY_SAFETY_PLAN,
                [partnership],
                year + 1,
                3,
                [],
            )

        start, years = year - rng.randint(0, 4), rng.randint(3, 5)
        plan(
            f"{rng.choice(SUBSTANCE_NAMES)} {start}-{start + years}",
            Plan.Kind.SUBSTANCE_MISUSE,
            [partnership],
            start,
            years,
            [],
        )

        # A one-year strategy is mostly this year's; some partnerships have not replaced last year's.
        years = rng.choice([1, 1, 3])
        start = year - (rng.choices([0, 1], [75, 25])[0] if years == 1 else rng.randint(0, 2))
        label = _year_label(start) if years == 1 else f"{start}-{start + years}"
        plan(
            f"Serious Violence Strategy {label}",
            Plan.Kind.SERIOUS_VIOLENCE,
            [partnership],
            start,
            years,
            refreshes(start, years, 0.6),
        )

        if rng.random() < 0.6:
            start = year - rng.randint(0, 3)
            plan(
                f"Domestic Abuse Safe Accommodation Strategy {start}-{start + 3}",
                Plan.Kind.DOMESTIC_ABUSE,
                [partnership],
                start,
                3,
                [],
            )

    for area in world.areas:
        waiting = list(area.partnerships)
        while waiting:
            group = [waiting.pop(0)]
            if waiting and rng.random() < PAN_AREA_SHARE:
                group.append(waiting.pop(0))
            start = year - rng.randint(0, 2)
            prefix = f"Pan-{area.name} " if len(group) > 1 else ""
            plan(
                f"{prefix}Reducing Reoffending Strategy {start}-{start + 3}",
                Plan.Kind.REDUCING_REOFFENDING,
                group,
                start,
                3,
                refreshes(start, 3, 0.4),
            )

    plans = _count(world, "plans", _bulk(Plan, [draft.plan for draft in drafts]))
    through = Plan.partnerships.through
    _count(
        world,
        "plan partnerships",
        _bulk(
            through,
            [through(plan_id=d.plan.pk, partnership_id=p.pk) for d in drafts for p in d.partnerships],
        ),
    )
    versions = [made for draft in drafts for made in draft.versions]
    _count(world, "plan versions", _bulk(PlanVersion, [made.version for made in versions]))
    routes = [(route, steps) for made in versions for route, steps in made.routes]
    _count(world, "routes", _bulk(Route, [route for route, _ in routes]))
    steps = [(step, conditions) for _, taken in routes for step, conditions in taken]
    _count(world, "adoption steps", _bulk(AdoptionStep, [step for step, _ in steps]))
    _count(world, "conditions", _bulk(Condition, [c for _, conditions in steps for c in conditions]))
    _count(world, "plan deadlines", _bulk(Deadline, _plan_deadlines(world, plans)))


def _route_steps(world: World, route: Route, *, partner, latest: bool) -> list:
    """The decisions on one council's route, in date order, none after today: each passes
    plans.adoption.check_step against those before it."""
    rng, today = world.rng, world.today
    agreed_on = route.version.starts_on - timedelta(days=rng.randint(5, 80))
    outcomes = LATEST_OUTCOMES if latest else OLDER_OUTCOMES
    fate = rng.choices(list(outcomes), list(outcomes.values()))[0]
    if fate == "not agreed" or agreed_on > today:
        return []
    officers = world.people_in.get(route.partnership.pk, {}).get(Role.Kind.OFFICER, [])
    council = route.council

    def step(kind, on, outcome, meeting):
        return AdoptionStep(
            route=route,
            kind=kind,
            decided_on=on,
            outcome=outcome,
            meeting=meeting,
            reference=f"Minute {rng.randint(1, 150)}" if rng.random() < 0.5 else "",
            recorded_by=rng.choice(officers) if officers and rng.random() < 0.8 else None,
        )

    conditional = fate == "conditions outstanding" or rng.random() < 0.25
    texts = [EQIA_CONDITION] if conditional else []
    if conditional and partner is not None and rng.random() < 0.5:
        texts.append(f"Subject to any changes proposed by the {partner.name}")
    met_on = None
    if conditional and fate != "conditions outstanding":
        met_on = agreed_on + timedelta(days=rng.randint(7, 60))
        if met_on > today:
            met_on = None
    agreed = step(
        StepKind.AGREED_BY_CSP,
        agreed_on,
        Outcome.AGREED_SUBJECT_TO_CONDITIONS if conditional else Outcome.AGREED,
        route.partnership.name,
    )
    taken = [(agreed, [Condition(step=agreed, text=text, met_on=met_on) for text in texts])]
    if fate == "conditions outstanding" or (conditional and met_on is None):
        return taken

    # The road from here, to the body that adopts (or, cabinet only, to Cabinet adopting).
    final = (
        StepKind.CABINET
        if council.adopted_by == "cabinet" or fate == "cabinet only"
        else StepKind.FULL_COUNCIL
    )
    road = [StepKind.CRIME_AND_DISORDER_COMMITTEE, StepKind.CABINET, StepKind.FULL_COUNCIL]
    road = road[: road.index(final) + 1]
    if fate in ("adopted", "cabinet only") and rng.random() < 0.1:
        road = road[1:]  # Cabinet without a committee recommendation first, as BCP's did
    stop_at = len(road)  # where the road stops (in progress) or is deferred or rejected
    if fate in ("in progress", "stalled", "deferred then adopted"):
        stop_at = rng.randint(0, len(road) - 1)
    if fate == "in progress":
        road = road[:stop_at]
    gaps = {
        StepKind.CRIME_AND_DISORDER_COMMITTEE: (14, 75),
        StepKind.CABINET: (7, 40),
        StepKind.FULL_COUNCIL: (7, 35),
    }
    meetings = {
        StepKind.CRIME_AND_DISORDER_COMMITTEE: council.crime_and_disorder_committee,
        StepKind.CABINET: "Cabinet",
        StepKind.FULL_COUNCIL: "Full Council",
    }
    on = max(agreed_on, met_on or agreed_on)
    for number, kind in enumerate(road):
        on += timedelta(days=rng.randint(*gaps[kind]))
        if on > today:
            break
        if number == stop_at and fate in ("stalled", "deferred then adopted"):
            stopped = rng.choices([Outcome.DEFERRED, Outcome.REJECTED], [80, 20])[0]
            if fate == "deferred then adopted":
                stopped = Outcome.DEFERRED
            taken.append((step(kind, on, stopped, meetings[kind]), []))
            if fate == "stalled":
                break
            on += timedelta(days=rng.randint(28, 63))  # back at the next meeting
            if on > today:
                break
        if kind == final:
            outcome = Outcome.ADOPTED
        elif kind == StepKind.CRIME_AND_DISORDER_COMMITTEE:
            outcome = Outcome.NOTED if rng.random() < 0.15 else Outcome.RECOMMENDED
        else:
            outcome = Outcome.RECOMMENDED
        taken.append((step(kind, on, outcome, meetings[kind]), []))
    return taken


def _eqia_and_publication(rng: random.Random, made: _Version, today: date):
    """The version's EqIA as its routes' conditions show it, and its publication once adopted."""
    version = made.version
    conditions = [c for _, taken in made.routes for _, cs in taken for c in cs]
    agreements = [
        s.decided_on for _, taken in made.routes for s, _ in taken if s.kind == StepKind.AGREED_BY_CSP
    ]
    if any(c.met_on is None for c in conditions):
        version.eqia = PlanVersion.Eqia.IN_PROGRESS
    elif conditions:
        version.eqia, version.eqia_on = PlanVersion.Eqia.SIGNED_OFF, min(c.met_on for c in conditions)
    elif agreements:
        version.eqia = rng.choices(
            [PlanVersion.Eqia.SIGNED_OFF, PlanVersion.Eqia.SCREENING_ONLY, PlanVersion.Eqia.NOT_NEEDED],
            [75, 20, 5],
        )[0]
        if version.eqia != PlanVersion.Eqia.NOT_NEEDED:
            version.eqia_on = min(agreements) - timedelta(days=rng.randint(5, 40))
    else:
        version.eqia = rng.choice([PlanVersion.Eqia.NOT_STARTED, PlanVersion.Eqia.IN_PROGRESS])
    adopted = [
        max((s.decided_on for s, _ in taken if s.outcome == Outcome.ADOPTED), default=None)
        for _, taken in made.routes
    ]
    if adopted and all(adopted) and rng.random() < 0.7:
        published_on = max(adopted) + timedelta(days=rng.randint(3, 30))
        version.published_on = published_on if published_on <= today else None


def _plan_deadlines(world: World, plans: list[Plan]) -> list[Deadline]:
    """What `plans.adoption.write_plan_deadlines` would store for every generated plan (the
    same specs as its `_write_deadlines_of`, judged against the plan's family: the lead
    partnership's plans of its kind), read back with the board's own prefetching; and the
    Crime & Disorder Committee deadlines `plans.adoption.write_committee_deadlines` would
    store for each partnership, from the committee steps on its routes of every version."""
    today = world.today
    fetched = list(Plan.objects.for_board().filter(pk__in=[p.pk for p in plans]))
    families: dict[tuple, list[Plan]] = {}
    for plan in fetched:
        families.setdefault((plan.kind, plan.lead_partnership_id), []).append(plan)
    plan_type = ContentType.objects.get_for_model(Plan)
    route_type = ContentType.objects.get_for_model(Route)
    partnership_type = ContentType.objects.get_for_model(Partnership)

    def row(source_type, source_id, partnership, link, spec):
        return Deadline(
            partnership=partnership,
            title=spec.title,
            due_on=spec.due_on,
            owner=None,
            rule=spec.rule,
            rule_version=spec.rule_version,
            legal_source=spec.legal_source,
            source_type=source_type,
            source_id=source_id,
            link=link,
            is_confidential=False,
            met_on=spec.met_on,
        )

    rows = []
    for plan in fetched:
        state = plan_state(plan, today=today, successors=families[(plan.kind, plan.lead_partnership_id)])
        if state.latest is None:
            continue
        link = plan.get_absolute_url()
        rows += [
            row(plan_type, plan.pk, plan.lead_partnership, link, spec)
            for spec in plan_deadline_specs(plan, state)
        ]
        # Only the latest version's routes have deadlines; older versions' were replaced.
        link = state.latest.get_absolute_url()
        for route, route_state in state.routes:
            for spec in route_deadline_specs(route, state.latest, route_state):
                rows.append(row(route_type, route.pk, route.partnership, link, spec))

    partnerships, meetings = {}, {}
    for plan in fetched:
        for version in plan.versions.all():
            for route in version.routes.all():
                for step in route.steps.all():
                    if step.kind == StepKind.CRIME_AND_DISORDER_COMMITTEE:
                        partnerships[route.partnership_id] = route.partnership
                        meetings.setdefault(route.partnership_id, []).append((route.council, step.decided_on))
    for pk, partnership in partnerships.items():
        link = partnership.get_absolute_url()
        rows += [
            row(partnership_type, pk, partnership, link, spec)
            for spec in committee_deadline_specs(meetings[pk])
        ]
    return rows


# --- Domestic Homicide Reviews (dhr app) ---

DhrStage = StageRecord.Stage
DhrOutcome = StageRecord.Outcome
DhrKind = DhrCase.Kind
# What became of a partnership's notifications (domain.md 6.2 and the seeds' extra states):
# most became full reviews; some went no further (a decision not to review, or a referral
# that was not progressed); some reviews were led by a neighbouring CSP, with this
# partnership's agencies taking part.
DHR_FATES = {"full review": 64, "not commissioned": 6, "referral": 12, "led elsewhere": 18}
# How far back notifications go. The LGA/Commissioner survey found numbers rising (+76% from
# 2018/19 to 2022/23), so recent years are drawn more often.
DHR_YEARS = 8
# Notifications in the last two months, still at scoping or just decided.
RECENT_SHARE = 0.06
# Wales replaced DHRs with Single Unified Safeguarding Reviews (domain.md section 7; one
# source gives 1 October 2024). A SUSR has none of England's Home Office stages (R28).
SUSR_FROM = date(2024, 10, 1)
SUSR_SKIPS = {
    DhrStage.HOME_OFFICE_TOLD,
    DhrStage.SUBMITTED,
    DhrStage.QA_OUTCOME,
    DhrStage.SENT_TO_COMMISSIONER,
}
# The Victims and Prisoners Act 2024 renames the reviews; some partnerships already say DHR/DARDR.
DARDR_FROM = date(2024, 5, 24)
DARDR_SHARE = 0.2
IMR_AGENCY_KINDS = {
    Kind.POLICE,
    Kind.HEALTH,
    Kind.COUNCIL,
    Kind.PROBATION,
    Kind.VOLUNTARY,
    Kind.YOUTH_JUSTICE,
    Kind.FIRE_AND_RESCUE_SERVICE,
}
PAYER_KINDS = {Kind.COUNCIL, Kind.POLICE, Kind.HEALTH, Kind.POLICE_AND_CRIME_COMMISSIONER}
PSEUDONYM_FORMS = ["Adult {}", "Adult {}", "Ms {}", "Mr {}"]
PAUSES = {
    Pause.Reason.CRIMINAL_TRIAL: (
        45,
        "Interviews with the family wait for the trial, on the investigating officer's advice.",
    ),
    Pause.Reason.INQUEST: (20, "The coroner asked that the draft report wait for the inquest."),
    Pause.Reason.IOPC: (8, "The IOPC is investigating the police's contact with the victim."),
    Pause.Reason.FAMILY: (17, "The family asked for time before meeting the chair."),
    Pause.Reason.OTHER: (10, "The chair was unavailable; a new chair is being recruited."),
}
COMMISSIONED = [
    "The criteria are met: the victim was killed by a current or former partner.",
    "The criteria are met: the victim was killed by a relative with whom they lived.",
    "The criteria are met: the victim took their own life after abuse by a partner.",
    "The criteria are met: the death appears to have resulted from neglect by a family carer.",
]
NOT_COMMISSIONED = [
    "The criteria are not met: the person responsible was not a relative, partner or member of the household.",
    "The criteria are not met: the coroner found the death was from natural causes.",
    "The criteria are not met: no agency held information of abuse; learning goes to the Safeguarding Adults Board.",
]
LEARNING = [
    "GP practices to record carers and next of kin and check them at each review.",
    "Housing and drug and alcohol services to share concerns about exploitation at home.",
    "Agencies reminded to ask about abuse when an older person's carer is a relative.",
    "A learning briefing on coercive control circulated to partners.",
]
IMR_FINDINGS = [
    "Two calls for service in the year before the death; no risk assessment at the second.",
    "The victim was seen with the partner present at every appointment.",
    "A safeguarding concern was closed after a telephone call with the alleged abuser.",
    "Routine enquiry about domestic abuse was not made.",
    "The perpetrator's history with a former partner was not linked to the new relationship.",
    "Records transferred slowly when the victim moved between areas.",
    "The agency had no contact in the period under review.",
    "Concerns were raised with the victim, who declined a referral to specialist support.",
    "Missed appointments were not followed up.",
]
RECOMMENDATIONS = [
    "Complete a risk assessment at every domestic abuse incident and audit compliance quarterly.",
    "See the victim alone for part of every appointment.",
    "Ask about domestic abuse routinely and refer to specialist support.",
    "Share risk information with the MARAC whenever it changes.",
    "Follow up missed appointments where abuse has been disclosed.",
    "Train staff to recognise coercive control and economic abuse.",
    "Treat an older person's request for help with a relative as a possible safeguarding concern.",
    "Send records promptly when a person at risk moves out of the area.",
]
EVIDENCE = [
    "Audit reported to the CSP's quarterly meeting.",
    "Procedure revised and in use.",
    "Training delivered; attendance recorded.",
    "Confirmed by the agency's safeguarding lead.",
]
NOT_PUBLISHING = [
    "Publication could identify the children.",
    "Publication could identify a vulnerable adult in the family.",
]
OTHER_COSTS = [
    "Interpreting for family meetings",
    "Venue hire for panel meetings",
    "Redaction and publication of the report",
    "Easy-read materials for the family",
]


@dataclass
class _Review:
    """One generated review and its rows, before they are inserted."""

    case: DhrCase
    nation: str
    cleared: list
    rng: random.Random
    stages: list = field(default_factory=list)
    pauses: list = field(default_factory=list)
    imrs: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    costs: list = field(default_factory=list)

    @property
    def last_on(self) -> date:
        return self.stages[-1].reached_on

    def reach(self, stage, on, outcome="", notes=""):
        by = self.rng.choice(self.cleared) if self.cleared else None
        self.stages.append(
            StageRecord(
                case=self.case, stage=stage, reached_on=on, outcome=outcome, notes=notes, recorded_by=by
            )
        )


def _reviews(world: World):
    """About five reviews per partnership, notified over the last eight years, each walked
    through the stages of domain.md 6.2 in order, a random time apart, as far as today allows:
    older reviews have mostly finished, recent ones are under way. Every stage passes
    dhr.stages.check_stage against those before it; a pause that has not ended stops the walk
    (at most one is open); a closed review has every recommendation complete. Then the
    deadlines `dhr.review.write_case_deadlines` would write for each review."""
    rng, today = world.rng, world.today
    made: list[_Review] = []
    for partnership in world.partnerships:
        members = world.members_of[partnership.pk]
        agencies = [o for o in members if o.kind in IMR_AGENCY_KINDS]
        payers = [o for o in members if o.kind in PAYER_KINDS]
        cleared = world.people_in.get(partnership.pk, {}).get(Role.Kind.DHR_CLEARED, [])
        neighbours = [p for p in world.area_of[partnership.pk].partnerships if p.pk != partnership.pk]
        dardr = rng.random() < DARDR_SHARE
        notified = sorted(
            today - timedelta(days=rng.randint(3, 60) if rng.random() < RECENT_SHARE else _dhr_age(rng))
            for _ in range(rng.randint(3, 7))
        )
        numbers: dict[int, int] = {}
        for index, notified_on in enumerate(notified):
            fate = rng.choices(list(DHR_FATES), list(DHR_FATES.values()))[0]
            susr = partnership.nation == Nation.WALES and notified_on >= SUSR_FROM
            kind = {
                "full review": DhrKind.WALES_SUSR if susr else DhrKind.FULL_REVIEW,
                "not commissioned": DhrKind.WALES_SUSR if susr else DhrKind.FULL_REVIEW,
                "referral": DhrKind.REFERRAL_NOT_PROGRESSED,
                "led elsewhere": DhrKind.LED_BY_ANOTHER_CSP,
            }[fate]
            numbers[notified_on.year] = numbers.get(notified_on.year, 0) + 1
            prefix = "SUSR" if susr else "DHR"
            lead = ""
            if kind == DhrKind.LED_BY_ANOTHER_CSP:
                lead = (
                    rng.choice(neighbours).name
                    if neighbours
                    else "A neighbouring Community Safety Partnership"
                )
            case = DhrCase(
                partnership=partnership,
                reference=f"{prefix} {notified_on.year}/{numbers[notified_on.year]:02d}",
                pseudonym=rng.choice(PSEUDONYM_FORMS).format(chr(ord("A") + index % 26)),
                kind=kind,
                uses_dardr_name=dardr and notified_on >= DARDR_FROM and not susr,
                lead_csp=lead,
            )
            review = _Review(case, partnership.nation, cleared, rng)
            review.reach(DhrStage.NOTIFICATION, notified_on)
            if fate == "led elsewhere":
                _led_elsewhere(world, review, agencies, payers)
            elif fate == "full review":
                _full_review(world, review, agencies, payers, susr=susr)
            else:
                _no_review(world, review, susr=susr)
            made.append(review)

    cases = _count(world, "DHRs", _bulk(DhrCase, [review.case for review in made]))
    _count(world, "DHR stages", _bulk(StageRecord, [s for review in made for s in review.stages]))
    _count(world, "DHR pauses", _bulk(Pause, [p for review in made for p in review.pauses]))
    _count(world, "IMRs", _bulk(Imr, [imr for review in made for imr in review.imrs]))
    _count(
        world,
        "DHR recommendations",
        _bulk(Recommendation, [r for review in made for r in review.recommendations]),
    )
    _count(world, "DHR costs", _bulk(Cost, [c for review in made for c in review.costs]))
    if len(cases) != len(made):
        raise AssertionError("Every review must be inserted")
    _count(world, "DHR deadlines", _bulk(Deadline, _dhr_deadlines(world, made)))


def _dhr_age(rng: random.Random) -> int:
    """Days since a notification: up to DHR_YEARS back, recent years more often."""
    return 7 + int(rng.betavariate(1.4, 2.0) * DHR_YEARS * 365)


def _step(
    world: World, review: _Review, stage, low: int, high: int, outcome="", notes="", *, after=None
) -> bool:
    """Reach `stage` low to high days after the last stage (or after the day given, the end
    of a pause, say); False, with nothing recorded, if that falls after today."""
    on = (after or review.last_on) + timedelta(days=world.rng.randint(low, high))
    if on > world.today:
        return False
    review.reach(stage, on, outcome, notes)
    return True


def _pause(world: World, review: _Review, chance: float) -> date | None:
    """Perhaps a pause starting after the last stage. Returns the day the walk goes on from
    (the pause's end, or the last stage's day), or None while the pause is still open."""
    rng, today = world.rng, world.today
    if rng.random() >= chance:
        return review.last_on
    starts_on = review.last_on + timedelta(days=rng.randint(0, 45))
    if starts_on > today:
        return review.last_on
    reason = rng.choices(list(PAUSES), [weight for weight, _ in PAUSES.values()])[0]
    ends_on = starts_on + timedelta(days=rng.randint(45, 540))
    still_paused = ends_on > today
    review.pauses.append(
        Pause(
            case=review.case,
            reason=reason,
            starts_on=starts_on,
            ends_on=None if still_paused else ends_on,
            notes=PAUSES[reason][1],
        )
    )
    return None if still_paused else ends_on


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    """A sum of pounds between low and high, to the nearest 50p."""
    return (Decimal(rng.randint(low * 2, high * 2)) / 2).quantize(Decimal("0.01"))


def _full_review(world: World, review: _Review, agencies: list, payers: list, *, susr: bool):
    """A commissioned review, walked from scoping as far as today allows."""
    rng, today, case = world.rng, world.today, review.case

    def step(stage, low, high, outcome="", notes=""):
        if susr and stage in SUSR_SKIPS:
            return True
        return _step(world, review, stage, low, high, outcome, notes)

    def cost(description, on, low, high):
        if on <= today and payers:
            review.costs.append(
                Cost(
                    case=case,
                    description=description,
                    amount=_money(rng, low, high),
                    incurred_on=on,
                    paid_by=rng.choice(payers),
                )
            )

    if rng.random() < 0.85 and not step(DhrStage.SCOPING, 2, 14, notes="Scoping letters sent to agencies."):
        return
    if not step(DhrStage.DECISION, 7, 45, DhrOutcome.COMMISSIONED, rng.choice(COMMISSIONED)):
        return
    if not step(DhrStage.HOME_OFFICE_TOLD, 0, 7):
        return
    if not step(DhrStage.FAMILY_TOLD, 0, 21, notes="Family offered specialist independent advocacy."):
        return
    if not step(DhrStage.CHAIR_APPOINTED, 14, 100):
        return
    case.chair_name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    cost(
        "Independent chair's fees: first instalment",
        review.last_on + timedelta(days=rng.randint(20, 60)),
        1500,
        4500,
    )
    if not step(DhrStage.PANEL_AND_TERMS, 14, 60):
        return
    resume_on = _pause(world, review, 0.15)
    if resume_on is None or not _step(world, review, DhrStage.IMRS_REQUESTED, 3, 40, after=resume_on):
        return

    requested_on = review.last_on
    arrivals = []
    for agency in rng.sample(agencies, min(len(agencies), rng.randint(2, 5))):
        arrives = requested_on + timedelta(days=rng.randint(14, 130))
        arrivals.append(arrives)
        received = arrives <= today
        review.imrs.append(
            Imr(
                case=case,
                agency=agency,
                chronology_only=rng.random() < 0.25,
                requested_on=requested_on,
                due_on=requested_on + timedelta(days=rng.randint(42, 63)),
                received_on=arrives if received else None,
                summary=rng.choice(IMR_FINDINGS) if received else "",
            )
        )
    if not arrivals or not _step(world, review, DhrStage.IMRS_RECEIVED, 0, 7, after=max(arrivals)):
        return
    resume_on = _pause(world, review, 0.2)
    if resume_on is None or not _step(world, review, DhrStage.DRAFT_REPORT, 60, 420, after=resume_on):
        return
    if not step(DhrStage.FAMILY_SEES_REPORT, 21, 150):
        return
    stance = DhrOutcome.NOT_TO_PUBLISH if rng.random() < 0.1 else DhrOutcome.TO_PUBLISH
    if not step(DhrStage.CSP_SIGN_OFF, 14, 120, stance, "Agreed for submission."):
        return
    signed_on = review.last_on
    done_on = _recommendations(world, review, agencies, signed_on)
    cost(
        "Independent chair's fees: final instalment",
        signed_on + timedelta(days=rng.randint(14, 60)),
        1500,
        4500,
    )
    if rng.random() < 0.3:
        cost(rng.choice(OTHER_COSTS), signed_on - timedelta(days=rng.randint(0, 200)), 150, 1500)

    if not step(DhrStage.SUBMITTED, 3, 60):
        return
    if not susr:
        if rng.random() < 0.15:
            notes = "The Panel asked for the review to be revised and resubmitted."
            if not step(DhrStage.QA_OUTCOME, 60, 300, DhrOutcome.RESUBMIT, notes):
                return
            if not step(DhrStage.SUBMITTED, 30, 200):
                return
        cleared = rng.choices([DhrOutcome.CONTENT_TO_PUBLISH, DhrOutcome.PUBLISH_AFTER_CHANGES], [70, 30])[0]
        if not step(DhrStage.QA_OUTCOME, 60, 300, cleared):
            return
    if stance == DhrOutcome.NOT_TO_PUBLISH:
        if not step(DhrStage.NOT_PUBLISHED, 7, 60, notes=rng.choice(NOT_PUBLISHING)):
            return
    elif not step(DhrStage.PUBLISHED, 14, 120):
        return
    if rng.random() < 0.85 and not step(DhrStage.SENT_TO_COMMISSIONER, 0, 30):
        return
    _monitor_and_close(world, review, done_on)


def _recommendations(world: World, review: _Review, owners: list, added_on: date) -> date:
    """The action plan agreed at sign-off; returns the day its last recommendation is done.
    Statuses are as at today: a recommendation done by then is complete."""
    rng, today = world.rng, world.today
    done = added_on
    for _ in range(rng.randint(2, 6) if owners else 0):
        due_on = added_on + timedelta(days=rng.randint(120, 720))
        done_on = added_on + timedelta(days=rng.randint(60, 900))
        done = max(done, done_on)
        complete = done_on <= today
        if complete:
            status = Recommendation.Status.COMPLETE
        else:
            status = rng.choice([Recommendation.Status.NOT_STARTED, Recommendation.Status.IN_PROGRESS])
        review.recommendations.append(
            Recommendation(
                case=review.case,
                text=rng.choice(RECOMMENDATIONS),
                owner=rng.choice(owners),
                due_on=due_on,
                status=status,
                evidence=rng.choice(EVIDENCE) if complete else "",
                last_reviewed_on=done_on if complete else None,
            )
        )
    return done


def _monitor_and_close(world: World, review: _Review, done_on: date):
    """The action plan reviewed about every quarter (R23) and, once every recommendation is
    done, the review closed; recommendations still open are marked reviewed at the last look."""
    rng, today = world.rng, world.today
    day = review.last_on + timedelta(days=rng.randint(30, 100))
    closes_on = max(done_on, day) + timedelta(days=rng.randint(14, 150))
    closes = closes_on <= today and rng.random() < 0.85
    until = closes_on if closes else today
    while day <= until:
        if rng.random() < 0.9:
            review.reach(DhrStage.ACTION_PLAN_MONITORED, day, notes="Progress reported to the CSP.")
        day += timedelta(days=rng.randint(84, 98))
    if closes:
        review.reach(DhrStage.CLOSED, closes_on, notes="All actions complete.")
    last_look = max(
        (s.reached_on for s in review.stages if s.stage == DhrStage.ACTION_PLAN_MONITORED), default=None
    )
    for rec in review.recommendations:
        if rec.status != Recommendation.Status.COMPLETE and last_look is not None:
            rec.last_reviewed_on = last_look


def _no_review(world: World, review: _Review, *, susr: bool):
    """A referral that did not become a full review: the decision and its reasons, the Home
    Office told, the learning captured, and mostly closed."""
    rng, case = world.rng, review.case
    if rng.random() < 0.8 and not _step(
        world, review, DhrStage.SCOPING, 2, 14, notes="Scoping letters sent."
    ):
        return
    reasons = rng.choice(NOT_COMMISSIONED)
    if not _step(world, review, DhrStage.DECISION, 7, 40, DhrOutcome.NOT_COMMISSIONED, reasons):
        return
    case.decision_reasons = reasons
    if rng.random() < 0.8:
        case.learning = rng.choice(LEARNING)
    if not susr and not _step(world, review, DhrStage.HOME_OFFICE_TOLD, 0, 7):
        return
    if rng.random() < 0.85:
        _step(world, review, DhrStage.CLOSED, 14, 150, notes="Learning disseminated.")


def _led_elsewhere(world: World, review: _Review, agencies: list, payers: list):
    """A review another CSP leads: this partnership keeps its agencies' IMRs and its actions,
    and closes the case once the lead CSP's review is done and its actions complete."""
    rng, today, case = world.rng, world.today, review.case
    notified_on = review.last_on
    for agency in rng.sample(agencies, min(len(agencies), rng.randint(1, 2))):
        requested_on = notified_on + timedelta(days=rng.randint(7, 45))
        if requested_on > today:
            continue
        arrives = requested_on + timedelta(days=rng.randint(20, 100))
        received = arrives <= today
        review.imrs.append(
            Imr(
                case=case,
                agency=agency,
                chronology_only=rng.random() < 0.5,
                requested_on=requested_on,
                due_on=requested_on + timedelta(days=rng.randint(42, 63)),
                received_on=arrives if received else None,
                summary=rng.choice(IMR_FINDINGS) if received else "",
            )
        )
    done_on = notified_on
    added_on = notified_on + timedelta(days=rng.randint(300, 700))
    if added_on <= today and rng.random() < 0.6:
        done_on = _recommendations(world, review, agencies, added_on)
    if payers and rng.random() < 0.4 and added_on <= today:
        review.costs.append(
            Cost(
                case=case,
                description="Contribution to the lead CSP's costs",
                amount=_money(rng, 500, 2500),
                incurred_on=added_on,
                paid_by=rng.choice(payers),
            )
        )
    closes_on = max(done_on, notified_on + timedelta(days=rng.randint(400, 1400))) + timedelta(
        days=rng.randint(7, 60)
    )
    if closes_on <= today and rng.random() < 0.9:
        review.reach(
            DhrStage.CLOSED, closes_on, notes="The lead CSP's review is done and our actions complete."
        )


def _dhr_deadlines(world: World, made: list[_Review]) -> list[Deadline]:
    """What `dhr.review.write_case_deadlines` stores for every generated review, built by
    the same function, all confidential."""
    case_type = ContentType.objects.get_for_model(DhrCase)
    rows = []
    for review in made:
        case = review.case
        specs = case_deadline_specs(
            case,
            stages=review.stages,
            pauses=review.pauses,
            imrs=review.imrs,
            recommendations=review.recommendations,
            nation=review.nation,
            today=world.today,
        )
        rows += [
            Deadline(
                partnership=case.partnership,
                title=spec.title,
                due_on=spec.due_on,
                owner=None,
                rule=spec.rule,
                rule_version=spec.rule_version,
                legal_source=spec.legal_source,
                source_type=case_type,
                source_id=case.pk,
                link=f"/dhr/cases/{case.pk}/",
                is_confidential=True,
                met_on=spec.met_on,
            )
            for spec in specs
        ]
    return rows
