"""The session: one object that the TUI and the headless runner both drive.

One turn: record the reply -> the judge assesses it -> the persona's state moves -> endings
are checked -> the persona speaks (maybe streamed) -> the turn is made durable. The judge and
the voice sit behind small interfaces; when either fails, the session falls back to the offline
judge or the scripted line and says so, and the reply is never lost.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sparring import __version__
from sparring.adapters.files.transcripts import TranscriptData, TranscriptWriter
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.moves import Category
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Line, Scenario
from sparring.formats.untrusted import visible
from sparring.judge.base import Assessment, Exchange, Judge
from sparring.judge.offline.judge import OfflineJudge
from sparring.persona.rules import (
    STOPPED_ENDING,
    TURN_LIMIT_ENDING,
    PersonaState,
    Transition,
    advance,
    initial_state,
)
from sparring.persona.voices import (
    DEFAULT_TURN_LIMIT_LINE,
    ScriptedVoice,
    SpeechContext,
    Utterance,
    Voice,
    choose_line,
    fill,
)
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

OnText = Callable[[str], Awaitable[None] | None]


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


@dataclass
class Turn:
    """One reply and everything that followed from it."""

    number: int
    user_text: str
    assessment: Assessment
    state: StateEvent
    persona: list[PersonaEvent] = field(default_factory=list)
    ending: EndingEvent | None = None
    notices: list[str] = field(default_factory=list)


def _embed(model: Scenario | Rubric) -> Embedded:
    data = model.model_dump(mode="json", exclude_defaults=True)
    return Embedded(id=model.id, hash=content_hash(data), data=data)


class Session:
    """A rehearsal in progress. Create it with `Session.start` or `Session.resume`."""

    def __init__(
        self,
        scenario: Scenario,
        rubric: Rubric,
        *,
        session_rubric: Rubric | None = None,
        judge: Judge | None = None,
        voice: Voice | None = None,
        seed: int = 0,
        writer: TranscriptWriter | None = None,
    ) -> None:
        self.scenario = scenario
        self.rubric = rubric
        self.session_rubric = session_rubric
        self.judge: Judge = judge or OfflineJudge()
        self.voice: Voice = voice or ScriptedVoice()
        self.fallback_judge = OfflineJudge()
        self.fallback_voice = ScriptedVoice()
        self.seed = seed
        self.writer = writer
        self.state: PersonaState = initial_state(scenario)
        self.opening: list[PersonaEvent] = []
        self.turns: list[Turn] = []
        self.used_lines: list[str] = []
        self.history: list[tuple[str, str]] = []
        self.ending: EndingEvent | None = None
        self.notices: list[NoticeEvent] = []
        self.pending_reply: str | None = None
        self.header: Header | None = None
        self._state_before_last: PersonaState = self.state
        self.source_path: Path | None = None  # the transcript a read-only view was built from

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
        transcript: Path | None = None,
        now: datetime | None = None,
        parent: Parent | None = None,
        on_text: OnText | None = None,
    ) -> Session:
        """A new session: writes the header and the persona's opening line."""
        writer = TranscriptWriter(transcript) if transcript else None
        session = cls(
            scenario,
            rubric,
            session_rubric=session_rubric,
            judge=judge,
            voice=voice,
            seed=seed,
            writer=writer,
        )
        session.header = Header(
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
        session._record(session.header)
        utterance = session._choose("opening", scenario.opening, "opening", None)
        event = await session._say(utterance, 0, on_text, None)
        session.opening.append(event)
        session._sync()
        return session

    @classmethod
    async def resume(
        cls,
        data: TranscriptData,
        *,
        judge: Judge | None = None,
        voice: Voice | None = None,
        writer: TranscriptWriter | None = None,
        on_text: OnText | None = None,
    ) -> Session:
        """Continue a transcript: rebuild everything from its events, then finish a turn that
        was interrupted (its reply is judged again, never lost)."""
        header = data.header
        scenario = data.scenario
        session = cls(
            scenario,
            data.rubric,
            session_rubric=data.session_rubric,
            judge=judge,
            voice=voice,
            seed=header.seed,
            writer=writer,
        )
        session.header = header
        session._replay(data.events)
        if session.pending_reply is not None and session.ending is None:
            text, session.pending_reply = session.pending_reply, None
            await session._play_turn(text, on_text, record_user=False)
        elif session.turns and session.ending is None:
            await session._finish_interrupted_turn(on_text)
        elif not session.opening:
            utterance = session._choose("opening", scenario.opening, "opening", None)
            session.opening.append(await session._say(utterance, 0, on_text, None))
            session._sync()
        return session

    @classmethod
    def from_transcript(cls, data: TranscriptData) -> Session:
        """A read-only view of a transcript (for replay and the debrief): nothing is judged,
        spoken or written."""
        header = data.header
        session = cls(
            data.scenario, data.rubric, session_rubric=data.session_rubric, seed=header.seed
        )
        session.header = header
        session.source_path = data.path
        session._replay(data.events)
        return session

    def _replay(self, events: list[Any]) -> None:
        current: Turn | None = None
        pending_user: UserEvent | None = None
        pending_assessment: Assessment | None = None
        for event in events:
            if isinstance(event, PersonaEvent):
                self.used_lines.append(event.line)
                self.history.append(("persona", event.text))
                if event.turn == 0:
                    self.opening.append(event)
                elif current is not None:
                    current.persona.append(event)
            elif isinstance(event, UserEvent):
                pending_user, pending_assessment, current = event, None, None
            elif isinstance(event, AssessmentEvent):
                pending_assessment = event.assessment
            elif isinstance(event, StateEvent) and pending_user and pending_assessment:
                self._state_before_last = self.state
                current = Turn(event.turn, pending_user.text, pending_assessment, event)
                self.turns.append(current)
                self.history.append(("user", pending_user.text))
                self.state = PersonaState(
                    MappingProxyType(dict(event.meters)),
                    tuple(event.revealed),
                    event.turn,
                    event.stage,
                )
                pending_user = None
            elif isinstance(event, NoticeEvent):
                self.notices.append(event)
                if current is not None:
                    current.notices.append(event.text)
            elif isinstance(event, EndingEvent):
                self.ending = event
                if current is not None:
                    current.ending = event
        if pending_user is not None:
            self.pending_reply = pending_user.text

    # -- playing -----------------------------------------------------------------------------

    @property
    def turn(self) -> int:
        return len(self.turns)

    @property
    def over(self) -> bool:
        return self.ending is not None

    @property
    def understood(self) -> bool:
        """Every concern is out: proposals are now commitments, not quick fixes."""
        return bool(self.scenario.concerns) and len(self.state.revealed) == len(
            self.scenario.concerns
        )

    @property
    def last_persona_line(self) -> str | None:
        return next((text for who, text in reversed(self.history) if who == "persona"), None)

    async def submit(self, text: str, on_text: OnText | None = None) -> Turn:
        """Play one reply. The reply is written to the transcript before anything else.
        Control characters are made visible first (what is judged is what is recorded); a
        reply over the limit raises ReplyTooLong and nothing is recorded."""
        if self.over:
            raise SessionOver("the conversation has ended")
        if len(text) > MAX_REPLY_CHARS:
            raise ReplyTooLong(len(text))
        return await self._play_turn(visible(text), on_text, record_user=True)

    async def _play_turn(self, text: str, on_text: OnText | None, *, record_user: bool) -> Turn:
        number = self.turn + 1
        if record_user:
            self._record(UserEvent(turn=number, text=text))
        exchange = Exchange(
            reply=text,
            persona_line=self.last_persona_line,
            persona_name=self.scenario.persona.name,
            user_name=self.scenario.user_name,
            history=tuple(self.history),
            understood=self.understood,
            turn=number,
        )
        notices: list[str] = []
        assessment = await self._assess(exchange, notices)
        self._record(AssessmentEvent(turn=number, assessment=assessment))
        step = advance(self.scenario, self.state, assessment.categories)
        self.state = step.after
        state_event = StateEvent(
            turn=number,
            meters=dict(step.after.meters),
            revealed=list(step.after.revealed),
            stage=step.after.stage,
            reaction=step.reaction,
            effects=dict(step.effects),
        )
        self._record(state_event)
        self.history.append(("user", text))
        turn = Turn(number, text, assessment, state_event, notices=notices)
        self.turns.append(turn)
        for notice in notices:
            self._record(NoticeEvent(turn=number, text=notice))

        for utterance in self._utterances(step):
            turn.persona.append(
                await self._say(utterance, number, on_text, step.reaction, turn.notices)
            )
        if step.ending is not None:
            self._record_ending(turn, step.ending)
        self._sync()
        return turn

    async def _finish_interrupted_turn(self, on_text: OnText | None) -> None:
        """A crash after the state was written but before the persona answered (or before
        the ending was recorded): finish the turn as it would have finished."""
        turn = self.turns[-1]
        step = advance(self.scenario, self._state_before_last, turn.assessment.categories)
        if not turn.persona:
            for utterance in self._utterances(step):
                turn.persona.append(
                    await self._say(utterance, turn.number, on_text, step.reaction, turn.notices)
                )
        if step.ending is not None and self.ending is None:
            if not any(p.line.startswith("endings.") for p in turn.persona):
                ending_lines = [u for u in self._utterances(step) if u.purpose == "closing"]
                for utterance in ending_lines:
                    turn.persona.append(
                        await self._say(
                            utterance, turn.number, on_text, step.reaction, turn.notices
                        )
                    )
            self._record_ending(turn, step.ending)
        self._sync()

    def stop(self) -> None:
        """The user ends the conversation before it reaches an ending: recorded as an ending,
        so the transcript reads as finished (not as one to resume). Nothing to record before
        the first reply, or once an ending is reached."""
        if self.ending is not None or not self.turns:
            return
        turn = self.turns[-1]
        turn.ending = self.ending = EndingEvent(
            turn=turn.number,
            id=STOPPED_ENDING,
            title="You ended the conversation before it reached an ending",
            outcome="neutral",
        )
        self._record(turn.ending)
        self._sync()

    def _record_ending(self, turn: Turn, ending_id: str) -> None:
        ending = self.scenario.ending(ending_id)
        turn.ending = self.ending = EndingEvent(
            turn=turn.number,
            id=ending_id,
            title=ending.title if ending else "Out of time",
            outcome=ending.outcome if ending else "neutral",
        )
        self._record(turn.ending)

    async def _assess(self, exchange: Exchange, notices: list[str]) -> Assessment:
        try:
            return await self.judge.assess(exchange, self.rubric)
        except Exception as exc:  # a judge failure must never cost the user their turn
            if self.judge is self.fallback_judge:
                raise
            notices.append(
                f"The {self.judge.name} judge failed ({type(exc).__name__}); this reply was "
                "scored by the offline judge."
            )
            return await self.fallback_judge.assess(exchange, self.rubric)

    def _utterances(self, step: Transition) -> list[Utterance]:
        out = []
        reply = step.categories
        if step.revealed:
            concern = self.scenario.concern(step.revealed)
            out.append(
                self._choose(
                    "reveal",
                    concern.lines,
                    f"concerns.{concern.id}",
                    reply,
                    reveals=concern.id,
                )
            )
        if step.ending is not None:
            ending = self.scenario.ending(step.ending)
            if ending is not None:
                out.append(self._choose("closing", ending.lines, f"endings.{ending.id}", reply))
            elif step.ending == TURN_LIMIT_ENDING:
                text = fill(
                    DEFAULT_TURN_LIMIT_LINE,
                    user=self.scenario.user_name,
                    persona=self.scenario.persona.name,
                )
                out.append(Utterance("closing", "endings.turn_limit[default]", text))
        if not out:
            lines = self.scenario.reactions.for_category(step.reaction).lines
            out.append(self._choose("reaction", lines, f"reactions.{step.reaction.value}", reply))
        return out

    def _choose(
        self,
        purpose: Any,
        lines: list[Line],
        prefix: str,
        reply: frozenset[Category] | None,
        reveals: str | None = None,
    ) -> Utterance:
        rng = random.Random(f"{self.seed}:{self.turn}:{prefix}")
        key, line = choose_line(
            self.scenario, lines, prefix, self.state, reply, self.used_lines, rng
        )
        self.used_lines.append(key)
        text = fill(line.text, user=self.scenario.user_name, persona=self.scenario.persona.name)
        return Utterance(purpose, key, " ".join(text.split()), reveals)

    async def _say(
        self,
        utterance: Utterance,
        number: int,
        on_text: OnText | None,
        reaction: Category | None,
        notices: list[str] | None = None,
    ) -> PersonaEvent:
        context = SpeechContext(self.scenario, self.state, tuple(self.history), reaction)
        parts: list[str] = []
        try:
            async for piece in self.voice.speak(utterance, context):
                parts.append(piece)
                if on_text is not None:
                    result = on_text(piece)
                    if result is not None:
                        await result
            text = "".join(parts).strip() or utterance.text
        except Exception as exc:  # the persona must always answer
            if self.voice is self.fallback_voice:
                raise
            notice = (
                f"The {self.voice.name} voice failed ({type(exc).__name__}); "
                f"{self.scenario.persona.name}'s scripted line is shown instead."
            )
            self.notices.append(NoticeEvent(turn=number, text=notice))
            self._record(self.notices[-1])
            if notices is not None:
                notices.append(notice)
            text = utterance.text
            if on_text is not None:
                result = on_text("\n" + text if parts else text)
                if result is not None:
                    await result
        event = PersonaEvent(turn=number, text=text, line=utterance.line, reveals=utterance.reveals)
        self._record(event)
        self.history.append(("persona", text))
        return event

    # -- views -------------------------------------------------------------------------------

    def hint(self) -> str:
        from sparring.persona.hints import hint

        last = self.turns[-1].state.reaction if self.turns else None
        return hint(self.scenario, self.state, last)

    def debrief(self) -> Debrief:
        from sparring.session.debrief import TurnSummary, build_debrief

        summaries = [
            TurnSummary(
                number=t.number,
                user_text=t.user_text,
                scores={s.dimension: s.score for s in t.assessment.scores},
                moves=tuple(e.move.value for e in t.assessment.moves),
                suggestion=t.assessment.suggestion,
                persona_text=" ".join(p.text for p in t.persona),
            )
            for t in self.turns
        ]
        revealed_at: dict[str, int] = {}
        for t in self.turns:
            for event in t.persona:
                if event.reveals:
                    revealed_at.setdefault(event.reveals, t.number)
        closing = self.turns[-1].persona[-1].text if self.ending and self.turns else None
        return build_debrief(
            self.scenario,
            self.rubric,
            self.session_rubric,
            summaries,
            revealed_at=revealed_at,
            ending=(self.ending.id, self.ending.title, self.ending.outcome)
            if self.ending
            else None,
            closing_line=closing,
        )

    # -- recording ---------------------------------------------------------------------------

    def _record(self, event: Any) -> None:
        if self.writer is not None:
            self.writer.write(event)

    def _sync(self) -> None:
        if self.writer is not None:
            self.writer.sync()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()

    @property
    def transcript_path(self) -> Path | None:
        return self.writer.path if self.writer else self.source_path
