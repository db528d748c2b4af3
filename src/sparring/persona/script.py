"""The line script: WHAT the persona says next, chosen from the scenario's authored lines.

The persona's rules decide what happens (a reaction, a concern revealed, an ending); the script
picks the authored line for it, deterministically for a seed, never the line said last and no
line twice while an unused one remains. How the line is then said is a voice's job
(`persona.voices`): the scripted voice says it as written, an LLM voice says it in its own words.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sparring.formats.moves import Category, Move
from sparring.formats.scenario import REACTION_FALLBACK, Line, Scenario
from sparring.persona.rules import (
    TURN_LIMIT_ENDING,
    PersonaState,
    Transition,
    answered,
    holds,
)

Purpose = Literal["opening", "reaction", "reveal", "closing"]

REACTION_KINDS = frozenset(
    {"defensive", "reactive_adjustment", "inquiry", "listening", "minimal", *REACTION_FALLBACK}
)

DEFAULT_TURN_LIMIT_LINE = (
    "{persona} checks the time. \"I have to get to my next meeting. We'll pick this up another "
    'time."'
)


@dataclass(frozen=True)
class Utterance:
    """What the persona is about to say, as chosen by the script."""

    purpose: Purpose
    line: str
    """Which authored line, e.g. `reactions.defensive[2]` (so a resumed session keeps variety)."""
    text: str
    """The authored line with its placeholders filled."""
    reveals: str | None = None
    """The concern this line reveals, if any."""


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(user|persona)\}")


def fill(text: str, *, user: str, persona: str) -> str:
    """Fill {user} and {persona}; '{{' and '}}' are literal braces; anything else is left as is."""

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return user if m.group(1) == "user" else persona

    return _PLACEHOLDER.sub(sub, text)


def choose_line(
    scenario: Scenario,
    lines: Sequence[Line],
    prefix: str,
    state: PersonaState,
    reply: frozenset[Category] | None,
    used: Sequence[str],
    rng: random.Random,
    *,
    prefer_specific: bool = False,
    moves: frozenset[Move] | None = None,
    words: tuple[str, ...] | None = None,
) -> tuple[str, Line]:
    """Pick a line whose condition holds: never the line said last, and no line repeated in a
    session while an unused one remains. Deterministic for a given `rng`. With
    `prefer_specific`, lines whose condition names the reply's kind win over the rest; then a
    line written for what the reply did or said (its condition names moves it made or words
    it used) wins while it is unused. `moves`, `words`: the moves and stemmed words heard in
    the reply (None: unknown). A line that answers a move or words the reply did not make or
    use is not said, not even as a fallback, while another line can be."""
    keyed = [(f"{prefix}[{i}]", line) for i, line in enumerate(lines)]
    sayable = [(k, ln) for k, ln in keyed if ln.when is None or answered(ln.when, moves, words)]
    sayable = sayable or keyed
    eligible = [(k, ln) for k, ln in keyed if holds(ln.when, state, scenario, reply, moves, words)]
    if eligible:
        if prefer_specific:
            # a line written for this kind of reply answers it better than a line for any reply
            specific = [(k, ln) for k, ln in eligible if ln.when is not None and ln.when.reply]
            eligible = specific or eligible
        pointed = [(k, ln) for k, ln in eligible if ln.when and ln.when.pointed and k not in used]
        if pointed:
            # a line that answers what they did or said ("Don't hide behind head office" to a
            # blame, "A leadership course. Lovely." to the offer of one)
            return pointed[rng.randrange(len(pointed))]
    else:
        eligible = [(k, ln) for k, ln in keyed if ln.when is None] or sayable
    last = used[-1] if used else None
    fresh = [(k, ln) for k, ln in eligible if k not in used]
    if fresh:
        pool = fresh
    else:
        not_last = [(k, ln) for k, ln in eligible if k != last]
        if not not_last:
            # every eligible line was the last one said: widen to the reaction's other lines
            not_last = [(k, ln) for k, ln in sayable if k != last] or eligible
        pool = not_last
    return pool[rng.randrange(len(pool))]


@dataclass
class LineScript:
    """Chooses the persona's lines for one conversation. `used` is every line key said so
    far, oldest first (rebuilt from the transcript on resume)."""

    scenario: Scenario
    seed: int = 0
    used: list[str] = field(default_factory=list)

    def opening(self, state: PersonaState) -> Utterance:
        return self._choose("opening", self.scenario.opening, "opening", state, None, 0)

    def respond(self, step: Transition) -> list[Utterance]:
        """What the persona says after a reply: the concern it revealed, or the ending's
        closing line, or else a reaction of the reply's kind."""
        scenario, state, reply, turn = self.scenario, step.after, step.categories, step.after.turn
        moves, words = step.moves, step.words
        out = []
        lines: Sequence[Line]
        if step.revealed:
            concern = scenario.concern(step.revealed)
            prefix, lines = f"concerns.{concern.id}", concern.lines
            if step.kind == "named" and concern.recognised:
                prefix, lines = f"{prefix}.recognised", concern.recognised
            out.append(
                self._choose(
                    "reveal",
                    lines,
                    prefix,
                    state,
                    reply,
                    turn,
                    concern.id,
                    moves=moves,
                    words=words,
                )
            )
        if step.ending is not None:
            out.extend(self.closing(step))
        if not out:
            prefix, lines = self._reaction_lines(step)
            out.append(
                self._choose(
                    "reaction", lines, prefix, state, reply, turn, moves=moves, words=words
                )
            )
        return out

    def _reaction_lines(self, step: Transition) -> tuple[str, Sequence[Line]]:
        """The lines that answer the kind of reply (see `persona.rules.advance`)."""
        reactions = self.scenario.reactions
        if step.kind == "follow_up" and step.subject is not None:
            concern = self.scenario.concern(step.subject)
            if concern.follow_up:
                return f"concerns.{concern.id}.follow_up", concern.follow_up
        kind = step.kind if step.kind in REACTION_KINDS else step.reaction.value
        if getattr(reactions, kind, None) is None:
            kind = REACTION_FALLBACK.get(kind, step.reaction.value)
        return f"reactions.{kind}", reactions.for_kind(kind).lines

    def closing(self, step: Transition) -> list[Utterance]:
        """The closing line of the ending `step` reached (none if it reached no ending)."""
        if step.ending is None:
            return []
        ending = self.scenario.ending(step.ending)
        if ending is not None:
            prefix = f"endings.{ending.id}"
            return [
                self._choose(
                    "closing",
                    ending.lines,
                    prefix,
                    step.after,
                    step.categories,
                    step.after.turn,
                    moves=step.moves,
                    words=step.words,
                )
            ]
        if step.ending == TURN_LIMIT_ENDING:
            text = self._fill(DEFAULT_TURN_LIMIT_LINE)
            return [Utterance("closing", "endings.turn_limit[default]", text)]
        return []

    def _fill(self, text: str) -> str:
        filled = fill(text, user=self.scenario.user_name, persona=self.scenario.persona.name)
        return " ".join(filled.split())

    def _choose(
        self,
        purpose: Purpose,
        lines: Sequence[Line],
        prefix: str,
        state: PersonaState,
        reply: frozenset[Category] | None,
        turn: int,
        reveals: str | None = None,
        *,
        moves: frozenset[Move] | None = None,
        words: tuple[str, ...] | None = None,
    ) -> Utterance:
        # Seeded by the seed, the turn and the kind of line: the same replies give the same
        # lines, and a resumed session continues exactly as the original would have.
        rng = random.Random(f"{self.seed}:{turn}:{prefix}")
        key, line = choose_line(
            self.scenario,
            lines,
            prefix,
            state,
            reply,
            self.used,
            rng,
            prefer_specific=purpose == "closing",
            moves=moves,
            words=words,
        )
        self.used.append(key)
        return Utterance(purpose, key, self._fill(line.text), reveals)
