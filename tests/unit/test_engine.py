"""The session engine end to end: determinism, line variety, state rules, every ending of every
shipped scenario, fallbacks when the judge or the voice fails, hints and the debrief.

The replies below are written for each scenario's persona and situation (seed 0, so the
persona's lines are known): each reflects the specific point the persona just made and asks one
open question, the way a skilled manager would. They are not tuned to the judge; where the judge
misreads one of them (see the report that came with this file), the test still expects the
scenario to be completable with natural replies.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import TranscriptWriter, read_transcript
from sparring.formats.moves import Category
from sparring.formats.scenario import Line, Scenario
from sparring.judge.offline.judge import OfflineJudge
from sparring.judge.scoring import quote
from sparring.persona.rules import advance, holds, initial_state
from sparring.persona.script import choose_line, fill
from sparring.session.events import NoticeEvent, PersonaEvent, StateEvent, UserEvent
from sparring.session.live import Session, SessionOver
from sparring.session.record import ConversationRecord
from tests.conftest import REPO
from tests.support.engine import (
    BrokenJudge,
    StutteringVoice,
    authored,
    first_revealed,
    load,
    play,
    spoken,
    stalemate,
    transcript_lines,
)
from tests.support.replies import (
    BREAKTHROUGH_REPLIES,
    DEFENSIVE_REPLIES,
    FIXED_NOW,
    MINIMAL,
    OTHER_NOW,
    SCENARIO_IDS,
)

# -- determinism -----------------------------------------------------------------------------


async def test_same_seed_and_replies_give_identical_events(tmp_path: Path) -> None:
    replies = BREAKTHROUGH_REPLIES["frustrated-sales-director"][:3] + [MINIMAL] * 3
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    await play("frustrated-sales-director", replies, seed=7, transcript=a, now=FIXED_NOW)
    await play("frustrated-sales-director", replies, seed=7, transcript=b, now=OTHER_NOW)
    await play("frustrated-sales-director", replies, seed=7, transcript=c, now=FIXED_NOW)

    la, lb = transcript_lines(a), transcript_lines(b)
    assert len(la) > 10
    assert la[1:] == lb[1:], "events after the header must not depend on the clock"
    ha, hb = json.loads(la[0]), json.loads(lb[0])
    assert ha.pop("started_at") != hb.pop("started_at")
    assert ha == hb, "the header may differ only in started_at"
    assert a.read_bytes() == c.read_bytes(), "with `now=` fixed the whole file is identical"


def test_same_seed_is_deterministic_across_processes(tmp_path: Path) -> None:
    """Set and dict ordering must not leak into the events: two processes with different hash
    seeds write the same transcript events."""
    replies = tmp_path / "replies.txt"
    replies.write_text(
        "\n".join(
            BREAKTHROUGH_REPLIES["union-steward"][:4]
            + DEFENSIVE_REPLIES["union-steward"][:1]
            + [MINIMAL]
        )
        + "\n",
        encoding="utf-8",
    )
    outputs = []
    for hash_seed in ("0", "12345"):
        out = tmp_path / f"t-{hash_seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "sparring",
                "run",
                "union-steward",
                "--replies",
                str(replies),
                "--seed",
                "3",
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(transcript_lines(out)[1:])
    assert len(outputs[0]) > 10
    assert outputs[0] == outputs[1]


async def test_different_seeds_can_give_different_lines() -> None:
    replies = [MINIMAL] * 4
    runs = {}
    for seed in range(8):
        session = await play("frustrated-sales-director", replies, seed=seed)
        runs[seed] = tuple(event.line for event, _, _ in spoken(session))
    assert len(set(runs.values())) > 1, "every seed chose exactly the same lines"
    assert len({lines[0] for lines in runs.values()}) > 1, "every seed opened the same way"


# -- variety and placeholders ----------------------------------------------------------------


def _line_lists(scenario: Scenario) -> list[tuple[str, Sequence[Line]]]:
    """Every list of lines the script chooses from, with its key prefix."""
    out: list[tuple[str, Sequence[Line]]] = [("opening", scenario.opening)]
    for name in type(scenario.reactions).model_fields:
        reaction = getattr(scenario.reactions, name)
        if reaction is not None:
            out.append((f"reactions.{name}", reaction.lines))
    for c in scenario.concerns:
        out += [(f"concerns.{c.id}", c.lines), (f"concerns.{c.id}.recognised", c.recognised)]
        out.append((f"concerns.{c.id}.follow_up", c.follow_up))
    out += [(f"endings.{e.id}", e.lines) for e in scenario.endings]
    return [(prefix, lines) for prefix, lines in out if lines]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_lines_vary_never_twice_in_a_row_nor_again_while_one_is_unused(
    scenario_id: str, seed: int
) -> None:
    """Asked for a line of the same kind over and over, in a state where every condition that
    can hold does, the script uses each line before repeating one and never says the same
    line twice in a row."""
    scenario, _, _ = load(scenario_id)
    state = initial_state(scenario)
    for prefix, lines in _line_lists(scenario):
        for reply in (None, frozenset({Category.minimal}), frozenset({Category.listening})):
            keyed = [(f"{prefix}[{i}]", ln) for i, ln in enumerate(lines)]
            eligible = [k for k, ln in keyed if holds(ln.when, state, scenario, reply)]
            eligible = (
                eligible or [k for k, ln in keyed if ln.when is None] or [k for k, _ in keyed]
            )
            used: list[str] = []
            for n in range(2 * len(lines) + 1):
                rng = random.Random(f"{seed}:{n}:{prefix}")
                key, _ = choose_line(scenario, lines, prefix, state, reply, used, rng)
                if used and len(keyed) > 1:
                    assert key != used[-1], f"{key} said twice in a row"
                if key in used:
                    unused = [k for k in eligible if k not in used]
                    assert not unused, f"{key} repeated while {unused} were still unused"
                used.append(key)
            assert set(eligible) <= set(used), f"{prefix}: some lines were never chosen"


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_a_conversation_never_says_the_same_line_twice_in_a_row(scenario_id: str) -> None:
    for seed in range(3):
        for replies in (
            BREAKTHROUGH_REPLIES[scenario_id],
            DEFENSIVE_REPLIES[scenario_id],
            [MINIMAL] * 12,
            ["Tell me more."] * 12,
        ):
            keys = [
                event.line for event, _, _ in spoken(await play(scenario_id, replies, seed=seed))
            ]
            assert all(a != b for a, b in itertools.pairwise(keys)), keys


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_placeholders_are_filled(scenario_id: str) -> None:
    replies = BREAKTHROUGH_REPLIES[scenario_id]
    sessions = [
        await play(scenario_id, replies, seed=0),
        await play(scenario_id, DEFENSIVE_REPLIES[scenario_id], seed=1),
        *[await play(scenario_id, [MINIMAL] * 12, seed=seed) for seed in range(3)],
        await play(scenario_id, ["Tell me more."] * 12, seed=2),
    ]
    for session in sessions:
        scenario = session.scenario
        for event, _, _ in spoken(session):
            _, lines, index = authored(scenario, event.line)
            source = lines[index].text
            assert "{user}" not in event.text, event.text
            assert "{persona}" not in event.text, event.text
            expected = fill(source, user=scenario.user_name, persona=scenario.persona.name)
            assert event.text == " ".join(expected.split())
            if "{user}" in source:
                assert scenario.user_name in event.text


async def test_user_name_fills_the_flagship_lines_that_name_him() -> None:
    """Sarah's '{user}, say something' line, whenever a seed picks it, names Ken."""
    named = []
    for seed in range(12):
        session = await play("frustrated-sales-director", [MINIMAL] * 3, seed=seed)
        named += [e for e, _, _ in spoken(session) if e.line == "reactions.minimal[1]"]
    assert named, "no seed chose the line"
    assert all(e.text.startswith("Ken, say something") for e in named)


