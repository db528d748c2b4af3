"""Scores across sessions as sparklines: one line per dimension, one bar per session (oldest
on the left), on a fixed 1-5 scale so a small change looks small, coloured by score, then
the first, latest and best mean. A Rich renderable: it fits whatever width it is given,
showing the latest sessions when there are more than fit."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from sparring.session.session_progress import DimensionSeries
from sparring.tui.labels import shorten
from sparring.tui.widgets.feedback import SCORE_STYLE

BARS = "▁▂▃▄▅▆▇█"
NAME_WIDTH = 18
FIGURES_WIDTH = 28  # "  2.3 → 4.1  best 4.4  +1.8"


def bar(value: float) -> str:
    """A mean score from 1 to 5 as one of eight bar heights."""
    level = round((min(5.0, max(1.0, value)) - 1) / 4 * (len(BARS) - 1))
    return BARS[level]


def sparkline(values: Sequence[float], width: int) -> Text:
    shown = list(values)[-width:] if width > 0 else []
    text = Text()
    for value in shown:
        text.append(bar(value), style=SCORE_STYLE[max(1, min(5, round(value)))])
    return text


class TrendChart:
    def __init__(self, series: Sequence[DimensionSeries], sessions: int) -> None:
        self.series = list(series)
        self.sessions = sessions

    def lines(self, width: int) -> list[Text]:
        if not self.series:
            return [Text("No scored replies yet: rehearse, then come back.", style="dim")]
        name_width = min(NAME_WIDTH, max(len(s.name) for s in self.series))
        room = max(4, width - name_width - 1 - FIGURES_WIDTH)
        longest = max(len(s.points) for s in self.series)
        room = min(room, max(12, longest))  # the figures stay next to a short line
        out = []
        for s in self.series:
            line = Text(no_wrap=True, overflow="crop")
            line.append(f"{shorten(s.name, name_width):<{name_width}} ", style="bold")
            spark = sparkline(s.values, room)
            line.append_text(spark)
            line.append(" " * (room - spark.cell_len))
            if s.first is not None and s.latest is not None and s.best is not None:
                line.append(f"  {s.first:.1f} → {s.latest:.1f}", style="")
                line.append(f"  best {s.best:.1f}", style="dim")
                if s.change is not None:
                    style = "green" if s.change > 0 else "red" if s.change < 0 else "dim"
                    line.append(f"  {s.change:+.1f}", style=style)
            out.append(line)
        hidden = max(0, longest - room)
        note = f" (the latest {room})" if hidden else ""
        out.append(
            Text(
                f"Mean score per session, oldest on the left{note}: ▁ 1 … █ 5",
                style="dim",
                no_wrap=True,
                overflow="ellipsis",
            )
        )
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)
