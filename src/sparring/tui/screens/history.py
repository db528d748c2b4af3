"""Saved conversations: open one to replay it, or mark two to compare."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from sparring.session.endings import ending_label
from sparring.session.session_progress import ORIGINAL, SessionEntry
from sparring.tui.labels import abbreviations
from sparring.tui.navigation import nav
from sparring.tui.widgets.feedback import SCORE_STYLE
from sparring.tui.widgets.footer import KeyBar
from sparring.tui.widgets.title_bar import TitleBar


def mean_scores(entry: SessionEntry) -> Text:
    """Each dimension's mean over the replies, e.g. "L 4.2  N 3.8  I 4.0", coloured."""
    scoring = entry.scoring(ORIGINAL)
    text = Text()
    if scoring is None:
        return text
    labels = abbreviations([d.name for d in scoring.dimensions])
    for i, (label, dim) in enumerate(zip(labels, scoring.dimensions, strict=True)):
        text.append("  " if i else "")
        text.append(f"{label} ", style="dim")
        text.append(f"{dim.mean:.1f}", style=SCORE_STYLE[max(1, min(5, round(dim.mean)))])
    return text


class HistoryScreen(Screen[None]):
    # Scoped to this screen, and parsed only when it is first shown (not at start-up).
    DEFAULT_CSS = """
    HistoryScreen #history { height: 1fr; }
    HistoryScreen #history-status, HistoryScreen #empty { height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("enter", "open", "Replay", priority=True),
        Binding("space", "mark", "Mark", tooltip="Mark two attempts to compare"),
        Binding("c", "compare", "Compare", tooltip="Compare the two marked attempts"),
        Binding("p", "progress", "Progress"),
    ]

    def __init__(self, entries: list[SessionEntry]) -> None:
        super().__init__()
        self.entries = entries
        self.marked: list[Path] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        if not self.entries:
            yield Static("No saved conversations yet. Rehearse one first.", id="empty")
        table: DataTable[str] = DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="history-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "History"
        self.sub_title = "Enter replays; Space marks two to compare"
        table = self.query_one(DataTable)
        table.add_columns(" ", "started", "scenario", "replies", "ending", "from", "mean scores")
        for entry in self.entries:
            # Text cells: a plain str cell would be parsed as markup, and these come from files
            table.add_row(
                Text(" "),
                Text(entry.started_at.replace("T", " ")[:16]),
                Text(entry.title),
                Text(str(entry.turns)),
                Text(ending_label(entry.ending)),
                Text("rewind" if entry.parent else ""),
                mean_scores(entry),
                key=str(entry.path),
            )
        table.focus()

    def _current(self) -> Path | None:
        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return Path(key) if key else None

    def action_back(self) -> None:
        nav(self).show_picker()

    def action_progress(self) -> None:
        path = self._current()
        entry = next((e for e in self.entries if e.path == path), None)
        nav(self).open_progress(entry.scenario_id if entry else None)

    def action_open(self) -> None:
        path = self._current()
        if path is not None:
            nav(self).open_replay(path)

    def action_mark(self) -> None:
        path = self._current()
        if path is None:
            return
        table = self.query_one(DataTable)
        if path in self.marked:
            self.marked.remove(path)
            table.update_cell(str(path), table.ordered_columns[0].key, Text(" "))
        else:
            self.marked = [*self.marked[-1:], path]
            for row_key in table.rows:
                table.update_cell(
                    row_key,
                    table.ordered_columns[0].key,
                    Text("✓" if Path(str(row_key.value)) in self.marked else " "),
                )
        self.query_one("#history-status", Static).update(
            f"{len(self.marked)} marked" + (": press c to compare" if len(self.marked) == 2 else "")
        )

    def action_compare(self) -> None:
        if len(self.marked) != 2:
            self.notify("Mark two conversations with Space first.", severity="warning")
            return
        nav(self).open_compare(self.marked[0], self.marked[1])
