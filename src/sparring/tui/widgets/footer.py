"""The key bar at the bottom of every screen: compact on narrow terminals, so Quit stays on it
at 60 columns whatever else a screen offers."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 100
"""Below this many columns the keys are packed closer together."""


class KeyBar(Footer):
    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < NARROW
