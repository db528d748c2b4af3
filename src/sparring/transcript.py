"""The transcript format: a header line, then one event per line (JSONL).

A transcript is self-contained: the header embeds the scenario and rubrics it was played with,
so a replay, a rewind or a resume needs nothing but the file. Only the header carries a
timestamp, so the same scenario, seed and replies always give identical events. Never a key.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from sparring.judge.model import Assessment
from sparring.moves import Category

FORMAT_VERSION = 1


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class Embedded(_Event):
    """A scenario or rubric as it was when the session started."""

    id: str
    hash: str
    data: dict[str, Any]


class Parent(_Event):
    """The attempt a rewound session branched from."""

    path: str
    turn: int


class Header(_Event):
    type: Literal["header"] = "header"
    format: int = FORMAT_VERSION
    app_version: str
    started_at: str
    seed: int
    voice: str
    judge: str
    scenario: Embedded
    rubric: Embedded
    session_rubric: Embedded | None = None
    parent: Parent | None = None


class PersonaEvent(_Event):
    type: Literal["persona"] = "persona"
    turn: int
    text: str
    line: str
    """Which authored line was used, e.g. `reactions.defensive[2]` (for variety on resume)."""
    reveals: str | None = None


class UserEvent(_Event):
    type: Literal["user"] = "user"
    turn: int
    text: str


class AssessmentEvent(_Event):
    type: Literal["assessment"] = "assessment"
    turn: int
    assessment: Assessment


class StateEvent(_Event):
    type: Literal["state"] = "state"
    turn: int
    meters: dict[str, int]
    revealed: list[str]
    stage: str | None = None
    reaction: Category
    effects: dict[str, int] = {}


class NoticeEvent(_Event):
    type: Literal["notice"] = "notice"
    turn: int
    text: str


class EndingEvent(_Event):
    type: Literal["ending"] = "ending"
    turn: int
    id: str
    title: str
    outcome: str


Event = Annotated[
    Header | PersonaEvent | UserEvent | AssessmentEvent | StateEvent | NoticeEvent | EndingEvent,
    Field(discriminator="type"),
]
_EVENT = TypeAdapter(Event)


def parse_event(line: str) -> Any:
    """One JSONL line to an event model (raises ValueError on anything malformed)."""
    return _EVENT.validate_json(line)


def dump_event(event: BaseModel) -> str:
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def content_hash(data: Any) -> str:
    """A stable hash of a scenario or rubric's content (key order does not matter)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
