"""Check a judge against a rubric's calibration examples (`sparring calibrate`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sparring.formats.rubric import Rubric
from sparring.judge.base import Exchange, Judge
from sparring.judge.scoring import raw_score


@dataclass
class ExampleResult:
    index: int
    reply: str
    expected: dict[str, int]
    got: dict[str, int]
    expected_moves: list[str] | None
    got_moves: list[str]

    @property
    def exact(self) -> bool:
        return all(self.got[k] == v for k, v in self.expected.items())


@dataclass
class CalibrationReport:
    rubric: str
    examples: list[ExampleResult] = field(default_factory=list)

    @property
    def scores(self) -> int:
        return sum(len(e.expected) for e in self.examples)

    @property
    def exact_scores(self) -> int:
        return sum(e.got[k] == v for e in self.examples for k, v in e.expected.items())

    @property
    def within_one(self) -> int:
        return sum(abs(e.got[k] - v) <= 1 for e in self.examples for k, v in e.expected.items())

    def to_json(self) -> dict[str, object]:
        return {
            "rubric": self.rubric,
            "examples": len(self.examples),
            "scores": self.scores,
            "exact": self.exact_scores,
            "within_one": self.within_one,
            "mismatches": [
                {
                    "index": e.index,
                    "reply": e.reply,
                    "expected": e.expected,
                    "got": {k: e.got[k] for k in e.expected},
                    "expected_moves": e.expected_moves,
                    "got_moves": e.got_moves,
                }
                for e in self.examples
                if not e.exact
            ],
        }


async def calibrate(rubric: Rubric, judge: Judge) -> CalibrationReport:
    """Score every calibration example with `judge`. A dimension the judge scores is taken as
    scored; session-scope dimensions are scored from the moves as a one-reply session."""
    report = CalibrationReport(rubric.id)
    for i, example in enumerate(rubric.calibration):
        assessment = await judge.assess(
            Exchange(reply=example.reply, persona_line=example.context, confrontation=True), rubric
        )
        moves = assessment.move_set
        got = {
            d.id: score if (score := assessment.score(d.id)) is not None else raw_score(d, moves)[0]
            for d in rubric.dimensions
        }
        report.examples.append(
            ExampleResult(
                index=i,
                reply=example.reply,
                expected=dict(example.expect),
                got=got,
                expected_moves=[m.value for m in example.moves]
                if example.moves is not None
                else None,
                got_moves=sorted(m.value for m in moves),
            )
        )
    return report
