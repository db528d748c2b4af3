"""The phrases a persona line throws back at the listener: quoted to mock them ("any
inconvenience", "purpose", "we"), or refused outright ("Don't 'I hear you' me", "Don't tell
me it's about empowerment", "Spare me the journey"). A suggested reply never uses them.

The persona's text is data: it is matched, never interpreted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sparring.judge.offline.prefilter import Guarded

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_QUOTED = (re.compile(r'"([^"]{1,200})"'), re.compile(r"(?<![\w])'([^']{1,200})'(?![\w])"))
_REFUSED = (
    # "Don't 'I hear you' me.", "Don't sorry me."
    re.compile(r"\bdon'?t ([^.,!?;]{1,30}?) me[.!?]", re.IGNORECASE),
    re.compile(
        r"\b(?:don'?t|do not) (?:tell|give) me (?:that )?(?:it'?s )?(?:about )?(?:the )?"
        r"([^.,!?;]{1,80})",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:don'?t|do not) (?:talk to me about|start with|hide behind|make (?:this|it) about|"
        r"walk me through|quote) (?:the )?([^.,!?;]{1,80})",
        re.IGNORECASE,
    ),
    re.compile(r"\bspare me (?:the )?([^.,!?;]{1,80})", re.IGNORECASE),
)
# Refusing an act rules out the words that perform it.
_REFUSED_ACTS = (
    (re.compile(r"\b(?:don'?t|do not) apologi[sz]e", re.IGNORECASE), ("sorry", "apologise")),
    (re.compile(r"\b(?:don'?t|do not) explain", re.IGNORECASE), ("explain",)),
)
# A line that mocks rehearsed listening: the suggestion keeps to plain words.
_SCRIPTED = Guarded(
    r"\b(?:course|script|scripted|template|they teach you|managing me|on a loop|going through "
    r"the motions|feel like i've been heard|therapy|therapist|hr voice)\b",
    re.IGNORECASE,
)


def normal(text: str) -> str:
    """Lower case, straight apostrophes, words only: how phrases are compared."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().translate(_QUOTES)))


@lru_cache(maxsize=512)
def rejected(line: str) -> tuple[str, ...]:
    """The phrases (normalised) that `line` quotes back or refuses."""
    plain = line.translate(_QUOTES)
    found: list[str] = []
    for pattern in _QUOTED + _REFUSED:
        found += [m.group(1) for m in pattern.finditer(plain)]
    for act, words in _REFUSED_ACTS:
        if act.search(plain):
            found += words
    return tuple(dict.fromkeys(p for p in map(normal, found) if p))


def uses(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether `text` uses any of the (normalised) phrases, as whole words."""
    if not phrases:
        return False
    low = f" {normal(text)} "
    return any(f" {p} " in low or (p in {"sorry", "apologise"} and _apology(low)) for p in phrases)


def _apology(low: str) -> bool:
    return bool(re.search(r" (?:sorry|apologi[sz]e\w*|apologies) ", low))


def scripted(line: str) -> bool:
    """Whether the line mocks rehearsed, scripted listening."""
    return _SCRIPTED.search(line) is not None
