"""How the rehearsal screen hears a turn as it happens (session.listener): the feedback as
soon as the reply is judged, the persona's line as it streams, notices, and progress ("retrying
in 3 s") in the status line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from sparring.session.listener import TurnListener
from sparring.tui.widgets.conversation import ChatMessage, Conversation

if TYPE_CHECKING:
    from sparring.session.events import PersonaEvent
    from sparring.session.record import Turn
    from sparring.tui.screens.rehearsal import RehearsalScreen


class TurnView(TurnListener):
    def __init__(self, screen: RehearsalScreen, waiting: str = "Scoring your reply…") -> None:
        self.screen = screen
        self.bubble: ChatMessage | None = None
        self.waiting = Text(waiting, style="dim")
        self.persona = screen.persona_name
        self.lines = 0
        """Persona lines shown so far."""

    async def assessed(self, turn: Turn) -> None:
        self.screen.show_assessed(turn)
        note = " (Esc: stop waiting)" if self.screen.session.turn_budget else ""
        self.waiting = Text(f"{self.persona} is answering…{note}", style="dim")
        self.screen.set_status(self.waiting)

    async def speaking(self) -> None:
        self.bubble = None

    async def text(self, piece: str) -> None:
        if self.bubble is None:
            conversation = self.screen.query_one(Conversation)
            self.bubble = await conversation.add("persona", self.persona, piece.lstrip())
        else:
            self.bubble.append_text(piece)

    async def spoken(self, event: PersonaEvent) -> None:
        if self.bubble is None:
            conversation = self.screen.query_one(Conversation)
            await conversation.add("persona", self.persona, event.text, cut=event.cut)
        else:
            self.bubble.finish(event.text, cut=event.cut)
        self.bubble = None
        self.lines += 1

    async def notice(self, text: str) -> None:
        await self.screen.query_one(Conversation).add("notice", "", text)

    def status(self, text: str) -> None:
        self.screen.set_status(Text(text, style="yellow") if text else self.waiting)
