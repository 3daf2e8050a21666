"""National-scale data for benchmarks: ~300 partnerships and everything that hangs off them.

design.md ("Scale to design for") sizes a national instance: ~300 CSPs, ~3,000 duty entries,
~5,000 users; the plans step adds ~1,500 plans with their versions, routes to adoption and
steps (about five plans per partnership). `generate()` builds that from a seed, so the same seed always gives the same
names and dates (relative to `today`), and a benchmark can be rerun on identical data.

Written with `bulk_create` in batches, so it takes seconds rather than minutes. That bypasses
`save()` and its signals: django-simple-history writes no "created" rows for generated
records, and their history pages start empty. That is acceptable for benchmark data, and
the one thing the signals would add (history rows) is not what the benchmarks measure.
Deadlines are written the same way, mirroring what `duties.register.write_entry_deadlines`
would store for each entry (its specs come from `duties.register.deadline_specs`) and what
`plans.adoption.write_plan_deadlines` would store for each plan (see `_plan_deadlines`).

Generated rows carry prefixes so they never collide with the demo data (slugs "dorset" and
"bcp", logins officer, clerk, ...) and so `remove()` can find them again: partnership slugs
"csp-0001", council slugs "csp-council-0001", usernames "person-00001". Organisations have no
slug; the generated ones are those left with no membership and no register entry once the
generated partnerships are gone.

Later apps (plans, DHRs, actions, KPIs) add their own step to `generate()`, reading the
partnerships and people from the `World` the earlier steps fill in.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings
from django.utils import timezone

from duties.models import Duty, RegisterEntry
from duties.register import deadline_specs
from partnerships.models import Council, Membership, Nation, Organisation, Partnership, Role
from plans.adoption import plan_deadline_specs, plan_state, route_deadline_specs
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from reminders.models import Deadline

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
        tally(generated.delete())
        tally(Council.objects.filter(slug__regex=COUNCIL_SLUG_PATTERN).delete())
        tally(get_user_model().objects.filter(username__regex=USERNAME_PATTERN).delete())
        # An organisation some other partnership still uses (added by hand, say) stays.
        orphans = Organisation.objects.filter(pk__in=organisation_ids).exclude(
            Q(memberships__isnull=False) | Q(delivered_register_entries__isnull=False)
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
    partnership's plans of its kind), read back with the board's own prefetching."""
    today = world.today
    fetched = list(Plan.objects.for_board().filter(pk__in=[p.pk for p in plans]))
    families: dict[tuple, list[Plan]] = {}
    for plan in fetched:
        families.setdefault((plan.kind, plan.lead_partnership_id), []).append(plan)
    plan_type = ContentType.objects.get_for_model(Plan)
    route_type = ContentType.objects.get_for_model(Route)

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
    return rows
