"""How natural replies by writers who never saw the app end, scenario by scenario.

    python benchmarks/natural_play.py            # the held-out writer (benchmarks/natural-replies)
    python benchmarks/natural_play.py --all      # and the two writers the tests use
    python benchmarks/natural_play.py toronto-ops  # only the writers named

Each set is played with the offline judge on seeds 0-2 through `sparring run`'s engine;
prints the ending, the replies used and the concerns surfaced.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from sparring.adapters.files.library import Library
from sparring.runtime.rehearsal import RehearsalSpec, open_rehearsal

REPO = Path(__file__).resolve().parents[1]
HELD_OUT = REPO / "benchmarks" / "natural-replies"
TESTED = REPO / "tests" / "data" / "natural-replies"
SEEDS = (0, 1, 2)


async def play(scenario: Path, replies: list[str], seed: int) -> tuple[str, int, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        spec = RehearsalSpec(scenario=str(scenario), seed=seed, out=Path(folder) / "t.jsonl")
        session = await open_rehearsal(spec, library=Library(include_user=False))
        for reply in replies:
            if session.over:
                break
            await session.submit(reply)
        session.close()
    ending = session.ending.id if session.ending else "unfinished"
    return ending, len(session.turns), len(session.state.revealed), len(session.scenario.concerns)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="also the writers the tests use")
    parser.add_argument("writers", nargs="*", help="only these writers' folders (by name)")
    args = parser.parse_args()
    folders = sorted(p for p in HELD_OUT.iterdir() if p.is_dir())
    if args.all:
        folders += sorted(p for p in TESTED.iterdir() if p.is_dir())
    if args.writers:
        unknown = set(args.writers) - {p.name for p in folders}
        if unknown:
            parser.error(f"no such writer: {', '.join(sorted(unknown))}")
        folders = [p for p in folders if p.name in args.writers]
    tally: dict[str, int] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            scenario_id, kind = path.name.split(".")[:2]
            scenario = REPO / "scenarios" / f"{scenario_id}.yaml"
            replies = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
            for seed in SEEDS:
                ending, turns, found, total = asyncio.run(play(scenario, replies, seed))
                key = f"{folder.name} {kind} -> {ending}"
                tally[key] = tally.get(key, 0) + 1
                print(
                    f"{folder.name:<16} {scenario_id:<27} {kind:<9} seed {seed}: {ending:<12} "
                    f"after {turns:>2} replies, {found}/{total} concerns"
                )
    print()
    for key, count in sorted(tally.items()):
        print(f"{count:>3}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
