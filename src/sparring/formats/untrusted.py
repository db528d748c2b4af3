"""One rule for text that comes from files and from the user: it is data, never code.

Scenarios, rubrics and transcripts are shared between people, and a reply can be pasted from
anywhere. Such text must never act on the terminal that shows it: an escape sequence could set
the clipboard (OSC 52), retitle the window, clear the screen or hide a link. So every control
character (C0 except tab and newline, DEL, C1) and every bidi embedding, override or isolate
(which can make text read differently from what it is) is either refused (authored files, by
`validate`) or replaced by a visible stand-in of the same length (everything else), so evidence
spans still point at the same characters. Markup is a separate matter: the UI shows text
through `Text`/`Content` objects, never through a markup parser.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))

# C0 controls become the matching "control picture" (ESC -> ␛), DEL becomes ␡, and C1 controls
# and bidi controls become U+FFFD. One character for one, so offsets into the text still hold.
_VISIBLE: dict[int, int] = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update(dict.fromkeys(range(128, 160), 65533))
_VISIBLE.update(dict.fromkeys(_BIDI, 65533))

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_C0_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "backspace",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x0D: "carriage return",
    0x1B: "ESC",
}


def visible(text: str) -> str:
    """`text` with every unsafe character replaced by a visible one (same length)."""
    if UNSAFE.search(text) is None:
        return text
    return text.translate(_VISIBLE)


def visible_data(data: Any) -> Any:
    """`visible` applied to every string (keys included) in JSON-like data."""
    if isinstance(data, str):
        return visible(data)
    if isinstance(data, dict):
        return {visible_data(k): visible_data(v) for k, v in data.items()}
    if isinstance(data, list):
        return [visible_data(v) for v in data]
    return data


def describe(char: str) -> str:
    """A short name for an unsafe character, e.g. "ESC (U+001B)"."""
    code = ord(char)
    if code in _C0_NAMES:
        name = _C0_NAMES[code]
    elif code < 0x20 or code == 0x7F:
        name = "control character"
    elif code < 0xA0:
        name = "C1 control character"
    else:
        name = unicodedata.name(char, "bidi control").lower()
    return f"{name} (U+{code:04X})"


def unsafe_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, description) of every unsafe character in `text`."""
    for match in UNSAFE.finditer(text):
        yield match.start(), describe(match.group())


def is_bidi(char: str) -> bool:
    return ord(char) in _BIDI
