"""Scenario and rubric files: read (bounded), parsed with positions, validated; each file
version is loaded once per process (keyed by path, size and modification time)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from sparring.adapters.files.limited_io import read_limited
from sparring.formats.diagnostics import LoadError, display_path
from sparring.formats.loading import Loaded, from_doc
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.formats.yamlsource import MAX_BYTES, YamlDocument, decode_text, parse_yaml

M = TypeVar("M", bound=BaseModel)

_CACHE: dict[tuple[str, str, int, int], Loaded[Any]] = {}


def read_yaml(path: Path | str, *, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file. Raises LoadError with positioned diagnostics."""
    shown = display if display is not None else str(path)
    raw = read_limited(path, MAX_BYTES, shown, "scenario or rubric file")
    return parse_yaml(decode_text(raw, shown), shown)


def load_model(path: Path | str, model: type[M]) -> Loaded[M]:
    """Parse and schema-check one file (no cross-file checks). Results are cached per file
    version (path, size, modification time): listing scenarios reads each rubric once."""
    p = Path(path)
    try:
        stat = p.stat()
        key = (str(p.resolve()), model.__name__, stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _CACHE:
        return _CACHE[key]
    shown = display_path(p)
    try:
        loaded = from_doc(read_yaml(p, display=shown), model, p)
    except LoadError as exc:
        loaded = Loaded(p, shown, diagnostics=exc.diagnostics)
    if key is not None:
        if len(_CACHE) > 256:
            _CACHE.clear()
        _CACHE[key] = loaded
    return loaded


def load_scenario(path: Path | str) -> Loaded[Scenario]:
    return load_model(path, Scenario)


def load_rubric(path: Path | str) -> Loaded[Rubric]:
    return load_model(path, Rubric)
