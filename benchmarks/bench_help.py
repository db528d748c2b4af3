"""`sparring --help` wall time, against baselines launched the same way in the same run:
`python -c pass` (the interpreter's own start-up) and `python -c "import textual.app"`
(what --help would cost if it imported the UI). Run: python benchmarks/bench_help.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def wall(cmd: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    py = sys.executable
    cases = [
        ("python -c pass (interpreter start-up)", [py, "-c", "pass"]),
        ("sparring --help", [py, "-m", "sparring", "--help"]),
        ("sparring validate --help", [py, "-m", "sparring", "validate", "--help"]),
        ('python -c "import textual.app"', [py, "-c", "import textual.app"]),
    ]
    for _, cmd in cases:  # warm the file cache
        wall(cmd, 2)
    results = [(name, wall(cmd)) for name, cmd in cases]
    base = results[0][1]
    print("| command | median ms | ratio to interpreter start-up |")
    print("|---|---|---|")
    for name, t in results:
        print(f"| {name} | {t * 1000:.0f} | {t / base:.1f}x |")


if __name__ == "__main__":
    main()
