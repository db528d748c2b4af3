"""Transcripts: what is written, what is read back, what survives damage, resuming an
interrupted session, and the `sparring run` command that writes them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from sparring.adapters.files.transcripts import TranscriptWriter, read_transcript
from sparring.formats.diagnostics import LoadError
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.judge.base import Assessment, Exchange
from sparring.session.events import (
    FORMAT_VERSION,
    Embedded,
    EndingEvent,
    PersonaEvent,
    StateEvent,
    UserEvent,
    content_hash,
)
from sparring.session.live import Session
from sparring.session.record import ConversationRecord
from tests.conftest import SCENARIOS
from tests.support.cli import run_cli
from tests.support.engine import BrokenJudge, load, play
from tests.support.replies import BREAKTHROUGH_REPLIES, DEFENSIVE_REPLIES, FIXED_NOW, MINIMAL

FLAGSHIP = "frustrated-sales-director"
SECRET = "sk-test-SECRET123"


def turn_view(session: Session) -> list[tuple[Any, ...]]:
    return [
        (t.number, t.user_text, t.assessment, t.state, t.persona, t.ending, t.notices)
        for t in session.turns
    ]


def event_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[1:]


async def flagship_transcript(tmp_path: Path, replies: list[str], name: str = "t.jsonl") -> Path:
    path = tmp_path / name
    await play(FLAGSHIP, replies, transcript=path)
    return path


# -- round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "replies",
    [
        pytest.param(BREAKTHROUGH_REPLIES[FLAGSHIP], id="breakthrough"),
        pytest.param(DEFENSIVE_REPLIES[FLAGSHIP], id="walkout"),
        pytest.param([MINIMAL, BREAKTHROUGH_REPLIES[FLAGSHIP][0], MINIMAL], id="unfinished"),
    ],
)
async def test_round_trip_rebuilds_the_live_session(tmp_path: Path, replies: list[str]) -> None:
    path = tmp_path / "t.jsonl"
    live = await play(FLAGSHIP, replies, transcript=path)
    data = read_transcript(path)
    assert data.warnings == []
    assert data.header == live.record.header
    assert len(data.events) == len(event_lines(path))
    assert [e.text for e in data.events if isinstance(e, UserEvent)] == replies[: len(live.turns)]

    replayed = ConversationRecord.from_saved(data)
    assert turn_view(replayed) == turn_view(live.record)
    assert replayed == live.record  # everything: state, lines used, conversation, notices
    assert replayed.debrief() == live.debrief()
    assert data.ending == live.ending


async def test_round_trip_keeps_judge_fallback_notices(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    live = await play(FLAGSHIP, [MINIMAL, MINIMAL], transcript=path, judge=BrokenJudge())
    replayed = ConversationRecord.from_saved(read_transcript(path))
    assert all(t.notices for t in live.turns)
    assert turn_view(replayed) == turn_view(live)
    assert [n.text for n in replayed.notices] == [n for t in live.turns for n in t.notices]


# -- the header ------------------------------------------------------------------------------


async def test_header_embeds_scenario_and_rubrics_with_hashes(tmp_path: Path) -> None:
    scenario, rubric, session_rubric = load(FLAGSHIP)
    path = await flagship_transcript(tmp_path, [MINIMAL])
    header = read_transcript(path).header
    assert header.format == FORMAT_VERSION
    assert header.started_at == FIXED_NOW.isoformat(timespec="seconds")
    assert header.seed == 0
    assert header.judge == "offline"
    assert header.voice == "scripted"

    assert session_rubric is not None
    assert header.session_rubric is not None
    pairs: list[tuple[Embedded, Scenario | Rubric]] = [
        (header.scenario, scenario),
        (header.rubric, rubric),
        (header.session_rubric, session_rubric),
    ]
    for embedded, model in pairs:
        assert embedded.id == model.id
        assert embedded.data == model.model_dump(mode="json", exclude_defaults=True)
        assert embedded.hash == content_hash(embedded.data)
        assert embedded.hash.startswith("sha256:")
        assert len(embedded.hash) > len("sha256:") + 8
        assert type(model).model_validate(embedded.data) == model
    # the scenario alone is enough to play from the file: the persona and every concern
    assert Scenario.model_validate(header.scenario.data).concerns == scenario.concerns
    assert Rubric.model_validate(header.rubric.data) == rubric

    # the hash follows the content
    changed = dict(header.scenario.data, title="Something else")
    assert content_hash(changed) != header.scenario.hash
    reordered = dict(reversed(list(header.scenario.data.items())))
    assert content_hash(reordered) == header.scenario.hash


async def test_no_api_key_reaches_the_transcript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("SPARRING_API_KEY", SECRET)
    path = await flagship_transcript(
        tmp_path, BREAKTHROUGH_REPLIES[FLAGSHIP][:2] + DEFENSIVE_REPLIES[FLAGSHIP]
    )
    raw = path.read_bytes()
    assert len(raw) > 1000
    assert SECRET.encode() not in raw
    assert b"SECRET123" not in raw

    # and through the command line, which builds everything from the environment
    replies = tmp_path / "replies.txt"
    replies.write_text(MINIMAL + "\n", encoding="utf-8")
    out = tmp_path / "cli.jsonl"
    done = run_cli("run", FLAGSHIP, "--replies", str(replies), "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert os.environ["OPENAI_API_KEY"] == SECRET  # the command saw it
    assert b"SECRET123" not in out.read_bytes()
    assert "SECRET123" not in done.stdout + done.stderr


# -- damage ----------------------------------------------------------------------------------


@pytest.mark.parametrize("keep", ["1", "half", "all-but-1", "all-but-2"])
async def test_a_cut_off_last_line_is_skipped_with_one_warning(tmp_path: Path, keep: str) -> None:
    path = await flagship_transcript(tmp_path, BREAKTHROUGH_REPLIES[FLAGSHIP][:2])
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b""
    complete, last = lines[:-2], lines[-2]
    n = {"1": 1, "half": len(last) // 2, "all-but-1": len(last) - 1, "all-but-2": len(last) - 2}
    path.write_bytes(b"\n".join(complete) + b"\n" + last[: n[keep]])
    expected = read_transcript_lines_before(complete)

    data = read_transcript(path)
    assert len(data.warnings) == 1
    warning = data.warnings[0]
    assert warning.line == len(complete) + 1
    assert "cut off" in warning.message
    assert f":{len(complete) + 1}:" in str(warning)
    assert [e.model_dump() for e in data.events] == expected


async def test_a_cut_inside_a_multibyte_character(tmp_path: Path) -> None:
    reply = "Ça fait mal — I hear that the visits matter to you. What happened?"
    path = tmp_path / "t.jsonl"
    scenario, rubric, _session_rubric = load(FLAGSHIP)
    session = await Session.start(scenario, rubric, recorder=TranscriptWriter(path), now=FIXED_NOW)
    session.recorder.record(UserEvent(turn=1, text=reply))
    session.close()
    raw = path.read_bytes()
    cut = raw.rindex("—".encode()) + 1  # one byte into the three-byte dash
    path.write_bytes(raw[:cut])
    data = read_transcript(path)
    assert len(data.warnings) == 1
    assert "cut off" in data.warnings[0].message
    assert not any(isinstance(e, UserEvent) for e in data.events)


def read_transcript_lines_before(lines: list[bytes]) -> list[dict[str, Any]]:
    from sparring.session.events import parse_event

    return [parse_event(line.decode()).model_dump() for line in lines[1:] if line.strip()]


@pytest.mark.parametrize(
    "garbage",
    [b"{not json at all", b'{"type": "mystery", "turn": 1}', b"\x00\xff\xfe binary", b"[]"],
    ids=["broken-json", "unknown-event", "binary", "not-an-object"],
)
async def test_a_damaged_middle_line_is_skipped_with_a_warning(
    tmp_path: Path, garbage: bytes
) -> None:
    path = await flagship_transcript(tmp_path, BREAKTHROUGH_REPLIES[FLAGSHIP][:3])
    lines = path.read_bytes().split(b"\n")
    intact = read_transcript(path).events
    at = 4  # after the header, the opening, and the first reply and its assessment
    lines.insert(at, garbage)
    path.write_bytes(b"\n".join(lines))

    data = read_transcript(path)
    assert len(data.warnings) == 1
    assert data.warnings[0].line == at + 1
    assert "damaged" in data.warnings[0].message
    assert data.events == intact
    assert turn_view(ConversationRecord.from_saved(data)) == turn_view(
        ConversationRecord.from_saved(
            read_transcript(
                await flagship_transcript(
                    tmp_path, BREAKTHROUGH_REPLIES[FLAGSHIP][:3], "again.jsonl"
                )
            )
        )
    )


def _newer_format(header_line: str) -> bytes:
    header = json.loads(header_line)
    header["format"] = FORMAT_VERSION + 1
    return (json.dumps(header) + "\n").encode()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("empty", "empty transcript"),
        ("blank-lines", "empty transcript"),
        ("scenario-yaml", "not a sparring transcript"),
        ("other-json", "not a sparring transcript"),
        ("events-without-header", "not a sparring transcript"),
        ("binary", "not a sparring transcript"),
        ("newer-format", "newer than this sparring understands"),
        ("missing", "no such transcript"),
        ("folder", "is a folder"),
    ],
)
async def test_unusable_files_raise_a_clear_load_error(
    tmp_path: Path, kind: str, expected: str
) -> None:
    good = await flagship_transcript(tmp_path, [MINIMAL])
    good_lines = good.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "bad.jsonl"
    contents: dict[str, bytes] = {
        "empty": b"",
        "blank-lines": b"\n\n   \n",
        "scenario-yaml": (SCENARIOS / f"{FLAGSHIP}.yaml").read_bytes(),
        "other-json": b'{"name": "not a transcript", "items": [1, 2, 3]}\n',
        "events-without-header": ("\n".join(good_lines[1:]) + "\n").encode(),
        "binary": bytes(range(256)) * 8,
        "newer-format": _newer_format(good_lines[0]),
    }
    if kind == "folder":
        path.mkdir()
    elif kind != "missing":
        path.write_bytes(contents[kind])

    with pytest.raises(LoadError) as caught:
        read_transcript(path)
    message = str(caught.value)
    assert expected in message
    assert "bad.jsonl" in message
    assert "\n" not in message, "one problem, one line"
    assert "Traceback" not in message
    assert "Error(" not in message
    if kind == "newer-format":
        assert "upgrade sparring" in message


# -- resume ----------------------------------------------------------------------------------


class Crash(BaseException):
    """Stands in for the process dying: not an Exception, so nothing in the engine catches it."""


class CrashingJudge:
    name = "offline"

    async def assess(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        raise Crash


async def test_resume_rejudges_a_reply_that_was_written_but_not_assessed(tmp_path: Path) -> None:
    replies = BREAKTHROUGH_REPLIES[FLAGSHIP]
    scenario, rubric, session_rubric = load(FLAGSHIP)
    path = tmp_path / "t.jsonl"
    session = await Session.start(
        scenario,
        rubric,
        session_rubric=session_rubric,
        recorder=TranscriptWriter(path),
        now=FIXED_NOW,
    )
    for reply in replies[:2]:
        await session.submit(reply)
    session.judge = CrashingJudge()
    with pytest.raises(Crash):
        await session.submit(replies[2])
    session.close()  # the process is gone; what it wrote is all there is

    data = read_transcript(path)
    assert isinstance(data.events[-1], UserEvent)
    assert data.events[-1].text == replies[2]
    resumed = await Session.resume(data, recorder=TranscriptWriter(path, create=False))
    assert len(resumed.turns) == 3
    assert resumed.turns[2].user_text == replies[2]
    assert resumed.turns[2].persona, "the persona answers the recovered reply"
    for reply in replies[3:]:
        if not resumed.over:
            await resumed.submit(reply)
    resumed.close()

    assert resumed.ending is not None
    assert resumed.ending.id == "breakthrough"
    final = read_transcript(path)
    assert final.warnings == []
    users = [e.text for e in final.events if isinstance(e, UserEvent)]
    assert users == replies[: len(resumed.turns)], "every reply exactly once, in order"
    # an interrupted session that is resumed ends exactly like one that never stopped
    uninterrupted = await flagship_transcript(tmp_path, replies, "whole.jsonl")
    assert event_lines(path) == event_lines(uninterrupted)


async def test_resume_after_a_cut_off_reply_line_continues_cleanly(tmp_path: Path) -> None:
    replies = BREAKTHROUGH_REPLIES[FLAGSHIP]
    path = await flagship_transcript(tmp_path, replies[:2])
    with path.open("a", encoding="utf-8") as f:
        f.write('{"type":"user","turn":3,"text":"So Marta as')  # died mid-write
    data = read_transcript(path)
    assert len(data.warnings) == 1
    resumed = await Session.resume(data, recorder=TranscriptWriter(path, create=False))
    assert len(resumed.turns) == 2
    assert not resumed.over
    for reply in replies[2:]:
        if not resumed.over:
            await resumed.submit(reply)
    resumed.close()
    final = read_transcript(path)
    assert len(final.warnings) == 1
    assert final.warnings[0].message.startswith("this line is damaged and was skipped (")
    assert [e.text for e in final.events if isinstance(e, UserEvent)] == replies[
        : len(resumed.turns)
    ]
    assert final.ending is not None
    assert final.ending.id == "breakthrough"


async def test_resume_keeps_line_variety(tmp_path: Path) -> None:
    path = await flagship_transcript(tmp_path, [MINIMAL] * 2)
    resumed = await Session.resume(
        read_transcript(path), recorder=TranscriptWriter(path, create=False)
    )
    before = list(resumed.record.lines_used)
    turn = await resumed.submit(MINIMAL)
    resumed.close()
    assert turn.persona[0].line.startswith("reactions.repeated")
    assert turn.persona[0].line not in before, "an unused line of its kind was still available"


def _cut_after(path: Path, predicate: Any) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    from sparring.session.events import parse_event

    last = max(i for i, line in enumerate(lines) if i and predicate(parse_event(line)))
    path.write_text("\n".join(lines[: last + 1]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("where", ["mid-session", "final-turn", "before-ending-event"])
async def test_resume_finishes_a_turn_cut_after_its_state_event(tmp_path: Path, where: str) -> None:
    whole = await play(FLAGSHIP, [MINIMAL] * 12)
    assert whole.ending is not None
    count = 2 if where == "mid-session" else len(whole.turns)
    path = await flagship_transcript(tmp_path, [MINIMAL] * count)
    if where == "before-ending-event":
        _cut_after(path, lambda e: isinstance(e, PersonaEvent))
    else:
        _cut_after(path, lambda e: isinstance(e, StateEvent))

    resumed = await Session.resume(
        read_transcript(path), recorder=TranscriptWriter(path, create=False)
    )
    resumed.close()
    assert resumed.turns[-1].number == count
    assert resumed.turns[-1].persona, "the persona answers the last reply"
    if where != "mid-session":
        assert resumed.over, f"the conversation ended at turn {count} but goes on"
        assert resumed.ending is not None
        assert resumed.ending.id == whole.ending.id
        events = read_transcript(path).events
        assert isinstance(events[-1], EndingEvent)


# -- the `sparring run` command --------------------------------------------------------------


def write_replies(tmp_path: Path, replies: list[str], name: str = "replies.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(replies) + "\n", encoding="utf-8")
    return path


def test_run_prints_the_dialogue_and_scores(tmp_path: Path) -> None:
    replies = BREAKTHROUGH_REPLIES[FLAGSHIP]
    out = tmp_path / "t.jsonl"
    done = run_cli(
        "run", FLAGSHIP, "--replies", str(write_replies(tmp_path, replies)), "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout
    session = ConversationRecord.from_saved(read_transcript(out))
    assert text.startswith("The frustrated sales director - you play Ken")
    assert f"Sarah: {session.opening[0].text}" in text
    for turn in session.turns:
        assert f"[{turn.number}] Ken: {turn.user_text}" in text
        scores = " | ".join(f"{s.name} {s.score}/5" for s in turn.assessment.scores)
        assert scores in text
        for persona in turn.persona:
            assert f"Sarah: {persona.text}" in text
    assert "Listening " in text
    assert "/5" in text
    assert "(reveals: You cancelled two customer visits you promised her)" in text
    assert "Ending: breakthrough" in text
    assert f"Transcript: {out}" in text


def test_run_json_output(tmp_path: Path) -> None:
    replies = BREAKTHROUGH_REPLIES[FLAGSHIP] + ["Thank you.", "See you at Halvorsen."]
    out = tmp_path / "t.jsonl"
    done = run_cli(
        "run",
        FLAGSHIP,
        "--replies",
        str(write_replies(tmp_path, replies)),
        "--out",
        str(out),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    # ending, turns, transcript, and the keys headless.RunResult.to_json documents
    assert set(result) == {"scenario", "ending", "opening", "turns", "transcript", "unused_replies"}
    assert result["scenario"] == FLAGSHIP
    assert result["ending"] == "breakthrough"
    assert result["transcript"] == str(out)
    assert out.exists()
    assert len(result["turns"]) <= len(BREAKTHROUGH_REPLIES[FLAGSHIP])
    assert result["unused_replies"] == len(replies) - len(result["turns"]) >= 2
    for number, turn in enumerate(result["turns"], start=1):
        assert turn["turn"] == number
        assert turn["reply"] == replies[number - 1]
        assessment = Assessment.model_validate(turn["assessment"])
        assert [s.dimension for s in assessment.scores] == [
            "listening",
            "non_defensiveness",
            "inquiry",
        ]
        assert turn["persona"]
        assert all(isinstance(p, str) for p in turn["persona"])
        assert set(turn["state"]) == {"meters", "revealed", "stage", "reaction"}
    live = ConversationRecord.from_saved(read_transcript(out))
    assert [t["assessment"] for t in result["turns"]] == [
        t.assessment.model_dump(mode="json") for t in live.turns
    ]


def test_run_reads_replies_from_stdin(tmp_path: Path) -> None:
    replies = DEFENSIVE_REPLIES[FLAGSHIP][:3]
    out = tmp_path / "t.jsonl"
    done = run_cli(
        "run",
        FLAGSHIP,
        "--replies",
        "-",
        "--json",
        "--out",
        str(out),
        stdin="\n".join(replies) + "\n\n",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [t["reply"] for t in result["turns"]] == replies
    assert result["ending"] == "walkout"


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing-replies", "no such replies file"),
        ("empty-replies", "no replies"),
        ("blank-replies", "no replies"),
        ("unknown-scenario", "no scenario with the id 'frustrated-sales-directr'"),
        ("out-exists", "already exists"),
    ],
)
def test_run_refuses_bad_input_with_one_line(tmp_path: Path, case: str, message: str) -> None:
    replies = write_replies(tmp_path, [MINIMAL])
    scenario = FLAGSHIP
    out = tmp_path / "t.jsonl"
    if case == "missing-replies":
        replies = tmp_path / "nope.txt"
    elif case == "empty-replies":
        replies.write_text("", encoding="utf-8")
    elif case == "blank-replies":
        replies.write_text("\n   \n\n", encoding="utf-8")
    elif case == "unknown-scenario":
        scenario = "frustrated-sales-directr"
    elif case == "out-exists":
        out.write_text("precious\n", encoding="utf-8")

    done = run_cli("run", scenario, "--replies", str(replies), "--out", str(out))
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert message in lines[0]
    assert "Traceback" not in done.stderr
    if case == "out-exists":
        assert out.read_text(encoding="utf-8") == "precious\n"
    else:
        assert not out.exists()
    if case == "unknown-scenario":
        assert "did you mean 'frustrated-sales-director'" in lines[0]


# -- ending it yourself ----------------------------------------------------------------------


async def open_flagship(path: Path) -> Session:
    scenario, rubric, session_rubric = load(FLAGSHIP)
    return await Session.start(
        scenario,
        rubric,
        session_rubric=session_rubric,
        recorder=TranscriptWriter(path),
        now=FIXED_NOW,
    )


async def test_stopping_records_an_ending_so_history_reads_it_as_finished(tmp_path: Path) -> None:
    from sparring.adapters.files.saved import list_saved, write_rewound
    from sparring.persona.rules import STOPPED_ENDING

    session = await open_flagship(tmp_path / "t.jsonl")
    for reply in [MINIMAL, BREAKTHROUGH_REPLIES[FLAGSHIP][0]]:
        await session.submit(reply)
    assert not session.over
    session.stop()
    session.stop()  # once only
    session.close()
    assert session.over
    lines = [json.loads(line) for line in event_lines(tmp_path / "t.jsonl")]
    endings = [e for e in lines if e["type"] == "ending"]
    assert [(e["id"], e["turn"], e["outcome"]) for e in endings] == [(STOPPED_ENDING, 2, "neutral")]

    data = read_transcript(tmp_path / "t.jsonl")
    back = ConversationRecord.from_saved(data)
    assert back.over
    assert back.turns[-1].ending is not None
    assert back.turns[-1].ending.id == STOPPED_ENDING
    assert back.debrief().ending_id == STOPPED_ENDING
    assert [e.ending for e in list_saved(tmp_path)] == [STOPPED_ENDING]

    # trying again from the last reply drops the ending: the new attempt can go on
    again = write_rewound(data, 2, tmp_path / "again.jsonl")
    resumed = await Session.resume(
        read_transcript(again), recorder=TranscriptWriter(again, create=False)
    )
    assert not resumed.over
    assert len(resumed.turns) == 1


async def test_stopping_before_the_first_reply_records_nothing(tmp_path: Path) -> None:
    session = await open_flagship(tmp_path / "t.jsonl")
    session.stop()
    session.close()
    assert not session.over
    assert all(json.loads(e)["type"] != "ending" for e in event_lines(tmp_path / "t.jsonl"))


async def test_stopping_after_a_real_ending_changes_nothing(tmp_path: Path) -> None:
    session = await open_flagship(tmp_path / "t.jsonl")
    for reply in DEFENSIVE_REPLIES[FLAGSHIP]:
        if not session.over:
            await session.submit(reply)
    assert session.ending is not None
    first = session.ending
    session.stop()
    session.close()
    assert session.ending is first
    assert sum(json.loads(e)["type"] == "ending" for e in event_lines(tmp_path / "t.jsonl")) == 1
