"""The pieces of the "shared files are inert" rule, one by one: visible control characters,
refused authored text, limits, locks, embedded data, OSError messages and an exact, bounded
reachability search."""

from __future__ import annotations

import errno
import itertools
import json
import random
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

import pytest

from sparring.adapters.files.library import Library
from sparring.adapters.files.model_files import load_scenario
from sparring.adapters.files.transcripts import TranscriptLocked, TranscriptWriter, read_transcript
from sparring.authoring.reachability import explore, reply_kinds
from sparring.cli.main import main
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.diagnostics import LoadError
from sparring.formats.loading import load_text
from sparring.formats.moves import Category
from sparring.formats.scenario import Scenario
from sparring.formats.untrusted import UNSAFE, visible
from sparring.persona.rules import TURN_LIMIT_ENDING, PersonaState, advance, initial_state
from sparring.session.live import ReplyTooLong, Session
from sparring.session.record import ConversationRecord
from tests.conftest import FLAGSHIP, play_flagship

NOW = datetime.fromisoformat("2025-03-04T08:40:00+01:00")


# -- visible ---------------------------------------------------------------------------------


def test_visible_replaces_every_unsafe_character_one_for_one() -> None:
    unsafe = [chr(c) for c in range(0x20) if c not in (9, 10)]
    unsafe += ["\x7f", *map(chr, range(0x80, 0xA0)), "\u202e", "\u2066", "\u2069", "\u202a"]
    for char in unsafe:
        shown = visible(f"a{char}b")
        assert len(shown) == 3, repr(char)
        assert UNSAFE.search(shown) is None, repr(char)
        assert shown[0] == "a"
        assert shown[2] == "b"
    assert visible("\x1b]52;c;eA==\x07") == "␛]52;c;eA==␇"
    text = "tabs\tand\nnewlines, émoji 😀, Arabic مرحبا and [markup] stay"
    assert visible(text) is text


# -- authored files refuse control characters ------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "named"),
    [
        (r"\e]52;c;Y3VybA==\a", "ESC (U+001B)"),
        (r"\x9b31m", "C1 control character (U+009B)"),
        (r"\u202e", "right-to-left override (U+202E)"),
        (r"\u2066", "left-to-right isolate (U+2066)"),
        (r"\a", "BEL (U+0007)"),
    ],
)
def test_validate_refuses_control_characters_with_their_position(
    tmp_path: Path, flagship_text: str, capsys: pytest.CaptureFixture[str], escape: str, named: str
) -> None:
    text = flagship_text.replace(
        "title: The frustrated sales director", f'title: "The frustrated {escape} director"'
    )
    path = tmp_path / "scenarios" / "hostile.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("title:"))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert f"hostile.yaml:{line}:8: the text here contains {named}" in out.out
    assert "\x1b" not in out.out + out.err
    assert "\x9b" not in out.out + out.err
    with pytest.raises(LoadError):
        Library(include_user=False).load_checked(path)


def test_markup_in_a_scenario_is_just_text(tmp_path: Path, flagship_text: str) -> None:
    text = flagship_text.replace(
        "title: The frustrated sales director", 'title: "[@click=app.quit]x[/] [/]"'
    )
    loaded = load_text(text, Scenario)
    assert loaded.ok
    assert loaded.model is not None
    assert loaded.model.title == "[@click=app.quit]x[/] [/]"


# -- replies: limits, never cut silently -----------------------------------------------------


async def test_a_reply_over_the_limit_is_refused_whole_and_nothing_is_recorded(
    tmp_path: Path,
) -> None:
    target = tmp_path / "t.jsonl"
    await play_flagship(target, [], NOW)
    data = read_transcript(target)
    writer = TranscriptWriter(target, create=False)
    session = await Session.resume(data, recorder=writer)
    with pytest.raises(ReplyTooLong) as caught:
        await session.submit("x" * (MAX_REPLY_CHARS + 1))
    assert "20,001 characters" in str(caught.value)
    assert session.turns == []
    turn = await session.submit("What happened?\x1b]0;pwned\x07")
    session.close()
    assert turn.user_text == "What happened?␛]0;pwned␇"  # what is judged is what is recorded
    events = read_transcript(target).events
    assert [e.text for e in events if e.type == "user"] == ["What happened?␛]0;pwned␇"]


