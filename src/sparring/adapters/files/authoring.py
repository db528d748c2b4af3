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

    kinds: dict[Path, Literal["scenario", "rubric"] | None] = {}
    for file in files:
        try:
            data: Any = read_yaml(file, display=display_path(file)).data
        except LoadError:
            data = None
        kinds[file] = guess_kind(file, data)

    rubric_files = [f for f in files if kinds[f] == "rubric"]
    shared_rubrics = Library(rubric_dirs=[], include_user=True, include_shipped=True).rubrics(
        extra_files=rubric_files
    )

    for file in files:
        report.files += 1
        kind = kinds[file]
        if kind == "rubric":
            loaded_r = load_rubric(file)
            report.diagnostics.extend(loaded_r.diagnostics)
            if loaded_r.model is not None and loaded_r.doc is not None:
                report.diagnostics.extend(check_rubric(loaded_r.model, loaded_r.doc))
        elif kind == "scenario":
            loaded_s = load_scenario(file)
            report.diagnostics.extend(loaded_s.diagnostics)
            if loaded_s.model is not None and loaded_s.doc is not None:
                near = Library(
                    rubric_dirs=[file.parent, file.parent.parent / "rubrics"],
                    include_user=False,
                    include_shipped=False,
                ).rubrics()
                rubrics = {**shared_rubrics, **near}
                report.diagnostics.extend(check_scenario(loaded_s.model, loaded_s.doc, rubrics))
        else:
            loaded_any = load_scenario(file)  # reports syntax problems first, if any
            syntax = [d for d in loaded_any.diagnostics if "expected a mapping" not in d.message]
            if loaded_any.doc is None and syntax:
                report.diagnostics.extend(syntax)
            else:
                report.diagnostics.append(
                    Diagnostic(
                        display_path(file),
                        1,
                        1,
                        "cannot tell whether this is a scenario or a rubric: a scenario has a "
                        "'persona' key, a rubric has 'dimensions'",
                    )
                )
    return report


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
