"""`sparring score`: saved conversations scored again, the originals untouched, the results
beside them, and history showing either scoring."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from sparring.adapters.files.scorings import read_scoring, scoring_path
from sparring.adapters.files.transcripts import read_transcript
from sparring.cli.progress_bar import ProgressBar
from sparring.session.record import ConversationRecord
from tests.conftest import RUBRICS
from tests.support.cli import run_cli
from tests.support.saved import FLAGSHIP, defensive, good, save

WHEN = datetime(2025, 3, 4, 8, 40, tzinfo=UTC)


@pytest.fixture
def attempt(sparring_home: Path) -> Path:
    return save(sparring_home, FLAGSHIP, defensive()[:1] + good()[:3], WHEN)


@pytest.fixture
def listening_only(tmp_path: Path) -> Path:
    """A rubric of its own: the difficult-feedback rubric with listening only."""
    data = yaml.safe_load((RUBRICS / "difficult-feedback.yaml").read_text(encoding="utf-8"))
    data["id"] = "listening-only"
    data["dimensions"] = [d for d in data["dimensions"] if d["id"] == "listening"]
    data["calibration"] = []
    path = tmp_path / "listening-only.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_the_same_judge_and_rubric_give_the_same_scores_and_the_original_is_untouched(
    attempt: Path,
) -> None:
    before = attempt.read_bytes()
    ran = run_cli("score", attempt, "--json")
    assert ran.returncode == 0, ran.stderr
    assert attempt.read_bytes() == before
    (result,) = json.loads(ran.stdout)["results"]
    assert result["label"] == "offline-difficult-feedback"
    original = [
        {s.dimension: s.score for s in t.assessment.scores}
        for t in ConversationRecord.from_saved(read_transcript(attempt)).turns
    ]
    assert [t["scores"] for t in result["turns"]] == original, "judged as it was live"
    saved = scoring_path(attempt, "offline-difficult-feedback")
    assert result["saved"] == str(saved)
    rescoring, rubric = read_scoring(saved)
    assert rubric.id == "difficult-feedback"
    assert [t.turn for t in rescoring.turns] == [1, 2, 3, 4]


def test_another_rubric_is_saved_beside_and_history_shows_either(
    attempt: Path, listening_only: Path
) -> None:
    ran = run_cli("score", attempt, "--judge", "rules", "--rubric", listening_only)
    assert ran.returncode == 0, ran.stderr
    label = "rules-listening-only"
    assert f"{attempt}: {label}: Listening " in ran.stdout
    assert f"--scoring {label}" in ran.stdout
    assert scoring_path(attempt, label).exists()

    rows = json.loads(run_cli("history", "--json").stdout)["transcripts"]
    scores = rows[0]["scores"]
    assert set(scores) == {"original", label}
    assert set(scores[label]["dimensions"]) == {"listening"}
    assert (scores[label]["judge"], scores[label]["rubric"]) == ("rules", "listening-only")
    assert set(scores["original"]["dimensions"]) == {"listening", "non_defensiveness", "inquiry"}

    shown = run_cli("history", "--scoring", label).stdout
    assert "Listening " in shown
    assert "Non-defensiveness" not in shown
    assert "(not scored this way)" in run_cli("history", "--scoring", "nobody-nothing").stdout


def test_a_folder_is_scored_file_by_file_and_a_bad_file_is_named(
    attempt: Path, sparring_home: Path
) -> None:
    other = save(sparring_home, FLAGSHIP, good(), datetime(2025, 3, 5, tzinfo=UTC))
    bad = sparring_home / "transcripts" / "broken.jsonl"
    bad.write_text('{"type": "header"\n', encoding="utf-8")
    ran = run_cli("score", sparring_home / "transcripts", "--no-save")
    assert ran.returncode == 1, "a file that could not be scored"
    assert f"{bad}:1:1: not a sparring transcript" in ran.stderr
    assert f"{attempt}: offline-difficult-feedback:" in ran.stdout
    assert f"{other}: offline-difficult-feedback:" in ran.stdout
    assert not list((sparring_home / "transcripts").glob("*.scores.json")), "--no-save"


def test_an_unwritable_result_is_one_line_and_the_results_still_print(attempt: Path) -> None:
    scoring_path(attempt, "offline-difficult-feedback").mkdir()  # in the way
    ran = run_cli("score", attempt)
    assert ran.returncode == 1
    assert "sparring: cannot save the scoring" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert f"{attempt}: offline-difficult-feedback:" in ran.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--judge", "oracle"], "unknown judge 'oracle' (known: both, llm, offline, rules)"),
        (["--rubric", "co-creator"], "scores whole conversations, not replies"),
        (["--rubric", "no-such-rubric"], "unknown rubric 'no-such-rubric'"),
    ],
)
def test_bad_choices_are_one_clear_line(attempt: Path, args: list[str], message: str) -> None:
    ran = run_cli("score", attempt, *args)
    assert ran.returncode == 1
    assert message in ran.stderr
    assert ran.stdout == ""


def test_missing_paths_are_named(tmp_path: Path) -> None:
    ran = run_cli("score", tmp_path / "nothing.jsonl", tmp_path)
    assert ran.returncode == 1
    assert "nothing.jsonl:1:1: no such file or folder" in ran.stderr
    assert "no transcripts (*.jsonl)" in ran.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_for_long_batches_only() -> None:
    screen = Terminal()
    bar = ProgressBar(10, screen)
    for done in range(11):
        bar.update(done, f"file-{done}.jsonl\x1b]0;x\x07")
    bar.close()
    drawn = screen.getvalue()
    assert "\r" + "█" * 12 + "░" * 12 + " 5/10 file-5.jsonl␛]0;x␇" in drawn
    assert "10/10" in drawn
    assert "\x1b" not in drawn, "a file name cannot act on the terminal"
    assert drawn.endswith("\r")

    short = Terminal()
    ProgressBar(3, short).update(1, "a")
    assert short.getvalue() == "", "a short batch needs no bar"
    piped = io.StringIO()
    ProgressBar(50, piped).update(1, "a")
    assert piped.getvalue() == "", "not on a terminal: no bar"
