"""The live turn loop: one object that the TUI and the headless runner both drive.

One turn: record the reply -> the judge assesses it -> the persona's state moves -> endings
are checked -> the script picks her line and the voice says it (maybe streamed) -> the turn is
made durable. The judge and the voice sit behind small interfaces; when either fails, the
session falls back to the offline judge or the scripted line and says so, and the reply is
never lost. Everything is recorded through a `Recorder`; what happened so far is a
`ConversationRecord`, the same structure a replay reads.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

from sparring import __version__
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.moves import Category
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.formats.untrusted import visible
from sparring.judge.base import Assessment, Exchange, Judge
from sparring.persona.reply import read_reply
from sparring.persona.rules import STOPPED_ENDING, PersonaState, Transition, advance
from sparring.persona.script import LineScript, Utterance
from sparring.persona.voices import ScriptedVoice, SpeechContext, Voice
from sparring.session import progress
from sparring.session.debrief import Debrief
from sparring.session.events import (
    AssessmentEvent,
    Embedded,
    EndingEvent,
    Header,
    NoticeEvent,
    Parent,
    PersonaEvent,
    StateEvent,
    UserEvent,
    content_hash,
)
from sparring.session.listener import OnText, TextListener, TurnListener
from sparring.session.record import ConversationRecord, TranscriptData, Turn
from sparring.session.recorder import NullRecorder, Recorder
from sparring.session.waiting import StoppedWaiting, Waiter, stream


class SessionOver(RuntimeError):
    """Raised when a reply is submitted after the conversation has ended."""


class ReplyTooLong(ValueError):
    """A reply longer than the judge reads: refused whole (never cut behind the user's back)."""

    def __init__(self, length: int) -> None:
        self.length = length
        super().__init__(
            f"your reply is {length:,} characters long; the limit is {MAX_REPLY_CHARS:,}. "
            "Shorten it and send it again."
        )


def _embed(model: Scenario | Rubric) -> Embedded:
    data = model.model_dump(mode="json", exclude_defaults=True)
    return Embedded(id=model.id, hash=content_hash(data), data=data)


def _offline_judge() -> Judge:
    from sparring.judge.offline import OfflineJudge

    return OfflineJudge()


class Session:
    """A rehearsal in progress. Create it with `Session.start` or `Session.resume`."""

    def __init__(
        self,
        record: ConversationRecord,
        *,
        judge: Judge | None = None,
        voice: Voice | None = None,
        seed: int = 0,
        recorder: Recorder | None = None,
        turn_budget: float | None = None,
    ) -> None:
        self.record = record
        self.judge: Judge = judge or _offline_judge()
        self.voice: Voice = voice or ScriptedVoice()
        self.fallback_voice = ScriptedVoice()
        self._fallback_judge: Judge | None = None
        self.seed = seed
        self.recorder: Recorder = recorder or NullRecorder()
        self.script = LineScript(record.scenario, seed, list(record.lines_used))
        self.turn_budget = turn_budget
        """The most one turn waits for its judge and voice, in seconds (None: no bound of the
        session's own; each part keeps its own bounds)."""
        self.waiter = Waiter()
        self._paused_told: set[str] = set()

    # -- creating ----------------------------------------------------------------------------

    @classmethod
    async def start(
        cls,
        scenario: Scenario,
        rubric: Rubric,
        *,
        session_rubric: Rubric | None = None,
        judge: Judge | None = None,
        voice: Voice | None = None,
        seed: int = 0,
        recorder: Recorder | None = None,
        now: datetime | None = None,
        parent: Parent | None = None,
        on_text: OnText | None = None,
        listener: TurnListener | None = None,
        turn_budget: float | None = None,
    ) -> Session:
        """A new session: records the header and the persona's opening line."""
        record = ConversationRecord(scenario, rubric, session_rubric)
        session = cls(
            record,
            judge=judge,
            voice=voice,
            seed=seed,
            recorder=recorder,
            turn_budget=turn_budget,
        )
        record.path = session.recorder.path
        record.header = Header(
            app_version=__version__,
            started_at=(now or datetime.now().astimezone()).isoformat(timespec="seconds"),
            seed=seed,
            voice=session.voice.name,
            judge=session.judge.name,
            scenario=_embed(scenario),
            rubric=_embed(rubric),
            session_rubric=_embed(session_rubric) if session_rubric else None,
            parent=parent,
        )
        session.recorder.record(record.header)
        heard = _listener(on_text, listener)
        with progress.turn_clock(session.turn_budget, heard.status):
            await session._say(session.script.opening(record.state), 0, heard, None)
        await session._commit()
        return session

    @classmethod
    async def resume(
        cls,
        data: TranscriptData,
        *,
        judge: Judge | None = None,
        voice: Voice | None = None,
        recorder: Recorder | None = None,
        on_text: OnText | None = None,
        listener: TurnListener | None = None,
        turn_budget: float | None = None,
    ) -> Session:
        """Continue a saved conversation: rebuild it from its events, then finish a turn that
        was interrupted (its reply is judged again, never lost)."""
        record = ConversationRecord.from_saved(data)
        session = cls(
            record,
            judge=judge,
            voice=voice,
            seed=data.header.seed,
            recorder=recorder,
            turn_budget=turn_budget,
        )
        heard = _listener(on_text, listener)
        if record.pending_reply is not None and not record.over:
            text, record.pending_reply = record.pending_reply, None
            await session._play_turn(text, heard, record_user=False)
        elif record.turns and not record.over:
            with progress.turn_clock(session.turn_budget, heard.status):
                await session._finish_interrupted_turn(heard)
        elif not record.opening:
            with progress.turn_clock(session.turn_budget, heard.status):
                await session._say(session.script.opening(record.state), 0, heard, None)
            await session._commit()
        return session

    # -- the conversation so far (read from the record) --------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.record.scenario

    @property
    def rubric(self) -> Rubric:
        return self.record.rubric

    @property
    def session_rubric(self) -> Rubric | None:
        return self.record.session_rubric

    @property
    def turns(self) -> list[Turn]:
        return self.record.turns

    @property
    def opening(self) -> list[PersonaEvent]:
        return self.record.opening

    @property
    def opening_notices(self) -> list[str]:
        return self.record.opening_notices

    @property
    def ending(self) -> EndingEvent | None:
        return self.record.ending

    @property
    def state(self) -> PersonaState:
        return self.record.state

    @property
    def turn(self) -> int:
        return self.record.turn

    @property
    def over(self) -> bool:
        return self.record.over

    @property
    def transcript_path(self) -> Path | None:
        return self.record.path

    def debrief(self) -> Debrief:
        return self.record.debrief()

    def hint(self) -> str:
        from sparring.persona.hints import hint

        last = self.turns[-1].state.reaction if self.turns else None
        return hint(self.scenario, self.state, last)

    # -- playing -----------------------------------------------------------------------------

    async def submit(
        self, text: str, on_text: OnText | None = None, *, listener: TurnListener | None = None
    ) -> Turn:
        """Play one reply. The reply is recorded before anything else. Control characters
        are made visible first (what is judged is what is recorded); a reply over the limit
        raises ReplyTooLong and nothing is recorded. `listener` (or just `on_text`) hears the
        turn as it happens."""
        if self.over:
            raise SessionOver("the conversation has ended")
        if len(text) > MAX_REPLY_CHARS:
            raise ReplyTooLong(len(text))
        return await self._play_turn(visible(text), _listener(on_text, listener), record_user=True)

    # -- waiting for the judge and the voice -------------------------------------------------

    def interrupt(self) -> bool:
        """Stop waiting for the judge or voice now at work (Esc): the offline judge or the
        scripted line finishes the turn, with a notice, and nothing else in this turn waits
        for the endpoint. False when nothing was waiting."""
        return self.waiter.interrupt()

    @property
    def paused(self) -> list[str]:
        """The parts (judge, voice) that have paused after their endpoint failed: later turns
        use the offline judge or the scripted line at once instead of waiting again."""
        return [kind for kind, part in self._parts() if getattr(part, "paused", False)]

    def resume_paused(self) -> None:
        """Try the paused parts again from the next turn on."""
        for kind, part in self._parts():
            resume = getattr(part, "resume", None)
            if callable(resume):
                resume()
            self._paused_told.discard(kind)

    def _parts(self) -> list[tuple[str, Any]]:
        return [("judge", self.judge), ("voice", self.voice)]

    # -- playing -----------------------------------------------------------------------------

    async def _play_turn(self, text: str, heard: TurnListener, *, record_user: bool) -> Turn:
        self.waiter.new_turn()
        with progress.turn_clock(self.turn_budget, heard.status):
            return await self._play_turn_timed(text, heard, record_user=record_user)

    async def _play_turn_timed(self, text: str, heard: TurnListener, *, record_user: bool) -> Turn:
        record = self.record
        number = record.turn + 1
        if record_user:
            self.recorder.record(UserEvent(turn=number, text=text))
        exchange = record.exchange(text)
        notices: list[str] = []
        assessment = await self._assess(exchange, notices)
        self.recorder.record(AssessmentEvent(turn=number, assessment=assessment))
        step = advance(self.scenario, record.state, read_reply(self.scenario, assessment, text))
        state = StateEvent(
            turn=number,
            meters=dict(step.after.meters),
            revealed=list(step.after.revealed),
            stage=step.after.stage,
            reaction=step.reaction,
            effects=dict(step.effects),
            idle_run=step.after.idle_run,
            kind=step.kind,
        )
        self.recorder.record(state)
        turn = Turn(number, text, assessment, state)
        record.add_turn(turn)
        for notice in notices:
            await self._notice(number, notice, heard)
        await heard.assessed(turn)
        for utterance in self.script.respond(step):
            await self._say(utterance, number, heard, step.reaction, step.credit)
        if step.ending is not None:
            self._record_ending(number, step.ending)
        await self._commit()
        return turn

    async def _finish_interrupted_turn(self, heard: TurnListener) -> None:
        """A crash after the state was recorded but before the persona answered (or before
        the ending was recorded): finish the turn as it would have finished."""
        record = self.record
        turn = record.turns[-1]
        reply = read_reply(self.scenario, turn.assessment, turn.user_text)
        step = advance(self.scenario, record.state_before_last, reply)
        if not turn.persona:
            for utterance in self.script.respond(step):
                await self._say(utterance, turn.number, heard, step.reaction, step.credit)
        elif (
            step.ending is not None
            and not record.over
            and not any(p.line.startswith("endings.") for p in turn.persona)
        ):
            for utterance in self.script.closing(step):
                await self._say(utterance, turn.number, heard, step.reaction)
        if step.ending is not None and not record.over:
            self._record_ending(turn.number, step.ending)
        await self._commit()

    def stop(self) -> None:
        """The user ends the conversation before it reaches an ending: recorded as an ending,
        so the transcript reads as finished (not as one to resume). Nothing to record before
        the first reply, or once an ending is reached."""
        if self.over or not self.turns:
            return
        self._apply(
            EndingEvent(
                turn=self.turns[-1].number,
                id=STOPPED_ENDING,
                title="You ended the conversation before it reached an ending",
                outcome="neutral",
            )
        )
        self.recorder.commit()

    def close(self) -> None:
        self.recorder.close()

    # -- helpers -----------------------------------------------------------------------------

    def _apply(self, event: Any) -> None:
        """Record an event and apply it to the record."""
        self.recorder.record(event)
        self.record.add(event)

    def _record_ending(self, number: int, ending_id: str) -> None:
        ending = self.scenario.ending(ending_id)
        self._apply(
            EndingEvent(
                turn=number,
                id=ending_id,
                title=ending.title if ending else "Out of time",
                outcome=ending.outcome if ending else "neutral",
            )
        )

    async def _commit(self) -> None:
        # durable before the next reply is accepted, without holding up the screen
        await asyncio.to_thread(self.recorder.commit)

    async def _notice(self, number: int, text: str, heard: TurnListener) -> None:
        self._apply(NoticeEvent(turn=number, text=text))
        await heard.notice(text)

    def _failure_notice(self, kind: str, exc: Exception, instead: str) -> str | None:
        """What to tell the user about a failed part (None: already told it is paused)."""
        if getattr(exc, "paused", False):
            if kind in self._paused_told:
                return None
            self._paused_told.add(kind)
        part = self.judge if kind == "judge" else self.voice
        reason = getattr(exc, "reason", None) or type(exc).__name__
        if isinstance(exc, StoppedWaiting):
            return f"You stopped waiting for the {part.name} {kind}; {instead}"
        if getattr(exc, "paused", False):
            return f"{reason[:1].upper()}{reason[1:]}; {instead}"
        text = f"The {part.name} {kind} failed ({reason}); {instead}"
        if getattr(part, "paused", False) and not getattr(exc, "paused", False):
            self._paused_told.add(kind)
            text += " LLM mode is paused until it answers again."
        return text

    async def _assess(self, exchange: Exchange, notices: list[str]) -> Assessment:
        try:
            assessment: Assessment = await self.waiter.wait(
                self.judge.assess(exchange, self.rubric)
            )
            self._paused_told.discard("judge")
            return assessment
        except Exception as exc:  # a judge failure must never cost the user their turn
            fallback = self._fallback_judge or _offline_judge()
            self._fallback_judge = fallback
            if self.judge.name == fallback.name:
                raise
            notice = self._failure_notice(
                "judge", exc, "this reply was scored by the offline judge."
            )
            if notice:
                notices.append(notice)
            return await fallback.assess(exchange, self.rubric)

    async def _say(
        self,
        utterance: Utterance,
        number: int,
        heard: TurnListener,
        reaction: Category | None,
        credit: str | None = None,
    ) -> None:
        context = SpeechContext(
            self.scenario, self.state, tuple(self.record.conversation), reaction
        )
        how = credit if utterance.reveals else None
        parts: list[str] = []
        await heard.speaking()
        try:
            speech = self.voice.speak(utterance, context)
            await self.waiter.wait(stream(speech, parts, heard, self.turn_budget), bounded=False)
            text = visible("".join(parts).strip())
            voice = self.voice.name
            if not text:  # nothing said: the authored line
                text, voice = utterance.text, self.fallback_voice.name
            self._paused_told.discard("voice")
        except Exception as exc:  # the persona must always answer
            if self.voice is self.fallback_voice:
                raise
            shown = visible("".join(parts).strip())
            if shown:  # what was shown stays, marked as cut off, never as a whole line
                cut = PersonaEvent(
                    turn=number, text=shown, line=utterance.line, voice=self.voice.name, cut=True
                )
                self._apply(cut)
                await heard.spoken(cut)
            name = self.scenario.persona.name
            notice = self._failure_notice("voice", exc, f"{name}'s scripted line is shown instead.")
            if notice:
                await self._notice(number, notice, heard)
            await heard.speaking()
            text, voice = utterance.text, self.fallback_voice.name
            await heard.text(text)
        event = PersonaEvent(
            turn=number,
            text=text,
            line=utterance.line,
            reveals=utterance.reveals,
            how=how,
            voice=voice,
        )
        self._apply(event)
        await heard.spoken(event)


def _listener(on_text: OnText | None, listener: TurnListener | None) -> TurnListener:
    if listener is not None:
        return listener
    return TextListener(on_text) if on_text is not None else TurnListener()


__all__ = [
    "OnText",
    "ReplyTooLong",
    "Session",
    "SessionOver",
    "StoppedWaiting",
    "Transition",
    "Turn",
    "TurnListener",
]
