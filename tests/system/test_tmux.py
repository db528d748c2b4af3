"""The installed program in a real terminal: tmux runs `sparring`, the test types into it and
reads the screen back with `capture-pane`. This is what Pilot cannot show: the console script,
a real terminal driver, real key sequences.

The tmux server is a private one (its own socket), so nothing the user runs is touched, and it
is killed in a `finally`. Skipped when tmux is missing (CI installs it).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import read_transcript
from sparring.formats.diagnostics import LoadError
from sparring.session.events import PersonaEvent, UserEvent

pytestmark = pytest.mark.tmux

TIMEOUT = 20.0
REPLIES = [
    "That sounds really hard. What has been happening?",
    "I missed those visits. What did that cost you?",
]


class Terminal:
    """A detached 120x40 tmux session on a private server."""

    def __init__(self, socket: str, name: str) -> None:
        self.socket = socket
        self.name = name
        # The tmux server copies its environment into the session. Under pytest the C-level
        # environment holds COLUMNS=80 and LINES=24 (set during start-up, below os.environ),
        # and Textual takes the size from them: pass Python's view, without them.
        self.env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}

    @property
    def socket_path(self) -> Path:
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        return folder / self.socket

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            check=check,
            capture_output=True,
            text=True,
            timeout=10,
            env=self.env,
        )

    def screen(self) -> str:
        result = self.tmux("capture-pane", "-p", "-t", self.name, check=False)
        return result.stdout

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def press(self, key: str) -> None:
        self.tmux("send-keys", "-t", self.name, key)

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", self.name, check=False).returncode == 0

    def wait_for(self, ready: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while True:
            shown = self.screen()
            if ready(shown):
                return shown
            if time.monotonic() > deadline:
                size = self.tmux(
                    "display", "-p", "-t", self.name, "#{pane_width}x#{pane_height}", check=False
                ).stdout.strip()
                raise AssertionError(f"timed out waiting for {what}; the {size} screen:\n{shown}")
            time.sleep(0.2)


@pytest.fixture
def terminal(sparring_home: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (CI installs it): cannot drive a real terminal")
    program = Path(sys.executable).parent / "sparring"
    assert program.exists(), f"the console script is not installed next to {sys.executable}"
    term = Terminal(f"sparring-test-{os.getpid()}-{uuid.uuid4().hex[:8]}", "sparring")
    command = (
        f"env -u COLUMNS -u LINES SPARRING_HOME={shlex.quote(str(sparring_home))} "
        f"{shlex.quote(str(program))}"
    )
    try:
        # -f /dev/null: no user config; the status line is switched off so the app gets 40 rows
        term.tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", term.name, "-x", "120", "-y", "40",
            command,
        )  # fmt: skip
        term.tmux("set-option", "-t", term.name, "status", "off")
        yield term
    finally:
        term.tmux("kill-session", "-t", term.name, check=False)
        term.tmux("kill-server", check=False)
        term.socket_path.unlink(missing_ok=True)


def shows(*parts: str) -> Callable[[str], bool]:
    return lambda screen: all(part in screen for part in parts)


def the_transcript(home: Path) -> Path | None:
    files = sorted((home / "transcripts").glob("*.jsonl"))
    return files[0] if files else None


def persona_answer(home: Path, turn: int) -> str | None:
    path = the_transcript(home)
    if path is None:
        return None
    try:
        events = read_transcript(path).events
    except LoadError:  # caught between the file's creation and its first line
        return None
    said = [e for e in events if isinstance(e, PersonaEvent)]
    return next((e.text for e in said if e.turn == turn), None)


def test_two_replies_in_a_real_terminal(terminal: Terminal, sparring_home: Path) -> None:
    terminal.wait_for(shows("Pick a conversation to rehearse"), "the picker")
    terminal.press("Enter")
    terminal.wait_for(shows("Your reply to Sarah"), "the rehearsal")

    for turn, reply in enumerate(REPLIES, start=1):
        terminal.type(reply)
        terminal.wait_for(shows(reply), f"reply {turn} in the editor")
        terminal.press("Enter")
        deadline = time.monotonic() + TIMEOUT
        while (answer := persona_answer(sparring_home, turn)) is None:
            assert time.monotonic() < deadline, f"no answer to reply {turn} in the transcript"
            time.sleep(0.2)
        opening_words = " ".join(answer.split()[:4])
        shown = terminal.wait_for(
            shows(opening_words, "/5", f"Turn {turn}/"),
            f"the persona's answer {turn} and the feedback",
        )

    for reply in REPLIES:
        assert reply in shown, f"{reply!r} is not on the screen:\n{shown}"
    assert "Feedback on your last reply" in shown
    score_lines = [line for line in shown.splitlines() if "/5" in line]
    assert len(score_lines) >= 3, shown  # one per dimension of the flagship's rubric

    terminal.press("C-q")
    deadline = time.monotonic() + TIMEOUT
    while terminal.alive():
        assert time.monotonic() < deadline, f"sparring did not quit:\n{terminal.screen()}"
        time.sleep(0.2)

    path = the_transcript(sparring_home)
    assert path is not None
    users = [e for e in read_transcript(path).events if isinstance(e, UserEvent)]
    assert [(e.turn, e.text) for e in users] == list(enumerate(REPLIES, start=1))
    assert not path.with_suffix(".draft").exists(), "nothing was left unsent"
