"""Demo Domestic Homicide Reviews for the Dorset and BCP partnerships, consistent with what
the seeds report (domain.md section 6):

- seed 000 (Dorset, as at 24 October 2019): four reviews completed, two of them closed; two
  in progress; one at scoping; two led by other CSPs.
- seed 003 (Dorset CSP minutes, dated 14 March 2023 in plans.demo): one review at the draft
  report stage, one at IMRs with the chair speaking to the family, one whose independent
  chair had just been recruited, two signed off that day for the Home Office (one not to be
  published), and referrals that did not become a full review, their learning captured.
- seed 001 §56 (BCP, 12 December 2022): four reviews with the Home Office's quality
  assurance, and no new referrals in 2021/22.

After those dates the reviews move on as the BBC found they do, over years: trials and
inquests pause them, the Quality Assurance Panel asks for one to be resubmitted, action
plans are reviewed every quarter. Everything here is invented: references, pseudonyms
(agreed with the family, never names), chairs, IMR findings, recommendations and costs.

Every action goes through the write functions of dhr.review, so the stage rules hold, the
history names who recorded each step and the confidential deadlines exist. A review whose
reference or pseudonym the partnership already has is left alone: loading twice adds
nothing. Dates after the seeds' are fixed before 24 November 2026, or counted back from the
day the demo is loaded, so there is always something overdue and something coming up.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q

from dhr import review
from dhr.models import DhrCase, Document, Pause, Recommendation, StageRecord
from duties.evidence import check_upload
from plans.adoption import add_months
from plans.demo import DORSET_CSP_EARLY_2023

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome
Kind = DhrCase.Kind
Reason = Pause.Reason
Status = Recommendation.Status

DORSET_2019_REPORT = date(2019, 10, 24)  # seed 000: the annual report to Place Scrutiny
BCP_2022_REPORT = date(2022, 12, 12)  # seed 001: the annual report to the Scrutiny Board

# Who records each partnership's reviews: its DHR-cleared officer in partnerships.demo.
RECORDED_BY = {"dorset": "dhr", "bcp": "chris.baker"}

# Organisations of partnerships.demo.ORGANISATIONS, by short name.
COUNCIL = "Dorset Council"
BCP_COUNCIL = "BCP Council"
POLICE = "Dorset Police"
NHS = "NHS Dorset"
PROBATION = "Probation Service"
FIRE = "Dorset & Wiltshire Fire and Rescue Service"
OPCC = "Office of the Police and Crime Commissioner"
YOUTH_JUSTICE = "Dorset Combined Youth Justice Service"
PUBLIC_HEALTH = "Public Health Dorset"
DA_FORUM = "Dorset Domestic Abuse Forum"

# The order in which things done on the same day are recorded: a recommendation is
# completed before the review closes, a pause starts before it ends.
NOTE, STAGE, IMR, RECEIVED, PAUSE, RESUME, RECOMMEND, PROGRESS, COST, FILE, CLOSE = range(11)

SCOPING_NOTES = (
    "Scoping letters sent to agencies under the pan-Dorset protocol, asking what contact they had."
)
FAMILY_NOTES = (
    "The family were told the decision, given the Home Office leaflet and offered specialist independent "
    "advocacy (AAFDA)."
)
MONITORED = "Progress on the action plan reported to the CSP's quarterly meeting."
CLOSED = "All actions associated with the recommendations have been completed."


@dataclass(frozen=True)
class At:
    """A stage reached on a date."""

    stage: str
    on: date
    outcome: str = ""
    notes: str = ""

    def steps(self, organisations):
        def act(case, by, today):
            review.record_stage(
                case,
                by=by,
                stage=self.stage,
                reached_on=self.on,
                outcome=self.outcome,
                notes=self.notes,
                today=today,
            )

        yield self.on, CLOSE if self.stage == Stage.CLOSED else STAGE, act


@dataclass(frozen=True)
class Noted:
    """The independent chair, the learning or the reasons written on the case that day."""

    on: date
    chair_name: str = ""
    learning: str = ""
    decision_reasons: str = ""

    def steps(self, organisations):
        def act(case, by, today):
            case.refresh_from_db()
            fields = {
                name: getattr(self, name)
                for name in ("chair_name", "learning", "decision_reasons")
                if getattr(self, name)
            }
            review.update_case(case, by=by, expected_revision=case.revision, today=today, **fields)

        yield self.on, NOTE, act


@dataclass(frozen=True)
class Paused:
    """A pause of the review's clocks; open while `ends_on` is None."""

    reason: str
    starts_on: date
    notes: str
    ends_on: date | None = None

    def steps(self, organisations):
        made = []

        def start(case, by, today):
            made.append(
                review.pause(
                    case, by=by, reason=self.reason, starts_on=self.starts_on, notes=self.notes, today=today
                )
            )

        yield self.starts_on, PAUSE, start
        if self.ends_on is not None:
            yield (
                self.ends_on,
                RESUME,
                lambda case, by, today: review.resume(made[0], by=by, ends_on=self.ends_on, today=today),
            )


@dataclass(frozen=True)
class Asked:
    """An agency's IMR (or chronology), requested and, if `received_on`, received."""

    agency: str
    requested_on: date
    due_on: date
    received_on: date | None = None
    summary: str = ""
    chronology_only: bool = False

    def steps(self, organisations):
        made = []

        def request(case, by, today):
            made.append(
                review.request_imr(
                    case,
                    by=by,
                    agency=organisations[self.agency],
                    requested_on=self.requested_on,
                    due_on=self.due_on,
                    chronology_only=self.chronology_only,
                    today=today,
                )
            )

        yield self.requested_on, IMR, request
        if self.received_on is not None:
            yield (
                self.received_on,
                RECEIVED,
                lambda case, by, today: review.receive_imr(
                    made[0], by=by, received_on=self.received_on, summary=self.summary, today=today
                ),
            )


@dataclass(frozen=True)
class Recommended:
    """A recommendation of the action plan and its progress: (reviewed on, status, evidence)."""

    owner: str
    text: str
    added_on: date
    due_on: date
    progress: tuple = ()

    def steps(self, organisations):
        made = []

        def add(case, by, today):
            made.append(
                review.add_recommendation(
                    case,
                    by=by,
                    text=self.text,
                    owner=organisations[self.owner],
                    due_on=self.due_on,
                    today=today,
                )
            )

        yield self.added_on, RECOMMEND, add
        for reviewed_on, status, evidence in self.progress:
            yield reviewed_on, PROGRESS, _progress(made, reviewed_on, status, evidence)


def _progress(made, reviewed_on, status, evidence):
    def act(case, by, today):
        made[0] = review.update_recommendation(
            made[0], by=by, status=status, evidence=evidence, reviewed_on=reviewed_on, today=today
        )

    return act


@dataclass(frozen=True)
class Paid:
    """A cost of the review, met by a partner under the funding agreement (seed 000)."""

    description: str
    amount: str
    incurred_on: date
    paid_by: str

    def steps(self, organisations):
        def act(case, by, today):
            review.add_cost(
                case,
                by=by,
                description=self.description,
                amount=self.amount,
                incurred_on=self.incurred_on,
                paid_by=organisations[self.paid_by],
            )

        yield self.incurred_on, COST, act


@dataclass(frozen=True)
class Filed:
    """A document kept with the review: a one-page PDF standing in for the real thing."""

    kind: str
    title: str
    on: date
    lines: tuple

    def steps(self, organisations):
        def act(case, by, today):
            name = self.title.lower().replace(" ", "-").replace("'", "") + ".pdf"
            upload = check_upload(SimpleUploadedFile(name, one_page_pdf(self.title, self.lines)))
            review.add_document(case, by=by, kind=self.kind, title=self.title, upload=upload)

        yield self.on, FILE, act


