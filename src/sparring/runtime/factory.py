"""Judges and voices, built from settings: the only place that knows which ones exist.

Every command and screen asks here, by name, so `judge-eval --judge NAME`, `calibrate`, `run`
and the app all use the same judges.
"""

from __future__ import annotations

from collections.abc import Callable

from sparring.formats.diagnostics import Diagnostic, LoadError
from sparring.judge.base import Judge
from sparring.persona.voices import ScriptedVoice, Voice
from sparring.runtime.settings import Settings


def _offline(settings: Settings) -> Judge:
    from sparring.judge.offline import OfflineJudge

    return OfflineJudge()


def _rules(settings: Settings) -> Judge:
    from sparring.judge.offline import OfflineJudge

    return OfflineJudge(learned=False)


JUDGES: dict[str, Callable[[Settings], Judge]] = {"offline": _offline, "rules": _rules}
"""Every judge by name. LLM judges join when the LLM adapter is configured."""

VOICES: dict[str, Callable[[Settings], Voice]] = {"offline": lambda settings: ScriptedVoice()}


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
