"""Time from launch to the first paint of the scenario picker and of a rehearsal (until the
reply box shows), as ratios to a bare Textual app launched the same way in the same run. The
method is that of ../shared/tools/firstpaint: a detached 120x40 tmux pane, polled every 5 ms;
here the three are interleaved run by run, so machine noise hits them alike.

Run: python benchmarks/bench_firstpaint.py [--runs 9]   (needs tmux)
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


# A private tmux server, kept alive by an idle session: when the last session of a server ends,
# the server exits, and a new-session racing that exit fails now and then.
SOCKET = f"fpbench-{os.getpid()}"
TMUX = ["tmux", "-L", SOCKET]


def first_paint(cmd: list[str], pattern: str, env: dict[str, str], limit: float = 20.0) -> float:
    name = "fp" + uuid.uuid4().hex[:8]
    regex = re.compile(pattern, re.IGNORECASE)
    shell = " ".join(subprocess.list2cmdline([c]) for c in cmd)
    start = time.perf_counter()
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", name, "-x", "120", "-y", "40", shell],
        check=True,
        env=env,
    )
    try:
        while time.perf_counter() - start < limit:
            screen = subprocess.run(
                [*TMUX, "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            if regex.search(screen):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{cmd} never showed {pattern!r}")
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", name], capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed (apt-get install tmux)", file=sys.stderr)
        return 1
    subprocess.run([*TMUX, "-f", "/dev/null", "new-session", "-d", "-s", "keep", "sleep 3600"])
    try:
        return measure(args.runs)
    finally:
        subprocess.run([*TMUX, "kill-server"], capture_output=True)


def measure(runs: int) -> int:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "SPARRING_HOME": home}
        sparring = [sys.executable, "-m", "sparring"]
        cases = {
            "bare Textual app (one Static)": ([sys.executable, str(HERE / "bare_app.py")], "READY"),
            "`sparring` (the scenario picker)": (sparring, "Pick a conversation"),
            "`sparring rehearse frustrated-sales-director` (reply box shown)": (
                [*sparring, "rehearse", "frustrated-sales-director"],
                "Your reply to Sarah",
            ),
        }
        for cmd, pattern in cases.values():  # warm the disk cache and the scenario index
            first_paint(cmd, pattern, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (cmd, pattern) in cases.items():
                times[name].append(first_paint(cmd, pattern, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = next(iter(medians.values()))
    print(f"{runs} runs each, interleaved")
    print("| app | median first paint (s) | ratio to bare Textual |")
    print("|---|---|---|")
    for name, median in medians.items():
        print(f"| {name} | {median:.3f} | {median / floor:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
