"""Kill test: a session process is SIGKILLed at random points; every time, the transcript it
leaves must read back, hold every turn the process reported as done, and resume to the end.

A small driver plays the flagship scenario through `Session` (the same path as the app and
`sparring run`), sleeps a few milliseconds between turns so kills land mid-session, and prints
a line after each completed turn. The delays come from a seeded generator.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import TranscriptData, TranscriptWriter, read_transcript
from sparring.formats.diagnostics import LoadError
from sparring.session.events import (
    AssessmentEvent,
    EndingEvent,
    PersonaEvent,
    StateEvent,
    UserEvent,
)
from sparring.session.live import Session
from sparring.session.record import ConversationRecord
from tests.conftest import REPO, SCENARIOS
from tests.support.engine import load, play
from tests.support.replies import BREAKTHROUGH_REPLIES

SCENARIO_ID = "frustrated-sales-director"
TRIALS = 24
EARLY_KILLS = 4  # trials killed while the header and the opening line are being written
PAUSE = 0.005  # seconds the driver sleeps before each reply
WORKERS = 4
RNG_SEED = 20250304

# Distinct replies (so "exactly once" is checkable), mixing listening, asking, minimal and one
# defensive reply, so the conversation reveals concerns and still runs to the turn limit (no
# run of minimal replies long enough to make her leave, nor enough to reach a breakthrough).
GOOD = BREAKTHROUGH_REPLIES[SCENARIO_ID]
REPLIES = [
    GOOD[0],
    "Okay.",
    GOOD[1],
    "Right.",
    "I see.",
    "Which accounts worry you most this quarter?",
    "Hmm.",
    "Noted.",
    "That is just how the process works.",
    "Sure.",
    "Alright.",
    "What did the team say at the last huddle?",
]

DRIVER = textwrap.dedent(
    """
    import asyncio, json, sys, time
    from datetime import datetime, timezone
    from pathlib import Path

    from sparring.adapters.files.library import Library
    from sparring.adapters.files.transcripts import TranscriptWriter
    from sparring.session.live import Session

    async def main() -> None:
        scenario_file, out, replies_file, pause = sys.argv[1:5]
        replies = json.loads(Path(replies_file).read_text(encoding="utf-8"))
        library = Library(include_user=False)
        scenario, path = library.resolve_scenario(scenario_file)
        rubric, session_rubric = library.rubrics_for(scenario, path)
        print("ready", flush=True)
        session = await Session.start(
            scenario, rubric, session_rubric=session_rubric, seed=0,
            recorder=TranscriptWriter(Path(out)),
            now=datetime(2025, 3, 4, 8, 40, tzinfo=timezone.utc),
        )
        print("started", flush=True)
        for reply in replies:
            if session.over:
                break
            time.sleep(float(pause))
            turn = await session.submit(reply)
            print(f"turn {turn.number}", flush=True)
        session.close()
        print("done", flush=True)

    asyncio.run(main())
    """
)


@dataclass(frozen=True)
class Plan:
    """When to kill: `after` a line the driver prints ("ready", "started" or "turn N"), then
    `delay` seconds later."""

    index: int
    after: str
    delay: float


@dataclass
class Trial:
    plan: Plan
    transcript: Path
    stdout: str
    stderr: str
    returncode: int

    @property
    def started(self) -> bool:
        return "started" in self.stdout.splitlines()

    @property
    def reported(self) -> int:
        turns = [
            int(line.split()[1]) for line in self.stdout.splitlines() if line.startswith("turn ")
        ]
        assert turns == list(range(1, len(turns) + 1)), self.stdout
        return len(turns)

    def describe(self) -> str:
        return (
            f"trial {self.plan.index} (killed {self.plan.delay * 1000:.1f} ms after "
            f"{self.plan.after!r}; rc {self.returncode}; reported {self.reported} turns)"
        )


def _run_trial(plan: Plan, driver: Path, replies: Path, folder: Path) -> Trial:
    transcript = folder / f"trial-{plan.index:02d}.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            str(driver),
            str(SCENARIOS / f"{SCENARIO_ID}.yaml"),
            str(transcript),
            str(replies),
            str(PAUSE),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None
    head = ""
    try:
        while line := proc.stdout.readline():
            head += line
            if line.strip() == plan.after:
                break
        time.sleep(plan.delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        # read through the same buffered reader as readline() above: communicate() would read
        # the raw pipe and miss lines already buffered here
        rest = proc.stdout.read()
        err = proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:  # pragma: no cover - only if something above failed
            proc.kill()
            proc.wait()
    return Trial(plan, transcript, head + rest, err, proc.returncode)


def kill_plan() -> list[Plan]:
    """Seeded: a few kills while the header and opening are written, the rest after a random
    turn, a random part of a turn's cycle later (sometimes mid-turn, mostly between turns)."""
    rng = random.Random(RNG_SEED)
    plan = [Plan(i, "ready", rng.uniform(0.0, 0.003)) for i in range(EARLY_KILLS)]
    for i in range(EARLY_KILLS, TRIALS):
        turn = rng.randrange(0, len(REPLIES) - 2)
        after = "started" if turn == 0 else f"turn {turn}"
        plan.append(Plan(i, after, rng.uniform(0.0, PAUSE + 0.002)))
    return plan


