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

from sparring.formats.common import MAX_REPLY_CHARS, MeterValue
from sparring.formats.moves import Category
from sparring.formats.untrusted import visible_data
from sparring.judge.base import Assessment

FORMAT_VERSION = 1

# A transcript may come from someone else: every number is range-checked and every text
# bounded, so a doctored file is refused line by line instead of exhausting memory.
Turn = Annotated[int, Field(ge=0, le=10_000)]
Short = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=MAX_REPLY_CHARS)]
Effect = Annotated[int, Field(ge=-100, le=100)]


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class Embedded(_Event):
    """A scenario or rubric as it was when the session started."""

    id: Short
    hash: Short
    data: dict[str, Any]


class Parent(_Event):
    """The attempt a rewound session branched from."""

    path: Annotated[str, Field(max_length=4096)]
    turn: Turn


class Header(_Event):
    type: Literal["header"] = "header"
    format: int = FORMAT_VERSION
    app_version: Short
    started_at: Annotated[str, Field(max_length=40)]
    seed: Annotated[int, Field(ge=-(2**63), lt=2**63)]
    voice: Short
    judge: Short
    scenario: Embedded
    rubric: Embedded
    session_rubric: Embedded | None = None
    parent: Parent | None = None


class PersonaEvent(_Event):
    type: Literal["persona"] = "persona"
    turn: Turn
    text: LongText
    line: Short
    """Which authored line was used, e.g. `reactions.defensive[2]` (for variety on resume)."""
    reveals: Short | None = None
    how: Short | None = None
    """How the revealed concern came out: asked, named (the user named it first) or
    volunteered (listening earned it without touching it)."""
    voice: Short | None = None
    """Which voice said it: `scripted`, or `llm:MODEL` (older transcripts did not say)."""
    cut: bool = False
    """The stream broke off (or was stopped) partway: `text` is what was shown before it did,
    not a whole line. The line said instead follows it."""


class UserEvent(_Event):
    type: Literal["user"] = "user"
    turn: Turn
    text: LongText


class AssessmentEvent(_Event):
    type: Literal["assessment"] = "assessment"
    turn: Turn
    assessment: Assessment


class StateEvent(_Event):
    type: Literal["state"] = "state"
    turn: Turn
    meters: Annotated[dict[Short, MeterValue], Field(max_length=20)]
    revealed: Annotated[list[Short], Field(max_length=50)]
    stage: Short | None = None
    reaction: Category
    effects: Annotated[dict[Short, Effect], Field(max_length=20)] = {}
    idle_run: Annotated[int, Field(ge=0, le=10_000)] = 0
    """Empty or repeated replies in a row so far."""
    kind: Short | None = None
    """Which of her reactions answered the reply (confused, check, follow_up, ...)."""


class NoticeEvent(_Event):
    type: Literal["notice"] = "notice"
    turn: Turn
    text: Annotated[str, Field(max_length=4000)]


class EndingEvent(_Event):
    type: Literal["ending"] = "ending"
    turn: Turn
    id: Short
    title: Annotated[str, Field(max_length=1000)]
    outcome: Short


Event = Annotated[
    Header | PersonaEvent | UserEvent | AssessmentEvent | StateEvent | NoticeEvent | EndingEvent,
    Field(discriminator="type"),
]
_EVENT = TypeAdapter(Event)


def parse_event(line: str) -> Any:
    """One JSONL line to an event model (raises ValueError on anything malformed). Every string
    in it is made safe to show (`untrusted.visible`) before it is validated."""
    try:
        data = json.loads(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    return _EVENT.validate_python(visible_data(data))


def dump_event(event: BaseModel) -> str:
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def content_hash(data: Any) -> str:
    """A stable hash of a scenario or rubric's content (key order does not matter)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
