"""The session index: one SQLite file in the data folder that history, progress and the
debrief read instead of every transcript.

The transcripts stay the source of truth. Each file's size and modification time are kept
with what was read from it, so a `history` reads again only the files that changed (a
conversation still being played, a new one, a new scoring) and forgets the ones that are
gone. An index that is missing, from another schema version (`PRAGMA user_version`) or
damaged is rebuilt from the files; one that cannot be written is replaced by one in memory
for this run. A transcript that cannot be read is reported (with its reason) and skipped, and
a half-written one is listed as unfinished.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sparring.adapters.files import paths
from sparring.session.session_progress import ORIGINAL, DimensionMean, Scoring, SessionEntry, moment

SCHEMA_VERSION = 1
INDEX_NAME = "sessions.sqlite3"
TRANSCRIPT_SUFFIX = ".jsonl"
SCORING_SUFFIX = ".scores.json"
"""A re-scoring kept beside its transcript (adapters.files.scorings writes them)."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    problem TEXT
);
CREATE TABLE sessions (
    name TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    title TEXT NOT NULL,
    voice TEXT NOT NULL,
    judge TEXT NOT NULL,
    rubric TEXT NOT NULL,
    turns INTEGER NOT NULL,
    ending TEXT,
    parent TEXT
);
CREATE INDEX sessions_by_start ON sessions (started_utc);
CREATE TABLE scores (
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    label TEXT NOT NULL,
    judge TEXT NOT NULL,
    rubric TEXT NOT NULL,
    position INTEGER NOT NULL,
    dimension TEXT NOT NULL,
    dimension_name TEXT NOT NULL,
    mean REAL NOT NULL,
    replies INTEGER NOT NULL
);
CREATE INDEX scores_by_source ON scores (source);
"""


def index_path() -> Path:
    return paths.data_home() / INDEX_NAME


@dataclass(frozen=True)
class Skipped:
    """A transcript (or scoring file) that could not be read, and why."""

    path: Path
    problem: str


@dataclass
class History:
    """What the index holds, newest first, and what it had to skip."""

    entries: list[SessionEntry]
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things worth saying about the index itself (rebuilt, or kept in memory)."""


@dataclass(frozen=True)
class _Read:
    session: tuple[object, ...] | None
    scores: Sequence[tuple[object, ...]]
    problem: str | None = None


