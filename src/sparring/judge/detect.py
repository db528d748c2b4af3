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


def _preamble_end(s: Sentence) -> int:
    """Where the asking starts in a question sentence ('I'm sorry to hear that, could you...')."""
    if _WH_START.match(s.text) or R.CLOSED_START.match(s.text) or _INVITE_START.match(s.text):
        return 0
    for m in _CLAUSE_BREAK.finditer(s.text):
        rest = s.text[m.end() :]
        if _WH_START.match(rest) or R.CLOSED_START.match(rest) or rest.startswith(("tell ", "help ", "is there", "anything")):
            return m.start()
    return 0


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
    r"\b(?:you|u) (?:should|could|can|need to|have to|ought to|might want to|may want to|must|will|'ll) (?:(?:just|maybe|also|always|really|definitely|still) )?"
    r"(?:try|talk|go|get|consider|ask|look|do|make|take|speak|call|contact|reach|find|join|write|tell|think about|check|start|stop|use|see|keep|let|put|give|focus|remember|be|come|book|email|ring|pop|drop|send|phone|visit|apply|raise)\b"
    r"|^(?:try|don'?t|do|make sure|remember|consider|maybe try|just|go|take|get|keep|stop|please)\b"
)
_NEGATED_FEEL = re.compile(
    r"\b(?:not|n't|never|hardly|no|nothing|isn'?t|wasn'?t)\b(?:\W+\w+){0,3}\W*$"
)
_SELF_EXPERIENCER = re.compile(
    r"\b(?:for|on|to) (?:me|us|all of us|everyone|everybody|myself)\b|\b(?:hard|difficult|tough) to (?:say|tell|know|believe|predict|see|judge|imagine|argue)\b"
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you'?re|youre|u|ur|yourself)\b")
_YES_BUT_LEFT = re.compile(
    r"\b(?:i (?:know|get|see|hear|understand|agree|appreciate|accept|respect|take your point)|that'?s clear|granted|admittedly|no doubt|you'?re right|you are right|true|fair|fair enough|ok(?:ay)?|sure|i'?m sorry|sorry|absolutely|of course|yes|yeah|i can see|point taken|i hear what you|that'?s (?:true|fair|valid|a fair point|understandable)|i understand)\b"
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
_INVITE_START = re.compile(r"^(?:(?:so|and|ok(?:ay)?|well|but|now|please|go on|right)[,.!]*\s+)*(?:tell me|help me|walk me|talk me|say more|i'?d (?:really )?(?:like|love) to (?:hear|know|understand)|i want to (?:hear|know|understand))\b")
_FIRST_PERSON_SUBJECT = re.compile(r"^(?:(?:\w+)[,.]?\s+){0,2}(?:i|i'm|im|i've|i'd|i'll|we|we're|we've)\b(?! (?:hear|understand|get|see|know|can see|can tell|can imagine|imagine|guess|bet|suspect|'m guessing|am guessing)\b)")
_GENERALISED = re.compile(r"^(?:(?:\w+)[,.]?\s+)?(?:everyone|everybody|nobody|no one|people|all (?:the|of)|most|loads of|lots of|plenty of|it'?s the same)\b")
_EMPTY_TAIL = re.compile(r"^\s*(?:that way|like that|this way|so|it|that)\s*[.!,]*\s*(?:about \w+)?[.!]*$")
_FEELING_FRAME = re.compile(r"\b(?:you|your)\b")
_CLAUSE_SPLIT = re.compile(r"\s+[-–—]\s+|[,;:]\s+|\.\s*")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|we|we're|we've|my|our|me|us)\b")
_SELF_DISCLOSURE = re.compile(r"\b(?:too|as well|also|myself|either|in my (?:experience|life)|when i was)\b")
_QUOTED = re.compile(r"(?<![\w'])['\"]([a-z][^'\"]{2,60}?)['\"](?![\w])")
_NOT_REFLECTION = re.compile(
    r"^(?:if|when|i hope|hope|i wish|good ?bye|bye|take care|thank|thanks|have a|enjoy|congrat|good luck|best of luck|i think you should|maybe)\b"
)
_STEM_TAIL = re.compile(r"\W*\w+(?:\W+\w+){1,}")


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
    ctx_low = normalise(context or "")
    addressed = bool(_SECOND_PERSON.search(ctx_low))
    col = _Collector()
    sents = sentences(low)

    for s in sents:
        _questions(s, col, ctx_stems)
        _statement_moves(s, col)
        if not s.question:
            _listening(s, col, ctx_stems, ctx_numbers, ctx_names, addressed, ctx_low)
        else:
            offset = _preamble_end(s)
            if offset:
                pre = Sentence(s.start, s.start + offset, s.text[:offset], False)
                _listening(pre, col, ctx_stems, ctx_numbers, ctx_names, addressed, ctx_low)

    _untied_feelings(sents, col, ctx_stems)
    _upgrade_bare_agreement(sents, col, ctx_stems)
    if ctx_stems:
        _structural_defence(sents, col, ctx_stems, ctx_low)
        if _COMPLAINT.search(ctx_low):
            _unheard_assertion(sents, col, ctx_stems)
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
    if m := _first(R.CHECK, text):
        col.add(Move.check, s.start + m.start(), s.end)
        return
    if m := _first(R.LEADING, text):
        col.add(Move.leading_question, s.start + m.start(), s.end)
        # a leading or rhetorical question argues our side in question form
        col.add(Move.justify, s.start + m.start(), s.end)
        if _ACCUSING.search(text):
            col.add(Move.counterattack, s.start + m.start(), s.end)
        return
    # A sentence may hold several questions ("What happened - did anyone call?"): the most
    # inviting one decides.
    kinds = [_question_kind(clause, ctx_stems) for clause in _question_clauses(text)]
    for kind in (Move.open_question, Move.check, Move.quick_fix, Move.invite_collaboration, Move.closed_question):
        if kind in kinds:
            offset, _ = _question_clause(s)
            if kind is Move.invite_collaboration:
                col.add(Move.closed_question, s.start + offset, s.end)
            col.add(kind, s.start + offset if kind is not Move.open_question else s.start, s.end)
            return


_ACCUSING = re.compile(
    r"\bwhy (?:are|do|did|would|can'?t|won'?t|don'?t|didn'?t|must|is it) you|\bwhat(?:'s| is) wrong with you"
    r"|\bwho do you think|\bwhat'?s your problem|\bhow dare you|\bwhere were you"
)


def _question_clauses(text: str) -> list[str]:
    starts = [0] + [
        m.end()
        for m in _CLAUSE_BREAK.finditer(text)
        if _WH_START.match(text[m.end() :]) or R.CLOSED_START.match(text[m.end() :])
    ]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True) if text[a:b].strip()]


