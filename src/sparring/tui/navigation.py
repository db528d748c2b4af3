"""What screens may ask the app to do. Screens stay decoupled from the App class (and from
each other): they call these methods on `self.app`, typed through this protocol."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from textual.screen import Screen

from sparring.formats.entries import ScenarioEntry


@dataclass(frozen=True)
class UnfinishedSession:
    """The latest conversation that stopped before an ending."""

    path: Path
    title: str
    turns: int


class Navigator(Protocol):
    def show_picker(self) -> None: ...
    def start_rehearsal(self, entry: ScenarioEntry) -> None: ...
    def resume(self, transcript: Path) -> None: ...
    def rewind(self, transcript: Path, turn: int) -> None: ...
    def open_replay(self, transcript: Path, *, from_debrief: bool = False) -> None: ...
    def open_history(self) -> None: ...
    def open_progress(self, scenario: str | None = None) -> None: ...
    def open_compare(self, left: Path, right: Path) -> None: ...


def nav(screen: Screen[Any]) -> Navigator:
    return cast(Navigator, screen.app)
