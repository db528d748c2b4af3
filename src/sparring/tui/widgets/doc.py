"""Rich text built line by line, where an indented line keeps its indent when it wraps.

Rich's Text wraps every continuation line to column 0, so a long bullet or reason in a narrow
panel loses its indentation and reads as a new paragraph. A Doc keeps each line's indent as a
hanging indent (a padded block; a bullet's text wraps under the text, not the marker), and
renders as one Group a Static can show.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import StyleType
from rich.table import Table
from rich.text import Text


@dataclass
class _Line:
    indent: int
    text: Text
    marker: Text | None = None


class Doc:
    """Lines of styled text, each with its own (hanging) indent."""

    def __init__(self) -> None:
        self._lines: list[_Line] = []

    def line(self, text: str | Text = "", style: StyleType = "", *, indent: int = 0) -> Text:
        """Add a line and return it, so more styled pieces can be appended to it."""
        line = Text(text, style=style) if isinstance(text, str) else text
        self._lines.append(_Line(indent, line))
        return line

    def bullet(self, marker: str, marker_style: StyleType = "", *, indent: int = 2) -> Text:
        """Add a bulleted line (its text wraps under itself) and return its text to fill."""
        text = Text()
        self._lines.append(_Line(indent, text, Text(marker, style=marker_style)))
        return text

    def blank(self) -> None:
        self.line()

    def extend(self, other: Doc) -> None:
        self._lines.extend(other._lines)

    @property
    def plain(self) -> str:
        return "\n".join(
            " " * line.indent + (line.marker.plain if line.marker else "") + line.text.plain
            for line in self._lines
        )

    def renderable(self) -> RenderableType:
        return Group(*(self._render(line) for line in self._lines))

    @staticmethod
    def _render(line: _Line) -> RenderableType:
        body: RenderableType = line.text
        if line.marker is not None:
            grid = Table.grid()
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1)
            grid.add_row(line.marker, line.text)
            body = grid
        return Padding(body, (0, 0, 0, line.indent)) if line.indent else body
