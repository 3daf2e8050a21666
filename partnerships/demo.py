"""Demo partnerships from the councils' own papers (seeds 000, 001, 003, 004), and one
demo login per role. Loading twice changes nothing."""

from django.contrib.auth import get_user_model

from partnerships.models import Council, Membership, Nation, Organisation, Partnership, Role

DEMO_PASSWORD = "csp-tracker-demo"
Kind = Organisation.Kind

ORGANISATIONS = [
    ("Dorset Council", Kind.COUNCIL),
    ("BCP Council", Kind.COUNCIL),
    ("Dorset Police", Kind.POLICE),
    ("NHS Dorset", Kind.HEALTH),
    ("Dorset & Wiltshire Fire and Rescue Authority", Kind.FIRE_AND_RESCUE_AUTHORITY),
    ("Probation Service", Kind.PROBATION),
    ("Police and Crime Commissioner for Dorset", Kind.POLICE_AND_CRIME_COMMISSIONER),
    ("Office of the Police and Crime Commissioner", Kind.POLICE_AND_CRIME_COMMISSIONER),
    ("Dorset & Wiltshire Fire and Rescue Service", Kind.FIRE_AND_RESCUE_SERVICE),
    ("Dorset Combined Youth Justice Service", Kind.YOUTH_JUSTICE),
    ("Public Health Dorset", Kind.PUBLIC_HEALTH),
    ("Dorset Association of Parish & Town Councils", Kind.PARISH_COUNCILS),
    ("Dorset Domestic Abuse Forum", Kind.VOLUNTARY),
    ("Pan-Dorset Community Safety & Criminal Justice Board", Kind.BOARD),
]

STATUTORY_DORSET = [
    "Dorset Council",
    "Dorset Police",
    "NHS Dorset",
    "Dorset & Wiltshire Fire and Rescue Authority",
    "Probation Service",
]
ATTENDING_DORSET = [
    "Police and Crime Commissioner for Dorset",
    "Office of the Police and Crime Commissioner",
    "Dorset & Wiltshire Fire and Rescue Service",
    "Dorset Combined Youth Justice Service",
    "Public Health Dorset",
    "Dorset Association of Parish & Town Councils",
    "Dorset Domestic Abuse Forum",
]
STATUTORY_BCP = [
    "BCP Council",
    "Dorset Police",
    "NHS Dorset",
    "Dorset & Wiltshire Fire and Rescue Authority",
    "Probation Service",
]
ATTENDING_BCP = ["Office of the Police and Crime Commissioner", "Dorset Combined Youth Justice Service"]

# username, first name, last name, is superuser, {partnership slug: [role kinds]}
LOGINS = [
    ("officer", "Alex", "Morgan", False, {"dorset": [Role.Kind.OFFICER]}),
    ("clerk", "Jo", "Clarke", False, {"dorset": [Role.Kind.CLERK], "bcp": [Role.Kind.CLERK]}),
    ("councillor", "Pat", "Hughes", False, {"dorset": [Role.Kind.COUNCILLOR]}),
    ("dhr", "Dee", "Evans", False, {"dorset": [Role.Kind.OFFICER, Role.Kind.DHR_CLEARED]}),
    ("admin", "Sam", "Taylor", True, {"dorset": [Role.Kind.ADMIN], "bcp": [Role.Kind.ADMIN]}),
    # The Dorset CSP manager: a DHR-cleared admin, who may read the log of who viewed reviews.
    (
        "dhrlead",
        "Chris",
        "Patel",
        False,
        {"dorset": [Role.Kind.OFFICER, Role.Kind.DHR_CLEARED, Role.Kind.ADMIN]},
    ),
]
# People who own register entries but have no demo login.
PEOPLE = [
    # BCP's community safety officer, who also records BCP's Domestic Homicide Reviews.
    ("chris.baker", "Chris", "Baker", {"bcp": [Role.Kind.OFFICER, Role.Kind.DHR_CLEARED]}),
    ("rob.ellis", "Rob", "Ellis", {"dorset": [Role.Kind.OFFICER]}),
    # Dorset Council's community safety officers, who own an action in seed 003's minutes.
    ("john.newcombe", "John", "Newcombe", {"dorset": [Role.Kind.OFFICER]}),
    ("ian.grant", "Ian", "Grant", {"dorset": [Role.Kind.OFFICER]}),
]


def load():
    organisations = {
        name: Organisation.objects.update_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in ORGANISATIONS
    }
    dorset_council, _ = Council.objects.update_or_create(
        slug="dorset-council",
        defaults={
            "name": "Dorset Council",
            "nation": Nation.ENGLAND,
            "crime_and_disorder_committee": "People & Health Scrutiny Committee",
        },
    )
    bcp_council, _ = Council.objects.update_or_create(
        slug="bcp-council",
        defaults={
            "name": "Bournemouth, Christchurch and Poole Council",
            "nation": Nation.ENGLAND,
            "crime_and_disorder_committee": "Corporate and Community Overview & Scrutiny Board",
        },
    )
    dorset, _ = Partnership.objects.update_or_create(
        slug="dorset", defaults={"name": "Dorset Community Safety Partnership", "nation": Nation.ENGLAND}
    )
    bcp, _ = Partnership.objects.update_or_create(
        slug="bcp",
        defaults={"name": "BCP Community Safety Partnership", "brand": "Safer BCP", "nation": Nation.ENGLAND},
    )
    dorset.councils.set([dorset_council])
    bcp.councils.set([bcp_council])
    for partnership, statutory, attending in (
        (dorset, STATUTORY_DORSET, ATTENDING_DORSET),
        (bcp, STATUTORY_BCP, ATTENDING_BCP),
    ):
        for names, standing in (
            (statutory, Membership.Standing.STATUTORY),
            (attending, Membership.Standing.ATTENDING),
        ):
            for name in names:
                Membership.objects.update_or_create(
                    partnership=partnership, organisation=organisations[name], defaults={"standing": standing}
                )

    partnerships = {"dorset": dorset, "bcp": bcp}
    User = get_user_model()
    people = {}
    for username, first, last, superuser, roles in LOGINS:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        people[username] = user
        _grant(user, roles, partnerships)
    for username, first, last, roles in PEOPLE:
        user, created = User.objects.update_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if created:
            user.set_unusable_password()
            user.save()
        people[username] = user
        _grant(user, roles, partnerships)
    return {"partnerships": partnerships, "organisations": organisations, "people": people}


def _grant(user, roles, partnerships):
    for slug, kinds in roles.items():
        for kind in kinds:
            Role.objects.get_or_create(user=user, partnership=partnerships[slug], kind=kind)
