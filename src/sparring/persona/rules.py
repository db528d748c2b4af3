"""The persona's state and the rules that move it: pure functions of the scenario.

One reply moves the state in three steps: the reply's effects move the meters, at most one
hidden concern is revealed (the first whose condition holds), and the first ending whose
condition holds ends the conversation (or the turn limit does). The scripted voice, the LLM
voice, the validator's reachability analysis and the UI all use these same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sparring.formats.common import METER_MAX, METER_MIN
from sparring.formats.moves import Category, effective_categories, primary_category
from sparring.formats.scenario import Condition, Scenario

TURN_LIMIT_ENDING = "turn_limit"
# Recorded when the user ends the conversation before the scenario reaches an ending.
STOPPED_ENDING = "stopped"


@dataclass(frozen=True, slots=True)
class PersonaState:
    """Where the conversation stands after a number of replies."""

    meters: Mapping[str, int]
    revealed: tuple[str, ...] = ()
    turn: int = 0
    stage: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "meters": dict(self.meters),
            "revealed": list(self.revealed),
            "turn": self.turn,
            "stage": self.stage,
        }


@dataclass(frozen=True, slots=True)
class Transition:
    """What one reply did to the persona."""

    before: PersonaState
    after: PersonaState
    reaction: Category
    categories: frozenset[Category]
    effects: Mapping[str, int] = field(default_factory=dict)
    revealed: str | None = None
    ending: str | None = None


def initial_state(scenario: Scenario) -> PersonaState:
    meters = {name: meter.start for name, meter in scenario.meters.items()}
    state = PersonaState(MappingProxyType(meters))
    return PersonaState(state.meters, stage=stage_of(scenario, state))


def holds(
    condition: Condition | None,
    state: PersonaState,
    scenario: Scenario,
    reply: frozenset[Category] | None = None,
) -> bool:
    """Whether `condition` holds in `state` (`reply`: the effective categories of the latest
    reply, or None before the first reply)."""
    if condition is None:
        return True
    meters = state.meters
    for name, low in condition.at_least.items():
        if meters.get(name, METER_MIN) < low:
            return False
    for name, high in condition.at_most.items():
        if meters.get(name, METER_MIN) > high:
            return False
    if condition.revealed == "all":
        if len(state.revealed) < len(scenario.concerns):
            return False
    elif condition.revealed and not set(condition.revealed) <= set(state.revealed):
        return False
    if condition.not_revealed and set(condition.not_revealed) & set(state.revealed):
        return False
    if condition.reply and (reply is None or not reply & set(condition.reply)):
        return False
    return not (condition.from_turn is not None and state.turn < condition.from_turn)


def stage_of(scenario: Scenario, state: PersonaState) -> str | None:
    for stage in scenario.stages:
        if holds(stage.when, state, scenario):
            return stage.id
    return None


def effects_for(scenario: Scenario, reply: frozenset[Category]) -> dict[str, int]:
    """The summed meter effects of a reply's effective categories."""
    total: dict[str, int] = {}
    for category in sorted(reply):
        for name, delta in scenario.reactions.for_category(category).effects.items():
            total[name] = total.get(name, 0) + delta
    return total


def advance(
    scenario: Scenario,
    state: PersonaState,
    categories: Iterable[Category],
    *,
    turn_limit: bool = True,
) -> Transition:
    """Apply one reply (the categories its moves fall into) to the persona's state.
    `turn_limit=False` ignores the turn limit (the reachability search handles it itself)."""
    reply = effective_categories(categories)
    effects = effects_for(scenario, reply)
    meters = {
        name: min(METER_MAX, max(METER_MIN, value + effects.get(name, 0)))
        for name, value in state.meters.items()
    }
    moved = PersonaState(MappingProxyType(meters), state.revealed, state.turn + 1)

    revealed = None
    for concern in scenario.concerns:
        if concern.id not in moved.revealed and holds(concern.reveal_when, moved, scenario, reply):
            revealed = concern.id
            moved = PersonaState(moved.meters, (*moved.revealed, concern.id), moved.turn)
            break

    ending = None
    for candidate in scenario.endings:
        if candidate.when is not None and holds(candidate.when, moved, scenario, reply):
            ending = candidate.id
            break
    if ending is None and turn_limit and moved.turn >= scenario.turn_limit:
        ending = TURN_LIMIT_ENDING

    after = PersonaState(moved.meters, moved.revealed, moved.turn, stage_of(scenario, moved))
    return Transition(
        before=state,
        after=after,
        reaction=primary_category(reply),
        categories=reply,
        effects=effects,
        revealed=revealed,
        ending=ending,
    )
