"""The scenario and rubrics a transcript carries, checked as strictly as files on disk.

A transcript can come from someone else, so what it embeds is validated when it is opened
(models and the same semantic checks as `sparring validate`), and its events are checked
against the scenario (meters it has, concerns it knows). A field added by a newer version of
sparring is ignored with a warning instead of making the transcript unreadable.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sparring.authoring.checks import check_rubric, check_scenario
from sparring.formats.diagnostics import Diagnostic, LoadError, Severity
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.formats.validation_errors import diagnostics_from, field_path
from sparring.formats.yamlsource import YamlDocument
from sparring.session.events import Embedded, Header, PersonaEvent, StateEvent

M = TypeVar("M", bound=BaseModel)


@dataclass
class EmbeddedModels:
    scenario: Scenario
    rubric: Rubric
    session_rubric: Rubric | None = None
    warnings: list[Diagnostic] = field(default_factory=list)


def _drop(data: Any, loc: tuple[Any, ...]) -> None:
    """Remove the key at `loc` (a pydantic error location) from nested data, if present."""
    node = data
    for part in loc[:-1]:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        else:
            return  # a union branch tag or a path that does not exist
    if isinstance(node, dict):
        node.pop(loc[-1], None)


def _validate(
    model: type[M], embedded: Embedded, what: str, shown: str, line: int
) -> tuple[M, list[Diagnostic]]:
    data: Any = embedded.data
    unknown: list[str] = []
    for _ in range(50):  # each round drops the unknown keys pydantic reported
        try:
            result = model.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
            extras = [e["loc"] for e in errors if e["type"] == "extra_forbidden"]
            if extras and len(extras) == len(errors):
                data = copy.deepcopy(data)
                for loc in extras:
                    _drop(data, tuple(loc))
                    unknown.append(field_path(tuple(p for p in loc if not _is_tag(p))))
                continue
            doc = YamlDocument(shown, data)
            problems = [
                Diagnostic(
                    shown, line, 1, f"the {what} saved in this transcript is not valid: {d.message}"
                )
                for d in diagnostics_from(exc, model, doc)
            ]
            raise LoadError(problems[:5]) from None
        warnings = []
        if unknown:
            listed = ", ".join(sorted(set(unknown))[:5])
            warnings.append(
                Diagnostic(
                    shown,
                    line,
                    1,
                    f"the {what} saved in this transcript has fields this version of sparring "
                    f"does not know ({listed}); they were ignored (was it written by a newer "
                    "sparring?)",
                    Severity.warning,
                )
            )
        return result, warnings
    raise LoadError(
        [Diagnostic(shown, line, 1, f"the {what} saved in this transcript is not valid")]
    )


def _is_tag(part: Any) -> bool:
    # pydantic puts union branch names ("function-after[...]", "Line") into locations
    return isinstance(part, str) and ("[" in part or part[:1].isupper())


def embedded_models(header: Header, shown: str, line: int) -> EmbeddedModels:
    """The header's scenario and rubrics as validated models; LoadError when one is unusable."""
    scenario, warnings = _validate(Scenario, header.scenario, "scenario", shown, line)
    rubric, more = _validate(Rubric, header.rubric, "rubric", shown, line)
    warnings += more
    session_rubric = None
    if header.session_rubric is not None:
        session_rubric, more = _validate(
            Rubric, header.session_rubric, "session rubric", shown, line
        )
        warnings += more
    rubrics = {r.id: r for r in (rubric, session_rubric) if r is not None}
    # A session may be played without its session rubric: only what is embedded is checked.
    checked = scenario if session_rubric else scenario.model_copy(update={"session_rubric": None})
    problems = [
        *check_rubric(rubric, YamlDocument(shown, header.rubric.data)),
        *check_scenario(
            checked, YamlDocument(shown, header.scenario.data), rubrics, reachability=False
        ),
    ]
    errors = [d for d in problems if d.is_error]
    if errors:
        raise LoadError(
            [
                Diagnostic(shown, line, 1, f"the scenario saved in this transcript: {d.message}")
                for d in errors[:5]
            ]
        )
    if scenario.rubric != rubric.id:
        raise LoadError(
            [
                Diagnostic(
                    shown,
                    line,
                    1,
                    f"the transcript's scenario is scored with '{scenario.rubric}' but it carries "
                    f"the rubric '{rubric.id}'",
                )
            ]
        )
    return EmbeddedModels(scenario, rubric, session_rubric, warnings)


class EventCheck:
    """Whether an event fits the scenario it claims to be about."""

    def __init__(self, scenario: Scenario) -> None:
        self.meters = set(scenario.meters)
        self.concerns = {c.id for c in scenario.concerns}

    def problem(self, event: Any) -> str | None:
        if isinstance(event, Header):
            return "a second header line"
        if isinstance(event, StateEvent):
            if set(event.meters) != self.meters:
                return "the meters on this line are not the scenario's meters"
            if not set(event.effects) <= self.meters:
                return "this line moves a meter the scenario does not have"
            if not set(event.revealed) <= self.concerns:
                return "this line reveals a concern the scenario does not have"
        if isinstance(event, PersonaEvent) and event.reveals not in (None, *self.concerns):
            return "this line reveals a concern the scenario does not have"
        return None
