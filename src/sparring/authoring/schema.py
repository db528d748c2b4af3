"""The JSON Schemas of the formats (for editor completion), and file-name slugs."""

from __future__ import annotations

import re
from typing import Any, Literal

from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario

SCHEMA_BASE = "https://sparring.dev/schemas"


def schema_for(kind: Literal["scenario", "rubric"]) -> dict[str, Any]:
    """The JSON Schema of a format, with a title and id for editors."""
    model = Scenario if kind == "scenario" else Rubric
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{SCHEMA_BASE}/{kind}.schema.json"
    schema["title"] = f"sparring {kind}"
    return schema


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:64] or "my-scenario"
