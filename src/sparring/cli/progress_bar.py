"""A one-line progress bar on the terminal, for long batches (`sparring score`).

Shown only when standard error is a terminal and the batch is long enough to be worth it, so
scripts and pipes get clean output. It writes to the real stream, under the guard that makes
everything else visible, because it needs a carriage return; the only text of its own that it
shows (a file name) goes through `untrusted.visible` first.
"""

from __future__ import annotations

import sys
from typing import TextIO

from sparring.formats.untrusted import visible

LONG_BATCH = 5
"""From this many files on, a batch shows a progress bar."""
WIDTH = 24


def terminal_stream() -> TextIO:
    """Standard error itself (not the guard around it)."""
    stream = sys.stderr
    return getattr(stream, "target", stream)


class ProgressBar:
    def __init__(self, total: int, stream: TextIO | None = None, *, force: bool = False) -> None:
        self.total = total
        self.stream = stream or terminal_stream()
        self.shown = force or (total >= LONG_BATCH and self.stream.isatty())
        self._last = 0

    def update(self, done: int, name: str = "") -> None:
        if not self.shown or self.total <= 0:
            return
        filled = WIDTH * done // self.total
        bar = "█" * filled + "░" * (WIDTH - filled)
        line = f"{bar} {done}/{self.total} {visible(name)[:40]}"
        pad = max(0, self._last - len(line))
        self._last = len(line)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()

    def close(self) -> None:
        if self.shown and self._last:
            self.stream.write("\r" + " " * self._last + "\r")
            self.stream.flush()