# -- state rules -----------------------------------------------------------------------------


def _clamped(start: dict[str, int], effects: dict[str, int]) -> dict[str, int]:
    return {k: min(10, max(0, v + effects.get(k, 0))) for k, v in start.items()}


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_defensive_reply_applies_the_defensive_effects(scenario_id: str) -> None:
    scenario, _, _ = load(scenario_id)
    session = await play(scenario_id, DEFENSIVE_REPLIES[scenario_id][:1])
    turn = session.turns[0]
    effects = dict(scenario.reactions.defensive.effects)
    start = {name: m.start for name, m in scenario.meters.items()}

    assert turn.state.reaction is Category.defensive
    assert turn.assessment.categories == [Category.defensive]
    assert turn.state.effects == effects
    assert turn.state.meters == _clamped(start, effects)
    # the shipped scenarios all make defence cost trust and raise the heat
    worse = [n for n, m in scenario.meters.items() if m.better == "lower"]
    better = [n for n, m in scenario.meters.items() if m.better == "higher"]
    assert all(turn.state.meters[n] > start[n] for n in worse if start[n] < 10)
    assert all(turn.state.meters[n] < start[n] for n in better)
    assert turn.persona[0].line.startswith("reactions.defensive[")


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_listening_and_inquiry_apply_both_effects(scenario_id: str) -> None:
    scenario, _, _ = load(scenario_id)
    session = await play(scenario_id, BREAKTHROUGH_REPLIES[scenario_id][:1])
    turn = session.turns[0]
    expected: dict[str, int] = {}
    for category in (Category.listening, Category.inquiry):
        for name, delta in scenario.reactions.for_category(category).effects.items():
            expected[name] = expected.get(name, 0) + delta
    for concern_id in turn.state.revealed:  # a concern that came out adds its own effects
        for name, delta in scenario.concern(concern_id).effects.items():
            expected[name] = expected.get(name, 0) + delta
    start = {name: m.start for name, m in scenario.meters.items()}

    assert set(turn.assessment.categories) == {Category.listening, Category.inquiry}
    assert turn.state.reaction is Category.inquiry  # the stronger of the two
    assert turn.state.effects == expected
    assert len([v for v in expected.values() if v]) >= 2, "both effects must move a meter"
    assert turn.state.meters == _clamped(start, expected)


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_meters_stay_within_0_and_10(scenario_id: str) -> None:
    scenario, _, _ = load(scenario_id)
    seen: list[int] = []
    for kinds in ([Category.defensive], [Category.listening, Category.inquiry]):
        state = initial_state(scenario)
        for _ in range(15):
            state = advance(scenario, state, kinds).after
            seen.extend(state.meters.values())
            assert all(0 <= v <= 10 for v in state.meters.values()), state.meters
    assert 0 in seen, "the run never reached 0, so clamping went untested"
    assert 10 in seen, "the run never reached 10, so clamping went untested"


