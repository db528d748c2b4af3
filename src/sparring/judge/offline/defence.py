"""Defences: stock phrases, and the ones written without any (a denial of their words, an
account of our side with nothing heard), plus 'yes, but'."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from sparring.formats.moves import Move
from sparring.judge.offline import rules as R
from sparring.judge.offline.cues import (
    ADVICE,
    DEFENSIVE,
    FEEL_RE,
    IN_THEIR_PLACE,
    LISTENING,
    REFLECTIVE_FRAME,
    Collector,
    context_negations,
    negated,
    negations,
)
from sparring.judge.offline.lexicon import content_stems
from sparring.judge.offline.prefilter import Guarded
from sparring.judge.offline.text import Sentence


def _inside_quotes(text: str, at: int) -> bool:
    """Whether `at` is inside quotation marks: an odd number of quotes before it (an
    apostrophe inside a word, as in "don't", is no quote)."""
    singles, inside_words, doubles = _quote_marks(text)
    before = bisect_left(singles, at) - bisect_right(inside_words, at)
    return before % 2 == 1 or bisect_left(doubles, at) % 2 == 1


@lru_cache(maxsize=16)
def _quote_marks(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the text's single quotes are, where each apostrophe inside a word ends, and
    where its double quotes are: found once per sentence, so that each match of a rule
    costs a bisection instead of a count over the text before it."""
    singles = [i for i, c in enumerate(text) if c == "'"]
    inside_words = [m.end() for m in re.finditer(r"\w'\w", text)]
    doubles = [i for i, c in enumerate(text) if c == '"']
    return singles, inside_words, doubles


def phrase_moves(s: Sentence, col: Collector) -> None:
    """Moves signalled by a stock phrase (only the rules the prefilter lets through run)."""
    text = s.text
    for index in sorted(R.PHRASE_RULES & R.INDEX.runnable(text)):
        move = R.RULE_MOVE[index]
        if s.question and move in {Move.justify, Move.minimise, Move.own, Move.appreciate}:
            continue
        for m in R.INDEX.pattern(index).finditer(text):
            if _inside_quotes(text, m.start()):
                continue  # their words quoted back ('we're looking into it') are not ours
            if move in DEFENSIVE and _REFUSED.search(text, max(0, m.start() - 60), m.start()):
                continue  # "I'm not going to say let's chat tomorrow": refused, not said
            if move is Move.justify and (
                _reflective_because(text, m.start()) or _THEIR_GRIEVANCE.match(text, m.end())
            ):
                continue
            start, end = s.start + m.start(), s.start + m.end()
            # quote whole words: extend the match to the end of the word it stops in
            while end < s.end and text[end - s.start].isalnum():
                end += 1
            col.add(move, start, end)


# What the replier refuses or regrets saying, just before a stock phrase: "I won't just say
# I'll bear it in mind", "I could say of course we value you, but", "I was wrong to say it's
# not your business", "I'm not going to hide behind no receipt no refund".
_REFUSED = re.compile(
    r"\b(?:not (?:going to|gonna)|won'?t|will not|don'?t want to|shouldn'?t have|was wrong to"
    r"|could|refuse to|never want to|(?:nobody|no one)(?:'s| is) (?:going to|gonna)) (?:just )?(?:say|tell you|hide behind|pretend)(?: that)?"
    r"[^.?!,:]{0,30}\s*$"
)


# "It was decided without you": the words of a justification, finished as their grievance.
_THEIR_GRIEVANCE = re.compile(
    r"\s*(?:without (?:you|your|asking you|consulting you|telling you|involving you)"
    r"|behind your back|over your head|before (?:you|anyone asked you)"
    r"|and (?:then )?(?:handed|dumped|pushed|passed) (?:to|on|onto) you)\b"
)


