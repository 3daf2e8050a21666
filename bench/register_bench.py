"""How fast the partnership dashboard, the duty register and the plans board serve at national scale.

Not a test: a script to run by hand (see bench/README.md). In one run it

1. drops and recreates the benchmark database (its name must contain "bench"),
2. runs `migrate` and `generate_scale --seed S` (~300 partnerships, ~5,000 users, ~1,500
   plans), then VACUUM ANALYZE so PostgreSQL plans with statistics, as it would on a live database,
3. adds one officer of one generated English partnership and one site admin (superuser), and
   signs each in (a session row),
4. counts the SQL queries each page runs, once, in this process with Django's test Client,
5. serves the service with gunicorn (bench.settings: DEBUG off, the service's middleware),
6. sends N requests to each page from C client threads on this same machine, checking every
   response is a 200 with the expected content, and prints requests per second and the
   50th and 95th percentile latency, beside a bare Django view that does no database work.

Usage: .venv/bin/python bench/register_bench.py [--requests 2000] [--concurrency 8] [--workers 2]
"""

import argparse
import http.client
import math
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/csp_bench"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--requests", type=int, default=2000, help="measured requests per page")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=100, help="unmeasured requests per page first")
    return parser.parse_args()


def recreate_database(url: str):
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to drop {name!r}: the benchmark database's name must contain 'bench'.")
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password) if parts.password else None,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def manage(env, *arguments) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


@dataclass
class Page:
    label: str
    path: str
    expected: list[bytes]
    cookie: str = ""
    # A page too slow to send the full count to in reasonable time gets this share of it.
    share: float = 1.0
    queries: int = 0
    size: int = 0

    def requests(self, count: int) -> int:
        return count if self.share == 1.0 else max(10, round(count * self.share))

    def problem(self, status: int, body: bytes) -> str:
        if status != 200:
            return f"{self.path}: status {status}"
        missing = [text for text in self.expected if text not in body]
        if missing:
            return f"{self.path}: missing {missing[0][:60]!r} (and {len(missing) - 1} more)"
        return ""


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    closed_by_server: int = 0
    seconds: float = 0.0
    client_cpu_seconds: float = 0.0
    server_cpu_seconds: float = 0.0


