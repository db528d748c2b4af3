"""The rehearsal: the conversation, the reply editor, live feedback and the persona's state."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from sparring.formats.entries import ScenarioEntry
from sparring.tui.widgets.conversation import ChatMessage, Conversation
from sparring.tui.widgets.feedback import FeedbackPanel
from sparring.tui.widgets.footer import KeyBar
from sparring.tui.widgets.reply_editor import ReplyEditor
from sparring.tui.widgets.state_panel import StatePanel, StateSummary
from sparring.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sparring.session.listener import TurnListener
    from sparring.session.live import Session, Turn
    from sparring.tui.turn_view import TurnView

DRAFT_SAVE_DELAY = 0.4


class RehearsalScreen(Screen[None]):
    """Rehearse a scenario: type replies, get scored, watch the persona react."""

    # Scoped to this screen, and parsed only when it is first shown (not at start-up).
    DEFAULT_CSS = """
    RehearsalScreen #intro { height: auto; padding: 0 1; color: $text-muted; }
    RehearsalScreen #rehearsal { height: 1fr; }
    RehearsalScreen #talk { width: 3fr; }
    RehearsalScreen #side { width: 2fr; min-width: 34; }
    RehearsalScreen #status { height: auto; padding: 0 1; display: none; }
    RehearsalScreen #state-summary {
        display: none; height: auto; padding: 0 1; background: $boost;
    }
    RehearsalScreen.narrow #rehearsal { layout: vertical; }
    RehearsalScreen.narrow #talk { width: 1fr; height: 3fr; }
    RehearsalScreen.narrow #side { width: 1fr; height: 2fr; min-width: 0; }
    RehearsalScreen.narrow #intro { display: none; }
    RehearsalScreen.narrow StatePanel { display: none; }
    RehearsalScreen.narrow #state-summary { display: block; }
    /* the conversation's focus mark costs one row here: a line over it, not a whole border */
    RehearsalScreen.narrow Conversation { border: none; border-top: blank; }
    RehearsalScreen.narrow Conversation:focus { border: none; border-top: round $accent; }
    """

    BINDINGS = [
        Binding("ctrl+g", "hint", "Hint"),
        # short words, so that Quit still fits in the footer of a 60-column terminal
        Binding("ctrl+o", "toggle_coach", "Coach", tooltip="Show or hide the better reply"),
        Binding("ctrl+f", "end", "Debrief", tooltip="Finish now and see the debrief"),
        Binding("f6", "focus_feedback", "Read feedback", show=False, priority=True),
        Binding("escape", "escape", "Stop waiting / back to reply", show=False),
        Binding("ctrl+l", "resume_llm", "Try LLM mode again"),
    ]

    def __init__(
        self,
        session: Session | None = None,
        *,
        entry: ScenarioEntry | None = None,
        coach: bool = True,
    ) -> None:
        """`session`: the rehearsal to show. Without one, the screen is drawn at once from the
        scenario's `entry` (the reply box is there to type into) and the conversation appears
        when the app `attach`es the session, so nothing heavy stands before the first frame."""
        super().__init__()
        assert session is not None or entry is not None, "a session or a scenario entry"
        self._session = session
        self.entry = entry
        self.coach = coach
        self._pending = False
        self._send_when_ready = False
        """Enter was pressed before the session was there: send the reply once it is."""
        self._hint_up = False
        self._draft_timer: object | None = None
        self._draft = ""
        self._opening: TurnView | None = None

    @property
    def session(self) -> Session:
        assert self._session is not None, "the session is not attached yet"
        return self._session

    @property
    def ready(self) -> bool:
        return self._session is not None

    @property
    def persona_name(self) -> str:
        return self._names()[1]

    def opening_view(self) -> TurnListener:
        """Hears the opening line while the session is being prepared, so an LLM voice's
        opening streams in instead of appearing all at once."""
        from sparring.tui.turn_view import TurnView

        self._opening = TurnView(self, f"{self.persona_name} is about to speak…")
        return self._opening

    def _names(self) -> tuple[str, str, str, str, int]:
        """(title, persona name, their role, who the user plays, turn limit)."""
        if self._session is not None:
            s = self._session.scenario
            return s.title, s.persona.name, s.persona.role, s.you_play, s.turn_limit
        assert self.entry is not None
        e = self.entry
        name = e.persona_name or e.persona.split(",")[0]
        role = e.persona.removeprefix(name).lstrip(", ")
        return e.title, name, role, e.you_play, e.turn_limit

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        _, persona, _, _, _ = self._names()
        yield TitleBar()
        with Horizontal(id="rehearsal"):
            with Vertical(id="talk"):
                yield StateSummary(id="state-summary")  # instead of the panel when narrow
                yield Static(self._intro(), id="intro")
                yield Conversation(id="conversation")
                yield ReplyEditor(
                    placeholder=f"Your reply to {persona} (Enter sends, Ctrl+J new line)",
                    id="reply",
                )
                yield Static("", id="status")
            with Vertical(id="side"):
                if self.ready:  # else mounted just after the first frame (see on_mount)
                    yield StatePanel(id="state")
                    yield FeedbackPanel(id="feedback")
        yield KeyBar()

    def _intro(self) -> Text:
        _, persona, role, you_play, turn_limit = self._names()
        text = Text()
        text.append("You play ", style="dim")
        text.append(you_play, style="bold")
        text.append(". ", style="dim")
        text.append(persona, style="bold")
        text.append(f", {role}.\n" if role else ".\n", style="dim")
        limit = f"after {turn_limit} replies" if turn_limit else "when the time runs out"
        text.append(
            "Listen, don't defend, ask before you adjust. It ends when "
            f"{persona} opens up, walks out, or {limit}.",
            style="italic dim",
        )
        return text

    async def on_mount(self) -> None:
        title, persona, _, _, _ = self._names()
        self.title = title
        self.sub_title = f"with {persona}"
        self.query_one(ReplyEditor).focus()
        if self._session is not None:
            await self._show_session()
        else:
            if self.entry is not None and self.entry.setting:
                await self.query_one(Conversation).add("narration", "", self.entry.setting)
            self._status(Text(f"{persona} is about to speak…", style="dim italic"))
            self.call_after_refresh(self._mount_side)

    async def _mount_side(self) -> None:
        """The state and feedback panels (empty until the first reply), after the frame
        that shows the reply box."""
        if not self.query(StatePanel):
            side = self.query_one("#side", Vertical)
            await side.mount(StatePanel(id="state"), FeedbackPanel(id="feedback"))

    async def attach(self, session: Session) -> None:
        """Show the rehearsal that was being prepared while the screen was drawn."""
        self._session = session
        await self._mount_side()
        self.query_one("#intro", Static).update(self._intro())
        await self._show_session(
            setting_shown=self.entry is not None and bool(self.entry.setting),
            opening_shown=self._opening is not None and self._opening.lines > 0,
        )
        self._status("")
        self.refresh_bindings()  # Hint, Coach and Debrief are offered from now on
        if self._send_when_ready:
            self._send_when_ready = False
            self._submit(self.query_one(ReplyEditor).text)

    async def _show_session(
        self, *, setting_shown: bool = False, opening_shown: bool = False
    ) -> None:
        session = self.session
        conversation = self.query_one(Conversation)
        if session.scenario.setting and not session.turns and not setting_shown:
            await conversation.add("narration", "", session.scenario.setting.strip())
        persona = session.scenario.persona.name
        if not opening_shown:  # as it was shown live: a line cut off, why, then the line said
            for event in [e for e in session.opening if e.cut]:
                await conversation.add("persona", persona, event.text, cut=True)
            for notice in session.opening_notices:
                await conversation.add("notice", "", notice)
            for event in [e for e in session.opening if not e.cut]:
                await conversation.add("persona", persona, event.text)
        for turn in session.turns:
            await self._render_turn(turn, scroll=False)
        self._show_state()
        if session.turns:
            last = session.turns[-1]
            self.query_one(FeedbackPanel).show(last.user_text, last.assessment, coach=self.coach)
        self._restore_draft()
        if session.over:
            self._offer_debrief()

    def on_resize(self) -> None:
        # Narrow terminals stack the side panel under the conversation.
        self.set_class(self.size.width < 100, "narrow")

    # -- playing -----------------------------------------------------------------------------

    @on(ReplyEditor.Submitted)
    def send(self, event: ReplyEditor.Submitted) -> None:
        if not self.ready:
            # typed while the rehearsal is still being prepared: sent as soon as it is there
            if event.text.strip():
                _, persona, _, _, _ = self._names()
                self._send_when_ready = True
                self._status(
                    Text(f"Your reply goes to {persona} as soon as she is here…", style="dim")
                )
            return
        self._submit(event.text)

    def _submit(self, reply: str) -> None:
        from sparring.formats.common import MAX_REPLY_CHARS
        from sparring.session.live import ReplyTooLong

        if self.session.over:
            self.action_end()
            return
        if not reply.strip():
            self.notify("Type a reply first (Ctrl+G for a hint).", severity="warning")
            return
        if self._pending:
            self.notify("Still working on your last reply.", severity="warning")
            return
        if len(reply) > MAX_REPLY_CHARS:
            # refused whole, and kept in the box to shorten: never cut behind the user's back
            self.notify(str(ReplyTooLong(len(reply))), severity="warning", timeout=10)
            return
        self._pending = True
        self.refresh_bindings()
        self._status(Text("Scoring your reply…", style="dim"))
        self.play(reply)

    @work(exclusive=True, group="turn", exit_on_error=False)
    async def play(self, text: str) -> None:
        from sparring.session.live import SessionOver
        from sparring.tui.turn_view import TurnView

        conversation = self.query_one(Conversation)
        editor = self.query_one(ReplyEditor)
        bubble = await conversation.add(
            "user", f"You ({self.session.scenario.user_name})", text.strip()
        )
        before = len(conversation.messages)
        try:
            turn = await self.session.submit(text, listener=TurnView(self))
            editor.clear()  # only now: the reply is safely in the transcript
            self._draft = ""
            self._delete_draft()
            if turn.ending is not None:
                await conversation.add("narration", "", f"— {turn.ending.title} —")
            self.show_assessed(turn)
            self._status("")
            if self.session.over:
                self._offer_debrief()
            elif self.session.paused:
                self._offer_llm_again()
        except SessionOver:
            self._offer_debrief()
        except OSError as exc:  # the transcript could not be written: say so, keep the reply
            from sparring.adapters.files.errors import explain_os_error

            await self._remove_after(bubble, before)
            message = explain_os_error(exc, "save your reply")
            self._status(Text(f"{message}. Your reply is still in the box.", style="red"))
            self.notify(message, severity="error", timeout=30)
        except Exception as exc:  # keep the app alive and the draft in the editor
            await self._remove_after(bubble, before)
            self._status(
                Text(
                    f"Something went wrong ({type(exc).__name__}); your reply is still in the box.",
                    style="red",
                )
            )
            self.notify(f"Could not play that turn: {exc}", severity="error")
        finally:
            self._pending = False
            self.refresh_bindings()

    async def _remove_after(self, bubble: ChatMessage, count: int) -> None:
        """Take a half-played turn off the screen: the reply's bubble and what came after."""
        for message in self.query_one(Conversation).messages[count:]:
            await message.remove()
        await bubble.remove()

    def show_assessed(self, turn: Turn) -> None:
        """The feedback and her state, as soon as the reply is judged."""
        self._show_state(turn)
        self.query_one(FeedbackPanel).show(turn.user_text, turn.assessment, coach=self.coach)

    def set_status(self, text: str | Text) -> None:
        self._status(text)

    def _offer_llm_again(self) -> None:
        parts = " and ".join(self.session.paused)
        self._status(
            Text(
                f"LLM mode is paused after the endpoint failed (the {parts} work offline for "
                "now). Ctrl+L tries LLM mode again.",
                style="yellow",
            )
        )
        self.refresh_bindings()

    async def _render_turn(self, turn: Turn, *, user: bool = True, scroll: bool = True) -> None:
        conversation = self.query_one(Conversation)
        persona = self.session.scenario.persona.name
        if user:
            await conversation.add(
                "user", f"You ({self.session.scenario.user_name})", turn.user_text
            )
        for notice in turn.notices:
            await conversation.add("notice", "", notice)
        for event in turn.persona:
            await conversation.add("persona", persona, event.text, cut=event.cut)
        if turn.ending is not None:
            await conversation.add("narration", "", f"— {turn.ending.title} —")

    def _status(self, text: str | Text) -> None:
        """The line under the editor (progress, a hint, an error); takes no room when empty."""
        self._hint_up = False
        status = self.query_one("#status", Static)
        status.update(text)
        status.display = bool(str(text))

    def _show_state(self, turn: Turn | None = None) -> None:
        effects = turn.state.effects if turn else None
        for view in (self.query_one(StatePanel), self.query_one(StateSummary)):
            view.show(self.session.scenario, self.session.state, effects, self.session.turn)

    def _offer_debrief(self) -> None:
        editor = self.query_one(ReplyEditor)
        editor.placeholder = "The conversation is over. Press Enter or Ctrl+F for your debrief."
        self._status(
            Text("The conversation is over: Enter or Ctrl+F opens your debrief.", style="bold")
        )
        if self.session.over and not editor.text:
            editor.focus()

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("hint", "end", "toggle_coach"):
            return self.ready  # nothing to hint at or finish until the session is there
        if action == "resume_llm":
            return self.ready and bool(self.session.paused) and not self._pending
        return True

    def action_escape(self) -> None:
        """While a turn waits on the endpoint: stop waiting (the offline judge or her scripted
        line finishes it; the reply is kept). Otherwise: back to the reply box."""
        if self._pending and self.ready and self.session.interrupt():
            self._status(Text("Stopped waiting: finishing this turn offline…", style="dim"))
            return
        self.action_focus_editor()

    def action_resume_llm(self) -> None:
        self.session.resume_paused()
        self._status(Text("LLM mode will be tried again with your next reply.", style="dim"))
        self.refresh_bindings()

    def action_hint(self) -> None:
        # In the status line under the editor only: a toast would cover the feedback.
        hint = self.session.hint()
        text = Text("Hint: ", style="bold")
        text.append(hint, style="italic")
        self._status(text)
        self._hint_up = True

    def action_toggle_coach(self) -> None:
        self.coach = not self.coach
        if self.session.turns:
            last = self.session.turns[-1]
            self.query_one(FeedbackPanel).show(last.user_text, last.assessment, coach=self.coach)
        self.notify(f"Coach mode {'on: better replies are shown' if self.coach else 'off'}.")

    def action_end(self) -> None:
        from sparring.tui.screens.debrief import DebriefScreen

        self.save_draft()
        if not self._pending and not self._draft.strip():
            # Finished on purpose: recorded, so it is not offered for resuming. With a reply
            # still in the box (or one being scored) it stays open, and the draft is kept.
            self.session.stop()
        self.app.switch_screen(DebriefScreen(self.session.record))

    def action_focus_feedback(self) -> None:
        self.query_one(FeedbackPanel).focus()

    def action_focus_editor(self) -> None:
        self.query_one(ReplyEditor).focus()

    # -- typing always reaches the reply ---------------------------------------------------------

    def _reading(self) -> bool:
        """True when the focus is on a pane that is read, not typed into (or on nothing)."""
        return self.focused is None or isinstance(self.focused, Conversation | FeedbackPanel)

    def on_key(self, event: events.Key) -> None:
        # A character typed while reading the conversation or the feedback (which only
        # scroll) goes to the reply, instead of nowhere.
        if self._reading() and event.is_printable and event.character:
            event.stop()
            editor = self.query_one(ReplyEditor)
            editor.focus()
            editor.insert(event.character)

    def on_paste(self, event: events.Paste) -> None:
        if self._reading():
            event.stop()
            editor = self.query_one(ReplyEditor)
            editor.focus()
            editor.insert(event.text)

    # -- the draft is never lost ---------------------------------------------------------------

    @on(ReplyEditor.Changed)
    def _draft_changed(self, event: ReplyEditor.Changed) -> None:
        if self._hint_up and self.has_class("narrow") and event.text_area.text != self._draft:
            # in a small terminal the hint covers the conversation: it goes once you type
            self._status("")
        self._draft = event.text_area.text
        if self._draft_timer is not None:
            self._draft_timer.stop()  # type: ignore[attr-defined]
        self._draft_timer = self.set_timer(DRAFT_SAVE_DELAY, self.save_draft)

    def save_draft(self) -> None:
        if not self.ready:
            return
        from sparring.adapters.files.saved import save_draft

        path = self.session.transcript_path
        if path is None:
            return
        with contextlib.suppress(OSError):  # a draft that cannot be saved is still in the box
            save_draft(path, self._draft)

    def _restore_draft(self) -> None:
        from sparring.adapters.files.saved import load_draft

        path = self.session.transcript_path
        if path is None:
            return
        self._draft = load_draft(path)
        if self._draft:
            editor = self.query_one(ReplyEditor)
            editor.text = self._draft
            editor.move_cursor(editor.document.end)  # typing continues the draft

    def _delete_draft(self) -> None:
        from sparring.adapters.files.saved import save_draft

        path = self.session.transcript_path
        if path is not None:
            with contextlib.suppress(OSError):
                save_draft(path, "")

    def on_unmount(self) -> None:
        self.save_draft()
