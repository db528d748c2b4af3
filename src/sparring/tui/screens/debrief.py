"""The debrief: how it ended, scores over the turns, the best and worst moment, the session
rubric, the concerns found and missed, and a way to try again from the worst moment."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from sparring.session.debrief import Debrief
from sparring.session.record import ConversationRecord
from sparring.session.session_progress import AgainstPrevious
from sparring.tui.navigation import nav
from sparring.tui.widgets.doc import Doc
from sparring.tui.widgets.feedback import SCORE_STYLE
from sparring.tui.widgets.footer import KeyBar
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


def render_debrief(session: ConversationRecord, debrief: Debrief) -> Doc:
    persona = session.scenario.persona.name
    out = Doc()
    title = debrief.ending_title or "You ended the conversation before it reached an ending"
    out.line(title, OUTCOME_STYLE.get(debrief.outcome, "bold"))
    if debrief.closing_line:
        out.line(f"{persona}: “{debrief.closing_line}”", "italic")
    out.blank()
    n = len(session.turns)
    out.line(f"{n} repl{'y' if n == 1 else 'ies'}.", "dim")
    if debrief.dimensions and session.turns:
        out.blank()
        out.line("Your scores, reply by reply", "bold underline")
        chart = score_chart(debrief)
        chart.rstrip()
        out.line(chart)
    if debrief.best is not None:
        out.blank()
        out.line("Best moment", "bold underline").append(
            f" (reply {debrief.best.turn})", style="not bold not underline"
        )
        out.line(f"“{debrief.best.quote}”", "green", indent=2)
    if debrief.worst is None and session.turns:
        out.blank()
        out.line("No weak moment: every reply scored 4 or more on every dimension.", "green")
    if debrief.worst is not None:
        out.blank()
        out.line("Hardest moment", "bold underline").append(
            f" (reply {debrief.worst.turn})", style="not bold not underline"
        )
        out.line(f"“{debrief.worst.quote}”", "red", indent=2)
        better = out.line("A better reply: ", "bold", indent=2)
        better.append(f"“{debrief.worst.suggestion}”", style="not bold italic")
    if debrief.session:
        name = session.session_rubric.name if session.session_rubric else "Session"
        out.blank()
        out.line(f"{name} (over the whole conversation)", "bold underline")
        if session.session_rubric and session.session_rubric.description:
            out.line(session.session_rubric.description.strip(), "dim italic", indent=2)
        for item in debrief.session:
            style = SCORE_STYLE[max(1, min(5, round(item.score)))]
            row = out.line(f"{item.name:<24}", "bold", indent=2)
            row.append(f"{item.score:.1f}/5", style=f"not bold {style}")
            out.line(item.rationale, "dim", indent=4)
    if debrief.revealed or debrief.missed:
        out.blank()
        out.line("What was really going on", "bold underline")
        for _, title_, turn in debrief.revealed:
            found = out.bullet("✓ ", "green")
            found.append(title_, style="bold")
            found.append(f" (reply {turn})", style="dim")
        for _, title_, detail in debrief.missed:
            out.bullet("✗ ", "red").append(title_, style="bold")
            out.line(detail, "dim", indent=4)
    return out


def render_against_previous(rows: list[AgainstPrevious], attempts: int) -> Doc:
    """This attempt's mean per dimension next to the earlier attempts at the scenario."""
    out = Doc()
    out.blank()
    if attempts == 0:
        out.line("Your first attempt at this scenario", "bold underline")
        out.line("Rehearse it again to see your progress here and in History (p).", "dim")
        return out
    earlier = f"{attempts} earlier attempt{'s' if attempts != 1 else ''}"
    out.line(f"Compared with your {earlier} at this scenario", "bold underline")
    for row in rows:
        line = out.line(f"{row.name:<26}", "bold", indent=2)
        line.append(
            f"{row.now:.1f}", style=f"not bold {SCORE_STYLE[max(1, min(5, round(row.now)))]}"
        )
        if row.previous_mean is None or row.change is None:
            line.append("  (not scored before)", style="not bold dim")
            continue
        style = "green" if row.change > 0 else "red" if row.change < 0 else "dim"
        line.append(f"  {row.change:+.1f}", style=f"not bold {style}")
        line.append(
            f" against {row.previous_mean:.1f} on average before, best {row.previous_best:.1f}",
            style="not bold dim",
        )
        if row.personal_best:
            line.append("  a personal best", style="not bold bold green")
    out.line("Higher is better; a positive change is an improvement.", "dim", indent=2)
    return out


