"""A conversation as data: everything that happened, rebuilt from its events.

The same object backs a live session (events are applied as they happen) and a saved one
(events read back from a transcript), so replay, debrief and comparison see exactly what was
shown live.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sparring.formats.diagnostics import Diagnostic
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.judge.base import Assessment, Exchange
from sparring.persona.rules import PersonaState, initial_state
from sparring.session.debrief import Debrief, TurnSummary, build_debrief
from sparring.session.events import (
    AssessmentEvent,
    EndingEvent,
    Header,
    NoticeEvent,
    PersonaEvent,
    StateEvent,
    UserEvent,
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


@dataclass
class TranscriptData:
    """A saved conversation as read back: its header, the scenario and rubrics it embeds
    (validated), its events, and anything that was skipped while reading."""

    path: Path
    header: Header
    scenario: Scenario
    rubric: Rubric
    session_rubric: Rubric | None = None
    events: list[Any] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def ending(self) -> EndingEvent | None:
        return next((e for e in reversed(self.events) if isinstance(e, EndingEvent)), None)

    @property
    def title(self) -> str:
        return self.scenario.title


@dataclass
class ConversationRecord:
    """What has happened in one conversation so far."""

    scenario: Scenario
    rubric: Rubric
    session_rubric: Rubric | None = None
    header: Header | None = None
    opening: list[PersonaEvent] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    ending: EndingEvent | None = None
    notices: list[NoticeEvent] = field(default_factory=list)
    pending_reply: str | None = None
    """A reply that was recorded but never judged (the session stopped right after it)."""
    lines_used: list[str] = field(default_factory=list)
    conversation: list[tuple[str, str]] = field(default_factory=list)
    """What was said, in order, as (speaker, text); speaker is "persona" or "user"."""
    path: Path | None = None
    state: PersonaState = field(init=False)
    state_before_last: PersonaState = field(init=False)

    def __post_init__(self) -> None:
        self.state = self.state_before_last = initial_state(self.scenario)

    @classmethod
    def from_saved(cls, data: TranscriptData) -> ConversationRecord:
        """A saved conversation, read-only: for replay, the debrief and comparisons."""
        record = cls(data.scenario, data.rubric, data.session_rubric, data.header, path=data.path)
        record.replay(data.events)
        return record

    @property
    def opening_notices(self) -> list[str]:
        """Notices said before the first reply (an LLM voice that failed on the opening)."""
        return [n.text for n in self.notices if n.turn == 0]

    # -- applying events ---------------------------------------------------------------------

    def replay(self, events: list[Any]) -> None:
        """Apply saved events in order (a turn is complete once its state is recorded)."""
        user: UserEvent | None = None
        assessment: Assessment | None = None
        for event in events:
            if isinstance(event, UserEvent):
                user, assessment = event, None
            elif isinstance(event, AssessmentEvent):
                assessment = event.assessment
            elif isinstance(event, StateEvent) and user is not None and assessment is not None:
                self.add_turn(Turn(event.turn, user.text, assessment, event))
                user = None
            else:
                self.add(event)
        if user is not None:
            self.pending_reply = user.text

    def add(self, event: Any) -> None:
        """Apply one persona line, notice or ending (to the turn of the same number)."""
        last = self.turns[-1] if self.turns else None
        current = last if last is not None and last.number == getattr(event, "turn", -1) else None
        if isinstance(event, PersonaEvent):
            if not event.cut:  # a line that broke off is shown, but the line after it was said
                self.lines_used.append(event.line)
                self.conversation.append(("persona", event.text))
            if event.turn == 0:
                self.opening.append(event)
            elif current is not None:
                current.persona.append(event)
        elif isinstance(event, NoticeEvent):
            self.notices.append(event)
            if current is not None:
                current.notices.append(event.text)
        elif isinstance(event, EndingEvent):
            self.ending = event
            if current is not None:
                current.ending = event

    def add_turn(self, turn: Turn) -> None:
        """Apply a judged reply and the state it left the persona in."""
        self.state_before_last = self.state
        self.turns.append(turn)
        self.conversation.append(("user", turn.user_text))
        state = turn.state
        self.state = PersonaState(
            MappingProxyType(dict(state.meters)),
            tuple(state.revealed),
            state.turn,
            state.stage,
            state.idle_run,
        )

    # -- reading -----------------------------------------------------------------------------

    @property
    def turn(self) -> int:
        """The number of replies judged so far."""
        return len(self.turns)

    @property
    def over(self) -> bool:
        return self.ending is not None

    @property
    def understood(self) -> bool:
        """Every concern is out: proposals are now commitments, not quick fixes."""
        concerns = self.scenario.concerns
        return bool(concerns) and len(self.state.revealed) == len(concerns)

    @property
    def last_persona_line(self) -> str | None:
        return next((text for who, text in reversed(self.conversation) if who == "persona"), None)

    def exchange(self, reply: str) -> Exchange:
        """What the judge is given for the next reply, as things stand now (the live session
        and a re-scoring of a saved one ask here, so both judge the same thing)."""
        return Exchange(
            reply=reply,
            persona_line=self.last_persona_line,
            persona_name=self.scenario.persona.name,
            user_name=self.scenario.user_name,
            conversation=tuple(self.conversation),
            understood=self.understood,
            turn=self.turn + 1,
            confrontation=True,  # every scenario is someone upset with the user
        )

    def revealed_at(self) -> dict[str, int]:
        """For each concern revealed, the reply after which it came out."""
        found: dict[str, int] = {}
        for turn in self.turns:
            for event in turn.persona:
                if event.reveals:
                    found.setdefault(event.reveals, turn.number)
        return found

    def revealed_how(self) -> dict[str, str]:
        """For each concern revealed, how: asked, named or volunteered (older transcripts
        did not say)."""
        found: dict[str, str] = {}
        for turn in self.turns:
            for event in turn.persona:
                if event.reveals and event.how:
                    found.setdefault(event.reveals, event.how)
        return found

    def debrief(self) -> Debrief:
        summaries = [
            TurnSummary(
                number=t.number,
                user_text=t.user_text,
                scores={s.dimension: s.score for s in t.assessment.scores},
                moves=tuple(e.move.value for e in t.assessment.moves),
                suggestion=t.assessment.suggestion,
                persona_text=" ".join(p.text for p in t.persona if not p.cut),
            )
            for t in self.turns
        ]
        last = self.turns[-1] if self.turns else None
        said = [p for p in last.persona if not p.cut] if last else []
        closing = said[-1].text if self.ending and said else None
        ending = self.ending
        return build_debrief(
            self.scenario,
            self.rubric,
            self.session_rubric,
            summaries,
            revealed_at=self.revealed_at(),
            ending=(ending.id, ending.title, ending.outcome) if ending else None,
            closing_line=closing,
        )
