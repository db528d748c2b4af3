"""The persona's state and the rules that move it: pure functions of the scenario.

One reply moves the state in four steps:

1. Its effects move the meters: the effects of its kinds (defensive, listening, ...), less
   when the judge was unsure, replaced by impatience when she cannot make sense of it or when
   it is empty or repeated in a run; a reply of no kind that still says something of its own
   (a closed question, a plain statement) moves nothing. A defence that also listens or asks
   moves her half as much. Each concern still hidden holds back a meter with `held_back`, so
   it cannot reach its best while nothing has come out.
2. At most one hidden concern comes out: one the reply touches (by the concern's `about`
   words) whose condition holds, else the first whose condition holds. A concern the user
   names in a statement is recognised with a little less trust than asking would take.
   Coming out moves the meters by the concern's own `effects` (often a relief).
3. The first ending whose condition holds ends the conversation; so does a run of empty or
   repeated replies longer than her `patience` (the bad ending), or the turn limit. An ending
   with a bad outcome never comes from a reply the judge was unsure about.
4. Which of her reactions answers it: she is confused, notices the repetition, defends,
   doubts a quick fix, holds back about a concern asked too early, confirms a check, takes an
   apology, follows up on a concern already out, or reacts to the listening or the question.

The scripted voice, the LLM voice, the validator's reachability search and the UI all use
these same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sparring.formats.common import METER_MAX, METER_MIN
from sparring.formats.moves import Category, Move, primary_category
from sparring.formats.scenario import Concern, Condition, Scenario
from sparring.persona.reply import Reply, plain_reply, says

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
    idle_run: int = 0
    """Empty or repeated replies in a row (her patience wears thin)."""

    @property
    def revealed_set(self) -> frozenset[str]:
        return frozenset(self.revealed)

    def to_dict(self) -> dict[str, object]:
        return {
            "meters": dict(self.meters),
            "revealed": list(self.revealed),
            "turn": self.turn,
            "stage": self.stage,
            "idle_run": self.idle_run,
        }


@dataclass(frozen=True, slots=True)
class Transition:
    """What one reply did to the persona."""

    before: PersonaState
    after: PersonaState
    reaction: Category
    """The kind of reply she reacted to (the strongest of its kinds)."""
    categories: frozenset[Category]
    effects: Mapping[str, int] = field(default_factory=dict)
    revealed: str | None = None
    ending: str | None = None
    kind: str = "minimal"
    """Whose lines answer it: a category, or confused, repeated, apology, check, not_yet,
    follow_up (a concern already out), named (a concern the user named)."""
    credit: str | None = None
    """How the revealed concern came out: asked, named, or volunteered."""
    subject: str | None = None
    """The concern her answer is about (not_yet, follow_up)."""
    moves: frozenset[Move] = frozenset()
    """The moves she heard in the reply (none when it was empty, repeated or baffling, or the
    judge was unsure of its reading)."""
    words: tuple[str, ...] = ()
    """Its words as she heard them, stemmed (none when she heard no moves either)."""


def initial_state(scenario: Scenario) -> PersonaState:
    meters = {name: meter.start for name, meter in scenario.meters.items()}
    state = PersonaState(MappingProxyType(meters))
    return PersonaState(state.meters, stage=stage_of(scenario, state))


def holds(
    condition: Condition | None,
    state: PersonaState,
    scenario: Scenario,
    reply: frozenset[Category] | None = None,
    moves: frozenset[Move] | None = None,
    words: tuple[str, ...] | None = None,
) -> bool:
    """Whether `condition` holds in `state` (`reply`: the effective categories of the latest
    reply, or None before the first reply; `moves` and `words`: the moves and the stemmed
    words heard in it, or None where they are not known, as in the reachability search,
    where a condition on them never holds)."""
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
    if not answered(condition, moves, words):
        return False
    return not (condition.from_turn is not None and state.turn < condition.from_turn)


def answered(
    condition: Condition, moves: frozenset[Move] | None, words: tuple[str, ...] | None
) -> bool:
    """Whether a reply with these moves and stemmed words (None: not known) made a move and
    used a word the condition names, for each of `moves` and `said` it names."""
    if condition.moves and (moves is None or not moves & set(condition.moves)):
        return False
    return not condition.said or (words is not None and says(words, condition.said))


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


def _add(total: dict[str, int], more: Mapping[str, int]) -> dict[str, int]:
    return {name: total.get(name, 0) + more.get(name, 0) for name in {*total, *more}}


def wears_thin(state: PersonaState, reply: Reply) -> bool:
    """Adds nothing to what she has heard: no recognised move, the same words again, nonsense
    to her, or an empty encourager right after another ("Tell me more" once is fine)."""
    return reply.idle or (reply.content_free and state.idle_run > 0)


def reply_effects(scenario: Scenario, state: PersonaState, reply: Reply) -> dict[str, int]:
    """How far the reply moves each meter, before the meters' limits."""
    reactions = scenario.reactions
    if not reply.intelligible:
        return dict((reactions.confused or reactions.minimal).effects)
    if wears_thin(state, reply):
        in_a_run = state.idle_run > 0 or reply.repeats > 0
        reaction = reactions.repeated if in_a_run and reactions.repeated else reactions.minimal
        return dict(reaction.effects)
    if reply.neutral:
        return {}
    total = effects_for(scenario, reply.categories)
    if reply.apology and reactions.apology is not None:
        total = _add(total, reactions.apology.effects)
    if reply.check and reactions.check is not None:
        total = _add(total, reactions.check.effects)
    if reply.low_confidence or reply.mixed:  # weaker evidence, or a defence with something
        total = {name: int(delta / 2) for name, delta in total.items()}  # else: less (to zero)
    return total


