"""Keeps a streamed persona line in role, as it streams.

The prompt asks the model to stay in role; this checks that it did. A line that starts
speaking as the user, writes a transcript, or steps out of the scene (coaching, "as an AI",
the rubric, its instructions) is stopped where that starts: what came before it is kept if
it says something, otherwise the line is refused and the scripted line is said instead. The
last few characters are held back until it is clear they do not begin such a slip, so a
stopped slip is never shown.
"""

from __future__ import annotations

import re

from sparring.adapters.llm.errors import BadOutput

HOLD_BACK = 48
LOOK_BACK = 64
MIN_KEPT_WORDS = 3

_OUT_OF_ROLE = (
    r"\bas an? (?:ai|language model|assistant)\b|\blanguage model\b|\bI'?m an ai\b"
    r"|\b(?:system|director'?s?) (?:prompt|message|note)\b|\bmy (?:instructions|prompt)\b"
    r"|\brubric\b|\bhidden concerns?\b|\brole-?play\b|\bthis (?:rehearsal|exercise|simulation)\b"
    r"|\bas your coach\b|\bcoaching tip\b|\ba better (?:reply|response|answer) would\b"
    r"|\byou should have said\b|\bI can(?:no|')t (?:help|assist|continue) with\b"
)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s|$)")


class OutOfRole(BadOutput):
    """The model stepped out of the persona's role before saying anything usable."""


class RoleGuard:
    def __init__(self, persona: str, user: str) -> None:
        names = "|".join(re.escape(n) for n in {user, "user", "you", "assistant", "system"})
        self._speaker = re.compile(rf"(?im)(?:^|\n)\s*[*_]*(?:{names})[*_]*\s*:")
        self._own_label = re.compile(rf"^\s*[*_]*{re.escape(persona)}[*_]*\s*:\s*", re.I)
        self._slip = re.compile(_OUT_OF_ROLE, re.I)
        self.text = ""
        self._shown = 0
        self.stopped = False

    def _stop_at(self) -> int | None:
        """Where to cut: before a line that speaks for someone else, or at the end of the last
        whole sentence before a slip out of role (never before what is already shown)."""
        cuts = []
        # only what may hold a new match: the text not yet shown, and a little before it
        start = max(0, self._shown - LOOK_BACK)
        speaker = self._speaker.search(self.text, start)
        if speaker:
            cuts.append(speaker.start())
        slip = self._slip.search(self.text, start)
        if slip:
            ends = [m.end() for m in _SENTENCE_END.finditer(self.text, 0, slip.start())]
            cuts.append(max(ends[-1] if ends else 0, self._shown))
        return min(cuts) if cuts else None

    def feed(self, piece: str) -> str:
        """What of `piece` may be shown now ("" while held back or once stopped)."""
        if self.stopped:
            return ""
        self.text += piece
        if self._shown == 0:
            label = self._own_label.match(self.text)
            if label and len(self.text) > label.end():
                self.text = self.text[label.end() :]  # "Sarah: ..." is her speaking: unlabel
        stop = self._stop_at()
        if stop is not None:
            self.stopped = True
            self.text = self.text[:stop].rstrip()
            return self._release(len(self.text))
        return self._release(max(self._shown, len(self.text) - HOLD_BACK))

    def finish(self) -> str:
        """The rest of the line; raises OutOfRole if it stopped with nothing worth keeping."""
        rest = self._release(len(self.text))
        if self.stopped and len(self.text.split()) < MIN_KEPT_WORDS:
            raise OutOfRole("the model stepped out of the persona's role")
        return rest

    def _release(self, upto: int) -> str:
        out = self.text[self._shown : upto]
        self._shown = max(self._shown, upto)
        return out
