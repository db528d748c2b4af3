"""What the conversation so far does to a reply's credit: empty replies and repeats.

A reply made only of stock words ("ok", "I see", "Tell me more", "I hear you, I understand how
you feel") fits any conversation, so it shows nothing heard: it earns no listening, and asking
"tell me more" is worth something once, not as a habit. A reply that repeats an earlier one
(the same words, or nearly) earns nothing new the second time. Both judges apply this after
reading the reply, so neither can be farmed with a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sparring.formats.moves import Move
from sparring.judge.base import Evidence

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+")

# Words that fit any conversation: function words, and the stock vocabulary of listening,
# asking and apologising. A reply with nothing else in it is content-free.
GENERIC = frozenset(
    """
    a about actually all alright also am an and any anything are as at be been being bit but by
    can could did do does doing don't else even for from get go going gonna good got had has have
    having he hear heard hearing her here him his how i i'd i'll i'm i've if in is isn't it it's
    just know let like listen listening look lot me mean mm mhm more much my need no not now of
    oh ok okay on one or our out please really right say saying see seems she so sorry sound
    sounds still sure talk tell thank thanks that that's the their them then there they thing
    things think this to totally uh um understand understood up us very want was way we well
    were what what's when where which who why will with would yeah yep yes you you're your
    feel feeling feelings felt frustrated frustrating frustration upset angry hard difficult
    tough valid point fair appreciate sharing open honest honestly share continue explain
    elaborate happened happening going on go ahead carry keep hmm ah ahh wow gosh sigh course
    absolutely completely definitely exactly agree true glad help helps helpful noted
    """.split()
)


def content_words(text: str) -> list[str]:
    """The words of `text` that could only come from this conversation."""
    return [w for w in _WORD.findall(text.lower()) if w not in GENERIC]


def is_content_free(text: str) -> bool:
    return not content_words(text)


def _tokens(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def repeats(reply: str, earlier: Sequence[str]) -> int:
    """How many earlier replies `reply` repeats: the same words, or nearly (a Jaccard overlap
    of 0.8 or more between their sets of words)."""
    mine = _tokens(reply)
    if not mine:
        return sum(not _tokens(e) for e in earlier)
    count = 0
    for other in earlier:
        theirs = _tokens(other)
        if theirs and len(mine & theirs) / len(mine | theirs) >= 0.8:
            count += 1
    return count


_LISTENING = frozenset({Move.reflect_content, Move.reflect_feeling})
_INQUIRY = frozenset({Move.open_question, Move.check})


def _asks(text: str) -> bool:
    return "?" in text or bool(
        re.match(r"\s*(?:tell|go|say|and|keep|carry|continue)\b", text, re.I)
    )


def _distinct(moves: Sequence[Evidence]) -> list[Evidence]:
    """Each move once per span; an acknowledgement inside another move's span is part of it."""
    seen: set[tuple[Move, int, int]] = set()
    out = []
    for e in moves:
        key = (e.move, e.start, e.end)
        inside = e.move is Move.acknowledge and any(
            o.move is not Move.acknowledge and o.start <= e.start and e.end <= o.end for o in moves
        )
        if key not in seen and not inside:
            seen.add(key)
            out.append(e)
    return out


def discount(
    moves: Sequence[Evidence], reply: str, conversation: Sequence[tuple[str, str]]
) -> tuple[list[Evidence], list[str], bool, int]:
    """(the moves that still count, notes, content_free, repeats) for a reply in its
    conversation. Reflections with nothing specific in them are only acknowledgements; a
    repeat keeps no listening or asking; nor does a content-free reply right after another."""
    earlier = [text for who, text in conversation if who == "user"]
    empty = is_content_free(reply)
    repeated = repeats(reply, earlier)
    # "Tell me more" once is an invitation; "Tell me more", "Go on", "And?" is a habit
    previous_empty = bool(earlier) and is_content_free(earlier[-1]) and _asks(earlier[-1])
    kept = _distinct(moves)
    notes: list[str] = []
    if empty and any(e.move in _LISTENING for e in kept):
        kept = [
            Evidence(move=Move.acknowledge, start=e.start, end=e.end, quote=e.quote)
            if e.move in _LISTENING
            else e
            for e in kept
        ]
        notes.append(
            "Nothing in it is specific to what they said: stock phrases show no listening. "
            "Use their words, or name what they are upset about."
        )
    if repeated or (empty and previous_empty):
        fewer = [e for e in kept if e.move not in _LISTENING | _INQUIRY]
        if len(fewer) != len(kept):
            notes.append(
                "You said this before: it adds nothing new the second time."
                if repeated
                else "Another reply with nothing specific in it: it wears thin. Ask about "
                "something they said."
            )
        kept = fewer
    return kept, notes, empty, repeated
