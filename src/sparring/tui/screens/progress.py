"""Progress across sessions: per dimension, the mean score of every session as a sparkline,
for all scenarios or one; below, the sessions themselves, any of which opens in replay."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Select, Static

from sparring.session.endings import ending_label
from sparring.session.session_progress import ORIGINAL, SessionEntry, progress_series
from sparring.tui.labels import abbreviations
from sparring.tui.navigation import nav
from sparring.tui.widgets.feedback import SCORE_STYLE
from sparring.tui.widgets.footer import KeyBar
from sparring.tui.widgets.title_bar import TitleBar
from sparring.tui.widgets.trend_chart import TrendChart

ALL = "*all*"


class ProgressScreen(Screen[None]):
    # Scoped to this screen, and parsed only when it is first shown (not at start-up).
    DEFAULT_CSS = """
    ProgressScreen #scenario { width: 1fr; margin: 0 1; }
    ProgressScreen #trend { height: auto; padding: 0 1; margin-bottom: 1; }
    ProgressScreen #sessions { height: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("f", "filter", "Scenario"),
        # a short word, so that more of the footer fits a 60-column terminal
        Binding("e", "export", "Report", tooltip="Save the HTML report in the reports folder"),
    ]

    def __init__(self, entries: list[SessionEntry], scenario: str | None = None) -> None:
        super().__init__()
        self.entries = entries
        self.scenario = scenario if any(e.scenario_id == scenario for e in entries) else None

    def compose(self) -> ComposeResult:
        counts: dict[str, tuple[str, int]] = {}
        for e in self.entries:
            title, n = counts.get(e.scenario_id, (e.title, 0))
            counts[e.scenario_id] = (title, n + 1)
        options: list[tuple[Text, str]] = [(Text(f"All scenarios ({len(self.entries)})"), ALL)]
        options += [
            (Text(f"{title} ({n})"), scenario_id)
            for scenario_id, (title, n) in sorted(counts.items(), key=lambda kv: -kv[1][1])
        ]
        yield TitleBar()
        yield Select(options, value=self.scenario or ALL, allow_blank=False, id="scenario")
        yield Static("", id="trend")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Progress"
        self.sub_title = "Enter replays a session; f picks a scenario"
        self.show()
        self.query_one(DataTable).focus()

    @property
    def shown(self) -> list[SessionEntry]:
        """The sessions of the chosen scenario (all when none), newest first."""
        return [e for e in self.entries if self.scenario in (None, e.scenario_id)]

    def show(self) -> None:
        entries = self.shown
        series = progress_series(entries, ORIGINAL)
        self.query_one("#trend", Static).update(TrendChart(series, len(entries)))
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear(columns=True)
        labels = abbreviations([s.name for s in series])
        one = self.scenario is not None  # then the scenario column says nothing
        table.add_columns("started", *([] if one else ["scenario"]), "replies", "ending", *labels)
        for e in entries:
            scoring = e.scoring(ORIGINAL)
            cells = []
            for s in series:
                mean = scoring.mean(s.id) if scoring else None
                style = SCORE_STYLE[max(1, min(5, round(mean)))] if mean is not None else "dim"
                cells.append(Text(f"{mean:.1f}" if mean is not None else "·", style=style))
            # Text cells: a plain str cell would be read as markup, and these come from files
            table.add_row(
                Text(e.started_at.replace("T", " ")[:16]),
                *([] if one else [Text(e.title)]),
                Text(str(e.turns)),
                Text(ending_label(e.ending)),
                *cells,
                key=str(e.path),
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        value = event.value
        self.scenario = None if value == ALL or not isinstance(value, str) else value
        self.show()
        self.query_one(DataTable).focus()  # back to the sessions, to open one

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            nav(self).open_replay(Path(event.row_key.value))

    def action_filter(self) -> None:
        select = self.query_one(Select)
        select.focus()
        select.action_show_overlay()

    def action_back(self) -> None:
        nav(self).open_history()

    def action_export(self) -> None:
        from sparring.adapters.files.errors import explain_os_error
        from sparring.adapters.report.files import reports_dir, write_report
        from sparring.adapters.report.progress_report import render_progress_html

        target = reports_dir() / f"progress-{self.scenario or 'all'}.html"
        try:
            written = write_report(target, render_progress_html(self.shown))
        except OSError as exc:
            self.notify(explain_os_error(exc, "write the report"), severity="error", timeout=15)
            return
        self.notify(f"Report saved: {written}", timeout=10)