@pytest.fixture(scope="module")
def trials(tmp_path_factory: pytest.TempPathFactory) -> list[Trial]:
    folder = tmp_path_factory.mktemp("kills")
    driver = folder / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    replies = folder / "replies.json"
    replies.write_text(json.dumps(REPLIES), encoding="utf-8")
    # the module-scoped fixture runs outside the per-test SPARRING_HOME; the driver reads only
    # the shipped files and writes only the transcript it is given
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(lambda p: _run_trial(p, driver, replies, folder), kill_plan()))


async def reference() -> Session:
    """The same replies, never interrupted."""
    return await play(SCENARIO_ID, REPLIES, seed=0)


def check_completed_turns(data: TranscriptData, trial: Trial) -> None:
    scenario, _, _ = load(SCENARIO_ID)
    concern_ids = {c.id for c in scenario.concerns}
    events = data.events
    assert data.header.scenario.id == SCENARIO_ID
    opening = [e for e in events if isinstance(e, PersonaEvent) and e.turn == 0]
    assert len(opening) == 1, "the opening line was synced before 'started' was printed"
    top = max((getattr(e, "turn", 0) for e in events), default=0)
    assert top <= trial.reported + 1, "events for a turn the process never started"
    for number in range(1, trial.reported + 1):
        where = {
            kind: [i for i, e in enumerate(events) if isinstance(e, kind) and e.turn == number]
            for kind in (UserEvent, AssessmentEvent, StateEvent, PersonaEvent)
        }
        assert len(where[UserEvent]) == 1, f"turn {number}: reply missing or doubled"
        assert len(where[StateEvent]) == 1, f"turn {number}: state missing or doubled"
        assert where[AssessmentEvent], f"turn {number}: assessment missing"
        assert where[PersonaEvent], f"turn {number}: the persona's answer is missing"
        assert (
            where[UserEvent][0]
            < where[AssessmentEvent][0]
            < where[StateEvent][0]
            < where[PersonaEvent][0]
        ), f"turn {number}: events out of order"
        user = events[where[UserEvent][0]]
        assert user.text == REPLIES[number - 1]
        state = events[where[StateEvent][0]]
        assert set(state.meters) == set(scenario.meters)
        assert all(0 <= v <= 10 for v in state.meters.values())
        assert set(state.revealed) <= concern_ids
        assessment = events[where[AssessmentEvent][0]].assessment
        assert assessment.scores
        assert all(1 <= s.score <= 5 for s in assessment.scores)
        for i in where[PersonaEvent]:
            assert events[i].text.strip()
            assert events[i].line


def test_every_process_was_killed_as_planned(trials: list[Trial]) -> None:
    assert len(trials) >= 20
    for trial in trials:
        assert trial.returncode == -signal.SIGKILL, trial.describe() + trial.stderr
        assert "Traceback" not in trial.stderr, trial.stderr
        if trial.plan.after.startswith("turn "):
            target = int(trial.plan.after.split()[1])
            assert trial.reported >= target, trial.describe()
    assert len({t.plan.after for t in trials}) >= 6, "kills should spread over the session"


async def test_every_killed_transcript_reads_back_and_resumes(trials: list[Trial]) -> None:
    expected = await reference()
    expected_states = [(t.state.meters, t.state.revealed) for t in expected.turns]
    assert expected.ending is not None
    resumed_count = 0
    for trial in trials:
        path = trial.transcript
        if not trial.started:
            # killed during start-up: there may be no file, an empty one, or a partial
            # header; reading it either works or fails cleanly
            if not path.exists():
                continue
            try:
                data = read_transcript(path)
            except LoadError as exc:
                problem = str(exc)
            else:
                problem = ""
            if problem:
                assert "\n" not in problem
                assert "Traceback" not in problem
                continue
        else:
            data = read_transcript(path)  # must not raise
            check_completed_turns(data, trial)

        warnings = data.warnings
        assert len(warnings) <= 1, [str(w) for w in warnings]
        if warnings:
            assert "cut off" in warnings[0].message, trial.describe()

        session = await Session.resume(data, recorder=TranscriptWriter(path, create=False))
        resumed_count += 1
        assert len(session.turns) >= trial.reported, trial.describe()
        for reply in REPLIES[len(session.turns) :]:
            if session.over:
                break
            await session.submit(reply)
        session.close()
        assert session.over, trial.describe()

        final = read_transcript(path)
        users = [e.text for e in final.events if isinstance(e, UserEvent)]
        assert all("damaged" in w.message for w in final.warnings), trial.describe()
        assert users == REPLIES[: len(users)], f"{trial.describe()}: a reply lost or doubled"
        assert len(users) == len(expected.turns), trial.describe()
        states = [(e.meters, e.revealed) for e in final.events if isinstance(e, StateEvent)]
        assert states == expected_states, trial.describe()
        endings = [e for e in final.events if isinstance(e, EndingEvent)]
        assert [e.id for e in endings] == [expected.ending.id], trial.describe()
        # the conversation reads as if it had never been interrupted
        assert [t.persona for t in ConversationRecord.from_saved(final).turns] == [
            t.persona for t in expected.turns
        ], trial.describe()
    assert resumed_count >= TRIALS - EARLY_KILLS