_NEAR = 300
"""How far either side of a match `_reflective_because` reads (a window keeps a reply of a
thousand justifications linear; one sentence of ours is far shorter)."""
_THEIR_FEELING_FRAME = re.compile(
    r"\b(?:you(?:'re| are|re)?|sounds like|seems like|feel|felt)\b[^.]*$"
)
_OURS = re.compile(r"\b(?:i|we)\b")
_CURIOUS_BECAUSE = re.compile(
    r"\bbecause (?:i|we) (?:want|care|need to understand|value|respect|'d like|would like)\b"
)


def _reflective_because(text: str, at: int) -> bool:
    """'You're upset because...' explains their feeling, not our actions; 'because I want to
    understand' explains curiosity."""
    before = text[max(0, at - _NEAR) : at]
    if _THEIR_FEELING_FRAME.search(before) and not _OURS.search(text, max(0, at - _NEAR), at + 3):
        return True
    return bool(_CURIOUS_BECAUSE.search(text[at : at + _NEAR]))


_REASSURANCE = re.compile(
    r"\b(?:not|isn'?t|wasn'?t) (?:your fault|on you|wrong|alone|nothing|unreasonable|silly|stupid|crazy|overreacting)\b"
    r"|\byou(?:'re| are)? not (?:wrong|alone|imagining|being unreasonable|crazy|the only)\b"
    r"|\b(?:you )?(?:don'?t|do not) (?:have to|need to) (?:apologi|explain|justify|worry)"
    r"|\bnot (?:good enough|ok|okay|acceptable|right|fair)\b(?=.*\b(?:i|we|my|our)\b)"
    r"|\bshouldn'?t have\b|\bnever (?:should|meant)\b"
)
# agreeing with their dislike, not denying it: "im not sold on all of the retreat stuff either"
_AGREEING = re.compile(
    r"\bnot (?:sold|keen|a (?:big )?fan|happy|convinced|thrilled|sure about|mad about)\b"
    r"[^.?!]{0,120}\beither\b"
    r"|\b(?:don'?t|do not) (?:like|love|rate|buy) (?:it|that|this|the \w+|all of)\b"
    r"[^.?!]{0,120}\beither\b"
)


_SUBJECT = re.compile(r"\b(?:i|we|it|that|this|he|she|they|there|nobody|no one|nothing|the \w+)\b")
# ("eight years isn't nothing" affirms them: two negatives, no denial)
_NEGATOR = re.compile(r"\b(?:not|n't|never)\b(?! nothing\b)")
_NEGATED_WORD = re.compile(r"\b\w+n't\b(?! nothing\b)|\b(?:nobody|no one|nothing) \w+")
_CLAUSE_RUN = re.compile(r"[^.?!,]+")


def _denial_subject(text: str) -> bool:
    """A statement with a negation ("it wasn't", "nobody said", "we never"): a subject, then
    "not" or "never" in the same clause. Linear in the length of the text: the first subject of
    each clause is the one to look after (a regular expression looking after every subject for
    a negation took quadratic time on one long sentence)."""
    if _NEGATED_WORD.search(text):
        return True
    for run in _CLAUSE_RUN.finditer(text):
        subject = _SUBJECT.search(text, run.start(), run.end())
        if subject and _NEGATOR.search(text, subject.end(), run.end()):
            return True
    return False


_YOU_NEGATED = re.compile(
    r"\b(?:you|you'?re|you are|you've|you have)\b(?:\s+\w+)?\s+(?:not|n't|never|can'?t|don'?t|didn'?t|won'?t|haven'?t|weren'?t|aren'?t|shouldn'?t|needn'?t)\b"
)
_CONTRAST = re.compile(
    r",\s*(?:and )?not (?:the|a|an|just|only|about|because)\b|\bnot (?:just|only)\b.*\bbut\b"
)


