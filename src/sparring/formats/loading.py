"""Load scenario and rubric files into models, collecting every problem as a diagnostic."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from sparring.formats.diagnostics import Diagnostic, LoadError, display_path
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.formats.validation_errors import diagnostics_from
from sparring.formats.yamlsource import YamlDocument, parse_yaml, read_yaml

M = TypeVar("M", bound=BaseModel)
Kind = Literal["scenario", "rubric"]


@dataclass
class Loaded(Generic[M]):
    """The outcome of loading one file: the model if it validated, and every problem found."""

    path: Path
    shown: str
    model: M | None = None
    doc: YamlDocument | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(d.is_error for d in self.diagnostics)


def _validate(model: type[M], doc: YamlDocument) -> tuple[M | None, list[Diagnostic]]:
    if not isinstance(doc.data, dict):
        what = "a list" if isinstance(doc.data, list) else "a single value"
        return None, [
            doc.diagnostic(
                (), f"expected a mapping of 'key: value' lines at the top of the file, got {what}"
            )
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, diagnostics_from(exc, model, doc)
    except RecursionError:
        return None, [doc.diagnostic((), "the file is nested too deeply to validate")]


_CACHE: dict[tuple[str, str, int, int], Loaded[Any]] = {}


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
    loaded = _load_model(p, model)
    if key is not None:
        if len(_CACHE) > 256:
            _CACHE.clear()
        _CACHE[key] = loaded
    return loaded


def _load_model(p: Path, model: type[M]) -> Loaded[M]:
    result: Loaded[M] = Loaded(p, display_path(p))
    try:
        result.doc = read_yaml(p, display=result.shown)
    except LoadError as exc:
        result.diagnostics = exc.diagnostics
        return result
    result.model, result.diagnostics = _validate(model, result.doc)
    result.diagnostics[:0] = result.doc.problems
    return result


def load_text(text: str, model: type[M], shown: str = "<text>") -> Loaded[M]:
    result: Loaded[M] = Loaded(Path(shown), shown)
    try:
        result.doc = parse_yaml(text, shown)
    except LoadError as exc:
        result.diagnostics = exc.diagnostics
        return result
    result.model, result.diagnostics = _validate(model, result.doc)
    result.diagnostics[:0] = result.doc.problems
    return result


def guess_kind(path: Path, data: Any) -> Kind | None:
    """Whether a YAML file is a scenario or a rubric, from its keys or else its folder."""
    if isinstance(data, dict):
        if "dimensions" in data:
            return "rubric"
        if "persona" in data or "reactions" in data:
            return "scenario"
    parts = {part.lower() for part in path.parts}
    if "rubrics" in parts:
        return "rubric"
    if "scenarios" in parts:
        return "scenario"
    return None


def require(loaded: Loaded[M]) -> M:
    """The model, or a LoadError carrying the diagnostics."""
    if loaded.model is None or not loaded.ok:
        raise LoadError([d for d in loaded.diagnostics if d.is_error] or loaded.diagnostics)
    return loaded.model


def load_scenario(path: Path | str) -> Loaded[Scenario]:
    return load_model(path, Scenario)


def load_rubric(path: Path | str) -> Loaded[Rubric]:
    return load_model(path, Rubric)
