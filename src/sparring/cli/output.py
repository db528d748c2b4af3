"""What the command line prints reaches the terminal safely, whatever it contains.

Every command prints through these streams: control characters and bidi controls from files or
replies are made visible (so a scenario cannot set the clipboard or retitle the window through
`sparring list`), and characters the terminal's encoding cannot show are replaced instead of
raising UnicodeEncodeError (`PYTHONIOENCODING=latin-1`). The app itself draws through Textual,
which writes to the original streams.
"""

from __future__ import annotations

import contextlib
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
