"""How endings read in lists and tables (history, comparisons, reports)."""

from __future__ import annotations

from sparring.persona.rules import STOPPED_ENDING, TURN_LIMIT_ENDING

# How each ending reads in a table (history, comparison); other ids are shown as they are.
ENDING_LABEL: dict[str | None, str] = {
    "breakthrough": "breakthrough",
    "walkout": "walked out",
    TURN_LIMIT_ENDING: "out of time",
    STOPPED_ENDING: "you ended it",
    None: "unfinished",
}


def ending_label(ending: str | None) -> str:
    return ENDING_LABEL.get(ending, ending or "unfinished")
