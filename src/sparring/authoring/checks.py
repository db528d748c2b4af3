"""Checks that need more than the schema: references, reachability, placeholders, weak content.

Each check reports through the file's YamlDocument so every message points at the exact key or
value. Errors make a file unusable; warnings flag content that will make a weak rehearsal.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping

from sparring.authoring.reachability import EMPTY_KINDS, explore
from sparring.formats.diagnostics import Diagnostic, Severity, did_you_mean
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import REACTION_FALLBACK, Condition, Line, Scenario
from sparring.formats.validation_errors import field_path as _dotted
from sparring.formats.yamlsource import Loc, YamlDocument
from sparring.persona.rules import STOPPED_ENDING, TURN_LIMIT_ENDING

PLACEHOLDERS = ("user", "persona")
MIN_LINES = 3
REQUIRED_ENDINGS = ("walkout", "breakthrough")


def _conditions(scenario: Scenario) -> Iterator[tuple[Loc, Condition, bool]]:
    """Every condition, and whether it is that of a line said in answer to a reply (the
    others decide what happens, or choose an opening line before any reply)."""
    for i, concern in enumerate(scenario.concerns):
        yield ("concerns", i, "reveal_when"), concern.reveal_when, False
    for i, ending in enumerate(scenario.endings):
        if ending.when is not None:
            yield ("endings", i, "when"), ending.when, False
    for i, stage in enumerate(scenario.stages):
        yield ("stages", i, "when"), stage.when, False
    for loc, line in _lines(scenario):
        if line.when is not None:
            yield (*loc, "when"), line.when, loc[0] != "opening"


# Replies that carry no moves, so a line of theirs that needs one is never said.
_NO_MOVES = frozenset({"repeated", "confused"})

_KIND_HELP = {
    "confused": "an empty reply, gibberish or another language",
    "repeated": "the same words again ('ok' after 'ok', 'Tell me more' twice)",
    "apology": "an apology for something specific",
    "check": "a check of her meaning, to confirm or correct",
    "not_yet": "a question about a concern she is not ready to talk about",
}


def _lines(scenario: Scenario) -> Iterator[tuple[Loc, Line]]:
    for i, line in enumerate(scenario.opening):
        yield ("opening", i), line
    for kind in type(scenario.reactions).model_fields:
        reaction = getattr(scenario.reactions, kind)
        for i, line in enumerate(reaction.lines if reaction is not None else []):
            yield ("reactions", kind, "lines", i), line
    for c, concern in enumerate(scenario.concerns):
        for field_name in ("lines", "recognised", "follow_up"):
            for i, line in enumerate(getattr(concern, field_name) or []):
                yield ("concerns", c, field_name, i), line
    for e, ending in enumerate(scenario.endings):
        for i, line in enumerate(ending.lines):
            yield ("endings", e, "lines", i), line


def _text_loc(doc: YamlDocument, loc: Loc) -> Loc:
    """A line's text may be written plainly or under `text:`."""
    node = doc.data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return loc
    return (*loc, "text") if isinstance(node, dict) else loc


