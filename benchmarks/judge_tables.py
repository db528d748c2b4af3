"""The judge-evaluation tables in benchmarks/README.md.

Runs the offline judge over every labelled set it can find and prints one markdown row per
signal: the project's own sets (always in the repository) and, when the shared calibration data
is present next to the project (../shared/data), ESConv (whole, and its test split, which was
not looked at while developing the rules) and CaSiNo. Run: python benchmarks/judge_tables.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from sparring.judge.evaluation import evaluate, offline_predictor, read_records

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"

SETS = [
    ("development set (tuned on)", ROOT / "tests/data/judge-dev.jsonl"),
    ("difficult-feedback set (tuned on)", ROOT / "benchmarks/data/difficult-feedback.jsonl"),
    (
        "held-out v1 (held out for round 1, then tuned on)",
        ROOT / "benchmarks/heldout/heldout.jsonl",
    ),
    ("final held-out (never tuned on)", ROOT / "benchmarks/final-heldout/final-heldout.jsonl"),
    ("ESConv, all 18,376 turns", SHARED / "esconv.jsonl"),
    ("ESConv, test split only", SHARED / "esconv.jsonl"),
    ("CaSiNo", SHARED / "casino.jsonl"),
]


def main() -> int:
    predict = offline_predictor()
    print("| set | signal | n | positives | precision | recall | F1 | macro-F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, path in SETS:
        if not path.exists():
            print(f"| {name} | (not found: {path}) | | | | | | |")
            continue
        if "test split" in name:
            lines = [
                line
                for line in path.read_text(encoding="utf-8").splitlines()
                if json.loads(line).get("meta", {}).get("split") == "test"
            ]
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
                f.write("\n".join(lines) + "\n")
            path = Path(f.name)
        records, _ = read_records(path)
        report = evaluate(records, predict)
        for signal, t in report.tallies.items():
            if t.n:
                print(
                    f"| {name} | {signal} | {t.n} | {t.tp + t.fn} | {t.precision:.3f} | "
                    f"{t.recall:.3f} | **{t.f1:.3f}** | {t.macro_f1:.3f} |"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