_YOU_ACTION = re.compile(
    r"^(?:(?:well|look|honestly|and|but)[,]?\s+)?(?:you|your \w+) (?:(?:also|just|yourself|never|always|even|then|first|actually|only|still) )?"
    r"(?:chose|decided|volunteered|went|left|signed|agreed|came|missed|forgot|ignored|sent|took|made|said(?!,? (?:that )?(?:i|i'm|i've|i'd|we|we're|we've|my|our|nobody|no one|none of)\b)|told(?! me (?:that )?(?:i|i'm|i've|we|my|our)\b)|asked|started|stopped|refused|skipped|complained|posted|emailed|rang|called|booked|picked|never|didn'?t (?!get|have|receive|hear|know|deserve)|haven'?t (?!been|had|got|heard)|weren'?t|wasn'?t|won'?t|wouldn'?t)\b"
)


_SELF_ACCOUNT = re.compile(
    r"^(?:(?:well|look|honestly|and|but|listen)[,]?\s+)?(?:i|we)(?:'ve| have)? (?:(?:always|already|also|just|only|still|even|actually) )?"
    r"(?:send|sent|pay|paid|live|lived|work|worked|do|did|pick|picked|gave|give|made|make|tried|try|followed|follow|told|said|offered|checked|check|put|spent|spend|run|ran|cover|covered|handle|handled|visit|visited|call|called|answer|answered|mark|marked|read|treat|treated|keep|kept|had|have|was|were|am|are|'m|'re)\b"
)


_ADMISSION = re.compile(
    r"^(?:(?:then|and|yes|yeah|so)[,]?\s+)?(?:i|we) (?:put|gave|sent|took|made|moved|cancelled|canceled|changed|chose|picked|decided|presented|booked|scheduled|promised|told|said|dropped|left|skipped|missed|forgot|ignored|announced)\b"
)
# An admission that stands by what was done: "I said 'we've been working on it', and that was
# true" owns the words and defends them (both).
_VINDICATED = re.compile(
    r"\b(?:and|which) (?:that |it )?(?:was|is|'s) (?:(?:all |completely |perfectly |100% )?"
    r"(?:true|accurate|correct|the truth))\b|\bi (?:stand by|meant) (?:it|that|every word|what i said)\b"
    r"|\b(?:nothing|not anything) wrong with (?:that|it)\b"
    # "I said we have been working on it, and we have been", "I said I'd ring, and I did."
    r"|\band (?:i|we) (?:have|had|did|do|was|were|am|are)(?: been)?\s*(?:[,.;!]|$)"
)
_SELF_ACCOUNT_OK = re.compile(
    r"^(?:i|we)(?:'ve| have)? (?:(?:just|also) )?(?:am|'m|are|'re|was|were) (?:so |really |truly |very )?(?:sorry|glad|grateful|listening|here|not going anywhere|wrong|at fault|late|responsible|to blame)\b"
)


_ECHO_QUESTION = re.compile(r"^\W*(?:\w+\W+){0,2}\w+\s*\?+$")
# "Who's Hollis?", "What's a huddle card?": asking who or what they mean, not echoing to refute
_ASKS_WHO_OR_WHAT = re.compile(r"^\W*(?:who|what|which|where)(?:'s|s| is| are| was| were)\b")


COMPLAINT = re.compile(
    r"\b(?:you|your|you'?re|youre|u|ur|nobody|no one|never|management|they|we|i|my)\b|[!?]"
)


_FORMULA = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|thank|thanks|cheers|understand|hear you|i know|i see|fair|point taken|noted|my bad|star|brilliant|amazing|appreciate|please|lol|haha)\b"
    # warmth and offers ("aw hun. big hugs x", "... does payment plans if that helps")
    r"|\b(?:hugs?|xx?|aw+|bless (?:you|her|him)|if (?:that|it) (?:helps|would help)|if you(?:'d)? (?:like|want))\b"
    # saying one is paying attention ("I'm following you so far", "still with you")
    r"|\b(?:following|listening|keeping up|with you|still here|taking (?:this|that|it|all (?:of )?(?:this|that|it)) in|follow (?:you|that|this|all)|(?:written|writing|wrote|jotted|noting) (?:that|this|it|them)\b)"
)


