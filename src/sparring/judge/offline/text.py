"""Text handling for the judge: normalising, sentences and clauses (the language check is
language.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sparring.judge.offline import rules as R
from sparring.judge.offline.cues import INVITE_START

MAX_CHARS = 20_000  # longer replies are judged on their first 20,000 characters


_TRANSLATE = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "´": "'"}
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # normalised (lower-case) text of the sentence
    question: bool


def normalise(text: str) -> str:
    """Lower-case with straight quotes, keeping every character's offset."""
    low = text.translate(_TRANSLATE).lower()
    if len(low) == len(text):
        return low
    # a few characters change length when lower-cased ("İ"): keep those as they are
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text.translate(_TRANSLATE))


_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"')\]]*|\n|$)")


# (at most eight words of preamble: a bound keeps a reply of "ok, ok, ok, ..." linear)
_PREAMBLE = (
    r"^(?:(?:so|and|ok(?:ay)?|well|but|also|then|oh|right|yeah|hmm|just|first|now)[,.!]*\s+){0,8}"
)
WH_START = re.compile(_PREAMBLE + r"(?:what|how|why|who|where|when|which)\b(?! a\b| an\b)")


_INVERTED = re.compile(
    r"^(?:do|does|did|are|is|was|were|have|has|can|could|would|will|should) (?:you|it|that|this|they|he|she|we|i|there|anything|anyone"
    r"|people|everyone|everybody|folks?|(?:the|your|ur) (?:team|lads|girls|staff|crew|reps|members|kids|family))\b"
)


def sentences(low: str) -> list[Sentence]:
    out = []
    for m in _SENTENCE.finditer(low):
        raw = m.group()
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        start, end = m.start() + lead, m.start() + len(raw.rstrip())
        text = low[start:end]
        stripped = text.rstrip("\"')] ")
        question = stripped.endswith("?")
        if not question and not stripped.endswith((".", "!")):
            question = _unmarked_question(text)
        elif not question and stripped.endswith(".") and not stripped.endswith(".."):
            question = _question_with_a_full_stop(text)
        out.append(Sentence(start, end, text, question))
    return out


# "how awful", "what a mess": exclamations; "what you said hurt": a clause, not a question
_NOT_ASKING = re.compile(
    r"^(?:how|what) (?:awful|terrible|sad|horrible|hard|difficult|great|nice|lovely|annoying|"
    r"frustrating|a\b|an\b)|^(?:what|how) (?:i|you|we|they|he|she)(?:'m|'re)? (?:mean|meant|"
    r"said|say|saying|want|wanted|need|needed|did|do|think|thought|feel|felt|told)\b"
    # "when helen asked who built it i dodged it": a time clause, not a question
    r"|^when (?!(?:did|do|does|was|were|is|are|will|would|can|could|should|have|has|had|works?|suits?)\b|'s\b)"
)


# "how do u feel about working with jess now.", "what did you think it would mean for you.":
# a question word, then a verb, then "you" (not "when I found out, I was angry.", "what did
# it for me was the timing.", "how do i put this.": asked of them, or not a question at all)
_ASKS_WITH_A_FULL_STOP = re.compile(
    _PREAMBLE
    + r"(?:(?:what|how|why|where|which)(?: (?:do|did|are|were|have|can|could|would|will|should)"
    r"(?:n't)?) (?:you|u)\b(?![^.]*\b(?:is|was) (?:the|a|my|up to|down to|me|what|why)\b)"
    # "what can we do to fix this.", "what could i have done differently."
    r"|(?:what|how) (?:can|could|should|would) (?:i|we) (?:do|have done|change|fix|make|help)\b"
    r"|what (?:needs|has) to (?:change|happen)\b|what would (?:help|it take)\b"
    # "what would it look like if it was done right.", "what does good look like for you."
    r"|what (?:would|does|should|could) (?:it|that|this|good|right|better|success|fair)"
    r" (?:look like|need|mean to you)\b"
    # "hows the team doing, really."
    r"|how(?:'s|s| is| are) (?:(?:the|your|ur) )?\w+ (?:doing|holding up|getting on|coping)\b)"
)


def _question_with_a_full_stop(text: str) -> bool:
    """A question typed with a full stop, as on a phone: it (or its last clause) starts with a
    question word and an inverted verb."""
    if len(text.split()) > 25:
        return False
    if _ASKS_WITH_A_FULL_STOP.match(text):
        return True
    return bool(_ASKS_WITH_A_FULL_STOP.match(CLAUSE_BREAK.split(text)[-1]))


# a question tag closing a statement typed without its question mark
_TAG = re.compile(
    r"(,)?\s*\b(?:(?:is|was|are|were|do|does|did|have|has|can|will|would|could)(n't)? "
    r"(?:it|that|they|you|he|she|we|there)|right|innit)\s*$"
)
_NEGATIVE = re.compile(r"\b(?:not|never|no)\b|n't\b")
_ABOUT_YOU = re.compile(r"(?:(?:so|and|but|well|ok)[,.]? )?(?:you|u|your|ur)\b")