def test_run_refuses_a_replies_file_with_an_overlong_reply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_text("Hello.\n\n" + "y" * (MAX_REPLY_CHARS + 5) + "\n", encoding="utf-8")
    out = tmp_path / "t.jsonl"
    assert main(["run", str(FLAGSHIP), "--replies", str(replies), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "replies.txt:3:1: this reply is 20,005 characters long; the limit is 20,000" in err
    assert not out.exists()


# -- transcripts -----------------------------------------------------------------------------


async def test_a_second_writer_is_refused_while_the_first_holds_the_transcript(
    tmp_path: Path,
) -> None:
    target = await play_flagship(tmp_path / "t.jsonl", ["What happened?"], NOW)
    first = TranscriptWriter(target, create=False)
    with pytest.raises(TranscriptLocked) as caught:
        TranscriptWriter(target, create=False)
    assert "open in another sparring window" in str(caught.value)
    first.close()
    TranscriptWriter(target, create=False).close()  # free again once the first is closed


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, lines: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


async def test_a_field_from_a_newer_version_is_ignored_with_a_warning(tmp_path: Path) -> None:
    target = await play_flagship(tmp_path / "t.jsonl", ["What happened?"], NOW)
    lines = _lines(target)
    header = lines[0]
    assert isinstance(header, dict)
    header["scenario"]["data"]["language"] = "en"  # type: ignore[index]
    header["scenario"]["data"]["persona"]["pronouns"] = "she/her"  # type: ignore[index]
    _write(target, lines)
    data = read_transcript(target)
    assert data.scenario.id == "frustrated-sales-director"
    assert len(data.warnings) == 1
    assert "language" in data.warnings[0].message
    assert "persona.pronouns" in data.warnings[0].message
    ConversationRecord.from_saved(data)  # and it replays


async def test_an_invalid_embedded_scenario_is_a_clear_error(tmp_path: Path) -> None:
    target = await play_flagship(tmp_path / "t.jsonl", ["What happened?"], NOW)
    lines = _lines(target)
    lines[0]["scenario"]["data"]["turn_limit"] = "many"  # type: ignore[index]
    _write(target, lines)
    with pytest.raises(LoadError) as caught:
        read_transcript(target)
    message = str(caught.value)
    assert "t.jsonl:1:1: the scenario saved in this transcript is not valid" in message
    assert "turn_limit" in message


async def test_out_of_range_and_inconsistent_lines_are_skipped_with_a_warning(
    tmp_path: Path,
) -> None:
    target = await play_flagship(tmp_path / "t.jsonl", ["What happened?", "Go on."], NOW)
    lines = _lines(target)
    states = [i for i, x in enumerate(lines) if x["type"] == "state"]
    lines[states[0]]["meters"] = {"frustration": 10**9, "trust": 3}
    lines[states[1]]["meters"] = {"patience": 3}
    _write(target, lines)
    data = read_transcript(target)
    assert len(data.warnings) == 2
    assert "damaged" in data.warnings[0].message
    assert "not the scenario's meters" in data.warnings[1].message
    session = ConversationRecord.from_saved(data)
    assert all(0 <= v <= 10 for t in session.turns for v in t.state.meters.values())


async def test_an_overlong_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    target = await play_flagship(tmp_path / "t.jsonl", ["What happened?"], NOW)
    with target.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"type": "user", "turn": 2, "text": "z" * 3_000_000}) + "\n")
    data = read_transcript(target)
    assert any("too long" in w.message for w in data.warnings)
    assert [e.type for e in data.events].count("user") == 1


def test_special_files_are_refused_by_every_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for argv in (
        ["validate", str(fifo)],
        ["replay", str(fifo)],
        ["judge-eval", str(fifo)],
        ["run", str(FLAGSHIP), "--replies", str(fifo)],
        ["replay", "/dev/zero"],
        ["run", str(FLAGSHIP), "--replies", "/dev/zero"],
    ):
        assert main(argv) == 1, argv
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        assert "pipe" in out.err + out.out or "device" in out.err + out.out, argv


def test_a_link_out_of_a_scenario_folder_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "innocent.yaml").symlink_to(secret)
    assert main(["list", "--scenarios", str(folder)]) == 0
    out = capsys.readouterr()
    assert "hunter2" not in out.out + out.err
    assert "is a link to a file outside this folder; it was not read" in out.err


# -- file system failures are one clear line -------------------------------------------------


