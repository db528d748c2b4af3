"""The offline judge reads a long reply in time linear in its length (measured in
benchmarks/bench_judge.py). These tests pin down that the faster forms of four passes give
exactly what the plain forms gave, on replies of every shape."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from sparring.formats.moves import Move
from sparring.judge.offline import chat
from sparring.judge.offline import text as text_module
from sparring.judge.offline.cues import Collector, Hit
from sparring.judge.offline.defence import _denial_subject, _inside_quotes
from sparring.judge.offline.learned import normalise

ROOT = Path(__file__).resolve().parents[2]
REPLIES = [
    normalise(json.loads(line)["reply"])
    for line in (ROOT / "tests/data/judge-dev.jsonl").read_text(encoding="utf-8").splitlines()
]
ODD = [
    "",
    "'",
    "a'b'c 'x' d",
    "\"hi\" she said 'we're fine' and 'not ok",
    "the not so bad",
    "it's, not",
    "nobody",
    "x_u u\u00b2u ur",
    "u r ok w u, idk tbh pls",
    "i dont think so. nobody told me, it wasn't me",
]


def _plain_denial(text: str) -> bool:
    """The pattern this pass used to be (quadratic on one long sentence), with the double
    negative that affirms ("that's not nothing") left out as the pass leaves it out."""
    return bool(
        re.search(
            r"\b(?:i|we|it|that|this|he|she|they|there|nobody|no one|nothing|the \w+)\b"
            r"(?:'s|'re|'m)?[^.?!,]*?\b(?:not|n't|never)\b(?! nothing\b)"
            r"|\b\w+n't\b(?! nothing\b)|\b(?:nobody|no one|nothing) \w+",
            text,
        )
    )


def _plain_inside_quotes(text: str, at: int) -> bool:
    before = text[:at]
    singles = before.count("'") - len(re.findall(r"\w'\w", before))
    return singles % 2 == 1 or before.count('"') % 2 == 1


def _plain_expand(low: str) -> tuple[str, list[tuple[int, int]] | None]:
    if not chat._ANY.search(low):
        return low, None
    out: list[str] = []
    where: list[tuple[int, int]] = []
    i = 0
    while i < len(low):
        m = chat._ANY.match(low, i) if (i == 0 or not low[i - 1].isalnum()) else None
        if m is not None and m.end() > i:
            written = m.group()
            for pattern, replacement in chat._PATTERNS:
                found = pattern.match(low, i)
                if found is not None and found.end() == m.end():
                    written = found.expand(replacement)
                    break
            out.append(written)
            where.extend([(i, m.end())] * len(written))
            i = m.end()
            continue
        out.append(low[i])
        where.append((i, i + 1))
        i += 1
    return "".join(out), where


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def test_a_negated_statement_is_found_as_before() -> None:
    for text in [*ODD, *REPLIES]:
        for sentence in [text, *_sentences(text)]:
            assert _denial_subject(sentence) == _plain_denial(sentence), sentence


def test_a_negated_statement_needs_its_subject_first() -> None:
    assert _denial_subject("we never said that")
    assert not _denial_subject("not that we said it")  # the negation comes before a subject
    assert not _denial_subject("we said it, not them")  # another clause
    assert _denial_subject("nobody asked")


def test_quotation_marks_are_counted_as_before() -> None:
    for text in [t for t in [*ODD, *REPLIES] if "'" in t or '"' in t]:
        for at in range(len(text) + 1):
            assert _inside_quotes(text, at) == _plain_inside_quotes(text, at), (text, at)


def test_a_word_inside_quotes_is_inside() -> None:
    text = "you said 'we're looking into it' and i don't"
    assert _inside_quotes(text, text.index("looking"))
    assert not _inside_quotes(text, text.index("and"))
    assert not _inside_quotes(text, text.index("don't") + 3)


def test_chat_spellings_are_written_out_as_before() -> None:
    for text in [*ODD, *REPLIES]:
        assert chat.expand(text) == _plain_expand(text), text


def test_chat_spellings_map_back_to_what_was_typed() -> None:
    low = "ok ur saying u dont get it"
    out, where = chat.expand(low)
    assert out == "ok you're saying you don't get it"
    start = out.index("you're")
    assert chat.back(where, start, start + len("you're")) == (3, 5)
    assert chat.back(where, 0, 2) == (0, 2)


def _brute(hits: list[Hit], moves: set[Move], within: tuple[int, int] | None) -> bool:
    return any(
        h.move in moves and (within is None or (h.start < within[1] and h.end > within[0]))
        for h in hits
    )


@pytest.mark.parametrize("seed", range(20))
def test_the_collector_finds_overlaps_as_a_pass_over_every_hit_would(seed: int) -> None:
    rng = random.Random(seed)
    moves = [Move.own, Move.deny, Move.reflect_feeling, Move.open_question]
    col = Collector()
    for i in range(60):
        # mostly in order of the reply, sometimes back to an earlier place or a long span
        start = i * 10 + rng.randint(0, 9) if rng.random() < 0.85 else rng.randint(0, 600)
        length = rng.randint(1, 8) if rng.random() < 0.9 else rng.randint(50, 300)
        col.add(rng.choice(moves), start, start + length)
        if rng.random() < 0.05:  # a pass that rewrites the hits keeps them findable
            col.hits = [h for h in col.hits if rng.random() < 0.9]
        for _ in range(10):
            a = rng.randint(0, 700)
            within = (a, a + rng.randint(1, 40)) if rng.random() < 0.9 else None
            asked = set(rng.sample(moves, rng.randint(1, 3)))
            assert col.has_any(asked, within) == _brute(col.hits, asked, within)


def test_dropped_hits_are_no_longer_found() -> None:
    col = Collector()
    col.add(Move.deny, 0, 10)
    col.add(Move.own, 12, 20)
    col.drop({Move.deny}, (0, 11))
    assert not col.has(Move.deny)
    assert not col.has(Move.deny, (0, 11))
    assert col.has(Move.own, (15, 16))


# The question-start patterns read at most eight words of preamble ("so, ok, well, what...")
# and a window of the clause after each break; the unbounded forms they replace rescanned the
# rest of the reply at every break, which took seconds on pasted junk ("ok, " x 5000 + "?").
_WH_UNBOUNDED = re.compile(text_module.WH_START.pattern.replace("){0,8}(?:what", ")*(?:what"))


@pytest.mark.parametrize("seed", range(10))
def test_bounded_question_starts_read_ordinary_clauses_as_before(seed: int) -> None:
    rng = random.Random(seed)
    fillers = ["so", "and", "ok", "okay", "well", "but", "right", "yeah", "hmm", "just", "oh"]
    for _ in range(200):
        words = [rng.choice(fillers) + rng.choice(["", ",", "."]) for _ in range(rng.randint(0, 6))]
        clause = " ".join([*words, rng.choice(["what", "how", "why", "who", "a", "when"]), "x"])
        assert bool(text_module.WH_START.match(clause)) == bool(_WH_UNBOUNDED.match(clause))


def test_a_clause_break_starts_where_a_run_of_spaces_starts() -> None:
    unbounded = re.compile(text_module.CLAUSE_BREAK.pattern.replace("(?<!\\s)", ""))
    for sample in [
        "a  -  b",
        "so   and  what",
        "x,   how",
        "  - y",
        "one - two - three",
        "a\n - b",
    ]:
        assert [m.span() for m in text_module.CLAUSE_BREAK.finditer(sample)] == [
            m.span() for m in unbounded.finditer(sample)
        ]