def server_cpu_seconds(master_pid: int) -> float:
    """CPU time (user + system) used so far by gunicorn's master and its workers, from /proc.

    Unlike requests per second, CPU time per request hardly moves when other work shares
    the machine, so it is the steadier figure on a busy or small box.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command name: state, ppid, ... utime (14th field overall), stime (15th).
        if int(entry.name) == master_pid or int(fields[1]) == master_pid:
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def prepare_in_process():
    """Sign an officer and a site admin in, count each page's queries, and count the dataset's rows."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection, connections
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from django.utils.html import escape

    from dhr.models import DhrCase, StageRecord
    from duties.models import RegisterEntry
    from indicators.models import IndicatorValue
    from meetings.models import Action, Meeting
    from partnerships import scale
    from partnerships.models import Council, Membership, Nation, Organisation, Partnership, Role
    from plans.models import AdoptionStep, Plan, PlanVersion, Route
    from reminders.models import Deadline

    # Bulk-loaded tables have no planner statistics until autovacuum gets round to them;
    # a live database would have them, so gather them now rather than time stale plans.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")

    partnership = (
        Partnership.objects.filter(slug__regex=scale.PARTNERSHIP_SLUG_PATTERN, nation=Nation.ENGLAND)
        .order_by("slug")
        .first()
    )
    officer = get_user_model().objects.create_user(
        "bench-officer", first_name="Bench", last_name="Officer", password=None
    )
    Role.objects.create(user=officer, partnership=partnership, kind=Role.Kind.OFFICER)
    Role.objects.create(user=officer, partnership=partnership, kind=Role.Kind.DHR_CLEARED)
    admin = get_user_model().objects.create_superuser(
        "bench-admin", email="bench-admin@example.org", first_name="Bench", last_name="Admin", password=None
    )

    def signed_in(user) -> str:
        """A session as login() would leave it, as a Cookie header. The model backend is
        named because the first backend in settings (rules') cannot load a user from a session."""
        session = SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    cookie, admin_cookie = signed_in(officer), signed_in(admin)

    def plans_counted(n: int) -> bytes:
        return f"<strong>{n} plan{'' if n == 1 else 's'}</strong>".encode()

    entries = list(
        RegisterEntry.objects.filter(partnership=partnership).select_related("partnership", "duty")
    )
    # The officer's plans (their partnership's, and pan-area ones it shares) fit on the
    # board's first page; the admin's board counts every plan and shows the first page.
    plans = list(Plan.objects.filter(partnerships=partnership))
    all_plans = Plan.objects.count()
    cases = list(DhrCase.objects.filter(partnership=partnership).order_by("pk"))
    pages = [
        Page("bare view (baseline)", "/bench/bare", [b"ok"], cookie),
        Page(
            "partnership dashboard",
            partnership.get_absolute_url(),
            [escape(partnership.name).encode(), b"What is overdue and what is due next"],
            cookie,
        ),
        Page(
            "duty register",
            f"/partnerships/{partnership.slug}/duties/",
            # Every duty's row links to its entry.
            [f'href="{entry.get_absolute_url()}"'.encode() for entry in entries],
            cookie,
        ),
        Page(
            "plans board",
            "/plans/",
            # Every plan of the partnership's is on the board, linked.
            [plans_counted(len(plans)), *(f'href="{plan.get_absolute_url()}"'.encode() for plan in plans)],
            cookie,
        ),
        # The site admin sees every plan: the board counts them all and judges the first page.
        Page("plans board, site admin", "/plans/", [plans_counted(all_plans)], admin_cookie),
        # The officer is DHR-cleared in the partnership: every review is listed and judged.
        Page(
            "DHR list",
            f"/partnerships/{partnership.slug}/dhr/",
            [f"{len(cases)} review{'' if len(cases) == 1 else 's'}".encode()]
            + [f'href="/dhr/cases/{case.pk}/"'.encode() for case in cases],
            cookie,
        ),
        Page(
            "DHR dashboard",
            f"/partnerships/{partnership.slug}/dhr/dashboard/",
            [b"Open reviews by stage", b"Decision to Home Office submission"],
            cookie,
        ),
    ]
    # Meetings, actions and indicators, read by the officer; "My actions" by the person who
    # owns the most actions in the partnership.
    owner_id = (
        Action.objects.filter(partnership=partnership)
        .values("owners")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("owners", flat=True)
        .first()
    )
    owner = get_user_model().objects.get(pk=owner_id)
    owned = Action.objects.filter(owners=owner).count()
    pages += [
        Page(
            "meetings list", f"/partnerships/{partnership.slug}/meetings/", [b"<h1", b"Meetings</h1>"], cookie
        ),
        Page("actions list", f"/partnerships/{partnership.slug}/actions/", [b"Actions</h1>"], cookie),
        Page("my actions", "/actions/mine/", [b"My actions</h1>"], signed_in(owner)),
        Page("indicators list", f"/partnerships/{partnership.slug}/indicators/", [b"<h1"], cookie),
    ]
    if cases:
        # One review's page: it also writes a row to the access log on every request.
        pages.append(Page("a review (logged)", f"/dhr/cases/{cases[0].pk}/", [b"Statutory dates"], cookie))
    for page in pages:
        client = Client(HTTP_HOST="localhost")
        client.cookies.load(page.cookie)
        client.get(page.path)  # the first request in a process fills caches; count the second
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        problem = page.problem(response.status_code, response.content)
        if problem:
            sys.exit(f"In-process check failed before serving: {problem}")
        page.queries = len(queries.captured_queries)
        page.size = len(response.content)

    today = timezone.localdate()
    rows = {
        "partnerships": Partnership.objects.count(),
        "councils": Council.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
        "users": get_user_model().objects.count(),
        "roles": Role.objects.count(),
        "register entries": RegisterEntry.objects.count(),
        "plans": all_plans,
        "plan versions": PlanVersion.objects.count(),
        "routes": Route.objects.count(),
        "adoption steps": AdoptionStep.objects.count(),
        "reviews (DHRs)": DhrCase.objects.count(),
        "review stages": StageRecord.objects.count(),
        "meetings": Meeting.objects.count(),
        "actions": Action.objects.count(),
        "indicator values": IndicatorValue.objects.count(),
        "deadlines": Deadline.objects.count(),
        "deadlines overdue": Deadline.objects.overdue(today).count(),
    }
    here = {
        "register entries": len(entries),
        "plans": len(plans),
        "reviews (DHRs)": len(cases),
        "actions": Action.objects.filter(partnership=partnership).count(),
        "actions owned by the my-actions reader": owned,
        "deadlines": Deadline.objects.filter(partnership=partnership).count(),
        "deadlines overdue": Deadline.objects.filter(partnership=partnership).overdue(today).count(),
    }
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres_version = cursor.fetchone()[0]
    connections.close_all()
    return partnership, pages, rows, here, postgres_version


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env, port: int, workers: int, log):
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "csp_tracker.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            probe.request("GET", "/healthz")
            if probe.getresponse().status == 200:
                probe.close()
                return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    log.seek(0)
    sys.exit(f"gunicorn did not answer /healthz within 30 seconds:\n{log.read().decode()[-3000:]}")


