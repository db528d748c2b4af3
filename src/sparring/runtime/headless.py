"""Headless runs: play a scenario with replies from a file (`sparring run`).

Authors use it to test scenarios; the tests use it end to end. It opens the rehearsal the same
way the app does (`runtime.rehearsal`) and writes the same transcript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sparring.runtime.rehearsal import RehearsalSpec, open_rehearsal
from sparring.session.live import Session, Turn


@dataclass
class RunResult:
    session: Session
    transcript: Path
    unused_replies: int = 0
    turns: list[Turn] = field(default_factory=list)
    failure: OSError | None = None
    """Writing the transcript failed after these turns (e.g. the disk filled up)."""


async def run(spec: RehearsalSpec, replies: list[str], *, now: datetime | None = None) -> RunResult:
    """Play `replies` in order until they run out or the conversation ends. Raises OSError
    only when the transcript cannot even be created."""
    session = await open_rehearsal(spec, now=now)
    assert session.transcript_path is not None
    result = RunResult(session, session.transcript_path)
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
