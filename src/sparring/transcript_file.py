"""Transcript files: append-only writing that survives a crash, and forgiving reading.

Every event is written as one line and flushed at once, so nothing the user typed is held in
memory only; each completed turn is also fsynced. A crash can leave at most a half-written last
line, which the reader skips with a warning.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from sparring import paths
from sparring.diagnostics import Diagnostic, LoadError, display_path
from sparring.transcript import (
    FORMAT_VERSION,
    EndingEvent,
    Header,
    dump_event,
    parse_event,
)


class TranscriptWriter:
    """Appends events to a transcript file."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "x" if create else "a"
        self._file: IO[str] | None = open(path, mode, encoding="utf-8", newline="\n")  # noqa: SIM115
        if not create:
            self._repair_tail()

    def _repair_tail(self) -> None:
        # A crash mid-write leaves a partial last line: end it so the next event starts clean.
        with open(self.path, "rb") as f:
            f.seek(0, os.SEEK_END)
            if f.tell() == 0:
                return
            f.seek(-1, os.SEEK_END)
            last = f.read(1)
        if last != b"\n":
            self.write_raw("")

    def write_raw(self, line: str) -> None:
        assert self._file is not None, "transcript is closed"
        self._file.write(line + "\n")
        self._file.flush()

    def write(self, event: BaseModel) -> None:
        self.write_raw(dump_event(event))

    def sync(self) -> None:
        """Make everything written so far durable (called at the end of every turn)."""
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None:
            self.sync()
            self._file.close()
            self._file = None


@dataclass
class TranscriptData:
    """A transcript as read back: its header, its events, and anything that was skipped."""

    path: Path
    header: Header
    events: list[Any] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def ending(self) -> EndingEvent | None:
        return next((e for e in reversed(self.events) if isinstance(e, EndingEvent)), None)


def read_transcript(path: Path) -> TranscriptData:
    """Read a transcript. Damaged lines are skipped with a warning; a missing or foreign header
    is an error (LoadError)."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LoadError([Diagnostic(shown, 1, 1, "no such transcript")]) from None
    except IsADirectoryError:
        raise LoadError([Diagnostic(shown, 1, 1, "is a folder, not a transcript")]) from None
    except OSError as exc:
        raise LoadError([Diagnostic(shown, 1, 1, f"cannot read: {exc.strerror}")]) from None
    text = raw.decode("utf-8", "replace")
    lines = text.split("\n")
    complete_end = text.endswith("\n")
    header: Header | None = None
    events: list[Any] = []
    warnings: list[Diagnostic] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        last = number == len(lines) or (number == len(lines) - 1 and not lines[-1])
        try:
            event = parse_event(line)
        except (ValueError, ValidationError):
            if header is None:
                raise LoadError(
                    [Diagnostic(shown, number, 1, "not a sparring transcript (no header line)")]
                ) from None
            why = (
                "the last line was cut off (the session was interrupted while writing); skipped"
                if last and not complete_end
                else "this line is damaged and was skipped"
            )
            warnings.append(Diagnostic(shown, number, 1, why))
            continue
        if header is None:
            if not isinstance(event, Header):
                raise LoadError(
                    [Diagnostic(shown, number, 1, "not a sparring transcript (no header line)")]
                )
            if event.format > FORMAT_VERSION:
                raise LoadError(
                    [
                        Diagnostic(
                            shown,
                            number,
                            1,
                            f"transcript format {event.format} is newer than this sparring "
                            f"understands ({FORMAT_VERSION}); upgrade sparring",
                        )
                    ]
                )
            header = event
            continue
        events.append(event)
    if header is None:
        raise LoadError([Diagnostic(shown, 1, 1, "empty transcript")])
    return TranscriptData(path, header, events, warnings)


def default_transcript_path(scenario_id: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    folder = paths.transcripts_dir()
    candidate = folder / f"{stamp}-{scenario_id}.jsonl"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stamp}-{scenario_id}-{n}.jsonl"
        n += 1
    return candidate


@dataclass(frozen=True)
class HistoryEntry:
    """A saved transcript as the history list shows it."""

    path: Path
    started_at: str
    scenario_id: str
    title: str
    turns: int
    ending: str | None
    parent: str | None
    has_draft: bool = False


def list_history(folder: Path | None = None) -> list[HistoryEntry]:
    """Every readable transcript in the folder, newest first."""
    folder = folder or paths.transcripts_dir()
    entries = []
    for file in sorted(folder.glob("*.jsonl"), reverse=True) if folder.is_dir() else []:
        try:
            data = read_transcript(file)
        except LoadError:
            continue
        turns = max((getattr(e, "turn", 0) for e in data.events), default=0)
        ending = data.ending
        entries.append(
            HistoryEntry(
                path=file,
                started_at=data.header.started_at,
                scenario_id=data.header.scenario.id,
                title=str(data.header.scenario.data.get("title", data.header.scenario.id)),
                turns=turns,
                ending=ending.id if ending else None,
                parent=data.header.parent.path if data.header.parent else None,
                has_draft=file.with_suffix(".draft").exists(),
            )
        )
    entries.sort(key=lambda e: _moment(e.started_at), reverse=True)
    return entries


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
