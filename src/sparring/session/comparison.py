"""Compare two attempts at a scenario, dimension by dimension."""

from __future__ import annotations

from dataclasses import dataclass

from sparring.session.live import Session


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


def compare(
    left: Session, right: Session, left_label: str = "A", right_label: str = "B"
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
    )
