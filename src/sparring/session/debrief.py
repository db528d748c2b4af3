"""The debrief: what a finished (or interrupted) conversation adds up to.

Everything here is computed from the turns alone, so the live debrief and a replayed one are
the same. Session-scope rubrics (co-creator) are scored here: each dimension is the mean of its
per-reply scores, explained by how often the moves that drive it occurred.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sparring.formats.moves import MOVE_DESCRIPTION, Move
from sparring.formats.rubric import Dimension, Rubric
from sparring.formats.scenario import Scenario
from sparring.judge.scoring import quote, raw_score


@dataclass(frozen=True)
class TurnSummary:
    """The parts of a turn the debrief needs (from a live session or a transcript)."""

    number: int
    user_text: str
    scores: dict[str, int]
    moves: tuple[str, ...]
    suggestion: str
    persona_text: str


@dataclass(frozen=True)
class Moment:
    turn: int
    quote: str
    total: int
    scores: dict[str, int]
    suggestion: str


@dataclass(frozen=True)
class SessionScore:
    dimension: str
    name: str
    score: float
    rationale: str


@dataclass
class Debrief:
    ending_id: str | None
    ending_title: str | None
    outcome: str | None
    closing_line: str | None
    dimensions: list[tuple[str, str]]  # (id, name) of the per-reply dimensions, in order
    series: dict[str, list[int]]
    averages: dict[str, float]
    best: Moment | None
    worst: Moment | None
    session: list[SessionScore] = field(default_factory=list)
    revealed: list[tuple[str, str, int]] = field(default_factory=list)  # (id, title, turn)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, detail)
    retry_turn: int | None = None


def build_debrief(
    scenario: Scenario,
    rubric: Rubric,
    session_rubric: Rubric | None,
    turns: Sequence[TurnSummary],
    *,
    revealed_at: dict[str, int],
    ending: tuple[str, str, str] | None,
    closing_line: str | None,
) -> Debrief:
    dims = [(d.id, d.name) for d in rubric.turn_dimensions]
    series = {d: [t.scores.get(d, 0) for t in turns if d in t.scores] for d, _ in dims}
    averages = {d: round(sum(v) / len(v), 1) for d, v in series.items() if v}
    moments = [
        Moment(t.number, quote(t.user_text, 120), sum(t.scores.values()), t.scores, t.suggestion)
        for t in turns
    ]
    # A "hardest moment" is one worth another try: some dimension at 3 or below. Among those,
    # the lowest total (earliest on a tie).
    weak = [m for m in moments if min(m.scores.values(), default=5) <= 3]
    worst = min(weak, key=lambda m: (m.total, m.turn), default=None)
    # the best moment is another reply (a single weak reply is the one to try again)
    best = max(
        (m for m in moments if m is not worst), key=lambda m: (m.total, -m.turn), default=None
    )

    debrief = Debrief(
        ending_id=ending[0] if ending else None,
        ending_title=ending[1] if ending else None,
        outcome=ending[2] if ending else None,
        closing_line=closing_line,
        dimensions=dims,
        series=series,
        averages=averages,
        best=best,
        worst=worst,
        retry_turn=worst.turn if worst is not None else None,
    )
    if session_rubric is not None and turns:
        debrief.session = session_scores(session_rubric, turns)
    for concern in scenario.concerns:
        if concern.id in revealed_at:
            debrief.revealed.append((concern.id, concern.title, revealed_at[concern.id]))
        else:
            debrief.missed.append((concern.id, concern.title, concern.detail))
    return debrief


def session_scores(rubric: Rubric, turns: Sequence[TurnSummary]) -> list[SessionScore]:
    out = []
    n = len(turns)
    for dim in rubric.dimensions:
        per_turn = []
        drivers: Counter[Move] = Counter()
        for t in turns:
            score, moves = raw_score(dim, (Move(m) for m in t.moves))
            per_turn.append(score)
            # first seen first: ties in most_common keep this order, the same in every run
            for move in dict.fromkeys(moves):
                drivers[move] += 1
        mean = round(sum(per_turn) / n, 1)
        level = dim.levels[max(1, min(5, round(mean)))].rstrip(".")
        parts = [f"{level}."]
        for label, sign in (("Raised by", 1), ("Held back by", -1)):
            ranked = [(m, c) for m, c in drivers.most_common() if _direction(dim, m) == sign]
            if ranked:
                said = ", ".join(
                    f"{_describe(m.value)} ({c} of {n} repl{'y' if n == 1 else 'ies'})"
                    for m, c in ranked[:2]
                )
                parts.append(f"{label}: you {said}.")
        out.append(SessionScore(dim.id, dim.name, mean, " ".join(parts)))
    return out


def _direction(dimension: Dimension, move: Move) -> int:
    """+1 if the move raises this dimension's score, -1 if it lowers or caps it."""
    rules = dimension.scoring
    weight = rules.moves.get(move, 0)
    if weight:
        return 1 if weight > 0 else -1
    if any(move in limit.any_of for limit in rules.at_most):
        return -1
    return 1 if any(move in limit.any_of for limit in rules.at_least) else 0


def _describe(move: str) -> str:
    text = MOVE_DESCRIPTION[Move(move)]
    # "paraphrases a specific point" -> "paraphrased a specific point" reads better after "You"
    first, _, rest = text.partition(" ")
    verbs = {
        "paraphrases": "paraphrased",
        "names": "named",
        "accepts": "accepted",
        "thanks": "thanked",
        "explains": "explained",
        "says": "said",
        "turns": "turned",
        "puts": "put",
        "waves": "waved",
        "postpones": "postponed",
        "acknowledges,": "acknowledged,",
        "acknowledges": "acknowledged",
        "asks": "asked",
        "checks": "checked",
        "mocks": "mocked",
        "concedes": "conceded",
        "promises": "promised",
        "invites": "invited",
        "links": "linked",
        "commits": "committed",
        "pushes": "pushed",
    }
    return f"{verbs[first]} {rest}" if first in verbs else text
