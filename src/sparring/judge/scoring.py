"""From detected moves to 1-5 scores, following the rubric's rules, with a one-line reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sparring.formats.moves import MOVE_DESCRIPTION, Move
from sparring.formats.rubric import Dimension
from sparring.judge.base import DimensionScore, Evidence

QUOTE_LIMIT = 50


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def raw_score(dimension: Dimension, moves: Iterable[Move]) -> tuple[int, list[Move]]:
    """The score and the moves that decided it (strongest first)."""
    present = set(moves)
    rules = dimension.scoring
    weighted = {m: w for m, w in rules.moves.items() if m in present and w}
    score = rules.base + sum(weighted.values())
    binding: list[Move] = []
    for limit in rules.at_least:
        hit = [m for m in limit.any_of if m in present]
        if hit and score < limit.score:
            score, binding = limit.score, hit
    for limit in sorted(rules.at_most, key=lambda lim: lim.score):
        hit = [m for m in limit.any_of if m in present]
        if hit and score > limit.score:
            score, binding = limit.score, hit
    score = max(1, min(5, score))
    drivers = binding + sorted(
        (m for m in weighted if m not in binding), key=lambda m: (-abs(weighted[m]), m.value)
    )
    return score, drivers


def score_dimension(dimension: Dimension, evidence: Sequence[Evidence]) -> DimensionScore:
    score, drivers = raw_score(dimension, (e.move for e in evidence))
    return DimensionScore(
        dimension=dimension.id,
        name=dimension.name,
        score=score,
        rationale=rationale(dimension, score, drivers, evidence),
        drivers=drivers,
    )


def rationale(
    dimension: Dimension, score: int, drivers: Sequence[Move], evidence: Sequence[Evidence]
) -> str:
    if not drivers:
        return dimension.levels[score].rstrip(".") + "."
    lead = drivers[0]
    shown = next((e for e in evidence if e.move is lead), None)
    why = MOVE_DESCRIPTION[lead]
    if shown is None:
        return f"It {why}."
    if lead is Move.justify and any(
        e.move is Move.leading_question and (e.start, e.end) == (shown.start, shown.end)
        for e in evidence
    ):
        why = "argues your side in the form of a question"  # not an explanation
    return f"\u201c{quote(shown.quote)}\u201d {why}."
