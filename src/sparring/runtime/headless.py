"""Headless runs: play a scenario with replies from a file (`sparring run`).

Authors use it to test scenarios; the tests use it end to end. It drives the same Session as
the app and writes the same transcript.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from sparring.adapters.files.limited_io import read_limited
from sparring.adapters.files.transcripts import default_transcript_path
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.diagnostics import Diagnostic, LoadError, display_path
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.judge.base import Judge
from sparring.persona.voices import Voice
from sparring.session.live import Session, Turn


@dataclass
class RunResult:
    session: Session
    transcript: Path
    unused_replies: int = 0
    turns: list[Turn] = field(default_factory=list)
    failure: OSError | None = None
    """Writing the transcript failed after these turns (e.g. the disk filled up)."""

    def to_json(self) -> dict[str, Any]:
        s = self.session
        return {
            "scenario": s.scenario.id,
            "ending": s.ending.id if s.ending else None,
            "opening": [e.text for e in s.opening],
            "turns": [
                {
                    "turn": t.number,
                    "reply": t.user_text,
                    "assessment": t.assessment.model_dump(mode="json"),
                    "state": {
                        "meters": t.state.meters,
                        "revealed": t.state.revealed,
                        "stage": t.state.stage,
                        "reaction": t.state.reaction.value,
                    },
                    "persona": [p.text for p in t.persona],
                    "notices": t.notices,
                }
                for t in s.turns
            ],
            "transcript": str(self.transcript),
            "unused_replies": self.unused_replies,
        }


MAX_REPLIES_BYTES = 10_000_000


def read_replies(lines: Iterable[str]) -> list[str]:
    """One reply per line; blank lines are skipped; a literal '\\n' inside a line is a
    newline (so multi-line replies fit on one line)."""
    return [line.rstrip("\r\n").replace("\\n", "\n") for line in lines if line.strip()]


def load_replies(source: str, stdin: BinaryIO | None = None) -> list[str]:
    """The replies in a file (or stdin for '-'), checked: a regular file of at most 10 MB, no
    reply longer than the judge reads. Raises LoadError naming the file and line."""
    shown = "<stdin>" if source == "-" else display_path(source)
    if source == "-":
        raw = (stdin or sys.stdin.buffer).read(MAX_REPLIES_BYTES + 1)
        if len(raw) > MAX_REPLIES_BYTES:
            raise LoadError(
                [Diagnostic(shown, 1, 1, "more than 10 MB of replies; split them into files")]
            )
    else:
        try:
            raw = read_limited(source, MAX_REPLIES_BYTES, shown, "replies file")
        except LoadError as exc:
            if "pipe" in exc.diagnostics[0].message:
                raise LoadError(
                    [Diagnostic(shown, 1, 1, "is a pipe; to pipe replies in, use --replies -")]
                ) from None
            raise
    text = raw.decode("utf-8", "replace")
    replies: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        reply = line.replace("\\n", "\n")
        if len(reply) > MAX_REPLY_CHARS:
            raise LoadError(
                [
                    Diagnostic(
                        shown,
                        number,
                        1,
                        f"this reply is {len(reply):,} characters long; the limit is "
                        f"{MAX_REPLY_CHARS:,}",
                    )
                ]
            )
        replies.append(reply)
    if not replies:
        raise LoadError([Diagnostic(shown, 1, 1, "no replies (one reply per line)")])
    return replies


async def run(
    scenario: Scenario,
    rubric: Rubric,
    replies: list[str],
    *,
    session_rubric: Rubric | None = None,
    seed: int = 0,
    out: Path | None = None,
    judge: Judge | None = None,
    voice: Voice | None = None,
    now: datetime | None = None,
) -> RunResult:
    now = now or datetime.now().astimezone()
    path = out or default_transcript_path(scenario.id, now)
    session = await Session.start(
        scenario,
        rubric,
        session_rubric=session_rubric,
        judge=judge,
        voice=voice,
        seed=seed,
        transcript=path,
        now=now,
    )
    result = RunResult(session, path)
    try:
        for i, reply in enumerate(replies):
            if session.over:
                result.unused_replies = len(replies) - i
                break
            result.turns.append(await session.submit(reply))
    except OSError as exc:  # the transcript could not be written: report, keep what is saved
        result.failure = exc
        result.unused_replies = len(replies) - len(result.turns)
    finally:
        try:
            session.close()
        except OSError as exc:
            result.failure = result.failure or exc
    return result


def render_text(result: RunResult) -> Iterator[str]:
    s = result.session
    persona = s.scenario.persona
    yield f"{s.scenario.title} - you play {s.scenario.you_play}"
    yield ""
    for event in s.opening:
        yield f"{persona.name}: {event.text}"
    for t in s.turns:
        yield ""
        yield f"[{t.number}] {s.scenario.user_name}: {t.user_text}"
        scores = " | ".join(f"{d.name} {d.score}/5" for d in t.assessment.scores)
        yield f"    {scores}"
        for d in t.assessment.scores:
            yield f"    - {d.name}: {d.rationale}"
        for note in t.assessment.notes:
            yield f"    note: {note}"
        yield f"    better: {t.assessment.suggestion}"
        for notice in t.notices:
            yield f"    ! {notice}"
        meters = ", ".join(
            f"{s.scenario.meter_label(n).lower()} {v}"
            + (f" ({t.state.effects[n]:+d})" if t.state.effects.get(n) else "")
            for n, v in t.state.meters.items()
        )
        yield f"    [{meters}]"
        for p in t.persona:
            tag = " (reveals: " + s.scenario.concern(p.reveals).title + ")" if p.reveals else ""
            yield f"{persona.name}: {p.text}{tag}"
    yield ""
    if s.ending:
        yield f"Ending: {s.ending.id} - {s.ending.title}"
    else:
        yield "No ending yet: the replies ran out (resume it in the app)."
    if result.unused_replies:
        yield f"({result.unused_replies} replies were not used: the conversation had ended)"
    yield f"Transcript: {result.transcript}"
