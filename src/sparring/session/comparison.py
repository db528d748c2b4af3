"""Compare two attempts at a scenario, dimension by dimension: older on the left, newer on
the right (so an improvement reads as a positive change), whatever order they were picked in;
an attempt rewound from another one is labelled as such."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from sparring.session.record import ConversationRecord, TranscriptData


@dataclass(frozen=True)
class DimensionComparison:
    dimension: str
    name: str
    left: list[int]
    right: list[int]

    @staticmethod
    def _mean(values: list[int]) -> float | None:
        return round(sum(values) / len(values), 1) if values else None

    @property
    def left_mean(self) -> float | None:
        return self._mean(self.left)

    @property
    def right_mean(self) -> float | None:
        return self._mean(self.right)

    @property
    def change(self) -> float | None:
        if self.left_mean is None or self.right_mean is None:
            return None
        return round(self.right_mean - self.left_mean, 1)


@dataclass(frozen=True)
class TurnChange:
    """Reply N of each attempt side by side: the scores, their change (newer minus older),
    and the moves one made that the other did not."""

    number: int
    left: dict[str, int]
    right: dict[str, int]
    changes: dict[str, int]
    gained: tuple[str, ...]
    """Moves in the newer reply that the older one did not make."""
    lost: tuple[str, ...]
    """Moves in the older reply that the newer one no longer makes."""


def turn_changes(left: ConversationRecord, right: ConversationRecord) -> list[TurnChange]:
    """Reply by reply, as far as the longer attempt goes (a missing reply has no scores)."""
    rows = []
    for n in range(1, max(left.turn, right.turn) + 1):
        a = left.turns[n - 1] if n <= left.turn else None
        b = right.turns[n - 1] if n <= right.turn else None
        a_scores = {s.dimension: s.score for s in a.assessment.scores} if a else {}
        b_scores = {s.dimension: s.score for s in b.assessment.scores} if b else {}
        a_moves = list(dict.fromkeys(e.move.value for e in a.assessment.moves)) if a else []
        b_moves = list(dict.fromkeys(e.move.value for e in b.assessment.moves)) if b else []
        rows.append(
            TurnChange(
                number=n,
                left=a_scores,
                right=b_scores,
                changes={d: b_scores[d] - v for d, v in a_scores.items() if d in b_scores},
                gained=tuple(m for m in b_moves if m not in a_moves),
                lost=tuple(m for m in a_moves if m not in b_moves),
            )
        )
    return rows


@dataclass(frozen=True)
class Comparison:
    left_label: str
    right_label: str
    dimensions: list[DimensionComparison]
    left_ending: str | None
    right_ending: str | None
    left_revealed: int
    right_revealed: int
    concerns: int
    left_turns: int
    right_turns: int
    title: str = ""
    same_scenario: bool = True
    """False when the two are attempts at different scenarios (the numbers still compare, the
    conversations do not)."""
    same_day: str = ""
    """The date both started on, when it is the same (the labels then leave it out)."""
    turns: list[TurnChange] = field(default_factory=list)
    left_path: str = ""
    right_path: str = ""


def compare(
    left: ConversationRecord,
    right: ConversationRecord,
    left_label: str = "A",
    right_label: str = "B",
) -> Comparison:
    """Per-dimension series and means for two attempts (same rubric dimensions by id)."""
    dims = [(d.id, d.name) for d in left.rubric.turn_dimensions]
    right_ids = {d.id for d in right.rubric.turn_dimensions}
    rows = [
        DimensionComparison(
            dimension=dim_id,
            name=name,
            left=[s for t in left.turns if (s := t.assessment.score(dim_id)) is not None],
            right=[s for t in right.turns if (s := t.assessment.score(dim_id)) is not None],
        )
        for dim_id, name in dims
        if dim_id in right_ids
    ]
    return Comparison(
        left_label=left_label,
        right_label=right_label,
        dimensions=rows,
        left_ending=left.ending.id if left.ending else None,
        right_ending=right.ending.id if right.ending else None,
        left_revealed=len(left.state.revealed),
        right_revealed=len(right.state.revealed),
        concerns=len(left.scenario.concerns),
        left_turns=left.turn,
        right_turns=right.turn,
        turns=turn_changes(left, right),
        left_path=str(left.path or ""),
        right_path=str(right.path or ""),
    )


def _moment(stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def is_rewound_from(child: TranscriptData, parent: TranscriptData) -> bool:
    link = child.header.parent
    return link is not None and _same_file(link.path, parent.path)


def start_labels(left: str, right: str) -> tuple[str, str]:
    """The start times of two attempts, told apart: the time on the same day (else the date
    too), with seconds when they started in the same minute."""
    start = 11 if left[:10] == right[:10] else 0  # ISO: 2025-03-04T08:40:00+01:00
    end = 19 if left[:16] == right[:16] else 16
    return left[start:end].replace("T", " "), right[start:end].replace("T", " ")


def compare_attempts(a: TranscriptData, b: TranscriptData) -> Comparison:
    """Two saved attempts, compared: the original (or else the older) on the left."""
    if is_rewound_from(a, b) or (
        not is_rewound_from(b, a) and _moment(b.header.started_at) < _moment(a.header.started_at)
    ):
        a, b = b, a
    left, right = start_labels(a.header.started_at, b.header.started_at)
    if is_rewound_from(b, a) and b.header.parent is not None:
        left, right = f"original ({left})", f"from reply {b.header.parent.turn} ({right})"
    day = a.header.started_at[:10]
    result = compare(
        ConversationRecord.from_saved(a), ConversationRecord.from_saved(b), left, right
    )
    return replace(
        result,
        title=a.title,
        same_scenario=a.scenario.id == b.scenario.id,
        same_day=day if day == b.header.started_at[:10] else "",
    )