def _question_kind(clause: str, ctx_stems: set[str]) -> Move:
    if _first(R.FIX_QUESTION, clause):
        return Move.quick_fix
    if _first(R.OPENING_YES_NO, clause):
        return Move.open_question
    if re.search(
        r"\b(?:would|does|will|could|is) (?:that|this) (?:work|help|be (?:ok|okay|enough|a start|fair)|suit|feel right|sound (?:good|fair|like a plan)|make (?:a )?difference)\b",
        clause,
    ):
        return Move.invite_collaboration
    if _first(R.OPEN_WH, clause) and not _first(R.FACT_QUESTION, clause):
        return Move.open_question
    if re.fullmatch(r"\W*(?:why|how so|meaning|such as|like what|and then what|what happened|and)\W*", clause):
        return Move.open_question
    if _first(R.FACT_QUESTION, clause) or R.CLOSED_START.match(clause):
        return Move.closed_question
    # A statement with a question mark: a reflection offered for correction is a check.
    if _SECOND_PERSON.search(clause) and content_stems(clause) & ctx_stems:
        return Move.check
    return Move.closed_question


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
    s: Sentence,
    col: _Collector,
    ctx: set[str],
    numbers: set[str],
    names: set[str],
    addressed: bool,
    ctx_text: str = "",
) -> None:
    text = s.text
    span = (s.start, s.end)
    invitation = bool(_INVITE_START.match(text))
    negated = bool(_NEGATION.search(text))
    first_person = bool(_FIRST_PERSON_SUBJECT.search(text))
    found_reflection = False
    for p in R.REFLECT_FEELING:
        for m in p.finditer(text):
            if _NEGATED_FEEL.search(
                text[: m.end() - len(m.group().split()[-1])]
            ) and not m.group().startswith(("no wonder", "of course")):
                continue
            if _SELF_EXPERIENCER.search(text[m.start() :]) and not _SECOND_PERSON.search(m.group()):
                continue
            if not _SECOND_PERSON.search(text) and not re.match(
                r"(?:that|this|which|all this|all that|everything|it|i'?d|i would|no wonder|of course|how|what a)\b", m.group()
            ) and not _FEELING_FRAME.search(text):
                continue  # someone else's feelings ("he was tired") are not a reflection
            if col.has(Move.dismiss, span) or col.has(Move.minimise, span) or invitation:
                continue
            col.add(Move.reflect_feeling, s.start + m.start(), s.start + m.end())
            found_reflection = True
    if not invitation:
        for p in R.REFLECT_STEM:
            m = p.search(text)
            if (
                m
                and _STEM_TAIL.match(text[m.end() :].strip() or "-")
                and not _EMPTY_TAIL.match(text[m.end() :])
                and not _ADVICE.search(text[m.end() : m.end() + 40])
            ):
                col.add(Move.reflect_content, s.start + m.start(), s.end)
                found_reflection = True
                break
    overlap = {w for w in content_stems(text) & ctx if len(w) >= 3 or w in numbers}
    specific = overlap & (numbers | names) or {w for w in overlap if len(w) >= 7}
    framed = bool(_REFLECTIVE_FRAME.search(text) or _SECOND_PERSON.search(text))
    blocked = any(col.has(mv, span) for mv in _DEFENSIVE) or invitation
    # An echo that contradicts ("He's not hiding anything") or speaks for ourselves ("I do
    # care") is not a paraphrase of them.
    echoes_their_negation = negated and bool(_context_negations(ctx_text) & _negations(text))
    contradicts = (
        negated
        and not _REFLECTIVE_FRAME.search(text)
        and not echoes_their_negation
        and not (_SECOND_PERSON.search(text) and len(overlap) >= 3)
    ) or bool(_GENERALISED.match(text))
    if not found_reflection and ctx and overlap and not blocked:
        if _FIRST_PERSON_CLAIM.match(text):
            if addressed and (specific or len(overlap) >= 2) and not _SELF_DISCLOSURE.search(text):
                col.add(Move.own, *span)
        elif (
            not contradicts
            and not first_person
            and not _ADVICE.search(text)
            and not _NOT_REFLECTION.match(text)
            and (len(overlap) >= 3 or (framed and (len(overlap) >= 2 or specific)))
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
            and not _NOT_REFLECTION.match(clause)
        ):
            col.add(Move.reflect_content, s.start, s.start + len(clause))
            found_reflection = True
    if not found_reflection and not blocked:
        for quoted in _QUOTED.finditer(text):
            if content_stems(quoted.group(1)) & ctx:
                col.add(Move.reflect_content, s.start + quoted.start(), s.end)
                found_reflection = True
                break
    for p in R.GENERIC_ACK:
        if m := p.search(text):
            col.add(Move.acknowledge, s.start + m.start(), s.start + m.end())
            break


