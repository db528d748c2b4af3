"""What a screen (or a headless run) hears while a turn is played, as it happens.

The session calls these in order: `assessed` once the reply is judged and the persona's state
has moved (feedback can show before she answers); for each of her lines `speaking`, `text`
for every piece as it streams, then `spoken` with the line as recorded (it may differ from
what streamed: a stream that broke off is marked cut and the scripted line follows); `notice`
for anything the user should know (a fallback); and `status` for progress that is not
recorded ("retrying in 3 s"). Every method may be left as it is here (doing nothing).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sparring.session.events import PersonaEvent
    from sparring.session.record import Turn

OnText = Callable[[str], Awaitable[None] | None]


class TurnListener:
    """Does nothing; subclass and override what you need."""

    async def assessed(self, turn: Turn) -> None:
        pass

    async def speaking(self) -> None:
        pass

    async def text(self, piece: str) -> None:
        pass

    async def spoken(self, event: PersonaEvent) -> None:
        pass

    async def notice(self, text: str) -> None:
        pass

    def status(self, text: str) -> None:
        pass


class TextListener(TurnListener):
    """Only the words, as one stream of text (a line said instead of a broken one follows it
    after a line break)."""

    def __init__(self, on_text: OnText) -> None:
        self.on_text = on_text
        self._streamed = False

    async def speaking(self) -> None:
        self._streamed = False

    async def text(self, piece: str) -> None:
        self._streamed = True
        await _call(self.on_text, piece)

    async def spoken(self, event: PersonaEvent) -> None:
        if event.cut:
            return
        if not self._streamed:
            await _call(self.on_text, event.text)
        self._streamed = False

    async def notice(self, text: str) -> None:
        if self._streamed:  # what follows a broken stream starts on a line of its own
            await _call(self.on_text, "\n")
            self._streamed = False


async def _call(on_text: OnText, piece: str) -> None:
    result = on_text(piece)
    if result is not None:
        await result