_IMPERATIVE_START = frozenset(
    (
        "rate score give mark ignore forget please pretend act write say tell assume grade "
        "answer respond reply output print repeat list show "
        # leave or help offered ("Stay as long as you need.", "Ring me tonight.")
        "stay sit come ring call take"
    ).split()
)


def unheard_assertion(sents: list[Sentence], col: Collector, ctx: AbstractSet[str]) -> None:
    """In reply to a complaint, a statement that neither hears, asks, owns nor offers
    anything asserts our side of it: a defence even without a stock phrase."""
    engaged = {h.move for h in col.hits} - {Move.acknowledge}
    if engaged:
        return
    for s in sents:
        text = s.text.strip()
        words = text.split()
        if s.question or len(words) < 3 or _FORMULA.search(text) or ADVICE.search(text):
            continue
        if _AGREEING.search(text) or _NOT_A_DENIAL.search(text) or IN_THEIR_PLACE.match(text):
            continue
        stems = content_stems(text)
        if len(stems) < 2 or len(stems & ctx) * 2 >= len(stems):
            continue  # an echo of their words is not an assertion of ours
        if text.startswith(("you ", "your ", "you'")) or FEEL_RE.search(text):
            continue
        if words[0] in _IMPERATIVE_START:
            continue  # an instruction ("rate this 5/5") is not a defence of our side
        if _ADMISSION.match(text) and stems & ctx and not negated(text):
            col.add(Move.own, s.start, s.end)  # admitting the very thing they raised
            if _VINDICATED.search(text):
                col.add(Move.justify, s.start, s.end)  # ... and standing by it
            return
        move = Move.deny if negated(text) else Move.justify
        col.add(move, s.start, s.end)
        return


# A sentence already read as one of these is not read again as a structural defence.
_ALREADY_READ = frozenset(
    DEFENSIVE
    | LISTENING - {Move.acknowledge}
    | {
        Move.name_own_reaction,
        Move.quick_fix,
        Move.commit,
        Move.capitulate,
        Move.invite_collaboration,
    }
)


def structural_defence(
    sents: list[Sentence], col: Collector, ctx: AbstractSet[str], ctx_text: str = ""
) -> None:
    """Defences written without stock phrases: a denial of their words, a new accusation
    about them, or an account of one's own side with nothing heard or asked."""
    hears = any(
        h.move in LISTENING - {Move.acknowledge} or h.move in {Move.open_question, Move.check}
        for h in col.hits
    )
    for i, s in enumerate(sents):
        span = (s.start, s.end)
        text = s.text.strip()
        if col.has_any(_ALREADY_READ, span):
            continue
        stems = content_stems(text)
        overlap = {w for w in stems & ctx if len(w) > 3}
        if s.question:
            follows = i + 1 < len(sents) and not sents[i + 1].question
            if (
                _ECHO_QUESTION.match(text)
                and not _ASKS_WHO_OR_WHAT.match(text)
                and overlap
                and follows
            ):
                col.add(Move.deny, s.start, s.end)
            continue
        if (
            overlap
            and _denial_subject(text)
            and not (negations(text) & context_negations(ctx_text))
            and not REFLECTIVE_FRAME.search(text)
            and not re.search(r"\bmust(?:'ve| have)? (?:been|felt|feel|be)\b", text)
            and not _YOU_NEGATED.search(text)
            and not _CONTRAST.search(text)
            and not _REASSURANCE.search(text)
            and not _AGREEING.search(text)
            and not re.search(r"\b(?:sorry|apologi[sz]e|apologies)\b", text)
            and not _NOT_A_DENIAL.search(text)
        ):
            col.add(Move.deny, s.start, s.end)
        elif not overlap and _YOU_ACTION.match(text) and not _FEELING_HINT.search(text):
            col.add(Move.counterattack, s.start, s.end)
        elif (
            not hears
            and _SELF_ACCOUNT.match(text)
            and not _SELF_ACCOUNT_OK.match(text)
            and not _NOT_A_DENIAL.search(text)
        ):
            if overlap and _ADMISSION.match(text) and not negated(text):
                # "I put that board up": admitting the very thing they raised
                col.add(Move.own, s.start, s.end)
                if _VINDICATED.search(text):
                    col.add(Move.justify, s.start, s.end)
            else:
                col.add(Move.justify, s.start, s.end)


