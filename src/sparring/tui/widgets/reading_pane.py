"""A pane the user reads and scrolls (the conversation, the feedback): Tab focuses it, and the
focus is plain to see (an accent border and the keys that work there)."""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll

READING_KEYS = "↑↓ PgUp PgDn scroll · type to reply"


class ReadingPane(VerticalScroll):
    """A focusable scrolling pane, marked while it has the focus."""

    DEFAULT_CSS = """
    ReadingPane:focus { border: round $accent; background-tint: $foreground 4%; }
    """

    can_focus = True
    KEYS_ON_TOP = False
    """Show the keys in the top border (for a pane with no title of its own)."""

    def on_focus(self, _: events.Focus) -> None:
        self._show_keys(READING_KEYS)

    def on_blur(self, _: events.Blur) -> None:
        self._show_keys("")

    def _show_keys(self, keys: str) -> None:
        if self.KEYS_ON_TOP:
            self.border_title = keys
        else:
            self.border_subtitle = keys