def export_report(screen: Screen[None], transcript: Path | None) -> None:
    """Save the conversation's HTML report in the reports folder and say where."""
    from sparring.adapters.files.errors import explain_os_error
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.adapters.report.files import (
        conversation_report,
        default_report_path,
        write_report,
    )
    from sparring.formats.diagnostics import LoadError

    if transcript is None:
        screen.notify("This session was not saved.", severity="warning")
        return
    try:
        text = conversation_report(read_transcript(transcript), "html")
        written = write_report(default_report_path(transcript), text)
    except LoadError as exc:
        screen.notify(str(exc.diagnostics[0]), severity="error", timeout=15)
        return
    except OSError as exc:
        screen.notify(explain_os_error(exc, "write the report"), severity="error", timeout=15)
        return
    screen.notify(f"Report saved: {written}", timeout=15)


class DebriefScreen(Screen[None]):
    # Scoped to this screen, and parsed only when it is first shown (not at start-up).
    DEFAULT_CSS = """
    DebriefScreen #debrief { padding: 1 1 1 2; }
    DebriefScreen #debrief-body { margin-right: 1; }
    DebriefScreen #debrief-actions { height: auto; margin: 1 1 0 0; }
    DebriefScreen #debrief-actions Button { margin-right: 2; }
    DebriefScreen.narrow #debrief-actions { layout: vertical; }
    DebriefScreen.narrow #debrief-actions Button { width: 1fr; margin: 0; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("t", "try_again", "Try again"),
        Binding("r", "replay", "Replay"),
        Binding("n", "new", "New rehearsal"),
        # a short word, so that more of the footer fits a 60-column terminal
        Binding("e", "export", "Report", tooltip="Save an HTML report in the reports folder"),
    ]

    def __init__(self, session: ConversationRecord, *, from_replay: bool = False) -> None:
        """`from_replay`: opened on top of this conversation's replay, so Back (and Replay)
        return to it."""
        super().__init__()
        self.session = session
        self.debrief = session.debrief()
        self.from_replay = from_replay

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="debrief"):
            yield Static(render_debrief(self.session, self.debrief).renderable(), id="debrief-body")
            yield Static("", id="debrief-previous")
            with Horizontal(id="debrief-actions"):
                turn = self.retry_turn
                if turn is not None:
                    yield Button(f"Try again from reply {turn}", id="try-again", variant="primary")
                yield Button("Replay", id="replay")
                yield Button("New rehearsal", id="new")
        yield KeyBar()

    @property
    def retry_turn(self) -> int | None:
        if self.debrief.retry_turn is not None:
            return self.debrief.retry_turn
        return 1 if self.session.turns else None

    def on_mount(self) -> None:
        self.title = f"Debrief: {self.session.scenario.title}"
        self.sub_title = ""
        if self.session.turns and self.session.header is not None:
            self._compare_with_earlier()

    @work(thread=True, exit_on_error=False, group="earlier")
    def _compare_with_earlier(self) -> None:
        """This attempt next to the earlier ones at the same scenario (from the index)."""
        from sparring.adapters.files.session_index import load_history
        from sparring.session.rescoring import record_means
        from sparring.session.session_progress import against_previous, earlier_attempts

        header = self.session.header
        assert header is not None
        scenario = self.session.scenario.id
        earlier = earlier_attempts(
            load_history(scenario=scenario).entries, scenario, header.started_at, self.session.path
        )
        rows = against_previous(record_means(self.session), earlier)
        self.app.call_from_thread(self._show_earlier, rows, len(earlier))

    def _show_earlier(self, rows: list[AgainstPrevious], attempts: int) -> None:
        if self.is_attached:
            self.query_one("#debrief-previous", Static).update(
                render_against_previous(rows, attempts).renderable()
            )

    def action_export(self) -> None:
        export_report(self, self.session.path)

    def on_resize(self) -> None:
        # the action buttons do not fit side by side: they stack
        self.set_class(self.size.width < 70, "narrow")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.from_replay
        return True

    def action_back(self) -> None:
        if self.from_replay:
            self.app.pop_screen()

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
        if turn is None or self.session.path is None:
            self.notify("Nothing to try again yet.", severity="warning")
            return
        nav(self).rewind(self.session.path, turn)

    def action_replay(self) -> None:
        if self.session.path is None:
            self.notify("This session was not saved.", severity="warning")
            return
        if self.from_replay:
            self.app.pop_screen()  # the replay it was opened from
        else:
            nav(self).open_replay(self.session.path, from_debrief=True)

    def action_new(self) -> None:
        nav(self).show_picker()
