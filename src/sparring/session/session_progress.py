"""Progress across sessions (`progress` is a turn in progress): each saved conversation as one
row of scores (the mean of every reply's score per dimension, under the original scoring or a
later re-scoring), the series those rows make per dimension, and how one attempt compares with
the earlier ones.

Pure: the session index (adapters.files.session_index) fills these from transcript files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ORIGINAL = "original"
"""The scoring a conversation was played with (recorded in the transcript itself)."""


@dataclass(frozen=True)
class DimensionMean:
    """The mean of one dimension's per-reply scores in one session."""

    id: str
    name: str
    mean: float
    replies: int


@dataclass(frozen=True)
class Scoring:
    """One scoring of a session: the original, or a re-scoring by another judge or rubric."""

    label: str
    judge: str
    rubric: str
    dimensions: tuple[DimensionMean, ...] = ()

    def mean(self, dimension: str) -> float | None:
        return next((d.mean for d in self.dimensions if d.id == dimension), None)


@dataclass(frozen=True)
class SessionEntry:
    """A saved conversation as history and progress show it."""

    path: Path
    started_at: str
    scenario_id: str
    title: str
    voice: str
    judge: str
    turns: int
    ending: str | None
    parent: str | None = None
    scorings: Mapping[str, Scoring] = field(default_factory=dict)

    @property
    def unfinished(self) -> bool:
        return self.ending is None

    def scoring(self, label: str = ORIGINAL) -> Scoring | None:
        return self.scorings.get(label)

    @property
    def modes(self) -> str:
        """How it was played: the voice and the judge, as the transcript recorded them."""
        return f"voice {self.voice}, judge {self.judge}"


def dimension_means(
    dimensions: Sequence[tuple[str, str]], scores: Iterable[Mapping[str, int]]
) -> tuple[DimensionMean, ...]:
    """Per dimension (id, name, in order), the mean of the replies that have a score for it,
    rounded to 0.1. Dimensions no reply was scored on are left out."""
    totals: dict[str, list[int]] = {d: [] for d, _ in dimensions}
    for reply in scores:
        for dim, score in reply.items():
            if dim in totals:
                totals[dim].append(score)
    return tuple(
        DimensionMean(dim, name, round(sum(v) / len(v), 1), len(v))
        for dim, name in dimensions
        if (v := totals[dim])
    )


def moment(stamp: str) -> datetime:
    """A start time as an aware datetime (a stamp without an offset is taken as UTC; one that
    is not a time sorts first)."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Point:
    entry: SessionEntry
    mean: float


@dataclass(frozen=True)
class DimensionSeries:
    """One dimension's mean score in each session that has it, oldest first."""

    id: str
    name: str
    points: tuple[Point, ...]

    @property
    def values(self) -> list[float]:
        return [p.mean for p in self.points]

    @property
    def latest(self) -> float | None:
        return self.points[-1].mean if self.points else None

    @property
    def best(self) -> float | None:
        return max(self.values, default=None)

    @property
    def first(self) -> float | None:
        return self.points[0].mean if self.points else None

    @property
    def change(self) -> float | None:
        """Latest minus first: positive is an improvement."""
        if len(self.points) < 2:
            return None
        return round(self.points[-1].mean - self.points[0].mean, 1)


def oldest_first(entries: Iterable[SessionEntry]) -> list[SessionEntry]:
    return sorted(entries, key=lambda e: (moment(e.started_at), e.path.name))


def progress_series(
    entries: Iterable[SessionEntry], label: str = ORIGINAL
) -> list[DimensionSeries]:
    """Per dimension (in the order they first appear), its mean in every session, oldest
    first. Sessions without that scoring, or without a scored reply, add no point."""
    names: dict[str, str] = {}
    points: dict[str, list[Point]] = {}
    for entry in oldest_first(entries):
        scoring = entry.scoring(label)
        if scoring is None:
            continue
        for dim in scoring.dimensions:
            names.setdefault(dim.id, dim.name)
            points.setdefault(dim.id, []).append(Point(entry, dim.mean))
    return [DimensionSeries(d, names[d], tuple(points[d])) for d in names]


@dataclass(frozen=True)
class AgainstPrevious:
    """This attempt's mean on one dimension next to the earlier attempts' means."""

    id: str
    name: str
    now: float
    previous_mean: float | None
    previous_best: float | None
    attempts: int
    """How many earlier attempts had a score on this dimension."""

    @property
    def change(self) -> float | None:
        """Now minus the earlier attempts' mean: positive is an improvement."""
        if self.previous_mean is None:
            return None
        return round(self.now - self.previous_mean, 1)

    @property
    def personal_best(self) -> bool:
        return self.previous_best is not None and self.now > self.previous_best


def earlier_attempts(
    entries: Iterable[SessionEntry], scenario_id: str, started_at: str, path: Path | None
) -> list[SessionEntry]:
    """The attempts at the same scenario that started before this one (itself left out)."""
    start = moment(started_at)
    return [
        e
        for e in entries
        if e.scenario_id == scenario_id
        and moment(e.started_at) < start
        and (path is None or e.path.name != path.name)
    ]


def against_previous(
    now: Sequence[DimensionMean], previous: Iterable[SessionEntry], label: str = ORIGINAL
) -> list[AgainstPrevious]:
    """Each dimension of this attempt next to the mean and the best of the earlier ones."""
    earlier = [s for e in previous if (s := e.scoring(label)) is not None]
    rows = []
    for dim in now:
        before = [m for s in earlier if (m := s.mean(dim.id)) is not None]
        rows.append(
            AgainstPrevious(
                dim.id,
                dim.name,
                dim.mean,
                round(sum(before) / len(before), 1) if before else None,
                max(before, default=None),
                len(before),
            )
        )
    return rows
