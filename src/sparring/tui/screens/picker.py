"""Pick a scenario: shipped and the user's own, with what you will face; resume an
interrupted session."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sparring.formats.entries import ScenarioEntry
from sparring.tui.navigation import UnfinishedSession, nav
from sparring.tui.widgets.footer import KeyBar
from sparring.tui.widgets.title_bar import TitleBar

DIFFICULTY_STYLE = {"easy": "green", "medium": "yellow", "hard": "red"}


def entry_prompt(entry: ScenarioEntry) -> Text:
    text = Text()
    text.append(entry.title, style="bold")
    text.append(" · ", style="dim")
    text.append(entry.difficulty, style=DIFFICULTY_STYLE.get(entry.difficulty, ""))
    if entry.source != "shipped":
        text.append("  (yours)", style="italic dim")
    text.append(f"\n{entry.persona}", style="dim")
    return text


def entry_details(entry: ScenarioEntry, *, compact: bool = False) -> Text:
    """What the highlighted scenario is about. Compact (small terminals, where the box is a
    few lines under the list, which already names it): the summary first, no blank lines."""
    text = Text()
    if not compact:
        text.append(f"{entry.title}\n\n", style="bold")
    text.append(f"{entry.summary}\n" + ("" if compact else "\n"))
    text.append("You play: ", style="bold")
    text.append(f"{entry.you_play}\n")
    text.append("You face: ", style="bold")
    text.append(f"{entry.persona}\n")
    text.append("Difficulty: ", style="bold")
    text.append(f"{entry.difficulty}", style=DIFFICULTY_STYLE.get(entry.difficulty, ""))
    if not compact:
        text.append("\n\nPress Enter to start.", style="italic dim")
    return text


class PickerScreen(Screen[None]):
    """The first screen: choose who to rehearse with."""

    # Scoped to this screen, and parsed only when it is first shown (not at start-up).
    DEFAULT_CSS = """
    PickerScreen #picker { height: 1fr; }
    PickerScreen #banner { height: auto; padding: 1 2; }
    PickerScreen #picker-body { height: 1fr; }
    PickerScreen #scenarios { width: 1fr; height: 1fr; }
    PickerScreen #details { width: 1fr; height: 1fr; padding: 1 2; border: round $primary; }
    PickerScreen.narrow #banner { padding: 0 1; }
    PickerScreen.narrow #picker-body { layout: vertical; }
    PickerScreen.narrow #scenarios { height: 1fr; }
    PickerScreen.narrow #details { height: 1fr; padding: 0 1; }
    """

    BINDINGS = [
        Binding("enter", "start", "Rehearse", show=True, priority=True),
        Binding("ctrl+r", "resume", "Resume unfinished"),  # listed once there is one
        Binding("h", "history", "History"),
    ]

    def __init__(self, entries: list[ScenarioEntry], problems: int) -> None:
        super().__init__()
        self.entries = entries
        self.unfinished: UnfinishedSession | None = None
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="picker"):
            yield Static(self._banner(), id="banner")
            with Horizontal(id="picker-body"):
                options: list[Option | None] = []
                for e in self.entries:
                    options += [Option(entry_prompt(e), id=e.id), None]
                yield OptionList(*options[:-1], id="scenarios")
                yield Static(entry_details(self.entries[0]) if self.entries else "", id="details")
        yield KeyBar()

    def _banner(self) -> Text:
        text = Text()
        text.append("Pick a conversation to rehearse. ", style="bold")
        text.append(
            "Someone is angry with you: listen, don't defend, ask before you adjust.", style="dim"
        )
        if self.unfinished is not None:
            text.append("\nUnfinished: ", style="bold yellow")
            text.append(f"{self.unfinished.title} (reply {self.unfinished.turns}). ")
            text.append("Ctrl+R resumes it.", style="bold")
        if self.problems:
            text.append(
                f"\n{self.problems} of your scenario files could not be used: ", style="red"
            )
            text.append("run `sparring list` to see why.", style="dim")
        return text

    def on_resize(self) -> None:
        narrow = self.size.width < 90
        if narrow != self.has_class("narrow"):  # only a change of layout redraws the details
            self.set_class(narrow, "narrow")
            self._show_details()

    def _show_details(self) -> None:
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        if index is None:
            return
        entry = self._entry(option_list.get_option_at_index(index).id)
        if entry is not None:
            compact = self.has_class("narrow")
            self.query_one("#details", Static).update(entry_details(entry, compact=compact))

    def on_mount(self) -> None:
        self.title = "sparring"
        self.sub_title = "rehearse difficult conversations"
        self.query_one(OptionList).focus()

    def offer_resume(self, unfinished: UnfinishedSession) -> None:
        """Shown once the app has found an interrupted session (after the first paint)."""
        self.unfinished = unfinished
        self.query_one("#banner", Static).update(self._banner())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.unfinished is not None
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_details()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._entry(event.option.id)
        if entry is not None:
            nav(self).start_rehearsal(entry)

    def _entry(self, entry_id: str | None) -> ScenarioEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def action_start(self) -> None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return
        entry = self._entry(option_list.get_option_at_index(option_list.highlighted).id)
        if entry is not None:
            nav(self).start_rehearsal(entry)

    def action_resume(self) -> None:
        if self.unfinished is not None:
            nav(self).resume(Path(self.unfinished.path))

    def action_history(self) -> None:
        nav(self).open_history()
