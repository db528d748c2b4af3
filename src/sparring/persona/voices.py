"""The persona's voice: choosing what to say (always scripted, from the state) and saying it.

The session decides WHAT happens with the persona's rules and picks an authored line for it;
a voice decides HOW it is said. The scripted voice says the authored line as written; an LLM
voice (later) rephrases it in role, using the authored lines as style examples, and may stream.
"""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from sparring.formats.moves import Category
from sparring.formats.scenario import Line, Scenario
from sparring.persona.rules import PersonaState, holds

Purpose = Literal["opening", "reaction", "reveal", "closing"]

DEFAULT_TURN_LIMIT_LINE = (
    "{persona} checks the time. \"I have to get to my next meeting. We'll pick this up another "
    'time."'
)


@dataclass(frozen=True)
class Utterance:
    """What the persona is about to say, as chosen by the rules."""

    purpose: Purpose
    line: str  # which authored line, e.g. "reactions.defensive[2]"
    text: str  # the authored line with placeholders filled
    reveals: str | None = None


@dataclass(frozen=True)
class SpeechContext:
    """What a voice may use to say an utterance in role."""

    scenario: Scenario
    state: PersonaState
    history: tuple[tuple[str, str], ...]  # (speaker, text): "persona" or "user"
    reaction: Category | None = None


class Voice(Protocol):
    name: str

    def speak(self, utterance: Utterance, context: SpeechContext) -> AsyncIterator[str]:
        """Yield the persona's words, in one piece or as a stream of pieces."""
        ...


class ScriptedVoice:
    """Says the authored line exactly as written."""

    name = "scripted"

    async def speak(self, utterance: Utterance, context: SpeechContext) -> AsyncIterator[str]:
        yield utterance.text


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
) -> tuple[str, Line]:
    """Pick a line whose condition holds: never the line said last, and no line repeated in a
    session while an unused one remains. Deterministic for a given `rng`."""
    keyed = [(f"{prefix}[{i}]", line) for i, line in enumerate(lines)]
    eligible = [(k, ln) for k, ln in keyed if holds(ln.when, state, scenario, reply)]
    if not eligible:
        eligible = [(k, ln) for k, ln in keyed if ln.when is None] or keyed
    last = used[-1] if used else None
    fresh = [(k, ln) for k, ln in eligible if k not in used]
    if fresh:
        pool = fresh
    else:
        not_last = [(k, ln) for k, ln in eligible if k != last]
        if not not_last:
            # every eligible line was the last one said: widen to all lines of the reaction
            not_last = [(k, ln) for k, ln in keyed if k != last] or eligible
        pool = not_last
    return pool[rng.randrange(len(pool))]
