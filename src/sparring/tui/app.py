"""The sparring app: screens for picking, rehearsing, debriefing, replaying and comparing.

The app routes between screens and runs the engine in workers; it computes nothing itself.
Build it with `make_app(...)` (the tests use the same factory).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from sparring.formats.entries import ScenarioEntry
from sparring.formats.untrusted import visible
from sparring.tui.navigation import UnfinishedSession
from sparring.tui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from sparring.adapters.files.library import Library
    from sparring.formats.diagnostics import LoadError
    from sparring.session.live import Session

# The engine (judge rules, transcripts) is imported after the first screen is up, so the
# picker paints as fast as a bare Textual app; a background thread warms it meanwhile.


def _warm_engine() -> None:
    import sparring.session.live
    import sparring.tui.screens.rehearsal  # noqa: F401


@dataclass
class AppOptions:
    """What the command line asked for."""

    scenario: str | None = None
    seed: int | None = None
    out: Path | None = None
    replay: Path | None = None
    history: bool = False
    scenario_dirs: list[Path] = field(default_factory=list)
    coach: bool = True


class SparringApp(App[None]):
    TITLE = "sparring"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, options: AppOptions | None = None) -> None:
        super().__init__()
        self.options = options or AppOptions()
        self._library: Library | None = None
        self.active_session: Session | None = None

    @property
    def library(self) -> Library:
        if self._library is None:
            from sparring.adapters.files.library import Library

            self._library = Library(scenario_dirs=self.options.scenario_dirs)
        return self._library

    # -- start-up ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        # after the first frame, so the warm-up does not compete with it for the interpreter
        self.set_timer(0.3, self._warm)
        if self.options.replay is not None:
            self.open_replay(self.options.replay)
        elif self.options.history:
            self.open_history()
        elif self.options.scenario is not None:
            self.start_by_ref(self.options.scenario)
        else:
            self.show_picker()

    def _warm(self) -> None:
        self.run_worker(_warm_engine, thread=True, exit_on_error=False, group="warm")

    # -- navigation (see navigation.Navigator) -----------------------------------------------

    def show_picker(self) -> None:
        from sparring.adapters.files import scenario_index

        self._close_session()
        listed = scenario_index.cached(self.options.scenario_dirs)
        if listed is None:
            found, problems = self.library.scenarios(full=False)
            listed = found, len(problems)
        picker = PickerScreen(*listed)
        self._show(picker)
        self.set_timer(0.2, lambda: self._find_unfinished(picker))

    @work(thread=True, exit_on_error=False, group="history")
    def _find_unfinished(self, picker: PickerScreen) -> None:
        from sparring.adapters.files.transcripts import list_history

        latest = next(
            (e for e in list_history() if e.ending is None and (e.turns > 0 or e.has_draft)),
            None,
        )
        if latest is not None:
            found = UnfinishedSession(latest.path, latest.title, latest.turns)
            self.call_from_thread(picker.offer_resume, found)

    def start_rehearsal(self, entry: ScenarioEntry) -> None:
        self._start(entry.path)

    def start_by_ref(self, ref: str) -> None:
        from sparring.formats.diagnostics import LoadError

        try:
            _, path = self.library.resolve_scenario(ref)
        except LoadError as exc:
            self._report(exc, "That scenario cannot be used")
            self.show_picker()
            return
        self._start(path)

    @work(exclusive=True, group="session", exit_on_error=False)
    async def _start(self, path: Path) -> None:
        from sparring.adapters.files.transcripts import default_transcript_path
        from sparring.formats.diagnostics import LoadError
        from sparring.session.live import Session

        try:
            scenario = self.library.load_checked(path)
            rubric, session_rubric = self.library.rubrics_for(scenario, path)
        except LoadError as exc:
            self._report(exc, "That scenario cannot be used")
            return
        now = datetime.now().astimezone()
        out = self.options.out
        if out is not None and out.exists():
            self.notify(
                f"{out} already exists; saving to the usual folder instead.", severity="warning"
            )
            out = None
        self.options.out = None  # only the first session goes to --out
        try:
            session = await Session.start(
                scenario,
                rubric,
                session_rubric=session_rubric,
                seed=self.options.seed
                if self.options.seed is not None
                else int(now.timestamp()) % 100_000,
                transcript=out or default_transcript_path(scenario.id, now),
                now=now,
            )
        except OSError as exc:
            self._report_os_error(exc, "The conversation cannot be saved, so it was not started")
            return
        self._begin(session)

    def resume(self, transcript: Path) -> None:
        self._resume(transcript)

    @work(exclusive=True, group="session", exit_on_error=False)
    async def _resume(self, transcript: Path) -> None:
        from sparring.adapters.files.transcripts import TranscriptWriter, read_transcript
        from sparring.formats.diagnostics import LoadError
        from sparring.session.live import Session

        try:
            data = read_transcript(transcript)
            writer = TranscriptWriter(transcript, create=False)
        except LoadError as exc:
            self._report(exc, "That conversation cannot be resumed")
            return
        except OSError as exc:  # locked by another sparring, or not writable
            self._report_os_error(exc, "That conversation cannot be resumed")
            return
        try:
            session = await Session.resume(data, writer=writer)
        except OSError as exc:
            writer.close()
            self._report_os_error(exc, "That conversation cannot be resumed")
            return
        self._begin(session)

    def rewind(self, transcript: Path, turn: int) -> None:
        from sparring.adapters.files.transcripts import read_transcript
        from sparring.formats.diagnostics import LoadError
        from sparring.runtime.rewind import rewind

        try:
            new = rewind(read_transcript(transcript), turn)
        except LoadError as exc:
            self._report(exc, "Cannot rewind")
            return
        except OSError as exc:
            self._report_os_error(exc, "Cannot rewind")
            return
        except ValueError as exc:
            self.notify(f"Cannot rewind: {exc}", severity="error")
            return
        self.notify(f"A new attempt from reply {turn}; the original is kept.")
        self.resume(new)

    def open_replay(self, transcript: Path, *, from_debrief: bool = False) -> None:
        """Replay a saved conversation. From its debrief, the replay opens on top of it, so
        Back returns there."""
        from sparring.adapters.files.transcripts import read_transcript
        from sparring.formats.diagnostics import LoadError
        from sparring.tui.screens.replay import ReplayScreen

        try:
            data = read_transcript(transcript)
        except LoadError as exc:
            self._report(exc, "That transcript cannot be opened")
            if not self.screen_stack or len(self.screen_stack) <= 1:
                self.show_picker()
            return
        self._close_session()
        if from_debrief:
            self.push_screen(ReplayScreen(data, from_debrief=True))
        else:
            self._show(ReplayScreen(data))

    def open_history(self) -> None:
        from sparring.adapters.files.transcripts import list_history
        from sparring.tui.screens.history import HistoryScreen

        self._close_session()
        self._show(HistoryScreen(list_history()))

    def open_compare(self, left: Path, right: Path) -> None:
        from sparring.adapters.files.transcripts import read_transcript
        from sparring.formats.diagnostics import LoadError
        from sparring.session.comparison import compare
        from sparring.session.live import Session
        from sparring.tui.screens.compare import CompareScreen, ordered_with_labels

        try:
            a, b = read_transcript(left), read_transcript(right)
        except LoadError as exc:
            self._report(exc, "Cannot compare")
            return
        if a.header.scenario.id != b.header.scenario.id:
            self.notify("These are attempts at different scenarios.", severity="warning")
        a, b, left_label, right_label = ordered_with_labels(a, b)
        result = compare(
            Session.from_transcript(a),
            Session.from_transcript(b),
            left_label=left_label,
            right_label=right_label,
        )
        title = str(a.header.scenario.data.get("title", a.header.scenario.id))
        day = a.header.started_at[:10]
        # the column labels leave out the date when both started the same day: say it once
        same_day = day if day == b.header.started_at[:10] else ""
        self.push_screen(CompareScreen(result, title, same_day))

    # -- helpers -----------------------------------------------------------------------------

    def _begin(self, session: Session) -> None:
        from sparring.tui.screens.rehearsal import RehearsalScreen

        self._close_session()
        self.active_session = session
        self._show(RehearsalScreen(session, coach=self.options.coach))

    def _show(self, screen: Screen[None]) -> None:
        # Close what was opened on top (a replay over its debrief, a comparison) first, so
        # the stack holds one screen above the default one and never grows.
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _close_session(self) -> None:
        if self.active_session is not None:
            self.active_session.close()
            self.active_session = None

    def _report(self, exc: LoadError, what: str) -> None:
        details = "\n".join(str(d) for d in exc.diagnostics[:5])
        self.notify(details, title=what, severity="error", timeout=15)

    def _report_os_error(self, exc: OSError, what: str) -> None:
        """A file problem (unwritable data folder, disk full, a locked transcript): said on
        the screen, with the picker under it rather than a blank screen."""
        from sparring.adapters.files.transcripts import TranscriptLocked
        from sparring.cli.output import explain_os_error

        if isinstance(exc, TranscriptLocked):
            details = f"{exc.filename}: {exc.strerror}"
        else:
            details = explain_os_error(exc, "write the conversation")
            details += ". Set SPARRING_HOME to a folder you can write to, or use --out FILE."
        self.notify(details, title=what, severity="error", timeout=30)
        if len(self.screen_stack) <= 1:
            self.show_picker()

    async def action_quit(self) -> None:
        save_draft = getattr(self.screen, "save_draft", None)
        if callable(save_draft):
            save_draft()
        self._close_session()
        self.exit()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages often quote file names, diagnostics
        and exceptions, which must never be read as markup or reach the terminal raw."""
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                action = binding.action
                if screen.check_action(action.partition("(")[0], ()) is not True:
                    continue  # not available here, so not offered (as in the footer)
                yield SystemCommand(
                    binding.description,
                    f"{binding.description} ({binding.key})",
                    lambda action=action: self.call_later(screen.run_action, action),
                )
        yield SystemCommand("New rehearsal", "Pick a scenario to rehearse", self.show_picker)
        yield SystemCommand("History", "Saved conversations: replay, compare", self.open_history)


def make_app(options: AppOptions | None = None) -> SparringApp:
    return SparringApp(options)