class SessionIndex:
    """An open index over one transcripts folder. Use `open_index()`."""

    def __init__(self, connection: sqlite3.Connection, folder: Path) -> None:
        self.db = connection
        self.folder = folder
        self.notes: list[str] = []

    def close(self) -> None:
        self.db.close()

    # -- keeping it in step with the files --------------------------------------------------

    def refresh(self) -> int:
        """Read again every file that changed since it was indexed, forget the ones that are
        gone; returns how many files were read."""
        known = {
            name: (size, mtime)
            for name, size, mtime in self.db.execute("SELECT name, size, mtime_ns FROM files")
        }
        changed: list[tuple[str, int, int]] = []
        seen: set[str] = set()
        for name, size, mtime in _listing(self.folder):
            seen.add(name)
            if known.get(name) != (size, mtime):
                changed.append((name, size, mtime))
        gone = [name for name in known if name not in seen]
        if not changed and not gone:
            return 0
        # transcripts before scoring files, so a scoring's session is there first
        changed.sort(key=lambda item: not item[0].endswith(TRANSCRIPT_SUFFIX))
        read = [(item, _read_file(self.folder / item[0])) for item in changed]
        with self._writing():
            for name in gone:
                self._forget(name)
            for (name, size, mtime), found in read:
                self._forget(name)
                self.db.execute(
                    "INSERT INTO files VALUES (?, ?, ?, ?)", (name, size, mtime, found.problem)
                )
                if found.session is not None:
                    self.db.execute(
                        "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        found.session,
                    )
                self.db.executemany(
                    "INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", found.scores
                )
        return len(changed)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _forget(self, name: str) -> None:
        self.db.execute("DELETE FROM files WHERE name = ?", (name,))
        self.db.execute("DELETE FROM sessions WHERE name = ?", (name,))
        self.db.execute("DELETE FROM scores WHERE source = ?", (name,))

    # -- reading ---------------------------------------------------------------------------

    def entries(
        self, *, scenario: str | None = None, since: datetime | None = None
    ) -> list[SessionEntry]:
        """The indexed sessions, newest first, optionally of one scenario or since a time."""
        where, args = [], []
        if scenario is not None:
            where.append("scenario_id = ?")
            args.append(scenario)
        if since is not None:
            where.append("started_utc >= ?")
            args.append(_utc(since))
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.execute(
            "SELECT name, started_at, scenario_id, title, voice, judge, rubric, turns, ending, "
            f"parent FROM sessions {clause} ORDER BY started_utc DESC, name DESC",
            args,
        ).fetchall()
        scores = self._scores({r[0] for r in rows})
        entries = []
        for name, started, scenario_id, title, voice, judge, rubric, turns, ending, parent in rows:
            scorings = scores.get(name, {})
            scorings.setdefault(ORIGINAL, Scoring(ORIGINAL, judge, rubric))
            entries.append(
                SessionEntry(
                    path=self.folder / name,
                    started_at=started,
                    scenario_id=scenario_id,
                    title=title,
                    voice=voice,
                    judge=judge,
                    turns=turns,
                    ending=ending,
                    parent=parent,
                    scorings=scorings,
                )
            )
        return entries

    def _scores(self, names: set[str]) -> dict[str, dict[str, Scoring]]:
        grouped: dict[str, dict[str, tuple[str, str, list[DimensionMean]]]] = {}
        for name, label, judge, rubric, dim, dim_name, mean, replies in self.db.execute(
            "SELECT name, label, judge, rubric, dimension, dimension_name, mean, replies "
            "FROM scores ORDER BY name, label, position"
        ):
            if name in names:
                by_label = grouped.setdefault(name, {})
                by_label.setdefault(label, (judge, rubric, []))[2].append(
                    DimensionMean(dim, dim_name, mean, replies)
                )
        return {
            name: {
                label: Scoring(label, judge, rubric, tuple(dims))
                for label, (judge, rubric, dims) in by_label.items()
            }
            for name, by_label in grouped.items()
        }

    def skipped(self) -> list[Skipped]:
        return [
            Skipped(self.folder / name, problem)
            for name, problem in self.db.execute(
                "SELECT name, problem FROM files WHERE problem IS NOT NULL ORDER BY name"
            )
        ]


