"""The persona answers people, not phrasing: natural replies by writers who never saw the app
(tests/data/natural-replies) reach the breakthrough with every concern surfaced on three
seeds; their defensive sets end in a walk-out; and replies that add nothing cannot farm her.
Everything is played through `sparring run`, as an author would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import read_transcript
from sparring.session.events import StateEvent
from tests.conftest import REPO
from tests.support.cli import run_cli
from tests.support.replies import SCENARIO_IDS

NATURAL = REPO / "tests" / "data" / "natural-replies"
WRITERS = ("plain-spoken", "second-language")
SEEDS = (0, 1, 2)
# One good reflection per scenario, said again and again.
REFLECTION = {
    "frustrated-sales-director": "So the retreats feel like they pull your team away from "
    "selling, and I haven't been there for you.",
    "angry-customer": "So you spent Saturday with dead tills and nobody from us picking up.",
    "credit-taken-by-peer": "So your team built the model and I stood up and let everyone "
    "think it was mine.",
    "passed-over-for-promotion": "So you expected the lead role after eight years and it went "
    "to Jess.",
    "union-steward": "So the huddles come out of your members' break and nobody asked them.",
}


def play(tmp_path: Path, scenario: str, replies: list[str] | Path, seed: int = 0) -> Path:
    """`sparring run` with these replies; the transcript it wrote."""
    if isinstance(replies, list):
        path = tmp_path / f"replies-{seed}.txt"
        path.write_text("\n".join(replies) + "\n", encoding="utf-8")
        replies = path
    out = tmp_path / f"{scenario}-{replies.stem}-{seed}.jsonl"
    ran = run_cli("run", scenario, "--replies", replies, "--seed", seed, "--json", "--out", out)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["transcript"] == str(out)
    return out


def states(transcript: Path) -> list[StateEvent]:
    return [e for e in read_transcript(transcript).events if isinstance(e, StateEvent)]


def ending_of(transcript: Path) -> str | None:
    data = read_transcript(transcript)
    return data.ending.id if data.ending else None


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_natural_good_replies_reach_the_breakthrough_with_every_concern(
    tmp_path: Path, scenario: str, writer: str, seed: int
) -> None:
    transcript = play(tmp_path, scenario, NATURAL / writer / f"{scenario}.good.txt", seed)
    data = read_transcript(transcript)
    assert ending_of(transcript) == "breakthrough"
    assert set(states(transcript)[-1].revealed) == {c.id for c in data.scenario.concerns}


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_natural_defensive_replies_end_in_a_walkout(
    tmp_path: Path, scenario: str, writer: str
) -> None:
    for seed in SEEDS:
        path = NATURAL / writer / f"{scenario}.defensive.txt"
        assert ending_of(play(tmp_path, scenario, path, seed)) == "walkout"


@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_tell_me_more_twelve_times_cannot_farm_her(tmp_path: Path, scenario: str) -> None:
    for seed in SEEDS:
        transcript = play(tmp_path, scenario, ["Tell me more."] * 12, seed)
        data = read_transcript(transcript)
        assert ending_of(transcript) != "breakthrough"
        for name, meter in data.scenario.meters.items():
            values = [s.meters[name] for s in states(transcript)]
            best = max(values) if meter.better == "higher" else min(values)
            # well short of its best: at most half way there from where she started
            assert abs(best - meter.start) <= 3, (name, values)


@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_twelve_oks_end_in_a_walkout(tmp_path: Path, scenario: str) -> None:
    for seed in SEEDS:
        assert ending_of(play(tmp_path, scenario, ["ok"] * 12, seed)) == "walkout"


@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_one_good_reflection_repeated_seven_times_does_not_reach_the_breakthrough(
    tmp_path: Path, scenario: str
) -> None:
    for seed in SEEDS:
        transcript = play(tmp_path, scenario, [REFLECTION[scenario]] * 7, seed)
        assert ending_of(transcript) != "breakthrough"
        assert len(states(transcript)[-1].revealed) < len(
            read_transcript(transcript).scenario.concerns
        )
