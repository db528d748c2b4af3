"""The session index and `sparring history`: what is listed, how the index keeps in step with
the transcript files, and what happens when the index or a transcript is damaged."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sparring.adapters.files import session_index
from sparring.adapters.files.session_index import SCHEMA_VERSION, load_history, open_index
from sparring.adapters.files.transcripts import read_transcript
from sparring.session.record import ConversationRecord
from tests.support.cli import run_cli
from tests.support.saved import FLAGSHIP, defensive, good, save

MARCH = datetime(2025, 3, 4, 8, 40, tzinfo=UTC)
APRIL = datetime(2025, 4, 10, 18, 5, tzinfo=UTC)
MAY = datetime(2025, 5, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def three(sparring_home: Path) -> dict[str, Path]:
    """A defensive attempt in March, a good one in April (flagship), another scenario in May."""
    return {
        "march": save(sparring_home, FLAGSHIP, defensive(), MARCH),
        "april": save(sparring_home, FLAGSHIP, good(), APRIL),
        "may": save(sparring_home, "angry-customer", good("angry-customer")[:2], MAY),
    }


def debrief_means(path: Path) -> dict[str, float]:
    """The means as the debrief computes them (another path through the code)."""
    return ConversationRecord.from_saved(read_transcript(path)).debrief().averages


def replies_in(path: Path) -> int:
    """How many replies the file holds, counted from its lines (not through the reader)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.startswith('{"type":"user"'))


def history_json(*args: str) -> dict[str, object]:
    ran = run_cli("history", "--json", *args)
    assert ran.returncode == 0, ran.stderr
    data: dict[str, object] = json.loads(ran.stdout)
    return data


def test_history_lists_every_session_with_its_scores(three: dict[str, Path]) -> None:
    rows = history_json()["transcripts"]
    assert isinstance(rows, list)
    assert [Path(r["path"]) for r in rows] == [three["may"], three["april"], three["march"]]
    april = rows[1]
    assert april["scenario"] == FLAGSHIP
    assert (april["voice"], april["judge"]) == ("scripted", "offline")
    assert april["turns"] == replies_in(three["april"]) > 1
    assert (april["ending"], april["unfinished"]) == ("breakthrough", False)
    means = {k: v["mean"] for k, v in april["scores"]["original"]["dimensions"].items()}
    assert means == debrief_means(three["april"])
    march = {k: v["mean"] for k, v in rows[2]["scores"]["original"]["dimensions"].items()}
    assert march == debrief_means(three["march"])
    assert march["non_defensiveness"] < means["non_defensiveness"], "defending scores lower"


def test_history_text_shows_modes_ending_turns_and_means(three: dict[str, Path]) -> None:
    ran = run_cli("history")
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert len(lines) == 3
    april = next(line for line in lines if str(three["april"]) in line)
    assert "2025-04-10 18:05" in april
    assert f" {replies_in(three['april'])} replies  breakthrough " in april
    assert "scripted/offline" in april
    means = debrief_means(three["april"])
    assert f"Listening {means['listening']:.1f}" in april


def test_history_filters_by_scenario_and_date(three: dict[str, Path]) -> None:
    flagship = history_json("--scenario", FLAGSHIP)["transcripts"]
    assert [Path(r["path"]) for r in flagship] == [three["april"], three["march"]]  # type: ignore[index]
    since = history_json("--since", "2025-04-01")["transcripts"]
    assert [Path(r["path"]) for r in since] == [three["may"], three["april"]]  # type: ignore[index]
    both = history_json("--since", "2025-04-01", "--scenario", FLAGSHIP)["transcripts"]
    assert [Path(r["path"]) for r in both] == [three["april"]]  # type: ignore[index]
    none = run_cli("history", "--scenario", "no-such-scenario")
    assert (none.returncode, none.stdout) == (0, "")
    assert "no saved conversations match" in none.stderr


def test_a_since_that_is_not_a_date_is_one_clear_line(three: dict[str, Path]) -> None:
    ran = run_cli("history", "--since", "last tuesday")
    assert ran.returncode == 2
    assert ran.stderr.strip() == (
        "sparring: --since 'last tuesday' is not a date (use YYYY-MM-DD, or YYYY-MM-DDTHH:MM)"
    )


def test_a_half_written_transcript_is_listed_as_unfinished(sparring_home: Path) -> None:
    path = save(sparring_home, FLAGSHIP, good(), APRIL)
    replies = replies_in(path)
    lines = path.read_bytes().splitlines(keepends=True)
    assert b'"type":"ending"' in lines[-1]
    # a crash in the middle of writing the ending line
    path.write_bytes(b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2])
    (row,) = history_json()["transcripts"]  # type: ignore[misc]
    assert (row["ending"], row["unfinished"], row["turns"]) == (None, True, replies)
    text = run_cli("history").stdout
    assert f" {replies} replies  unfinished " in text


