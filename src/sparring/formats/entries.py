"""A scenario as the picker and `sparring list` show it (no validation machinery here, so the
app's first screen can be drawn from the index without importing the formats)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ScenarioEntry:
    id: str
    title: str
    summary: str
    difficulty: str
    you_play: str
    persona: str
    source: str
    path: Path
    order: int = 100

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        data.pop("order")
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScenarioEntry:
        return cls(**{**data, "path": Path(data["path"])})
