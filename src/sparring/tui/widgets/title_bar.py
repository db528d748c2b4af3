"""A title bar: the screen's title and subtitle, on one line (two on a narrow terminal, rather
than cut off). Lighter than Textual's Header (no clock, no icon), so the first screen paints
sooner."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TitleBar(Static):
    # Not scoped: the second rule starts from the screen (".narrow"), above this widget.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    TitleBar { dock: top; height: 1; width: 1fr; background: $panel;
               color: $foreground; text-align: center; text-style: bold; }
    .narrow TitleBar { height: auto; max-height: 2; }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._refresh_title)
        self.watch(self.screen, "sub_title", self._refresh_title)

    def _refresh_title(self, _: object = None) -> None:
        text = Text(self.screen.title or self.app.title or "", style="bold")
        if self.screen.sub_title:
            text.append(f"  —  {self.screen.sub_title}", style="dim")
        self.update(text)