class Findings:
    """Problems found in one file, each pinned to a place in it."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.items: list[Diagnostic] = []

    def error(self, loc: Loc, message: str, *, key: bool = False) -> None:
        self.items.append(self.doc.diagnostic(loc, message, prefer_key=key))

    def warn(self, loc: Loc, message: str, *, key: bool = False) -> None:
        self.items.append(
            self.doc.diagnostic(loc, message, prefer_key=key, severity=Severity.warning)
        )

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.items)


def check_scenario(
    scenario: Scenario,
    doc: YamlDocument,
    rubrics: Mapping[str, Rubric] | None = None,
    *,
    reachability: bool = True,
) -> list[Diagnostic]:
    """Semantic checks on a schema-valid scenario. `rubrics`: known rubrics by id (None skips
    the rubric references). The search over every conversation runs only on a file that has
    no other errors."""
    found = Findings(doc)
    _unique_ids(scenario, found)
    _reactions(scenario, found)
    for loc, condition, answers_a_reply in _conditions(scenario):
        _condition(scenario, loc, condition, found, answers_a_reply)
    _placeholders(scenario, found)
    _endings(scenario, found)
    for i, concern in enumerate(scenario.concerns):
        if not concern.about:
            found.warn(
                ("concerns", i, "id"),
                f"concerns[{i}]: no 'about' words, so no question can reach '{concern.id}' "
                "directly: it only comes out in its turn; list the words and phrases it is about",
            )
    if not scenario.concerns:
        found.warn(
            ("persona",),
            "no hidden concerns: the persona has nothing to reveal when asked",
            key=True,
        )
    if rubrics is not None:
        _rubric_references(scenario, rubrics, found)
    if reachability and not found.has_errors:
        found.items.extend(_reachability(scenario, doc))
    return found.items


def _unique_ids(scenario: Scenario, found: Findings) -> None:
    for field_name in ("concerns", "endings", "stages"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(scenario, field_name)):
            if item.id in seen:
                first = found.doc.position((field_name, seen[item.id], "id"))[0]
                found.error(
                    (field_name, i, "id"),
                    f"{field_name}[{i}].id: '{item.id}' is already used at line {first}",
                )
            seen.setdefault(item.id, i)


def _unknown_meter(scenario: Scenario, name: str) -> str:
    meters = list(scenario.meters)
    return f"unknown meter '{name}'{did_you_mean(name, meters)} (meters: {', '.join(meters)})"


def _reactions(scenario: Scenario, found: Findings) -> None:
    for kind in type(scenario.reactions).model_fields:
        reaction = getattr(scenario.reactions, kind)
        if reaction is None:
            fallback = REACTION_FALLBACK[kind]
            found.warn(
                ("reactions",),
                f"reactions.{kind}: not written, so her {fallback} lines answer these replies; "
                f"write {kind} lines so she answers what was said ({_KIND_HELP[kind]})",
                key=True,
            )
            continue
        for name in reaction.effects:
            if name not in scenario.meters:
                found.error(
                    ("reactions", kind, "effects", name),
                    f"reactions.{kind}.effects: {_unknown_meter(scenario, name)}",
                    key=True,
                )
        # a line that answers a particular move is not said to every reply of the kind
        general = [ln for ln in reaction.lines if ln.when is None or not ln.when.pointed]
        if len(general) < MIN_LINES:
            found.warn(
                ("reactions", kind, "lines"),
                f"reactions.{kind}.lines: only {len(general)} line(s) for any reply of this "
                "kind (lines with 'moves' or 'said' answer only some); write at least "
                f"{MIN_LINES} so the persona does not repeat itself",
            )
        if kind in _NO_MOVES:
            for i, line in enumerate(reaction.lines):
                for part in ("moves", "said"):
                    if line.when is not None and getattr(line.when, part):
                        found.warn(
                            ("reactions", kind, "lines", i, "when", part),
                            f"reactions.{kind}.lines[{i}].when.{part}: never holds: "
                            f"{_KIND_HELP[kind]} carries no "
                            f"{'moves' if part == 'moves' else 'words'}",
                        )


def _condition(
    scenario: Scenario, loc: Loc, condition: Condition, found: Findings, answers_a_reply: bool
) -> None:
    """Meters and concerns it names exist, and it can hold at all; only a line said in answer
    to a reply names the reply's moves or words."""
    where = _dotted(loc)
    for part in ("moves", "said"):
        if getattr(condition, part) and not answers_a_reply:
            found.error(
                (*loc, part),
                f"{where}.{part}: only the 'when' of a line that answers a reply can name "
                f"{'moves' if part == 'moves' else 'words'} (what the reply did chooses what "
                "she says, not what happens); use 'reply' for the kind of reply",
            )
    concern_ids = [c.id for c in scenario.concerns]
    for part in ("at_least", "at_most"):
        for name in getattr(condition, part):
            if name not in scenario.meters:
                found.error(
                    (*loc, part, name),
                    f"{where}.{part}: {_unknown_meter(scenario, name)}",
                    key=True,
                )
    refs = [] if condition.revealed == "all" else list(condition.revealed)
    for part, names in (("revealed", refs), ("not_revealed", condition.not_revealed)):
        for i, name in enumerate(names):
            if name not in concern_ids:
                known = ", ".join(concern_ids) or "none are defined"
                found.error(
                    (*loc, part, i),
                    f"{where}.{part}: unknown concern '{name}'"
                    f"{did_you_mean(name, concern_ids)} (concerns: {known})",
                )
    for name, low in condition.at_least.items():
        high = condition.at_most.get(name)
        if high is not None and low > high:
            found.error(
                (*loc, "at_least", name),
                f"{where}: can never hold: {name} must be at least {low} and at most {high}",
                key=True,
            )
    if condition.from_turn is not None and condition.from_turn > scenario.turn_limit:
        found.error(
            (*loc, "from_turn"),
            f"{where}.from_turn: can never hold: turn {condition.from_turn} is after the turn "
            f"limit of {scenario.turn_limit}",
        )