def _bounds(scenario: Scenario, name: str, hidden: int) -> tuple[int, int]:
    """The range a meter may take with `hidden` concerns still hidden."""
    meter = scenario.meters[name]
    held = meter.held_back * hidden
    if meter.better == "higher":
        return METER_MIN, max(METER_MIN, METER_MAX - held)
    return min(METER_MAX, METER_MIN + held), METER_MAX


def _move(
    scenario: Scenario, meters: Mapping[str, int], effects: Mapping[str, int], hidden: int
) -> dict[str, int]:
    """The meters after `effects`, within 0-10 and the limits hidden concerns set (a meter
    is never pushed back by a limit alone)."""
    moved = {}
    for name, value in meters.items():
        low, high = _bounds(scenario, name, hidden)
        delta = effects.get(name, 0)
        target = value + delta
        if delta > 0:
            target = min(target, max(high, value))
        elif delta < 0:
            target = max(target, min(low, value))
        moved[name] = min(METER_MAX, max(METER_MIN, target))
    return moved


def _relaxed(condition: Condition, by: int) -> Condition:
    """A concern's condition with its meter thresholds eased by `by` (naming it)."""
    return condition.model_copy(
        update={
            "at_least": {k: max(0, v - by) for k, v in condition.at_least.items()},
            "at_most": {k: min(10, v + by) for k, v in condition.at_most.items()},
            "revealed": [] if condition.revealed != "all" else condition.revealed,
            "reply": [],
        }
    )


def _reveal(
    scenario: Scenario, state: PersonaState, reply: Reply
) -> tuple[Concern | None, str | None, str | None]:
    """(the concern that comes out, how it was earned, a touched concern held back)."""
    if reply.idle or Category.defensive in reply.categories:
        return None, None, None
    hidden = [c for c in scenario.concerns if c.id not in state.revealed]
    cats = reply.categories
    for concern in hidden:  # named: she recognises it
        if concern.id in reply.names and holds(_relaxed(concern.reveal_when, 2), state, scenario):
            return concern, "named", None
    # asked about (any question about it counts as asking), or reflected: it comes out once
    # she is ready
    asked = cats | {Category.inquiry} if reply.asks and not reply.idle else cats
    for concern in hidden:
        if concern.id in reply.touches and holds(concern.reveal_when, state, scenario, asked):
            return concern, "asked", None
    held_back = next((c.id for c in hidden if c.id in reply.touches), None)
    for concern in hidden:
        if holds(concern.reveal_when, state, scenario, asked):
            return concern, "volunteered", held_back
    return None, None, held_back


