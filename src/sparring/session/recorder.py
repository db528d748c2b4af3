"""Where a session's events go. The session knows only this interface: the transcript writer
(`adapters.files.transcripts.TranscriptWriter`) implements it, and later a history index can
listen too (`FanOut`), without the session knowing."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pydantic import BaseModel


class Recorder(Protocol):
    @property
    def path(self) -> Path | None:
        """Where the events are kept, if anywhere (shown to the user as "saved to ...")."""
        ...

    def record(self, event: BaseModel) -> None:
        """Keep one event (a header, a line, a reply, an assessment, a state, an ending)."""
        ...

    def commit(self) -> None:
        """Make everything recorded so far durable. Called at the end of every turn, before
        the next reply is accepted; may be slow (an fsync), so the session runs it off the
        event loop."""
        ...

    def close(self) -> None: ...


class NullRecorder:
    """Keeps nothing (a session played only in memory)."""

    path: Path | None = None

    def record(self, event: BaseModel) -> None:
        pass

    def commit(self) -> None:
        pass

    def close(self) -> None:
        pass


class FanOut:
    """Records to several recorders (the transcript first: it is the source of truth)."""

    def __init__(self, *recorders: Recorder) -> None:
        self.recorders = recorders
        self.path = next((r.path for r in recorders if r.path is not None), None)

    def record(self, event: BaseModel) -> None:
        for recorder in self.recorders:
            recorder.record(event)

    def commit(self) -> None:
        for recorder in self.recorders:
            recorder.commit()

    def close(self) -> None:
        for recorder in self.recorders:
            recorder.close()
