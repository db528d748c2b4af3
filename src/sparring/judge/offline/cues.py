"""What the detectors share: the hit collector and cues used by more than one detector."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from sparring.formats.moves import Move
from sparring.judge.offline import rules as R


@dataclass(frozen=True, slots=True)
class Hit:
    """A move and the span of the reply (character offsets) that triggered it."""

    move: Move
    start: int
    end: int


class Collector:
    """The hits found so far, also filed by move (in the order found, which is nearly always
    the order of the reply), so that asking whether a move is in a span costs a search
    among the hits of that move, not a pass over every hit (a long reply has hundreds)."""

    def __init__(self) -> None:
        self._hits: list[Hit] = []
        self._by_move: dict[Move, _Filed] = {}

    @property
    def hits(self) -> tuple[Hit, ...]:
        """The hits in the order found (read-only: assign a new sequence to change them, so
        that the hits filed by move stay the same)."""
        return tuple(self._hits)

    @hits.setter
    def hits(self, hits: Sequence[Hit]) -> None:
        self._hits = []
        self._by_move = {}
        for h in hits:
            self._file(h)

    def _file(self, hit: Hit) -> None:
        self._hits.append(hit)
        filed = self._by_move.get(hit.move)
        if filed is None:
            filed = self._by_move[hit.move] = _Filed()
        filed.add(hit)

    def add(self, move: Move, start: int, end: int) -> None:
        self._file(Hit(move, start, max(end, start + 1)))

    def has(self, move: Move, within: tuple[int, int] | None = None) -> bool:
        return self.has_any((move,), within)

    def has_any(
        self, moves: AbstractSet[Move] | tuple[Move, ...], within: tuple[int, int] | None = None
    ) -> bool:
        """Whether any of `moves` was found (overlapping `within`, if given)."""
        for move in moves:
            filed = self._by_move.get(move)
            if filed is not None and (within is None or filed.overlaps(*within)):
                return True
        return False

    def drop(self, moves: set[Move], within: tuple[int, int]) -> None:
        self.hits = [
            h
            for h in self._hits
            if not (h.move in moves and h.start >= within[0] and h.end <= within[1])
        ]


class _Filed:
    """The hits of one move, kept in order of their start, so that an overlap is found by
    bisection, looking back no further than the longest hit could reach."""

    __slots__ = ("hits", "longest", "starts")

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.starts: list[int] = []
        self.longest = 0

    def add(self, hit: Hit) -> None:
        if self.starts and hit.start < self.starts[-1]:
            # found out of order (a later pass over an earlier sentence): filed in its place
            i = bisect_right(self.starts, hit.start)
            self.hits.insert(i, hit)
            self.starts.insert(i, hit.start)
        else:
            self.hits.append(hit)
            self.starts.append(hit.start)
        self.longest = max(self.longest, hit.end - hit.start)

    def overlaps(self, a: int, b: int) -> bool:
        """Whether a hit overlaps the span [a, b)."""
        i = bisect_left(self.starts, b) - 1  # the last hit starting before b
        reach = a - self.longest
        while i >= 0 and self.starts[i] >= reach:
            if self.hits[i].end > a:
                return True
            i -= 1
        return False


LISTENING = {
    Move.reflect_content,
    Move.reflect_feeling,
    Move.own,
    Move.acknowledge,
    Move.appreciate,
}


DEFENSIVE = {
    Move.justify,
    Move.deny,
    Move.counterattack,
    Move.blame,
    Move.minimise,
    Move.dismiss,
    Move.deflect,
    Move.sarcasm,
}


ADVICE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|but|so|maybe|perhaps|i think|then)\s+)(?:you|u) (?:should|could|can|need to|have to|ought to|might want to|may want to|must|will|'ll) (?:(?:just|maybe|also|always|really|definitely|still) )?"
    r"(?:try|talk|go|get|consider|ask|look|do|make|take|speak|call|contact|reach|find|join|write|tell|think about|check|start|stop|use|see|keep|let|put|give|focus|remember|be|come|book|email|ring|pop|drop|send|phone|visit|apply|raise)\b"
    r"|^(?:try|don'?t|do|make sure|remember|consider|maybe try|just|go|take|get|keep|stop|please)\b"
)


SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you'?re|youre|u|ur|yourself)\b")


INVITE_START = re.compile(
    r"^(?:(?:so|and|ok(?:ay)?|well|but|now|please|go on|right)[,.!]*\s+)*(?:tell me|help me|walk me|talk me|say more|i'?d (?:really )?(?:like|love) to (?:hear|know|understand)|i want to (?:hear|know|understand))\b"
)


NEGATION = re.compile(
    r"\b(?:not|n't|never|nobody|no one|nothing|none)\b|\b\w+n't\b(?! (?:it|you|they|we|he|she|i)\s*[?.!]*$)"
)


REFLECTIVE_FRAME = re.compile(
    r"^(?:(?:oh|ok(?:ay)?|right|yes|yeah|so|and so|well|i see|wow|hmm)[,.!]*\s+)*(?:so|and so|which means|meaning|sounds|seems|basically|in short|for you|your)\b"
    r"|\b(?:you|u)(?:'re| are| were| have| had|'ve| feel| felt| want| wanted| need| needed| did| didn'?t| don'?t| got| lost| said| told| asked| found| never| always| keep| kept| can'?t| couldn'?t| haven'?t| hadn'?t| weren'?t| aren'?t| just| really| still| put| gave| spent| worked| tried| trusted| expected| heard| learned| built| brought| missed| waited| saw| thought| believed)\b"
)


NOT_REFLECTION = re.compile(
    r"^(?:if(?! i(?:'ve| have| am|'m)? (?:got|understand|understood|heard|hear|read)\b)|unless|when|please|i hope|hope|i wish|good ?bye|bye|take care|thank|thanks|have a|enjoy|congrat|good luck|best of luck|i think you should|maybe)\b"
)


FEEL_RE = re.compile(r"\b" + R.FEEL)  # a word that starts with a feeling ("sad", not "crusade")


FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|we|we're|we've|my|our|me|us)\b")


# Their reading taken as one we would have in their place: "If I saw my name in red on a board
# with no explanation, I'd think somebody was building a case too." (not "If you'd read the
# email you'd think so too", nor "I'd think about it")
IN_THEIR_PLACE = re.compile(
    r"^(?:\w+[,.]?\s+){0,2}?if (?:i|i'?d|that|it|my|we|someone|somebody)\b[^.?!]{0,200}?[, ]\s*"
    r"(?:i|we)(?:'d| would)(?: (?:probably|definitely|also|honestly|certainly|absolutely|sure|too))? "
    r"(?:think|assume|wonder|suspect|worry|believe|expect|read it|take it|see it|have thought"
    r"|have assumed|have wondered|have worried|have read it|have taken it|be thinking)\b"
    r"[^.?!]{0,200}\b(?:too|as well|the same)\W*$"
)


# "Eight years isn't nothing", "that's not nothing": two negatives that affirm
_LITOTES = re.compile(
    r"\b(?:\w+n't|not) (?:nothing|no small thing)(?=\s*(?:[.!?,;]|$|and\b|though\b|either\b))"
)


def negated(text: str) -> bool:
    """Whether a statement is negative (a double negative that affirms is not)."""
    return bool(NEGATION.search(_LITOTES.sub(" ", text) if "nothing" in text else text))


def negations(text: str) -> set[str]:
    return {m.group().replace("'", "") for m in NEGATION.finditer(text)}


def context_negations(ctx_text: str) -> set[str]:
    """The strong negations of what they said ('nobody rang'), which a reply may echo."""
    found = negations(ctx_text) & {"nobody", "no one", "nothing", "none", "never"}
    if found & {"nobody", "no one"}:
        found |= {"nobody", "no one"}
    return found