def _ending(
    scenario: Scenario,
    state: PersonaState,
    heard: frozenset[Category],
    unsure: bool,
    turn_limit: bool,
) -> str | None:
    for candidate in scenario.endings:
        if candidate.when is None or not holds(candidate.when, state, scenario, heard):
            continue
        if candidate.outcome == "bad" and unsure:
            continue  # one uncertain reading is not a pattern
        return candidate.id
    if state.idle_run >= scenario.patience:
        bad = next((e for e in scenario.endings if e.outcome == "bad"), None)
        if bad is not None:
            return bad.id
    if turn_limit and state.turn >= scenario.turn_limit:
        return TURN_LIMIT_ENDING
    return None


def _kind(
    scenario: Scenario, before: PersonaState, reply: Reply, held_back: str | None
) -> tuple[str, str | None]:
    """Which lines answer the reply, and the concern they are about (if any)."""
    cats = reply.categories
    if not reply.intelligible:
        return "confused", None
    if wears_thin(before, reply):
        # the same words again get the lines about repetition; a run of different empty
        # replies ("ok", then "I hear you") gets her impatience, not "you said that already"
        return ("repeated" if reply.repeats else "minimal"), None
    if reply.neutral:
        return "check", None  # she answers it: confirms, corrects, or says where she stands
    if Category.defensive in cats:
        return "defensive", None
    if Category.reactive_adjustment in cats:
        return "reactive_adjustment", None
    if held_back is not None:
        return "not_yet", held_back
    if reply.check:
        return "check", None
    if reply.apology:
        return "apology", None
    out = [c for c in before.revealed if c in reply.touches]
    if out and Category.inquiry in cats:
        concern = scenario.concern(out[-1])
        if concern.follow_up:
            return "follow_up", concern.id
    return primary_category(cats).value, None


def advance(
    scenario: Scenario,
    state: PersonaState,
    reply: Reply | Iterable[Category],
    *,
    turn_limit: bool = True,
) -> Transition:
    """Apply one reply to the persona's state (see the module's docstring for the rules).
    `reply` may be just its categories. `turn_limit=False` ignores the turn limit (the
    reachability search handles it itself)."""
    if not isinstance(reply, Reply):
        reply = plain_reply(reply)
    effects = reply_effects(scenario, state, reply)
    hidden = len(scenario.concerns) - len(state.revealed)
    meters = _move(scenario, state.meters, effects, hidden)
    idle = wears_thin(state, reply)
    idle_run = state.idle_run + 1 if idle or reply.content_free else 0
    # what she heard: an empty, repeated or baffling reply is nothing, whatever its words
    heard = frozenset({Category.minimal}) if idle else reply.categories
    moved = PersonaState(MappingProxyType(meters), state.revealed, state.turn + 1, None, idle_run)
    concern, credit, held_back = _reveal(scenario, moved, reply)
    if concern is not None:
        effects = _add(effects, concern.effects)
        meters = _move(scenario, moved.meters, concern.effects, hidden - 1)
        moved = PersonaState(
            MappingProxyType(meters),
            (*moved.revealed, concern.id),
            moved.turn,
            None,
            moved.idle_run,
        )
    ending = _ending(scenario, moved, heard, reply.low_confidence, turn_limit)
    kind, subject = _kind(scenario, state, reply, held_back)
    if concern is not None:
        kind, subject = ("named" if credit == "named" else "reveal"), concern.id
    after = PersonaState(
        moved.meters, moved.revealed, moved.turn, stage_of(scenario, moved), moved.idle_run
    )
    return Transition(
        before=state,
        after=after,
        reaction=primary_category(heard),
        categories=heard,
        effects=effects,
        revealed=concern.id if concern is not None else None,
        ending=ending,
        kind=kind,
        credit=credit,
        subject=subject,
        # (a reading the judge was unsure of gets no line that answers a move or its words)
        moves=frozenset() if idle or reply.low_confidence else reply.moves,
        words=() if idle or reply.low_confidence else reply.words,
    )
