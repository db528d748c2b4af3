"""Offline judge speed: median time per reply and replies per second; and long replies.

Measured on the development set's replies (tests/data/judge-dev.jsonl), in the same run as a
baseline (a single regular expression over each reply), so the ratio holds on a noisy,
shared machine. Long replies (2,500 to 20,000 characters, punctuated and as one unpunctuated
sentence; the development set's replies joined; and two kinds of pasted junk ending in a
question mark, "ok, " repeated and spaces) are timed whole, against the same regular expression
over the same text, and the growth from 5,000 to 20,000 characters is given as an exponent (1.0
is linear).
Run: python benchmarks/bench_judge.py
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
from pathlib import Path

from sparring.adapters.files.model_files import load_rubric
from sparring.judge.base import Exchange
from sparring.judge.offline.detect import detect
from sparring.judge.offline.judge import OfflineJudge

ROOT = Path(__file__).resolve().parent.parent
RECORDS = [
    json.loads(line) for line in (ROOT / "tests/data/judge-dev.jsonl").read_text().splitlines()
]
RUBRIC = load_rubric(ROOT / "rubrics/difficult-feedback.yaml").model
JUDGE = OfflineJudge()
BASELINE = re.compile(r"\?")


def clear_caches() -> None:
    """Each round starts cold, as a new session would (caches only help within a round)."""
    from sparring.judge.offline import advice, defence, lexicon, rules, suggest

    defence._quote_marks.cache_clear()
    lexicon.stem.cache_clear()
    lexicon.content_stems.cache_clear()
    rules.INDEX.possible.cache_clear()
    rules.INDEX.runnable.cache_clear()
    suggest._reflection.cache_clear()
    advice._FAMILIES.clear()


def per_item(fn, rounds: int = 5) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        clear_caches()
        for r in RECORDS:
            t = time.perf_counter()
            fn(r)
            times.append(time.perf_counter() - t)
    return times


def main() -> None:
    def assess(r: dict[str, str]) -> object:
        exchange = Exchange(reply=r["reply"], persona_line=r["context"], confrontation=True)
        return JUDGE.assess_now(exchange, RUBRIC)

    def moves(r: dict[str, str]) -> object:
        return detect(r["reply"], r["context"])

    def base(r: dict[str, str]) -> object:
        return BASELINE.search(r["reply"])

    for fn in (assess, moves, base):  # warm caches
        per_item(fn, 1)
    rows = []
    for name, fn in (
        ("assessment (moves, scores, suggestion)", assess),
        ("move detection only", moves),
        ("baseline: one regex", base),
    ):
        times = per_item(fn)
        median = statistics.median(times)
        rows.append((name, median * 1000, 1 / statistics.mean(times)))
    base_median = rows[-1][1]
    print(f"{len(RECORDS)} replies x 5 rounds")
    print("| what | median ms per reply | replies per second | ratio to baseline (median) |")
    print("|---|---|---|---|")
    for name, ms, rps in rows:
        print(f"| {name} | {ms:.3f} | {rps:,.0f} | {ms / base_median:.0f}x |")
    long_replies()


LONG = "I hear you, and I want to understand what happened with the rota last week. "
CONTEXT = "You changed the rota again without asking anyone, and it's the third time."


def best_of(fn, text: str, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        clear_caches()
        t = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t)
    return min(times)


def long_replies() -> None:
    def assess(text: str) -> object:
        exchange = Exchange(reply=text, persona_line=CONTEXT, confrontation=True)
        return JUDGE.assess_now(exchange, RUBRIC)

    print()
    print("| reply | characters | whole assessment, ms (best of 5) | baseline regex, ms |")
    print("|---|---|---|---|")
    joined = " ".join(r["reply"] for r in RECORDS)
    for kind, sentence, end in (
        ("punctuated", LONG, ""),
        ("one unpunctuated sentence", LONG.replace(",", "").replace(".", ""), ""),
        ("the development set's replies joined", joined, ""),
        # pasted or adversarial text, ending as a question: runs that once took seconds (each
        # clause break or space rescanned the rest of the reply)
        ('"ok, " repeated', "ok, ", "?"),
        ("spaces", " ", "?"),
    ):
        ms = {}
        for n in (2_500, 5_000, 10_000, 20_000):
            text = (sentence * (n // len(sentence) + 1))[: n - len(end)] + end
            ms[n] = best_of(assess, text) * 1000
            base = best_of(lambda t: BASELINE.findall(t), text) * 1000
            print(f"| {kind} | {n:,} | {ms[n]:.1f} | {base:.3f} |")
        growth = math.log(ms[20_000] / ms[5_000]) / math.log(4)
        print(f"| {kind}: growth 5,000 to 20,000 | | n^{growth:.2f} | |")


if __name__ == "__main__":
    main()