def test_a_corrupt_transcript_is_reported_and_skipped(
    three: dict[str, Path], sparring_home: Path
) -> None:
    bad = sparring_home / "transcripts" / "notes.jsonl"
    bad.write_text("this is not a transcript\n", encoding="utf-8")
    empty = sparring_home / "transcripts" / "empty.jsonl"
    empty.write_bytes(b"")
    ran = run_cli("history")
    assert ran.returncode == 0
    assert len(ran.stdout.splitlines()) == 3, "the readable ones are all listed"
    assert f"{bad}: not a sparring transcript (no header line); skipped" in ran.stderr
    assert f"{empty}: empty transcript; skipped" in ran.stderr
    skipped = history_json()["skipped"]
    assert {s["path"] for s in skipped} == {str(bad), str(empty)}  # type: ignore[attr-defined]


def test_an_oversized_transcript_is_skipped_with_the_limit(
    three: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sparring.adapters.files import transcripts

    big = three["april"].stat().st_size - 1
    monkeypatch.setattr(transcripts, "MAX_TRANSCRIPT_BYTES", big)
    ran = run_cli("history")
    assert ran.returncode == 0
    assert f"{three['april']}: is too large for a transcript" in ran.stderr
    assert len(ran.stdout.splitlines()) == 2


def test_the_index_is_sqlite_in_wal_mode_with_a_schema_version(three: dict[str, Path]) -> None:
    run_cli("history")
    location = session_index.index_path()
    assert location.parent == Path(os.environ["SPARRING_HOME"])
    db = sqlite3.connect(location)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 3
    finally:
        db.close()


def test_only_changed_files_are_read_again(three: dict[str, Path], sparring_home: Path) -> None:
    index = open_index()
    try:
        assert index.refresh() == 0, "just built: nothing to read"
    finally:
        index.close()
    # a new attempt, one that was resumed (it grew), and one that was deleted
    newest = save(sparring_home, FLAGSHIP, good()[:1], datetime(2025, 6, 1, tzinfo=UTC))
    three["march"].unlink()
    with three["may"].open("a", encoding="utf-8") as f:
        f.write("\n")
    index = open_index()
    try:
        assert index.refresh() == 0, "open_index already caught up"
        listed = [e.path for e in index.entries()]
    finally:
        index.close()
    assert listed == [newest, three["may"], three["april"]]


def test_refresh_reports_how_many_files_it_read(
    three: dict[str, Path], sparring_home: Path
) -> None:
    index = open_index()
    try:
        save(sparring_home, FLAGSHIP, good()[:1], datetime(2025, 6, 1, tzinfo=UTC))
        os.utime(three["april"], ns=(1, 1))
        assert index.refresh() == 2
        assert index.refresh() == 0
    finally:
        index.close()


def test_a_damaged_index_is_rebuilt(three: dict[str, Path]) -> None:
    expected = history_json()["transcripts"]
    location = session_index.index_path()
    for suffix in ("-wal", "-shm"):
        Path(f"{location}{suffix}").unlink(missing_ok=True)
    location.write_bytes(b"this is not a database, whatever it once was\n" * 200)
    ran = run_cli("history", "--json")
    assert ran.returncode == 0
    assert json.loads(ran.stdout)["transcripts"] == expected
    assert "the session index was damaged" in ran.stderr
    assert "rebuilt it" in ran.stderr
    assert sqlite3.connect(location).execute("PRAGMA user_version").fetchone()[0] == 1
    again = run_cli("history")
    assert again.stderr == "", "rebuilt once, then quiet"


def test_an_index_from_another_schema_version_is_rebuilt(three: dict[str, Path]) -> None:
    run_cli("history")
    location = session_index.index_path()
    db = sqlite3.connect(location)
    db.execute("DELETE FROM sessions")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    assert len(history_json()["transcripts"]) == 3  # type: ignore[arg-type]


def test_an_index_that_cannot_be_written_is_kept_in_memory(
    three: dict[str, Path], sparring_home: Path
) -> None:
    location = session_index.index_path()
    location.mkdir(parents=True)  # a folder where the file should be
    ran = run_cli("history")
    assert ran.returncode == 0
    assert len(ran.stdout.splitlines()) == 3
    assert f"{location}: the session index cannot be used" in ran.stderr
    assert "read the transcripts directly" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_history_of_an_empty_or_missing_folder(sparring_home: Path) -> None:
    ran = run_cli("history")
    assert (ran.returncode, ran.stdout) == (0, "")
    assert "no saved conversations yet" in ran.stderr
    assert load_history().entries == []


def test_the_ending_labels_agree_with_the_persona_rules() -> None:
    from sparring.persona import rules
    from sparring.session import endings

    assert endings.STOPPED_ENDING == rules.STOPPED_ENDING
    assert endings.TURN_LIMIT_ENDING == rules.TURN_LIMIT_ENDING
