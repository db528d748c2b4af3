"""Re-scorings on disk: one JSON file beside the transcript per judge and rubric
(`NAME.LABEL.scores.json`), so the transcript itself is never changed."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from sparring.adapters.files.atomic import write_atomically
from sparring.adapters.files.limited_io import open_regular
from sparring.adapters.files.session_index import SCORING_SUFFIX
from sparring.formats.diagnostics import Diagnostic, LoadError, display_path
from sparring.formats.rubric import Rubric
from sparring.formats.untrusted import visible_data
from sparring.session.rescoring import Rescoring

SUFFIX = SCORING_SUFFIX
MAX_SCORING_BYTES = 64_000_000


def scoring_path(transcript: Path, label: str) -> Path:
    return transcript.with_name(f"{transcript.stem}.{label}{SUFFIX}")


def transcript_of(sidecar: Path) -> Path:
    """The transcript a scoring file belongs to (by its name)."""
    stem = sidecar.name.removesuffix(SUFFIX)
    return sidecar.with_name(stem.rsplit(".", 1)[0] + ".jsonl")


def scorings_beside(transcript: Path) -> list[Path]:
    """Every scoring file kept beside a transcript."""
    return sorted(transcript.parent.glob(f"{_glob_escape(transcript.stem)}.*{SUFFIX}"))


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def write_scoring(transcript: Path, rescoring: Rescoring) -> Path:
    """Write (or replace) the scoring file, atomically. Raises OSError."""
    target = scoring_path(transcript, rescoring.label)
    text = json.dumps(rescoring.model_dump(mode="json"), ensure_ascii=False, indent=1)
    return write_atomically(target, text + "\n", prefix=".scoring-")


def read_scoring(path: Path) -> tuple[Rescoring, Rubric]:
    """A scoring file and its rubric (validated). Raises LoadError naming the file."""
    shown = display_path(path)
    with open_regular(path, shown, "scoring file") as f:
        raw = f.read(MAX_SCORING_BYTES + 1)
    if len(raw) > MAX_SCORING_BYTES:
        raise LoadError([Diagnostic(shown, 1, 1, "is too large for a scoring file")])
    try:
        data = visible_data(json.loads(raw.decode("utf-8", "replace")))
        rescoring = Rescoring.model_validate(data)
        rubric = Rubric.model_validate(rescoring.rubric.data)
    except (ValueError, ValidationError, RecursionError):
        raise LoadError(
            [Diagnostic(shown, 1, 1, "not a sparring scoring file (or a damaged one)")]
        ) from None
    return rescoring, rubric


def find_scoring(transcript: Path, label: str) -> Path:
    """The scoring file named `label` beside a transcript; LoadError listing those there."""
    path = scoring_path(transcript, label)
    if path.is_file():
        return path
    known = [
        p.name.removeprefix(transcript.stem + ".").removesuffix(SUFFIX)
        for p in scorings_beside(transcript)
    ]
    also = f" (there are: {', '.join(known)})" if known else " (`sparring score` makes one)"
    raise LoadError(
        [Diagnostic(display_path(transcript), 1, 1, f"no scoring named '{label}'{also}")]
    )
