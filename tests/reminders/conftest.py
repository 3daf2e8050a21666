"""Fixtures for the tests that run a real Celery worker (with its scheduler) in another
process: the worker, a private redis-server to stop and start, and the folder mailbox
the worker's emails land in.

The worker reads and writes pytest-django's test database, so these tests use
`transactional_db`: what a test writes is committed, and the worker sees it. A failing
test prints the tail of every worker's log.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

from tests.reminders.mailbox import Mailbox

ROOT = Path(__file__).resolve().parents[2]
# Upper bound on any one wait: generous, since a test polls and goes on as soon as it can.
TIMEOUT = 60


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(condition, seconds=TIMEOUT, interval=0.2):
    """Poll `condition` until it is true (returning True) or `seconds` pass (False)."""
    deadline = time.monotonic() + seconds
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)


class Worker:
    """`celery -A csp_tracker worker --pool solo`, with its scheduler embedded unless
    beat=False, in a process group of its own (the embedded beat is a child process) and
    logging to a file, so a long log never blocks it on a full pipe."""

    def __init__(self, name, env, folder: Path, *, beat=True):
        self.name, self.env, self.beat = name, env, beat
        self.log_path = folder / f"{name}.log"
        self.schedule_path = folder / f"{name}-beat-schedule"
        self.process = None
        self.killed = False

    def start(self):
        command = [sys.executable, "-m", "celery", "-A", "csp_tracker", "worker", "--pool", "solo"]
        command += ["--loglevel", "INFO", "--hostname", f"{self.name}-{uuid.uuid4().hex[:8]}@%h"]
        if self.beat:
            command += ["--beat", "--schedule", str(self.schedule_path)]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    @property
    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def tail(self, chars=6000) -> str:
        return f"--- {self.name} (pid {self.process.pid}), last of {self.log_path} ---\n{self.log[-chars:]}"

    def count(self, pattern) -> int:
        return len(re.findall(pattern, self.log))

    def sweeps(self) -> int:
        """Sweeps this worker has finished."""
        return self.count(r"reminders\.tasks\.sweep_deadlines\[[^\]]+\] succeeded")

    def running(self) -> bool:
        return self.process.poll() is None

    def ready(self) -> bool:
        return " ready." in self.log

    def _signal_group(self, number):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, number)

    def kill(self):
        """SIGKILL the worker and its scheduler at once, as the OOM killer or a pulled plug would."""
        self.killed = True
        self._signal_group(signal.SIGKILL)
        self.process.wait(timeout=TIMEOUT)

    def stop(self, *, gracefully=True):
        """A warm shutdown (SIGTERM) if `gracefully`, so the worker hands back the task it
        holds; then SIGKILL for whatever is left of the group (the scheduler, or a worker
        stuck in a send)."""
        if self.process is None:
            return
        if gracefully and self.process.poll() is None:
            self._signal_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=15)
        self._signal_group(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=TIMEOUT)


class Workers:
    """Starts workers for one test, all on one queue of their own, and fails with their
    logs when something they should do does not happen."""

    def __init__(self, folder: Path, mailbox: Mailbox):
        self.folder, self.mailbox = folder, mailbox
        self.queue = f"test-{uuid.uuid4().hex}"
        self.started: list[Worker] = []
        self.on_configured_broker = False
        self.logs_shown = False

    def start(self, *, broker=None, beat=True, sweep_seconds=1, wait=True, **extra_env) -> Worker:
        """A worker on `broker` (a redis:// URL; "filesystem" for the quick start's queue;
        None for whatever the environment configures), sending email to the mailbox."""
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CSP_VAR_DIR": str(self.folder / "var"),
            "HEARTBEAT_SECONDS": "1",
            "CELERY_QUEUE": self.queue,
            "EMAIL_BACKEND": "tests.reminders.mailbox.FolderBackend",
            "MAILBOX_DIR": str(self.mailbox.folder),
            "PYTHONUNBUFFERED": "1",
            # The worker refuses the development key with DEBUG off (csp_tracker/checks.py).
            "SECRET_KEY": f"worker-test-{uuid.uuid4().hex}",
        }
        if sweep_seconds:
            env["REMINDER_SWEEP_SECONDS"] = str(sweep_seconds)
        if broker == "filesystem":
            env.pop("CELERY_BROKER_URL", None)
            env.pop("REDIS_URL", None)
        elif broker:
            env["CELERY_BROKER_URL"] = broker
        else:
            self.on_configured_broker = True
        env.update(extra_env)
        worker = Worker(f"worker{len(self.started) + 1}", env, self.folder, beat=beat).start()
        self.started.append(worker)
        if wait:
            self.wait(worker.ready, "the worker to be ready")
        return worker

    def logs(self) -> str:
        return "\n".join(worker.tail() for worker in self.started)

    def wait(self, condition, what, seconds=TIMEOUT):
        """Until `condition()` is true; fail with the workers' logs after `seconds`, or at
        once if a worker the test did not kill has exited."""

        def died():
            return [worker for worker in self.started if not worker.running() and not worker.killed]

        if not wait_for(lambda: condition() or died(), seconds) or died():
            self.logs_shown = True
            problem = (
                f"{', '.join(w.name for w in died())} exited" if died() else f"timed out after {seconds} s"
            )
            pytest.fail(f"Waiting for {what}: {problem}.\n{self.logs()}", pytrace=False)

    def wait_for_sweeps(self, worker: Worker, more: int, at_least: int = 0):
        """Until `worker` has finished `more` sweeps after this moment (and `at_least` in all)."""
        target = max(worker.sweeps() + more, at_least)
        self.wait(lambda: worker.sweeps() >= target, f"{target} sweeps by {worker.name}")

    def stop(self):
        """A private broker (or folder) goes with the test, so its workers are simply
        killed; on the configured (shared) broker they shut down properly, and the test's
        queue is deleted after them."""
        for worker in self.started:
            worker.stop(gracefully=self.on_configured_broker)
        url = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or ""
        if self.on_configured_broker and url.startswith(("redis://", "rediss://")):
            with contextlib.suppress(redis.RedisError):
                redis.Redis.from_url(url).delete(self.queue, f"_kombu.binding.{self.queue}")


_failed = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        item.stash[_failed] = True
    return report


@pytest.fixture
def mailbox(tmp_path):
    return Mailbox(tmp_path / "mailbox")


@pytest.fixture
def workers(transactional_db, tmp_path, mailbox, request):
    workers = Workers(tmp_path, mailbox)
    yield workers
    workers.stop()
    if request.node.stash.get(_failed, False) and not workers.logs_shown:
        print(workers.logs())


@pytest.fixture
def worker(workers):
    """A worker with its scheduler on the configured broker: Redis in CI (REDIS_URL), the
    filesystem queue of the quick start otherwise."""
    return workers.start(wait=False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, on a free port, keeping nothing on disk: stopping
    it loses every queued message, as a broker restart without persistence would."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self) -> bool:
        result = subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-p", str(self.port), "ping"], capture_output=True, text=True
        )
        return result.stdout.strip() == "PONG"

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.folder)]
        command += ["--logfile", str(self.folder / "redis.log")]
        self.process = subprocess.Popen(command, cwd=self.folder, start_new_session=True)
        if not wait_for(lambda: self.ping() or self.process.poll() is not None, 20, 0.05) or not self.ping():
            log = (self.folder / "redis.log").read_text(errors="replace")[-3000:]
            pytest.fail(f"redis-server did not start on port {self.port}:\n{log}", pytrace=False)
        return self

    def stop(self):
        """`redis-cli shutdown nosave`, as an operator would."""
        if self.process is None or self.process.poll() is not None:
            return
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", str(self.port), "shutdown", "nosave"])
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of the test's own. CI installs redis-server; elsewhere, without it,
    the tests that need it are skipped."""
    if not (shutil.which("redis-server") and shutil.which("redis-cli")):
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server and redis-cli are needed (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()