def _utc(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def _listing(folder: Path) -> Iterator[tuple[str, int, int]]:
    """(name, size, mtime_ns) of every transcript and scoring file in the folder."""
    try:
        scan = os.scandir(folder)
    except OSError:
        return
    with scan:
        for item in scan:
            if not item.name.endswith((TRANSCRIPT_SUFFIX, SCORING_SUFFIX)) or item.name.startswith(
                "."
            ):
                continue
            try:
                info = item.stat()
            except OSError:
                continue  # gone since the listing, or a broken link
            yield item.name, info.st_size, info.st_mtime_ns


def _read_file(path: Path) -> _Read:
    if path.name.endswith(SCORING_SUFFIX):
        return _read_scoring(path)
    return _read_transcript(path)


def _read_transcript(path: Path) -> _Read:
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.formats.diagnostics import LoadError
    from sparring.session.record import ConversationRecord
    from sparring.session.rescoring import record_means

    try:
        data = read_transcript(path)
    except LoadError as exc:
        return _Read(None, [], "; ".join(d.message for d in exc.diagnostics[:3]))
    record = ConversationRecord.from_saved(data)
    header = data.header
    session = (
        path.name,
        header.started_at,
        _utc(moment(header.started_at)),
        data.scenario.id,
        data.scenario.title,
        header.voice,
        header.judge,
        data.rubric.id,
        record.turn,
        record.ending.id if record.ending else None,
        header.parent.path if header.parent else None,
    )
    scores = [
        (
            path.name,
            path.name,
            ORIGINAL,
            header.judge,
            data.rubric.id,
            i,
            d.id,
            d.name,
            d.mean,
            d.replies,
        )
        for i, d in enumerate(record_means(record))
    ]
    return _Read(session, scores)


def _read_scoring(path: Path) -> _Read:
    from sparring.adapters.files.scorings import read_scoring, transcript_of
    from sparring.formats.diagnostics import LoadError
    from sparring.session.rescoring import rescoring_summary

    try:
        rescoring, rubric = read_scoring(path)
    except LoadError as exc:
        return _Read(None, [], "; ".join(d.message for d in exc.diagnostics[:3]))
    summary = rescoring_summary(rescoring, rubric)
    owner = transcript_of(path).name
    scores = [
        (
            owner,
            path.name,
            summary.label,
            summary.judge,
            summary.rubric,
            i,
            d.id,
            d.name,
            d.mean,
            d.replies,
        )
        for i, d in enumerate(summary.dimensions)
    ]
    return _Read(None, scores)


# -- opening ----------------------------------------------------------------------------------


def _connect(target: Path | str) -> sqlite3.Connection:
    db = sqlite3.connect(target, timeout=10, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _prepare(db: sqlite3.Connection, folder: Path) -> bool:
    """Make the schema current for `folder`; True when it had to be (re)built."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        row = db.execute("SELECT value FROM meta WHERE key = 'folder'").fetchone()
        if row is not None and row[0] == str(folder):
            return False
    db.execute("BEGIN IMMEDIATE")
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            db.execute(f'DROP TABLE IF EXISTS "{table}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("INSERT INTO meta VALUES ('folder', ?)", (str(folder),))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return True


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """Whether the file is not a usable database ("file is not a database", "malformed"), as
    opposed to one that cannot be opened or written (permissions, a folder, a lock)."""
    return not isinstance(exc, sqlite3.OperationalError)


def _open_file(location: Path, folder: Path, notes: list[str]) -> SessionIndex | None:
    for attempt in (1, 2):
        db: sqlite3.Connection | None = None
        try:
            location.parent.mkdir(parents=True, exist_ok=True)
            db = _connect(location)
            _prepare(db, folder)
            index = SessionIndex(db, folder)
            index.refresh()
            return index
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            if attempt == 1 and _damaged(exc):
                notes.append(f"{location}: the session index was damaged ({exc}); rebuilt it")
                _remove(location)
                continue
            notes.append(f"{location}: the session index cannot be used ({exc}); {_DIRECT}")
            return None
        except OSError as exc:
            if db is not None:
                db.close()
            why = exc.strerror or type(exc).__name__
            notes.append(f"{location}: the session index cannot be written ({why}); {_DIRECT}")
            return None
    return None


_DIRECT = "read the transcripts directly"


def open_index(folder: Path | None = None, location: Path | None = None) -> SessionIndex:
    """The index of a transcripts folder (by default the user's), in step with its files.
    Never fails: a damaged index is rebuilt, and one that cannot be written is kept in
    memory for this run (with a note saying so)."""
    folder = folder or paths.transcripts_dir()
    location = location or index_path()
    notes: list[str] = []
    index = _open_file(location, folder, notes)
    if index is None:
        memory = _connect(":memory:")
        _prepare(memory, folder)
        index = SessionIndex(memory, folder)
        index.refresh()
    index.notes = notes
    return index


def load_history(
    *,
    scenario: str | None = None,
    since: datetime | None = None,
    folder: Path | None = None,
    location: Path | None = None,
) -> History:
    """The saved conversations (newest first), read through the index."""
    index = open_index(folder, location)
    try:
        return History(index.entries(scenario=scenario, since=since), index.skipped(), index.notes)
    finally:
        index.close()
