"""Reminders delivered by a real Celery worker and its scheduler, on a real Redis of the
test's own (and, for the quick start, the filesystem queue): one email per person per
occasion, whatever the broker and the worker go through.

Each test gets its own queue, its own redis-server on a free port and its own mailbox
folder (tests/reminders/mailbox.py); the scheduler sweeps every second. Fixtures are in
conftest.py.
"""

import collections
import contextlib
import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from csp_tracker.celery import app
from partnerships.models import Role
from reminders import sweep
from reminders.deadlines import DeadlineSpec, write_deadlines
from reminders.models import Preferences, Reminder
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.worker

CONFIDENTIAL_TITLE = "Review into the death of Adult K: panel report to the Home Office"


def person(username, partnership, *kinds, digest=False):
    """Someone with an email address and these roles; the weekly digest off unless asked
    for, so a test counts only the reminders it is about."""
    user = UserFactory(username=username, email=f"{username}@example.org", password=None)
    for kind in kinds:
        RoleFactory(user=user, partnership=partnership, kind=kind)
    Preferences.objects.create(user=user, weekly_digest=digest)
    return user


def deadline(partnership, title, *, days, confidential=False, owner=None, rule="test-deadline"):
    write_deadlines(
        source=partnership,
        partnership=partnership,
        owner=owner,
        link=f"/partnerships/{partnership.slug}/",
        specs=[DeadlineSpec(rule=rule, title=title, due_on=timezone.localdate() + timedelta(days=days))],
        confidential=confidential,
        rules_prefix=rule,
    )


def one_each(mailbox, people):
    """Each person has exactly one email, and nobody else has any."""
    received = collections.Counter(address for message in mailbox.messages() for address in message["to"])
    return received == collections.Counter(user.email for user in people)


def all_sent():
    return Reminder.objects.exists() and not Reminder.objects.exclude(state=Reminder.State.SENT).exists()


def test_a_threshold_sends_one_email_to_each_person_told(private_redis, workers, mailbox):
    dorset = PartnershipFactory(slug="dorset")
    officers = [person(f"officer{n}", dorset, Role.Kind.OFFICER, digest=True) for n in (1, 2)]
    cleared = person("cleared", dorset, Role.Kind.DHR_CLEARED, digest=True)
    person("admin", dorset, Role.Kind.ADMIN, digest=True)
    person("elsewhere", PartnershipFactory(slug="bcp"), Role.Kind.OFFICER, Role.Kind.DHR_CLEARED, digest=True)
    deadline(dorset, "Strategic assessment", days=7, rule="test-plain")
    deadline(dorset, CONFIDENTIAL_TITLE, days=7, confidential=True, rule="test-dhr")

    worker = workers.start(broker=private_redis.url)
    # Each reminder is sent, and then the scheduler sweeps at least twice more (three
    # sweeps in all at least): a sweep that records or sends anything twice shows here.
    workers.wait(
        lambda: Reminder.objects.filter(kind="reminder").count() == 3 and all_sent(), "3 reminders sent"
    )
    workers.wait_for_sweeps(worker, more=2, at_least=3)
    assert worker.running()

    messages = mailbox.messages()
    reminders = [message for message in messages if not message["subject"].startswith("Your deadlines")]
    received = collections.Counter((message["to"][0], message["subject"]) for message in reminders)
    assert received == {
        ("officer1@example.org", "Due in 7 days: Strategic assessment"): 1,
        ("officer2@example.org", "Due in 7 days: Strategic assessment"): 1,
        ("cleared@example.org", "A Domestic Homicide Review needs attention"): 1,
    }, workers.logs()
    # The weekly digest goes once to each person told of something (none on a bank
    # holiday Monday, the week's digest not being owed yet).
    digests = collections.Counter(message["to"][0] for message in messages if message not in reminders)
    assert set(digests.values()) <= {1}
    assert set(digests) <= {user.email for user in [*officers, cleared]}
    # One email for each recorded message, none more.
    assert sorted((message["to"][0], message["subject"]) for message in messages) == sorted(
        Reminder.objects.values_list("to_address", "subject")
    )
    assert all(len(message["to"]) == 1 for message in messages)
    for message in messages:
        for part in (message["subject"], message["body"], message["html"]):
            assert CONFIDENTIAL_TITLE not in part
            assert "Adult K" not in part


