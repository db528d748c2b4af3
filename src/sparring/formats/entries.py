"""A scenario as the picker and `sparring list` show it (no validation machinery here, so the
app's first screen can be drawn from the index without importing the formats)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ScenarioEntry:
    """What lists show, and what the rehearsal screen needs to draw before the scenario is
    loaded (so its first frame does not wait for the formats, the checks or the judge)."""

    id: str
    title: str
    summary: str
    difficulty: str
    you_play: str
    persona: str
    source: str
    path: Path
    order: int = 100
    persona_name: str = ""
    user_name: str = "you"
    setting: str = ""
    turn_limit: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        for internal in ("order", "persona_name", "user_name", "setting", "turn_limit"):
            data.pop(internal)
        return data

    def to_index(self) -> dict[str, Any]:
        return {**asdict(self), "path": str(self.path)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScenarioEntry:
        return cls(**{**data, "path": Path(data["path"])})