async def test_meters_clamp_in_a_live_session() -> None:
    # Sarah starts at frustration 7: two defensive replies (+2 each) would make 11.
    session = await play(
        "frustrated-sales-director", DEFENSIVE_REPLIES["frustrated-sales-director"]
    )
    meters = [t.state.meters for t in session.turns]
    assert meters[1]["frustration"] == 10
    assert meters[2] == {"frustration": 10, "trust": 0}
    assert all(0 <= v <= 10 for m in meters for v in m.values())


# -- endings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_defensive_replies_end_in_walkout(scenario_id: str, tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    session = await play(scenario_id, DEFENSIVE_REPLIES[scenario_id], transcript=path)
    assert [t.state.reaction for t in session.turns] == [Category.defensive] * len(session.turns)
    assert session.ending is not None
    assert session.ending.id == "walkout"
    assert session.ending.outcome == "bad"
    assert session.ending.turn == len(session.turns) == 3  # walkout is allowed from turn 3
    assert session.turns[-1].persona[-1].line.startswith("endings.walkout[")
    with pytest.raises(SessionOver):
        await session.submit("Wait, let me try that again.")
    events = read_transcript(path).events
    assert events[-1].type == "ending"
    assert events[-1].id == "walkout"
    assert sum(isinstance(e, UserEvent) for e in events) == 3


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_listening_and_inquiry_reach_breakthrough(scenario_id: str, tmp_path: Path) -> None:
    scenario, _, _ = load(scenario_id)
    path = tmp_path / "t.jsonl"
    replies = BREAKTHROUGH_REPLIES[scenario_id]
    session = await play(scenario_id, replies, transcript=path)
    played = [
        (t.number, [c.value for c in t.assessment.categories], t.state.meters, t.state.revealed)
        for t in session.turns
    ]
    assert session.ending is not None, played
    assert session.ending.id == "breakthrough", played
    assert session.ending.outcome == "good"
    assert len(session.turns) <= len(replies), "the breakthrough comes within the replies"
    assert len(session.turns) <= scenario.turn_limit

    all_ids = [c.id for c in scenario.concerns]
    states = [e for e in read_transcript(path).events if isinstance(e, StateEvent)]
    assert sorted(states[-1].revealed) == sorted(all_ids)
    assert len(states[-1].revealed) == len(all_ids)
    reveals = [p.reveals for t in session.turns for p in t.persona if p.reveals]
    assert sorted(reveals) == sorted(all_ids), "each concern is revealed by a persona line"
    assert session.turns[-1].persona[-1].line.startswith("endings.breakthrough[")
    assert Category.defensive not in {t.state.reaction for t in session.turns}


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_a_conversation_that_goes_nowhere_ends_at_the_turn_limit(
    scenario_id: str, tmp_path: Path
) -> None:
    scenario, rubric, session_rubric = load(scenario_id)
    scenario = stalemate(scenario)
    path = tmp_path / "t.jsonl"
    session = await Session.start(
        scenario,
        rubric,
        session_rubric=session_rubric,
        recorder=TranscriptWriter(path),
        now=FIXED_NOW,
    )
    for number in range(1, scenario.turn_limit + 1):
        assert not session.over, f"ended early, at turn {number - 1}"
        await session.submit(MINIMAL)
    assert session.over
    assert session.ending is not None
    assert session.ending.id == "turn_limit"
    assert session.ending.turn == scenario.turn_limit == len(session.turns)
    assert session.turns[-1].persona[-1].line.startswith("endings.turn_limit")
    with pytest.raises(SessionOver):
        await session.submit("One more thing.")
    session.close()
    events = read_transcript(path).events
    assert sum(isinstance(e, UserEvent) for e in events) == scenario.turn_limit
    assert "One more thing." not in path.read_text(encoding="utf-8")


