"""Two judges on every reply (`--judge both`): the first one's verdict is the one of record (it
moves the persona and counts in the debrief); the second one's is attached as a second opinion
so both can be shown side by side, with where they disagree."""

from __future__ import annotations

import asyncio
import contextlib

from sparring.formats.rubric import Rubric
from sparring.judge.base import Assessment, Exchange, Judge


class BothJudges:
    def __init__(self, first: Judge, second: Judge) -> None:
        self.first = first
        self.second = second
        self.name = f"{first.name}+{second.name}"

    @property
    def paused(self) -> bool:
        return bool(getattr(self.first, "paused", False))

    def resume(self) -> None:
        resume = getattr(self.first, "resume", None)
        if callable(resume):
            resume()

    async def assess(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        """Both at once. If the first fails, that failure is raised (the session then falls
        back as for any judge); if only the second fails, the first stands alone."""
        other = asyncio.ensure_future(self.second.assess(exchange, rubric))
        try:
            verdict = await self.first.assess(exchange, rubric)
        except BaseException:
            other.cancel()
            with contextlib.suppress(BaseException):
                await other
            raise
        try:
            second = await other
        except Exception as exc:
            note = f"The {self.second.name} judge gave no second opinion ({type(exc).__name__})."
            return verdict.model_copy(update={"notes": [*verdict.notes, note][:20]})
        return verdict.model_copy(update={"second_opinion": second})


def disagreements(assessment: Assessment) -> list[str]:
    """Where the second opinion differs, one line per dimension or move kind, e.g.
    "Listening: llm:m 4, offline 2"."""
    other = assessment.second_opinion
    if other is None:
        return []
    out = []
    for score in assessment.scores:
        theirs = other.score(score.dimension)
        if theirs is not None and theirs != score.score:
            out.append(f"{score.name}: {assessment.judge} {score.score}, {other.judge} {theirs}")
    mine, theirs_moves = assessment.move_set, other.move_set
    only_mine = sorted(m.value.replace("_", " ") for m in mine - theirs_moves)
    only_theirs = sorted(m.value.replace("_", " ") for m in theirs_moves - mine)
    if only_mine:
        out.append(f"only {assessment.judge} found: {', '.join(only_mine)}")
    if only_theirs:
        out.append(f"only {other.judge} found: {', '.join(only_theirs)}")
    return out
