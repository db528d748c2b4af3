"""Transcript files: append-only writing that survives a crash, and forgiving reading.

Every event is written as one line and flushed at once, so nothing the user typed is held in
memory only; each completed turn is also fsynced. A crash can leave at most a half-written last
line, which the reader skips with a warning.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import IO, Any, BinaryIO

from pydantic import BaseModel, ValidationError

from sparring.adapters.files.embedded import EventCheck, embedded_models
from sparring.adapters.files.limited_io import iter_lines_limited, megabytes, open_regular
from sparring.formats.diagnostics import Diagnostic, LoadError, display_path
from sparring.session.events import (
    FORMAT_VERSION,
    Header,
    dump_event,
    parse_event,
)
from sparring.session.record import TranscriptData


class TranscriptLocked(OSError):
    """Another process is writing this transcript (a second resume of the same session)."""


def _lock(fd: int) -> bool:
    """An exclusive advisory lock on an open file; False when another process holds one.
    Held until the file is closed (or the process ends, however it ends)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; a second writer is not detected
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a filesystem without locks: carry on rather than refuse
    return True


class TranscriptWriter:
    """Appends events to a transcript file, which it holds locked while open: a second
    process that tries to resume the same conversation is refused (`TranscriptLocked`)."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "x" if create else "a"
        self._file: IO[str] | None = open(path, mode, encoding="utf-8", newline="\n")  # noqa: SIM115
        if not _lock(self._file.fileno()):
            self._file.close()
            self._file = None
            raise TranscriptLocked(
                errno.EAGAIN,
                "this conversation is open in another sparring window; finish or quit it there "
                "first",
                str(path),
            )
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

    def record(self, event: BaseModel) -> None:
        """Write one event as one line, flushed at once (a Recorder)."""
        self.write_raw(dump_event(event))

    def commit(self) -> None:
        """Make everything written so far durable (called at the end of every turn)."""
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None:
            try:
                self.commit()
            finally:
                self._file.close()
                self._file = None


# Limits for reading a transcript someone may have doctored. A 200-reply session is about
# 1 MB; a reply is at most 20,000 characters.
MAX_TRANSCRIPT_BYTES = 64_000_000
MAX_HEADER_LINE = 8_000_000
MAX_EVENT_LINE = 1_000_000


def read_transcript(path: Path) -> TranscriptData:
    """Read a transcript. Damaged, oversized or inconsistent lines are skipped with a warning;
    a missing or foreign header, or an embedded scenario that is not valid, is an error
    (LoadError). Every string is made safe to show before it is used."""
    shown = display_path(path)
    with open_regular(path, shown, "transcript") as f:
        try:
            size = os.fstat(f.fileno()).st_size
        except OSError:
            size = 0
        if size > MAX_TRANSCRIPT_BYTES:
            raise LoadError(
                [
                    Diagnostic(
                        shown,
                        1,
                        1,
                        f"is too large for a transcript ({megabytes(size)}; the limit is "
                        f"{megabytes(MAX_TRANSCRIPT_BYTES)})",
                    )
                ]
            )
        try:
            return _read_lines(f, path, shown)
        except OSError as exc:
            raise LoadError([Diagnostic(shown, 1, 1, f"cannot read: {exc.strerror}")]) from None


def _read_lines(f: BinaryIO, path: Path, shown: str) -> TranscriptData:
    data: TranscriptData | None = None
    warnings: list[Diagnostic] = []
    check: EventCheck | None = None
    for number, raw, length, ended in iter_lines_limited(f, MAX_HEADER_LINE):
        limit = MAX_HEADER_LINE if data is None else MAX_EVENT_LINE
        if raw is None or length > limit:
            if data is None:
                raise LoadError([Diagnostic(shown, number, 1, "not a sparring transcript")])
            warnings.append(
                Diagnostic(
                    shown,
                    number,
                    1,
                    f"this line is too long ({megabytes(length)}; the limit is "
                    f"{megabytes(limit)}); skipped",
                )
            )
            continue
        line = raw.decode("utf-8", "replace")
        if not line.strip():
            continue
        try:
            event = parse_event(line)
        except (ValueError, ValidationError) as exc:
            if data is None:
                raise LoadError(
                    [Diagnostic(shown, number, 1, "not a sparring transcript (no header line)")]
                ) from None
            why = (
                "the last line was cut off (the session was interrupted while writing); skipped"
                if not ended
                else f"this line is damaged and was skipped ({_why(exc)})"
            )
            warnings.append(Diagnostic(shown, number, 1, why))
            continue
        if data is None:
            data = _open_header(event, path, shown, number, warnings)
            check = EventCheck(data.scenario)
            continue
        assert check is not None
        problem = check.problem(event)
        if problem:
            warnings.append(Diagnostic(shown, number, 1, f"{problem}; this line was skipped"))
            continue
        data.events.append(event)
    if data is None:
        raise LoadError([Diagnostic(shown, 1, 1, "empty transcript")])
    data.warnings = warnings
    return data


def _why(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"][1:] if p != "function-after")
        return f"{where}: {first['msg']}" if where else str(first["msg"])
    return str(exc) or type(exc).__name__


def _open_header(
    event: Any, path: Path, shown: str, number: int, warnings: list[Diagnostic]
) -> TranscriptData:
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
    found = embedded_models(event, shown, number)
    warnings.extend(found.warnings)
    return TranscriptData(path, event, found.scenario, found.rubric, found.session_rubric)
