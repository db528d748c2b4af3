"""Time from launch to the scenario picker's first paint, as a ratio to a bare Textual app
launched the same way in the same run (both under tmux, polled every 5 ms).

Run: python benchmarks/bench_firstpaint.py [--runs 7]   (needs tmux)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent


def first_paint(cmd: list[str], pattern: str, env: dict[str, str], limit: float = 20.0) -> float:
    name = "fp" + uuid.uuid4().hex[:8]
    regex = re.compile(pattern, re.IGNORECASE)
    shell = " ".join(subprocess.list2cmdline([c]) for c in cmd)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", shell],
        check=True,
        env=env,
    )
    try:
        while time.perf_counter() - start < limit:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            if regex.search(screen):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{cmd} never showed {pattern!r}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed (apt-get install tmux)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "SPARRING_HOME": home}
        sparring = [sys.executable, "-m", "sparring"]
        bare = [sys.executable, str(HERE / "bare_app.py")]
        for cmd, pattern in ((bare, "READY"), (sparring, "Pick a conversation")):  # warm caches
            first_paint(cmd, pattern, env)
        ours, floor = [], []
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            floor.append(first_paint(bare, "READY", env))
            ours.append(first_paint(sparring, "Pick a conversation", env))
    f, o = statistics.median(floor), statistics.median(ours)
    print(f"{args.runs} runs each, interleaved")
    print("| app | median first paint (s) | ratio to bare Textual |")
    print("|---|---|---|")
    print(f"| bare Textual app (one Static) | {f:.3f} | 1.00x |")
    print(f"| sparring, scenario picker | {o:.3f} | {o / f:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
