"""Two attempts side by side, dimension by dimension."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from sparring.session.comparison import Comparison
from sparring.session.endings import ending_label
from sparring.tui.widgets.feedback import SCORE_STYLE
from sparring.tui.widgets.footer import KeyBar
from sparring.tui.widgets.title_bar import TitleBar


def series(values: list[int]) -> Text:
    text = Text()
    for i, v in enumerate(values):
        text.append(" " if i else "")
        text.append(str(v), style=SCORE_STYLE[v])
    return text


# Below this width the table drops its grid and the per-reply scores, so it fits unwrapped.
COMPACT_WIDTH = 100


def render_comparison(c: Comparison, *, compact: bool = False) -> Table:
    """The comparison as a table; `compact` for narrow terminals: averages only, no grid."""
    # Every cell is a Text: Rich reads a plain str cell as markup, and endings and labels come
    # from transcripts.
    if compact:
        table = Table(expand=True, box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
    else:
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
        left = Text(f"{d.left_mean:.1f}  " if d.left_mean is not None else "-  ")
        right = Text(f"{d.right_mean:.1f}  " if d.right_mean is not None else "-  ")
        if not compact:
            left.append_text(series(d.left))
            right.append_text(series(d.right))
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
    CompareScreen.-compact #compare { padding: 0 1; }
    """

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="compare"):
            if not self.comparison.same_scenario:
                yield Static(
                    Text(
                        "These are attempts at different scenarios: the scores compare, the "
                        "conversations do not.",
                        style="yellow",
                    ),
                    id="compare-warning",
                )
            yield Static(id="compare-table")
            yield Static(id="compare-help")
        yield KeyBar()

    def on_resize(self) -> None:
        self._render_table()

    def _render_table(self) -> None:
        compact = self.size.width < COMPACT_WIDTH
        self.set_class(compact, "-compact")
        table = render_comparison(self.comparison, compact=compact)
        self.query_one("#compare-table", Static).update(table)
        rows = "Each row: the average" + ("." if compact else ", then every reply's score.")
        self.query_one("#compare-help", Static).update(
            Text(
                f"Older on the left, newer on the right: a positive change is an improvement. "
                f"{rows}",
                style="dim",
            )
        )

    def on_mount(self) -> None:
        self._render_table()
        self.title = f"Compare: {self.comparison.title}"
        day = self.comparison.same_day
        self.sub_title = f"both started {day}" if day else ""
