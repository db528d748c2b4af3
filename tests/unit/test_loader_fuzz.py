"""Property tests: whatever text or data reaches the loader, it answers with diagnostics.

Three sources of input: arbitrary text, the flagship scenario (and the rubric) with random
edits, and arbitrary JSON-like data dumped to YAML. In every case loading either succeeds or
returns `path:line:col` diagnostics that point inside the text; it never raises anything else.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sparring.formats.diagnostics import Diagnostic, LoadError
from sparring.formats.loading import Loaded, load_text
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Scenario
from sparring.formats.yamlsource import parse_yaml
from tests.conftest import FLAGSHIP, RUBRICS

FLAGSHIP_TEXT = FLAGSHIP.read_text(encoding="utf-8")
RUBRIC_TEXT = (RUBRICS / "difficult-feedback.yaml").read_text(encoding="utf-8")

FAST = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that matter to YAML, so random text gets past the first token more often.
YAML_CHARS = [*":-?[]{},&*!|>'\"%@`#\\ \t\n", "\r", "\ufeff", "\x85", "\u2028", "\x00", "a", "0"]


def _assert_positioned(diagnostics: list[Diagnostic], text: str) -> None:
    # YAML also breaks lines at a lone "\r" (and at U+0085, U+2028), as str.splitlines() does
    last_line = max(text.count("\n") + 1, len(text.splitlines()))
    for d in diagnostics:
        assert isinstance(d, Diagnostic)
        assert d.line >= 1, d
        assert d.col >= 1, d
        assert d.line <= last_line + 1, (d, last_line)
        assert d.message, d
        assert "Traceback" not in d.message


def _assert_loaded(loaded: Loaded[Any], text: str) -> None:
    _assert_positioned(loaded.diagnostics, text)
    if loaded.model is None:
        assert loaded.diagnostics, "failed without saying why"


# --- (a) arbitrary text -----------------------------------------------------------------------

any_text = st.text(max_size=300) | st.text(alphabet=st.sampled_from(YAML_CHARS), max_size=200)


@FAST
@given(any_text)
def test_parse_yaml_returns_or_raises_load_error(text: str) -> None:
    try:
        parse_yaml(text, "fuzz.yaml")
    except LoadError as exc:
        problems = exc.diagnostics
    else:
        return
    assert problems
    _assert_positioned(problems, text)


@FAST
@given(any_text)
def test_load_text_returns_diagnostics(text: str) -> None:
    _assert_loaded(load_text(text, Scenario), text)
    _assert_loaded(load_text(text, Rubric), text)


def test_a_lone_surrogate_is_a_load_error() -> None:
    with pytest.raises(LoadError):
        parse_yaml("title: \ud800\n", "fuzz.yaml")


# --- (b) the flagship with random edits -------------------------------------------------------

EDITS = ("delete", "duplicate", "insert", "swap", "indent")
JUNK = (
    st.text(alphabet=st.sampled_from([*":-[]{}&*!|>'\"#%@`,?\t\\ xy09\n"]), min_size=1, max_size=6)
    | st.sampled_from(["{usr}", "{", ": ", "- ", "&a ", "*a", "!!python/name:os.system "])
    | st.text(min_size=1, max_size=3)
)


@st.composite
def edited(draw: st.DrawFn) -> tuple[type[Scenario] | type[Rubric], str]:
    model, base = draw(st.sampled_from([(Scenario, FLAGSHIP_TEXT), (Rubric, RUBRIC_TEXT)]))
    lines = base.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        edit = draw(st.sampled_from(EDITS))
        i = draw(st.integers(0, len(lines) - 1))
        if edit == "delete":
            del lines[i]
        elif edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(JUNK) + lines[i][at:]
        elif edit == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            shift = draw(st.integers(-4, 4).filter(bool))
            indent = len(lines[i]) - len(lines[i].lstrip(" "))
            lines[i] = " " * shift + lines[i] if shift > 0 else lines[i][min(-shift, indent) :]
    return model, "\n".join(lines)


@FAST
@given(edited())
def test_edited_flagship_never_raises(case: tuple[type[Scenario] | type[Rubric], str]) -> None:
    model, text = case
    _assert_loaded(load_text(text, model, "edited.yaml"), text)


# --- (c) arbitrary data dumped to YAML --------------------------------------------------------

KEYS = st.text(max_size=10) | st.sampled_from(
    ["id", "title", "persona", "name", "meters", "start", "reactions", "lines", "text", "when",
     "at_least", "revealed", "endings", "dimensions", "levels", "scoring", "moves", "expect"]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["all", "trust", "inquiry", "{usr}", "yes", "no", "~", "2024-01-01"])
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=40,
)


@FAST
@given(DATA, st.booleans())
def test_any_data_dumped_to_yaml_gives_diagnostics(data: Any, flow: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    for model in (Scenario, Rubric):
        loaded = load_text(text, model, "dumped.yaml")
        _assert_loaded(loaded, text)
