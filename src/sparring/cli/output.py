"""What the command line prints reaches the terminal safely, whatever it contains.

Every command prints through these streams: control characters and bidi controls from files or
replies are made visible (so a scenario cannot set the clipboard or retitle the window through
`sparring list`), and characters the terminal's encoding cannot show are replaced instead of
raising UnicodeEncodeError (`PYTHONIOENCODING=latin-1`). The app itself draws through Textual,
which writes to the original streams.
"""

from __future__ import annotations

import contextlib
import errno
import io
import sys
from typing import TextIO

from sparring.formats.untrusted import visible


class SafeStream(io.TextIOBase):
    """A text stream that passes everything through `untrusted.visible` to `target`."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target = target
        reconfigure = getattr(target, "reconfigure", None)
        if callable(reconfigure):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")

    def write(self, text: str) -> int:
        safe = visible(text)
        try:
            self.target.write(safe)
        except UnicodeEncodeError:
            encoding = getattr(self.target, "encoding", None) or "ascii"
            self.target.write(safe.encode(encoding, "replace").decode(encoding, "replace"))
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return self.target.isatty()

    def fileno(self) -> int:
        return self.target.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.target, "encoding", None) or "utf-8"


def guard_streams() -> None:
    """Route sys.stdout and sys.stderr through SafeStream (once)."""
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)


_CAUSE = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.ENOENT: "a folder on the path does not exist",
    errno.EEXIST: "something already exists there (perhaps a broken link)",
    errno.EISDIR: "that is a folder, not a file",
}


def explain_os_error(exc: OSError, doing: str) -> str:
    """One line: what failed, on which path, and why in plain words. `doing` is e.g. "write
    the transcript"; callers add what to do about it."""
    text = f"cannot {doing}"
    if exc.filename is not None:
        text += f" ({exc.filename})"
    return text + ": " + _CAUSE.get(exc.errno or 0, exc.strerror or type(exc).__name__)
