"""Every page the application serves, visited as each demo login in turn with real ids from
the demo data: no case reference, pseudonym, independent chair's name, IMR finding or
recommendation reaches anyone who is not DHR-cleared, and the DHR pages answer them 404."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dhr import review
from dhr.models import CaseView, Cost, DhrCase, Document, Imr, Pause, Recommendation, StageRecord
from duties.evidence import check_upload
from duties.models import Evidence, RegisterEntry
from duties.register import add_evidence
from indicators.models import Indicator
from meetings.models import Action, AgendaItem, Meeting
from partnerships.models import Partnership
from plans.models import Condition, Plan, PlanVersion, Route
from reminders.models import Deadline, Preferences
from reminders.preferences import make_calendar_address
from scrutiny.models import Pack

pytestmark = pytest.mark.django_db

NOT_CLEARED = ["officer", "clerk", "councillor", "admin"]
CLEARED = ["dhr", "dhrlead"]

# Which model's ids fill each pattern's <pk>.
PK_MODELS = {
    "duties:download_evidence": Evidence,
    "plans:plan": Plan,
    "plans:add_version": Plan,
    "plans:version": PlanVersion,
    "plans:edit_version": PlanVersion,
    "plans:version_document": PlanVersion,
    "plans:version_history": PlanVersion,
    "plans:record_step": Route,
    "plans:condition_met": Condition,
    "dhr:case": DhrCase,
    "dhr:edit_case": DhrCase,
    "dhr:history": DhrCase,
    "dhr:record_stage": DhrCase,
    "dhr:pause": DhrCase,
    "dhr:request_imr": DhrCase,
    "dhr:add_recommendation": DhrCase,
    "dhr:add_cost": DhrCase,
    "dhr:add_document": DhrCase,
    "dhr:correct_stage": StageRecord,
    "dhr:resume": Pause,
    "dhr:receive_imr": Imr,
    "dhr:recommendation_progress": Recommendation,
    "dhr:document": Document,
    "meetings:meeting": Meeting,
    "meetings:attendance": Meeting,
    "meetings:history": Meeting,
    "meetings:add_item": Meeting,
    "meetings:add_item_action": AgendaItem,
    "meetings:action": Action,
    "meetings:edit_action": Action,
    "indicators:indicator": Indicator,
    "indicators:edit": Indicator,
    "indicators:record_value": Indicator,
    "indicators:set_target": Indicator,
    "indicators:history": Indicator,
    "reminders:deadline": Deadline,
    "scrutiny:pack": Pack,
    "scrutiny:progress": Pack,
    "scrutiny:preview": Pack,
    "scrutiny:edit": Pack,
    "scrutiny:issue": Pack,
    "scrutiny:build_again": Pack,
    "scrutiny:pdf": Pack,
    "scrutiny:docx": Pack,
    "scrutiny:history": Pack,
}
SKIPPED = {"logout"}  # signing out would end the crawl; it shows nothing


def patterns(resolvers=None, namespace=""):
    """(name, pattern) for every URL pattern outside the admin, which is crawled apart."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            yield from patterns(entry.url_patterns, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry.pattern


def urls_for(name, pattern) -> list[str]:
    """Concrete addresses for a pattern, with every id the demo holds for it (a few each)."""
    kwargs = set(pattern.converters)
    if not kwargs:
        return [reverse(name)]
    slugs = list(Partnership.objects.values_list("slug", flat=True))
    if kwargs == {"slug"}:
        return [reverse(name, kwargs={"slug": slug}) for slug in slugs]
    if kwargs == {"slug", "code"}:
        entries = RegisterEntry.objects.select_related("partnership", "duty")[:6]
        return [reverse(name, kwargs={"slug": e.partnership.slug, "code": e.duty.code}) for e in entries]
    if kwargs == {"token"}:
        # A DHR-cleared officer's calendar feed (made once), and an address that is no one's.
        if not Preferences.objects.exclude(calendar_token=None).exists():
            dee = get_user_model().objects.get(username="dhr")
            make_calendar_address(dee, by=dee)
        tokens = [*Preferences.objects.exclude(calendar_token=None).values_list("calendar_token", flat=True)]
        return [reverse(name, kwargs={"token": token}) for token in [*tokens, "no-such-address"]]
    if kwargs == {"pk"}:
        model = PK_MODELS[name]  # a new pattern must say here which ids it takes
        ordered = model.objects.order_by("pk").values_list("pk", flat=True)
        # The first and the last: the demo loads Dorset's records before BCP's.
        ids = sorted(set(ordered[:3]) | set(ordered.reverse()[:3]))
        assert ids, f"the demo data has no {model.__name__} for {name}"
        return [reverse(name, kwargs={"pk": pk}) for pk in ids]
    raise AssertionError(f"The crawl does not know how to fill {name} {sorted(kwargs)}")


