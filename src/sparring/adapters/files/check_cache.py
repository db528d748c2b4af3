"""Check results remembered by content: a scenario is checked again only when the file, the
rubrics it could refer to, or sparring itself changed.

Checking a scenario (references, placeholders, the search over every conversation) is the
slow part of loading one. The result is kept under a key made of the scenario file's bytes,
every known rubric's content and sparring's version, so it is never trusted for a file that
changed. A cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from sparring import __version__
from sparring.adapters.files import paths
from sparring.formats.diagnostics import Diagnostic, Severity
from sparring.formats.rubric import Rubric
from sparring.session.events import content_hash

CHECKS_VERSION = 1  # raise when a check changes what it reports


def key(shown: str, source: bytes, rubrics: Mapping[str, Rubric]) -> str:
    """The cache key of checking `source` (shown as `shown` in messages) against `rubrics`."""
    digest = hashlib.sha256(f"{__version__}:{CHECKS_VERSION}:{shown}\n".encode())
    digest.update(source)
    for rubric_id in sorted(rubrics):
        rubric_hash = content_hash(rubrics[rubric_id].model_dump(mode="json"))
        digest.update(f"\n{rubric_id}:{rubric_hash}".encode())
    return digest.hexdigest()


def _file(cache_key: str) -> Path:
    return paths.cache_dir() / "checks" / f"{cache_key}.json"


def lookup(cache_key: str) -> list[Diagnostic] | None:
    try:
        data = json.loads(_file(cache_key).read_text(encoding="utf-8"))
        return [
            Diagnostic(d["path"], d["line"], d["col"], d["message"], Severity(d["severity"]))
            for d in data
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(cache_key: str, diagnostics: list[Diagnostic]) -> None:
    target = _file(cache_key)
    rows = [
        {
            "path": d.path,
            "line": d.line,
            "col": d.col,
            "message": d.message,
            "severity": d.severity.value,
        }
        for d in diagnostics
    ]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(rows), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass
