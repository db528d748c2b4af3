"""The reply editor: multi-line, Enter sends, Ctrl+J (or Shift+Enter) adds a new line."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import TextArea

from sparring.formats.untrusted import UNSAFE, visible

NEWLINE_KEYS = ("ctrl+j", "shift+enter", "alt+enter")


class ReplyEditor(TextArea):
    """A TextArea that sends on Enter. TextArea has no Submitted message, so it posts one."""

    DEFAULT_CSS = """
    ReplyEditor { height: auto; min-height: 3; max-height: 8; border: round $accent 40%; }
    ReplyEditor:focus { border: round $accent-lighten-1; }
    """

    BINDINGS = [Binding("ctrl+j", "newline", "New line", show=False)]

    class Submitted(Message):
        """The user pressed Enter to send the reply."""

        def __init__(self, editor: ReplyEditor, text: str) -> None:
            self.editor = editor
            self.text = text
            super().__init__()

        @property
        def control(self) -> ReplyEditor:
            return self.editor

    def __init__(self, placeholder: str = "", **kwargs: object) -> None:
        super().__init__(
            "",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=Content(placeholder),  # plain text: it names the persona
            **kwargs,  # type: ignore[arg-type]
        )

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.text))
            return
        if event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.action_newline()
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        # A paste can carry terminal escapes: they go in as visible characters, never raw.
        # (Textual calls TextArea's own handler after this one unless the default is
        # prevented, so a clean paste is left to it.)
        if UNSAFE.search(event.text):
            event.stop()
            event.prevent_default()
            self.replace(visible(event.text), *self.selection)

    def action_newline(self) -> None:
        start, end = self.selection
        self.replace("\n", start, end)
