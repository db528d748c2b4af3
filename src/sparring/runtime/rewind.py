"""Rewind: a new attempt that starts with a transcript's history up to a chosen turn.

The new transcript is self-contained (it copies the header and the events before the turn)
and records where it came from, so attempts form a tree that replay and compare can follow.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sparring.adapters.files.transcripts import TranscriptData, TranscriptWriter, sibling_path
from sparring.session.events import Header, Parent


def rewind(
    data: TranscriptData, turn: int, target: Path | None = None, *, now: datetime | None = None
) -> Path:
    """Write a new transcript holding `data`'s history before reply `turn` (1-based): the
    opening and turns 1..turn-1. Returns its path; `Session.resume` continues it."""
    if turn < 1:
        raise ValueError("turns start at 1")
    target = target or sibling_path(data.path, f"from-turn-{turn}")
    header: Header = data.header.model_copy(
        update={
            "started_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
            "parent": Parent(path=str(data.path), turn=turn),
        }
    )
    writer = TranscriptWriter(target)
    try:
        writer.write(header)
        for event in data.events:
            if getattr(event, "turn", 0) < turn and event.type != "ending":
                writer.write(event)
        writer.sync()
    finally:
        writer.close()
    return target
