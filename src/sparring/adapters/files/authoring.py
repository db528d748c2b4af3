"""The authoring commands' logic: validate files and folders, write the JSON Schemas and a
scenario template. The CLI only parses arguments and prints what these return."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sparring.adapters.files import paths
from sparring.adapters.files.library import YAML_SUFFIXES, Library, yaml_files
from sparring.adapters.files.model_files import load_rubric, load_scenario, read_yaml
from sparring.authoring.checks import check_rubric, check_scenario
from sparring.authoring.schema import schema_for, slugify
from sparring.formats.diagnostics import Diagnostic, LoadError, display_path
from sparring.formats.loading import guess_kind
from sparring.formats.rubric import Rubric


@dataclass
class ValidationReport:
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(not d.is_error for d in self.diagnostics)


def validate_paths(targets: Sequence[Path]) -> ValidationReport:
    """Check every scenario and rubric file in `targets` (files or folders)."""
    report = ValidationReport()
    files = _collect(targets, report)
    kinds = {file: _kind(file) for file in files}
    rubric_files = [f for f in files if kinds[f] == "rubric"]
    shared = Library(rubric_dirs=[], include_user=True, include_shipped=True).rubrics(
        extra_files=rubric_files
    )
    for file in files:
        report.files += 1
        if kinds[file] == "rubric":
            report.diagnostics.extend(_check_rubric_file(file))
        elif kinds[file] == "scenario":
            report.diagnostics.extend(_check_scenario_file(file, shared))
        else:
            report.diagnostics.extend(_unknown_kind(file))
    return report


def _collect(targets: Sequence[Path], report: ValidationReport) -> list[Path]:
    """The YAML files the targets name (folders are searched), reporting missing ones."""
    files: list[Path] = []
    for target in targets:
        if target.is_dir():
            found = yaml_files(target, report.diagnostics)
            if not found:
                report.diagnostics.append(
                    Diagnostic(display_path(target), 1, 1, "no .yaml or .yml files in this folder")
                )
            files.extend(found)
        elif target.exists():
            files.append(target)
        else:
            report.diagnostics.append(
                Diagnostic(display_path(target), 1, 1, "no such file or folder")
            )
    return files


def _kind(file: Path) -> Literal["scenario", "rubric"] | None:
    try:
        data: Any = read_yaml(file, display=display_path(file)).data
    except LoadError:
        data = None
    return guess_kind(file, data)


def _check_rubric_file(file: Path) -> list[Diagnostic]:
    loaded = load_rubric(file)
    found = list(loaded.diagnostics)
    if loaded.model is not None and loaded.doc is not None:
        found.extend(check_rubric(loaded.model, loaded.doc))
    return found


def _check_scenario_file(file: Path, shared: dict[str, Rubric]) -> list[Diagnostic]:
    loaded = load_scenario(file)
    found = list(loaded.diagnostics)
    if loaded.model is not None and loaded.doc is not None:
        near = Library(
            rubric_dirs=[file.parent, file.parent.parent / "rubrics"],
            include_user=False,
            include_shipped=False,
        ).rubrics()
        found.extend(check_scenario(loaded.model, loaded.doc, {**shared, **near}))
    return found


def _unknown_kind(file: Path) -> list[Diagnostic]:
    loaded = load_scenario(file)  # reports syntax problems first, if any
    syntax = [d for d in loaded.diagnostics if "expected a mapping" not in d.message]
    if loaded.doc is None and syntax:
        return syntax
    return [
        Diagnostic(
            display_path(file),
            1,
            1,
            "cannot tell whether this is a scenario or a rubric: a scenario has a "
            "'persona' key, a rubric has 'dimensions'",
        )
    ]


def write_schema_file(kind: Literal["scenario", "rubric"], folder: Path | None = None) -> Path:
    """Write the schema where editors can find it (the user data folder by default)."""
    folder = folder or paths.schemas_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{kind}.schema.json"
    text = json.dumps(schema_for(kind), indent=2) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return target


def new_scenario_path(name: str, output: Path | None) -> Path:
    if output is not None:
        return output if output.suffix in YAML_SUFFIXES else output.with_suffix(".yaml")
    return paths.user_scenarios_dir() / f"{slugify(name)}.yaml"
