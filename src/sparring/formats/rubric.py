"""The rubric format: what a good reply does, and how detected moves become 1-5 scores."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from sparring.formats.common import Score, Slug, StrictModel, Text
from sparring.formats.moves import Move


class Limit(StrictModel):
    """Caps or lifts a score when any of the listed moves is present."""

    any_of: Annotated[list[Move], Field(min_length=1)]
    """The moves that trigger the limit."""

    score: Score
    """The score limit (a ceiling in `at_most`, a floor in `at_least`)."""


class Scoring(StrictModel):
    """How detected moves map to a 1-5 score: start at `base`, add the weight of each move
    present (once per move), apply the ceilings and floors, clamp to 1-5."""

    base: Score = 3
    """The score of a reply that does none of the listed moves."""

    moves: dict[Move, Annotated[int, Field(ge=-4, le=4)]] = {}
    """Weight per move, e.g. `{reflect_feeling: 1, justify: -2}`."""

    at_most: list[Limit] = []
    """Ceilings: the score is at most `score` when any of these moves is present."""

    at_least: list[Limit] = []
    """Floors: the score is at least `score` when any of these moves is present."""


class Dimension(StrictModel):
    """One thing the rubric scores, on a 1-5 scale."""

    id: Slug
    """A short id, e.g. `listening`."""

    name: Annotated[str, Field(min_length=1, max_length=40)]
    """The name shown on screen."""

    question: Text
    """The question this dimension answers about a reply."""

    scope: Literal["turn", "session"] = "turn"
    """`turn`: every reply gets a score. `session`: scored once over the whole conversation
    (the mean of the per-reply scores, with counts of the moves that drove it)."""

    levels: dict[Score, Text]
    """What each score from 1 to 5 looks like."""

    scoring: Scoring
    """How detected moves map to the score."""

    @field_validator("levels")
    @classmethod
    def _all_levels(cls, levels: dict[int, str]) -> dict[int, str]:
        missing = [n for n in range(1, 6) if n not in levels]
        if missing:
            raise ValueError(
                "describe every level from 1 to 5; missing " + ", ".join(map(str, missing))
            )
        return dict(sorted(levels.items()))


class CalibrationExample(StrictModel):
    """A reply with the scores a careful human would give it; judges are checked against these."""

    context: Text
    """What the other person said just before."""

    reply: Annotated[str, Field(max_length=4000)]
    """The reply being scored."""

    expect: Annotated[dict[Slug, Score], Field(min_length=1)]
    """The expected score per dimension id."""

    moves: list[Move] | None = None
    """The moves a judge should detect in the reply (optional)."""

    note: Text | None = None
    """Why these scores: what a trainer would say."""


class Rubric(StrictModel):
    """A set of dimensions that replies are scored on."""

    id: Slug
    """A unique id that scenarios refer to, e.g. `difficult-feedback`."""

    name: Annotated[str, Field(min_length=1, max_length=80)]
    """The name shown on screen."""

    description: Text
    """What the rubric is for and where it comes from."""

    dimensions: Annotated[list[Dimension], Field(min_length=1, max_length=8)]
    """The dimensions, in the order they are shown."""

    calibration: list[CalibrationExample] = []
    """Examples with expected scores, spanning the scale."""

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    @property
    def turn_dimensions(self) -> list[Dimension]:
        return [d for d in self.dimensions if d.scope == "turn"]