# -- judge and voice failures ----------------------------------------------------------------


async def test_a_failing_judge_falls_back_to_the_offline_judge(tmp_path: Path) -> None:
    _scenario, _rubric, _ = load("frustrated-sales-director")
    reply = BREAKTHROUGH_REPLIES["frustrated-sales-director"][0]
    path = tmp_path / "t.jsonl"
    judge = BrokenJudge()
    session = await play("frustrated-sales-director", [reply], transcript=path, judge=judge)
    turn = session.turns[0]

    assert judge.calls == 1
    assert turn.assessment.judge == "offline"
    reference = (await play("frustrated-sales-director", [reply])).turns[0]
    assert turn.assessment == reference.assessment
    assert turn.state == reference.state
    assert turn.persona == reference.persona
    assert len(turn.notices) == 1
    assert "judge failed" in turn.notices[0]
    assert "TimeoutError" in turn.notices[0]

    events = read_transcript(path).events
    notices = [e for e in events if isinstance(e, NoticeEvent)]
    assert [n.text for n in notices] == turn.notices
    assert notices[0].turn == 1
    kinds = [e.type for e in events if getattr(e, "turn", None) == 1]
    assert kinds == ["user", "assessment", "state", "notice", "persona"]
    assert not session.over
    # the next turn is judged (and falls back) again: the session keeps going
    session2 = await play("frustrated-sales-director", [reply, MINIMAL], judge=BrokenJudge())
    assert len(session2.turns) == 2
    assert all(t.notices for t in session2.turns)


