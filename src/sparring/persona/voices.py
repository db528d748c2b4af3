"""Voices: HOW the persona says the line the script chose.

The contract every voice meets (the scripted voice here; an LLM voice in `adapters.llm`):

- It receives the chosen `Utterance` (what the rules decided she says now, with the authored
  text) and a `SpeechContext` (the scenario, her state after the reply, the conversation so
  far, and the kind of reaction). It never decides what happens: reveals and endings are the
  rules' and the script's.
- `speak` yields the words, in one piece or as a stream of pieces; the session shows each piece
  as it comes and records the joined text.
- It may raise any exception (a network failure, a time-out): the session then says the
  authored line instead, with a visible notice, and the conversation goes on. It must never
  block without a bound, never speak as the user, and never reveal a concern the utterance
  does not reveal.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from sparring.formats.moves import Category
from sparring.formats.scenario import Scenario
from sparring.persona.rules import PersonaState
from sparring.persona.script import Utterance


@dataclass(frozen=True)
class SpeechContext:
    """What a voice may use to say an utterance in role."""

    scenario: Scenario
    state: PersonaState
    conversation: tuple[tuple[str, str], ...]
    """The conversation so far as (speaker, text), speaker "persona" or "user"."""
    reaction: Category | None = None


class Voice(Protocol):
    name: str
    """Recorded in the transcript: which voice said each line (a model name, never a key)."""

    def speak(self, utterance: Utterance, context: SpeechContext) -> AsyncIterator[str]:
        """Yield the persona's words, in one piece or as a stream of pieces."""
        ...


class ScriptedVoice:
    """Says the authored line exactly as written."""

    name = "scripted"

    async def speak(self, utterance: Utterance, context: SpeechContext) -> AsyncIterator[str]:
        yield utterance.text