_NEGATION = re.compile(r"\b(?:not|n't|never|nobody|no one|nothing|none)\b|\b\w+n't\b")
_REASSURANCE = re.compile(
    r"\b(?:not|isn'?t|wasn'?t) (?:your fault|on you|wrong|alone|nothing|unreasonable|silly|stupid|crazy|overreacting)\b"
    r"|\byou(?:'re| are)? not (?:wrong|alone|imagining|being unreasonable|crazy|the only)\b"
    r"|\b(?:you )?(?:don'?t|do not) (?:have to|need to) (?:apologi|explain|justify|worry)"
    r"|\bnot (?:good enough|ok|okay|acceptable|right|fair)\b(?=.*\b(?:i|we|my|our)\b)"
    r"|\bshouldn'?t have\b|\bnever (?:should|meant)\b"
)
_DENIAL_SUBJECT = re.compile(
    r"\b(?:i|we|it|that|this|he|she|they|there|nobody|no one|nothing|the \w+)\b(?:'s|'re|'m)?[^.?!,]*?\b(?:not|n't|never)\b|\b\w+n't\b|\b(?:nobody|no one|nothing) \w+"
)
_CONTRAST = re.compile(r",\s*(?:and )?not (?:the|a|an|just|only|about|because)\b|\bnot (?:just|only)\b.*\bbut\b")
_YOU_ACTION = re.compile(
    r"^(?:(?:well|look|honestly|and|but)[,]?\s+)?(?:you|your \w+) (?:(?:also|just|yourself|never|always|even|then|first|actually|only|still) )?"
    r"(?:chose|decided|went|left|signed|agreed|came|missed|forgot|ignored|sent|took|made|said|told|asked|started|stopped|refused|skipped|complained|posted|emailed|rang|called|booked|picked|never|didn'?t (?!get|have|receive|hear|know|deserve)|haven'?t (?!been|had|got|heard)|weren'?t|wasn'?t|won'?t|wouldn'?t)\b"
)
_SELF_ACCOUNT = re.compile(
    r"^(?:(?:well|look|honestly|and|but|listen)[,]?\s+)?(?:i|we)(?:'ve| have)? (?:(?:always|already|also|just|only|still|even|actually) )?"
    r"(?:send|sent|pay|paid|live|lived|work|worked|do|did|pick|picked|gave|give|made|make|tried|try|followed|follow|told|said|offered|checked|check|put|spent|spend|run|ran|cover|covered|handle|handled|visit|visited|call|called|answer|answered|mark|marked|read|treat|treated|keep|kept|had|have|was|were|am|are|'m|'re)\b"
)
_SELF_ACCOUNT_OK = re.compile(
    r"^(?:i|we)(?:'ve| have)? (?:(?:just|also) )?(?:am|'m|are|'re|was|were) (?:so |really |truly |very )?(?:sorry|glad|grateful|listening|here|not going anywhere|wrong|at fault|late|responsible|to blame)\b"
)
_ECHO_QUESTION = re.compile(r"^\W*(?:\w+\W+){0,2}\w+\s*\?+$")


