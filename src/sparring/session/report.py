"""What a report of one conversation holds, as plain data: the HTML and Markdown renderers
(adapters.report) only lay it out. Built from a ConversationRecord, so a report shows what
replay and the debrief show (with a re-scoring's assessments when one is chosen).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sparring.formats.moves import MOVE_CATEGORY, MOVE_DESCRIPTION
from sparring.judge.base import Assessment
from sparring.session.debrief import Debrief, SessionScore
from sparring.session.endings import ending_label
from sparring.session.record import ConversationRecord
from sparring.session.session_progress import ORIGINAL


@dataclass(frozen=True)
class Segment:
    """A run of a reply's text, and the kind of move it is evidence of (None: no move)."""

    text: str
    category: str | None = None
    move: str | None = None


def evidence_segments(text: str, assessment: Assessment) -> list[Segment]:
    """The reply cut at every evidence span's edges; where spans overlap, the later move
    wins (as the app underlines them)."""
    owner: list[int | None] = [None] * len(text)
    for i, ev in enumerate(assessment.moves):
        for pos in range(max(0, ev.start), min(len(text), ev.end)):
            owner[pos] = i
    segments: list[Segment] = []
    start = 0
    for pos in range(1, len(text) + 1):
        if pos == len(text) or owner[pos] != owner[start]:
            who = owner[start]
            if who is None:
                segments.append(Segment(text[start:pos]))
            else:
                move = assessment.moves[who].move
                category = MOVE_CATEGORY.get(move)
                segments.append(
                    Segment(text[start:pos], category.value if category else "other", move.value)
                )
            start = pos
    return segments


@dataclass(frozen=True)
class ScoreLine:
    dimension: str
    name: str
    score: int
    rationale: str


@dataclass(frozen=True)
class MoveLine:
    move: str
    category: str
    description: str
    quote: str


@dataclass(frozen=True)
class ReportTurn:
    number: int
    reply: list[Segment]
    scores: list[ScoreLine]
    moves: list[MoveLine]
    advice: str
    suggestion: str
    notes: list[str]
    persona: list[str]
    """What the persona said after this reply."""
    meters: dict[str, int]
    revealed: list[str]
    """Concern titles revealed after this reply."""


@dataclass(frozen=True)
class MeterCurve:
    id: str
    label: str
    better: str
    values: list[int]
    """The start, then the value after each reply."""


@dataclass
class Report:
    title: str
    summary: str
    setting: str
    you_play: str
    user_name: str
    persona_name: str
    persona_role: str
    started_at: str
    file_name: str
    voice: str
    judge: str
    scoring: str
    rubric_name: str
    ending: str
    ending_title: str
    outcome: str | None
    closing_line: str | None
    dimensions: list[tuple[str, str]]
    series: dict[str, list[int | None]]
    """Per dimension, each reply's score (None where a reply has none)."""
    averages: dict[str, float]
    meters: list[MeterCurve]
    opening: list[str]
    turns: list[ReportTurn]
    debrief: Debrief
    session_rubric_name: str = ""
    session_rubric_description: str = ""
    session: list[SessionScore] = field(default_factory=list)
    revealed: list[tuple[str, int]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    unfinished_reply: str | None = None


def build_report(record: ConversationRecord, *, scoring: str = ORIGINAL) -> Report:
    scenario = record.scenario
    debrief = record.debrief()
    dims = [(d.id, d.name) for d in record.rubric.turn_dimensions]
    titles = {c.id: c.title for c in scenario.concerns}
    turns: list[ReportTurn] = []
    seen: set[str] = set()
    for t in record.turns:
        newly = [titles.get(c, c) for c in t.state.revealed if c not in seen]
        seen.update(t.state.revealed)
        turns.append(
            ReportTurn(
                number=t.number,
                reply=evidence_segments(t.user_text, t.assessment),
                scores=[
                    ScoreLine(s.dimension, s.name, s.score, s.rationale)
                    for s in t.assessment.scores
                ],
                moves=[
                    MoveLine(
                        e.move.value,
                        c.value if (c := MOVE_CATEGORY.get(e.move)) else "other",
                        MOVE_DESCRIPTION[e.move],
                        e.quote,
                    )
                    for e in t.assessment.moves
                ],
                advice=t.assessment.advice,
                suggestion=t.assessment.suggestion,
                notes=[*t.assessment.notes, *t.notices],
                persona=[p.text for p in t.persona],
                meters=dict(t.state.meters),
                revealed=newly,
            )
        )
    meters = [
        MeterCurve(
            meter_id,
            meter.label or meter_id.replace("_", " ").capitalize(),
            meter.better,
            [meter.start, *(t.state.meters.get(meter_id, meter.start) for t in record.turns)],
        )
        for meter_id, meter in scenario.meters.items()
    ]
    header = record.header
    session_rubric = record.session_rubric
    ending = record.ending
    return Report(
        title=scenario.title,
        summary=scenario.summary,
        setting=scenario.setting or "",
        you_play=scenario.you_play,
        user_name=scenario.user_name,
        persona_name=scenario.persona.name,
        persona_role=scenario.persona.role,
        started_at=header.started_at if header else "",
        file_name=record.path.name if record.path else "",
        voice=header.voice if header else "",
        judge=header.judge if header else "",
        scoring=scoring,
        rubric_name=record.rubric.name,
        ending=ending_label(ending.id if ending else None),
        ending_title=ending.title if ending else "The conversation stopped before an ending",
        outcome=ending.outcome if ending else None,
        closing_line=debrief.closing_line,
        dimensions=dims,
        series={d: [t.assessment.score(d) for t in record.turns] for d, _ in dims},
        averages=debrief.averages,
        meters=meters,
        opening=[p.text for p in record.opening],
        turns=turns,
        debrief=debrief,
        session_rubric_name=session_rubric.name if session_rubric else "",
        session_rubric_description=(session_rubric.description or "").strip()
        if session_rubric
        else "",
        session=debrief.session,
        revealed=[(title, turn) for _, title, turn in debrief.revealed],
        missed=[(title, detail) for _, title, detail in debrief.missed],
        unfinished_reply=record.pending_reply,
    )