def stop(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def drive(server, port: int, page: Page, count: int, concurrency: int) -> Result:
    """`count` GETs of the page from `concurrency` threads, each with its own HTTP/1.1 connection.

    The connections are keep-alive on the client side; when the server closes one after a
    response (gunicorn's sync workers do), http.client opens a new one for the next request.
    """
    headers = {"Cookie": page.cookie, "Accept-Encoding": "identity"}
    shares = [count // concurrency + (1 if i < count % concurrency else 0) for i in range(concurrency)]

    def worker(share: int) -> Result:
        mine = Result()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(share):
            started = time.perf_counter()
            try:
                connection.request("GET", page.path, headers=headers)
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                mine.failures.append(f"{page.path}: {error!r}")
                connection.close()
                continue
            mine.latencies.append(time.perf_counter() - started)
            mine.closed_by_server += bool(response.will_close)
            problem = page.problem(response.status, body)
            if problem:
                mine.failures.append(problem)
        connection.close()
        return mine

    total = Result()
    server_started = server_cpu_seconds(server.pid)
    cpu_started, started = time.process_time(), time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for part in pool.map(worker, shares):
            total.latencies += part.latencies
            total.failures += part.failures
            total.closed_by_server += part.closed_by_server
    total.seconds = time.perf_counter() - started
    total.client_cpu_seconds = time.process_time() - cpu_started
    total.server_cpu_seconds = server_cpu_seconds(server.pid) - server_started
    return total


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] * 1000 if ordered else float("nan")


def main():
    arguments = parse_arguments()
    load_before = os.getloadavg()[0]
    env = dict(os.environ)
    for name in ("DEBUG", "DEMO_MODE", "ALLOWED_HOSTS"):
        env.pop(name, None)
    env.update(
        DATABASE_URL=arguments.database_url,
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
    )

    print(
        f"Recreating {urlsplit(arguments.database_url).path.lstrip('/')} and generating data ...", flush=True
    )
    recreate_database(arguments.database_url)
    manage(env, "migrate", "--noinput", "-v0")
    generated = manage(env, "generate_scale", "--seed", str(arguments.seed))
    print(generated.rstrip().splitlines()[-1])

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    partnership, pages, rows, here, postgres_version = prepare_in_process()
    import django
    import gunicorn

    results = {}
    port = free_port()
    with tempfile.TemporaryFile() as log:
        server = start_gunicorn(env, port, arguments.workers, log)
        try:
            for page in pages:
                drive(server, port, page, page.requests(arguments.warmup), arguments.concurrency)
                results[page.label] = drive(
                    server, port, page, page.requests(arguments.requests), arguments.concurrency
                )
        finally:
            stop(server)
        log.seek(0)
        server_log = log.read().decode().strip()

    print()
    print(
        f"Machine: {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}, Django {django.get_version()}, gunicorn {gunicorn.__version__} "
        f"(sync, {arguments.workers} workers), PostgreSQL {postgres_version}."
    )
    print(
        f"Client: {arguments.concurrency} threads in this process, on the same machine as the server "
        f"and the database; {arguments.requests} requests per page after {arguments.warmup} to warm up "
        "."
    )
    print(
        f"Signed in as an officer of {partnership.name} ({partnership.slug}); the last page as a site "
        f"admin (superuser), who sees every partnership's plans."
    )
    print()
    header = (
        f"{'page':<26}{'path':<32}{'requests':>9}{'rps':>7}{'p50 ms':>8}{'p95 ms':>8}"
        f"{'CPU ms':>8}{'client':>8}{'queries':>8}{'bytes':>7}"
    )
    print(header)
    print("-" * len(header))
    for page in pages:
        result = results[page.label]
        print(
            f"{page.label:<26}{page.path:<32}{len(result.latencies):>9}"
            f"{len(result.latencies) / result.seconds:>7.0f}"
            f"{percentile(result.latencies, 50):>8.1f}{percentile(result.latencies, 95):>8.1f}"
            f"{result.server_cpu_seconds * 1000 / len(result.latencies):>8.1f}"
            f"{result.client_cpu_seconds / result.seconds:>8.0%}"
            f"{page.queries:>8}{page.size:>7}"
        )
    print(
        "CPU ms: gunicorn's CPU time per request (PostgreSQL's is not included). Client: the load "
        "generator's own CPU use, as a share of one core. Queries: SQL statements Django ran for one "
        "request, counted in-process."
    )
    print()
    print("Dataset rows: " + ", ".join(f"{n:,} {label}" for label, n in rows.items()))
    print("This partnership: " + ", ".join(f"{n} {label}" for label, n in here.items()))
    closed = sum(result.closed_by_server for result in results.values())
    measured = sum(len(result.latencies) for result in results.values())
    print(
        f"The server closed the connection after {closed:,} of {measured:,} responses (gunicorn's sync "
        f"workers do not keep connections alive): the request after each one opened a new TCP connection."
    )
    print(
        f"Load average (1 min) when this script started: {load_before:.2f}. Above zero, other work on this "
        f"machine was competing for its {os.cpu_count()} CPUs; rps and latency suffer, CPU ms much less."
    )
    failures = [failure for result in results.values() for failure in result.failures]
    if server_log:
        print(f"\ngunicorn said:\n{server_log[-2000:]}")
    if failures:
        print(f"\n{len(failures)} responses failed the checks, for example:")
        for failure in failures[:5]:
            print(f"  {failure}")
        sys.exit(1)
    print("Every response was a 200 with the expected content.")


if __name__ == "__main__":
    main()