async def test_a_voice_failing_mid_stream_falls_back_to_the_scripted_line(
    tmp_path: Path,
) -> None:
    scenario, rubric, session_rubric = load("frustrated-sales-director")
    reply = BREAKTHROUGH_REPLIES["frustrated-sales-director"][0]
    path = tmp_path / "t.jsonl"
    shown: list[str] = []
    voice = StutteringVoice()
    session = await Session.start(
        scenario,
        rubric,
        session_rubric=session_rubric,
        voice=voice,
        recorder=TranscriptWriter(path),
        now=FIXED_NOW,
    )
    turn = await session.submit(reply, on_text=shown.append)
    await session.submit(MINIMAL, on_text=shown.append)
    session.close()

    reference = (await play("frustrated-sales-director", [reply, MINIMAL])).turns
    said = [p for p in turn.persona if not p.cut]
    assert said == [p.model_copy(update={"voice": "scripted"}) for p in reference[0].persona], (
        "the scripted line is said instead"
    )
    cut = [p for p in turn.persona if p.cut]
    assert [(p.text, p.voice, p.reveals) for p in cut] == [("Look,", "llm", None)], (
        "what streamed before the break is kept, marked as cut, revealing nothing"
    )
    assert turn.assessment == reference[0].assessment
    assert turn.state == reference[0].state
    # what was streamed is not lost from the screen; the scripted line follows it
    assert shown[:3] == ["Look, ", "\n", said[0].text]

    events = read_transcript(path).events
    users = [e.text for e in events if isinstance(e, UserEvent)]
    assert users == [reply, MINIMAL]
    notices = [e for e in events if isinstance(e, NoticeEvent)]
    assert [n.turn for n in notices] == [1, 2]
    assert all("voice failed" in n.text and "ConnectionError" in n.text for n in notices)
    assert all("Sarah's scripted line" in n.text for n in notices)
    persona = [e for e in events if isinstance(e, PersonaEvent) and e.turn == 1]
    assert [(p.text, p.cut) for p in persona] == [("Look,", True), (said[0].text, False)]
    # the replay rebuilds the same turn; the conversation the persona remembers has no cut line
    replayed = ConversationRecord.from_saved(read_transcript(path))
    assert replayed.turns[0].persona == turn.persona
    assert ("persona", "Look,") not in replayed.conversation


