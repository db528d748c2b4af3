"""The offline judge: deterministic, explainable, no network. Moves are detected by rules
(detect.py), scored by the rubric's own rules (scoring.py), and followed by a suggested better
reply built from what the persona just said (suggest.py)."""

from __future__ import annotations

import asyncio

from sparring.formats.moves import categories_of, effective_categories
from sparring.formats.rubric import Rubric
from sparring.judge.base import Assessment, Confidence, Evidence, Exchange
from sparring.judge.offline.detect import Detection, detect
from sparring.judge.offline.suggest import suggest
from sparring.judge.scoring import score_dimension

# How many of the persona's lines before the last one a reflection may refer back to.
EARLIER_LINES = 3


class OfflineJudge:
    """Scores replies with rules; the same reply always gets the same assessment."""

    name = "offline"

    async def assess(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        # off the event loop, so the screen keeps drawing while a long reply is read
        return await asyncio.to_thread(self.assess_now, exchange, rubric)

    def assess_now(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        persona_lines = [text for who, text in exchange.conversation if who == "persona"]
        if exchange.persona_line and (
            not persona_lines or persona_lines[-1] != exchange.persona_line
        ):
            persona_lines.append(exchange.persona_line)
        found = detect(
            exchange.reply,
            exchange.persona_line,
            understood=exchange.understood,
            earlier=" ".join(persona_lines[-1 - EARLIER_LINES : -1]) or None,
        )
        evidence = [
            Evidence(move=h.move, start=h.start, end=h.end, quote=exchange.reply[h.start : h.end])
            for h in found.hits
        ]
        scores = [score_dimension(d, evidence) for d in rubric.turn_dimensions]
        moves = {e.move for e in evidence}
        suggestion, advice = suggest(
            persona_lines,
            moves,
            names=(exchange.user_name, exchange.persona_name),
            understood=exchange.understood,
            turn=exchange.turn,
        )
        return Assessment(
            judge=self.name,
            moves=evidence,
            categories=sorted(effective_categories(categories_of(moves))),
            scores=scores,
            suggestion=suggestion,
            advice=advice,
            confidence=_confidence(exchange.reply, found),
            notes=found.notes,
        )


def _confidence(reply: str, found: Detection) -> Confidence:
    words = reply.split()
    if not found.english:
        return "low"
    if not words:
        return "high"
    if len(words) <= 2 or len(reply) > 2_000 or any("capitals" in n for n in found.notes):
        return "medium"
    return "high"
