"""A folder for a mailbox: an email backend for a worker in another process, and the
test's view of what it sent.

The worker is started with EMAIL_BACKEND=tests.reminders.mailbox.FolderBackend and
MAILBOX_DIR=<a folder>. Each message becomes one JSON file there, written to a temporary
name and renamed, so the test never reads half a message.

To hold a worker in the middle of a send, list the recipient's address in MAILBOX_DIR/hang
(one address a line): the backend then blocks before writing, for as long as the address
is listed, so a test can kill the worker there. While it blocks it keeps a file
`hanging-<pid>` holding the address, so the test knows it has got there.
"""

import contextlib
import json
import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

HANG = "hang"


def _listed(folder: Path) -> set[str]:
    try:
        return {line.strip().lower() for line in (folder / HANG).read_text().splitlines() if line.strip()}
    except FileNotFoundError:
        return set()


def _write_atomically(path: Path, text: str):
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


class FolderBackend(BaseEmailBackend):
    """Writes each message as a JSON file into the folder named by MAILBOX_DIR."""

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.folder = Path(os.environ["MAILBOX_DIR"])

    def _wait_while_hung(self, addresses):
        marker = self.folder / f"hanging-{os.getpid()}"
        while hung := sorted({address.lower() for address in addresses} & _listed(self.folder)):
            if not marker.exists():
                _write_atomically(marker, "\n".join(hung))
            time.sleep(0.05)
        marker.unlink(missing_ok=True)

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            self._wait_while_hung(message.recipients())
            html = [
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ]
            record = {
                "from": message.from_email,
                "to": list(message.to),
                "cc": list(message.cc),
                "bcc": list(message.bcc),
                "subject": message.subject,
                "body": message.body,
                "html": html[0] if html else "",
                "pid": os.getpid(),
                "written_at": time.time(),
            }
            _write_atomically(
                self.folder / f"{time.time_ns():020d}-{uuid.uuid4().hex}.json", json.dumps(record)
            )
            sent += 1
        return sent


class Mailbox:
    """The test's side of the folder: what arrived, and which addresses hang."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def messages(self) -> list[dict]:
        """Every message written so far, oldest first."""
        return [json.loads(path.read_text()) for path in sorted(self.folder.glob("*.json"))]

    def to(self, address: str) -> list[dict]:
        return [message for message in self.messages() if address in message["to"]]

    def hang(self, *addresses: str):
        """Make a send to any of these addresses block until `release` is called."""
        _write_atomically(self.folder / HANG, "".join(f"{address}\n" for address in addresses))

    def release(self):
        (self.folder / HANG).unlink(missing_ok=True)

    def hanging(self) -> set[str]:
        """The addresses a worker is blocked on now (or was, when it was killed there)."""
        found = set()
        for marker in self.folder.glob("hanging-*"):
            with contextlib.suppress(FileNotFoundError):
                found.update(marker.read_text().split())
        return found
