"""Move detection: which moves a reply makes, and the exact characters that make each one.

The reply is split into sentences; questions are classified (open, check, closed, leading,
a fix in disguise), statements are checked for reflections, ownership and defences, and the
reply as a whole for "yes, but". Context (what the other person just said) lets a paraphrase
count as a reflection even without a stock phrase like "it sounds like".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sparring.judge import rules as R
from sparring.judge.lexicon import ENGLISH_MARKERS, WORD_RE, content_stems
from sparring.moves import Move

MAX_CHARS = 20_000  # longer replies are judged on their first 20,000 characters

_TRANSLATE = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "´": "'"}
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A move and the span of the reply (character offsets) that triggered it."""

    move: Move
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # normalised (lower-case) text of the sentence
    question: bool


@dataclass
class Detection:
    hits: list[Hit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    english: bool = True

    @property
    def moves(self) -> set[Move]:
        return {h.move for h in self.hits}


def normalise(text: str) -> str:
    """Lower-case with straight quotes, keeping every character's offset."""
    out = []
    for ch in text.translate(_TRANSLATE):
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"')\]]*|\n|$)")
_WH_START = re.compile(
    r"^(?:(?:so|and|ok(?:ay)?|well|but|also|then|oh|right|yeah|hmm|just)[,.!]*\s+)*(?:what|how|why|who|where|when|which)\b(?! a\b| an\b)"
)
_INVERTED = re.compile(
    r"^(?:do|does|did|are|is|was|were|have|has|can|could|would|will|should) (?:you|it|that|this|they|he|she|we|i|there|anything|anyone)\b"
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
            # chat questions without a question mark: "what happened", "how are you holding up"
            words = text.split()
            question = (
                len(words) <= 14
                and bool(_WH_START.match(text) or _INVERTED.match(text))
                and not re.match(
                    r"^(?:how|what) (?:awful|terrible|sad|horrible|hard|difficult|great|nice|lovely|annoying|frustrating|a\b|an\b)",
                    text,
                )
            )
        out.append(Sentence(start, end, text, question))
    return out


_CLAUSE_BREAK = re.compile(
    r"[,;:]\s+|\s+-\s+|\s+(?:and|so|but|or)\s+(?=(?:what|how|why|do|does|did|is|are|was|were|can|could|would|will|have|has|should|tell|help)\b)"
)


def _question_clause(s: Sentence) -> tuple[int, str]:
    """The clause of a question sentence that asks (offset within the sentence, text)."""
    text = s.text
    best = 0
    for m in _CLAUSE_BREAK.finditer(text):
        rest = text[m.end() :]
        if (
            _WH_START.match(rest)
            or R.CLOSED_START.match(rest)
            or rest.startswith(("tell ", "help ", "is there", "anything"))
        ):
            best = m.end()
    return best, text[best:]


def _first(patterns: Iterable[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


class _Collector:
    def __init__(self) -> None:
        self.hits: list[Hit] = []

    def add(self, move: Move, start: int, end: int) -> None:
        self.hits.append(Hit(move, start, max(end, start + 1)))

    def has(self, move: Move, within: tuple[int, int] | None = None) -> bool:
        return any(
            h.move is move and (within is None or (h.start < within[1] and h.end > within[0]))
            for h in self.hits
        )

    def drop(self, moves: set[Move], within: tuple[int, int]) -> None:
        self.hits = [
            h
            for h in self.hits
            if not (h.move in moves and h.start >= within[0] and h.end <= within[1])
        ]


_LISTENING = {
    Move.reflect_content,
    Move.reflect_feeling,
    Move.own,
    Move.acknowledge,
    Move.appreciate,
}
_DEFENSIVE = {
    Move.justify,
    Move.deny,
    Move.counterattack,
    Move.blame,
    Move.minimise,
    Move.dismiss,
    Move.deflect,
    Move.sarcasm,
}
_ADVICE = re.compile(
    r"\b(?:you|u) (?:should|could|might|may|can|need to|have to|must|ought to|will|'ll|would|'d)\b|^(?:try|don'?t|do|make sure|remember|consider|maybe try|just|go|take|get|keep|stop|please)\b"
)
_NEGATED_FEEL = re.compile(
    r"\b(?:not|n't|never|hardly|no|nothing|isn'?t|wasn'?t)\b(?:\W+\w+){0,3}\W*$"
)
_SELF_EXPERIENCER = re.compile(
    r"\b(?:for|on|to) (?:me|us|all of us|everyone|everybody|myself)\b|\b(?:hard|difficult|tough) to (?:say|tell|know|believe|predict|see|judge|imagine|argue)\b"
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you'?re|youre|u|ur|yourself)\b")
_YES_BUT_LEFT = re.compile(
    r"\b(?:i (?:know|get|see|hear|understand|agree|appreciate|accept|respect|take your point)|you'?re right|you are right|true|fair|fair enough|ok(?:ay)?|sure|i'?m sorry|sorry|absolutely|of course|yes|yeah|i can see|point taken|i hear what you|that'?s (?:true|fair|valid|a fair point|understandable)|i understand)\b"
)
_BUT_OPEN = re.compile(
    r"^(?:i (?:want|would like|'d like|really want|also want|need) to (?:understand|hear|know|learn|get|make sure i|listen)|i(?:'m| am) (?:curious|wondering|not sure i (?:understand|get))|i wonder|i (?:also )?(?:hear|see) |what|how|why|tell me|help me|can you|could you|would you|is there|i should|i shouldn'?t|i could have|i was wrong|that'?s on me|it was my|i can (?:see|do better)|let'?s (?:work|figure|talk about what)|more importantly,? (?:what|how|i want))"
)
_FIRST_PERSON_CLAIM = re.compile(
    r"^(?:(?:yes|yeah|yep|true|ok(?:ay)?|right|honestly|look|well|you'?re right|you are right)[,.!]*\s+)*i (?:did|have|had|was|went|made|took|missed|cancel\w*|present\w*|promis\w*|forgot|left|said|sent|gave|told|broke|moved|changed|skipped|chose|picked|decided|announced|put|dropped|ignored|overlooked|\w+ed)\b"
)
_REFLECTIVE_FRAME = re.compile(
    r"^(?:(?:oh|ok(?:ay)?|right|yes|yeah|so|and so|well|i see|wow|hmm)[,.!]*\s+)*(?:so|and so|which means|meaning|sounds|seems|basically|in short|for you|your)\b"
    r"|\b(?:you|u)(?:'re| are| were| have| had|'ve| feel| felt| want| wanted| need| needed| did| didn'?t| don'?t| got| lost| said| told| asked| found| never| always| keep| kept| can'?t| couldn'?t| haven'?t| hadn'?t| weren'?t| aren'?t| just| really| still| put| gave| spent| worked| tried| trusted| expected| heard| learned| built| brought| missed| waited| saw| thought| believed)\b"
)
_NOT_REFLECTION = re.compile(
    r"^(?:if|when|i hope|hope|i wish|good ?bye|bye|take care|thank|thanks|have a|enjoy|congrat|good luck|best of luck|i think you should|maybe)\b"
)
_STEM_TAIL = re.compile(r"\w+(?:\W+\w+){1,}")


def _english(text: str) -> bool:
    words = WORD_RE.findall(text)
    letters = sum(ch.isalpha() for ch in text)
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    if letters and ascii_letters / letters < 0.6:
        return False
    if len(words) < 4:
        return True
    marked = sum(w in ENGLISH_MARKERS for w in words)
    return marked / len(words) >= 0.12


def detect(reply: str, context: str | None = None, *, understood: bool = False) -> Detection:
    """Find the moves in `reply`; `context` is what the other person said just before.
    `understood`: the other person's concerns are all out, so a proposal is a commitment,
    not a quick fix."""
    text = reply[:MAX_CHARS]
    low = normalise(text)
    result = Detection()
    if not low.strip():
        result.notes.append("No reply was given: silence reads as not engaging.")
        return result
    result.english = _english(low)
    if not result.english:
        result.notes.append(
            "This does not look like English; the offline judge reads English only, so its "
            "scores here are a low-confidence guess."
        )
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 12 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8:
        result.notes.append("Written in capitals, which reads as shouting.")
    if len(reply) > MAX_CHARS:
        result.notes.append(f"Only the first {MAX_CHARS:,} characters were judged.")

    ctx_stems = content_stems(context or "")
    ctx_numbers = set(re.findall(r"\b\d+\b", context or ""))
    ctx_names = {
        w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", context or "")
    }
    addressed = bool(_SECOND_PERSON.search(normalise(context or "")))
    col = _Collector()
    sents = sentences(low)

    for s in sents:
        _questions(s, col, ctx_stems)
        _statement_moves(s, col)
        if not s.question:
            _listening(s, col, ctx_stems, ctx_numbers, ctx_names, addressed)
        else:
            offset, _ = _question_clause(s)
            if offset:
                pre = Sentence(s.start, s.start + offset, s.text[:offset], False)
                _listening(pre, col, ctx_stems, ctx_numbers, ctx_names, addressed)

    _yes_but(low, col)
    _resolve(col, understood, low)
    result.hits = sorted(set(col.hits), key=lambda h: (h.start, h.end, h.move.value))
    return result


def _questions(s: Sentence, col: _Collector, ctx_stems: set[str]) -> None:
    text = s.text
    m = _first(R.INVITE_STATEMENT, text)
    if m and not _first(R.LEADING, text):
        col.add(Move.open_question, s.start + m.start(), s.end)
    if not s.question:
        return
    offset, clause = _question_clause(s)
    base = s.start + offset
    span = (base, s.end)
    if m := _first(R.CHECK, text):
        col.add(Move.check, s.start + m.start(), s.end)
        return
    if m := _first(R.LEADING, text):
        col.add(Move.leading_question, s.start + m.start(), s.end)
        if re.search(
            r"\bwhy (?:are|do|did|would|can'?t|won'?t|don'?t|didn'?t|must|is it) you|\bwhat(?:'s| is) wrong with you|\bwho do you think|\bwhat'?s your problem|\bhow dare you|\bwhere were you",
            text,
        ):
            col.add(Move.counterattack, s.start + m.start(), s.end)
        return
    if m := _first(R.FIX_QUESTION, clause):
        col.add(Move.quick_fix, base + m.start(), s.end)
        return
    if _first(R.OPENING_YES_NO, clause):
        col.add(Move.open_question, *span)
        return
    if re.search(
        r"\b(?:would|does|will|could|is) (?:that|this) (?:work|help|be (?:ok|okay|enough|a start|fair)|suit|feel right|sound (?:good|fair|like a plan)|make (?:a )?difference)\b",
        clause,
    ):
        col.add(Move.closed_question, *span)
        col.add(Move.invite_collaboration, *span)
        return
    if _first(R.FACT_QUESTION, clause):
        col.add(Move.closed_question, *span)
        return
    if _first(R.OPEN_WH, clause) or re.fullmatch(
        r"\W*(?:why|how so|meaning|such as|like what|and then what|what happened|and)\W*", clause
    ):
        col.add(Move.open_question, *span)
        return
    if R.CLOSED_START.match(clause):
        col.add(Move.closed_question, *span)
        return
    # A statement with a question mark: a reflection offered for correction is a check.
    if _SECOND_PERSON.search(clause) and len(content_stems(clause) & ctx_stems) >= 1:
        col.add(Move.check, *span)
    else:
        col.add(Move.closed_question, *span)


def _statement_moves(s: Sentence, col: _Collector) -> None:
    text = s.text
    for move, patterns in R.ALL_RULES.items():
        if s.question and move in {Move.justify, Move.minimise, Move.own, Move.appreciate}:
            continue
        for p in patterns:
            for m in p.finditer(text):
                start, end = s.start + m.start(), s.start + m.end()
                if move is Move.justify and _reflective_because(text, m.start()):
                    continue
                col.add(move, start, max(end, min(s.end, start + 12)))


def _reflective_because(text: str, at: int) -> bool:
    """'You're upset because...' explains their feeling, not our actions; 'because I want to
    understand' explains curiosity."""
    before = text[:at]
    if re.search(
        r"\b(?:you(?:'re| are|re)?|sounds like|seems like|feel|felt)\b[^.]*$", before
    ) and not re.search(r"\b(?:i|we)\b", text[: at + 3]):
        return True
    return bool(
        re.search(
            r"\bbecause (?:i|we) (?:want|care|need to understand|value|respect|'d like|would like)\b",
            text[at:],
        )
    )


def _listening(
    s: Sentence, col: _Collector, ctx: set[str], numbers: set[str], names: set[str], addressed: bool
) -> None:
    text = s.text
    span = (s.start, s.end)
    found_reflection = False
    for p in R.REFLECT_FEELING:
        for m in p.finditer(text):
            if _NEGATED_FEEL.search(
                text[: m.end() - len(m.group().split()[-1])]
            ) and not m.group().startswith(("no wonder", "of course")):
                continue
            if _SELF_EXPERIENCER.search(text[m.start() :]) and not _SECOND_PERSON.search(m.group()):
                continue
            if col.has(Move.dismiss, span) or col.has(Move.minimise, span):
                continue
            col.add(Move.reflect_feeling, s.start + m.start(), s.start + m.end())
            found_reflection = True
    for p in R.REFLECT_STEM:
        m = p.search(text)
        if (
            m
            and _STEM_TAIL.match(text[m.end() :].strip() or "-")
            and not _ADVICE.search(text[m.end() : m.end() + 40])
        ):
            col.add(Move.reflect_content, s.start + m.start(), s.end)
            found_reflection = True
            break
    overlap = content_stems(text) & ctx
    specific = overlap & (numbers | names) or {w for w in overlap if len(w) >= 7}
    if (
        not found_reflection
        and ctx
        and (len(overlap) >= 2 or (specific and len(overlap) >= 1))
        and not any(col.has(mv, span) for mv in _DEFENSIVE | {Move.quick_fix, Move.capitulate})
    ):
        if _FIRST_PERSON_CLAIM.match(text):
            if addressed and not re.search(r"\b(?:too|as well|also|myself|either)\b", text):
                col.add(Move.own, *span)
        elif (
            _REFLECTIVE_FRAME.search(text)
            and not _ADVICE.search(text)
            and not _NOT_REFLECTION.match(text)
        ):
            col.add(Move.reflect_content, *span)
    for move, patterns in ((Move.acknowledge, R.GENERIC_ACK),):
        for p in patterns:
            if m := p.search(text):
                col.add(move, s.start + m.start(), s.start + m.end())
                break


_POSITION = re.compile(
    r"^(?:(?:honestly|frankly|really|look|well)[,]?\s+)?(?:i|we|it|this|that|there|the|our|my|they|he|she|those|these|nothing|everyone|everybody|nobody|no one|things|business|in fact|actually|to be fair|at the end of the day|the reality|facts|numbers|you (?:have to|need to|must|also|too|were|are|'re|did|didn'?t|don'?t|never|always|should have|could have|can'?t expect|know))\b"
)


def _yes_but(low: str, col: _Collector) -> None:
    for m in R.YES_BUT_CONNECTIVE.finditer(low):
        left_start = max(0, low.rfind(".", 0, max(0, low.rfind(".", 0, m.start()))) + 1)
        left = low[left_start : m.start() + 1]
        right = low[m.end() :]
        right_clause = re.split(r"[.!?\n]", right, maxsplit=1)[0].strip()
        if not right_clause or _BUT_OPEN.match(right_clause) or right_clause.endswith("?"):
            continue
        right_span = (m.end(), m.end() + len(right_clause))
        defended = any(col.has(mv, right_span) for mv in _DEFENSIVE) or bool(
            _POSITION.match(right_clause)
        )
        if not defended or _ADVICE.match(right_clause):
            continue
        ack = None
        for a in _YES_BUT_LEFT.finditer(left):
            ack = a
        listening_before = [
            h for h in col.hits if h.move in _LISTENING and left_start <= h.start < m.start()
        ]
        if ack is None and not listening_before:
            continue
        starts = [h.start for h in listening_before]
        if ack is not None:
            starts.append(left_start + ack.start())
        start = min(starts)
        col.add(Move.yes_but, start, m.end() + min(len(right_clause), 60))
        col.drop(_LISTENING, (start, m.start() + 1))


def _resolve(col: _Collector, understood: bool, low: str) -> None:
    hits = col.hits
    owns = [h for h in hits if h.move is Move.own]
    # An admission beats a denial on the same words ("I didn't call you back").
    hits = [
        h
        for h in hits
        if not (
            h.move is Move.deny
            and any(o.start <= h.start < o.end or h.start <= o.start < h.end for o in owns)
        )
    ]
    caps = [h for h in hits if h.move is Move.capitulate]
    hits = [
        h
        for h in hits
        if not (
            h.move is Move.quick_fix
            and any(c.start <= h.start < c.end or h.start <= c.start < h.end for c in caps)
        )
    ]
    # A generic acknowledgement inside a real reflection is part of that reflection.
    strong = [h for h in hits if h.move in {Move.reflect_content, Move.reflect_feeling, Move.own}]
    hits = [
        h
        for h in hits
        if not (h.move is Move.acknowledge and any(s.start <= h.start < s.end for s in strong))
    ]
    if understood:
        hits = [Hit(Move.commit, h.start, h.end) if h.move is Move.quick_fix else h for h in hits]
    col.hits = hits