def test_a_full_disk_during_run_is_one_clear_line_and_keeps_what_was_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_text("What happened?\nGo on.\nTell me more.\n", encoding="utf-8")
    out = tmp_path / "t.jsonl"
    original = TranscriptWriter.write_raw
    written = itertools.count()

    def full_after_a_while(self: TranscriptWriter, line: str) -> None:
        if next(written) >= 9:
            raise OSError(errno.ENOSPC, "No space left on device", str(self.path))
        original(self, line)

    monkeypatch.setattr(TranscriptWriter, "write_raw", full_after_a_while)
    assert main(["run", str(FLAGSHIP), "--replies", str(replies), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if line.startswith("sparring:")]
    assert len(problems) == 1
    assert "the disk is full" in problems[0]
    assert str(out) in problems[0]
    monkeypatch.undo()
    assert [e.type for e in read_transcript(out).events].count("user") >= 1


@pytest.mark.parametrize("where", ["under-a-file", "read-only", "dangling-link"])
def test_an_unusable_out_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_text("What happened?\n", encoding="utf-8")
    if where == "under-a-file":
        (tmp_path / "file").write_text("x", encoding="utf-8")
        out = tmp_path / "file" / "t.jsonl"
    elif where == "read-only":
        out = Path("/proc/sparring-test/t.jsonl")
    else:
        out = tmp_path / "link.jsonl"
        out.symlink_to(tmp_path / "missing" / "target.jsonl")
    assert main(["run", str(FLAGSHIP), "--replies", str(replies), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_an_unwritable_data_folder_is_said_before_the_app_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SPARRING_HOME", str(home))
    assert main(["rehearse", "frustrated-sales-director"]) == 1
    err = capsys.readouterr().err
    assert "cannot save the conversation" in err
    assert "SPARRING_HOME" in err


def test_a_non_utf8_stdout_gets_replacement_characters_not_an_exception(
    tmp_path: Path, flagship_text: str
) -> None:
    import io
    import sys

    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "emoji.yaml").write_text(
        flagship_text.replace("id: frustrated-sales-director", "id: emoji-one").replace(
            "title: The frustrated sales director", "title: Café 😀 — a test"
        ),
        encoding="utf-8",
    )
    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="latin-1")
    original = sys.stdout
    sys.stdout = latin
    try:
        assert main(["list", "--scenarios", str(folder)]) == 0
    finally:
        sys.stdout.flush()
        sys.stdout = original
    assert "Café ? ? a test".encode("latin-1") in raw.getvalue()


# -- reachability: exact, fast, never a false error ------------------------------------------


def _naive(scenario: Scenario) -> tuple[set[str], set[str]]:
    """Every path of reply kinds, one by one (only for short turn limits)."""
    endings: set[str] = set()
    concerns: set[str] = set()

    def walk(state: PersonaState) -> Iterator[None]:
        for kind in reply_kinds(scenario):
            step = advance(scenario, state, kind)
            if step.revealed:
                concerns.add(step.revealed)
            if step.ending:
                endings.add(step.ending)
                continue
            after = PersonaState(
                MappingProxyType(dict(step.after.meters)),
                step.after.revealed,
                step.after.turn,
                idle_run=step.after.idle_run,
            )
            yield from walk(after)
        yield None

    for _ in walk(initial_state(scenario)):
        pass
    return endings, concerns


@pytest.mark.slow
def test_the_search_matches_trying_every_path_on_random_scenarios() -> None:
    base = load_scenario(FLAGSHIP).model
    assert base is not None
    rng = random.Random(7)
    compared = 0
    for _ in range(30):
        data = base.model_dump()
        for category in ("defensive", "listening", "inquiry", "minimal", "reactive_adjustment"):
            effects = data["reactions"][category]["effects"]
            for meter in data["meters"]:
                if rng.random() < 0.6:
                    effects[meter] = rng.randint(-3, 3)
        # Every path one by one: about 28 reply kinds, so 28**3 paths at most.
        data["turn_limit"] = rng.randint(2, 3)
        for ending in data["endings"]:
            if ending.get("when") and rng.random() < 0.5:
                ending["when"]["from_turn"] = rng.randint(1, 3)
        scenario = Scenario.model_validate(data)
        reach = explore(scenario)
        assert reach.complete
        assert (set(reach.endings), set(reach.concerns)) == _naive(scenario)
        compared += 1
    assert compared == 30


def test_a_long_scenario_is_searched_completely_and_can_end_at_its_limit() -> None:
    base = load_scenario(FLAGSHIP).model
    assert base is not None
    reach = explore(base.model_copy(update={"turn_limit": 60}))
    assert reach.complete
    assert {"walkout", "breakthrough", TURN_LIMIT_ENDING} <= set(reach.endings)


def test_a_search_cut_short_is_a_warning_and_never_an_error() -> None:
    from sparring.adapters.files.model_files import read_yaml
    from sparring.authoring.checks import check_scenario

    library = Library(include_user=False)
    doc = read_yaml(FLAGSHIP)
    scenario = load_scenario(FLAGSHIP).model
    assert scenario is not None
    import sparring.authoring.checks as checks

    original = checks.explore
    try:
        checks.explore = lambda s: original(s, max_states=50)  # type: ignore[assignment]
        found = check_scenario(scenario, doc, library.rubrics())
    finally:
        checks.explore = original
    assert not [d for d in found if d.is_error]
    assert any("stopped after" in d.message for d in found)


def test_the_search_can_be_limited_to_some_reply_kinds() -> None:
    base = load_scenario(FLAGSHIP).model
    assert base is not None
    reach = explore(base, kinds=[frozenset({Category.defensive})])
    assert set(reach.endings) == {"walkout"}
