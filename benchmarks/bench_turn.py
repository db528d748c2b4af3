"""A whole offline turn: judge the reply, move the persona, pick a line, write and fsync the
transcript. Measured as the median over the flagship scenario, against a baseline measured in
the same run: appending one JSON line to a file and fsyncing it (the floor every durable turn
pays). Run: python benchmarks/bench_turn.py
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from sparring.adapters.files.library import Library
from sparring.adapters.files.transcripts import TranscriptWriter
from sparring.session.live import Session

REPLIES = [
    "So the offsites keep pulling you away from customers, and you're fed up with it. "
    "What has it cost your team?",
    "That's not fair. We had to do the retreats.",
    "You're right that I cancelled Halvorsen twice. That's on me. What happened with them after?",
    "I hear you, but the numbers will follow.",
    "ok",
    "Help me understand what the pressure from finance has been like.",
]


async def turns(folder: Path, sessions: int) -> list[float]:
    library = Library()
    scenario, path = library.resolve_scenario("frustrated-sales-director")
    rubric, session_rubric = library.rubrics_for(scenario, path)
    times: list[float] = []
    for n in range(sessions):
        session = await Session.start(
            scenario,
            rubric,
            session_rubric=session_rubric,
            seed=n,
            recorder=TranscriptWriter(folder / f"t{n}.jsonl"),
        )
        for reply in REPLIES:
            if session.over:
                break
            t = time.perf_counter()
            await session.submit(reply)
            times.append(time.perf_counter() - t)
        session.close()
    return times


def fsync_baseline(folder: Path, count: int) -> list[float]:
    times = []
    line = json.dumps({"type": "user", "turn": 1, "text": REPLIES[0]}) + "\n"
    with open(folder / "baseline.jsonl", "a", encoding="utf-8") as f:
        for _ in range(count):
            t = time.perf_counter()
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
            times.append(time.perf_counter() - t)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        turn_times = asyncio.run(turns(folder, 40))
        base_times = fsync_baseline(folder, len(turn_times))
    turn_ms = statistics.median(turn_times) * 1000
    base_ms = statistics.median(base_times) * 1000
    print(f"{len(turn_times)} turns")
    print("| what | median ms | p90 ms | ratio to baseline |")
    print("|---|---|---|---|")
    p90 = sorted(turn_times)[int(len(turn_times) * 0.9)] * 1000
    b90 = sorted(base_times)[int(len(base_times) * 0.9)] * 1000
    label = "whole offline turn (judge, persona, transcript + fsync)"
    print(f"| {label} | {turn_ms:.2f} | {p90:.2f} | {turn_ms / base_ms:.1f}x |")
    print(f"| baseline: append one JSON line + fsync | {base_ms:.2f} | {b90:.2f} | 1.0x |")


if __name__ == "__main__":
    main()