def _placeholders(scenario: Scenario, found: Findings) -> None:
    for loc, line in _lines(scenario):
        for problem in _placeholder_problems(line.text):
            found.error(_text_loc(found.doc, loc), f"{_dotted(loc)}: {problem}")


def _endings(scenario: Scenario, found: Findings) -> None:
    for i, ending in enumerate(scenario.endings):
        if ending.id == TURN_LIMIT_ENDING and ending.when is not None:
            found.error(
                ("endings", i, "when"),
                f"endings[{i}].when: the '{TURN_LIMIT_ENDING}' ending happens when the turn "
                "limit is reached; remove its 'when'",
                key=True,
            )
        if ending.id == STOPPED_ENDING:
            found.error(
                ("endings", i, "id"),
                f"endings[{i}].id: '{STOPPED_ENDING}' is reserved for a conversation the user "
                "ends before it reaches an ending; choose another id",
            )
        if ending.id != TURN_LIMIT_ENDING and ending.when is None:
            found.error(
                ("endings", i),
                f"endings[{i}]: missing required field 'when' (only the '{TURN_LIMIT_ENDING}' "
                "ending may leave it out)",
            )
    ending_ids = [e.id for e in scenario.endings]
    for required in REQUIRED_ENDINGS:
        if required not in ending_ids:
            found.warn(
                ("endings",),
                f"endings: no '{required}' ending; rehearsals are built around both "
                f"'{REQUIRED_ENDINGS[0]}' and '{REQUIRED_ENDINGS[1]}'",
                key=True,
            )


def _rubric_references(scenario: Scenario, rubrics: Mapping[str, Rubric], found: Findings) -> None:
    for field_name in ("rubric", "session_rubric"):
        rubric_id = getattr(scenario, field_name)
        if rubric_id is None:
            continue
        if rubric_id not in rubrics:
            known_ids = sorted(rubrics)
            found.error(
                (field_name,),
                f"{field_name}: unknown rubric '{rubric_id}'{did_you_mean(rubric_id, known_ids)}"
                f" (known rubrics: {', '.join(known_ids) or 'none found'})",
            )
        elif field_name == "rubric" and not rubrics[rubric_id].turn_dimensions:
            found.error(
                (field_name,),
                f"rubric: '{rubric_id}' has no turn-scope dimensions to score each reply with; "
                "use it as session_rubric",
            )