def _tagged(text: str) -> bool:
    """A statement closed by a question tag: after a comma, or of the opposite polarity ("it's
    not fair, is it", "i dont think its the title is it", "that's what you want isnt it"; not
    "i said i would and i did it")."""
    tail = len(text) - 40  # a tag is a few words at the end: read only there (linear)
    tag = _TAG.search(text, max(0, tail))
    if tag is None:
        return False
    if tag.group().strip(" ,") in {"right", "innit"}:
        return bool(tag.group(1))  # "u found out from the board, right": a check
    if _ABOUT_YOU.match(text):  # "you signed the sla, didnt you": an accusation, read as one
        return False
    if tag.group(1):
        return True
    return bool(tag.group(2)) != bool(_NEGATIVE.search(text, 0, tag.start()))


def _unmarked_question(text: str) -> bool:
    """A chat question typed without a question mark: "what happened", "how are you holding
    up", "fair enough, what happened with halvorsen", "what's been worst for you in this, the
    email or that it was me". It starts with a question word or an inverted verb, or its last
    clause does."""
    words = text.split()

    def asks(clause: str) -> bool:
        return bool(WH_START.match(clause) or _INVERTED.match(clause)) and not _NOT_ASKING.match(
            clause
        )

    if len(words) <= 25 and (asks(text) or _IF_THEN_ASKS.match(text)):
        return True
    if len(words) >= 4 and _tagged(text):  # "i dont think its just the title is it"
        return True
    breaks = list(CLAUSE_BREAK.finditer(text))
    last = text[breaks[-1].end() :] if breaks else text
    if last == text or len(last.split()) > 14 or not asks(last):
        return False
    # "give me 5 mins to find out who was on and why nobody called you": a clause joined by
    # "and" or "or" goes on the question I will find the answer to, not one put to them
    joined = breaks[-1].group().strip() in {"and", "or"}
    before = text[breaks[-2].end() if len(breaks) > 1 else 0 : breaks[-1].start()]
    return not (joined and _EMBEDS.search(before[-_START_WINDOW:]))


# "if it was ur call what would u cut", "when u found out how did it feel": a hypothetical or
# a time, then the question
_IF_THEN_ASKS = re.compile(
    r"^(?:if|when)\b[^.?!]{0,80}?\b(?:what|how|which|where|why) (?:would|could|should|do|will|did"
    r"|does|was|were|is|are|has|have) (?:you|u|it|that|this)\b"
    r"|^when (?:you|u|he|she|they) (?:say|said|says)\b[^.?!]{0,80}?\b(?:do|does|did|was|were|is|are) (?:you|u|he|she|they|that|it)\b"
)


# a question word that starts a clause I will find the answer to, not one I ask
_EMBEDS = re.compile(
    r"\b(?:find|found|work|figure|sort) out (?:who|why|what|how|where|when|which|whether|if)\b"
    r"|\b(?:check|look into|ask(?: them| him| her)?) (?:who|why|what|how|where|when|which|whether)\b"
)


# (a break starts where a run of spaces starts: one attempt per run, not one per space, so a
# reply of 20,000 spaces is read in linear time)
CLAUSE_BREAK = re.compile(
    r"[,;:]\s+|(?<!\s)\s+-\s+|(?<!\s)\s+(?:and|so|but|or)\s+(?=(?:what|how|why|do|does|did|is|are|was|were|can|could|would|will|have|has|should|tell|help)\b)"
)
# How much of a clause the question-start patterns need to see (they are bounded).
_START_WINDOW = 300


def asks_from(text: str, at: int, *, invitations: bool = True) -> bool:
    """Whether a question (or, with `invitations`, "tell me...", "is there...") starts at `at`
    (read through a bounded window, so that checking after every clause break stays linear)."""
    rest = text[at : at + _START_WINDOW]
    return bool(
        WH_START.match(rest)
        or R.CLOSED_START.match(rest)
        or (invitations and rest.startswith(("tell ", "help ", "is there", "anything")))
    )


def question_clause(s: Sentence) -> tuple[int, str]:
    """The clause of a question sentence that asks (offset within the sentence, text)."""
    text = s.text
    best = 0
    for m in CLAUSE_BREAK.finditer(text):
        if asks_from(text, m.end()):
            best = m.end()
    return best, text[best:]


def preamble_end(s: Sentence) -> int:
    """Where the asking starts in a question sentence ('I'm sorry to hear that, could you...')."""
    if WH_START.match(s.text) or R.CLOSED_START.match(s.text) or INVITE_START.match(s.text):
        return 0
    for m in CLAUSE_BREAK.finditer(s.text):
        if asks_from(s.text, m.end()):
            return m.start()
    return 0


def first(patterns: R.RuleList, text: str) -> re.Match[str] | None:
    """The first rule in `patterns` that matches `text` (prefiltered)."""
    for p in patterns.candidates(text):
        m = p.search(text)
        if m:
            return m
    return None
