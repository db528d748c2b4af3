"""Chat spellings read as the words they stand for ("ur saying" is "you're saying", "im" is
"i'm", "dont" is "don't", "w halvorsen" is "with halvorsen"), so the phrase rules hear a
texted reply as they hear a typed one. The expanded text comes with a map back to the reply's
own offsets, so the evidence still quotes exactly what the user wrote.
"""

from __future__ import annotations

import re

# (pattern over lower-cased text, what it stands for); the first that matches at a place wins
_SPELLINGS: list[tuple[str, str]] = [
    (r"ur(?= \w+ing\b)", "you're"),  # "ur saying", "ur telling me"
    (r"ur", "your"),
    (r"u", "you"),
    (r"r(?= (?:u|you|we|they)\b)", "are"),  # "r u ok"
    (r"(?<= )r(?= \w)", "are"),  # "u r right"
    (r"(?<!the )(?<!a )w(?= [a-z]{2,})", "with"),  # "w halvorsen", "w the team"
    (r"im", "i'm"),
    # "ill give u the real answer", "id rather hear it from u" (not "ill" for sick, "id" card)
    (
        r"(?:^|(?<=[.,;!?] )|(?<=\band )|(?<=\bbut )|(?<=\bok )|(?<=\byeah )"
        r"|(?<=\bthen )|(?<=\bfine )|(?<=\bsure )|(?<=\bright ))"
        r"ill(?= (?:give|send|call|get|do|be|make|talk|speak|sort|fix|check|look|tell|ask|take"
        r"|come|go|let|have|try|see|keep|put|write|ring|text|email|pay|answer|listen|stop|find"
        r"|bring|sit|stay|leave|just|never|always|still|definitely|probably|own|explain)\b)",
        "i'll",
    ),
    (
        r"(?<!\bmy )(?<!\bthe )(?<!\byour )(?<!\buser )(?<!\bstaff )(?<!\bphoto )(?<!\ban )"
        r"(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bof )(?<!\bno )(?<!\bvalid )"
        r"id(?= (?:like|love|rather|be|have|say|never|hate|want|really|just|prefer|feel)\b)",
        "i'd",
    ),
    (r"ive", "i've"),
    (r"youre", "you're"),
    (r"youve", "you've"),
    (r"thats", "that's"),
    (r"whats", "what's"),
    (r"hows", "how's"),
    (r"wheres", "where's"),
    (r"(do|does|did|is|was|are|were|have|has|had|could|would|should|ca|wo)nt", r"\1n't"),
    (r"pls|plz", "please"),
    (r"thx|thnx", "thanks"),
    (r"bc|cuz|coz", "because"),
    (r"idk", "i don't know"),
    (r"tbh", "to be honest"),
    (r"tmrw|tmw|2moro|2morrow", "tomorrow"),
    (r"sry|srry", "sorry"),
]
_PATTERNS = [(re.compile(rf"\b(?:{p})\b"), r) for p, r in _SPELLINGS]
# What the scan looks for: each spelling's pattern, except that "ill" and "id" are looked for
# as bare words (their patterns look behind them at every place, which stopped the scan from
# jumping to the next likely word: four times slower); their own patterns then decide.
_BARE = {"i'll": "ill", "i'd": "id"}
_ANY = re.compile(r"\b(?:" + "|".join(f"(?:{_BARE.get(r, p)})" for p, r in _SPELLINGS) + r")\b")


Where = list[tuple[int, int]]
"""For each character of the expanded text, the span of the original it comes from."""


def expand(low: str) -> tuple[str, Where | None]:
    """`low` with chat spellings written out, and where each character of the result comes
    from (None when nothing changed: the offsets are the same)."""
    if not _ANY.search(low):
        return low, None
    out: list[str] = []
    where: Where = []
    done = 0
    for m in _ANY.finditer(low):
        written = m.group()
        for pattern, replacement in _PATTERNS:
            found = pattern.match(low, m.start())
            if found is not None and found.end() == m.end():
                written = found.expand(replacement)
                break
        # the text between spellings as it was, each character where it stood
        out.append(low[done : m.start()])
        where.extend(zip(range(done, m.start()), range(done + 1, m.start() + 1), strict=True))
        out.append(written)
        # a word written out stands for the whole word the user typed
        where.extend([(m.start(), m.end())] * len(written))
        done = m.end()
    out.append(low[done:])
    where.extend(zip(range(done, len(low)), range(done + 1, len(low) + 1), strict=True))
    return "".join(out), where


def back(where: Where | None, start: int, end: int) -> tuple[int, int]:
    """A span of the expanded text as a span of the original."""
    if where is None or start >= end:
        return start, end
    return where[start][0], where[end - 1][1]
