"""Reading files that someone else may have made: regular files only, never past a limit.

Every reader of a user-supplied file (scenarios, rubrics, transcripts, replies, labelled
records) opens it here. A FIFO would hang a plain `open()` and `/dev/zero` never ends, so the
file is opened without blocking, checked to be a regular file, and read no further than its
limit. Problems come back as a `LoadError` naming the file.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sparring.formats.diagnostics import Diagnostic, LoadError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _problem(shown: str, message: str) -> LoadError:
    return LoadError([Diagnostic(shown, 1, 1, message)])


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def open_regular(path: Path | str, shown: str, what: str = "file") -> BinaryIO:
    """Open a regular file for reading in binary; refuse anything else with a LoadError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _problem(shown, f"no such {what}") from None
    except IsADirectoryError:
        raise _problem(shown, "is a folder, not a file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _problem(shown, "is a link that points to itself") from None
        raise _problem(shown, f"cannot read: {exc.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise _problem(shown, f"cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise _problem(shown, f"is {kind}, not a {what}; sparring reads regular files only")
    return os.fdopen(fd, "rb")


def read_limited(path: Path | str, limit: int, shown: str, what: str = "file") -> bytes:
    """The whole file, if it is a regular file of at most `limit` bytes."""
    with open_regular(path, shown, what) as f:
        try:
            size = os.fstat(f.fileno()).st_size
            raw = f.read(limit + 1) if size <= limit else b""
        except OSError as exc:
            raise _problem(shown, f"cannot read: {exc.strerror}") from None
    if size > limit or len(raw) > limit:
        raise _problem(
            shown,
            f"is too large for a {what} ({megabytes(max(size, len(raw)))}; "
            f"the limit is {megabytes(limit)})",
        )
    return raw


def iter_lines_limited(
    f: BinaryIO, line_limit: int
) -> Iterator[tuple[int, bytes | None, int, bool]]:
    """(line number, the line or None when it is longer than `line_limit`, its length, whether
    it ended with a newline). A line too long to keep is skipped without being held in
    memory."""
    number = 0
    while True:
        chunk = f.readline(line_limit + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) <= line_limit or chunk.endswith(b"\n"):
            yield number, chunk, len(chunk), chunk.endswith(b"\n")
            continue
        size = len(chunk)
        ended = False
        while True:  # drain the rest of the long line
            more = f.readline(1 << 20)
            size += len(more)
            if not more or more.endswith(b"\n"):
                ended = more.endswith(b"\n")
                break
        yield number, None, size, ended
