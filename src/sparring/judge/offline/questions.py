"""Questions: open, perception check, closed, leading, or a fix in disguise."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from sparring.formats.moves import Move
from sparring.judge.offline import rules as R
from sparring.judge.offline.cues import SECOND_PERSON, Collector
from sparring.judge.offline.lexicon import content_stems
from sparring.judge.offline.text import (
    CLAUSE_BREAK,
    Sentence,
    asks_from,
    first,
    question_clause,
)


def classify_questions(s: Sentence, col: Collector, ctx_stems: AbstractSet[str]) -> None:
    text = s.text
    m = first(R.INVITE_STATEMENT, text)
    if m and not first(R.LEADING, text) and _embedded(text) is not Move.closed_question:
        col.add(Move.open_question, s.start + m.start(), s.end)
    if (m := first(R.RHETORICAL, text)) and not _THEIR_QUESTION.search(text, 0, m.start()):
        # arguing our side in question form, whatever the punctuation (not their question
        # said back, or ours to ourselves: "you must be thinking, what's the point")
        col.add(Move.leading_question, s.start + m.start(), s.end)
        col.add(Move.justify, s.start + m.start(), s.end)
        return
    if not s.question:
        return
    if (m := first(R.IMPUTING, text)) and not _gives_back(text[m.end() :], ctx_stems):
        # words they never said, put in their mouth to be refuted
        col.add(Move.leading_question, s.start + m.start(), s.end)
        col.add(Move.justify, s.start + m.start(), s.end)
        return
    if m := first(R.CHECK, text):
        col.add(Move.check, s.start + m.start(), s.end)
        # "Did I get that right, and what would change it?" asks openly too
        if any(_question_kind(c, ctx_stems) is Move.open_question for c in _question_clauses(text)):
            col.add(Move.open_question, s.start, s.end)
        return
    if m := first(R.LEADING, text):
        col.add(Move.leading_question, s.start + m.start(), s.end)
        # a leading or rhetorical question argues our side in question form
        col.add(Move.justify, s.start + m.start(), s.end)
        if _ACCUSING.search(text):
            col.add(Move.counterattack, s.start + m.start(), s.end)
        return
    if _TAG_ON_THEIR_ACTION.match(text):
        # "You sent it to me to use, no?", "You remember saying 'do what you want with it'?":
        # what they did or said, put to them for a yes, makes a case against them
        col.add(Move.leading_question, s.start, s.end)
        col.add(Move.justify, s.start, s.end)
        return
    # A sentence may hold several questions ("What happened - did anyone call?"): the most
    # inviting one decides.
    kinds = [_question_kind(clause, ctx_stems) for clause in _question_clauses(text)]
    for kind in (
        Move.open_question,
        Move.check,
        Move.quick_fix,
        Move.invite_collaboration,
        Move.closed_question,
    ):
        if kind in kinds:
            offset, _ = question_clause(s)
            if kind is Move.invite_collaboration:
                col.add(Move.closed_question, s.start + offset, s.end)
            col.add(kind, s.start + offset if kind is not Move.open_question else s.start, s.end)
            return


_THEIR_QUESTION = re.compile(
    r"\b(?:(?:you|they|your \w+)(?:'re| are|'ll be|'d be| must be| might be)? (?:\w+ )?(?:asking|wondering|thinking)"
    r"|you (?:feel|felt|must (?:be )?(?:feel|think)\w*)"
    r"(?: like)?|asking myself|i (?:told|asked) myself|in your (?:position|shoes|place)|if you feel)\b"
)


def _gives_back(paraphrase: str, ctx_stems: AbstractSet[str]) -> bool:
    """Whether a paraphrase of their view is made of their words: all of them, or at least
    two ("you reckon I did it on purpose?" after "you did that on purpose"; not "you think I
    don't care about your team?" after "I don't care if you do")."""
    mine = content_stems(paraphrase)
    shared = mine & ctx_stems
    return bool(mine) and (shared == mine or len(shared) >= 2)


_ACCUSING = re.compile(
    r"\bwhy (?:are|do|did|would|can'?t|won'?t|don'?t|didn'?t|must|is it) you|\bwhat(?:'s| is) wrong with you"
    r"|\bwho do you think|\bwhat'?s your problem|\bhow dare you|\bwhere were you"
)


def _question_clauses(text: str) -> list[str]:
    starts = [0] + [
        m.end() for m in CLAUSE_BREAK.finditer(text) if asks_from(text, m.end(), invitations=False)
    ]
    return [
        text[a:b]
        for a, b in zip(starts, [*starts[1:], len(text)], strict=True)
        if text[a:b].strip()
    ]


# "Can you tell me...", "Can I ask...": what follows is the question really asked
_ASKS_FOR = re.compile(
    r"\b(?:(?:tell|give|send|show) (?:me|us)|(?:can|could|may) i (?:just )?(?:ask|check)(?: you)?)"
    r"(?: (?:roughly|exactly|quickly|first|again|please|just))?\s+"
)
# What they are asked to tell, in statement order, when it is a detail: a time, a count, a
# length, whose (not "where": "you tell me where it doesn't add up" asks for their view; not
# "who": "who it was that made you feel that way"; not "when" as "whenever": "tell me when I do
# it"; not "how much" about a feeling: "how much this has affected you")
_FACT_START = re.compile(
    r"(?:(?:roughly|exactly|just) )?(?:"
    r"which\b|whose\b|what (?:time|day|date|number|size|address|reference)s?\b"
    r"|how (?:many|long|often|old|far|soon|late|early)\b"
    r"|how much (?:time|money|notice|leave|pay|cash|rent)\b"
    r"|when (?:did|was|were|is|are|will|would|could|can|do|does)\b"
    r"|when (?:\w+ ){1,3}(?:was|were|did|happened|started|came|went|arrived|rang|called|left|got|last|first)\b)"
)
_A_DETAIL = re.compile(
    # (the detail named and done: not "your number one worry", "the times you felt ignored")
    r"(?:the|your|a) (?:\w+ )?(?:dates?|numbers?|references?|address(?:es)?|names?|sizes?|ids?|codes?)"
    r"(?=\s*(?:[?.,!]|$|(?:on|of|for|from|in|and|you|he|she|they|we|it|that|this|again)\b))"
    r"(?<!number one)"
    r"|(?:the|your|a) (?:\w+ )?times?(?=\s*(?:[?.,!]|$|(?:on|of|for|from|in|and|again)\b))"
    r"|size of\b"
)
# a feeling or its weight in what they are asked to tell: not a detail whatever its form
_FELT = re.compile(
    r"\b(?:felt|feel\w*|hurt\w*|affect\w*|matter\w*|mean(?:s|t)?|weigh\w*|worr\w*|upset\w*"
    r"|bother\w*|sting\w*|stung|hit (?:you|him|her|them)|like for you)\b"
)


def _embedded(text: str) -> Move | None:
    """What an invitation asks when its content is a question with a force of its own: a
    question of fact ("Can you tell me which box you ticked?", "Can I ask what time the venue
    told you?", "can you give me the dates you went in": closed) or about how it felt ("Can I
    ask which part stung most?": open); None otherwise ("Can you tell me what happened?")."""
    m = _ASKS_FOR.search(text)
    if not m:
        return None
    rest = text[m.end() :]
    if first(R.OPEN_OVERRIDE, rest):
        return Move.open_question
    if (_FACT_START.match(rest) or _A_DETAIL.match(rest)) and not _FELT.search(
        rest, 0, len(rest.split("?", 1)[0])
    ):
        return Move.closed_question
    return None


_OFFER = re.compile(
    r"\W*(?:(?:ok(?:ay)?|right|so|well|fine)[,.]?\s+)*(?:i|we)(?:'ll| will| can| could)\b"
    r"(?! (?:hear|see|tell|imagine|understand|sense|feel|get why)\b)"  # not "I can hear this...?"
)


_TAG_ON_THEIR_ACTION = re.compile(
    r"\W*(?:(?:but|and|well|look|ok(?:ay)?)[,.]?\s+)?(?:you|u) (?:(?:also|yourself|even|first|did) )?"
    r"(?:sent|gave|told|asked|said|signed|agreed|approved|chose|picked|wanted|made|put|took|handed"
    r"|emailed|forwarded|shared|passed)\b[^?]*,\s*(?:no|na|right|yeah|yes|eh|didn'?t you|did you not"
    r"|wasn'?t it|isn'?t that right|correct)\W*$"
    r"|\W*(?:(?:but|and|well|look)[,.]?\s+)?(?:you|u) (?:remember|recall) (?:saying|telling|agreeing|asking"
    r"|signing|choosing|wanting)\b"
)


def _question_kind(clause: str, ctx_stems: AbstractSet[str]) -> Move:
    if first(R.FIX_QUESTION, clause):
        return Move.quick_fix
    if first(R.SERVICE_CLOSE, clause):  # the script's way to end the call: not an opening
        return Move.closed_question
    if kind := _embedded(clause):
        return kind
    if first(R.OPENING_YES_NO, clause):
        return Move.open_question
    if re.search(
        r"\b(?:would|does|will|could|is) (?:that|this) (?:work|help|be (?:ok|okay|enough|a start|fair)|suit|feel right|sound (?:good|fair|like a plan)|make (?:a )?difference)\b"
        # an offer put to them: "I'll knock the call-out off, how's that?", "Is that ok?"
        r"|^\W*(?:(?:so|and|ok(?:ay)?|right)[,.]?\s+)?how(?:'s| is| does| about) (?:that|this)(?: sound| for you| for a start| then)?\W*$"
        r"|^\W*(?:(?:so|and|ok(?:ay)?|right)[,.]?\s+)?(?:is|would|will) (?:that|this) (?:be )?(?:ok|okay|alright|all right|fine|acceptable)(?: (?:with|for) you)?\W*$",
        clause,
    ):
        return Move.invite_collaboration
    if first(R.OPEN_OVERRIDE, clause):
        return Move.open_question
    if first(R.OPEN_WH, clause) and not first(R.FACT_QUESTION, clause):
        return Move.open_question
    if re.fullmatch(
        r"\W*(?:(?:sorry|ok(?:ay)?|wait|so|and)[,.]?\s+)?(?:why|how so|meaning|such as|like what|and then what|what happened)\W*|\W*and\W*",
        clause,
    ):
        return Move.open_question
    if first(R.FACT_QUESTION, clause) or R.CLOSED_START.match(clause):
        return Move.closed_question
    # A statement with a question mark: a reflection offered for correction is a check.
    if not _OFFER.match(clause) and (  # "I'll stick a free month on for you, how's that?"
        first(R.REFLECT_STEM, clause)
        or (SECOND_PERSON.search(clause) and content_stems(clause) & ctx_stems)
    ):
        return Move.check
    return Move.closed_question
