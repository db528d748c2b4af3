"""The sparring app: screens for picking, rehearsing, debriefing, replaying and comparing.

The app routes between screens and runs the engine in workers; it computes nothing itself.
Build it with `make_app(...)` (the tests use the same factory).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    from sparring.runtime.settings import Settings
    from sparring.session.live import Session
    from sparring.session.session_progress import SessionEntry
    from sparring.tui.screens.rehearsal import RehearsalScreen

# The engine (judge rules, transcripts) is imported after the first screen is up, so the
# picker paints as fast as a bare Textual app; a background thread warms it meanwhile.


def _import_engine() -> None:
    import sparring.judge.offline
    import sparring.runtime.rehearsal
    import sparring.tui.screens.rehearsal  # noqa: F401


def _warm_engine() -> None:
    """The imports, then the offline judge's one-off work (it scores every offline reply, and
    stands in when an LLM judge cannot answer), so the first reply is judged as fast as the
    rest. On a background thread; a rehearsal started meanwhile does not wait for it."""
    _import_engine()
    from sparring.judge.offline import OfflineJudge

    OfflineJudge().warm()


@dataclass
class AppOptions:
    """What the command line asked for."""

    settings: Settings | None = None
    scenario: str | None = None
    entry: ScenarioEntry | None = None
    """The scenario as lists show it, when known: its screen is drawn before it is loaded."""
    seed: int | None = None
    out: Path | None = None
    replay: Path | None = None
    resume: Path | None = None
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
        self.exit_note: str | None = None
        """One line for the terminal after the app closes: where the conversation was saved
        and how to resume or replay it."""

    @property
    def library(self) -> Library:
        if self._library is None:
            from sparring.adapters.files.library import Library

            self._library = Library(scenario_dirs=self.options.scenario_dirs)
        return self._library

    @property
    def settings(self) -> Settings:
        if self.options.settings is None:
            from sparring.runtime.settings import Settings

            self.options.settings = Settings()
        return self.options.settings

    # -- start-up ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        # after the first frame, so the warm-up does not compete with it for the interpreter
        self.set_timer(0.3, self._warm)
        if self.options.replay is not None:
            self.open_replay(self.options.replay)
        elif self.options.resume is not None:
            self.resume(self.options.resume)
        elif self.options.history:
            self.open_history()
        elif self.options.scenario is not None:
            self._start(self.options.scenario, self.options.entry)
        else:
            self.show_picker()

    def _warm(self) -> None:
        self.run_worker(_warm_engine, thread=True, exit_on_error=False, group="warm")

    # -- navigation (see navigation.Navigator) -----------------------------------------------

    def show_picker(self) -> None:
        from sparring.adapters.files import scenario_index

        self._close_session()
        listed = scenario_index.listing(self.options.scenario_dirs)
        picker = PickerScreen(listed.entries, len(listed.problems))
        self._show(picker)
        self.set_timer(0.2, lambda: self._find_unfinished(picker))

    @work(thread=True, exit_on_error=False, group="history")
    def _find_unfinished(self, picker: PickerScreen) -> None:
        from sparring.adapters.files.saved import list_saved
        from sparring.session.saved import latest_unfinished

        latest = latest_unfinished(list_saved())
        if latest is not None:
            found = UnfinishedSession(latest.path, latest.title, latest.turns)
            self.call_from_thread(picker.offer_resume, found)

    def start_rehearsal(self, entry: ScenarioEntry) -> None:
        self._start(str(entry.path), entry)

    def _start(self, scenario: str, entry: ScenarioEntry | None) -> None:
        """A new rehearsal. With the scenario's entry, its screen is up at once and the
        conversation arrives when the session is ready (loading and the judge come after the
        first frame)."""
        screen = None
        if entry is not None:
            from sparring.tui.screens.rehearsal import RehearsalScreen

            self._close_session()
            screen = RehearsalScreen(entry=entry, coach=self.options.coach)
            self._show(screen)
        # after the screen is drawn: loading and the judge must not hold up the first frame
        self.call_after_refresh(lambda: self._open_rehearsal(scenario=scenario, screen=screen))

    def resume(self, transcript: Path) -> None:
        self._open_rehearsal(transcript=transcript)

    def rewind(self, transcript: Path, turn: int) -> None:
        self.notify(f"A new attempt from reply {turn}; the original is kept.")
        self._open_rehearsal(transcript=transcript, from_turn=turn)

    @work(exclusive=True, group="session", exit_on_error=False)
    async def _open_rehearsal(
        self,
        *,
        scenario: str | None = None,
        transcript: Path | None = None,
        from_turn: int | None = None,
        screen: RehearsalScreen | None = None,
    ) -> None:
        """Start, resume or rewind a rehearsal (runtime.rehearsal builds it)."""
        await asyncio.to_thread(_import_engine)  # off the event loop
        from sparring.formats.diagnostics import LoadError
        from sparring.runtime.rehearsal import RehearsalSpec, open_rehearsal

        out = self.options.out
        if scenario is not None and out is not None and out.exists():
            self.notify(
                f"{out} already exists; saving to the usual folder instead.", severity="warning"
            )
            out = None
        spec = RehearsalSpec(
            settings=self.settings,
            scenario=scenario,
            transcript=transcript,
            from_turn=from_turn,
            seed=self.options.seed,
            out=out if scenario is not None else None,
            scenario_dirs=tuple(self.options.scenario_dirs),
        )
        what = "That scenario cannot be used" if scenario else "That conversation cannot be opened"
        listener = screen.opening_view() if screen is not None else None
        try:
            session = await open_rehearsal(spec, library=self.library, listener=listener)
        except LoadError as exc:
            self._report(exc, what)
            self._fall_back(screen)
            return
        except OSError as exc:  # an unwritable folder, a full disk, a transcript in use
            self._report_os_error(exc, what)
            self._fall_back(screen)
            return
        if scenario is not None:
            self.options.out = None  # only the first session goes to --out
        if screen is not None and screen.is_attached:
            self.active_session = session
            await screen.attach(session)
        else:
            self._begin(session)

    def _fall_back(self, screen: RehearsalScreen | None) -> None:
        """A rehearsal that could not open leaves its waiting screen for the picker."""
        if screen is not None and self.screen is screen:
            self.show_picker()

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
        from sparring.tui.screens.history import HistoryScreen

        self._close_session()
        self._show(HistoryScreen(self._history()))

    def open_progress(self, scenario: str | None = None) -> None:
        from sparring.tui.screens.progress import ProgressScreen

        self._close_session()
        self._show(ProgressScreen(self._history(), scenario))

    def _history(self) -> list[SessionEntry]:
        """The saved conversations, through the session index; a transcript it had to skip
        is said once, on the screen."""
        from sparring.adapters.files.session_index import load_history

        history = load_history()
        if history.skipped:
            names = ", ".join(s.path.name for s in history.skipped[:3])
            more = "…" if len(history.skipped) > 3 else ""
            self.notify(
                f"{len(history.skipped)} saved file(s) could not be read and are left out: "
                f"{names}{more} (sparring history lists why)",
                severity="warning",
            )
        return history.entries

    def open_compare(self, first: Path, second: Path) -> None:
        from sparring.adapters.files.transcripts import read_transcript
        from sparring.formats.diagnostics import LoadError
        from sparring.session.comparison import compare_attempts
        from sparring.tui.screens.compare import CompareScreen

        try:
            comparison = compare_attempts(read_transcript(first), read_transcript(second))
        except LoadError as exc:
            self._report(exc, "Cannot compare")
            return
        self.push_screen(CompareScreen(comparison))

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
        from sparring.adapters.files.errors import explain_os_error
        from sparring.adapters.files.transcripts import TranscriptLocked

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
        session = self.active_session
        if session is not None and session.transcript_path is not None:
            self.exit_note = leaving_note(session.transcript_path, finished=session.over)
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
        yield SystemCommand("Progress", "Your scores across sessions", self.open_progress)


def leaving_note(path: Path, *, finished: bool) -> str:
    """Where the conversation is, and the command that goes on with it."""
    import shlex

    where = shlex.quote(str(path))
    if finished:
        return f"Conversation saved to {where}; replay it with: sparring replay {where}"
    return f"Conversation saved to {where}; resume it with: sparring rehearse --resume {where}"


def make_app(options: AppOptions | None = None) -> SparringApp:
    return SparringApp(options)