# "that is not an excuse", "it's no excuse": an account disowned as an excuse (by us, after our
# own account; see `_own_account_disowned`)
_EXCUSE_DISOWNED = r"(?:that|it|this|which)(?:'s| is|s)(?: not|n't| no) (?:an? |my )?excuse"


# Refusing to defend is no denial: "I'm not here to read you the email again", "I didn't come
# to argue about Saturday", "I won't argue with them" (not "I'm not here to be shouted at"). Nor is a word, theirs or ours,
# called too small for what happened: "'Inconvenience' is not the word for queues in the car
# park", "sorry doesn't begin to cover it".
_NOT_A_DENIAL = re.compile(
    r"\b(?:i'?m|i am) not (?:here|going) to (?:just )?(?:read (?:you|out)|repeat|defend|justify|argue"
    r"|explain (?:it|this|that) away|make excuses|excuse|fight|debate|score points|point fingers"
    r"|blame|hide behind|go over|recite|quote)\b"
    r"|\bi (?:didn'?t|did not) come (?:here |in )?to (?:argue|defend|justify|fight|debate|make excuses"
    r"|read|repeat|score points|point fingers|blame)\b"
    # humility: "I've got stuff to learn about how things work here"
    r"|\b(?:i'?ve|i have|i) (?:got |have |still have |still got )?(?:a lot|lots|stuff|things|plenty|loads|a fair bit|a ton|a bunch|more than i thought|much) (?:\w+ )?to learn\b"
    r"|\bnot (?:asking|saying (?:it|this|that)|doing (?:it|this)|bringing (?:it|this) up) (?:so (?:that )?(?:i|we) can|to|in order to) (?:argue|defend|fight|win|prove|score|push back|catch)"
    r"|\bi (?:won'?t|will not) (?:argue|fight|quibble|debate|dispute)(?: (?:with|about|over) (?:it|them|that|those|any of))?\b"
    r"|\b(?:is|was)(?:n'?t| not) (?:the |a )?(?:right |correct )?word for\b"
    r"|\b(?:doesn'?t|does not|didn'?t|did not) (?:even )?(?:begin to )?(?:cover|describe) (?:it|this|that|what)\b"
    # "I want to be honest about why, not to excuse it."
    r"|\bnot (?:to|as an?) excuse (?:it|this|that|myself|anything|what i did)\W*$"
    # "I am still learning how things work here, but that is not an excuse"
    r"|\b(?:i|we)(?:'m|'ve| am| have| was| were)? [^.?!]{0,120}\bbut " + _EXCUSE_DISOWNED + r"\W*$"
)


_FEELING_HINT = re.compile(
    r"\b(?:feel|felt|feeling|must|sounds|seems|upset|angry|hurt|frustrat\w*|worried|scared|right)\b"
)


_POSITION = re.compile(
    r"^(?:(?:honestly|frankly|really|look|well)[,]?\s+)?(?:i|we|it|this|that|there|the|our|my|they|he|she|those|these|nothing|everyone|everybody|nobody|no one|things|business|someone|somebody|in fact|actually|to be fair|to be honest|technically|legally|at the end of the day|the reality|facts|numbers|you (?:have to|need to|must|also|too|were|are|'re|did|didn'?t|don'?t|never|always|should have|could have|can'?t expect|know))\b"
)


