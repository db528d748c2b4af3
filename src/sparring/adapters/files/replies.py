"""Replies files for `sparring run`: one reply per line, checked before anything is played."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import BinaryIO

from sparring.adapters.files.limited_io import read_limited
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.diagnostics import Diagnostic, LoadError, display_path

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
