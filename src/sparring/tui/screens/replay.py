"""Replay a saved conversation turn by turn, with each reply's assessment; rewind from any
turn into a new attempt; compare with the attempt it was rewound from."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sparring.session.endings import ending_label
from sparring.session.record import ConversationRecord, TranscriptData
from sparring.tui.labels import abbreviations, shorten
from sparring.tui.navigation import nav
from sparring.tui.widgets.doc import Doc
from sparring.tui.widgets.feedback import SCORE_STYLE, render_feedback
from sparring.tui.widgets.footer import KeyBar
from sparring.tui.widgets.state_panel import render_state
from sparring.tui.widgets.title_bar import TitleBar

NUMBER_WIDTH = 4  # "12. "
MIN_REPLY_WIDTH = 8


class TurnRow:
    """One row of the reply list: the reply number, the reply cut at a word boundary to fit
    the list's width, then one aligned column per dimension. A Rich renderable, so it fits
    itself to whatever width the list has (the header row uses it too, with labels)."""

    def __init__(self, number: str, reply: Text | str, cells: list[Text], cell_width: int) -> None:
        self.number = number
        self.reply = reply
        self.cells = cells
        self.cell_width = cell_width

    def line(self, width: int) -> Text:
        cells_width = len(self.cells) * (self.cell_width + 1) - 1 if self.cells else 0
        room = max(MIN_REPLY_WIDTH, width - NUMBER_WIDTH - 2 - cells_width)
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"{self.number:>{NUMBER_WIDTH - 2}}. " if self.number else " " * NUMBER_WIDTH)
        reply = self.reply if isinstance(self.reply, Text) else Text(shorten(self.reply, room))
        text.append_text(reply)
        text.append(" " * (room - reply.cell_len + 2))
        for i, cell in enumerate(self.cells):
            text.append(" " * (1 if i else 0) + " " * (self.cell_width - cell.cell_len))
            text.append_text(cell)
        return text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.line(options.max_width)


def score_columns(session: ConversationRecord) -> list[tuple[str, str]]:
    """The per-reply dimensions as (id, name), in the order their columns are shown."""
    return [(d.id, d.name) for d in session.rubric.turn_dimensions]


def turn_row(session: ConversationRecord, index: int, cell_width: int) -> TurnRow:
    turn = session.turns[index]
    by_dimension = {s.dimension: s.score for s in turn.assessment.scores}
    cells = []
    for dim_id, _ in score_columns(session):
        score = by_dimension.get(dim_id)
        cells.append(Text(str(score), style=SCORE_STYLE[score]) if score else Text("·", "dim"))
    return TurnRow(str(turn.number), turn.user_text, cells, cell_width)


def header_row(labels: list[str], cell_width: int) -> TurnRow:
    cells = [Text(label, style="bold") for label in labels]
    return TurnRow("", Text("your reply", style="dim"), cells, cell_width)


def legend(labels: list[str], names: list[str]) -> Text:
    text = Text("Scores 1-5: ", style="dim")
    for i, (label, name) in enumerate(zip(labels, names, strict=True)):
        text.append(" · " if i else "", style="dim")
        text.append(label, style="bold")
        text.append(f" {name}", style="dim")
    return text


class ReplayScreen(Screen[None]):
    # Scoped to this screen, and parsed only when it is first shown (not at start-up).
    DEFAULT_CSS = """
    ReplayScreen #replay { height: 1fr; }
    ReplayScreen #turns-pane { width: 2fr; height: 1fr; }
    /* The header row sits over the options' text: the list's border and padding on the left,
       its padding, border and (always reserved) scrollbar on the right. */
    ReplayScreen #turns-header { height: 1; padding: 0 4 0 2; }
    ReplayScreen #turns { height: 1fr; scrollbar-gutter: stable; }
    ReplayScreen #turns-legend { height: auto; padding: 0 1; }
    ReplayScreen #turn-detail { width: 3fr; height: 1fr; padding: 0 1; border: round $primary; }
    ReplayScreen.narrow #replay { layout: vertical; }
    ReplayScreen.narrow #turns-pane { width: 1fr; height: 1fr; }
    ReplayScreen.narrow #turn-detail { width: 1fr; height: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("right", "step(1)", "Next", show=False),
        Binding("w", "rewind", "Rewind", tooltip="A new attempt from this reply"),
        Binding("c", "compare", "Compare", tooltip="Compare with the original"),
        Binding("d", "debrief", "Debrief"),
        # a short word, so that more of the footer fits a 60-column terminal
        Binding("e", "export", "Report", tooltip="Save an HTML report in the reports folder"),
    ]

    def __init__(self, data: TranscriptData, *, from_debrief: bool = False) -> None:
        """`from_debrief`: opened on top of this conversation's debrief, so Back returns
        to it (otherwise Back goes to History)."""
        super().__init__()
        self.data = data
        self.session = ConversationRecord.from_saved(data)
        self.from_debrief = from_debrief

    def compose(self) -> ComposeResult:
        columns = score_columns(self.session)
        labels = abbreviations([name for _, name in columns])
        cell_width = max((len(label) for label in labels), default=1)
        yield TitleBar()
        with Horizontal(id="replay"):
            with Vertical(id="turns-pane"):
                yield Static(header_row(labels, cell_width), id="turns-header")
                yield OptionList(
                    *[
                        Option(turn_row(self.session, i, cell_width), id=str(i))
                        for i in range(len(self.session.turns))
                    ],
                    id="turns",
                )
                yield Static(legend(labels, [name for _, name in columns]), id="turns-legend")
            with VerticalScroll(id="turn-detail"):
                yield Static("", id="turn-body")
        yield KeyBar()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 90, "narrow")

    def on_mount(self) -> None:
        s = self.session
        self.title = f"Replay: {s.scenario.title}"
        ending = ending_label(s.ending.id if s.ending else None)
        parent = (
            f", rewound from reply {self.data.header.parent.turn}"
            if self.data.header.parent
            else ""
        )
        self.sub_title = f"{self.data.header.started_at[:16].replace('T', ' ')} · {ending}{parent}"
        for warning in self.data.warnings:
            self.notify(str(warning), severity="warning")
        option_list = self.query_one(OptionList)
        if self.session.turns:
            option_list.highlighted = 0
        else:
            self.query_one("#turn-body", Static).update("This conversation has no replies yet.")
        option_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "compare":
            # only an attempt rewound from another one has an original to compare with
            return self.data.header.parent is not None
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show_turn(int(event.option.id))

    def show_turn(self, index: int) -> None:
        s = self.session
        turn = s.turns[index]
        persona = s.scenario.persona.name
        before = s.turns[index - 1].persona if index else s.opening
        out = Doc()
        for notice in [] if index else s.opening_notices:
            out.line(notice, "italic red")
        for event in before:
            if event.cut:
                continue  # the line said after it is what they answered
            out.line(f"{persona}: ", "bold").append(event.text, style="not bold")
            out.blank()
        out.line(f"You ({s.scenario.user_name}): ", "bold").append(turn.user_text, style="not bold")
        out.blank()
        out.extend(render_feedback(turn.user_text, turn.assessment, coach=True))
        out.blank()
        out.line("Then", "bold")
        for notice in turn.notices:
            out.line(notice, "italic red")
        for event in turn.persona:
            line = out.line(f"{persona}: ", "bold")
            line.append(event.text, style="not bold")
            if event.cut:
                line.append(" — cut off", style="dim italic")
        out.blank()
        from sparring.persona.rules import PersonaState

        state = PersonaState(
            turn.state.meters, tuple(turn.state.revealed), turn.number, turn.state.stage
        )
        out.extend(render_state(s.scenario, state, turn.state.effects, turn.number))
        self.query_one("#turn-body", Static).update(out.renderable())
        self.query_one("#turn-detail", VerticalScroll).scroll_home(animate=False)

    @property
    def current(self) -> int | None:
        return self.query_one(OptionList).highlighted

    def action_step(self, delta: int) -> None:
        option_list = self.query_one(OptionList)
        if self.session.turns:
            index = (option_list.highlighted or 0) + delta
            option_list.highlighted = max(0, min(len(self.session.turns) - 1, index))

    def action_back(self) -> None:
        if self.from_debrief:
            self.app.pop_screen()
        else:
            nav(self).open_history()

    def action_rewind(self) -> None:
        index = self.current
        if index is None:
            self.notify("Pick the reply you want to take again.", severity="warning")
            return
        nav(self).rewind(self.data.path, index + 1)

    def action_compare(self) -> None:
        parent = self.data.header.parent
        if parent is None:
            self.notify(
                "This attempt was not rewound from another one; compare from History.",
                severity="warning",
            )
            return
        nav(self).open_compare(Path(parent.path), self.data.path)

    def action_debrief(self) -> None:
        from sparring.tui.screens.debrief import DebriefScreen

        if self.from_debrief:
            self.app.pop_screen()  # the debrief it was opened from
        else:
            self.app.push_screen(DebriefScreen(self.session, from_replay=True))

    def action_export(self) -> None:
        from sparring.tui.screens.debrief import export_report

        export_report(self, self.data.path)
