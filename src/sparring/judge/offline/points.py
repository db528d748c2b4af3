"""Which of the persona's sentences a reflection takes up, trimmed to a whole clause.

The point is the sentence that carries the most in the latest line that has one (an
accusation, a feeling, a specific claim); questions, orders, quotations, asides and fragments
are skipped. An earlier line is used only when the latest has nothing to reflect ("Is that
it?"), and not when the latest just confirms the listener got it ("Yes. That's it.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sparring.judge.offline.lexicon import content_stems
from sparring.judge.offline.rejected import uses
from sparring.judge.offline.rules import FEEL

_FEEL_RE = re.compile(r"\b" + FEEL)  # searched in lower-cased text

CONFIRMED = re.compile(r"^(?:yes|yeah|that'?s (?:it|right|exactly)|exactly)\b", re.IGNORECASE)

_IMPERATIVE = frozenset(
    (
        "don't do try sit go say tell look listen let let's stop give make come please spare save "
        "leave get take put show explain walk remember think imagine pick write start ask keep "
        "bring move ring call send thank thanks here's here add hand"
    ).split()
)
_LEADING_FILLER = re.compile(
    r"^(?:(?:look|listen|honestly|frankly|seriously|okay|ok|well|so|right|fine|and|but|yes|no|"
    r"yeah|oh|now|then|still|anyway|because|actually|i'm just going to say it|i'll be honest|"
    r"let me be clear|you know what)[,.!:;-]*\s+)+",
    re.IGNORECASE,
)
_TRAILING_FILLER = frozenset(
    (
        "because and but so the a an to of while with when that which who or for at in on by "
        "from as than if my your our their his her its is are was were without about into "
        "through like having being"
    ).split()
)
_FINITE = re.compile(
    r"\b(?:it|that|he|she|there|what|who|here|everyone|everybody|nobody|somebody|someone|this)"
    r"'s\b|\b\w+(?:'re|'ve|'m|'d|'ll|n't)\b|"
    # a present tense after its subject: "you reach for the slide deck", "someone pushes back"
    r"\b(?:i|you|we|they|he|she|someone|somebody|everyone|everybody|nobody|people) "
    r"(?!(?:the|a|an|and|or|to|of|in|on|at|for|with|that|this|all|both|lot|too|as|so|just|"
    r"never|always|still|really|even|who|which|what|if|but|me|you|him|her|us|them)\b)[a-z]+\b|"
    r"\b(?:is|are|was|were|am|has|have|had|do|does|did|can|could|will|would|should|must|may|"
    r"might|shall|got|get|gets|went|go|goes|came|come|comes|made|make|makes|took|take|takes|"
    r"said|say|says|told|tell|tells|know|knew|think|thought|want|wants|need|needs|keep|keeps|"
    r"kept|left|put|gave|give|gives|saw|see|sees|found|felt|feel|feels|sat|stood|spent|ran|"
    r"rang|threw|built|chose|paid|lost|heard|hear|meant|mean|means|seem|seems|sound|sounds|"
    r"looks|runs|sells|stands|matters|counts|hurts|costs|cost|read|wrote|began|led|"
    r"sent|brought|bought|taught|caught|met|won|hit|set|shut|cut|cried|\w{3,}ed)\b",
    re.IGNORECASE,
)
_NOT_VERBS = frozenset(
    "hundred red bed shed speed seed wed sled naked wicked sacred kindred hatred wretched "
    "ragged rugged beloved".split()
)
_NO_SUBJECT = frozenset(
    (
        "didn't doesn't don't wasn't weren't isn't aren't hasn't haven't can't couldn't won't "
        "wouldn't shouldn't is are was were has have had does did do can could will would "
        "should must sounds seems looks feels neither nor"
    ).split()
)
_INTRO = frozenset(
    (
        "on in at after before since when while if because for by from with without yesterday "
        "today tonight this last next every once twice then now so and but as though although "
        "until unless whether all most some half"
    ).split()
)
_SUBORDINATE = frozenset(
    "if when unless because although though while before after since until once whether".split()
)
# A subordinate clause ("before I posted it", "from when the old press let go", "whatever
# group runs it"), to the next comma.
_SUBCLAUSE = re.compile(
    r"\b(?:(?:before|after|because|when|while|until|unless|since|if|although|though|once|"
    r"whether) (?:i|you|he|she|we|they|it|there|someone|somebody|nobody|everyone|the|a|an|his|"
    r"her|their|my|our|your)\b|"
    r"whatever|whoever|wherever)[^,]*",
    re.IGNORECASE,
)
_BARE_HEAD = re.compile(r"^(?:anything|something|nothing|everything) (?:that|who|which)\b", re.I)
# A noun with a relative clause, and no verb of its own: "the part I can say out loud",
# "the first thing he's built that anyone has seen".
_NOUN_PHRASE = re.compile(
    r"^(?:the|a|an) (?:\w+ ){0,2}?(?:part|thing|bit|one|way|day|time|reason|stuff|person|"
    r"people|man|woman|lad|place|line|question|answer|kind of \w+) (?:that |who |which )?"
    r"(?:he|she|i|you|we|they)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"^(?:[\w-]+ )?[\w-]+ (?:years|months|weeks|days)\b", re.IGNORECASE)
_TAG_QUESTION = re.compile(
    r",\s*(?:are|aren't|is|isn't|was|wasn't|do|don't|did|didn't|can|can't|will|won't|have|"
    r"haven't|has|hasn't|would|wouldn't)\s+(?:you|i|we|it|they|he|she)\b",
    re.IGNORECASE,
)
_PARTICLES = frozenset("over in out up down for to by at on off back".split())
# About the listener's reply, not their point: "That's a fair question", "You've been listening".
_META = re.compile(
    r"^(?:that'?s|it'?s|this is|that is) (?:a |an )?(?:fair|good|real|great|reasonable|honest|"
    r"better|proper|decent) (?:question|point|start|answer|thing to ask)|"
    r"^you(?:'ve| have)? (?:actually |finally |really )?(?:been listening|listened|got it|"
    r"heard me|understood)\b|"
    # their own manner, defended against the reply: "I'm not being emotional.", "I'm being
    # quite calm, considering.", "I'm not going to shout." (no point of theirs to give back)
    r"^i(?:'m| am) (?:not )?(?:being |going to |trying to )?(?:quite |perfectly |very |really )?"
    r"(?:emotional|calm|shout|shouting|yelling|rude|difficult|dramatic|hysterical|unreasonable|"
    r"reasonable|polite|civil|aggressive)\b",
    re.IGNORECASE,
)
# "Try fifty-two minutes on your support line": "imagine", said of what happened to them.
_TRY = re.compile(
    r"^try (?=(?:a|an|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?)\b)",
    re.IGNORECASE,
)
_NOT_SUBJECT = frozenset("many much one everyone everybody all every".split())
_WH = frozenset("what where when why how who which".split())
_ADDRESSED = re.compile(r"\byou(?:'re| are|r)?\b")
NEGATION = re.compile(r"\b(?:not|never|nobody|no one|nothing)\b|n't\b")
_OWN_INTENTION = re.compile(
    r"(?:i'll|i will|i'm going to|i want to|let me|you'll|you will|at least|i'd like|i'd rather)\b"
)
_BARE_SUBJECT = re.compile(r"^(?:it|that|this|he|she|they|there)\b", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”]|(?<![\w])['‘]|['’](?![\w])")


def sentences(text: str) -> list[str]:
    text = re.sub(r"\([^)]*\)", " ", text)  # stage directions: "(She opens the door.)"
    text = re.sub(r"\s*(?:\.\.\.|…)\s*", ". ", text)
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if p.strip()]
    return [_TRY.sub("It was ", p) for p in parts]


def _usable(sentence: str, avoid: tuple[str, ...]) -> bool:
    words = sentence.split()
    if len(words) < 4 or sentence.rstrip().endswith("?") or _QUOTE_MARK.search(sentence):
        return False
    if re.search(r",\s*(?:don'?t|do not|try|go|stop|please)\b", sentence, re.IGNORECASE):
        return False  # an order tacked on ("..., don't") is not a point to reflect
    first = words[0].lower().strip(",.!;:").replace("’", "'")
    second = words[1].lower().strip(",.!;:").replace("’", "'")
    elliptical = (first == "not" and second not in _NOT_SUBJECT) or (  # "Not till I know..."
        len(first) > 4 and first.endswith("ed") and second in _PARTICLES  # "Passed over for..."
    )
    if _META.match(sentence):
        return False  # "That's a fair question": about the reply, not their point
    if first in _IMPERATIVE or first in _NO_SUBJECT or elliptical or uses(sentence, avoid):
        return False  # an order, or a verb with its subject left out ("Didn't expect that")
    if first in _WH and second in _NO_SUBJECT and not re.search(r" (?:is|was) ", sentence):
        return False  # a question without its question mark ("Where do I start.")
    if _TAG_QUESTION.search(sentence):
        return False  # "You're not even here, are you."
    if re.search(
        r",\s*(?:(?:but|so) let\b|(?:" + "|".join(sorted(_IMPERATIVE)) + r")\b)", sentence, re.I
    ):
        return False  # an order after a comma ("Next time, tell the person...")
    clause = clip(sentence)
    # not a fragment ("Near enough word for word"), and not cut short ("everything I need to")
    return (
        len(clause.split()) >= 3
        and whole(clause)
        and not clause.lower().endswith((" to", " the", " and", " a"))
    )


def finite(clause: str) -> bool:
    """Whether a clause has a verb of its own (not "four-hundred", not "with pins")."""
    return any(m.group().lower() not in _NOT_VERBS for m in _FINITE.finditer(clause))


def whole(clause: str) -> bool:
    """Whether a clause is a sentence, not a fragment: it has a verb, it does not open on a
    list of nouns ("Eight years, and..."), and its verb is not all in a relative clause
    ("anything that didn't come out of a template")."""
    if not finite(_SUBCLAUSE.sub("", clause)):
        return False  # "ten minutes in my office before I posted it": no verb of its own
    head, comma, _ = clause.partition(",")
    main = [p.strip() for p in clause.split(",")[1:] if not p.strip().startswith(("and ", "or "))]
    if head.split(" ", 1)[0].lower() in _SUBORDINATE and not any(finite(p) for p in main):
        return False  # "if I come down and say it": a condition with nothing after it
    if comma and not finite(head) and head.split(" ", 1)[0].lower() not in _INTRO:
        return False
    if _NOUN_PHRASE.match(clause):
        return False
    m = _BARE_HEAD.match(clause)
    return not m or finite(re.sub(r"^\w+ (?:that|who|which)\b[^,]*", "", clause[m.start() :]))


def _score(sentence: str, i: int) -> float:
    low = sentence.lower()
    feels = _FEEL_RE.search(low) is not None
    score = len(content_stems(sentence)) * 1.0
    score += 3 if _ADDRESSED.search(low) else 0
    score += 2 if feels else 0
    score += 1.5 if NEGATION.search(low) else 0
    score -= 0.3 * i  # earlier sentences usually carry the main point
    if len(sentence.split()) < 8 and not feels:
        score -= 2  # short asides ("I don't care if you do") rarely carry the point
    if len(sentence.split()) < 8 and _BARE_SUBJECT.match(sentence):
        score -= 1.5  # "It doesn't mention begonias": the point is elsewhere
    if _OWN_INTENTION.match(low):
        score -= 4  # their own intentions are not the point to reflect
    return score


def salient_point(lines: Sequence[str], avoid: tuple[str, ...] = ()) -> str | None:
    """The sentence that carries the most, from the latest persona line that has one: an
    accusation, a feeling, a specific claim. Questions, orders, quotations and asides are
    skipped."""
    found = point(lines, avoid)
    return found[0] if found else None


def point(lines: Sequence[str], avoid: tuple[str, ...]) -> tuple[str, int] | None:
    for back, line in enumerate(reversed(lines)):
        if back and CONFIRMED.match(lines[-1].strip()):
            return None  # "Yes. That's it.": nothing to go back over
        options = [
            (_score(s, i), s)
            for i, s in enumerate(_LEADING_FILLER.sub("", s) for s in sentences(line))
            if _usable(s, avoid)
        ]
        if options:
            return max(options, key=lambda o: o[0])[1], len(lines) - 1 - back
    return None


_LONGEST = 28  # words: a longer sentence with no place to cut it is cut mid-clause


def clip(sentence: str, max_words: int = 18) -> str:
    sentence = _LEADING_FILLER.sub("", sentence).strip().rstrip(".!")
    sentence = re.sub(r",\s*that'?s (?:what|all|it|why)$", "", sentence, flags=re.IGNORECASE)
    sentence = re.sub(r",\s*(?:you know|you see|mind you|though)$", "", sentence, flags=re.I)
    head, colon, tail = sentence.partition(": ")
    if colon and not finite(head) and finite(tail):
        # "The retreats, the decks, the coaching: it's distracting us" -> the clause after
        sentence = re.sub(r"^(?:it'?s|it is|they'?re|they are|that'?s)\b", "all of it is", tail)
    elif colon and finite(head):
        sentence = head
    # "It's that it got decided..." -> "it got decided...": the cleft adds nothing
    sentence = re.sub(r"^(?:it'?s|it is|it was) (?:just )?that\s+", "", sentence, flags=re.I)
    sentence = _drop_heads(sentence)
    words = sentence.split()
    if len(words) > max_words:
        cut, at_a_mark = " ".join(words[:max_words]), len(words) <= _LONGEST
        for mark in ("; ", ": ", " - ", ", ", " and ", " but ", " because "):
            at = cut.rfind(mark)
            if at > len(cut) // 3 and whole(cut[:at]):
                cut, at_a_mark = cut[:at], True
                break
        else:
            if at_a_mark:  # no place to cut, and not too long: the whole sentence
                cut = sentence
        words = cut.split()
        # a cut mid-clause can leave a dangling word ("...told the"); a clause that ends at
        # a mark may end in one on purpose ("a room I wasn't in")
        while not at_a_mark and words and words[-1].lower().strip(",;:-") in _TRAILING_FILLER:
            words.pop()
    while words and words[0].lower().strip(",") in {"because", "and", "but", "so", "or", "then"}:
        words.pop(0)
    # "whether you meant to" -> "whether you meant it": no sentence ends on "to"
    return re.sub(r"\b(mean|means|meant) to$", r"\1 it", " ".join(words).strip(" ,;:-"))


def _drop_heads(sentence: str) -> str:
    """'Eight years, and you got the same message as...' -> 'after eight years, you got...';
    'Names on a board, huddles on your own time, and nobody asked' -> 'nobody asked'."""
    parts = sentence.split(", ")
    dropped: list[str] = []
    while (
        len(parts) > 1
        and (not finite(parts[0]) or len(parts[0].split()) == 1)  # "A letter, signed, that..."
        and parts[0].split(" ", 1)[0].lower() not in _INTRO
        and finite(", ".join(parts[1:]))
    ):
        dropped.append(parts.pop(0))
    if not dropped:
        return sentence
    rest = re.sub(r"^(?:and|or|but|so)\s+", "", ", ".join(parts), flags=re.IGNORECASE)
    rest = re.sub(r"^(?:the fact )?that\s+", "", rest, flags=re.IGNORECASE)
    if _DURATION.match(dropped[0]) and len(dropped) == 1:
        return f"after {dropped[0][:1].lower()}{dropped[0][1:]}, {rest}"
    if len(rest.split()) < 4 or _NOUN_PHRASE.match(rest):
        # "The boards, the huddles, or the fact that nobody asked": a list is the point
        listed = re.sub(r",\s+or\s+", ", and ", sentence)
        return f"it's {listed[:1].lower()}{listed[1:]}"
    return rest
