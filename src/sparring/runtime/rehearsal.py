"""The one place that builds a rehearsal: start, resume or rewind, from one spec.

The app, `sparring run` and the tests all come through here, so a rehearsal is always built the
same way: the scenario and its rubrics from the library, the judge and the voice from the
settings, the transcript as its recorder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from sparring.adapters.files.library import Library
from sparring.adapters.files.saved import default_transcript_path, write_rewound
from sparring.adapters.files.transcripts import TranscriptWriter, read_transcript
from sparring.runtime.factory import build_parts, turn_budget
from sparring.runtime.settings import Settings
from sparring.session.listener import TurnListener
from sparring.session.live import OnText, Session

Purpose = Literal["rehearsal", "trial"]


@dataclass(frozen=True)
class RehearsalSpec:
    """What to open. Exactly one of: `scenario` (start a new conversation), `transcript`
    (resume it), or `transcript` with `from_turn` (a new attempt from that reply)."""

    settings: Settings = field(default_factory=Settings)
    scenario: str | None = None
    """A scenario id or file."""
    transcript: Path | None = None
    from_turn: int | None = None
    seed: int | None = None
    """The persona's seed; None picks one from the clock."""
    out: Path | None = None
    """Where a new transcript goes (default: the transcripts folder)."""
    scenario_dirs: tuple[Path, ...] = ()
    purpose: Purpose = "rehearsal"
    """`trial`: an author trying a scenario (`sparring run`), saved apart from rehearsals."""

    def __post_init__(self) -> None:
        if (self.scenario is None) == (self.transcript is None):
            raise ValueError("a RehearsalSpec needs a scenario or a transcript, not both")
        if self.from_turn is not None and self.transcript is None:
            raise ValueError("from_turn needs a transcript to rewind")


async def open_rehearsal(
    spec: RehearsalSpec,
    *,
    library: Library | None = None,
    now: datetime | None = None,
    on_text: OnText | None = None,
    listener: TurnListener | None = None,
) -> Session:
    """A live session for `spec`. Raises LoadError for unusable files or settings (LLM mode
    asked for and not configured) and OSError when the transcript cannot be written
    (TranscriptLocked when another process holds it)."""
    judge, voice = build_parts(spec.settings)
    budget = turn_budget(spec.settings)
    if spec.transcript is not None:
        path = spec.transcript
        if spec.from_turn is not None:
            path = write_rewound(read_transcript(path), spec.from_turn, now=now)
        data = read_transcript(path)
        writer = TranscriptWriter(path, create=False)
        try:
            return await Session.resume(
                data,
                judge=judge,
                voice=voice,
                recorder=writer,
                on_text=on_text,
                listener=listener,
                turn_budget=budget,
            )
        except BaseException:
            writer.close()
            raise
    assert spec.scenario is not None
    library = library or Library(scenario_dirs=spec.scenario_dirs)
    scenario, source = library.resolve_scenario(spec.scenario)
    rubric, session_rubric = library.rubrics_for(scenario, source)
    now = now or datetime.now().astimezone()
    seed = spec.seed if spec.seed is not None else int(now.timestamp()) % 100_000
    target = spec.out or default_transcript_path(scenario.id, now, trial=spec.purpose == "trial")
    writer = TranscriptWriter(target)
    try:
        return await Session.start(
            scenario,
            rubric,
            session_rubric=session_rubric,
            judge=judge,
            voice=voice,
            seed=seed,
            recorder=writer,
            now=now,
            on_text=on_text,
            listener=listener,
            turn_budget=budget,
        )
    except BaseException:
        writer.close()
        raise
