"""Replay a saved conversation turn by turn, with each reply's assessment; rewind from any
turn into a new attempt; compare with the attempt it came from."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from sparring.engine import Session
from sparring.transcript_file import TranscriptData
from sparring.tui.navigation import nav
from sparring.tui.widgets.doc import Doc
from sparring.tui.widgets.feedback import render_feedback
from sparring.tui.widgets.state_panel import render_state
from sparring.tui.widgets.title_bar import TitleBar


def turn_prompt(session: Session, index: int) -> Text:
    turn = session.turns[index]
    text = Text()
    scores = " ".join(str(s.score) for s in turn.assessment.scores)
    text.append(f"{turn.number:>2}. ", style="bold")
    text.append(turn.user_text.replace("\n", " ")[:60])
    text.append(f"  [{scores}]", style="dim")
    return text


class ReplayScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("right", "step(1)", "Next", show=False),
        Binding("w", "rewind", "Rewind from here"),
        Binding("c", "compare", "Compare with parent"),
        Binding("d", "debrief", "Debrief"),
    ]

    def __init__(self, data: TranscriptData) -> None:
        super().__init__()
        self.data = data
        self.session = Session.from_transcript(data)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="replay"):
            yield OptionList(
                *[
                    Option(turn_prompt(self.session, i), id=str(i))
                    for i in range(len(self.session.turns))
                ],
                id="turns",
            )
            with VerticalScroll(id="turn-detail"):
                yield Static("", id="turn-body")
        yield Footer()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 90, "narrow")

    def on_mount(self) -> None:
        s = self.session
        self.title = f"Replay: {s.scenario.title}"
        ending = s.ending.title if s.ending else "unfinished"
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

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show_turn(int(event.option.id))

    def show_turn(self, index: int) -> None:
        s = self.session
        turn = s.turns[index]
        persona = s.scenario.persona.name
        before = s.turns[index - 1].persona if index else s.opening
        out = Doc()
        for event in before:
            out.line(f"{persona}: ", "bold").append(event.text, style="not bold")
            out.blank()
        out.line(f"You ({s.scenario.user_name}): ", "bold").append(turn.user_text, style="not bold")
        out.blank()
        out.extend(render_feedback(turn.user_text, turn.assessment, coach=True))
        out.blank()
        out.line("Then", "bold")
        for event in turn.persona:
            out.line(f"{persona}: ", "bold").append(event.text, style="not bold")
        out.blank()
        from sparring.persona import PersonaState

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

        self.app.push_screen(DebriefScreen(self.session))
