"""The session index: rebuilding it from 1,000 transcripts, and `sparring history` over 5,000
saved sessions, each against a baseline measured in the same run.

- Rebuild: `open_index` on a fresh index over 1,000 transcripts (every file read, validated
  and summarised, then written to SQLite), against the least any reader of those files does:
  reading every file and parsing each line as JSON.
- History: `sparring history` as a user runs it (a new process, the index already built and
  the files unchanged, so it only checks every file's size and time), against the
  interpreter's own start-up (`python -c pass`). Also `history --json`, and the first
  `history` after the index was deleted (a full rebuild of 5,000).

Run: python benchmarks/bench_index.py   (makes ~250 MB of transcripts in a temporary folder)
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.replies import BREAKTHROUGH_REPLIES, DEFENSIVE_REPLIES  # noqa: E402
from tests.support.saved import save_attempt  # noqa: E402

from sparring.adapters.files import session_index  # noqa: E402

START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


async def originals(folder: Path) -> list[Path]:
    """A dozen real conversations of different lengths and scenarios."""
    played = []
    for n, scenario in enumerate(sorted(BREAKTHROUGH_REPLIES)):
        for k, replies in enumerate((BREAKTHROUGH_REPLIES[scenario], DEFENSIVE_REPLIES[scenario])):
            when = START + timedelta(minutes=10 * n + k)
            played.append(await save_attempt(folder, scenario, list(replies), when))
    return played


def copies(sources: list[Path], folder: Path, count: int) -> None:
    """`count` transcripts made from the originals, each with its own start time."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8").split("\n", 1) for p in sources]
    for i in range(count):
        first, rest = texts[i % len(texts)]
        header = json.loads(first)
        when = START + timedelta(hours=i)
        header["started_at"] = when.isoformat()
        name = f"{when:%Y%m%d-%H%M%S}-{header['scenario']['id']}.jsonl"
        (folder / name).write_text(json.dumps(header) + "\n" + rest, encoding="utf-8")


def read_all(folder: Path) -> None:
    for path in folder.glob("*.jsonl"):
        for line in path.read_bytes().splitlines():
            json.loads(line)


def timed(action: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def rebuild(folder: Path, location: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{location}{suffix}").unlink(missing_ok=True)
    session_index.open_index(folder, location).close()


def wall(cmd: list[str], env: dict[str, str], runs: int = 9) -> float:
    def run() -> None:
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )

    return timed(run, runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        sources = asyncio.run(originals(Path(tmp) / "played"))
        thousand = Path(tmp) / "thousand"
        copies(sources, thousand, 1000)
        size = sum(p.stat().st_size for p in thousand.glob("*.jsonl")) / 1e6
        print(f"1,000 transcripts ({size:.0f} MB) from {len(sources)} played conversations")
        location = Path(tmp) / "index.sqlite3"
        read_all(thousand)  # warm the file cache
        base = timed(lambda: read_all(thousand), 3)
        build = timed(lambda: rebuild(thousand, location), 3)
        print("| measure | median | ratio to baseline |")
        print("|---|---|---|")
        print(f"| rebuild the index from 1,000 transcripts | {build:.2f} s | {build / base:.1f}x |")
        print(f"| baseline: read them all and parse every line as JSON | {base:.2f} s | 1.0x |")

        copies(sources, home / "transcripts", 5000)
        env = {**os.environ, "SPARRING_HOME": str(home)}
        py = sys.executable
        history = [py, "-m", "sparring", "history"]
        t = time.perf_counter()
        subprocess.run(history, env=env, stdout=subprocess.DEVNULL, check=True)
        first = time.perf_counter() - t
        start = wall([py, "-c", "pass"], env)
        listed = wall(history, env)
        as_json = wall([*history, "--json"], env)
        print()
        print("| `sparring history`, 5,000 sessions | median | ratio to baseline |")
        print("|---|---|---|")
        print(
            f"| history (index built, files unchanged) | {listed * 1000:.0f} ms | "
            f"{listed / start:.1f}x |"
        )
        print(f"| history --json | {as_json * 1000:.0f} ms | {as_json / start:.1f}x |")
        print(f"| baseline: python -c pass | {start * 1000:.0f} ms | 1.0x |")
        print(f"| first history with no index (rebuilds 5,000) | {first:.1f} s | |")
        shutil.rmtree(home)


if __name__ == "__main__":
    main()
