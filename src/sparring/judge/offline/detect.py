"""Move detection: which moves a reply makes, and the exact characters that make each one.

The reply is split into sentences; questions are classified (open, check, closed, leading,
a fix in disguise), statements are checked for reflections, ownership and defences, and the
reply as a whole for "yes, but". Context (what the other person just said) lets a paraphrase
count as a reflection even without a stock phrase like "it sounds like".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from sparring.formats.moves import MOVE_CATEGORY, Category, Move
from sparring.judge.offline.chat import Where, back, expand
from sparring.judge.offline.cues import SECOND_PERSON, Collector, Hit
from sparring.judge.offline.defence import (
    COMPLAINT,
    answered_own_question,
    phrase_moves,
    quoted_echo,
    structural_defence,
    unheard_assertion,
    yes_but,
)
from sparring.judge.offline.language import english_verdict
from sparring.judge.offline.lexicon import content_stems
from sparring.judge.offline.listening import (
    find_listening,
    untie_generic_feelings,
    upgrade_bare_agreement,
)
from sparring.judge.offline.prefilter import Guarded
from sparring.judge.offline.questions import classify_questions
from sparring.judge.offline.text import (
    MAX_CHARS,
    Sentence,
    normalise,
    preamble_end,
    sentences,
)

__all__ = ["MAX_CHARS", "Detection", "Hit", "detect", "normalise", "sentences"]


@dataclass
class Detection:
    hits: list[Hit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    english: bool = True
    question_ends: list[int] = field(default_factory=list)
    """Where each question typed without its question mark ends, in the reply (see
    `unmarked_question_ends`)."""

    @property
    def moves(self) -> set[Move]:
        return {h.move for h in self.hits}


HURTFUL = frozenset({Move.minimise, Move.dismiss, Move.sarcasm, Move.counterattack, Move.deflect})
"""The defences still read when the other person is not upset with the replier."""


def _defends(move: Move) -> bool:
    return MOVE_CATEGORY.get(move) is Category.defensive


def detect(
    reply: str,
    context: str | None = None,
    *,
    understood: bool = False,
    earlier: str | None = None,
    sides: bool = True,
) -> Detection:
    """Find the moves in `reply`; `context` is what the other person said just before.
    `understood`: the other person's concerns are all out, so a proposal is a commitment,
    not a quick fix. `earlier`: what they said before that; a reply that sums up their
    earlier points is listening too (defences are read against `context` alone). `sides`:
    they are (or may be) upset with the replier; when they are not (a friend confiding a
    trouble of their own), an account of oneself or a plain statement takes no side, so the
    structural readings of a defence (no stock phrase, only the shape of the sentence) are
    not made, and of the defences only those that hurt them are read (`HURTFUL`)."""
    text = reply[:MAX_CHARS]
    # chat spellings written out ("ur saying" -> "you're saying"); `where` maps back
    low, where = expand(normalise(text))
    result = Detection()
    if not low.strip():
        result.notes.append("No reply was given: silence reads as not engaging.")
        return result
    # read as typed: capitals tell names ("Sorry Zoë") from words of another language
    result.english, certainty = english_verdict(text)
    if not result.english:
        result.notes.append(
            "This does not look like English; the offline judge reads English only, so its "
            "scores here are a low-confidence guess."
        )
    elif certainty == "low":  # English mixed with another language
        result.notes.append(
            "Part of this reply is not English; the offline judge reads English only, so it "
            "judged the English part and this reading is less certain."
        )
    letters = sum(map(str.isalpha, text))
    if letters >= 12 and sum(map(str.isupper, text)) / letters > 0.8:
        result.notes.append("Written in capitals, which reads as shouting.")
    if len(reply) > MAX_CHARS:
        result.notes.append(f"Only the first {MAX_CHARS:,} characters were judged.")

    ctx_stems = content_stems(context or "")
    ctx_numbers = set(re.findall(r"\b\d+\b", context or ""))
    ctx_names = {
        w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", context or "")
    }
    ctx_low = normalise(context or "")
    addressed = bool(SECOND_PERSON.search(ctx_low))
    col = Collector()
    sents = sentences(low)
    result.question_ends = _question_ends(sents, where)
    # what a reflection may refer back to: the last line, and the ones before it
    heard_stems, heard_numbers, heard_names, heard_low = ctx_stems, ctx_numbers, ctx_names, ctx_low
    if earlier:
        heard_stems = ctx_stems | content_stems(earlier)
        heard_numbers = ctx_numbers | set(re.findall(r"\b\d+\b", earlier))
        heard_names = ctx_names | {
            w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", earlier)
        }
        heard_low = f"{normalise(earlier)} {ctx_low}"

    for s in sents:
        classify_questions(s, col, ctx_stems)
        phrase_moves(s, col)
        heard = (heard_stems, heard_numbers, heard_names, addressed, heard_low)
        if not s.question:
            find_listening(s, col, *heard)
        else:
            offset = preamble_end(s)
            if offset:
                pre = Sentence(s.start, s.start + offset, s.text[:offset], False)
                find_listening(pre, col, *heard)

    untie_generic_feelings(sents, col, heard_stems)
    upgrade_bare_agreement(sents, col, heard_stems)
    if ctx_stems and sides:
        structural_defence(sents, col, ctx_stems, ctx_low)
        if COMPLAINT.search(ctx_low) and result.english:
            unheard_assertion(sents, col, ctx_stems)
    yes_but(low, col)
    quoted_echo(sents, col)
    answered_own_question(sents, col)
    _resolve(col, understood, low)
    _answering_what_they_asked(col, low, ctx_low)
    if not sides:
        # with no side to defend, what still pushes a confiding person away is what hurts
        # them: minimising, brushing off, sarcasm, a dig, changing the subject to oneself
        col.hits = [h for h in col.hits if not _defends(h.move) or h.move in HURTFUL]
    hits = {Hit(h.move, *back(where, h.start, h.end)) for h in col.hits}
    result.hits = sorted(hits, key=lambda h: (h.start, h.end, h.move.value))
    return result


_CLOSERS = "\"')] "


def _question_ends(sents: list[Sentence], where: Where | None) -> list[int]:
    return [
        back(where, s.start, s.end)[1]
        for s in sents
        if s.question and not s.text.rstrip(_CLOSERS).endswith("?")
    ]


def unmarked_question_ends(reply: str) -> list[int]:
    """Where the questions the rules read in sentences typed without a question mark end
    ("whats it actually costing u", "hows the team doing, really."), in `reply`: the learned
    model is shown them as the questions they are (`learned.mark_questions`)."""
    low, where = expand(normalise(reply[:MAX_CHARS]))
    return _question_ends(sentences(low), where)


# They asked for time ("I can't do this tonight"): a later talk is what they asked for.
_ASKED_FOR_TIME = Guarded(
    r"\b(?:can'?t (?:do|talk about|deal with) (?:this|it) (?:now|tonight|today|right now)"
    r"|too (?:tired|upset|angry) to (?:talk|do this|think)|not (?:now|tonight)\b"
    r"|need (?:some )?(?:time|space)|another time|a proper meeting|not a chat)"
)
_PUT_OFF = re.compile(
    r"\b(?:talk|chat|speak|catch up|pick (?:it|this|that) up"
    r"|leave (?:it|this|that) (?:for|till|until)|sync|regroup)\b"
)
# They blame themselves ("it's my fault, I should have brought him in sooner"): "don't blame
# yourself" answers that, it contradicts nothing of their complaint.
_SELF_BLAME = Guarded(r"\b(?:(?:all )?my (?:own )?fault|i should have|i blame myself)\b")


def _answering_what_they_asked(col: Collector, low: str, ctx_low: str) -> None:
    """Drop the defences that only answer what they said: a later talk when they asked for
    time, "don't blame yourself" when they blame themselves."""
    if _SELF_BLAME.search(ctx_low):
        col.hits = [
            h
            for h in col.hits
            if not (h.move is Move.deny and "yourself" in low[h.start : h.end + 1])
        ]
    if _ASKED_FOR_TIME.search(ctx_low):
        col.hits = [
            h
            for h in col.hits
            if not (h.move is Move.deflect and _PUT_OFF.search(low, h.start, h.end + 1))
        ]


def _of(hits: list[Hit], moves: AbstractSet[Move]) -> list[Hit]:
    return [h for h in hits if h.move in moves]


def _overlap(other: Hit, hit: Hit) -> bool:
    return other.start <= hit.start < other.end or hit.start <= other.start < hit.end


def _inside(other: Hit, hit: Hit) -> bool:
    return other.start <= hit.start and hit.end <= other.end


def _starts_in(other: Hit, hit: Hit) -> bool:
    return other.start <= hit.start < other.end


def _without(
    hits: list[Hit],
    moves: AbstractSet[Move],
    others: list[Hit],
    related: Callable[[Hit, Hit], bool],
) -> list[Hit]:
    """`hits` less those of `moves` that stand so (`related`) to one of `others` (nothing to
    weigh, and nothing read again, when there are no others)."""
    if not others:
        return hits
    return [h for h in hits if not (h.move in moves and any(related(o, h) for o in others))]


def _resolve(col: Collector, understood: bool, low: str) -> None:
    hits = list(col.hits)
    # An admission beats a denial on the same words ("I didn't call you back").
    hits = _without(hits, {Move.deny, Move.counterattack}, _of(hits, {Move.own}), _overlap)
    # A check echoes their words back to be corrected ("So nobody asked you?"): the echo is
    # not a denial of them.
    checks = _of(hits, {Move.check, Move.open_question})
    hits = _without(hits, {Move.deny}, checks, _inside)
    mocking = _of(hits, {Move.sarcasm, Move.leading_question})
    hits = _without(hits, {Move.open_question}, mocking, _overlap)
    hits = _without(hits, {Move.quick_fix}, _of(hits, {Move.capitulate}), _overlap)
    # A generic acknowledgement inside a real reflection is part of that reflection.
    strong = _of(hits, {Move.reflect_content, Move.reflect_feeling, Move.own})
    hits = _without(hits, {Move.acknowledge}, strong, _starts_in)
    if understood:
        hits = [Hit(Move.commit, h.start, h.end) if h.move is Move.quick_fix else h for h in hits]
    col.hits = hits