def _reachability(scenario: Scenario, doc: YamlDocument) -> list[Diagnostic]:
    reach = explore(scenario)
    if not reach.complete:
        return [
            doc.diagnostic(
                ("turn_limit",),
                f"the search over every sequence of replies stopped after {reach.states:,} "
                "steps without finishing (many meters or a long turn limit), so unreachable "
                "endings and concerns could not be checked",
                severity=Severity.warning,
                prefer_key=True,
            )
        ]
    out = []
    for i, ending in enumerate(scenario.endings):
        unmet = ending.when is not None and ending.id not in reach.met
        if ending.id not in reach.endings or unmet:
            why = (
                "the conversation always ends another way first"
                if ending.id == TURN_LIMIT_ENDING
                else f"no sequence of replies meets its condition within the turn limit of "
                f"{scenario.turn_limit} before another ending triggers"
            )
            if ending.id in reach.endings:
                why += " (only a run of empty or repeated replies can end it this way)"
            out.append(
                doc.diagnostic(
                    ("endings", i, "when") if ending.when else ("endings", i),
                    f"endings[{i}]: the '{ending.id}' ending can never trigger: {why}",
                    prefer_key=True,
                )
            )
    for i, concern in enumerate(scenario.concerns):
        if concern.id not in reach.concerns:
            out.append(
                doc.diagnostic(
                    ("concerns", i, "reveal_when"),
                    f"concerns[{i}]: the concern '{concern.id}' can never be revealed: no "
                    "sequence of replies meets its reveal_when before the conversation ends",
                    prefer_key=True,
                )
            )
        elif concern.about and concern.id not in reach.asked:
            out.append(
                doc.diagnostic(
                    ("concerns", i, "reveal_when"),
                    f"concerns[{i}]: no question that touches '{concern.id}' can bring it out "
                    "(it only comes out in its turn): ease its reveal_when",
                    prefer_key=True,
                    severity=Severity.warning,
                )
            )
    out.extend(_farming(scenario, doc))
    return out


def _farming(scenario: Scenario, doc: YamlDocument) -> list[Diagnostic]:
    """Whether empty or repeated replies alone ("Tell me more" twelve times) can reach a good
    ending: then the scenario rewards gaming instead of listening."""
    farmed = explore(scenario, kinds=EMPTY_KINDS)
    good = [e.id for e in scenario.endings if e.outcome == "good" and e.id in farmed.endings]
    return [
        doc.diagnostic(
            ("endings",),
            f"endings: the '{ending}' ending can be reached with empty or repeated replies "
            "alone ('ok', 'Tell me more', the same words again): give reactions.repeated "
            "effects that cost trust, or lower the persona's patience",
            prefer_key=True,
            severity=Severity.warning,
        )
        for ending in good
    ]


def _placeholder_problems(text: str) -> list[str]:
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        return [f"broken placeholder ({exc}); write '{{{{' or '}}}}' for a literal brace"]
    problems = []
    for name in fields:
        if name not in PLACEHOLDERS:
            hint = did_you_mean(name, PLACEHOLDERS)
            problems.append(
                f"unknown placeholder '{{{name}}}'{hint} (placeholders: "
                + ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                + ")"
            )
    return problems


def check_rubric(rubric: Rubric, doc: YamlDocument) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    dims = [d.id for d in rubric.dimensions]
    first_at: dict[str, int] = {}
    for i, dim in enumerate(rubric.dimensions):
        if dim.id in first_at:
            line = doc.position(("dimensions", first_at[dim.id], "id"))[0]
            out.append(
                doc.diagnostic(
                    ("dimensions", i, "id"),
                    f"dimensions[{i}].id: '{dim.id}' is already used at line {line}",
                )
            )
        first_at.setdefault(dim.id, i)
    for i, example in enumerate(rubric.calibration):
        for name in example.expect:
            if name not in dims:
                out.append(
                    doc.diagnostic(
                        ("calibration", i, "expect", name),
                        f"calibration[{i}].expect: unknown dimension '{name}'"
                        f"{did_you_mean(name, dims)} (dimensions: {', '.join(dims)})",
                        prefer_key=True,
                    )
                )
    for d, dim in enumerate(rubric.dimensions):
        scores = [ex.expect[dim.id] for ex in rubric.calibration if dim.id in ex.expect]
        if rubric.calibration and (not scores or min(scores) > 2 or max(scores) < 4):
            out.append(
                doc.diagnostic(
                    ("dimensions", d, "id"),
                    f"dimensions[{d}]: calibration examples for '{dim.id}' do not span the scale "
                    f"(scores seen: {', '.join(map(str, sorted(set(scores)))) or 'none'}); add "
                    "examples at both ends",
                    severity=Severity.warning,
                )
            )
    if not rubric.calibration:
        out.append(
            doc.diagnostic(
                ("dimensions",),
                "no calibration examples: judges cannot be checked against this rubric",
                prefer_key=True,
                severity=Severity.warning,
            )
        )
    return out
