"""What the persona hears in a reply: its kind (from the judge), whether it says anything, and
which of her concerns it touches (from the concerns' `about` words).

The judge decides what a reply does; the persona decides what that means to her: a question
that touches a hidden concern is what earns it, a statement that names one before she has
said it is recognised, and a run of empty or repeated replies wears her patience out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sparring.formats.moves import Category, Move, effective_categories
from sparring.formats.scenario import Concern, Scenario
from sparring.judge.base import Assessment

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|my fault|my mistake|on me)\b", re.I)
# A reply this long says something of its own, whatever the judge made of it.
ENGAGED_WORDS = 6
_STOP = frozenset(
    "the a an and or of to in on at for with is are was were be it its this that you your i "
    "me my we our they them their he she his her not no do did does what how why when where "
    "who".split()
)


@dataclass(frozen=True)
class Reply:
    """A reply as the persona's rules see it."""

    categories: frozenset[Category]
    """Its effective kinds (defensive, listening, ...) as the judge read them."""
    content_free: bool = False
    """It says nothing specific ("ok", "Tell me more", "I hear you")."""
    repeats: int = 0
    """How many earlier replies it repeats."""
    intelligible: bool = True
    """False: empty, gibberish, or a language she does not speak."""
    low_confidence: bool = False
    """The judge was unsure: the reply moves her less, and cannot end the conversation."""
    touches: frozenset[str] = frozenset()
    """The concerns whose `about` words it uses."""
    names: frozenset[str] = frozenset()
    """The concerns it names in a statement (as opposed to asking about them)."""
    check: bool = False
    """It checks the user's understanding of what she said."""
    apology: bool = False
    """It apologises for something specific."""
    asks: bool = False
    """Asks something, openly or not: a question about a concern can earn it."""
    mixed: bool = False
    """Defends, but also listens or asks ("I should have called. The line was down, but..."):
    it stings her less than a defence alone."""
    engaged: bool = False
    """Says something of its own though it neither listens, asks openly, defends nor fixes:
    a closed question, a thought, a plain statement. She answers it; it moves nothing."""
    moves: frozenset[Move] = frozenset()
    """The moves the judge read in it (for lines that answer what was said)."""
    words: tuple[str, ...] = ()
    """Its words, stemmed as a concern's `about` words are (for lines that answer them)."""

    @property
    def neutral(self) -> bool:
        """Engaged, but of no kind that moves her."""
        return self.engaged and self.categories == frozenset({Category.minimal})

    @property
    def idle(self) -> bool:
        """Adds nothing: no recognised move nor anything of its own, the same words again, or
        nonsense to her."""
        return (
            (self.categories == frozenset({Category.minimal}) and not self.engaged)
            or self.repeats > 0
            or not self.intelligible
        )


def plain_reply(categories: Iterable[Category]) -> Reply:
    """A reply known only by its kinds (the reachability search, tests, old transcripts)."""
    return Reply(effective_categories(categories))


def _stem(word: str) -> str:
    word = word.lower().replace("'", "")
    return word if len(word) <= 4 else word[:5]


def stemmed_words(text: str) -> tuple[str, ...]:
    """A text's words as `Reply.words` holds them (and as `says` and `about` match them)."""
    return tuple(_stem(w) for w in _WORD.findall(text))


@lru_cache(maxsize=256)
def _topics(about: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each topic as stemmed words: one word (not a stop word), or a phrase matched as a
    whole, in order ("a say" is not "say", "found out" is not "out ... found")."""
    out = []
    for topic in about:
        words = stemmed_words(topic)
        if len(words) == 1 and words[0] in _STOP:
            continue
        if words:
            out.append(words)
    return tuple(out)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    if n == 1:
        return phrase[0] in words
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def says(words: tuple[str, ...], phrases: Iterable[str]) -> bool:
    """Whether stemmed words (`Reply.words`) use one of the words or phrases, as `about`."""
    return any(_contains(words, topic) for topic in _topics(tuple(phrases)))


def touches(concern: Concern, words: tuple[str, ...]) -> bool:
    """Whether the reply's words (stemmed, in order) use one of the concern's `about` words
    or phrases."""
    return any(_contains(words, topic) for topic in _topics(tuple(concern.about)))


def read_reply(scenario: Scenario, assessment: Assessment, text: str) -> Reply:
    """The persona's reading of a judged reply."""
    moves = assessment.move_set
    categories = effective_categories(assessment.categories)
    # its words, read once: for the concerns it touches and the lines that answer them
    words = stemmed_words(text) if assessment.intelligible else ()
    found = frozenset(c.id for c in scenario.concerns if touches(c, words))
    statement = bool(moves & {Move.reflect_content, Move.reflect_feeling, Move.own})
    defensive = Category.defensive in categories
    own_quotes = " ".join(e.quote for e in assessment.moves if e.move is Move.own)
    engaged = (
        assessment.intelligible
        and not assessment.content_free
        and (bool(moves - {Move.acknowledge}) or len(_WORD.findall(text)) >= ENGAGED_WORDS)
    )
    return Reply(
        categories=categories,
        content_free=assessment.content_free,
        repeats=assessment.repeats,
        intelligible=assessment.intelligible,
        low_confidence=assessment.confidence == "low",
        touches=found,
        names=found if statement and not defensive else frozenset(),
        check=Move.check in moves and not defensive,
        apology=bool(own_quotes and _APOLOGY.search(own_quotes)) and not defensive,
        engaged=engaged,
        asks=bool(moves & {Move.open_question, Move.check, Move.closed_question}),
        mixed=defensive and (assessment.listening or assessment.inquiry),
        moves=frozenset(moves),
        words=words,
    )
