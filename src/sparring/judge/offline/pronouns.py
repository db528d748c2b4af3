"""Turning the persona's words round to the listener's point of view, for a reflection:
"you never asked me" becomes "I never asked you", "my team" becomes "your team", "I was" becomes
"you were". A "we" that takes in both speakers ("we were partners", "us both") stays as it is.

Pure string work on the persona's text, which is data: nothing in it is interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_SWAP = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "im": "you're",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll",
    "your": "my", "yours": "mine", "yourself": "myself", "yourselves": "ourselves",
    "you're": "I'm", "you've": "I've", "you'd": "I'd", "you'll": "I'll", "youre": "I'm",
}  # fmt: skip
_INCLUSIVE_WE = frozenset("we us our ours ourselves we're we've we'd we'll".split())
# A sentence where "we" takes in both speakers: it stays "we".
_BOTH_OF_US = re.compile(
    r"\b(?:you and (?:me|i)|me and you|the two of us|both of us|us both|between us|each other|"
    r"partners|together|we(?:'re| are) (?:not )?(?:done|finished|there)|we need to talk|"
    r"we (?:might|will|'ll) get there)\b",
    re.IGNORECASE,
)
# "you" after these starts a clause, so it is the subject ("because you said" -> "because I said").
_CLAUSE_START = frozenset(
    (
        "and but or so because cos when whenever if that which who what where why how until till "
        "unless while before after since as though although once whether then now yet maybe "
        "perhaps are were do did does can could will would should have had don't didn't aren't "
        "weren't won't wouldn't can't couldn't haven't"
    ).split()
)
# "you" after these is the object ("asked you", "with you"), whatever follows.
_OBJECT_CONTEXT = frozenset(
    (
        "to for with at from about on of by like than behind without against around into onto "
        "over under towards upon tell told ask asked give gave show showed make made let help "
        "pay paid call called keep kept see saw hear heard need want wanted expect trust promise "
        "promised owe thank blame sent send get got bring brought leave left put expected needed "
        "trusted blamed thanked warned reminded forced pushed involved included picked chose "
        "choose pick rang ring phoned emailed texted met meet defended backed hired watch "
        "watched like love hate miss missed forgive join follow followed tells asks"
    ).split()
)
# Words that follow an object "you" ("tells you something", "know you well", "asked you if").
_OBJECT_FOLLOWS = frozenset(
    (
        "a an the this that these those something nothing anything everything what how why "
        "where when if whether about to for with back off up down out in on at from into all "
        "more again now so too as like over through my your his her our their its one some any "
        "no every each well enough first last here there later before after once twice"
    ).split()
)
# A word after "you" that makes it the subject ("the way you talk", "everything you said").
_VERB_AFTER = re.compile(
    r"^(?:can|could|will|would|should|must|might|may|shall|do|did|does|don't|didn't|doesn't|"
    r"can't|couldn't|won't|wouldn't|shouldn't|have|had|has|haven't|hadn't|are|were|aren't|"
    r"weren't|was|am|just|never|always|still|really|even|only|already|also|actually|all|"
    r"know|knew|think|thought|want|need|say|said|see|saw|get|got|go|went|come|came|make|made|"
    r"take|took|keep|kept|tell|told|give|gave|put|call|feel|felt|mean|meant|look|sound|seem|"
    r"talk|work|run|ran|stood|sat|left|lost|chose|picked|read|wrote|sent|brought|bought|"
    r"let|set|cut|hit|met|spent|paid|heard|found|\w+ed)$"
)
_VERB_FIX = [
    (re.compile(r"\byou((?: \w+ly| just| really| still| never| always| even| only| all)?) was\b"), r"you\1 were"),
    (re.compile(r"\byou((?: \w+ly| just| really| still| never| always| even| only)?) wasn't\b"), r"you\1 weren't"),
    (re.compile(r"\bI((?: \w+ly| just| really| still| never| always| even| only| all)?) were\b"), r"I\1 was"),
    (re.compile(r"\bI((?: \w+ly| just| really| still| never| always| even| only)?) weren't\b"), r"I\1 wasn't"),
    (re.compile(r"\byou am\b"), "you are"),
    (re.compile(r"\bI are\b"), "I am"),
    (re.compile(r"\bI aren't\b"), "I'm not"),
    (re.compile(r"\bI is\b"), "I am"),
    (re.compile(r"\bI has\b"), "I have"),
    (re.compile(r"\bI doesn't\b"), "I don't"),
    (re.compile(r"\bare I\b"), "am I"),
    (re.compile(r"\bwere I\b"), "was I"),
    (re.compile(r"\bI's\b"), "I'm"),
]  # fmt: skip
_ING_NOUNS = frozenset(
    "nothing something anything everything thing morning evening meeting building feeling".split()
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[^A-Za-z]+")
_LOT = re.compile(r"\b(?:you|your) lot\b", re.IGNORECASE)
_BOTH = re.compile(r"\b(?:you and (?:me|i)|me and you|thank-you|[a-z]+-you|you-[a-z]+)\b", re.I)


def drop_vocatives(text: str, names: Collection[str]) -> str:
    """'I picked you, Jordan.' -> 'I picked you.'; 'Nina, I've booked...' -> 'I've booked...'.
    A name used as part of the sentence ("Bev's gone soft") stays."""
    for name in names:
        if not name or not name.strip():
            continue
        n = re.escape(name.strip())
        text = re.sub(rf",\s*\b{n}\b\s*(?=[.,!?;:]|$)", "", text)
        text = re.sub(rf"(^|[.!?]\s+)\b{n}\b\s*,\s*", r"\1", text)
    return text


def flip(text: str, names: Collection[str] = ()) -> str:
    """Turn the persona's words round to the listener's point of view."""
    text = drop_vocatives(text, names)
    text = _LOT.sub("\x01 lot", text)  # "you lot", "your lot": the listener's side -> "my lot"
    both = _BOTH.findall(text)  # "you and me", "thank-you": they stay as they are
    text = _BOTH.sub("\x02", text)
    inclusive = bool(_BOTH_OF_US.search(text))
    tokens = _WORD.findall(text)
    out: list[str] = []
    previous = ""
    for i, token in enumerate(tokens):
        key = token.lower().replace("’", "'")
        if not token[0].isalpha():
            out.append(token)
            if token.strip(" \"'“”‘’"):
                previous = ","  # punctuation starts a new clause
            continue
        if key == "you":
            swapped = "me" if _is_object(tokens, i, previous) else "I"
        elif key in _SWAP and not (inclusive and key in _INCLUSIVE_WE):
            swapped = _SWAP[key]
        else:
            swapped = token
        if swapped is not token and swapped != "I" and not swapped.startswith("I'"):
            swapped = swapped.lower()
        out.append(swapped)
        previous = key
    flipped = "".join(out)
    for pattern, fixed in _VERB_FIX:
        flipped = pattern.sub(fixed, flipped)
    for phrase in both:
        flipped = flipped.replace("\x02", phrase, 1)
    return " ".join(flipped.replace("\x01", "my").split())


def _is_object(tokens: list[str], i: int, previous: str) -> bool:
    """Whether the "you" at tokens[i] is an object ("asked you") rather than a subject."""
    gap = tokens[i + 1] if i + 1 < len(tokens) else ""
    following = tokens[i + 2].lower() if not gap.strip() and i + 2 < len(tokens) else ""
    verb_next = bool(following) and _VERB_AFTER.match(following) is not None
    if previous in _OBJECT_CONTEXT:
        return True
    if previous.endswith("ing") and previous not in _ING_NOUNS:
        return not verb_next  # "paying you for" -> "me"; "saying you said" -> "I said"
    after = [t.lower() for t in tokens[i + 1 : i + 5] if t.strip()][:2]
    gerund = after[1:] if after[:1] == ["not"] else after[:1]
    if gerund and gerund[0].endswith("ing") and gerund[0] not in _ING_NOUNS:
        return True  # "as you not wanting to" -> "as me not wanting to"; "you being..."
    if not previous or previous == "," or previous in _CLAUSE_START or verb_next:
        return False
    # a subject is followed by its verb; "tells you something", "know you well": an object
    return not following or following in _OBJECT_FOLLOWS or previous.endswith("ed")