def admin_urls() -> list[str]:
    """The admin's index, each app and model list, and the add, change, history and delete
    pages of an object of each model (deletion pages list related objects by name)."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse("admin:app_list", args=[meta.app_label]))
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        ordered = model.objects.order_by("pk")
        # The first and the last: the demo writes the reviews' confidential deadlines last.
        for obj in {*ordered[:2], *ordered.reverse()[:2]}:
            for view in ("change", "history", "delete"):
                urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk]))
    return urls


def confidential_words() -> set[str]:
    words = set()
    for case in DhrCase.objects.all():
        words |= {case.reference, case.pseudonym, case.chair_name, case.learning, case.decision_reasons}
    words |= set(Imr.objects.values_list("summary", flat=True))
    words |= set(Recommendation.objects.values_list("text", flat=True))
    words |= set(Recommendation.objects.values_list("evidence", flat=True))
    words |= set(Cost.objects.values_list("description", flat=True))
    words |= set(StageRecord.objects.values_list("notes", flat=True))
    words |= set(Pause.objects.values_list("notes", flat=True))
    words |= set(Document.objects.values_list("title", flat=True))
    words |= set(Deadline.objects.filter(is_confidential=True).values_list("title", flat=True))
    words |= {case.name for case in DhrCase.objects.all()}
    # Short or common texts ("Adult A" is not, "Chair" would be) are kept; empty ones are not.
    return {word.strip() for word in words if word and len(word.strip()) >= 5}


def every_url() -> list[str]:
    urls = []
    for name, pattern in patterns():
        if name not in SKIPPED:
            urls += urls_for(name, pattern)
    return urls + admin_urls()


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(name):
    return check_upload(SimpleUploadedFile(name, PDF))


@pytest.fixture
def documents(demo):
    """The demo holds no files; add a duty's evidence and a review's documents so that the
    download addresses are crawled too. The review's document titles are confidential."""
    officer = get_user_model().objects.get(username="dhr")
    entry = RegisterEntry.objects.filter(partnership__slug="dorset").first()
    add_evidence(entry, by=officer, title="Strategic assessment 2026", file=upload("assessment.pdf"))
    for case in DhrCase.objects.order_by("pk")[:2]:
        review.add_document(
            case,
            by=officer,
            kind=Document.Kind.DRAFT_REPORT,
            title=f"Draft overview report {case.reference}",
            upload=upload("draft.pdf"),
        )
    case = DhrCase.objects.filter(partnership__slug="bcp").order_by("pk").last()
    review.add_document(
        case,
        by=officer,
        kind=Document.Kind.QA_LETTER,
        title="Quality Assurance Panel letter",
        upload=upload("letter.pdf"),
    )


@pytest.fixture
def crawl(documents, client):
    def visit(username):
        client.force_login(get_user_model().objects.get(username=username))
        return {url: client.get(url) for url in every_url()}

    return visit


def test_nothing_confidential_reaches_anyone_not_cleared(crawl, subtests):
    words = confidential_words()
    assert len(words) > 20, "the demo must hold reviews for the crawl to mean anything"
    before = CaseView.objects.count()
    # One demo load for every login: loading it takes seconds.
    for username in NOT_CLEARED:
        with subtests.test(username=username):
            responses = crawl(username)
            leaks = [
                (url, word) for url, response in responses.items() for word in words if word in body(response)
            ]
            assert leaks == []
            dhr_urls = [url for url in responses if re.match(r"^/(dhr/|partnerships/[^/]+/dhr/)", url)]
            assert len(dhr_urls) >= 40
            assert {url: responses[url].status_code for url in dhr_urls} == dict.fromkeys(dhr_urls, 404)
            # The crawl reached real pages, not a wall of errors.
            assert sum(response.status_code == 200 for response in responses.values()) >= 20
            assert all(response.status_code < 500 for response in responses.values())
    assert CaseView.objects.count() == before


def test_the_cleared_see_the_reviews_of_their_partnership(crawl, subtests):
    dorset_case = DhrCase.objects.filter(partnership__slug="dorset").exclude(chair_name="").first()
    bcp_case_urls = [
        reverse("dhr:case", args=[pk])
        for pk in DhrCase.objects.filter(partnership__slug="bcp").values_list("pk", flat=True)
    ]
    for username in CLEARED:
        with subtests.test(username=username):
            responses = crawl(username)
            page = body(responses[reverse("dhr:case", args=[dorset_case.pk])])
            assert dorset_case.reference in page and dorset_case.pseudonym in page
            assert dorset_case.chair_name in page
            assert all(response.status_code < 500 for response in responses.values())
            # Cleared in Dorset only: BCP's reviews are as closed to them as to anyone.
            visited = [url for url in bcp_case_urls if url in responses]
            assert visited
            assert {url: responses[url].status_code for url in visited} == dict.fromkeys(visited, 404)
            assert responses[reverse("dhr:list", args=["bcp"])].status_code == 404