async def test_a_voice_failure_notice_belongs_to_its_turn(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    session = await play(
        "frustrated-sales-director", [MINIMAL], transcript=path, voice=StutteringVoice()
    )
    replayed = ConversationRecord.from_saved(read_transcript(path))
    assert replayed.turns[0].notices, "the replayed turn carries the notice"
    assert session.turns[0].notices == replayed.turns[0].notices


# -- hints -----------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    import re

    return [s.strip() for s in re.split(r"(?<=[.?!])\s+", text) if len(s.split()) >= 5]


def assert_is_a_hint(hint: str, session: Session, suggestions: list[str]) -> None:
    """Names the persona, or points to a next step: a kind of move to make, or the authored
    nudge towards a concern that is still hidden."""
    scenario = session.scenario
    assert hint.strip(), "empty hint"
    assert len(hint) <= 400
    low = hint.lower()
    next_steps = ("reflect", "ask", "question", "sum up", "propose", "put ", "your own words")
    nudges = [c.hint for c in scenario.concerns if c.hint and c.id not in session.state.revealed]
    assert (
        scenario.persona.name in hint
        or any(w in low for w in next_steps)
        or any(n in hint for n in nudges)
    ), hint
    for suggestion in suggestions:
        assert suggestion not in hint
        for sentence in _sentences(suggestion):
            assert sentence not in hint, f"hint gives away the suggested reply: {sentence!r}"


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_hints_point_the_way_without_writing_the_reply(scenario_id: str) -> None:
    scenario, rubric, session_rubric = load(scenario_id)
    session = await Session.start(scenario, rubric, session_rubric=session_rubric, now=FIXED_NOW)
    assert_is_a_hint(session.hint(), session, [])
    for reply in BREAKTHROUGH_REPLIES[scenario_id]:
        if session.over:
            break
        turn = await session.submit(reply)
        assert_is_a_hint(session.hint(), session, [turn.assessment.suggestion])


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_hint_changes_after_a_defensive_reply(scenario_id: str) -> None:
    scenario, _, _ = load(scenario_id)
    good = await play(scenario_id, BREAKTHROUGH_REPLIES[scenario_id][:1])
    bad = await play(scenario_id, DEFENSIVE_REPLIES[scenario_id][:1])
    fresh = await play(scenario_id, [])
    assert bad.turns[0].state.reaction is Category.defensive
    hint = bad.hint()
    assert hint != good.hint()
    assert hint != fresh.hint()
    assert_is_a_hint(hint, bad, [bad.turns[0].assessment.suggestion])
    assert scenario.persona.name in hint


# -- debrief ---------------------------------------------------------------------------------


def _quotes_a_reply(text: str, replies: Sequence[str]) -> bool:
    return any(text == quote(r, 120) for r in replies)


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_debrief_after_a_breakthrough(scenario_id: str) -> None:
    scenario, _, session_rubric = load(scenario_id)
    replies = BREAKTHROUGH_REPLIES[scenario_id]
    session = await play(scenario_id, replies)
    debrief = session.debrief()

    assert debrief.ending_id == "breakthrough"
    assert debrief.outcome == "good"
    assert debrief.closing_line == session.turns[-1].persona[-1].text
    assert debrief.missed == []
    first = first_revealed(session)
    assert [(cid, turn) for cid, _, turn in debrief.revealed] == [
        (c.id, first[c.id]) for c in scenario.concerns
    ]
    assert [title for _, title, _ in debrief.revealed] == [c.title for c in scenario.concerns]

    assert debrief.best is not None
    assert _quotes_a_reply(debrief.best.quote, replies)
    if debrief.worst is not None:
        assert _quotes_a_reply(debrief.worst.quote, replies)
        assert debrief.worst.total <= debrief.best.total

    assert session_rubric is not None
    assert session_rubric.id == "co-creator"
    assert [s.dimension for s in debrief.session] == [d.id for d in session_rubric.dimensions]
    for score in debrief.session:
        assert 1 <= score.score <= 5, score
        assert score.rationale.strip()
    assert set(debrief.averages) == {d for d, _ in debrief.dimensions}


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_debrief_after_a_walkout_lists_the_missed_concerns(scenario_id: str) -> None:
    scenario, _, _ = load(scenario_id)
    session = await play(scenario_id, DEFENSIVE_REPLIES[scenario_id])
    debrief = session.debrief()
    assert debrief.ending_id == "walkout"
    assert debrief.outcome == "bad"
    assert debrief.revealed == []
    assert debrief.missed == [(c.id, c.title, c.detail) for c in scenario.concerns]


async def test_debrief_best_and_worst_moments_quote_the_replies() -> None:
    good = BREAKTHROUGH_REPLIES["frustrated-sales-director"][0]
    bad = DEFENSIVE_REPLIES["frustrated-sales-director"][0]
    session = await play("frustrated-sales-director", [MINIMAL, good, bad])
    debrief = session.debrief()
    assert debrief.best is not None
    assert debrief.worst is not None
    assert debrief.best.turn == 2
    assert debrief.best.quote == quote(good, 120)
    assert debrief.worst.turn == 3
    assert debrief.worst.quote == bad
    assert debrief.best.total > debrief.worst.total
    assert debrief.retry_turn == 3
    revealed = {cid: turn for cid, _, turn in debrief.revealed}
    assert revealed == {"cancelled-visits": 2}
    assert {cid for cid, _, _ in debrief.missed} == {
        c.id for c in session.scenario.concerns if c.id != "cancelled-visits"
    }


async def test_offline_judge_is_the_default() -> None:
    session = await play("frustrated-sales-director", [MINIMAL])
    assert isinstance(session.judge, OfflineJudge)
    assert session.record.header is not None
    assert session.record.header.judge == "offline"


def test_every_move_reads_as_something_the_reply_did() -> None:
    """Feedback reads '"<quote>" <description>.' and the debrief 'You <past tense>': every
    description must be a verb phrase the debrief can put in the past tense."""
    from sparring.formats.moves import MOVE_DESCRIPTION, Move
    from sparring.session.debrief import _describe

    for move in Move:
        first = MOVE_DESCRIPTION[move].split()[0].rstrip(",")
        assert first.endswith("s"), move
        assert _describe(move.value).split()[0] != MOVE_DESCRIPTION[move].split()[0], move


def test_session_scores_say_what_raised_and_what_held_back_each_dimension() -> None:
    from sparring.session.debrief import TurnSummary, session_scores

    _, _, co_creator = load("frustrated-sales-director")
    assert co_creator is not None
    turns = [
        TurnSummary(1, "a", {}, ("justify",), "", ""),
        TurnSummary(2, "b", {}, ("invite_collaboration", "open_question"), "", ""),
        TurnSummary(3, "c", {}, ("justify",), "", ""),
    ]
    vision = next(s for s in session_scores(co_creator, turns) if s.dimension == "vision")
    assert "Raised by: you invited them to shape the answer together (1 of 3 replies)" in (
        vision.rationale
    )
    assert "Held back by: you explained why you were right (2 of 3 replies)" in vision.rationale


@pytest.mark.parametrize(
    ("scores", "best", "worst"),
    [
        # one weak reply: the one to try again, not a best moment
        ([(2, 4, 2)], None, 1),
        # the lowest total is strong everywhere; the weak one has a 3
        ([(4, 4, 4), (5, 5, 3)], 1, 2),
        ([(5, 5, 5), (4, 4, 4)], 1, None),
    ],
)
def test_the_hardest_moment_is_a_reply_with_a_weak_score(
    scores: list[tuple[int, int, int]], best: int | None, worst: int | None
) -> None:
    from sparring.session.debrief import TurnSummary, build_debrief

    scenario, rubric, _ = load("frustrated-sales-director")
    ids = [d.id for d in rubric.turn_dimensions]
    turns = [
        TurnSummary(i, f"reply {i}", dict(zip(ids, s, strict=True)), (), "", "")
        for i, s in enumerate(scores, 1)
    ]
    d = build_debrief(scenario, rubric, None, turns, revealed_at={}, ending=None, closing_line=None)
    assert (d.best.turn if d.best else None) == best
    assert (d.worst.turn if d.worst else None) == worst
    assert d.retry_turn == worst


@pytest.mark.parametrize(
    ("replies", "second"),
    [(["ok", "ok"], "repeated"), (["ok", "I hear you."], "minimal")],
    ids=["same-words", "different-empty-replies"],
)
async def test_only_the_same_words_again_get_the_lines_about_repetition(
    replies: list[str], second: str
) -> None:
    """Seen in play: 'ok' then 'I hear you.' got 'You said that already.' A run of different
    empty replies gets her impatience (minimal lines); only a repeat gets the repeated ones."""
    session = await play("union-steward", replies)
    kinds = [t.state.kind for t in session.turns]
    assert kinds[1] == second, kinds