def _upgrade_bare_agreement(sents: list[Sentence], col: _Collector, ctx: set[str]) -> None:
    """'You're right.' followed by the specific thing they are right about is ownership."""
    for i, s in enumerate(sents[:-1]):
        bare = re.fullmatch(
            r"(?:yes,? )?(?:you'?re|you are|ur) (?:absolutely |completely |totally |so )?right[.!]*",
            s.text.strip(),
        )
        if bare:
            nxt = sents[i + 1]
            span = (nxt.start, nxt.end)
            if content_stems(nxt.text) & ctx and not any(col.has(mv, span) for mv in _DEFENSIVE):
                col.add(Move.own, s.start, nxt.end)


def _negations(text: str) -> set[str]:
    return {m.group().replace("'", "") for m in _NEGATION.finditer(text)}


def _context_negations(ctx_text: str) -> set[str]:
    found = _negations(ctx_text)
    # "nobody rang" and "no one called" say the same thing
    if found & {"nobody", "no one", "none"}:
        found |= {"nobody", "no one", "none"}
    if found & {"not", "never"} or any(w.endswith("nt") for w in found):
        found |= {"not", "never"} | {w for w in found if w.endswith("nt")}
    return found


_COMPLAINT = re.compile(
    r"(?=.*\b(?:you|your|you'?re|youre|u|ur|nobody|no one|never|management|they)\b)"
    r"(?=.*(?:\b(?:not|n'?t|never|nobody|no one|nothing|only|again|even|just|still|every|always|twice|three|four|five|why|what|how)\b|[!?]))",
    re.DOTALL,
)
_FORMULA = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|thank|thanks|cheers|understand|hear you|i know|i see|fair|point taken|noted|my bad|star|brilliant|amazing|appreciate|please|lol|haha)\b"
)


