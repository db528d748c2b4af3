"""Playing shipped scenarios with the engine directly (no app), and fakes for the judge and
the voice."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sparring.adapters.files.library import Library
from sparring.adapters.files.transcripts import TranscriptWriter
from sparring.formats.moves import Category, effective_categories
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Line, Scenario
from sparring.judge.base import Assessment, Exchange
from sparring.persona.rules import PersonaState, initial_state
from sparring.persona.script import Utterance
from sparring.persona.voices import SpeechContext
from sparring.session.events import PersonaEvent
from sparring.session.live import Session, Turn
from tests.conftest import SCENARIOS
from tests.support.replies import FIXED_NOW


@cache
def load(scenario_id: str) -> tuple[Scenario, Rubric, Rubric | None]:
    """A shipped scenario with its rubrics (the user's own folder is left out)."""
    library = Library(include_user=False)
    scenario, path = library.resolve_scenario(str(SCENARIOS / f"{scenario_id}.yaml"))
    rubric, session_rubric = library.rubrics_for(scenario, path)
    return scenario, rubric, session_rubric


async def play(
    scenario_id: str,
    replies: Sequence[str],
    *,
    seed: int = 0,
    transcript: Path | None = None,
    now: datetime = FIXED_NOW,
    judge: Any = None,
    voice: Any = None,
) -> Session:
    """Start a session and submit replies until they run out or the conversation ends."""
    scenario, rubric, session_rubric = load(scenario_id)
    session = await Session.start(
        scenario,
        rubric,
        session_rubric=session_rubric,
        seed=seed,
        recorder=TranscriptWriter(transcript) if transcript else None,
        now=now,
        judge=judge,
        voice=voice,
    )
    for reply in replies:
        if session.over:
            break
        await session.submit(reply)
    session.close()
    return session


def authored(scenario: Scenario, key: str) -> tuple[str, list[Line], int]:
    """The authored lines a persona event's `line` key points into: (prefix, lines, index)."""
    prefix, _, rest = key.rpartition("[")
    index = int(rest.rstrip("]"))
    kind, _, name = prefix.partition(".")
    if kind == "opening":
        lines = scenario.opening
    elif kind == "reactions":
        lines = scenario.reactions.for_kind(name).lines
    elif kind == "concerns":
        concern_id, _, part = name.partition(".")
        concern = scenario.concern(concern_id)
        lines = {"": concern.lines, "recognised": concern.recognised}.get(part, concern.follow_up)
    elif kind == "endings":
        ending = scenario.ending(name)
        assert ending is not None, key
        lines = ending.lines
    else:  # pragma: no cover - a key the engine should never write
        raise AssertionError(f"unknown line key {key!r}")
    assert 0 <= index < len(lines), key
    return prefix, lines, index


def state_of(turn: Turn) -> PersonaState:
    s = turn.state
    return PersonaState(dict(s.meters), tuple(s.revealed), turn.number, s.stage)


def spoken(
    session: Session,
) -> list[tuple[PersonaEvent, PersonaState, frozenset[Category] | None]]:
    """Every persona event in order, with the state and reply its line was chosen for."""
    out: list[tuple[PersonaEvent, PersonaState, frozenset[Category] | None]] = [
        (event, initial_state(session.scenario), None) for event in session.opening
    ]
    for turn in session.turns:
        reply = effective_categories(turn.assessment.categories)
        out.extend((event, state_of(turn), reply) for event in turn.persona)
    return out


def transcript_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def first_revealed(session: Session) -> dict[str, int]:
    """Concern id -> the turn whose state event first lists it as revealed."""
    seen: dict[str, int] = {}
    for turn in session.turns:
        for concern in turn.state.revealed:
            seen.setdefault(concern, turn.number)
    return seen


class BrokenJudge:
    name = "llm"

    def __init__(self) -> None:
        self.calls = 0

    async def assess(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        self.calls += 1
        raise TimeoutError("the model did not answer")


class StutteringVoice:
    """Says the opening, then on every later line yields one chunk and fails."""

    name = "llm"

    def __init__(self) -> None:
        self.calls = 0

    async def speak(self, utterance: Utterance, context: SpeechContext) -> AsyncIterator[str]:
        self.calls += 1
        if utterance.purpose == "opening":
            yield utterance.text
            return
        yield "Look, "
        raise ConnectionError("stream dropped")


def stalemate(scenario: Scenario, turn_limit: int = 6) -> Scenario:
    """The scenario with every reaction's effects removed and all the patience there is: nothing a
    reply does moves her, so only the turn limit can end the conversation."""
    reactions = scenario.reactions
    still = {
        name: reaction.model_copy(update={"effects": {}})
        for name in type(reactions).model_fields
        if (reaction := getattr(reactions, name)) is not None
    }
    return scenario.model_copy(
        update={
            "reactions": reactions.model_copy(update=still),
            "patience": 12,
            "turn_limit": turn_limit,
        }
    )
