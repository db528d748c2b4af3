"""The conversation: persona and user messages, clearly told apart. A persona line can grow as
it streams in, redrawn at most STREAM_FPS times a second however fast the pieces come (enough
to read it as it comes, and a long line's layout never crowds out the keys); a line that broke
off is marked as cut."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.widgets import Static

from sparring.tui.widgets.reading_pane import ReadingPane

Speaker = Literal["persona", "user", "narration", "notice"]
STREAM_FPS = 10
CUT_MARK = " — cut off"


class ChatMessage(Static):
    """One message in the conversation."""

    DEFAULT_CSS = """
    ChatMessage { width: 1fr; height: auto; margin: 0 0 1 0; padding: 0 1; }
    ChatMessage.persona { border-left: thick $warning; background: $warning 8%; margin-right: 6; }
    ChatMessage.user { border-left: thick $primary; background: $primary 10%; margin-left: 6; }
    ChatMessage.narration { color: $text-muted; text-style: italic; padding: 0 2; }
    ChatMessage.notice { color: $error; text-style: italic; padding: 0 2; }
    """

    def __init__(self, speaker: Speaker, name: str, text: str, *, cut: bool = False) -> None:
        self.speaker = speaker
        self.author = name
        self.body = text
        self.cut = cut
        self._redraw_due = False
        super().__init__(self._render_text(), classes=speaker)

    def _render_text(self) -> Text:
        if self.speaker in ("narration", "notice"):
            return Text(self.body)
        out = Text()
        out.append(self.author, style="bold")
        out.append("\n")
        out.append(self.body)
        if self.cut:
            out.append(CUT_MARK, style="dim italic")
        return out

    def append_text(self, more: str) -> None:
        """Grow a streamed message (redrawn on the next frame, not on every piece)."""
        self.body += more
        if not self._redraw_due:
            self._redraw_due = True
            self.set_timer(1 / STREAM_FPS, self._redraw)

    def _redraw(self) -> None:
        self._redraw_due = False
        self.update(self._render_text())

    def finish(self, text: str, *, cut: bool = False) -> None:
        """The line as it was recorded (a stream that broke off is marked cut)."""
        self.body, self.cut = text, cut
        self._redraw_due = False
        self.update(self._render_text())


class Conversation(ReadingPane):
    """The scrolling record of the conversation so far. Focusable (Tab), so a keyboard user
    can scroll back through what was said; the blank border turns into a visible one then."""

    DEFAULT_CSS = """
    Conversation { height: 1fr; border: blank; }
    """
    KEYS_ON_TOP = True

    async def add(
        self, speaker: Speaker, name: str, text: str, *, cut: bool = False
    ) -> ChatMessage:
        message = ChatMessage(speaker, name, text, cut=cut)
        await self.mount(message)
        # Anchored, not scrolled once: when the first overflow brings in the scrollbar, the
        # messages re-wrap narrower and grow; the anchor keeps the newest line in view
        # (until the user scrolls up to read back).
        self.anchor()
        return message

    @property
    def messages(self) -> list[ChatMessage]:
        return list(self.query(ChatMessage))
