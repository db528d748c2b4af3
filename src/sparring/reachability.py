"""Which endings and concerns a scenario can reach, by exploring every sequence of reply kinds.

The persona's rules depend only on the kinds of reply (defensive, listening, ...), so a
breadth-first search over those kinds, turn by turn up to the turn limit, finds exactly what
can happen. The validator uses it to flag endings that can never trigger and concerns that can
never come out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from sparring.moves import Category
from sparring.persona import PersonaState, advance, effective_categories, initial_state
from sparring.scenario import Scenario

# Every distinct way a reply can count, after effective_categories(), in a fixed order so the
# example paths the validator finds are the same on every run.
_KINDS = (
    {Category.defensive},
    {Category.minimal},
    {Category.listening},
    {Category.inquiry},
    {Category.reactive_adjustment},
    {Category.listening, Category.inquiry},
    {Category.listening, Category.reactive_adjustment},
    {Category.inquiry, Category.reactive_adjustment},
    {Category.listening, Category.inquiry, Category.reactive_adjustment},
)
REPLY_KINDS: tuple[frozenset[Category], ...] = tuple(
    dict.fromkeys(effective_categories(kind) for kind in _KINDS)
)


@dataclass
class Reach:
    """What some sequence of replies can reach, with the shortest such sequence."""

    endings: dict[str, list[frozenset[Category]]] = field(default_factory=dict)
    concerns: dict[str, list[frozenset[Category]]] = field(default_factory=dict)
    endings_with_all_revealed: set[str] = field(default_factory=set)


def explore(scenario: Scenario, max_states: int = 200_000) -> Reach:
    """Breadth-first over reply kinds; bounded by the turn limit and by `max_states`."""
    reach = Reach()
    start = initial_state(scenario)
    frontier: dict[
        tuple[tuple[int, ...], frozenset[str]], tuple[PersonaState, list[frozenset[Category]]]
    ] = {_key(start): (start, [])}
    names = list(scenario.meters)
    seen = 0
    total_concerns = len(scenario.concerns)
    while frontier and seen < max_states:
        next_frontier: dict[
            tuple[tuple[int, ...], frozenset[str]], tuple[PersonaState, list[frozenset[Category]]]
        ] = {}
        for state, path in frontier.values():
            for kind in REPLY_KINDS:
                seen += 1
                step = advance(scenario, state, kind)
                new_path = [*path, kind]
                if step.revealed and step.revealed not in reach.concerns:
                    reach.concerns[step.revealed] = new_path
                if step.ending is not None:
                    reach.endings.setdefault(step.ending, new_path)
                    if len(step.after.revealed) == total_concerns:
                        reach.endings_with_all_revealed.add(step.ending)
                    continue
                after = PersonaState(
                    MappingProxyType({n: step.after.meters[n] for n in names}),
                    step.after.revealed,
                    step.after.turn,
                )
                next_frontier.setdefault(_key(after), (after, new_path))
        frontier = next_frontier
    return reach


def _key(state: PersonaState) -> tuple[tuple[int, ...], frozenset[str]]:
    return tuple(state.meters.values()), frozenset(state.revealed)