def _unheard_assertion(sents: list[Sentence], col: _Collector, ctx: set[str]) -> None:
    """In reply to a complaint, a statement that neither hears, asks, owns nor offers
    anything asserts our side of it: a defence even without a stock phrase."""
    engaged = {h.move for h in col.hits} - {Move.acknowledge}
    if engaged:
        return
    for s in sents:
        text = s.text.strip()
        words = text.split()
        if s.question or len(words) < 3 or _FORMULA.search(text) or _ADVICE.search(text):
            continue
        if len(content_stems(text)) < 2:
            continue
        move = Move.deny if _NEGATION.search(text) else Move.justify
        col.add(move, s.start, s.end)
        return


def _structural_defence(sents: list[Sentence], col: _Collector, ctx: set[str], ctx_text: str = "") -> None:
    """Defences written without stock phrases: a denial of their words, a new accusation
    about them, or an account of one's own side with nothing heard or asked."""
    hears = any(h.move in _LISTENING - {Move.acknowledge} or h.move in {Move.open_question, Move.check} for h in col.hits)
    for i, s in enumerate(sents):
        span = (s.start, s.end)
        text = s.text.strip()
        if any(col.has(mv, span) for mv in _DEFENSIVE | _LISTENING - {Move.acknowledge} | {Move.name_own_reaction, Move.quick_fix, Move.commit, Move.capitulate, Move.invite_collaboration}):
            continue
        stems = content_stems(text)
        overlap = {w for w in stems & ctx if len(w) > 3}
        if s.question:
            follows = i + 1 < len(sents) and not sents[i + 1].question
            if _ECHO_QUESTION.match(text) and overlap and follows:
                col.add(Move.deny, s.start, s.end)
            continue
        if (
            overlap
            and _DENIAL_SUBJECT.search(text)
            and not (_negations(text) & _context_negations(ctx_text))
            and not _REFLECTIVE_FRAME.search(text)
            and not re.search(r"\bmust(?:'ve| have)? (?:been|felt|feel|be)\b", text)
            and not _SECOND_PERSON.search(text)
            and not _CONTRAST.search(text)
            and not _REASSURANCE.search(text)
            and not re.search(r"\b(?:sorry|apologi[sz]e|apologies)\b", text)
        ):
            col.add(Move.deny, s.start, s.end)
        elif not overlap and _YOU_ACTION.match(text) and not _FEELING_HINT.search(text):
            col.add(Move.counterattack, s.start, s.end)
        elif not hears and _SELF_ACCOUNT.match(text) and not _SELF_ACCOUNT_OK.match(text):
            col.add(Move.justify, s.start, s.end)


_FEELING_HINT = re.compile(r"\b(?:feel|felt|feeling|must|sounds|seems|upset|angry|hurt|frustrat\w*|worried|scared|right)\b")


_POSITION = re.compile(
    r"^(?:(?:honestly|frankly|really|look|well)[,]?\s+)?(?:i|we|it|this|that|there|the|our|my|they|he|she|those|these|nothing|everyone|everybody|nobody|no one|things|business|someone|somebody|in fact|actually|to be fair|to be honest|technically|legally|at the end of the day|the reality|facts|numbers|you (?:have to|need to|must|also|too|were|are|'re|did|didn'?t|don'?t|never|always|should have|could have|can'?t expect|know))\b"
)


