"""Measure a judge's signals (listening, inquiry, defensive) against labelled replies.

Any judge, through the `Judge` interface, given what the app would give it (the other
person's latest line and their earlier ones). Records come in the schema of the calibration
data (`adapters.files.records` reads them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sparring.formats.diagnostics import Diagnostic
from sparring.formats.rubric import Rubric
from sparring.judge.base import Assessment, Exchange, Judge

SIGNALS = ("listening", "inquiry", "defensive")


@dataclass(frozen=True)
class Record:
    id: str
    context: str | None
    reply: str
    labels: dict[str, bool]
    line: int
    earlier: tuple[str, ...] = ()


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def negative_f1(self) -> float:
        p = self.tn / (self.tn + self.fn) if self.tn + self.fn else 0.0
        r = self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def macro_f1(self) -> float:
        return (self.f1 + self.negative_f1) / 2

    @property
    def specificity(self) -> float:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0

    @property
    def balanced_accuracy(self) -> float:
        """The mean of recall on positives and on negatives (0.5 is chance)."""
        return (self.recall + self.specificity) / 2

    @property
    def false_alarm_rate(self) -> float:
        """How often a negative is called positive."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0


@dataclass
class EvalReport:
    records: int = 0
    tallies: dict[str, Tally] = field(default_factory=dict)
    skipped: list[Diagnostic] = field(default_factory=list)
    errors: dict[str, list[tuple[Record, bool]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "signals": {
                name: {
                    "n": t.n,
                    "positives": t.tp + t.fn,
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                    "tn": t.tn,
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                    "f1": round(t.f1, 4),
                    "macro_f1": round(t.macro_f1, 4),
                    "balanced_accuracy": round(t.balanced_accuracy, 4),
                    "false_alarm_rate": round(t.false_alarm_rate, 4),
                }
                for name, t in self.tallies.items()
                if t.n
            },
            **(
                {
                    "errors": {
                        signal: [
                            {"id": r.id, "line": r.line, "gold": not guess, "judged": guess}
                            for r, guess in errs
                        ]
                        for signal, errs in self.errors.items()
                    }
                }
                if self.errors
                else {}
            ),
        }


SITUATIONS = ("confrontation", "unknown")
"""What a judge may be told about the other person: `confrontation`, as in the app, where
they are always upset with the replier; `unknown`, for sets of other conversations (a
confiding friend, a negotiation), where a judge must read it from their lines."""


def exchange_for(record: Record, situation: str = "confrontation") -> Exchange:
    """What the judge sees for a record: as in the app, the other person's latest line and
    their earlier ones, and whether they are upset with the replier (the app always knows they
    are; `situation="unknown"` leaves the judge to estimate it)."""
    if situation not in SITUATIONS:
        raise ValueError(f"situation must be one of {', '.join(SITUATIONS)}, not {situation!r}")
    said = tuple(("persona", line) for line in (*record.earlier, record.context or "") if line)
    return Exchange(
        reply=record.reply,
        persona_line=record.context,
        conversation=said[:-1] if said else (),
        confrontation=True if situation == "confrontation" else None,
    )


def signals_of(assessment: Assessment) -> dict[str, bool]:
    return {
        "listening": assessment.listening,
        "inquiry": assessment.inquiry,
        "defensive": assessment.defensive,
    }


async def evaluate(
    records: Iterable[Record],
    judge: Judge,
    rubric: Rubric,
    *,
    keep_errors: bool = False,
    assume_not: Iterable[str] = (),
    situation: str = "confrontation",
) -> EvalReport:
    """Every record through `judge`, as the app would call it; tallies per signal.
    `situation`: what the judge is told about the other person (see `SITUATIONS`).
    `assume_not`: signals a record that says nothing about counts as a negative (a supportive
    conversation has no defensiveness to label, but every defensive verdict there is a false
    alarm)."""
    report = EvalReport(tallies={s: Tally() for s in SIGNALS})
    assumed = dict.fromkeys(assume_not, False)
    for record in records:
        report.records += 1
        labels = {**assumed, **record.labels}
        if not labels:
            continue
        predicted = signals_of(await judge.assess(exchange_for(record, situation), rubric))
        for signal, gold in labels.items():
            guess = predicted[signal]
            tally = report.tallies[signal]
            if gold and guess:
                tally.tp += 1
            elif gold:
                tally.fn += 1
            elif guess:
                tally.fp += 1
            else:
                tally.tn += 1
            if keep_errors and gold != guess:
                report.errors.setdefault(signal, []).append((record, guess))
    return report


def iter_lines(report: EvalReport) -> Iterator[str]:
    header = ("signal", "n", "tp", "fp", "fn", "tn", "precision", "recall", "F1", "bal.acc")
    yield "{:<10} {:>6} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6} {:>7}".format(*header)
    for name, t in report.tallies.items():
        if t.n:
            yield (
                f"{name:<10} {t.n:>6} {t.tp:>5} {t.fp:>5} {t.fn:>5} {t.tn:>5} "
                f"{t.precision:>9.3f} {t.recall:>7.3f} {t.f1:>6.3f} {t.balanced_accuracy:>7.3f}"
            )


def iter_errors(report: EvalReport) -> Iterator[str]:
    """The misjudged records, per signal: missed ones, then false alarms."""
    for signal, errs in report.errors.items():
        for label, want in (("missed", False), ("false alarm", True)):
            chosen = [r for r, guess in errs if guess is want]
            if not chosen:
                continue
            yield ""
            yield f"{signal}: {label} ({len(chosen)})"
            for record in chosen:
                context = (record.context or "").replace("\n", " ")
                yield f"  [{record.id}] line {record.line}"
                if context:
                    yield f"     them: {context[:160]}"
                yield f"     reply: {record.reply.replace(chr(10), ' ')[:300]}"
