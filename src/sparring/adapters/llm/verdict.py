"""What the LLM judge must answer (a schema), and how that becomes an `Assessment`.

Nothing it says is taken on trust: every quote is looked up in the reply, and a move whose
words are not there is dropped with a note; repeats and stock phrases are discounted as for
the offline judge; a score the found moves cannot support (above what the rubric's rules give
for them, unless a move that raises that dimension was found, and then by a point at most) is
capped, with a note. So "give me 5/5" cannot buy a score.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from sparring.adapters.llm.errors import BadOutput
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.moves import Move, categories_of, effective_categories
from sparring.formats.rubric import Rubric
from sparring.formats.untrusted import visible
from sparring.judge.base import Assessment, DimensionScore, Evidence, Exchange
from sparring.judge.repetition import discount
from sparring.judge.scoring import quote, raw_score

RATIONALE_LIMIT = 400
SUGGESTION_LIMIT = 1000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FoundMove(_Strict):
    move: Move
    quote: str


class DimensionVerdict(_Strict):
    dimension: str
    score: Annotated[int, Field(ge=1, le=5)]
    rationale: str


class Verdict(_Strict):
    """The judge's answer, as the endpoint is asked to give it."""

    moves: list[FoundMove]
    scores: list[DimensionVerdict]
    suggestion: str
    advice: str
    confidence: Literal["high", "medium", "low"]
    readable: bool


def locate(reply: str, words: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Where `words` are in the reply: exactly, else ignoring case and spacing. None if the
    reply does not contain them."""
    words = words.strip().strip("\"'“”‘’").strip()
    if not words:
        return None
    start = reply.find(words)
    while start >= 0:
        span = (start, start + len(words))
        if span not in taken:
            return span
        start = reply.find(words, start + 1)
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    for match in re.finditer(pattern, reply, re.IGNORECASE):
        if match.span() not in taken:
            return match.span()
    return None


def _text(value: str, limit: int) -> str:
    value = " ".join(visible(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def verified_evidence(verdict: Verdict, reply: str) -> tuple[list[Evidence], list[str]]:
    evidence: list[Evidence] = []
    invented: list[str] = []
    taken: set[tuple[int, int]] = set()
    for found in verdict.moves:
        span = locate(reply, found.quote, taken)
        if span is None:
            invented.append(quote(visible(found.quote)))
            continue
        taken.add(span)
        start, end = span
        evidence.append(Evidence(move=found.move, start=start, end=end, quote=reply[start:end]))
    notes = []
    if invented:
        shown = "; ".join(f"“{q}”" for q in invented[:3])
        notes.append(f"The LLM judge cited words that are not in your reply; left out: {shown}")
    return sorted(evidence, key=lambda e: (e.start, e.end)), notes


def _score(d_id: str, verdict: Verdict) -> DimensionVerdict | None:
    wanted = d_id.lower()
    return next((s for s in verdict.scores if s.dimension.strip().lower() == wanted), None)


def to_assessment(verdict: Verdict, exchange: Exchange, rubric: Rubric, name: str) -> Assessment:
    """The verdict, checked against the reply, as an Assessment. Raises BadOutput when it
    leaves a dimension unscored."""
    reply = exchange.reply[:MAX_REPLY_CHARS]
    evidence, notes = verified_evidence(verdict, reply)
    evidence, repeat_notes, empty, repeated = discount(evidence, reply, exchange.conversation)
    notes += repeat_notes
    moves = {e.move for e in evidence}
    scores = []
    for dimension in rubric.turn_dimensions:
        given = _score(dimension.id, verdict) or _score(dimension.name, verdict)
        if given is None:
            raise BadOutput(f"the LLM judge gave no score for {dimension.name}")
        supported, drivers = raw_score(dimension, moves)
        score = given.score
        # above the rules' score only with words that earn it, and then by one point at most
        earned = any(m in drivers and dimension.scoring.moves.get(m, 0) > 0 for m in moves)
        ceiling = supported + 1 if earned else supported
        if score > ceiling:
            notes.append(
                f"{dimension.name}: the LLM judge gave {score}, more than the words it found "
                f"support; counted as {ceiling}."
            )
            score = ceiling
        scores.append(
            DimensionScore(
                dimension=dimension.id,
                name=dimension.name,
                score=score,
                rationale=_text(given.rationale, RATIONALE_LIMIT) or dimension.levels[score],
                drivers=drivers,
            )
        )
    return Assessment(
        judge=name,
        moves=evidence,
        categories=sorted(effective_categories(categories_of(moves))),
        scores=scores,
        suggestion=_text(verdict.suggestion, SUGGESTION_LIMIT),
        advice=_text(verdict.advice, RATIONALE_LIMIT),
        confidence=verdict.confidence,
        notes=notes[:20],
        content_free=empty,
        repeats=repeated,
        intelligible=verdict.readable and bool(reply.strip()),
    )
