"""Judges and voices, built from settings: the only place that knows which ones exist.

Every command and screen asks here, by name, so `judge-eval --judge NAME`, `calibrate`, `run`
and the app all use the same judges.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sparring.formats.diagnostics import Diagnostic, LoadError
from sparring.judge.base import Judge
from sparring.persona.voices import ScriptedVoice, Voice
from sparring.runtime.settings import Settings

if TYPE_CHECKING:
    from sparring.adapters.llm.connection import Connection


def _offline(settings: Settings) -> Judge:
    from sparring.judge.offline import OfflineJudge

    return OfflineJudge()


def _rules(settings: Settings) -> Judge:
    from sparring.judge.offline import OfflineJudge

    return OfflineJudge(learned=False)


def _connection(settings: Settings, part: str, shared: Connection | None = None) -> Connection:
    """The endpoint for the voice or the judge (one breaker per endpoint when `shared` is the
    other part's connection). Raises LoadError when LLM mode is not configured."""
    from sparring.adapters.llm.connection import Connection
    from sparring.runtime.llm_endpoints import llm_endpoint

    endpoint = llm_endpoint(settings, "voice" if part == "voice" else "judge")
    return shared.for_part(endpoint) if shared is not None else Connection(endpoint)


def _llm_judge(settings: Settings, shared: Connection | None = None) -> Judge:
    from sparring.adapters.llm.judge import LLMJudge

    return LLMJudge(_connection(settings, "judge", shared))


def _both(settings: Settings, shared: Connection | None = None) -> Judge:
    from sparring.judge.both import BothJudges

    return BothJudges(_llm_judge(settings, shared), _offline(settings))


def _llm_voice(settings: Settings, shared: Connection | None = None) -> Voice:
    from sparring.adapters.llm.voice import LLMVoice

    return LLMVoice(_connection(settings, "voice", shared))


JUDGES: dict[str, Callable[[Settings], Judge]] = {
    "offline": _offline,
    "rules": _rules,
    "llm": _llm_judge,
    "both": _both,
}
"""Every judge by name (`llm` and `both` need an endpoint: see runtime.llm_endpoints)."""

VOICES: dict[str, Callable[[Settings], Voice]] = {
    "offline": lambda settings: ScriptedVoice(),
    "llm": _llm_voice,
}


def judge_names() -> list[str]:
    return sorted(JUDGES)


def _unknown(kind: str, name: str, known: list[str]) -> LoadError:
    listed = ", ".join(known)
    return LoadError([Diagnostic("settings", 1, 1, f"unknown {kind} '{name}' (known: {listed})")])


def build_judge(settings: Settings, name: str | None = None) -> Judge:
    """The judge named `name`, else the one the settings choose."""
    chosen = name or settings.judge.kind
    if chosen not in JUDGES:
        raise _unknown("judge", chosen, judge_names())
    return JUDGES[chosen](settings)


def build_voice(settings: Settings) -> Voice:
    chosen = settings.voice.kind
    if chosen not in VOICES:
        raise _unknown("voice", chosen, sorted(VOICES))
    return VOICES[chosen](settings)


def build_parts(settings: Settings) -> tuple[Judge, Voice]:
    """The judge and the voice for a rehearsal. When both talk to the same endpoint they share
    its circuit breaker: once it fails a turn, neither waits for it again until it is back."""
    if settings.voice.kind == "llm" and settings.judge.kind in ("llm", "both"):
        voice_connection = _connection(settings, "voice")
        judge: Judge = (_llm_judge if settings.judge.kind == "llm" else _both)(
            settings, voice_connection
        )
        return judge, _llm_voice(settings, voice_connection)
    return build_judge(settings), build_voice(settings)


def turn_budget(settings: Settings) -> float | None:
    """How long one turn may wait for the endpoint (None in offline mode: nothing waits)."""
    return settings.llm.turn_timeout if settings.uses_llm else None