def _yes_but(low: str, col: _Collector) -> None:
    """'I hear you, but...': an acknowledgement cancelled by an argument for our side."""
    for m in R.YES_BUT_CONNECTIVE.finditer(low):
        left_start = max(0, low.rfind(".", 0, max(0, low.rfind(".", 0, m.start()))) + 1)
        left = low[left_start : m.start() + 1]
        right = low[m.end() :]
        right_clause = re.split(r"[.!?\n]", right, maxsplit=1)[0].strip()
        if not right_clause or _BUT_OPEN.match(right_clause) or right_clause.endswith("?"):
            continue
        right_span = (m.end(), m.end() + len(right_clause))
        right_moves = {
            h.move
            for h in col.hits
            if h.move in _DEFENSIVE and h.start < right_span[1] and h.end > right_span[0]
        }
        defended = bool(right_moves) or bool(_POSITION.match(right_clause))
        if not defended or _ADVICE.match(right_clause):
            continue
        # A jab at something else, tone-policing or postponing after a real reflection leaves
        # the reflection standing; arguing the same point cancels it.
        other_point = bool(right_moves) and right_moves <= _OTHER_POINT
        sentence_start = max(low.rfind(".", 0, m.start()), low.rfind("\n", 0, m.start())) + 1
        topic_shift = "though" in m.group() and bool(
            re.fullmatch(r"\s*(?:the|your|my|our|as for|about)\b[\w\s']{0,25}", low[sentence_start : m.start()])
        )
        if other_point or topic_shift:
            continue
        _cancel(col, left_start, left, m.start(), m.end() + min(len(right_clause), 60))
    # The same without the word 'but': "I get that. I'm also the one paying the mortgage."
    for m in _ALSO_ARGUMENT.finditer(low):
        left_start = max(0, low.rfind(".", 0, max(0, low.rfind(".", 0, m.start()))) + 1)
        _cancel(col, left_start, low[left_start : m.start()], m.start(), m.end())


def _cancel(col: _Collector, left_start: int, left: str, at: int, end: int) -> None:
    ack = None
    for a in _YES_BUT_LEFT.finditer(left):
        ack = a
    before = [h for h in col.hits if h.move in _LISTENING and left_start <= h.start < at]
    if ack is None and not before:
        return
    start = min([h.start for h in before] + ([left_start + ack.start()] if ack else []))
    col.add(Move.yes_but, start, end)
    col.hits = [h for h in col.hits if not (h.move in _LISTENING and start <= h.start < at)]


_OTHER_POINT = {Move.counterattack, Move.deflect, Move.dismiss, Move.sarcasm}
_ALSO_ARGUMENT = re.compile(
    r"(?<=[.!]\s)(?:i'?m|i am|we'?re|we are|i|we) also (?:the one|the ones|have|had|paying|doing|working|got|been|under|dealing|trying)\b[^.!?]*"
)


def _untied_feelings(sents: list[Sentence], col: _Collector, ctx: set[str]) -> None:
    """A feeling named with nothing specific ('That must be frustrating', 'I understand you're
    upset') would fit any complaint: it is an acknowledgement, not a reflection."""
    reflected = [h for h in col.hits if h.move in {Move.reflect_content, Move.own}]
    for i, s in enumerate(sents):
        feelings = [h for h in col.hits if h.move is Move.reflect_feeling and s.start <= h.start < s.end]
        if not feelings:
            continue
        tail = s.text[max(h.end for h in feelings) - s.start :]
        tied = (
            bool(content_stems(s.text) & ctx)
            or len(content_stems(tail)) >= 2
            or any(s.start <= h.start < s.end for h in reflected)
            or (i > 0 and any(sents[i - 1].start <= h.start < sents[i - 1].end for h in reflected))
        )
        if not tied:
            col.hits = [h for h in col.hits if h not in feelings]
            col.add(Move.acknowledge, feelings[0].start, feelings[-1].end)


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