def one_page_pdf(title: str, lines) -> bytes:
    """A valid one-page PDF of a title and a few lines of Helvetica (Latin-1 text only)."""

    def escaped(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " ".join(f"({escaped(line)}) '" for line in (title, "", *lines))
    content = f"BT /F1 11 Tf 16 TL 72 790 Td {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return pdf


@dataclass(frozen=True)
class Review:
    partnership: str
    reference: str
    pseudonym: str
    kind: str
    events: tuple  # the notification first
    lead_csp: str = ""


def quarterly(first: date, last: date, notes: str = MONITORED) -> list[At]:
    """The action plan reviewed every three months from `first`, up to `last`."""
    reviews, n = [], 0
    while (day := add_months(first, 3 * n)) <= last:
        reviews.append(At(Stage.ACTION_PLAN_MONITORED, day, notes=notes))
        n += 1
    return reviews


def chair_fees(first_on: date, final_on: date, *, first_paid_by: str, final_paid_by: str, amount: str):
    return (
        Paid("Independent chair's fees: first instalment", amount, first_on, first_paid_by),
        Paid("Independent chair's fees: final instalment", amount, final_on, final_paid_by),
    )


def opening(notified_on, scoped_on, decided_on, reasons, family_on, chair_on, chair):
    """Notification to the chair's appointment, as most commissioned reviews begin."""
    return (
        At(Stage.NOTIFICATION, notified_on),
        At(Stage.SCOPING, scoped_on, notes=SCOPING_NOTES),
        At(Stage.DECISION, decided_on, Outcome.COMMISSIONED, reasons),
        At(Stage.HOME_OFFICE_TOLD, decided_on),
        At(Stage.FAMILY_TOLD, family_on, notes=FAMILY_NOTES),
        At(Stage.CHAIR_APPOINTED, chair_on, notes="Appointed after expressions of interest."),
        Noted(chair_on, chair_name=chair),
    )


def reviews(today: date) -> list[Review]:
    """Every demo review, its events in any order (the loader sorts them by date)."""

    def ago(days):
        return today - timedelta(days=days)

    recent = ago(190)  # the newest reviews' references take the year they were notified
    return [
        # --- Dorset: closed by October 2019 (seed 000: "two of which have been closed") ---
        Review(
            "dorset",
            "DHR 2015/01",
            "Adult A",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2015, 3, 9),
                    date(2015, 3, 16),
                    date(2015, 4, 1),
                    "The criteria are met: Adult A, 34, was killed by the partner she lived with.",
                    date(2015, 4, 8),
                    date(2015, 5, 11),
                    "Morven Ashdown",
                ),
                At(
                    Stage.PANEL_AND_TERMS,
                    date(2015, 6, 15),
                    notes="Terms of reference agreed at the first panel.",
                ),
                At(Stage.IMRS_REQUESTED, date(2015, 6, 22)),
                Asked(
                    POLICE,
                    date(2015, 6, 22),
                    date(2015, 8, 17),
                    date(2015, 8, 14),
                    "Two calls for service in the year before the death; no risk assessment at the second.",
                ),
                Asked(
                    NHS,
                    date(2015, 6, 22),
                    date(2015, 8, 17),
                    date(2015, 9, 2),
                    "The GP recorded anxiety and a fall; no routine enquiry about abuse was made.",
                ),
                Asked(
                    COUNCIL,
                    date(2015, 6, 22),
                    date(2015, 8, 17),
                    date(2015, 8, 20),
                    "A housing officer visited twice about rent arrears and recorded no concerns.",
                ),
                Asked(
                    DA_FORUM,
                    date(2015, 6, 22),
                    date(2015, 8, 17),
                    date(2015, 8, 10),
                    "No contact with Adult A; a neighbour once asked for advice on her behalf.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2015, 9, 2)),
                At(Stage.DRAFT_REPORT, date(2016, 1, 18)),
                At(Stage.FAMILY_SEES_REPORT, date(2016, 3, 7)),
                At(Stage.CSP_SIGN_OFF, date(2016, 4, 18), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2016, 4, 29)),
                # The Panel's letter of these early reviews was not recorded as a stage: a
                # cleared review falls due to be sent to the Domestic Abuse Commissioner
                # (R22), and the Commissioner's office did not exist until 2019.
                At(
                    Stage.PUBLISHED,
                    date(2016, 10, 17),
                    notes="Published on the CSP's web pages with the Quality Assurance Panel's letter.",
                ),
                Recommended(
                    POLICE,
                    "Complete a DASH risk assessment at every domestic abuse call and audit compliance quarterly.",
                    date(2016, 4, 18),
                    date(2017, 3, 31),
                    (
                        (date(2017, 1, 16), Status.IN_PROGRESS, "The first audit found 84% compliance."),
                        (
                            date(2017, 7, 17),
                            Status.COMPLETE,
                            "Compliance above 95% for two quarters running.",
                        ),
                    ),
                ),
                Recommended(
                    NHS,
                    "Train GP practices in routine enquiry about domestic abuse and referral to specialist support.",
                    date(2016, 4, 18),
                    date(2017, 9, 30),
                    (
                        (date(2017, 7, 17), Status.IN_PROGRESS, "Half of the practices trained."),
                        (
                            date(2018, 1, 15),
                            Status.COMPLETE,
                            "Every practice in the area trained; referrals counted.",
                        ),
                    ),
                ),
                Recommended(
                    COUNCIL,
                    "Add domestic abuse prompts to housing officers' home visit checklist.",
                    date(2016, 4, 18),
                    date(2016, 12, 31),
                    (
                        (
                            date(2017, 1, 16),
                            Status.COMPLETE,
                            "Checklist revised and in use since December 2016.",
                        ),
                    ),
                ),
                *quarterly(date(2017, 1, 16), date(2018, 1, 15)),
                At(Stage.CLOSED, date(2018, 4, 16), notes=CLOSED),
                *chair_fees(
                    date(2015, 7, 31),
                    date(2016, 5, 31),
                    first_paid_by=COUNCIL,
                    final_paid_by=POLICE,
                    amount="3250.00",
                ),
                Paid("Redaction and publication of the report", "420.00", date(2016, 10, 17), NHS),
            ),
        ),
        Review(
            "dorset",
            "DHR 2016/01",
            "Ms B",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2016, 2, 1),
                    date(2016, 2, 8),
                    date(2016, 2, 24),
                    "The criteria are met: Ms B died after an assault by her former partner.",
                    date(2016, 3, 2),
                    date(2016, 3, 28),
                    "Tobias Penhallow",
                ),
                At(Stage.PANEL_AND_TERMS, date(2016, 4, 25)),
                At(Stage.IMRS_REQUESTED, date(2016, 5, 3)),
                Asked(
                    POLICE,
                    date(2016, 5, 3),
                    date(2016, 6, 28),
                    date(2016, 6, 27),
                    "A non-molestation order was breached three times; one breach led to a caution.",
                ),
                Asked(
                    PROBATION,
                    date(2016, 5, 3),
                    date(2016, 6, 28),
                    date(2016, 7, 25),
                    "The perpetrator was supervised for an earlier offence; his new relationship was not known.",
                ),
                Asked(
                    NHS,
                    date(2016, 5, 3),
                    date(2016, 6, 28),
                    date(2016, 7, 4),
                    "Ms B attended the emergency department twice with injuries she said were accidental.",
                ),
                Asked(
                    FIRE,
                    date(2016, 5, 3),
                    date(2016, 6, 28),
                    date(2016, 6, 6),
                    "A home fire safety visit in 2015 noted no concerns.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2016, 7, 25)),
                Paused(
                    Reason.CRIMINAL_TRIAL,
                    date(2016, 8, 1),
                    "The chair's interviews with the family wait for the trial, on the investigating officer's advice.",
                    date(2017, 1, 20),
                ),
                At(Stage.DRAFT_REPORT, date(2017, 4, 10)),
                At(Stage.FAMILY_SEES_REPORT, date(2017, 6, 5)),
                At(Stage.CSP_SIGN_OFF, date(2017, 7, 17), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2017, 7, 31)),
                At(
                    Stage.PUBLISHED,
                    date(2018, 1, 22),
                    notes="Published on the CSP's web pages with the Quality Assurance Panel's letter.",
                ),
                Recommended(
                    PROBATION,
                    "Share perpetrator risk information with the MARAC whenever the level of supervision changes.",
                    date(2017, 7, 17),
                    date(2018, 6, 30),
                    ((date(2018, 7, 16), Status.COMPLETE, "Written into the MARAC operating protocol."),),
                ),
                Recommended(
                    POLICE,
                    "Review how breaches of non-molestation orders are investigated and charged.",
                    date(2017, 7, 17),
                    date(2018, 9, 30),
                    (
                        (
                            date(2018, 7, 16),
                            Status.IN_PROGRESS,
                            "Review under way with the Crown Prosecution Service.",
                        ),
                        (date(2019, 1, 14), Status.COMPLETE, "New guidance issued to investigators."),
                    ),
                ),
                Recommended(
                    COUNCIL,
                    "Raise awareness of economic abuse among adult social care staff.",
                    date(2017, 7, 17),
                    date(2018, 12, 31),
                    ((date(2019, 4, 15), Status.COMPLETE, "Briefings delivered to every locality team."),),
                ),
                *quarterly(date(2018, 4, 16), date(2019, 4, 15)),
                At(Stage.CLOSED, date(2019, 6, 17), notes=CLOSED),
                *chair_fees(
                    date(2016, 5, 31),
                    date(2017, 8, 31),
                    first_paid_by=COUNCIL,
                    final_paid_by=NHS,
                    amount="3600.00",
                ),
                Paid("Interpreting for family meetings", "385.50", date(2017, 2, 14), OPCC),
            ),
        ),
        # --- Dorset: completed by October 2019, action plans still monitored ---
        Review(
            "dorset",
            "DHR 2016/02",
            "Adult C",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2016, 9, 12),
                    date(2016, 9, 19),
                    date(2016, 10, 5),
                    "The criteria are met: Adult C, 78, appears to have died of neglect by the son who cared for him.",
                    date(2016, 10, 12),
                    date(2016, 11, 14),
                    "Ruth Kilbride",
                ),
                At(Stage.PANEL_AND_TERMS, date(2016, 12, 12)),
                At(Stage.IMRS_REQUESTED, date(2017, 1, 9)),
                Asked(
                    NHS,
                    date(2017, 1, 9),
                    date(2017, 3, 6),
                    date(2017, 3, 27),
                    "District nurses saw a decline over six months; the carer declined extra help.",
                ),
                Asked(
                    COUNCIL,
                    date(2017, 1, 9),
                    date(2017, 3, 6),
                    date(2017, 4, 3),
                    "A carer's assessment focused on the son's needs; missed care visits were not escalated.",
                ),
                Asked(
                    POLICE,
                    date(2017, 1, 9),
                    date(2017, 3, 6),
                    date(2017, 2, 20),
                    "One welfare check in 2016 found nothing to act on.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2017, 4, 3)),
                At(Stage.DRAFT_REPORT, date(2017, 9, 18)),
                At(Stage.FAMILY_SEES_REPORT, date(2017, 11, 6)),
                At(Stage.CSP_SIGN_OFF, date(2017, 12, 18), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2018, 1, 8)),
                At(
                    Stage.PUBLISHED,
                    date(2018, 6, 11),
                    notes="Published on the CSP's web pages with the Quality Assurance Panel's letter.",
                ),
                Recommended(
                    NHS,
                    "Carers' assessments to ask about the carer's own needs and any risk to the person cared for.",
                    date(2017, 12, 18),
                    date(2019, 3, 31),
                    (
                        (date(2019, 1, 14), Status.IN_PROGRESS, "New assessment form in pilot."),
                        (date(2019, 7, 15), Status.COMPLETE, "Form in use across community services."),
                    ),
                ),
                Recommended(
                    COUNCIL,
                    "Escalate missed care visits where a family carer refuses access.",
                    date(2017, 12, 18),
                    date(2019, 6, 30),
                    (
                        (date(2019, 4, 15), Status.IN_PROGRESS, "Escalation procedure drafted."),
                        (date(2020, 10, 19), Status.COMPLETE, "Procedure agreed and audited."),
                    ),
                ),
                Recommended(
                    POLICE,
                    "Pass welfare check findings about older people to adult social care.",
                    date(2017, 12, 18),
                    date(2018, 12, 31),
                    ((date(2019, 1, 14), Status.COMPLETE, "Referral route agreed with adult social care."),),
                ),
                *quarterly(date(2018, 7, 16), date(2019, 10, 14)),
                At(Stage.ACTION_PLAN_MONITORED, date(2020, 1, 20), notes=MONITORED),
                At(
                    Stage.ACTION_PLAN_MONITORED,
                    date(2020, 7, 20),
                    notes="Reviewed by correspondence in lockdown.",
                ),
                At(Stage.ACTION_PLAN_MONITORED, date(2020, 10, 19), notes=MONITORED),
                At(Stage.CLOSED, date(2020, 12, 14), notes=CLOSED),
                *chair_fees(
                    date(2017, 1, 31),
                    date(2018, 1, 31),
                    first_paid_by=NHS,
                    final_paid_by=COUNCIL,
                    amount="3400.00",
                ),
            ),
        ),
        Review(
            "dorset",
            "DHR 2017/01",
            "Mr D",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2017, 5, 15),
                    date(2017, 5, 22),
                    date(2017, 6, 7),
                    "The criteria are met: Mr D was killed by his wife; police had been called to the home twice.",
                    date(2017, 6, 14),
                    date(2017, 7, 17),
                    "Anjali Featherstone",
                ),
                At(Stage.PANEL_AND_TERMS, date(2017, 8, 21)),
                At(Stage.IMRS_REQUESTED, date(2017, 9, 4)),
                Asked(
                    POLICE,
                    date(2017, 9, 4),
                    date(2017, 10, 30),
                    date(2017, 11, 6),
                    "Mr D was recorded as the aggressor at the first call; the second call was not linked to it.",
                ),
                Asked(
                    NHS,
                    date(2017, 9, 4),
                    date(2017, 10, 30),
                    date(2017, 12, 4),
                    "Mr D told his GP he was struggling at home; he was offered counselling only.",
                ),
                Asked(
                    DA_FORUM,
                    date(2017, 9, 4),
                    date(2017, 10, 30),
                    date(2017, 10, 16),
                    "No contact; few services locally were known to work with male victims.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2017, 12, 4)),
                At(Stage.DRAFT_REPORT, date(2018, 5, 14)),
                At(Stage.FAMILY_SEES_REPORT, date(2018, 7, 9)),
                At(Stage.CSP_SIGN_OFF, date(2018, 9, 17), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2018, 10, 1)),
                At(
                    Stage.PUBLISHED,
                    date(2019, 4, 15),
                    notes="Published on the CSP's web pages with the Quality Assurance Panel's letter.",
                ),
                Recommended(
                    POLICE,
                    "Offer male victims the same referral to specialist support as female victims.",
                    date(2018, 9, 17),
                    date(2019, 9, 30),
                    (
                        (date(2019, 10, 14), Status.IN_PROGRESS, "Referral form changed; training planned."),
                        (date(2020, 4, 20), Status.COMPLETE, "Training delivered to response teams."),
                    ),
                ),
                Recommended(
                    DA_FORUM,
                    "Publicise support for male victims across the county.",
                    date(2018, 9, 17),
                    date(2019, 6, 30),
                    ((date(2019, 7, 15), Status.COMPLETE, "Campaign ran in June 2019."),),
                ),
                Recommended(
                    NHS,
                    "Ask about domestic abuse when a patient says they are struggling at home, whatever their sex.",
                    date(2018, 9, 17),
                    date(2020, 3, 31),
                    (
                        (date(2020, 1, 20), Status.IN_PROGRESS, "Included in the GP training programme."),
                        (
                            date(2021, 4, 19),
                            Status.COMPLETE,
                            "Audit of records shows routine enquiry in use.",
                        ),
                    ),
                ),
                *quarterly(date(2019, 7, 15), date(2019, 10, 14)),
                *quarterly(date(2020, 1, 20), date(2021, 4, 19)),
                At(Stage.CLOSED, date(2021, 6, 21), notes=CLOSED),
                *chair_fees(
                    date(2017, 8, 31),
                    date(2018, 10, 31),
                    first_paid_by=POLICE,
                    final_paid_by=COUNCIL,
                    amount="3750.00",
                ),
            ),
        ),
        # --- Dorset: in progress in October 2019, closed since ---
        Review(
            "dorset",
            "DHR 2018/01",
            "Adult E",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2018, 2, 5),
                    date(2018, 2, 12),
                    date(2018, 3, 1),
                    "The criteria are met: Adult E took her own life after years of controlling behaviour by her "
                    "partner; the 2016 guidance brings such deaths within scope.",
                    date(2018, 3, 8),
                    date(2018, 4, 9),
                    "Gideon Marlowe",
                ),
                At(Stage.PANEL_AND_TERMS, date(2018, 5, 14)),
                At(Stage.IMRS_REQUESTED, date(2018, 5, 21)),
                Asked(
                    NHS,
                    date(2018, 5, 21),
                    date(2018, 7, 16),
                    date(2018, 9, 10),
                    "Mental health services saw Adult E four times; her partner attended every appointment.",
                ),
                Asked(
                    POLICE,
                    date(2018, 5, 21),
                    date(2018, 7, 16),
                    date(2018, 7, 9),
                    "One report of a verbal argument in 2016, recorded as standard risk.",
                ),
                Asked(
                    COUNCIL,
                    date(2018, 5, 21),
                    date(2018, 7, 16),
                    date(2018, 8, 6),
                    "No contact with adult social care; one housing enquiry by the partner.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2018, 9, 10)),
                At(Stage.DRAFT_REPORT, date(2019, 8, 19)),
                At(Stage.FAMILY_SEES_REPORT, date(2019, 10, 28)),
                At(Stage.CSP_SIGN_OFF, date(2019, 12, 16), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2020, 1, 6)),
                At(Stage.QA_OUTCOME, date(2020, 6, 15), Outcome.CONTENT_TO_PUBLISH),
                At(Stage.PUBLISHED, date(2020, 9, 14), notes="Published with the Panel's letter."),
                At(Stage.SENT_TO_COMMISSIONER, date(2020, 9, 21)),
                Recommended(
                    NHS,
                    "See patients alone for part of every mental health appointment.",
                    date(2019, 12, 16),
                    date(2020, 12, 31),
                    (
                        (date(2021, 1, 18), Status.IN_PROGRESS, "Policy agreed; audit due."),
                        (
                            date(2021, 7, 19),
                            Status.COMPLETE,
                            "Audit shows patients seen alone in 90% of cases.",
                        ),
                    ),
                ),
                Recommended(
                    POLICE,
                    "Consider coercive control at every domestic incident recorded as verbal only.",
                    date(2019, 12, 16),
                    date(2021, 6, 30),
                    (
                        (date(2021, 4, 19), Status.IN_PROGRESS, "Training under way."),
                        (date(2022, 4, 19), Status.COMPLETE, "Training complete; recording audited."),
                    ),
                ),
                *quarterly(date(2020, 10, 19), date(2022, 7, 18)),
                At(Stage.CLOSED, date(2022, 9, 19), notes=CLOSED),
                *chair_fees(
                    date(2018, 5, 31),
                    date(2020, 1, 31),
                    first_paid_by=NHS,
                    final_paid_by=OPCC,
                    amount="4100.00",
                ),
            ),
        ),
        Review(
            "dorset",
            "DHR 2018/02",
            "Ms F",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2018, 8, 13),
                    date(2018, 8, 20),
                    date(2018, 9, 5),
                    "The criteria are met: Ms F was killed by her husband.",
                    date(2018, 9, 12),
                    date(2018, 10, 15),
                    "Morven Ashdown",
                ),
                At(Stage.PANEL_AND_TERMS, date(2018, 11, 19)),
                At(Stage.IMRS_REQUESTED, date(2018, 11, 26)),
                Paused(
                    Reason.CRIMINAL_TRIAL,
                    date(2019, 1, 14),
                    "Staff who are witnesses are not interviewed for their IMRs until the verdict.",
                    date(2019, 5, 20),
                ),
                Asked(
                    POLICE,
                    date(2018, 11, 26),
                    date(2019, 1, 21),
                    date(2019, 6, 10),
                    "A previous partner of the husband had reported him; the report was not linked.",
                ),
                Asked(
                    NHS,
                    date(2018, 11, 26),
                    date(2019, 1, 21),
                    date(2019, 6, 17),
                    "The midwife asked about abuse; Ms F said she felt safe.",
                ),
                Asked(
                    PROBATION,
                    date(2018, 11, 26),
                    date(2019, 1, 21),
                    date(2019, 6, 3),
                    "No current supervision; an old record showed violence to a former partner.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2019, 6, 17)),
                At(Stage.DRAFT_REPORT, date(2020, 2, 17)),
                At(Stage.FAMILY_SEES_REPORT, date(2020, 6, 22)),
                At(Stage.CSP_SIGN_OFF, date(2020, 10, 19), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2020, 11, 2)),
                At(Stage.QA_OUTCOME, date(2021, 5, 17), Outcome.PUBLISH_AFTER_CHANGES),
                At(
                    Stage.PUBLISHED,
                    date(2021, 7, 19),
                    notes="Published with the changes the Panel asked for.",
                ),
                At(Stage.SENT_TO_COMMISSIONER, date(2021, 7, 26)),
                Recommended(
                    POLICE,
                    "Check every partner's history under the Domestic Violence Disclosure Scheme when risk is raised.",
                    date(2020, 10, 19),
                    date(2021, 12, 31),
                    ((date(2022, 1, 17), Status.COMPLETE, "Built into the risk assessment procedure."),),
                ),
                Recommended(
                    NHS,
                    "Midwives to ask about abuse at every appointment where the woman is seen alone.",
                    date(2020, 10, 19),
                    date(2022, 3, 31),
                    (
                        (date(2022, 4, 19), Status.IN_PROGRESS, "Maternity guideline being revised."),
                        (
                            date(2023, 10, 16),
                            Status.COMPLETE,
                            "Guideline published; audit shows it is followed.",
                        ),
                    ),
                ),
                *quarterly(date(2021, 10, 18), date(2024, 1, 15)),
                At(Stage.CLOSED, date(2024, 3, 18), notes=CLOSED),
                *chair_fees(
                    date(2018, 11, 30),
                    date(2020, 11, 30),
                    first_paid_by=POLICE,
                    final_paid_by=NHS,
                    amount="4300.00",
                ),
            ),
        ),
        # --- Dorset: at scoping in October 2019, signed off for publication on 14 March 2023 ---
        Review(
            "dorset",
            "DHR 2019/02",
            "Adult G",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2019, 9, 30),
                    date(2019, 10, 8),
                    date(2019, 10, 29),
                    "The criteria are met: Adult G was killed by her adult son, who lived with her.",
                    date(2019, 11, 5),
                    date(2019, 12, 9),
                    "Helena Quarrie",
                ),
                At(Stage.PANEL_AND_TERMS, date(2020, 1, 20)),
                Paused(
                    Reason.CRIMINAL_TRIAL,
                    date(2020, 2, 3),
                    "Trial adjourned twice during the pandemic; IMRs wait on the investigating officer's advice.",
                    date(2021, 1, 25),
                ),
                At(Stage.IMRS_REQUESTED, date(2021, 2, 1)),
                Asked(
                    POLICE,
                    date(2021, 2, 1),
                    date(2021, 3, 29),
                    date(2021, 3, 22),
                    "The son had been reported missing twice; his mother's safety was not considered.",
                ),
                Asked(
                    NHS,
                    date(2021, 2, 1),
                    date(2021, 3, 29),
                    date(2021, 5, 24),
                    "The son's mental health care plan did not mention that he lived with his mother.",
                ),
                Asked(
                    COUNCIL,
                    date(2021, 2, 1),
                    date(2021, 3, 29),
                    date(2021, 4, 12),
                    "Adult G asked adult social care about respite; the request was closed without a visit.",
                ),
                At(Stage.IMRS_RECEIVED, date(2021, 5, 24)),
                At(Stage.DRAFT_REPORT, date(2022, 6, 13)),
                At(Stage.FAMILY_SEES_REPORT, date(2022, 11, 14)),
                At(
                    Stage.CSP_SIGN_OFF,
                    DORSET_CSP_EARLY_2023,
                    Outcome.TO_PUBLISH,
                    "Agreed for submission to the Home Office. A communications statement will be prepared so "
                    "partners can respond to any media interest.",
                ),
                At(Stage.SUBMITTED, date(2023, 3, 28)),
                At(
                    Stage.QA_OUTCOME,
                    date(2023, 7, 10),
                    Outcome.RESUBMIT,
                    "The Panel asked for more analysis of the son's mental health care and of the family's account.",
                ),
                At(Stage.SUBMITTED, date(2023, 10, 2), notes="Resubmitted with the revised analysis."),
                At(Stage.QA_OUTCOME, date(2024, 1, 15), Outcome.CONTENT_TO_PUBLISH),
                At(
                    Stage.PUBLISHED,
                    date(2024, 3, 4),
                    notes="Published with the Panel's letter; the family and the Home Office were told the date "
                    "beforehand.",
                ),
                At(Stage.SENT_TO_COMMISSIONER, date(2024, 3, 11)),
                Recommended(
                    NHS,
                    "Care plans for adults living with a parent to record the parent's safety and needs.",
                    DORSET_CSP_EARLY_2023,
                    date(2024, 3, 31),
                    (
                        (
                            date(2024, 6, 17),
                            Status.COMPLETE,
                            "Care plan template changed; audit in March 2024.",
                        ),
                    ),
                ),
                Recommended(
                    COUNCIL,
                    "Visit before closing any request for respite from an older carer.",
                    DORSET_CSP_EARLY_2023,
                    date(2024, 9, 30),
                    (
                        (date(2024, 6, 17), Status.IN_PROGRESS, "Procedure drafted."),
                        (date(2024, 12, 16), Status.COMPLETE, "Procedure in use; first audit complete."),
                    ),
                ),
                Recommended(
                    POLICE,
                    "Assess the risk to the people a missing adult lives with when he or she returns.",
                    DORSET_CSP_EARLY_2023,
                    date(2025, 9, 30),
                    (
                        (date(2024, 12, 16), Status.IN_PROGRESS, "Return interview form being revised."),
                        (
                            date(2025, 9, 15),
                            Status.IN_PROGRESS,
                            "Delayed by a new national missing persons system.",
                        ),
                    ),
                ),
                Recommended(
                    PUBLIC_HEALTH,
                    "Commission a carers' awareness campaign on abuse by adult children.",
                    date(2024, 6, 17),
                    today + timedelta(days=100),
                ),
                *quarterly(date(2024, 6, 17), ago(21)),
                *chair_fees(
                    date(2020, 1, 31),
                    date(2023, 3, 31),
                    first_paid_by=COUNCIL,
                    final_paid_by=POLICE,
                    amount="4650.00",
                ),
                Paid("Revisions for resubmission to the Home Office", "1200.00", date(2023, 9, 29), NHS),
                Filed(
                    Document.Kind.TERMS_OF_REFERENCE,
                    "Terms of reference",
                    date(2020, 1, 20),
                    (
                        "Agreed at the panel's first meeting. The review covers the five years before the death.",
                        "Agencies: Dorset Police, NHS Dorset, Dorset Council. The family are invited to contribute.",
                        "Demonstration document: every word of it is invented.",
                    ),
                ),
                Filed(
                    Document.Kind.QA_LETTER,
                    "Quality Assurance Panel letter",
                    date(2024, 1, 15),
                    (
                        "The Panel considered the revised report and is content for it to be published.",
                        "Demonstration document: every word of it is invented.",
                    ),
                ),
                Paid("Communications statement and publication", "650.00", date(2024, 3, 4), OPCC),
            ),
        ),
        # --- Dorset: led by other CSPs ("engaged in two reviews led by other CSPs") ---
        Review(
            "dorset",
            "DHR 2018/03",
            "Adult H",
            Kind.LED_BY_ANOTHER_CSP,
            (
                At(Stage.NOTIFICATION, date(2018, 11, 5)),
                Asked(
                    POLICE,
                    date(2018, 12, 3),
                    date(2019, 1, 28),
                    date(2019, 1, 21),
                    "Two domestic incidents in Dorset in 2016, both with the same perpetrator.",
                ),
                Asked(
                    NHS,
                    date(2018, 12, 3),
                    date(2019, 1, 28),
                    date(2019, 2, 11),
                    "GP records went to the new practice four months after Adult H moved.",
                ),
                Recommended(
                    NHS,
                    "Send GP records promptly when a patient known to be at risk moves out of area.",
                    date(2019, 9, 16),
                    date(2020, 3, 31),
                    ((date(2020, 7, 20), Status.COMPLETE, "Practices reminded; transfers now flagged."),),
                ),
                At(
                    Stage.CLOSED,
                    date(2021, 3, 15),
                    notes="Selwood CSP's review is published and Dorset's actions are complete.",
                ),
            ),
            lead_csp="Selwood Community Safety Partnership",
        ),
        Review(
            "dorset",
            "DHR 2019/01",
            "Ms J",
            Kind.LED_BY_ANOTHER_CSP,
            (
                At(Stage.NOTIFICATION, date(2019, 7, 8)),
                Asked(
                    COUNCIL,
                    date(2019, 7, 22),
                    date(2019, 9, 16),
                    date(2019, 9, 16),
                    "One contact with the housing service in 2018.",
                    chronology_only=True,
                ),
                At(
                    Stage.CLOSED,
                    date(2022, 5, 16),
                    notes="The lead CSP's review is complete; no actions for Dorset.",
                ),
            ),
            lead_csp="Wessex Downs Community Safety Partnership",
        ),
        # --- Dorset: referrals that did not become a full review, learning captured ---
        Review(
            "dorset",
            "DHR 2021/02",
            "Adult Q",
            Kind.FULL_REVIEW,
            (
                At(Stage.NOTIFICATION, date(2021, 8, 16)),
                At(Stage.SCOPING, date(2021, 8, 23), notes=SCOPING_NOTES),
                At(
                    Stage.DECISION,
                    date(2021, 9, 8),
                    Outcome.NOT_COMMISSIONED,
                    "The criteria are not met: the coroner found the death was from natural causes and no agency "
                    "held information of abuse.",
                ),
                At(Stage.HOME_OFFICE_TOLD, date(2021, 9, 8)),
                Noted(
                    date(2021, 9, 8),
                    decision_reasons="Death from natural causes; no information of abuse by a relative, partner "
                    "or member of the household.",
                    learning="GP practices to record carers and next of kin and check them at each review; shared "
                    "through the DHR Review Group's learning briefing.",
                ),
                At(Stage.CLOSED, date(2021, 10, 18), notes="Learning briefing circulated to partners."),
            ),
        ),
        Review(
            "dorset",
            "DHR 2022/02",
            "Mr R",
            Kind.REFERRAL_NOT_PROGRESSED,
            (
                At(Stage.NOTIFICATION, date(2022, 6, 6)),
                At(Stage.SCOPING, date(2022, 6, 13), notes=SCOPING_NOTES),
                At(
                    Stage.DECISION,
                    date(2022, 6, 29),
                    Outcome.NOT_COMMISSIONED,
                    "The criteria are not met: Mr R was not killed by a relative, partner or member of his "
                    "household. Referred to the Safeguarding Adults Board to consider a Safeguarding Adults Review.",
                ),
                At(Stage.HOME_OFFICE_TOLD, date(2022, 6, 29)),
                Noted(
                    date(2022, 7, 4),
                    decision_reasons="The person responsible was an acquaintance, not a relative, partner or "
                    "member of the household.",
                    learning="Drug and alcohol services and housing to share concerns about cuckooing; being "
                    "captured for a joint learning briefing with the Safeguarding Adults Board.",
                ),
                Noted(
                    date(2023, 5, 15),
                    learning="Drug and alcohol services and housing to share concerns about cuckooing; the joint "
                    "learning briefing with the Safeguarding Adults Board was circulated in May 2023.",
                ),
                At(Stage.CLOSED, date(2023, 5, 15), notes="Learning disseminated."),
            ),
        ),
        # --- Dorset: signed off on 14 March 2023, not to be published ---
        Review(
            "dorset",
            "DHR 2020/01",
            "Ms K",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2020, 7, 6),
                    date(2020, 7, 13),
                    date(2020, 7, 29),
                    "The criteria are met: Ms K was killed by her partner; her two children lived with them.",
                    date(2020, 8, 5),
                    date(2020, 9, 14),
                    "Tobias Penhallow",
                ),
                At(Stage.PANEL_AND_TERMS, date(2020, 10, 19), notes="First panel met online."),
                At(Stage.IMRS_REQUESTED, date(2020, 11, 2)),
                Asked(
                    POLICE,
                    date(2020, 11, 2),
                    date(2020, 12, 28),
                    date(2021, 1, 11),
                    "Three incidents in lockdown, each assessed as medium risk.",
                ),
                Asked(
                    COUNCIL,
                    date(2020, 11, 2),
                    date(2020, 12, 28),
                    date(2021, 3, 1),
                    "Children's services assessed the children after the third incident; no plan followed.",
                ),
                Asked(
                    NHS,
                    date(2020, 11, 2),
                    date(2020, 12, 28),
                    date(2021, 2, 8),
                    "Health visitor contact was by telephone only during lockdown.",
                ),
                Asked(
                    DA_FORUM,
                    date(2020, 11, 2),
                    date(2020, 12, 28),
                    date(2020, 12, 14),
                    "Ms K called the helpline once and did not want a referral.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2021, 3, 1)),
                Paused(
                    Reason.INQUEST,
                    date(2021, 6, 7),
                    "The coroner asked that the draft wait for the inquest.",
                    date(2022, 2, 21),
                ),
                At(Stage.DRAFT_REPORT, date(2022, 9, 12)),
                At(Stage.FAMILY_SEES_REPORT, date(2022, 12, 5)),
                At(
                    Stage.CSP_SIGN_OFF,
                    DORSET_CSP_EARLY_2023,
                    Outcome.NOT_TO_PUBLISH,
                    "Agreed for submission to the Home Office. Not to be published, on the advice set out in "
                    "statutory guidance.",
                ),
                At(Stage.SUBMITTED, date(2023, 3, 24)),
                At(Stage.QA_OUTCOME, date(2023, 9, 11), Outcome.CONTENT_TO_PUBLISH),
                At(
                    Stage.NOT_PUBLISHED,
                    date(2023, 10, 16),
                    notes="Publication could identify the children. The family and the Home Office were told; the "
                    "action plan is delivered as for a published review.",
                ),
                At(Stage.SENT_TO_COMMISSIONER, date(2023, 10, 23)),
                Recommended(
                    COUNCIL,
                    "Children's services to make a plan for the children after every third domestic incident.",
                    DORSET_CSP_EARLY_2023,
                    date(2024, 3, 31),
                    ((date(2024, 4, 15), Status.COMPLETE, "Threshold guidance revised."),),
                ),
                Recommended(
                    NHS,
                    "Health visitors to see the mother face to face when abuse is suspected.",
                    DORSET_CSP_EARLY_2023,
                    date(2024, 12, 31),
                    (
                        (date(2024, 4, 15), Status.IN_PROGRESS, "Standard operating procedure in draft."),
                        (date(2025, 4, 14), Status.COMPLETE, "Procedure in use and audited."),
                    ),
                ),
                Recommended(
                    POLICE,
                    "Review repeat medium-risk incidents for escalation to the MARAC.",
                    DORSET_CSP_EARLY_2023,
                    date(2025, 3, 31),
                    ((date(2025, 10, 20), Status.COMPLETE, "Escalation criteria adopted by the MARAC."),),
                ),
                *quarterly(date(2024, 1, 15), date(2025, 10, 20)),
                At(Stage.CLOSED, date(2025, 12, 15), notes=CLOSED),
                *chair_fees(
                    date(2020, 10, 30),
                    date(2023, 3, 31),
                    first_paid_by=OPCC,
                    final_paid_by=COUNCIL,
                    amount="4800.00",
                ),
            ),
        ),
        # --- Dorset: at the draft report stage in March 2023 ---
        Review(
            "dorset",
            "DHR 2021/01",
            "Adult L",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2021, 2, 8),
                    date(2021, 2, 15),
                    date(2021, 3, 3),
                    "The criteria are met: Adult L was killed by his partner.",
                    date(2021, 3, 10),
                    date(2021, 4, 19),
                    "Gideon Marlowe",
                ),
                At(Stage.PANEL_AND_TERMS, date(2021, 5, 24)),
                At(Stage.IMRS_REQUESTED, date(2021, 6, 7)),
                Asked(
                    POLICE,
                    date(2021, 6, 7),
                    date(2021, 8, 2),
                    date(2021, 8, 2),
                    "Adult L reported abuse once and withdrew the complaint the next day.",
                ),
                Asked(
                    NHS,
                    date(2021, 6, 7),
                    date(2021, 8, 2),
                    date(2021, 10, 4),
                    "Sexual health services saw Adult L; the question about abuse was not asked.",
                ),
                Asked(
                    DA_FORUM,
                    date(2021, 6, 7),
                    date(2021, 8, 2),
                    date(2021, 7, 19),
                    "No contact; the forum's materials did not mention same-sex relationships.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2021, 10, 4)),
                At(
                    Stage.DRAFT_REPORT,
                    date(2023, 2, 6),
                    notes="Work progressing toward completion of the draft.",
                ),
                At(Stage.FAMILY_SEES_REPORT, date(2023, 5, 22)),
                At(Stage.CSP_SIGN_OFF, date(2023, 7, 18), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2023, 8, 1)),
                At(Stage.QA_OUTCOME, date(2024, 2, 12), Outcome.PUBLISH_AFTER_CHANGES),
                At(Stage.PUBLISHED, date(2024, 5, 20), notes="Published with the Panel's changes made."),
                At(Stage.SENT_TO_COMMISSIONER, date(2024, 5, 27)),
                Recommended(
                    NHS,
                    "Sexual health services to ask every patient about abuse, in every kind of relationship.",
                    date(2023, 7, 18),
                    date(2024, 12, 31),
                    ((date(2025, 1, 20), Status.COMPLETE, "Routine enquiry audited in all clinics."),),
                ),
                Recommended(
                    DA_FORUM,
                    "Make the forum's materials speak to LGBT+ victims.",
                    date(2023, 7, 18),
                    date(2024, 6, 30),
                    ((date(2024, 7, 15), Status.COMPLETE, "Materials revised with an LGBT+ charity."),),
                ),
                Recommended(
                    POLICE,
                    "Follow up every withdrawn domestic abuse complaint with a safeguarding call.",
                    date(2023, 7, 18),
                    date(2025, 6, 30),
                    (
                        (date(2025, 1, 20), Status.IN_PROGRESS, "Call script agreed."),
                        (date(2026, 1, 19), Status.COMPLETE, "Follow-up calls audited for two quarters."),
                    ),
                ),
                *quarterly(date(2024, 7, 15), date(2026, 1, 19)),
                At(Stage.CLOSED, date(2026, 4, 20), notes=CLOSED),
                *chair_fees(
                    date(2021, 6, 30),
                    date(2023, 8, 31),
                    first_paid_by=NHS,
                    final_paid_by=POLICE,
                    amount="4500.00",
                ),
            ),
        ),
        # --- Dorset: at IMRs in March 2023, the chair speaking with the family ---
        Review(
            "dorset",
            "DHR 2022/01",
            "Mr M",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2022, 3, 21),
                    date(2022, 3, 28),
                    date(2022, 4, 13),
                    "The criteria are met: Mr M died after an assault by his brother, with whom he lived.",
                    date(2022, 4, 20),
                    date(2022, 6, 6),
                    "Ruth Kilbride",
                ),
                At(Stage.PANEL_AND_TERMS, date(2022, 7, 11)),
                At(
                    Stage.IMRS_REQUESTED,
                    date(2022, 10, 3),
                    notes="IMRs and chronologies requested; the chair is gathering information and speaking with "
                    "Mr M's family.",
                ),
                Asked(
                    POLICE,
                    date(2022, 10, 3),
                    date(2022, 11, 28),
                    date(2023, 1, 9),
                    "Neighbours reported shouting four times; the brothers were not seen separately.",
                ),
                Asked(
                    NHS,
                    date(2022, 10, 3),
                    date(2022, 11, 28),
                    date(2023, 2, 6),
                    "Mr M's learning disability was known to his GP; no annual health check took place.",
                ),
                Asked(
                    COUNCIL,
                    date(2022, 10, 3),
                    date(2022, 11, 28),
                    date(2023, 2, 27),
                    "A safeguarding concern in 2021 was closed after a telephone call with the brother.",
                ),
                Asked(
                    PROBATION,
                    date(2022, 10, 3),
                    date(2022, 11, 28),
                    date(2023, 4, 3),
                    "The brother finished a community order in 2020; no risk to family was recorded.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2023, 4, 3)),
                Paused(
                    Reason.INQUEST,
                    date(2023, 6, 5),
                    "The coroner asked that the draft report wait for the inquest's findings.",
                    date(2024, 1, 15),
                ),
                At(Stage.DRAFT_REPORT, date(2024, 5, 13)),
                At(Stage.FAMILY_SEES_REPORT, date(2024, 8, 5)),
                At(Stage.CSP_SIGN_OFF, date(2024, 9, 16), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2024, 10, 1)),
                At(Stage.QA_OUTCOME, date(2025, 4, 7), Outcome.CONTENT_TO_PUBLISH),
                At(Stage.PUBLISHED, date(2025, 6, 16), notes="Published with the Panel's letter."),
                At(Stage.SENT_TO_COMMISSIONER, date(2025, 6, 23)),
                Recommended(
                    COUNCIL,
                    "Speak to the adult at risk alone before closing a safeguarding concern.",
                    date(2024, 9, 16),
                    date(2025, 9, 30),
                    ((date(2025, 9, 15), Status.COMPLETE, "Practice standard issued and audited."),),
                ),
                Recommended(
                    NHS,
                    "Offer every patient with a learning disability an annual health check, and follow up refusals.",
                    date(2024, 9, 16),
                    date(2026, 6, 30),
                    (
                        (
                            date(2025, 12, 15),
                            Status.IN_PROGRESS,
                            "Uptake rising; follow-up of refusals not yet in place.",
                        ),
                    ),
                ),
                Recommended(
                    POLICE,
                    "See the people involved separately at every domestic incident between adult relatives.",
                    date(2024, 9, 16),
                    today + timedelta(days=150),
                    ((date(2025, 12, 15), Status.IN_PROGRESS, "Included in the 2026 training programme."),),
                ),
                *quarterly(date(2025, 9, 15), ago(14)),
                *chair_fees(
                    date(2022, 7, 29),
                    date(2024, 10, 31),
                    first_paid_by=COUNCIL,
                    final_paid_by=NHS,
                    amount="4900.00",
                ),
                Paid("Easy-read materials for the family", "310.00", date(2022, 11, 18), PUBLIC_HEALTH),
                Filed(
                    Document.Kind.TERMS_OF_REFERENCE,
                    "Terms of reference",
                    date(2022, 7, 11),
                    (
                        "Agreed at the panel's first meeting, with the family's questions added.",
                        "Demonstration document: every word of it is invented.",
                    ),
                ),
            ),
        ),
        # --- Dorset: independent chair recruited just before the March 2023 meeting ---
        Review(
            "dorset",
            "DHR 2022/03",
            "Adult N",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2022, 11, 7),
                    date(2022, 11, 14),
                    date(2022, 12, 7),
                    "The criteria are met: Adult N was killed by her former partner after she left him.",
                    date(2022, 12, 14),
                    date(2023, 2, 27),
                    "Priya Castellan",
                ),
                At(Stage.PANEL_AND_TERMS, date(2023, 4, 17)),
                At(Stage.IMRS_REQUESTED, date(2023, 5, 2)),
                Asked(
                    POLICE,
                    date(2023, 5, 2),
                    date(2023, 6, 27),
                    date(2023, 6, 26),
                    "Adult N reported stalking twice after the separation; a stalking protection order was not sought.",
                ),
                Asked(
                    NHS,
                    date(2023, 5, 2),
                    date(2023, 6, 27),
                    date(2023, 8, 29),
                    "Adult N told her GP she was frightened; she was given a helpline number.",
                ),
                Asked(
                    FIRE,
                    date(2023, 5, 2),
                    date(2023, 6, 27),
                    date(2023, 6, 5),
                    "Fitted a letterbox guard at the police's request.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2023, 8, 29)),
                At(Stage.DRAFT_REPORT, date(2024, 2, 19)),
                At(Stage.FAMILY_SEES_REPORT, date(2024, 5, 13)),
                At(Stage.CSP_SIGN_OFF, date(2024, 6, 18), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2024, 7, 1)),
                At(Stage.QA_OUTCOME, date(2025, 1, 20), Outcome.PUBLISH_AFTER_CHANGES),
                At(Stage.PUBLISHED, date(2025, 4, 14), notes="Published with the Panel's changes made."),
                At(Stage.SENT_TO_COMMISSIONER, date(2025, 4, 22)),
                Recommended(
                    POLICE,
                    "Consider a stalking protection order at every report of stalking after a separation.",
                    date(2024, 6, 18),
                    date(2025, 12, 31),
                    ((date(2026, 1, 19), Status.COMPLETE, "Stalking screening tool in use."),),
                ),
                Recommended(
                    NHS,
                    "GPs to refer patients who say they are frightened of a former partner to specialist support.",
                    date(2024, 6, 18),
                    date(2027, 3, 31),
                    (
                        (
                            date(2026, 7, 20),
                            Status.IN_PROGRESS,
                            "Referral pathway agreed with the specialist service.",
                        ),
                    ),
                ),
                *quarterly(date(2025, 7, 14), date(2026, 10, 19)),
                *chair_fees(
                    date(2023, 4, 28),
                    date(2024, 7, 31),
                    first_paid_by=POLICE,
                    final_paid_by=COUNCIL,
                    amount="5200.00",
                ),
            ),
        ),
        # --- Dorset: paused for a criminal trial since early 2025 ---
        Review(
            "dorset",
            "DHR 2024/01",
            "Adult S",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2024, 4, 8),
                    date(2024, 4, 15),
                    date(2024, 5, 1),
                    "The criteria are met: Adult S was killed by her husband.",
                    date(2024, 5, 8),
                    date(2024, 6, 17),
                    "Helena Quarrie",
                ),
                At(Stage.PANEL_AND_TERMS, date(2024, 7, 22)),
                At(Stage.IMRS_REQUESTED, date(2024, 8, 5)),
                Asked(
                    POLICE,
                    date(2024, 8, 5),
                    date(2024, 9, 30),
                    date(2024, 9, 30),
                    "No previous reports; a firearms licence was renewed in 2023.",
                ),
                Asked(
                    NHS,
                    date(2024, 8, 5),
                    date(2024, 9, 30),
                    date(2024, 12, 9),
                    "The husband's GP recorded depression and threats of suicide.",
                ),
                Asked(
                    COUNCIL,
                    date(2024, 8, 5),
                    date(2024, 9, 30),
                    date(2024, 10, 21),
                    "No contact with adult social care.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2024, 12, 9)),
                Paused(
                    Reason.CRIMINAL_TRIAL,
                    date(2025, 1, 13),
                    "The trial has been listed and adjourned twice; the chair's interviews with the family and the "
                    "draft report wait for it, on the senior investigating officer's advice.",
                ),
                *chair_fees(
                    date(2024, 7, 31),
                    date(2024, 12, 31),
                    first_paid_by=NHS,
                    final_paid_by=OPCC,
                    amount="2600.00",
                ),
            ),
        ),
        # --- Dorset: IMRs requested this autumn, one overdue (dates from the day of loading) ---
        Review(
            "dorset",
            f"DHR {recent.year}/01",
            "Ms T",
            Kind.FULL_REVIEW,
            (
                *opening(
                    recent,
                    ago(183),
                    ago(165),
                    "The criteria are met: Ms T was killed by her partner.",
                    ago(158),
                    ago(120),
                    "Priya Castellan",
                ),
                At(Stage.PANEL_AND_TERMS, ago(95)),
                At(Stage.IMRS_REQUESTED, ago(75)),
                Asked(
                    POLICE,
                    ago(75),
                    ago(19),
                    ago(30),
                    "Ms T's partner had a previous conviction for assaulting a former partner.",
                ),
                Asked(NHS, ago(75), ago(19)),
                Asked(
                    COUNCIL,
                    ago(75),
                    ago(19),
                    ago(22),
                    "Ms T applied for rehousing a month before her death, citing overcrowding.",
                ),
                Asked(DA_FORUM, ago(40), today + timedelta(days=7), chronology_only=True),
                Paid("Independent chair's fees: first instalment", "2750.00", ago(90), COUNCIL),
            ),
        ),
        # --- Dorset: notified a few weeks ago, still scoping (the one-month decision is coming) ---
        Review(
            "dorset",
            f"DHR {ago(18).year}/{2 if ago(18).year == recent.year else 1:02d}",
            "Adult U",
            Kind.FULL_REVIEW,
            (
                At(Stage.NOTIFICATION, ago(18)),
                At(Stage.SCOPING, ago(11), notes=SCOPING_NOTES),
            ),
        ),
        # --- BCP: four with the Home Office's quality assurance in December 2022 (seed 001) ---
        Review(
            "bcp",
            "DHR 2019/01",
            "Adult V",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2019, 6, 3),
                    date(2019, 6, 10),
                    date(2019, 6, 26),
                    "The criteria are met: Adult V was killed by her partner.",
                    date(2019, 7, 3),
                    date(2019, 8, 12),
                    "Alasdair Penrose",
                ),
                At(Stage.PANEL_AND_TERMS, date(2019, 9, 16)),
                At(Stage.IMRS_REQUESTED, date(2019, 9, 30)),
                Asked(
                    POLICE,
                    date(2019, 9, 30),
                    date(2019, 11, 25),
                    date(2019, 11, 25),
                    "Adult V's partner was on bail for an assault on her when she died.",
                ),
                Asked(
                    BCP_COUNCIL,
                    date(2019, 9, 30),
                    date(2019, 11, 25),
                    date(2020, 1, 27),
                    "Housing had moved Adult V twice; her new address was shared with the partner's solicitor.",
                ),
                Asked(
                    PROBATION,
                    date(2019, 9, 30),
                    date(2019, 11, 25),
                    date(2019, 12, 16),
                    "The partner's pre-sentence report did not mention the bail conditions.",
                ),
                At(Stage.IMRS_RECEIVED, date(2020, 1, 27)),
                Paused(
                    Reason.FAMILY,
                    date(2020, 3, 23),
                    "Family meetings stopped in the first lockdown at the family's wish.",
                    date(2020, 9, 7),
                ),
                At(Stage.DRAFT_REPORT, date(2021, 3, 15)),
                At(Stage.FAMILY_SEES_REPORT, date(2021, 7, 12)),
                At(Stage.CSP_SIGN_OFF, date(2021, 11, 22), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2022, 3, 7)),
                At(Stage.QA_OUTCOME, date(2023, 2, 20), Outcome.CONTENT_TO_PUBLISH),
                At(Stage.PUBLISHED, date(2023, 5, 15), notes="Published on the Safer BCP web pages."),
                At(Stage.SENT_TO_COMMISSIONER, date(2023, 5, 22)),
                Recommended(
                    BCP_COUNCIL,
                    "Never disclose a refuge or safe address to anyone acting for the perpetrator.",
                    date(2021, 11, 22),
                    date(2023, 3, 31),
                    ((date(2023, 8, 21), Status.COMPLETE, "Address protection procedure in force."),),
                ),
                Recommended(
                    PROBATION,
                    "Check bail conditions and the victim's safety before writing a pre-sentence report.",
                    date(2021, 11, 22),
                    date(2024, 3, 31),
                    (
                        (date(2023, 8, 21), Status.IN_PROGRESS, "Checklist in pilot."),
                        (date(2025, 2, 17), Status.COMPLETE, "Checklist in national use."),
                    ),
                ),
                *quarterly(date(2023, 8, 21), date(2025, 5, 19)),
                At(Stage.CLOSED, date(2025, 7, 21), notes=CLOSED),
                *chair_fees(
                    date(2019, 9, 30),
                    date(2022, 3, 31),
                    first_paid_by=BCP_COUNCIL,
                    final_paid_by=POLICE,
                    amount="4400.00",
                ),
            ),
        ),
        Review(
            "bcp",
            "DHR 2019/02",
            "Ms W",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2019, 11, 11),
                    date(2019, 11, 18),
                    date(2019, 12, 4),
                    "The criteria are met: Ms W took her own life after abuse by her partner.",
                    date(2019, 12, 11),
                    date(2020, 1, 20),
                    "Catrin Holloway",
                ),
                At(Stage.PANEL_AND_TERMS, date(2020, 3, 2)),
                At(Stage.IMRS_REQUESTED, date(2020, 3, 16)),
                Asked(
                    NHS,
                    date(2020, 3, 16),
                    date(2020, 5, 11),
                    date(2020, 8, 10),
                    "Ms W disclosed abuse to a crisis team; the disclosure was not passed on.",
                ),
                Asked(
                    POLICE,
                    date(2020, 3, 16),
                    date(2020, 5, 11),
                    date(2020, 6, 1),
                    "No reports of abuse; one concern for welfare call in 2019.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2020, 8, 10)),
                At(Stage.DRAFT_REPORT, date(2021, 6, 14)),
                At(Stage.FAMILY_SEES_REPORT, date(2021, 10, 4)),
                At(Stage.CSP_SIGN_OFF, date(2022, 2, 21), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2022, 6, 6)),
                At(
                    Stage.QA_OUTCOME,
                    date(2023, 4, 17),
                    Outcome.RESUBMIT,
                    "The Panel asked for the family's views to be reflected more fully.",
                ),
                At(
                    Stage.SUBMITTED,
                    date(2023, 9, 4),
                    notes="Resubmitted after further meetings with the family.",
                ),
                At(Stage.QA_OUTCOME, date(2024, 1, 22), Outcome.CONTENT_TO_PUBLISH),
                At(Stage.PUBLISHED, date(2024, 3, 18), notes="Published on the Safer BCP web pages."),
                At(Stage.SENT_TO_COMMISSIONER, date(2024, 3, 25)),
                Recommended(
                    NHS,
                    "Crisis teams to pass every disclosure of abuse to the GP and to specialist support.",
                    date(2022, 2, 21),
                    date(2024, 12, 31),
                    ((date(2024, 12, 16), Status.COMPLETE, "Disclosure pathway audited."),),
                ),
                Recommended(
                    BCP_COUNCIL,
                    "Train suicide prevention partners to recognise domestic abuse.",
                    date(2024, 3, 18),
                    today + timedelta(days=60),
                    ((date(2026, 6, 17), Status.IN_PROGRESS, "Two of four training sessions held."),),
                ),
                *quarterly(date(2024, 6, 17), date(2026, 9, 21)),
                *chair_fees(
                    date(2020, 2, 28),
                    date(2022, 6, 30),
                    first_paid_by=NHS,
                    final_paid_by=BCP_COUNCIL,
                    amount="4200.00",
                ),
                Paid("Further chair's time for resubmission", "1350.00", date(2023, 9, 4), BCP_COUNCIL),
                Filed(
                    Document.Kind.ACTION_PLAN,
                    "Action plan",
                    date(2024, 3, 18),
                    (
                        "Recommendations, owners and dates as agreed with the overview report.",
                        "Demonstration document: every word of it is invented.",
                    ),
                ),
            ),
        ),
        Review(
            "bcp",
            "DHR 2020/01",
            "Mr X",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2020, 5, 18),
                    date(2020, 5, 26),
                    date(2020, 6, 10),
                    "The criteria are met: Mr X was killed by his partner.",
                    date(2020, 6, 17),
                    date(2020, 7, 27),
                    "Alasdair Penrose",
                ),
                At(Stage.PANEL_AND_TERMS, date(2020, 9, 7)),
                At(Stage.IMRS_REQUESTED, date(2020, 9, 21)),
                Asked(
                    POLICE,
                    date(2020, 9, 21),
                    date(2020, 11, 16),
                    date(2020, 11, 16),
                    "Mr X was twice arrested as the suspected perpetrator; his injuries were not photographed.",
                ),
                Asked(
                    BCP_COUNCIL,
                    date(2020, 9, 21),
                    date(2020, 11, 16),
                    date(2021, 1, 18),
                    "Drug and alcohol services worked with both partners without sharing information.",
                ),
                At(Stage.IMRS_RECEIVED, date(2021, 1, 18)),
                At(Stage.DRAFT_REPORT, date(2021, 11, 15)),
                At(Stage.FAMILY_SEES_REPORT, date(2022, 3, 14)),
                At(Stage.CSP_SIGN_OFF, date(2022, 6, 20), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2022, 9, 5)),
                At(Stage.QA_OUTCOME, date(2023, 6, 19), Outcome.PUBLISH_AFTER_CHANGES),
                At(Stage.PUBLISHED, date(2023, 8, 21), notes="Published on the Safer BCP web pages."),
                At(Stage.SENT_TO_COMMISSIONER, date(2023, 8, 29)),
                Recommended(
                    POLICE,
                    "Identify the primary aggressor at every incident where both partners are injured.",
                    date(2022, 6, 20),
                    date(2024, 3, 31),
                    ((date(2024, 5, 20), Status.COMPLETE, "Primary aggressor guidance in use."),),
                ),
                Recommended(
                    BCP_COUNCIL,
                    "Drug and alcohol services to share risk when they work with both partners.",
                    date(2022, 6, 20),
                    date(2025, 12, 31),
                    (
                        (date(2024, 5, 20), Status.NOT_STARTED, "Waiting for the new provider's contract."),
                        (date(2026, 8, 20), Status.IN_PROGRESS, "Information sharing agreement in draft."),
                    ),
                ),
                *quarterly(date(2023, 11, 20), ago(30)),
                *chair_fees(
                    date(2020, 9, 30),
                    date(2022, 9, 30),
                    first_paid_by=POLICE,
                    final_paid_by=BCP_COUNCIL,
                    amount="4250.00",
                ),
            ),
        ),
        Review(
            "bcp",
            "DHR 2021/01",
            "Adult Y",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2021, 1, 11),
                    date(2021, 1, 18),
                    date(2021, 2, 3),
                    "The criteria are met: Adult Y was killed by her grandson, who lived with her.",
                    date(2021, 2, 10),
                    date(2021, 3, 22),
                    "Catrin Holloway",
                ),
                At(Stage.PANEL_AND_TERMS, date(2021, 4, 26)),
                At(Stage.IMRS_REQUESTED, date(2021, 5, 10)),
                Asked(
                    BCP_COUNCIL,
                    date(2021, 5, 10),
                    date(2021, 7, 5),
                    date(2021, 8, 16),
                    "Adult Y's requests for help with her grandson were treated as housing matters.",
                ),
                Asked(
                    YOUTH_JUSTICE,
                    date(2021, 5, 10),
                    date(2021, 7, 5),
                    date(2021, 6, 28),
                    "The grandson's earlier order ended in 2019 with no concerns about his family.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2021, 8, 16)),
                At(Stage.DRAFT_REPORT, date(2022, 4, 11)),
                At(Stage.FAMILY_SEES_REPORT, date(2022, 7, 18)),
                At(Stage.CSP_SIGN_OFF, date(2022, 10, 17), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, date(2022, 11, 14)),
                At(Stage.QA_OUTCOME, date(2023, 7, 17), Outcome.CONTENT_TO_PUBLISH),
                At(Stage.PUBLISHED, date(2023, 9, 18), notes="Published on the Safer BCP web pages."),
                At(Stage.SENT_TO_COMMISSIONER, date(2023, 9, 25)),
                Recommended(
                    BCP_COUNCIL,
                    "Treat an older person's request for help with a relative as a possible safeguarding concern.",
                    date(2022, 10, 17),
                    date(2024, 9, 30),
                    (
                        (date(2023, 12, 18), Status.IN_PROGRESS, "Triage questions revised."),
                        (
                            date(2024, 12, 16),
                            Status.COMPLETE,
                            "Triage audited; referrals to safeguarding up.",
                        ),
                    ),
                ),
                *quarterly(date(2023, 12, 18), date(2024, 12, 16)),
                At(Stage.CLOSED, date(2025, 3, 17), notes=CLOSED),
                *chair_fees(
                    date(2021, 4, 30),
                    date(2022, 11, 30),
                    first_paid_by=BCP_COUNCIL,
                    final_paid_by=NHS,
                    amount="3900.00",
                ),
            ),
        ),
        # --- BCP: notified after the 2022 report; with the Home Office now ---
        Review(
            "bcp",
            "DHR 2023/01",
            "Ms Z",
            Kind.FULL_REVIEW,
            (
                *opening(
                    date(2023, 4, 24),
                    date(2023, 5, 2),
                    date(2023, 5, 17),
                    "The criteria are met: Ms Z was killed by her former partner.",
                    date(2023, 5, 24),
                    date(2023, 7, 3),
                    "Catrin Holloway",
                ),
                At(Stage.PANEL_AND_TERMS, date(2023, 8, 14)),
                At(Stage.IMRS_REQUESTED, date(2023, 9, 4)),
                Asked(
                    POLICE,
                    date(2023, 9, 4),
                    date(2023, 10, 30),
                    date(2023, 11, 6),
                    "A Clare's Law disclosure was requested but not made before Ms Z died.",
                ),
                Asked(
                    BCP_COUNCIL,
                    date(2023, 9, 4),
                    date(2023, 10, 30),
                    date(2024, 1, 29),
                    "Ms Z's children's school raised concerns that were not shared with the police.",
                ),
                Asked(
                    NHS,
                    date(2023, 9, 4),
                    date(2023, 10, 30),
                    date(2023, 12, 11),
                    "No disclosures to health services.",
                    chronology_only=True,
                ),
                At(Stage.IMRS_RECEIVED, date(2024, 1, 29)),
                Paused(
                    Reason.CRIMINAL_TRIAL,
                    date(2024, 3, 4),
                    "Family interviews deferred until the trial ended.",
                    date(2024, 11, 18),
                ),
                At(Stage.DRAFT_REPORT, date(2025, 6, 16)),
                At(Stage.FAMILY_SEES_REPORT, date(2025, 10, 13)),
                At(Stage.CSP_SIGN_OFF, date(2026, 3, 16), Outcome.TO_PUBLISH, "Agreed for submission."),
                At(Stage.SUBMITTED, ago(60)),
                Recommended(
                    POLICE,
                    "Decide Clare's Law requests within the national 35-day limit.",
                    date(2026, 3, 16),
                    date(2026, 12, 31),
                ),
                Recommended(
                    BCP_COUNCIL,
                    "Schools to share domestic abuse concerns through Operation Encompass both ways.",
                    date(2026, 3, 16),
                    date(2027, 3, 31),
                ),
                *chair_fees(
                    date(2023, 7, 31),
                    date(2026, 3, 31),
                    first_paid_by=BCP_COUNCIL,
                    final_paid_by=OPCC,
                    amount="5100.00",
                ),
            ),
        ),
    ]


def load(*, partnerships, organisations, people, today):
    """Load the demo reviews into a database that has the demo partnerships; returns the
    reviews created (none on a second run)."""
    created = []
    for seed in reviews(today):
        partnership = partnerships[seed.partnership]
        if DhrCase.objects.filter(
            Q(reference=seed.reference) | Q(pseudonym=seed.pseudonym), partnership=partnership
        ).exists():
            continue
        by = people[RECORDED_BY[seed.partnership]]
        notified, *events = seed.events
        if notified.stage != Stage.NOTIFICATION:
            raise AssertionError(f"{seed.reference}: the first event must be the notification")
        case = review.open_case(
            partnership,
            by=by,
            reference=seed.reference,
            pseudonym=seed.pseudonym,
            kind=seed.kind,
            notified_on=notified.on,
            lead_csp=seed.lead_csp,
            today=today,
        )
        steps = sorted(
            (step for event in events for step in event.steps(organisations)), key=lambda s: (s[0], s[1])
        )
        for _, _, act in steps:
            act(case, by, today)
        created.append(case)
    return created
