"""Listening: reflections of their point or feeling, and owning something specific."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Set as AbstractSet

from sparring.formats.moves import Move
from sparring.judge.offline import rules as R
from sparring.judge.offline.cues import (
    ADVICE,
    DEFENSIVE,
    IN_THEIR_PLACE,
    INVITE_START,
    NOT_REFLECTION,
    REFLECTIVE_FRAME,
    SECOND_PERSON,
    Collector,
    Hit,
    context_negations,
    negations,
)
from sparring.judge.offline.cues import (
    negated as is_negated,
)
from sparring.judge.offline.lexicon import content_stems
from sparring.judge.offline.text import Sentence

FEELINGS_PER_SENTENCE = 12
_NEGATED_FEEL = re.compile(
    r"\b(?:not|n't|never|hardly|no|nothing|isn'?t|wasn'?t)\b(?:\W+\w+){0,3}\W*$"
    # how they will, could or should feel is encouragement, not a reflection
    r"|\b(?:will|'ll|can|could|should|deserve to|going to|gonna|hope you|want you to)\b(?:\W+\w+){0,3}\W*$"
)


_SELF_EXPERIENCER = re.compile(
    r"\b(?:for|on|to) (?:me|us|all of us|everyone|everybody|myself)\b|\b(?:hard|difficult|tough) to (?:say|tell|know|believe|predict|see|judge|imagine|argue)\b"
)


_FIRST_PERSON_CLAIM = re.compile(
    r"^(?:(?:yes|yeah|yep|true|ok(?:ay)?|right|honestly|look|well|you'?re right|you are right)[,.!]*\s+)*i (?:did|have|had|was|went|made|took|missed|cancel\w*|present\w*|promis\w*|forgot|left|said|sent|gave|told|broke|moved|changed|skipped|chose|picked|decided|announced|put|dropped|ignored|overlooked|\w+ed)\b"
)


_FIRST_PERSON_SUBJECT = re.compile(
    r"^(?:(?:\w+)[,.]?\s+){0,2}(?:i|i'm|im|i've|i'd|i'll|we|we're|we've)\b(?! (?:hear|understand|get|see|know|can see|can tell|can imagine|imagine|guess|bet|suspect|'m guessing|am guessing)\b)"
)


_GENERALISED = re.compile(
    r"^(?!so\b)(?:(?:\w+)[,.]?\s+)?(?:everyone|everybody|nobody|no one|people|all (?:the|of)|most|loads of|lots of|plenty of|it'?s the same)\b"
)


_EMPTY_TAIL = re.compile(
    r"^\s*(?:that way|like that|this way|so|it|that)\s*[.!,]*\s*(?:about \w+)?[.!]*$"
)


_FEELING_FRAME = re.compile(r"\b(?:you|your)\b")


# "Sea-view rooms are in high demand": a general statement of ours, not a paraphrase of theirs.
_GENERIC_PRESENT = re.compile(
    r"^(?:the|our|we|it|this|that|\w+s)\b[^.?!]*?\b(?:is|are|does|do|can|has|have)\b"
)
_COPULA = re.compile(r"\b(?:is|are|was|were|it'?s|that'?s|'s|'re|will|would|can|could)\b")


# (a dash opens a clause where its run of spaces starts: linear on a reply of spaces)
_CLAUSE_SPLIT = re.compile(r"(?<!\s)\s+[-–—]\s+|[,;:]\s+|\.\s*")


_SELF_DISCLOSURE = re.compile(
    r"\b(?:too|as well|also|myself|either|in my (?:experience|life)|when i was)\b"
)


_CITES = re.compile(r"\b(?:says?|said|states?|stated|reads?|mentions?)\b")
_QUOTED = re.compile(r"(?<![\w'])['\"]([a-z][^'\"]{2,60}?)['\"](?![\w])")


_STEM_TAIL = re.compile(r"\W*\w+(?:\W+\w+){1,}")


# A sentence that starts by answering back ("But that's not what happened"), not one that turns
# back to their side ("but i hear u that its ur team paying for it").
_ANSWERING_BACK = re.compile(
    r"(?:but|however|though|still|yet)\b(?!,? (?:i (?:hear|get|see|understand)|you'?re right)\b)"
)


def find_listening(
    s: Sentence,
    col: Collector,
    ctx: AbstractSet[str],
    numbers: AbstractSet[str],
    names: AbstractSet[str],
    addressed: bool,
    ctx_text: str = "",
) -> None:
    text = s.text
    span = (s.start, s.end)
    invitation = bool(INVITE_START.match(text))
    negated = is_negated(text)
    first_person = bool(_FIRST_PERSON_SUBJECT.search(text))
    found_reflection = False
    for p in R.REFLECT_FEELING.candidates(text):
        # each match is weighed against the words around it: a few are enough, and a
        # sentence of the same feeling word repeated stays linear in its length
        for m in itertools.islice(p.finditer(text), FEELINGS_PER_SENTENCE):
            if _NEGATED_FEEL.search(
                text[: m.end() - len(m.group().split()[-1])]
            ) and not m.group().startswith(("no wonder", "of course")):
                continue
            if _SELF_EXPERIENCER.search(text[m.start() :]) and not SECOND_PERSON.search(m.group()):
                continue
            if (
                not SECOND_PERSON.search(text)
                and not re.match(
                    r"(?:that|this|which|all this|all that|everything|it|i'?d|i would|no wonder|of course|how|what a|must)\b",
                    m.group(),
                )
                and not _FEELING_FRAME.search(text)
            ):
                continue  # someone else's feelings ("he was tired") are not a reflection
            if col.has(Move.dismiss, span) or col.has(Move.minimise, span) or invitation:
                continue
            col.add(Move.reflect_feeling, s.start + m.start(), s.start + m.end())
            found_reflection = True
    answering_back = (
        bool(_ANSWERING_BACK.match(text))
        or col.has(Move.dismiss, span)
        or col.has(Move.sarcasm, span)
    )
    if answering_back:
        return
    if not invitation and not NOT_REFLECTION.match(text):
        for p in R.REFLECT_STEM.candidates(text):
            stem = p.search(text)
            if (
                stem is not None
                and _STEM_TAIL.match(text[stem.end() :].strip() or "-")
                and not _EMPTY_TAIL.match(text[stem.end() :])
                and not ADVICE.search(text[stem.end() : stem.end() + 40])
            ):
                col.add(Move.reflect_content, s.start + stem.start(), s.end)
                found_reflection = True
                break
    overlap = {w for w in content_stems(text) & ctx if len(w) >= 3 or w in numbers}
    if not found_reflection and overlap and col.has(Move.own, span):
        col.add(Move.reflect_content, *span)
        found_reflection = True
    specific = overlap & (numbers | names) or {w for w in overlap if len(w) >= 7}
    framed = bool(REFLECTIVE_FRAME.search(text) or SECOND_PERSON.search(text))
    blocked = any(col.has(mv, span) for mv in DEFENSIVE) or invitation
    # An echo that contradicts ("He's not hiding anything") or speaks for ourselves ("I do
    # care") is not a paraphrase of them.
    echoes_their_negation = negated and bool(context_negations(ctx_text) & negations(text))
    contradicts = (
        negated
        and not REFLECTIVE_FRAME.search(text)
        and not echoes_their_negation
        and not (SECOND_PERSON.search(text) and len(overlap) >= 3)
    ) or bool(_GENERALISED.match(text))
    if not found_reflection and ctx and overlap and not blocked:
        if _FIRST_PERSON_CLAIM.match(text):
            if addressed and (specific or len(overlap) >= 2) and not _SELF_DISCLOSURE.search(text):
                # "I cancelled the visits" owns it and restates their point
                col.add(Move.own, *span)
                col.add(Move.reflect_content, *span)
                found_reflection = True
        elif (
            not contradicts
            and not first_person
            and not ADVICE.search(text)
            and not NOT_REFLECTION.match(text)
            and (
                (framed and (len(overlap) >= 2 or specific))
                or (len(overlap) >= 3 and not _GENERIC_PRESENT.search(text))
            )
        ):
            col.add(Move.reflect_content, *span)
            found_reflection = True
    if not found_reflection and not blocked and ctx and not contradicts and not first_person:
        clause = _CLAUSE_SPLIT.split(text, maxsplit=1)[0]
        words = clause.split()
        stems = content_stems(clause)
        if (
            stems
            and 2 <= len(words) <= 7
            and len(stems & ctx) / len(stems) >= 0.6
            and not NOT_REFLECTION.match(clause)
            and not _COPULA.search(clause)
        ):
            col.add(Move.reflect_content, s.start, s.start + len(clause))
            found_reflection = True
    if not found_reflection and not blocked:
        for quoted in _QUOTED.finditer(text):
            if content_stems(quoted.group(1)) & ctx and not _CITES.search(text):
                col.add(Move.reflect_content, s.start + quoted.start(), s.end)
                found_reflection = True
                break
    if not found_reflection and not blocked and IN_THEIR_PLACE.match(text):
        # their reading as one we would share: their point taken in when it names it
        move = Move.reflect_content if overlap else Move.acknowledge
        col.add(move, *span)
        found_reflection = move is Move.reflect_content
    for p in R.GENERIC_ACK.candidates(text):
        if ack := p.search(text):
            col.add(Move.acknowledge, s.start + ack.start(), s.start + ack.end())
            break


def untie_generic_feelings(sents: list[Sentence], col: Collector, ctx: AbstractSet[str]) -> None:
    """A feeling named with nothing specific ('That must be frustrating', 'I understand you're
    upset') would fit any complaint: it is an acknowledgement, not a reflection."""
    starts = [s.start for s in sents]

    def sentence_of(h: Hit) -> int:
        i = bisect_right(starts, h.start) - 1
        return i if i >= 0 and h.start < sents[i].end else -1

    reflected = {sentence_of(h) for h in col.hits if h.move in {Move.reflect_content, Move.own}}
    feelings_in: dict[int, list[Hit]] = {}
    for h in col.hits:
        if h.move is Move.reflect_feeling:
            feelings_in.setdefault(sentence_of(h), []).append(h)
    untied: set[Hit] = set()
    for i, s in enumerate(sents):
        feelings = feelings_in.get(i)
        if not feelings:
            continue
        tail = s.text[max(h.end for h in feelings) - s.start :]
        tied = (
            bool(content_stems(s.text) & ctx)
            or len(content_stems(tail)) >= 2
            or i in reflected
            or (i > 0 and i - 1 in reflected)
        )
        if not tied:
            untied.update(feelings)
            col.add(Move.acknowledge, feelings[0].start, feelings[-1].end)
    if untied:
        col.hits = [h for h in col.hits if h not in untied]


def upgrade_bare_agreement(sents: list[Sentence], col: Collector, ctx: AbstractSet[str]) -> None:
    """'You're right.' followed by the specific thing they are right about is ownership."""
    for i, s in enumerate(sents[:-1]):
        bare = re.fullmatch(
            r"(?:yes,? )?(?:you'?re|you are|ur) (?:absolutely |completely |totally |so )?right[.!]*",
            s.text.strip(),
        )
        if bare:
            nxt = sents[i + 1]
            span = (nxt.start, nxt.end)
            if content_stems(nxt.text) & ctx and not any(col.has(mv, span) for mv in DEFENSIVE):
                col.add(Move.own, s.start, nxt.end)
