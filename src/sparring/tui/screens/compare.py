"""Two attempts side by side, dimension by dimension."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from sparring.adapters.files.transcripts import TranscriptData
from sparring.session.comparison import Comparison
from sparring.tui.labels import ending_label
from sparring.tui.widgets.feedback import SCORE_STYLE
from sparring.tui.widgets.title_bar import TitleBar


def _is_parent(parent: TranscriptData, child: TranscriptData) -> bool:
    link = child.header.parent
    return link is not None and Path(link.path).resolve() == parent.path.resolve()


def start_labels(left: str, right: str) -> tuple[str, str]:
    """The start times of two attempts, told apart: the time on the same day (else the date
    too), with seconds when they started in the same minute."""
    start = 11 if left[:10] == right[:10] else 0  # ISO: 2025-03-04T08:40:00+01:00
    end = 19 if left[:16] == right[:16] else 16
    return left[start:end].replace("T", " "), right[start:end].replace("T", " ")


def ordered_with_labels(
    a: TranscriptData, b: TranscriptData
) -> tuple[TranscriptData, TranscriptData, str, str]:
    """The two attempts to compare, left and right, with their column labels. When one was
    rewound from the other, the original is on the left, and the labels say which is which:
    "original (08:43)", "from reply 5 (08:45)"."""
    if _is_parent(b, a):
        a, b = b, a
    left, right = start_labels(a.header.started_at, b.header.started_at)
    if _is_parent(a, b) and b.header.parent is not None:
        return a, b, f"original ({left})", f"from reply {b.header.parent.turn} ({right})"
    return a, b, left, right


def series(values: list[int]) -> Text:
    text = Text()
    for i, v in enumerate(values):
        text.append(" " if i else "")
        text.append(str(v), style=SCORE_STYLE[v])
    return text


def render_comparison(c: Comparison) -> Table:
    # Every cell is a Text: Rich reads a plain str cell as markup, and endings and labels come
    # from transcripts.
    table = Table(expand=True, show_lines=True)
    table.add_column(Text(""))
    table.add_column(Text(c.left_label), ratio=1)
    table.add_column(Text(c.right_label), ratio=1)
    table.add_column(Text("change"), justify="right")
    table.add_row(
        Text("Ending"),
        Text(ending_label(c.left_ending)),
        Text(ending_label(c.right_ending)),
        Text(""),
    )
    table.add_row(Text("Replies"), Text(str(c.left_turns)), Text(str(c.right_turns)), Text(""))
    table.add_row(
        Text("Concerns found"),
        Text(f"{c.left_revealed}/{c.concerns}"),
        Text(f"{c.right_revealed}/{c.concerns}"),
        Text(
            f"{c.right_revealed - c.left_revealed:+d}",
            style="green" if c.right_revealed >= c.left_revealed else "red",
        ),
    )
    for d in c.dimensions:
        left = Text(f"{d.left_mean:.1f}  " if d.left_mean is not None else "-  ").append_text(
            series(d.left)
        )
        right = Text(f"{d.right_mean:.1f}  " if d.right_mean is not None else "-  ").append_text(
            series(d.right)
        )
        change = Text("")
        if d.change is not None:
            change = Text(
                f"{d.change:+.1f}", style="green" if d.change > 0 else "red" if d.change < 0 else ""
            )
        table.add_row(Text(d.name, style="bold"), left, right, change)
    return table


class CompareScreen(Screen[None]):
    # Scoped to this screen, and parsed only when it is first shown (not at start-up).
    DEFAULT_CSS = """
    CompareScreen #compare { padding: 1 2; }
    """

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, comparison: Comparison, title: str, day: str = "") -> None:
        super().__init__()
        self.comparison = comparison
        self.heading = title
        self.day = day

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="compare"):
            yield Static(render_comparison(self.comparison), id="compare-table")
            yield Static(
                Text("Each row: the average, then every reply's score in order.", style="dim"),
                id="compare-help",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Compare: {self.heading}"
        self.sub_title = f"both started {self.day}" if self.day else ""
