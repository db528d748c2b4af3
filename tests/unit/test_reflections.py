"""Plain reflections of the shipped scenarios' lines, written by another hand, earn listening;
generic sympathy, refutation and misreadings mostly do not (tests/data/reflections)."""

from __future__ import annotations

import json
from pathlib import Path

from sparring.adapters.files.library import Library
from sparring.judge.base import Exchange
from sparring.judge.offline import OfflineJudge

DATA = Path(__file__).resolve().parent.parent / "data" / "reflections" / "reflections.jsonl"


def _credited() -> tuple[list[bool], list[bool]]:
    judge = OfflineJudge()
    rubric = Library(include_user=False).rubric("difficult-feedback")
    good, bad = [], []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        exchange = Exchange(
            reply=record["reply"], persona_line=record["context"], confrontation=True
        )
        credited = judge.assess_now(exchange, rubric).score("listening") >= 4
        (good if record["listening"] else bad).append(credited)
    return good, bad


def test_plain_reflections_earn_listening_and_empty_ones_do_not() -> None:
    good, bad = _credited()
    assert len(good) == 75
    assert len(bad) == 45
    assert sum(good) >= 0.8 * len(good), f"{sum(good)} of {len(good)} reflections credited"
    assert sum(bad) <= 0.1 * len(bad), f"{sum(bad)} of {len(bad)} non-reflections credited"
