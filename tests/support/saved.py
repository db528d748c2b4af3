"""Saved conversations for the history, progress, score and report tests: played by the
engine (no app) into a sparring home's transcripts folder, at chosen start times."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from tests.support.engine import play
from tests.support.replies import BREAKTHROUGH_REPLIES, DEFENSIVE_REPLIES

FLAGSHIP = "frustrated-sales-director"


async def save_attempt(
    home: Path, scenario_id: str, replies: list[str], now: datetime, *, name: str | None = None
) -> Path:
    """A conversation played into HOME/transcripts, started at `now`."""
    folder = home / "transcripts"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or f"{now:%Y%m%d-%H%M%S}-{scenario_id}.jsonl")
    await play(scenario_id, replies, transcript=target, now=now)
    return target


def save(home: Path, scenario_id: str, replies: list[str], now: datetime, **kw: str) -> Path:
    """`save_attempt` from a test that is not async."""
    return asyncio.run(save_attempt(home, scenario_id, replies, now, **kw))


def good(scenario_id: str = FLAGSHIP) -> list[str]:
    return BREAKTHROUGH_REPLIES[scenario_id]


def defensive(scenario_id: str = FLAGSHIP) -> list[str]:
    return DEFENSIVE_REPLIES[scenario_id]
