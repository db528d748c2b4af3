"""Saved conversations on disk: where new ones go, the list of them (read from headers and
tails, not whole files), rewound copies and unsent drafts."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sparring.adapters.files import paths
from sparring.adapters.files.limited_io import open_regular
from sparring.adapters.files.transcripts import MAX_HEADER_LINE, TranscriptWriter
from sparring.formats.diagnostics import LoadError
from sparring.formats.untrusted import visible
from sparring.session.events import FORMAT_VERSION, Header, Parent
from sparring.session.record import TranscriptData
from sparring.session.saved import SavedSummary

TAIL_BYTES = 65_536
MAX_TAIL_BYTES = 4_194_304


def default_transcript_path(scenario_id: str, now: datetime, *, trial: bool = False) -> Path:
    """A new file in the transcripts folder (or, for an author's trial run, the trials folder,
    so trying a scenario twenty times does not bury the user's own practice)."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    folder = paths.trials_dir() if trial else paths.transcripts_dir()
    candidate = folder / f"{stamp}-{scenario_id}.jsonl"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stamp}-{scenario_id}-{n}.jsonl"
        n += 1
    return candidate


def list_saved(folder: Path | None = None) -> list[SavedSummary]:
    """Every saved conversation in the folder that can be read, newest first. Each is read
    from its header and its last lines only, so a long list stays quick."""
    folder = folder or paths.transcripts_dir()
    entries = []
    for file in folder.glob("*.jsonl") if folder.is_dir() else []:
        summary = summarise(file)
        if summary is not None:
            entries.append(summary)
    entries.sort(key=lambda e: (_moment(e.started_at), e.path.name), reverse=True)
    return entries


def summarise(path: Path) -> SavedSummary | None:
    """A saved conversation's summary from its header and tail; None if it is not one."""
    try:
        with open_regular(path, str(path), "transcript") as f:
            header = _header(f.readline(MAX_HEADER_LINE + 1))
            if header is None:
                return None
            start, size = f.tell(), os.fstat(f.fileno()).st_size
            window = TAIL_BYTES
            while True:  # the last turn's lines can be long: widen until a state is in view
                f.seek(max(start, size - window))
                turns, ending = _last_turn_and_ending(f.read(window))
                if turns or size - window <= start or window >= MAX_TAIL_BYTES:
                    break
                window *= 4
    except (LoadError, OSError):
        return None
    return SavedSummary(
        path=path,
        started_at=header.started_at,
        scenario_id=header.scenario.id,
        title=visible(str(header.scenario.data.get("title") or header.scenario.id))[:200],
        turns=turns,
        ending=ending,
        parent=header.parent.path if header.parent else None,
        has_draft=draft_path(path).exists(),
    )


def _header(line: bytes) -> Header | None:
    if not line.endswith(b"\n") and len(line) > MAX_HEADER_LINE:
        return None
    try:
        data = json.loads(line.decode("utf-8", "replace"))
        if not isinstance(data, dict) or data.get("type") != "header":
            return None
        header = Header.model_validate(
            {**data, "started_at": visible(str(data.get("started_at", "")))}
        )
    except (ValueError, RecursionError):
        return None
    return header if header.format <= FORMAT_VERSION else None


def _last_turn_and_ending(tail: bytes) -> tuple[int, str | None]:
    """The last completed turn and the ending, if any, from the last lines of a file."""
    turns, ending = 0, None
    for raw in reversed(tail.split(b"\n")):
        try:
            event: Any = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # a cut line (the tail's first, or a crash's last)
        if not isinstance(event, dict):
            continue
        kind, turn = event.get("type"), event.get("turn")
        if kind == "ending" and ending is None and isinstance(event.get("id"), str):
            ending = visible(event["id"])[:200]
        if kind == "state" and isinstance(turn, int) and 0 <= turn <= 10_000:
            return turn, ending
    return turns, ending


def draft_path(transcript: Path) -> Path:
    """Where the unsent reply of a conversation is kept."""
    return transcript.with_suffix(".draft")


def save_draft(transcript: Path, text: str) -> None:
    """Keep an unsent reply (or forget it when blank). Raises OSError."""
    path = draft_path(transcript)
    if text.strip():
        path.write_text(text, encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def load_draft(transcript: Path) -> str:
    """The unsent reply, or "" (an unreadable draft is no draft)."""
    try:
        with open_regular(draft_path(transcript), "draft") as f:
            return visible(f.read(400_000).decode("utf-8", "replace"))
    except (LoadError, OSError):
        return ""


def _moment(stamp: str) -> datetime:
    """A start time as an aware datetime (stamps may carry different UTC offsets)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def sibling_path(path: Path, suffix: str) -> Path:
    """A new file next to `path`, e.g. for a rewound attempt."""
    stem = _UNSAFE.sub("-", path.stem)
    candidate = path.with_name(f"{stem}-{suffix}.jsonl")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}-{suffix}-{n}.jsonl")
        n += 1
    return candidate


def write_rewound(
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
        writer.record(header)
        for event in data.events:
            if getattr(event, "turn", 0) < turn and event.type != "ending":
                writer.record(event)
        writer.commit()
    finally:
        writer.close()
    return target
