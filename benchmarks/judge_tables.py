"""The judge-evaluation table in benchmarks/README.md.

Runs `sparring judge-eval --json` (the offline judge, as the app calls it) over every labelled
set it can find and prints one markdown row per set and signal: F1, balanced accuracy and the
false-alarm rate, with the confusion counts. The project's own sets are always in the
repository; ESConv (whole, and its test split) and CaSiNo are read from the shared calibration
data next to the project (../shared/data) when it is there. ESConv's supporter turns carry no
defensiveness label, but no supporter is defending themselves against the seeker, so every
defensive verdict there is counted as a false alarm (`--assume-not defensive`).

Our sets are confrontations (someone upset with the replier), so the judge is told so, as the
app always tells it (`--situation confrontation`, the default). ESConv and CaSiNo are not, so
there it must read that from the other person's lines (`--situation unknown`); with
`--also-unknown` our sets are measured that way too.

Run: python benchmarks/judge_tables.py [--locked]

The locked multi-writer test part (benchmarks/multiwriter/test.jsonl), the fourth wave's two
held-out writers, the fifth and twelfth waves (held out whole) and the plain-statements set are
only read with `--locked`: they are measured once per release of the judge, never while
developing it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"

TRAINED = [
    ("development set", ROOT / "tests/data/judge-dev.jsonl"),
    ("difficult-feedback set", ROOT / "benchmarks/data/difficult-feedback.jsonl"),
    ("held-out v1", ROOT / "benchmarks/heldout/heldout.jsonl"),
    ("final held-out", ROOT / "benchmarks/final-heldout/final-heldout.jsonl"),
    ("multi-writer, development part", ROOT / "benchmarks/multiwriter/dev.jsonl"),
    ("multi-writer, second wave", ROOT / "benchmarks/multiwriter2/train.jsonl"),
    ("multi-writer, third wave", ROOT / "benchmarks/multiwriter3/train.jsonl"),
    ("multi-writer, sixth wave", ROOT / "benchmarks/multiwriter6/train.jsonl"),
    ("multi-writer, seventh wave", ROOT / "benchmarks/multiwriter7/train.jsonl"),
    ("multi-writer, eighth wave", ROOT / "benchmarks/multiwriter8/train.jsonl"),
    ("multi-writer, ninth wave", ROOT / "benchmarks/multiwriter9/train.jsonl"),
    ("multi-writer, tenth wave", ROOT / "benchmarks/multiwriter10/train.jsonl"),
    ("multi-writer, eleventh wave", ROOT / "benchmarks/multiwriter11/train.jsonl"),
    ("multi-writer, thirteenth wave", ROOT / "benchmarks/multiwriter13/train.jsonl"),
    ("multi-writer, fourteenth wave", ROOT / "benchmarks/multiwriter14/train.jsonl"),
    ("multi-writer, fifteenth wave", ROOT / "benchmarks/multiwriter15/train.jsonl"),
    ("multi-writer, sixteenth wave", ROOT / "benchmarks/multiwriter16/train.jsonl"),
    (
        "multi-writer, seventeenth wave",
        ROOT / "benchmarks/multiwriter17/train.jsonl",
    ),
    ("multi-writer, nineteenth wave", ROOT / "benchmarks/multiwriter19/train.jsonl"),
    ("multi-writer, twentieth wave", ROOT / "benchmarks/multiwriter20/train.jsonl"),
    ("multi-writer, twenty-first wave", ROOT / "benchmarks/multiwriter21/train.jsonl"),
    ("multi-writer, twenty-second wave", ROOT / "benchmarks/multiwriter22/train.jsonl"),
    ("reflective frames", ROOT / "benchmarks/frames/train.jsonl"),
]
FOURTH = ROOT / "benchmarks/multiwriter4"
# (name, file, the records' kind or None for all, the situation the judge is told)
KINDS = [
    (
        "multi-writer, fourth wave, confrontations (trained on)",
        FOURTH / "train.jsonl",
        "confrontation",
        "confrontation",
    ),
    (
        "multi-writer, fourth wave, confidings (trained on)",
        FOURTH / "train.jsonl",
        "confiding",
        "unknown",
    ),
]
LOCKED = ("**multi-writer, locked test part**", ROOT / "benchmarks/multiwriter/test.jsonl")
HELD_OUT = [
    (
        "**fourth wave, held-out writer w21 (confrontations)**",
        FOURTH / "heldout-confrontation.jsonl",
        None,
        "confrontation",
    ),
    (
        "**fourth wave, held-out writer w22 (confidings)**",
        FOURTH / "heldout-confiding.jsonl",
        None,
        "unknown",
    ),
    (
        "**eighteenth wave, confidings, held out whole (four new writers)**",
        ROOT / "benchmarks/multiwriter18/heldout.jsonl",
        None,
        "unknown",
    ),
    (
        "**fifth wave, held out whole (five new writers)**",
        ROOT / "benchmarks/multiwriter5/heldout.jsonl",
        None,
        "confrontation",
    ),
    (
        "**twelfth wave, held out whole (five new writers)**",
        ROOT / "benchmarks/multiwriter12/heldout.jsonl",
        None,
        "confrontation",
    ),
    (
        "**plain statements, not trained on (their point given back without a frame)**",
        ROOT / "benchmarks/plain/plain.jsonl",
        None,
        "confrontation",
    ),
]
PUBLIC = [
    ("ESConv, all supporter turns", SHARED / "esconv.jsonl", ["defensive"]),
    ("ESConv, test split only", SHARED / "esconv.jsonl", ["defensive"]),
    ("CaSiNo", SHARED / "casino.jsonl", []),
]


def judge_eval(
    path: Path, assume_not: list[str], situation: str = "confrontation"
) -> dict[str, dict[str, float]]:
    command = [sys.executable, "-m", "sparring", "judge-eval", str(path), "--json"]
    command += ["--situation", situation]
    for signal in assume_not:
        command += ["--assume-not", signal]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=1800)
    signals: dict[str, dict[str, float]] = json.loads(done.stdout)["signals"]
    return signals


def records_where(path: Path, field: str, value: str) -> Path:
    """A temporary file of the records whose `meta[field]` is `value` (the caller removes it)."""
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if json.loads(line).get("meta", {}).get(field) == value
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    return Path(f.name)


def rows(name: str, signals: dict[str, dict[str, float]]) -> list[str]:
    out = []
    for signal, t in signals.items():
        if t["n"]:
            out.append(
                f"| {name} | {signal} | {t['n']} | {t['positives']} | "
                f"{t['tp']}/{t['fp']}/{t['fn']}/{t['tn']} | **{t['f1']:.3f}** | "
                f"{t['balanced_accuracy']:.3f} | {t['false_alarm_rate']:.3f} |"
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--locked",
        action="store_true",
        help="also measure the locked test part and the held-out writers (once per release)",
    )
    parser.add_argument(
        "--also-unknown",
        action="store_true",
        help="also measure our sets with the situation left for the judge to estimate",
    )
    args = parser.parse_args()
    print("| set | signal | n | positives | tp/fp/fn/tn | F1 | balanced acc. | false alarms |")
    print("|---|---|---|---|---|---|---|---|")
    ours = [(f"{name} (trained on)", path) for name, path in TRAINED]
    if args.locked:
        ours.append(LOCKED)
    sets = [(name, path, [], "confrontation") for name, path in ours]
    if args.also_unknown:
        sets += [(f"{name}, situation estimated", path, [], "unknown") for name, path in ours]
    parts = KINDS + (HELD_OUT if args.locked else [])
    sets += [(name, path, [], situation) for name, path, _, situation in parts]
    kinds = {name: kind for name, _, kind, _ in parts}
    sets += [(name, path, assume_not, "unknown") for name, path, assume_not in PUBLIC]
    for name, path, assume_not, situation in sets:
        if not path.exists():
            print(f"| {name} | (not found: {path}) | | | | | | |")
            continue
        temporary = None
        if "test split" in name:
            path = temporary = records_where(path, "split", "test")
        if kinds.get(name):
            path = temporary = records_where(path, "kind", kinds[name])
        try:
            for row in rows(name, judge_eval(path, assume_not, situation)):
                print(row, flush=True)
        finally:
            if temporary is not None:
                temporary.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
