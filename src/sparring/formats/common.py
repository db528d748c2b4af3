"""Building blocks shared by the scenario, rubric and transcript formats."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=64),
]
"""A short identifier: lowercase letters, digits, '-' and '_'."""

MeterName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]
"""A meter's name: lowercase letters, digits and '_', starting with a letter."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
"""Non-empty text."""

METER_MIN = 0
METER_MAX = 10

MeterValue = Annotated[int, Field(ge=METER_MIN, le=METER_MAX)]
Score = Annotated[int, Field(ge=1, le=5)]

MAX_REPLY_CHARS = 20_000
"""The longest reply the judge reads; longer ones are refused with a message, never cut."""


class StrictModel(BaseModel):
    """A model that rejects unknown keys and documents every field from its docstring."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        populate_by_name=True,
    )


def first_sentence(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    match = re.search(r"(?<!e\.g)(?<!i\.e)(?<!etc)\.\s", text)
    return text if match is None else text[: match.start() + 1]


def dump_clean(model: BaseModel) -> dict[str, Any]:
    """The model as plain JSON-ready data, without unset defaults."""
    return model.model_dump(mode="json", exclude_defaults=True)
