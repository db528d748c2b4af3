"""Finding scenarios and rubrics: shipped ones, the user's own, and extra folders.

A scenario argument anywhere in the CLI is a path or an id; `resolve_scenario` handles both.
Rubrics are referred to by id and looked up next to the scenario first, then in the user's
folder, then among the shipped ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from sparring.adapters.files import paths
from sparring.adapters.files.model_files import load_rubric, load_scenario
from sparring.authoring.checks import check_rubric, check_scenario
from sparring.formats.diagnostics import (
    Diagnostic,
    LoadError,
    Severity,
    did_you_mean,
    display_path,
    errors,
)
from sparring.formats.entries import ScenarioEntry
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.formats.yamlsource import YamlDocument

YAML_SUFFIXES = (".yaml", ".yml")
DIFFICULTY_RANK = {"easy": 0, "medium": 1, "hard": 2}


def yaml_files(folder: Path, outside: list[Diagnostic] | None = None) -> list[Path]:
    """The YAML files in `folder` and below. A link that leads out of the folder is not
    followed (a shared folder must not make sparring read, or echo, a file elsewhere): it is
    reported in `outside` instead."""
    if not folder.is_dir():
        return []
    root = folder.resolve()
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in YAML_SUFFIXES:
            continue
        try:
            inside = path.resolve().is_relative_to(root)
            regular = path.is_file()
        except (OSError, RuntimeError):  # a link loop, an unreadable target
            inside, regular = False, False
        if not inside:
            if outside is not None:
                outside.append(
                    Diagnostic(
                        display_path(path),
                        1,
                        1,
                        "is a link to a file outside this folder; it was not read",
                        Severity.warning,
                    )
                )
            continue
        if regular:
            found.append(path)
    return found


class Library:
    """Every scenario and rubric sparring can see, with their sources."""

    def __init__(
        self,
        scenario_dirs: Sequence[Path] = (),
        rubric_dirs: Sequence[Path] = (),
        *,
        include_user: bool = True,
        include_shipped: bool = True,
    ) -> None:
        self.scenario_sources: list[tuple[str, Path]] = [("folder", Path(d)) for d in scenario_dirs]
        self.rubric_sources: list[tuple[str, Path]] = [("folder", Path(d)) for d in rubric_dirs]
        if include_user:
            self.scenario_sources.append(("user", paths.user_scenarios_dir()))
            self.rubric_sources.append(("user", paths.user_rubrics_dir()))
        if include_shipped:
            self.scenario_sources.append(("shipped", paths.shipped_scenarios_dir()))
            self.rubric_sources.append(("shipped", paths.shipped_rubrics_dir()))
        self._rubrics: dict[str, Rubric] | None = None
        self.rubric_problems: list[Diagnostic] = []
        self.indexed = include_user and include_shipped and not rubric_dirs
        """Whether listings are remembered in the scenario index (the usual sources only)."""

    # rubrics -------------------------------------------------------------------------------

    def rubrics(self, extra_files: Iterable[Path] = ()) -> dict[str, Rubric]:
        """Valid rubrics by id; the first source wins when two share an id."""
        if self._rubrics is None:
            found: dict[str, Rubric] = {}
            files = [*extra_files]
            for _, folder in self.rubric_sources:
                files.extend(yaml_files(folder))
            for file in files:
                loaded = load_rubric(file)
                if not loaded.ok or loaded.model is None or loaded.doc is None:
                    self.rubric_problems.extend(errors(loaded.diagnostics) or loaded.diagnostics)
                    continue
                problems = errors(check_rubric(loaded.model, loaded.doc))
                if problems:
                    self.rubric_problems.extend(problems)
                    continue
                found.setdefault(loaded.model.id, loaded.model)
            self._rubrics = found
        return self._rubrics

    def rubric(self, rubric_id: str) -> Rubric:
        rubrics = self.rubrics()
        if rubric_id not in rubrics:
            raise LoadError(
                [
                    Diagnostic(
                        "<rubrics>",
                        1,
                        1,
                        f"unknown rubric '{rubric_id}'{did_you_mean(rubric_id, rubrics)}",
                    )
                ]
            )
        return rubrics[rubric_id]

    # scenarios -----------------------------------------------------------------------------

    def scenarios(self) -> tuple[list[ScenarioEntry], list[Diagnostic]]:
        """Every usable scenario (first source wins per id), and the problems of the rest.
        Remembered in the scenario index, so the next listing needs none of this."""
        entries: dict[str, ScenarioEntry] = {}
        problems: list[Diagnostic] = []
        for source, folder in self.scenario_sources:
            for file in yaml_files(folder, problems):
                try:
                    scenario = self.load_checked(file)
                except LoadError as exc:
                    problems.extend(exc.diagnostics)
                    continue
                entries.setdefault(scenario.id, entry_for(scenario, source, file))
        ranked = sorted(
            entries.values(),
            key=lambda e: (e.order, DIFFICULTY_RANK.get(e.difficulty, 3), e.title.lower()),
        )
        if self.indexed:
            from sparring.adapters.files import scenario_index

            folders = [d for k, d in self.scenario_sources if k == "folder"]
            scenario_index.store(ranked, problems, folders)
        return ranked, problems

    def load_checked(self, path: Path) -> Scenario:
        """Load a scenario file and run every check (remembered by content); raise LoadError
        on any error."""
        loaded = load_scenario(path)
        if not loaded.ok or loaded.model is None or loaded.doc is None:
            raise LoadError(errors(loaded.diagnostics) or loaded.diagnostics)
        near = [path.parent, path.parent.parent / "rubrics"]
        rubrics = Library(rubric_dirs=near, include_user=False, include_shipped=False).rubrics()
        for rubric_id, rubric in self.rubrics().items():
            rubrics.setdefault(rubric_id, rubric)
        problems = errors(self._checks(path, loaded.model, loaded.doc, rubrics))
        if problems:
            raise LoadError(problems)
        return loaded.model

    @staticmethod
    def _checks(
        path: Path, scenario: Scenario, doc: YamlDocument, rubrics: dict[str, Rubric]
    ) -> list[Diagnostic]:
        from sparring.adapters.files import check_cache

        try:
            cache_key = check_cache.key(doc.path, path.read_bytes(), rubrics)
        except OSError:
            return check_scenario(scenario, doc, rubrics)
        found = check_cache.lookup(cache_key)
        if found is None:
            found = check_scenario(scenario, doc, rubrics)
            check_cache.store(cache_key, found)
        return found

    def resolve_scenario(self, ref: str) -> tuple[Scenario, Path]:
        """A scenario from a path or an id. Raises LoadError with a helpful message."""
        candidate = Path(ref).expanduser()
        if candidate.suffix in YAML_SUFFIXES or candidate.exists() or "/" in ref:
            if candidate.is_dir():
                raise LoadError(
                    [
                        Diagnostic(
                            display_path(candidate),
                            1,
                            1,
                            "is a folder; expected a scenario file or id",
                        )
                    ]
                )
            if not candidate.exists():
                raise LoadError([Diagnostic(display_path(candidate), 1, 1, "no such file")])
            return self.load_checked(candidate), candidate
        found = self._find_by_id(ref)
        if found is not None:
            return self.load_checked(found), found
        entries, _ = self.scenarios()
        ids = [e.id for e in entries]
        raise LoadError(
            [
                Diagnostic(
                    ref,
                    1,
                    1,
                    f"no scenario with the id '{ref}'{did_you_mean(ref, ids)}; "
                    "`sparring list` shows the scenarios you can use",
                )
            ]
        )

    def _find_by_id(self, ref: str) -> Path | None:
        """The first file (in source order) whose scenario has this id: only that one is then
        checked, not every scenario in every folder."""
        for _source, folder in self.scenario_sources:
            for file in yaml_files(folder, []):
                loaded = load_scenario(file)
                if loaded.model is not None and loaded.model.id == ref:
                    return file
        return None

    def rubrics_for(self, scenario: Scenario, path: Path | None) -> tuple[Rubric, Rubric | None]:
        """The scenario's per-reply rubric and optional session rubric."""
        rubrics = dict(self.rubrics())
        if path is not None:
            near = [path.parent, path.parent.parent / "rubrics"]
            local = Library(rubric_dirs=near, include_user=False, include_shipped=False).rubrics()
            rubrics = {**rubrics, **local}
        turn = rubrics[scenario.rubric]
        session = rubrics.get(scenario.session_rubric) if scenario.session_rubric else None
        return turn, session


def entry_for(scenario: Scenario, source: str, path: Path) -> ScenarioEntry:
    return ScenarioEntry(
        id=scenario.id,
        title=scenario.title,
        summary=scenario.summary,
        difficulty=scenario.difficulty,
        you_play=scenario.you_play,
        persona=f"{scenario.persona.name}, {scenario.persona.role}",
        source=source,
        path=path,
        order=scenario.order,
        persona_name=scenario.persona.name,
        user_name=scenario.user_name,
        setting=(scenario.setting or "").strip(),
        turn_limit=scenario.turn_limit,
    )
