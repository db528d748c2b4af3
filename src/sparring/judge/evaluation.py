"""Measure a judge's signals (listening, inquiry, defensive) against labelled replies.

Reads the record schema of the calibration data: one JSON object per line with `context`,
`reply` and the booleans `listening`, `inquiry`, `defensive` (null or absent: not labelled).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sparring.adapters.files.limited_io import read_limited
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.diagnostics import Diagnostic, display_path

MAX_RECORDS_BYTES = 200_000_000

SIGNALS = ("listening", "inquiry", "defensive")

Predictor = Callable[[str, str | None], dict[str, bool]]


@dataclass(frozen=True)
class Record:
    id: str
    context: str | None
    reply: str
    labels: dict[str, bool]
    line: int


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
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                    "f1": round(t.f1, 4),
                    "macro_f1": round(t.macro_f1, 4),
                }
                for name, t in self.tallies.items()
                if t.n
            },
        }


def read_records(path: Path) -> tuple[list[Record], list[Diagnostic]]:
    """Records from a JSONL file; malformed lines are reported, not fatal."""
    shown = display_path(path)
    raw = read_limited(path, MAX_RECORDS_BYTES, shown, "file of labelled replies")
    records: list[Record] = []
    problems: list[Diagnostic] = []
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Diagnostic(shown, number, exc.colno, f"not valid JSON: {exc.msg}"))
            continue
        except RecursionError:
            problems.append(Diagnostic(shown, number, 1, "nested too deeply; skipped"))
            continue
        except ValueError as exc:  # e.g. an integer with thousands of digits
            problems.append(Diagnostic(shown, number, 1, f"not usable: {exc}; skipped"))
            continue
        if not isinstance(data, dict) or not isinstance(data.get("reply"), str):
            problems.append(
                Diagnostic(shown, number, 1, "expected an object with a 'reply' string")
            )
            continue
        if len(data["reply"]) > MAX_REPLY_CHARS:
            problems.append(
                Diagnostic(
                    shown, number, 1, f"the reply is longer than {MAX_REPLY_CHARS:,} characters"
                )
            )
            continue
        context = data.get("context")
        labels = {s: data[s] for s in SIGNALS if isinstance(data.get(s), bool)}
        records.append(
            Record(
                id=str(data.get("id", number)),
                context=context if isinstance(context, str) else None,
                reply=data["reply"],
                labels=labels,
                line=number,
            )
        )
    return records, problems


def evaluate(
    records: Iterable[Record], predict: Predictor, *, keep_errors: bool = False
) -> EvalReport:
    report = EvalReport(tallies={s: Tally() for s in SIGNALS})
    for record in records:
        report.records += 1
        if not record.labels:
            continue
        predicted = predict(record.reply, record.context)
        for signal, gold in record.labels.items():
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


def offline_predictor() -> Predictor:
    from sparring.judge.base import DEFENSIVE_MOVES, INQUIRY_MOVES, LISTENING_MOVES
    from sparring.judge.offline.detect import detect

    def predict(reply: str, context: str | None) -> dict[str, bool]:
        moves = detect(reply, context).moves
        return {
            "listening": bool(moves & LISTENING_MOVES),
            "inquiry": bool(moves & INQUIRY_MOVES),
            "defensive": bool(moves & DEFENSIVE_MOVES),
        }

    return predict


def iter_lines(report: EvalReport) -> Iterator[str]:
    header = ("signal", "n", "pos", "precision", "recall", "F1", "macro-F1")
    yield "{:<10} {:>6} {:>6} {:>9} {:>7} {:>6} {:>8}".format(*header)
    for name, t in report.tallies.items():
        if t.n:
            yield (
                f"{name:<10} {t.n:>6} {t.tp + t.fn:>6} {t.precision:>9.3f} {t.recall:>7.3f} "
                f"{t.f1:>6.3f} {t.macro_f1:>8.3f}"
            )
