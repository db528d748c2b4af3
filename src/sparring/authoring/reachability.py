"""Which endings and concerns a scenario can reach, by exploring every sequence of reply kinds.

The persona's rules depend only on the kinds of reply (defensive, listening, ...), so a search
over those kinds finds exactly what can happen. Two facts keep it small and exact:

- Past the largest `from_turn` in the scenario (T), the turn number no longer changes what the
  rules do, except for the turn limit. So states are keyed by (meters, revealed, min(turn, T)),
  and the first time a key is met (breadth-first, so at its earliest turn) dominates every
  later visit: the same replies from the earlier state do the same things, with more turns left.
- The turn limit is reachable when some path of `turn_limit` replies never triggers another
  ending: in the graph of those keys, a reachable cycle or a long enough path.

The validator uses it to flag endings that can never trigger and concerns that never come out.
If a scenario is too large to search completely (many meters), the result says so
(`complete` is False) and nothing is reported as unreachable from it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from sparring.formats.moves import Category, effective_categories
from sparring.formats.scenario import Scenario
from sparring.persona.reply import Reply
from sparring.persona.rules import TURN_LIMIT_ENDING, PersonaState, advance, holds
from sparring.persona.rules import initial_state as _initial

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

_INQUIRY = frozenset({Category.inquiry})
_LISTENING = frozenset({Category.listening})
_BOTH = frozenset({Category.listening, Category.inquiry})
_MINIMAL = frozenset({Category.minimal})

# Replies that add nothing: what a user farming the persona would send.
EMPTY_KINDS: tuple[Reply, ...] = (
    Reply(_MINIMAL, content_free=True),
    Reply(_INQUIRY, content_free=True),
    Reply(_BOTH, repeats=1),
    Reply(_INQUIRY, repeats=1),
)


def reply_kinds(scenario: Scenario) -> tuple[Reply, ...]:
    """Every distinct way a reply can move this scenario's persona, in a fixed order (so the
    example paths found are the same on every run)."""
    kinds = [Reply(kind) for kind in REPLY_KINDS]
    reactions = scenario.reactions
    kinds.append(Reply(frozenset({Category.defensive}), low_confidence=True))
    if reactions.apology is not None and reactions.apology.effects:
        kinds.append(Reply(_LISTENING, apology=True))
    if reactions.check is not None and reactions.check.effects:
        kinds.append(Reply(_BOTH, check=True))
    kinds += [Reply(_MINIMAL, intelligible=False), *EMPTY_KINDS]
    for concern in (c for c in scenario.concerns if c.about):
        touch = frozenset({concern.id})
        kinds += [
            Reply(_INQUIRY, touches=touch),
            Reply(_BOTH, touches=touch),
            Reply(_LISTENING, touches=touch, names=touch),
        ]
    return tuple(kinds)


Path = list[Reply]
Key = tuple[tuple[int, ...], frozenset[str], int, int]


@dataclass
class Reach:
    """What some sequence of replies can reach, with the shortest such sequence."""

    endings: dict[str, Path] = field(default_factory=dict)
    concerns: dict[str, Path] = field(default_factory=dict)
    met: set[str] = field(default_factory=set)
    """Endings whose own condition some sequence of replies meets (a bad ending can also come
    from a run of empty replies, whatever its condition)."""
    asked: set[str] = field(default_factory=set)
    """Concerns some question or reflection that touches them can bring out."""
    complete: bool = True
    """False when the search stopped at its limit: then absence proves nothing."""
    states: int = 0


def _turn_horizon(scenario: Scenario) -> int:
    """The largest from_turn that affects the rules (reveals and endings)."""
    conditions = [c.reveal_when for c in scenario.concerns]
    conditions += [e.when for e in scenario.endings if e.when is not None]
    return max((c.from_turn or 0 for c in conditions), default=0)


def explore(
    scenario: Scenario,
    kinds: Sequence[Reply | frozenset[Category]] | None = None,
    max_states: int = 200_000,
) -> Reach:
    """Every ending and concern that some sequence of `kinds` (default: every kind of reply)
    reaches within the turn limit."""
    replies = [k if isinstance(k, Reply) else Reply(k) for k in kinds or reply_kinds(scenario)]
    reach = Reach()
    horizon = _turn_horizon(scenario)
    names = list(scenario.meters)
    start = _initial(scenario)
    start_key = _key(start, horizon)
    depth: dict[Key, int] = {start_key: 0}
    paths: dict[Key, Path] = {start_key: []}
    edges: dict[Key, list[Key]] = {}
    frontier: list[tuple[Key, PersonaState]] = [(start_key, start)]
    while frontier:
        next_frontier: list[tuple[Key, PersonaState]] = []
        for key, state in frontier:
            level = depth[key]
            out = edges.setdefault(key, [])
            if level >= scenario.turn_limit:
                continue  # replies after the limit never happen
            for kind in replies:
                if kind.touches and kind.touches <= state.revealed_set:
                    continue  # touching what is already out moves nothing a plain reply doesn't
                reach.states += 1
                step = advance(scenario, state, kind, turn_limit=False)
                path = [*paths[key], kind]
                if step.revealed and step.revealed not in reach.concerns:
                    reach.concerns[step.revealed] = path
                if step.revealed and step.credit in ("asked", "named"):
                    reach.asked.add(step.revealed)
                if step.ending is not None:
                    reach.endings.setdefault(step.ending, path)
                    ending = scenario.ending(step.ending)
                    if ending is not None and holds(
                        ending.when, step.after, scenario, step.categories
                    ):
                        reach.met.add(step.ending)
                    continue
                after = PersonaState(
                    MappingProxyType({n: step.after.meters[n] for n in names}),
                    step.after.revealed,
                    min(step.after.turn, horizon),
                    None,
                    min(step.after.idle_run, scenario.patience),
                )
                after_key = _key(after, horizon)
                out.append(after_key)
                if after_key not in depth:
                    depth[after_key] = level + 1
                    paths[after_key] = path
                    next_frontier.append((after_key, after))
            if reach.states >= max_states:
                reach.complete = False
                return reach
        frontier = next_frontier
    if _can_last(start_key, edges, scenario.turn_limit):
        reach.endings.setdefault(TURN_LIMIT_ENDING, [])
    return reach


def _key(state: PersonaState, horizon: int) -> Key:
    return (
        tuple(state.meters.values()),
        frozenset(state.revealed),
        min(state.turn, horizon),
        state.idle_run,
    )


def _can_last(start: Key, edges: dict[Key, list[Key]], turns: int) -> bool:
    """Whether some path of `turns` steps from `start` never ends the conversation: a cycle
    is reachable, or the longest path is long enough."""
    longest: dict[Key, int] = {}
    on_path: set[Key] = {start}
    stack: list[tuple[Key, Iterator[Key]]] = [(start, iter(edges.get(start, ())))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is not None:
            if child in on_path:
                return True  # a cycle: the conversation can go on for ever
            if child not in longest:
                on_path.add(child)
                stack.append((child, iter(edges.get(child, ()))))
            continue
        stack.pop()
        on_path.discard(node)
        longest[node] = max((1 + longest[c] for c in edges.get(node, ())), default=0)
        if longest[node] >= turns:
            return True
    return longest.get(start, 0) >= turns
