"""The debrief: how it ended, scores over the turns, the best and worst moment, the session
rubric, the concerns found and missed, and a way to try again from the worst moment."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from sparring.debrief import Debrief
from sparring.engine import Session
from sparring.tui.navigation import nav
from sparring.tui.widgets.feedback import SCORE_STYLE
from sparring.tui.widgets.title_bar import TitleBar

CELL_STYLE = {
    1: "bold white on red",
    2: "white on dark_red",
    3: "black on yellow",
    4: "black on green",
    5: "bold black on bright_green",
}
OUTCOME_STYLE = {"good": "bold green", "bad": "bold red", "neutral": "bold yellow", None: "bold"}


def score_chart(debrief: Debrief) -> Text:
    """One row per dimension: the score of every reply, coloured, then the average."""
    out = Text()
    turns = max((len(v) for v in debrief.series.values()), default=0)
    out.append(f"{'reply':<26}", style="dim")
    out.append("".join(f"{n:^3}" for n in range(1, turns + 1)), style="dim")
    out.append("   avg\n", style="dim")
    for dim_id, name in debrief.dimensions:
        values = debrief.series.get(dim_id, [])
        out.append(f"{name:<26}", style="bold")
        for v in values:
            out.append(f" {v} ", style=CELL_STYLE[v])
        avg = debrief.averages.get(dim_id)
        if avg is not None:
            out.append(f"   {avg:.1f}", style=SCORE_STYLE[max(1, min(5, round(avg)))])
        out.append("\n")
    return out


def render_debrief(session: Session, debrief: Debrief) -> Text:
    persona = session.scenario.persona.name
    out = Text()
    title = debrief.ending_title or "You ended the conversation before it reached an ending"
    out.append(f"{title}\n", style=OUTCOME_STYLE.get(debrief.outcome, "bold"))
    if debrief.closing_line:
        out.append(f"{persona}: “{debrief.closing_line}”\n", style="italic")
    out.append(f"\n{len(session.turns)} replies.\n\n", style="dim")
    if debrief.dimensions and session.turns:
        out.append("Your scores, reply by reply\n", style="bold underline")
        out.append_text(score_chart(debrief))
    if debrief.best is not None:
        out.append("\nBest moment", style="bold underline")
        out.append(f" (reply {debrief.best.turn})\n")
        out.append(f"  “{debrief.best.quote}”\n", style="green")
    if debrief.worst is None and session.turns:
        out.append(
            "\nNo weak moment: every reply scored 4 or more on every dimension.\n", style="green"
        )
    if debrief.worst is not None:
        out.append("\nHardest moment", style="bold underline")
        out.append(f" (reply {debrief.worst.turn})\n")
        out.append(f"  “{debrief.worst.quote}”\n", style="red")
        out.append("  A better reply: ", style="bold")
        out.append(f"“{debrief.worst.suggestion}”\n", style="italic")
    if debrief.session:
        name = session.session_rubric.name if session.session_rubric else "Session"
        out.append(f"\n{name} (over the whole conversation)\n", style="bold underline")
        for item in debrief.session:
            style = SCORE_STYLE[max(1, min(5, round(item.score)))]
            out.append(f"  {item.name:<24}", style="bold")
            out.append(f"{item.score:.1f}/5\n", style=style)
            out.append(f"    {item.rationale}\n", style="dim")
    if debrief.revealed or debrief.missed:
        out.append("\nWhat was really going on\n", style="bold underline")
        for _, title_, turn in debrief.revealed:
            out.append("  ✓ ", style="green")
            out.append(f"{title_}", style="bold")
            out.append(f" (reply {turn})\n", style="dim")
        for _, title_, detail in debrief.missed:
            out.append("  ✗ ", style="red")
            out.append(f"{title_}\n", style="bold")
            out.append(f"    {detail}\n", style="dim")
    return out


class DebriefScreen(Screen[None]):
    BINDINGS = [
        Binding("t", "try_again", "Try again"),
        Binding("r", "replay", "Replay"),
        Binding("n", "new", "New rehearsal"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.debrief = session.debrief()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="debrief"):
            yield Static(render_debrief(self.session, self.debrief), id="debrief-body")
            with Horizontal(id="debrief-actions"):
                turn = self.retry_turn
                if turn is not None:
                    yield Button(f"Try again from reply {turn}", id="try-again", variant="primary")
                yield Button("Replay", id="replay")
                yield Button("New rehearsal", id="new")
        yield Footer()

    @property
    def retry_turn(self) -> int | None:
        if self.debrief.retry_turn is not None:
            return self.debrief.retry_turn
        return 1 if self.session.turns else None

    def on_mount(self) -> None:
        self.title = f"Debrief: {self.session.scenario.title}"
        self.sub_title = ""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "try-again": self.action_try_again,
            "replay": self.action_replay,
            "new": self.action_new,
        }
        if event.button.id in actions:
            actions[event.button.id]()

    def action_try_again(self) -> None:
        turn = self.retry_turn
        if turn is None or self.session.transcript_path is None:
            self.notify("Nothing to try again yet.", severity="warning")
            return
        nav(self).rewind(self.session.transcript_path, turn)

    def action_replay(self) -> None:
        if self.session.transcript_path is None:
            self.notify("This session was not saved.", severity="warning")
            return
        nav(self).open_replay(self.session.transcript_path)

    def action_new(self) -> None:
        nav(self).show_picker()
