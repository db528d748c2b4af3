"""Scoring a saved conversation again, with another judge or rubric, without touching it.

The conversation is fixed: the persona said what she said. Only the assessments change. Each
reply is judged with exactly what the judge saw live (`ConversationRecord.exchange`, built
from the conversation up to that reply). The result is kept beside the transcript (see
adapters.files.scorings), so history and reports can show either scoring.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sparring.formats.rubric import Rubric
from sparring.judge.base import Assessment, Judge
from sparring.session.events import (
    AssessmentEvent,
    Embedded,
    Short,
    StateEvent,
    UserEvent,
    content_hash,
)
from sparring.session.events import Turn as TurnNumber
from sparring.session.record import ConversationRecord, TranscriptData, Turn
from sparring.session.session_progress import DimensionMean, Scoring, dimension_means

RESCORING_FORMAT = 1


class RescoredTurn(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    turn: TurnNumber
    assessment: Assessment


class Rescoring(BaseModel):
    """A saved conversation scored again: what is written beside the transcript."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    type: Literal["rescoring"] = "rescoring"
    format: int = RESCORING_FORMAT
    transcript: Annotated[str, Field(max_length=4096)]
    """The transcript's file name (the scoring sits beside it)."""
    judge: Short
    rubric: Embedded
    scored_at: Annotated[str, Field(max_length=40)]
    turns: Annotated[list[RescoredTurn], Field(max_length=10_000)]

    @property
    def label(self) -> str:
        return scoring_label(self.judge, self.rubric.id)


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")  # no dots: a label sits between two in a file name


def scoring_label(judge: str, rubric_id: str) -> str:
    """How a re-scoring is named (in file names, `--scoring`, JSON): judge and rubric."""
    return _UNSAFE.sub("-", f"{judge}-{rubric_id}").strip("-")[:120] or "rescored"


def _judged_replies(data: TranscriptData) -> list[tuple[UserEvent, StateEvent]]:
    """Every reply that was judged (a reply whose turn completed), with its state."""
    found, user, judged = [], None, False
    for event in data.events:
        if isinstance(event, UserEvent):
            user, judged = event, False
        elif isinstance(event, AssessmentEvent):
            judged = user is not None
        elif isinstance(event, StateEvent) and user is not None and judged:
            found.append((user, event))
            user = None
    return found


async def rescore(
    data: TranscriptData,
    judge: Judge,
    rubric: Rubric,
    *,
    scored_at: str,
    on_reply: Callable[[int, int], None] | None = None,
) -> Rescoring:
    """Judge every reply of a saved conversation again. `on_reply(done, total)` is called
    after each one (for a progress bar)."""
    record = ConversationRecord(data.scenario, rubric, data.session_rubric, data.header)
    replies = dict(_judged_replies(data))
    total = len(replies)
    turns: list[RescoredTurn] = []
    user: UserEvent | None = None
    original: Assessment | None = None
    for event in data.events:
        if isinstance(event, UserEvent):
            user, original = event, None
        elif isinstance(event, AssessmentEvent):
            original = event.assessment
        elif isinstance(event, StateEvent) and user is not None and original is not None:
            if user in replies:
                assessment = await judge.assess(record.exchange(user.text), rubric)
                turns.append(RescoredTurn(turn=event.turn, assessment=assessment))
                if on_reply is not None:
                    on_reply(len(turns), total)
            # the conversation goes on as it went (the recorded state, the recorded lines)
            record.add_turn(Turn(event.turn, user.text, original, event))
            user = None
        else:
            record.add(event)
    embedded = rubric.model_dump(mode="json", exclude_none=True)
    return Rescoring(
        transcript=data.path.name,
        judge=judge.name,
        rubric=Embedded(id=rubric.id, hash=content_hash(embedded), data=embedded),
        scored_at=scored_at,
        turns=turns,
    )


def rescored_record(
    data: TranscriptData, rescoring: Rescoring, rubric: Rubric
) -> ConversationRecord:
    """The conversation as replay, the debrief and reports show it, with the re-scoring's
    assessments in place of the original ones (`rubric` is the re-scoring's, validated)."""
    by_turn = {t.turn: t.assessment for t in rescoring.turns}
    events: list[Any] = [
        AssessmentEvent(turn=e.turn, assessment=by_turn[e.turn])
        if isinstance(e, AssessmentEvent) and e.turn in by_turn
        else e
        for e in data.events
    ]
    record = ConversationRecord(data.scenario, rubric, data.session_rubric, data.header)
    record.path = data.path
    record.replay(events)
    return record


def record_means(record: ConversationRecord) -> tuple[DimensionMean, ...]:
    """Per turn dimension of the record's rubric, the mean of the replies' scores."""
    dims = [(d.id, d.name) for d in record.rubric.turn_dimensions]
    return dimension_means(
        dims, ({s.dimension: s.score for s in t.assessment.scores} for t in record.turns)
    )


def rescoring_summary(rescoring: Rescoring, rubric: Rubric) -> Scoring:
    """A re-scoring as history lists it: the mean per dimension."""
    dims = [(d.id, d.name) for d in rubric.turn_dimensions]
    means = dimension_means(
        dims, ({s.dimension: s.score for s in t.assessment.scores} for t in rescoring.turns)
    )
    return Scoring(rescoring.label, rescoring.judge, rubric.id, means)
