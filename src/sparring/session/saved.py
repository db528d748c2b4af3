"""Saved conversations as lists show them (history, the picker's offer to resume), and the
rules about them that the screens must not re-invent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SavedSummary:
    """A saved conversation in a list: read from its header and its last lines only."""

    path: Path
    started_at: str
    scenario_id: str
    title: str
    turns: int
    ending: str | None
    parent: str | None
    has_draft: bool = False

    @property
    def unfinished(self) -> bool:
        """Worth offering to resume: no ending yet, and something to come back to (a reply,
        or a reply being written)."""
        return self.ending is None and (self.turns > 0 or self.has_draft)


def latest_unfinished(saved: Iterable[SavedSummary]) -> SavedSummary | None:
    """The newest conversation worth resuming (`saved` is newest first)."""
    return next((s for s in saved if s.unfinished), None)
