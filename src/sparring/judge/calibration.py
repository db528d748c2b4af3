"""Check a judge against a rubric's calibration examples (`sparring calibrate`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sparring.formats.rubric import Rubric
from sparring.judge.base import Exchange
from sparring.judge.offline.judge import OfflineJudge
from sparring.judge.offline.scoring import raw_score


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


def calibrate(rubric: Rubric) -> CalibrationReport:
    """Score every calibration example with the offline judge. Session-scope dimensions are
    scored as a one-reply session (the mean of one per-reply score)."""
    judge = OfflineJudge()
    report = CalibrationReport(rubric.id)
    for i, example in enumerate(rubric.calibration):
        assessment = judge.assess_now(
            Exchange(reply=example.reply, persona_line=example.context), rubric
        )
        moves = assessment.move_set
        got = {d.id: raw_score(d, moves)[0] for d in rubric.dimensions}
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
