"""Lines that answer what the user said: a line's `when: {moves: [...]}`.

Found in play: Bev (union-steward) answered "Who's Hollis? sounds like there's history here"
(misread as a denial) with "Don't hide behind head office. It's your name on the memo", words
the user never said. A line like that now needs the reply to have made the move it answers.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sparring.adapters.files.authoring import validate_paths
from sparring.adapters.llm.voice_prompt import voice_examples
from sparring.formats.moves import Category, Move
from sparring.formats.scenario import Condition, Line
from sparring.persona.reply import Reply, stemmed_words
from sparring.persona.rules import advance, holds, initial_state
from sparring.persona.script import choose_line
from tests.conftest import SCENARIOS
from tests.support.engine import load, play

HEAD_OFFICE = "Don't hide behind head office"


def _said(session: object) -> list[str]:
    return [event.text for turn in session.turns for event in turn.persona]  # type: ignore[attr-defined]


# (scenario, a reply, the line written for it, replies of the same kind it must not answer)
ANSWERS = [
    (
        "union-steward",
        "HR signed it off, it's not my call.",
        HEAD_OFFICE,
        [
            "That's just how the process works.",
            "To be fair, the huddles are only ten minutes.",
            "Calm down, there's no need to shout.",
            "Oh great, another complaint to start my week.",
            "Who's Hollis? sounds like there's history here I don't know about",
        ],
    ),
    (
        "passed-over-for-promotion",
        "I'll get you on the leadership course next month, that'll help.",
        "A leadership course. Lovely.",
        [
            "I'll talk to HR today and sort it.",
            "Tell you what, I'll make you deputy lead from Monday.",
            "Let's get you a pay review, I'll push for it.",
            "I'll put it right, I promise.",
        ],
    ),
]


@pytest.mark.parametrize(("scenario_id", "reply", "line", "others"), ANSWERS)
async def test_a_reply_gets_the_line_written_for_it(
    scenario_id: str, reply: str, line: str, others: list[str]
) -> None:
    for seed in range(3):
        session = await play(scenario_id, [reply], seed=seed)
        assert any(line in text for text in _said(session)), _said(session)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("scenario_id", "reply", "line", "others"), ANSWERS)
async def test_other_replies_of_its_kind_never_get_it(
    scenario_id: str, reply: str, line: str, others: list[str], seed: int
) -> None:
    session = await play(scenario_id, others, seed=seed)
    assert not any(line in text for text in _said(session)), _said(session)


def test_a_line_for_a_move_is_chosen_only_for_that_move_and_first_while_unused() -> None:
    scenario, _, _ = load("union-steward")
    lines = scenario.reactions.defensive.lines
    prefix = "reactions.defensive"
    index = next(i for i, line in enumerate(lines) if line.text.startswith(HEAD_OFFICE))
    key = f"{prefix}[{index}]"
    state = initial_state(scenario)
    defensive = frozenset({Category.defensive})
    for seed in range(5):
        rng = random.Random(seed)
        chosen, _ = choose_line(
            scenario, lines, prefix, state, defensive, [], rng, moves=frozenset({Move.blame})
        )
        assert chosen == key
        # once said, the other lines take their turn
        chosen, _ = choose_line(
            scenario, lines, prefix, state, defensive, [key], rng, moves=frozenset({Move.blame})
        )
        assert chosen != key
        for moves in (frozenset({Move.justify}), frozenset(), None):
            chosen, _ = choose_line(scenario, lines, prefix, state, defensive, [], rng, moves=moves)
            assert chosen != key
    # where the moves are not known (the reachability search), a condition on them never holds
    assert not holds(lines[index].when, state, scenario, defensive, None)
    assert holds(lines[index].when, state, scenario, defensive, frozenset({Move.blame}))


def test_moves_only_on_lines(tmp_path: Path) -> None:
    """What happens (a concern, an ending, a stage) is decided by the kind of reply; a
    condition on its moves there is an error that names the file, the line and the field."""
    text = (SCENARIOS / "union-steward.yaml").read_text(encoding="utf-8")
    condition = "    reveal_when:\n      reply: [listening, inquiry]\n"
    broken = text.replace(condition, condition + "      moves: [blame]\n", 1)
    assert broken != text
    path = tmp_path / "union-steward.yaml"
    path.write_text(broken, encoding="utf-8")
    report = validate_paths([path])
    errors = [d for d in report.diagnostics if d.is_error]
    assert len(errors) == 1, errors
    (error,) = errors
    assert "concerns[0].reveal_when.moves: only the 'when' of a line that answers" in error.message
    assert error.line == broken.splitlines().index("      moves: [blame]") + 1
    # the shipped file, with its lines' moves, is clean
    assert not validate_paths([SCENARIOS / "union-steward.yaml"]).diagnostics


def test_no_fallback_says_a_line_for_a_move_the_reply_did_not_make() -> None:
    """Found in review: when no line's condition held, or only the line said last did, the
    fallbacks widened to every line, a line for a blame among them."""
    scenario, _, _ = load("union-steward")
    state = initial_state(scenario)
    defensive = frozenset({Category.defensive})
    justify = frozenset({Move.justify})
    out_of_reach = Line(
        text="Only when she is at her angriest.", when=Condition(at_least={"frustration": 10})
    )
    for_blame = Line(text="Only after a blame.", when=Condition(moves=[Move.blame]))
    plain = Line(text="Said to anything.")
    for seed in range(8):
        rng = random.Random(seed)
        # nothing holds: the fallback is not the blame line
        key, line = choose_line(
            scenario, [out_of_reach, for_blame], "r", state, defensive, [], rng, moves=justify
        )
        assert line is out_of_reach, key
        # only the line said last holds: widening does not reach the blame line
        key, line = choose_line(
            scenario, [plain, for_blame], "r", state, defensive, ["r[0]"], rng, moves=justify
        )
        assert line is plain, key


def test_the_llm_voice_is_not_shown_lines_that_answer_one_move() -> None:
    scenario, _, _ = load("union-steward")
    examples = voice_examples(scenario)
    assert examples
    assert not any(HEAD_OFFICE in text for text in examples), examples


def test_a_reading_the_judge_was_unsure_of_gets_no_line_for_its_moves() -> None:
    scenario, _, _ = load("union-steward")
    state = initial_state(scenario)
    blame = frozenset({Move.blame})
    sure = Reply(frozenset({Category.defensive}), moves=blame)
    unsure = Reply(frozenset({Category.defensive}), moves=blame, low_confidence=True)
    assert advance(scenario, state, sure).moves == blame
    assert advance(scenario, state, unsure).moves == frozenset()
    repeated = Reply(frozenset({Category.defensive}), moves=blame, repeats=1)
    assert advance(scenario, state, repeated).moves == frozenset()


def test_moves_on_an_opening_line_is_an_error_and_on_a_repeated_line_a_warning(
    tmp_path: Path,
) -> None:
    text = (SCENARIOS / "union-steward.yaml").read_text(encoding="utf-8")
    opening = "opening:\n  - >-\n"
    assert opening in text
    broken = text.replace(
        opening, "opening:\n  - text: Morning.\n    when: {moves: [blame]}\n  - >-\n", 1
    )
    path = tmp_path / "union-steward.yaml"
    path.write_text(broken, encoding="utf-8")
    errors = [d for d in validate_paths([path]).diagnostics if d.is_error]
    assert [e.message.split(":")[0] for e in errors] == ["opening[0].when.moves"], errors
    assert errors[0].line == broken.splitlines().index("    when: {moves: [blame]}") + 1
    # a repeated reply carries no moves: a line of its that needs one is never said
    repeated = "      - You said that already.\n"
    assert repeated in text
    path.write_text(
        text.replace(
            repeated,
            "      - text: You said that already.\n        when: {moves: [blame]}\n",
            1,
        ),
        encoding="utf-8",
    )
    found = validate_paths([path]).diagnostics
    assert not [d for d in found if d.is_error], found
    assert any("reactions.repeated.lines[0].when.moves: never holds" in d.message for d in found), (
        found
    )


# -- lines that answer the words of a reply (`said`) ------------------------------------------

COURSE = "A leadership course. Lovely."


def test_said_matches_whole_words_in_any_ending_and_phrases_in_order() -> None:
    scenario, _, _ = load("passed-over-for-promotion")
    lines = scenario.reactions.reactive_adjustment.lines
    course = next(line for line in lines if line.text.startswith(COURSE))
    state = initial_state(scenario)
    fix = frozenset({Category.reactive_adjustment})

    def heard(text: str) -> bool:
        return holds(course.when, state, scenario, fix, frozenset(), stemmed_words(text))

    assert heard("There are two courses coming up, I'll book you on one.")
    assert heard("some coaching might help")
    # (a word is a word: "of course" says "course", so a line's words are chosen with care)
    assert heard("Of course I'll sort it.")
    assert not heard("I'll sort it today.")
    assert not holds(course.when, state, scenario, fix, frozenset(), None)


def test_said_only_on_lines(tmp_path: Path) -> None:
    text = (SCENARIOS / "union-steward.yaml").read_text(encoding="utf-8")
    condition = "    reveal_when:\n      reply: [listening, inquiry]\n"
    broken = text.replace(condition, condition + "      said: [boards]\n", 1)
    path = tmp_path / "union-steward.yaml"
    path.write_text(broken, encoding="utf-8")
    errors = [d for d in validate_paths([path]).diagnostics if d.is_error]
    assert len(errors) == 1, errors
    assert "concerns[0].reveal_when.said: only the 'when' of a line" in errors[0].message
    assert errors[0].line == broken.splitlines().index("      said: [boards]") + 1
