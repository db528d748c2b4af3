"""Load scenario and rubric files into models, collecting every problem as a diagnostic."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from sparring.formats.diagnostics import Diagnostic, LoadError
from sparring.formats.validation_errors import diagnostics_from
from sparring.formats.yamlsource import YamlDocument, parse_yaml

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


def from_doc(doc: YamlDocument, model: type[M], path: Path | None = None) -> Loaded[M]:
    """Validate a parsed document against a model, collecting every problem."""
    result: Loaded[M] = Loaded(path or Path(doc.path), doc.path, doc=doc)
    result.model, result.diagnostics = _validate(model, doc)
    result.diagnostics[:0] = doc.problems
    return result


def load_text(text: str, model: type[M], shown: str = "<text>") -> Loaded[M]:
    try:
        doc = parse_yaml(text, shown)
    except LoadError as exc:
        return Loaded(Path(shown), shown, diagnostics=exc.diagnostics)
    return from_doc(doc, model)


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