def test_the_same_task_delivered_twice_sends_once(private_redis, workers, mailbox):
    dorset = PartnershipFactory(slug="dorset")
    officer = person("officer", dorset, Role.Kind.OFFICER)
    deadline(dorset, "Strategic assessment", days=7)
    [reminder_id] = sweep.record(timezone.localdate())
    # No scheduler: only the deliveries the test publishes.
    concurrent = connection.vendor == "postgresql"
    started = [workers.start(broker=private_redis.url, beat=False) for _ in range(2 if concurrent else 1)]
    task_id = str(uuid.uuid4())

    def deliver():
        with app.connection_for_write(private_redis.url) as broker:
            app.send_task(
                "reminders.tasks.send_reminder",
                args=[reminder_id],
                task_id=task_id,
                queue=workers.queue,
                connection=broker,
            )

    def finished(outcome=r".*"):
        pattern = rf"send_reminder\[{task_id}\] succeeded in [0-9.]+s: {outcome}$"
        return sum(len(re.findall(pattern, worker.log, re.MULTILINE)) for worker in started)

    if concurrent:
        # The first delivery holds the row while it sends; the second, to the other
        # worker at the same moment, finds it locked and leaves it.
        mailbox.hang(officer.email)
        deliver()
        workers.wait(lambda: officer.email in mailbox.hanging(), "a worker to start sending")
        deliver()
        workers.wait(lambda: finished("None") == 1, "the second delivery to be skipped")
        assert mailbox.messages() == []
        mailbox.release()
        workers.wait(lambda: finished("'sent'") == 1, "the first delivery to send")
    else:
        # SQLite (the quick start) runs one worker: the deliveries come one after the other.
        deliver()
        deliver()
        workers.wait(lambda: finished() == 2, "both deliveries to finish")
    # Delivered again once the first has sent: nothing to do.
    deliver()
    workers.wait(lambda: finished() == 3, "the third delivery to finish")

    assert one_each(mailbox, [officer]), mailbox.messages()
    assert Reminder.objects.get(pk=reminder_id).state == Reminder.State.SENT


def test_a_worker_killed_mid_sweep_sends_the_rest_once_restarted(private_redis, workers, mailbox):
    dorset = PartnershipFactory(slug="dorset")
    officers = [person(f"officer{n:02}", dorset, Role.Kind.OFFICER) for n in range(20)]
    deadline(dorset, "Strategic assessment", days=7)
    stuck = officers[7]
    mailbox.hang(stuck.email)

    first = workers.start(broker=private_redis.url)
    workers.wait(lambda: stuck.email in mailbox.hanging(), "the worker to get stuck sending")
    before = mailbox.messages()
    assert 0 < len(before) < len(officers), "killed in the middle of the sweep's sends"
    first.kill()
    assert Reminder.objects.filter(state=Reminder.State.PENDING).count() == len(officers) - len(before)
    assert Reminder.objects.get(recipient=stuck).state == Reminder.State.PENDING

    mailbox.release()
    second = workers.start(broker=private_redis.url)
    workers.wait(lambda: Reminder.objects.count() == len(officers) and all_sent(), "every reminder sent")
    workers.wait_for_sweeps(second, more=2)

    assert one_each(mailbox, officers), collections.Counter(m["to"][0] for m in mailbox.messages())
    assert mailbox.messages()[: len(before)] == before
    assert {m["pid"] for m in mailbox.messages()[len(before) :]} == {second.process.pid}


def test_with_redis_stopped_pages_work_and_the_next_sweep_catches_up(private_redis, workers, mailbox, client):
    dorset = PartnershipFactory(slug="dorset")
    officer = person("officer", dorset, Role.Kind.OFFICER)
    worker = workers.start(broker=private_redis.url)
    workers.wait_for_sweeps(worker, more=1)

    private_redis.stop()
    client.force_login(officer)
    pages = [
        reverse("partnerships:dashboard", args=[dorset.slug]),
        reverse("duties:register", args=[dorset.slug]),
    ]
    with contextlib.suppress(NoReverseMatch):  # the page of one's reminders, where it exists
        pages.append(reverse("reminders:mine"))
    for page in pages:
        assert client.get(page).status_code == 200, page
    deadline(dorset, "Annual report to the Police and Crime Commissioner", days=0)
    workers.wait(lambda: "Connection to broker lost" in worker.log, "the worker to notice Redis is gone")
    assert mailbox.messages() == []

    private_redis.start()
    workers.wait(lambda: mailbox.messages(), "the reminder, once Redis is back")
    workers.wait_for_sweeps(worker, more=2)
    [message] = mailbox.messages()
    assert message["to"] == [officer.email]
    assert message["subject"] == "Due today: Annual report to the Police and Crime Commissioner"
    assert worker.running()


def test_the_quick_start_worker_sends_on_the_filesystem_queue(workers, mailbox):
    dorset = PartnershipFactory(slug="dorset")
    officer = person("officer", dorset, Role.Kind.OFFICER)
    deadline(dorset, "Strategic assessment", days=0)

    worker = workers.start(broker="filesystem")
    assert "filesystem://" in worker.log
    workers.wait(lambda: mailbox.messages(), "the reminder")
    workers.wait_for_sweeps(worker, more=2)

    assert one_each(mailbox, [officer])
    assert mailbox.messages()[0]["subject"] == "Due today: Strategic assessment"
    assert (workers.folder / "var" / "celery" / "queue").is_dir()