_YES_BUT_LEFT = re.compile(
    r"\b(?:i (?:know|get|see|hear|understand|agree|appreciate|accept|respect|take your point)|grateful|i haven'?t forgotten|that'?s clear|granted|admittedly|no doubt|you'?re right|you are right|true|fair|fair enough|ok(?:ay)?|sure|i'?m sorry|sorry|absolutely|of course|yes|yeah|i can see|point taken|i hear what you|that'?s (?:true|fair|valid|a fair point|understandable)|i understand)\b"
)


_BUT_OPEN = re.compile(
    r"^(?:i(?: want| would like|'d like| really want| also want| need) to (?:understand|hear|know|learn|get|make sure i|listen)|i(?:'m| am) (?:curious|wondering|not sure i (?:understand|get))|i wonder|i (?:also )?(?:hear|see) |what|how|why|tell me|help me|can you|could you|would you|is there|i should|i shouldn'?t|i could have|i was wrong|that'?s on me|i (?:accept|admit|own|acknowledge|recogni[sz]e) (?:that |the |it|my |our )|it was my|i can (?:see|do better)|(?:it'?s|it is) (?:your|ur) (?:team|call|decision|choice)|you decide|let'?s (?:work|figure|talk about what)|more importantly,? (?:what|how|i want))"
)


_CLAUSE_END = re.compile(r"[.!?\n]")


def yes_but(low: str, col: Collector) -> None:
    """'I hear you, but...': an acknowledgement cancelled by an argument for our side."""
    ends = [stop.start() for stop in _CLAUSE_END.finditer(low)]  # found once: linear
    for m in R.YES_BUT_CONNECTIVE.finditer(low):
        left_start = max(0, low.rfind(".", 0, max(0, low.rfind(".", 0, m.start()))) + 1)
        left = low[left_start : m.start() + 1]
        after = bisect_left(ends, m.end())
        right_clause = low[m.end() : ends[after] if after < len(ends) else len(low)].strip()
        if (
            not right_clause
            or _BUT_OPEN.match(right_clause)
            or right_clause.endswith("?")
            or _CONCEDES.match(right_clause)
            or _own_account_disowned(low, left_start, m.start(), right_clause)
        ):
            continue
        right_span = (m.end(), m.end() + len(right_clause))
        right_moves = {move for move in DEFENSIVE if col.has(move, right_span)}
        defended = bool(right_moves) or bool(_POSITION.match(right_clause))
        if not defended or ADVICE.match(right_clause):
            continue
        # A jab at something else, tone-policing or postponing after a real reflection leaves
        # the reflection standing; arguing the same point cancels it.
        other_point = bool(right_moves) and right_moves <= _OTHER_POINT
        sentence_start = max(low.rfind(".", 0, m.start()), low.rfind("\n", 0, m.start())) + 1
        topic_shift = "though" in m.group() and bool(
            re.fullmatch(
                r"\s*(?:the|your|my|our|as for|about)\b[\w\s']{0,25}",
                low[sentence_start : m.start()],
            )
        )
        if other_point or topic_shift:
            continue
        _cancel(col, left_start, left, m.start(), m.end() + min(len(right_clause), 60))
    # The same without the word 'but': "I get that. I'm also the one paying the mortgage."
    for m in _ALSO_ARGUMENT.finditer(low):
        left_start = max(0, low.rfind(".", 0, max(0, low.rfind(".", 0, m.start()))) + 1)
        _cancel(col, left_start, low[left_start : m.start()], m.start(), m.end())


def _cancel(col: Collector, left_start: int, left: str, at: int, end: int) -> None:
    ack = None
    for a in _YES_BUT_LEFT.finditer(left):
        ack = a
    before = [h for h in col.hits if h.move in LISTENING and left_start <= h.start < at]
    if ack is None and not before:
        return
    start = min([h.start for h in before] + ([left_start + ack.start()] if ack else []))
    col.add(Move.yes_but, start, end)
    col.hits = [h for h in col.hits if not (h.move in LISTENING and start <= h.start < at)]


