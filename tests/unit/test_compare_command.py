"""`sparring compare A B`: the older attempt on the left whatever the order given, changes
positive when the newer is better, reply by reply, and the moves that changed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import read_transcript
from sparring.session.record import ConversationRecord
from tests.support.cli import run_cli
from tests.support.saved import FLAGSHIP, defensive, good, save

BEFORE = datetime(2025, 3, 4, 8, 40, tzinfo=UTC)
AFTER = datetime(2025, 3, 11, 8, 40, tzinfo=UTC)


@pytest.fixture
def attempts(sparring_home: Path) -> tuple[Path, Path]:
    """A defensive first attempt and a listening one a week later."""
    return (
        save(sparring_home, FLAGSHIP, defensive(), BEFORE),
        save(sparring_home, FLAGSHIP, good(), AFTER),
    )


def record(path: Path) -> ConversationRecord:
    return ConversationRecord.from_saved(read_transcript(path))


@pytest.mark.parametrize("newer_first", [False, True])
def test_the_older_attempt_is_on_the_left_and_improvement_is_positive(
    attempts: tuple[Path, Path], newer_first: bool
) -> None:
    older, newer = attempts
    args = (newer, older) if newer_first else (older, newer)
    ran = run_cli("compare", *args, "--json")
    assert ran.returncode == 0, ran.stderr
    data = json.loads(ran.stdout)
    assert data["left"]["path"] == str(older)
    assert data["right"]["path"] == str(newer)
    left, right = record(older).debrief().averages, record(newer).debrief().averages
    by_id = {d["id"]: d for d in data["dimensions"]}
    for dim, mean in right.items():
        assert by_id[dim]["change"] == round(mean - left[dim], 1)
    assert by_id["non_defensiveness"]["change"] > 0, "listening instead of defending"


def test_turn_by_turn_scores_and_moves(attempts: tuple[Path, Path]) -> None:
    older, newer = attempts
    data = json.loads(run_cli("compare", older, newer, "--json").stdout)
    a, b = record(older), record(newer)
    assert len(data["turns"]) == max(a.turn, b.turn)
    first = data["turns"][0]
    a_moves = {e.move.value for e in a.turns[0].assessment.moves}
    b_moves = {e.move.value for e in b.turns[0].assessment.moves}
    assert set(first["moves_gained"]) == b_moves - a_moves
    assert set(first["moves_lost"]) == a_moves - b_moves
    assert first["moves_gained"], "the listening reply made moves the defensive one did not"
    for dim, change in first["changes"].items():
        assert change == first["right"][dim] - first["left"][dim]


def test_compare_prints_a_readable_table(attempts: tuple[Path, Path]) -> None:
    older, newer = attempts
    ran = run_cli("compare", newer, older)
    assert ran.returncode == 0, ran.stderr
    out = ran.stdout
    assert "older (left):  " in out
    assert str(older) in out.split("newer (right)")[0]
    assert "Turn by turn" in out
    assert "  reply 1: Listening " in out
    assert "moves: now " in out
    assert "a positive change is an improvement" in out


def test_compare_with_a_bad_file_names_it(attempts: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    ran = run_cli("compare", attempts[0], bad)
    assert ran.returncode == 1
    assert ran.stderr.startswith(f"{bad}:1:1: not a sparring transcript")
    missing = run_cli("compare", attempts[0], tmp_path / "gone.jsonl")
    assert missing.returncode == 1
    assert "gone.jsonl:1:1: no such transcript" in missing.stderr
    same = run_cli("compare", attempts[0], attempts[0])
    assert same.returncode == 1
    assert "the same conversation twice" in same.stderr
