"""How endings read in lists and tables (history, comparisons, reports)."""

from __future__ import annotations

# The ids persona.rules gives these endings, written out so that listing history does not
# import the persona's rules (and pydantic with them); a test checks they agree.
TURN_LIMIT_ENDING = "turn_limit"
STOPPED_ENDING = "stopped"

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