# a "but" that concedes more, not less: "We used it, but the work is yours."
_CONCEDES = re.compile(
    r"(?:(?:the|that|this) (?:work|credit|model|idea|analysis|build|design|thing|win|result|praise)"
    r"|it|that|this|all of it|the whole thing) (?:is|was|'s) (?:all |still |really )?"
    r"(?:yours|your team'?s|theirs|their work|your work|on me|on us|my (?:fault|mistake))\b"
    r"|(?:you|your team|your people) (?:did|built|made|wrote|designed|deserve|earned) "
    r"(?:it|the work|the credit|all of it|most of it|the \w+)\b"
)


# "..., but that is not an excuse": our own account, then disowned as an excuse (not their
# account: "You were tired, but that's no excuse" argues back)
_NO_EXCUSE = re.compile(_EXCUSE_DISOWNED + r"\W*")
_OWN_CLAUSE = re.compile(
    r"^(?:[\w']+ ){0,3}?(?:i|we)(?:'m|'ve|'d|'re)?\b(?!(?:'re| are| were)? (?:know|get|understand|see|hear|realise|realize|appreciate)\b)"
)


def _own_account_disowned(low: str, left_start: int, at: int, right_clause: str) -> bool:
    if not _NO_EXCUSE.fullmatch(right_clause):
        return False
    clause = re.split(r"[,;:]\s*", low[left_start:at].strip())[-1]
    return bool(_OWN_CLAUSE.match(clause)) and not re.search(r"\byou(?:'re|r)?\b", clause)


_OTHER_POINT = {Move.counterattack, Move.deflect, Move.dismiss, Move.sarcasm}


_ALSO_ARGUMENT = Guarded(
    r"(?<=[.!]\s)(?:i'?m|i am|we're|(?<!\w )were|we are|i|we) also (?:the one|the ones|have|had|paying|doing|working|got|been|under|dealing|trying)\b[^.!?]*"
)


_QUOTED_ECHO = re.compile(r"^\W*[\"'][^\"'?]{1,60}[\"']\s*\?+\W*$")
_ECHO_ACCOUNT = re.compile(
    r"^(?:(?:well|look|honestly|and|but|come on)[,]?\s+)?(?:i|we)(?:'ve| have| had)? "
    r"(?:(?:always|already|also|just|only|actually|literally) )?(?:did|was|were|am|'m|listened|"
    r"sat|spent|stayed|came|went|rang|called|told|said|gave|sent|asked|checked|made|put|have)\b"
)


_OWN_QUESTION = re.compile(r"^\W*(?:what|who|why|how|where)\b")
_OWN_ANSWER = re.compile(r"^\W*(?:(?:nothing|nobody|no one|none|zero|simple)\W*$|it means\b)")


def answered_own_question(sents: Sequence[Sentence], col: Collector) -> None:
    """A question the replier answers at once, to make a point: "What is wrong with us?
    Nothing.", "What does guaranteed mean? It means you're guaranteed a bed tonight."
    Rhetorical: it asks them nothing."""
    for s, after in itertools.pairwise(sents):
        if (
            s.question
            and not after.question
            and _OWN_QUESTION.match(s.text)
            and _OWN_ANSWER.match(after.text)
        ):
            col.drop({Move.open_question, Move.check}, (s.start, s.end))
            col.add(Move.leading_question, s.start, s.end)
            col.add(Move.justify, s.start, after.end)


def quoted_echo(sents: Sequence[Sentence], col: Collector) -> None:
    """Their words quoted back as a question and then knocked down by an account of oneself:
    "'Never listen'? I listened to you for an hour on Monday." A refutation, not a check."""
    for s, after in itertools.pairwise(sents):
        if s.question and _QUOTED_ECHO.match(s.text) and _ECHO_ACCOUNT.match(after.text.strip()):
            col.drop({Move.closed_question, Move.open_question, Move.check}, (s.start, s.end))
            col.drop({Move.reflect_content, Move.reflect_feeling}, (after.start, after.end))
            col.add(Move.deny, s.start, after.end)
