"""A corpus of broken scenario and rubric files, and what the validator must say about each.

Most files under tests/data/broken/ are the flagship scenario or the difficult-feedback rubric
with one thing broken, so they look like the mistakes authors really make. Binary, encoding and
oversized files are generated here instead of committed.

Every case must give exit code 1, a `path:line:col: message` diagnostic on the right line (and
column), a message with the field path and what was expected, and never a traceback. Cases
marked xfail describe the message a user deserves but does not get yet.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sparring.adapters.files.authoring import validate_paths
from sparring.cli.main import main
from sparring.formats.diagnostics import Diagnostic, LoadError, display_path
from sparring.formats.yamlsource import parse_yaml
from tests.conftest import FLAGSHIP, REPO, RUBRICS

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"
RUBRIC = RUBRICS / "difficult-feedback.yaml"
PREFIX = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


@dataclass(frozen=True)
class Case:
    """A broken file and the diagnostic it must produce."""

    file: str  # relative to tests/data/broken/, or a generated file's name
    line: int
    col: int | None  # None where the column means nothing
    says: tuple[str, ...]  # all of these appear in one diagnostic's message
    never: tuple[str, ...] = ()  # none of these appear in any diagnostic
    bug: str | None = None  # why it is an xfail: what the user gets instead

    @property
    def id(self) -> str:
        return Path(self.file).stem


def _case(
    file: str,
    at: str,
    *says: str,
    never: tuple[str, ...] = (),
    bug: str | None = None,
    case_id: str | None = None,
) -> Any:
    line, _, col = at.partition(":")
    case = Case(file, int(line), int(col) if col else None, says, never, bug)
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(case, marks=marks, id=case_id or case.id)


S = "scenarios/"
R = "rubrics/"

CORPUS = [
    # --- YAML syntax -------------------------------------------------------------------------
    _case(
        S + "syntax-bad-indentation.yaml",
        "22:4",
        "YAML syntax error",
        "this key starts at column 4",
        "deeper than 'name' on line 21",
        "move it to column 3",
        never=("mapping values are not allowed",),
    ),
    _case(
        S + "syntax-bad-dedent.yaml",
        "22:2",
        "YAML syntax error",
        "this key starts at column 2",
        "'name' on line 21 starts at column 3",
        "'persona' on line 20 at column 1",
        never=("did not find expected key",),
    ),
    _case(
        S + "syntax-unclosed-quote.yaml", "201:9", "quoted text that starts here is never closed"
    ),
    _case(S + "syntax-unclosed-single-quote.yaml", "7:8", "quote"),
    _case(
        S + "syntax-unclosed-bracket.yaml",
        "20:8",
        "did not find expected ',' or ']'",
        "started at line 18, column 7",
    ),
    _case(
        S + "syntax-tab-indentation.yaml",
        "21:1",
        "YAML syntax error",
        "a tab indents this line",
        "replace the tab with spaces",
    ),
    _case(
        S + "syntax-stray-colon.yaml",
        "7:8",
        "YAML syntax error",
        "the text after 'title:' contains ': ' (at column 37)",
        'put the whole text in quotes: title: "The frustrated sales director: take two"',
        never=("mapping values are not allowed",),
    ),
    _case(S + "syntax-stray-colon-in-line.yaml", "156:9", "reactions.defensive.lines[4]", "quote"),
    _case(
        S + "syntax-duplicate-key.yaml", "15:1", "duplicate key 'difficulty'", "first at line 12"
    ),
    _case(S + "multi-document.yaml", "269:1", "more than one YAML document"),
    # quotes inside quotes
    _case(
        S + "syntax-apostrophe-in-single-quotes.yaml",
        "13:47",
        "the apostrophe in Sarah's ends the 'single-quoted' text early",
        "put the text in double quotes",
        "write the apostrophe twice (Sarah''s)",
        never=("did not find expected key",),
    ),
    _case(
        S + "syntax-quotes-in-double-quotes.yaml",
        "176:46",
        'a " inside "double-quoted" text ends it early',
        'write each " inside as \\"',
        "or leave out the outer quotes",
        never=("did not find expected",),
    ),
    # a colon followed by a space in unquoted text
    _case(
        S + "syntax-colon-in-text.yaml",
        "157:15",
        "the text after 'text:' contains ': ' (at column 85)",
        "put the whole text in quotes",
        never=("mapping values are not allowed",),
    ),
    # a list item at the wrong depth, or a list where a mapping is expected
    _case(
        S + "syntax-list-item-shallower.yaml",
        "153:6",
        "this list item is indented 5 spaces",
        "the item on line 152 is indented 6",
        "line its '-' up with that one",
        never=("did not find expected key",),
    ),
    _case(
        S + "syntax-list-item-deeper.yaml",
        "64:5",
        "this list item is indented 4 spaces",
        "the item on line 44 is indented 2",
        never=("did not find expected key",),
    ),
    _case(
        S + "syntax-list-item-deeper-in-text.yaml",
        "153:9",
        "this list item is indented 8 spaces",
        "the item on line 152 is indented 6",
        "YAML reads it as more of that item's text",
    ),
    _case(
        S + "syntax-list-for-mapping.yaml",
        "21:3",
        "this '- ' makes 'persona' a list",
        "line 22 is a key of a mapping",
        "remove the '- '",
        never=("did not find expected '-' indicator",),
    ),
    # tabs
    _case(
        S + "syntax-tab-after-dash.yaml",
        "153:8",
        "a tab after '-'",
        "replace the tab with a space",
        never=("indents",),
    ),
    # a missing space after a colon or a dash
    _case(
        S + "syntax-no-space-after-colon.yaml",
        "21:8",
        "'name:Sarah' has no space after the colon",
        "one piece of text",
        "write 'name: Sarah'",
        never=("mapping values are not allowed",),
    ),
    _case(
        S + "syntax-no-space-after-colon-top.yaml",
        "7:7",
        "'title:The' has no space after the colon",
        "write 'title: The",
        never=("could not find expected ':'",),
    ),
    _case(
        S + "syntax-no-space-after-dash.yaml",
        "153:8",
        "has no space after the '-'",
        "not a list item",
        "write '- Don't",
        never=("could not find expected ':'",),
    ),
    _case(
        S + "syntax-no-space-after-dash-first.yaml",
        "152:8",
        "has no space after the '-'",
        "write '- See,",
        never=("mapping values are not allowed",),
    ),
    # a mapping key deeper or shallower than its siblings
    _case(
        S + "syntax-key-shallower-than-siblings.yaml",
        "36:3",
        "'better' starts at column 3",
        "the keys around it ('start' on line 35, 'description' on line 37) start at column 5",
        "move it to column 5",
        never=("mapping values are not allowed",),
    ),
    _case(
        S + "syntax-key-deeper-in-list-item.yaml",
        "45:7",
        "this key starts at column 7",
        "deeper than 'id' on line 44",
        "move it to column 5",
        never=("mapping values are not allowed",),
    ),
    # --- wrong types -------------------------------------------------------------------------
    _case(
        S + "type-text-for-number.yaml",
        "35:12",
        "meters.frustration.start: expected a whole number",
        "'seven'",
    ),
    _case(
        S + "type-float-for-int.yaml",
        "35:12",
        "meters.frustration.start: expected a whole number",
        "7.5",
    ),
    _case(S + "type-list-for-mapping.yaml", "21:3", "persona: expected a mapping", "got a list"),
    _case(S + "type-mapping-for-text.yaml", "15:3", "user_name: expected text, got a mapping"),
    _case(
        S + "type-no-as-boolean-line.yaml",
        "203:9",
        "reactions.minimal.lines[3]",
        "expected text",
        "quotes",
    ),
    _case(
        S + "type-yes-as-boolean-name.yaml", "21:9", "persona.name: expected text", "True", "quotes"
    ),
    _case(S + "type-number-as-title.yaml", "7:8", "title: expected text", "(2024)", "quotes"),
    _case(S + "type-date-as-title.yaml", "7:8", "title: expected text", "quotes"),
    _case(S + "type-empty-title.yaml", "7:7", "title: expected text", "nothing"),
    # --- unknown keys ------------------------------------------------------------------------
    _case(
        S + "typo-top-level.yaml", "8:1", "sumary: unknown field 'sumary'", "did you mean 'summary'"
    ),
    _case(
        S + "typo-top-level.yaml",
        "6:1",
        "summary: missing required field 'summary'",
        case_id="typo-top-level-missing",
    ),
    _case(S + "typo-persona.yaml", "23:3", "persona.stlye: unknown field", "did you mean 'style'"),
    _case(
        S + "typo-reaction-field.yaml",
        "150:5",
        "reactions.defensive.efects",
        "did you mean 'effects'",
    ),
    _case(
        S + "typo-reaction-name.yaml", "149:3", "reactions.defensiv:", "did you mean 'defensive'"
    ),
    _case(S + "typo-concern.yaml", "70:5", "concerns[1].reveal_wen", "did you mean 'reveal_when'"),
    _case(
        S + "typo-ending-when.yaml", "224:7", "endings[0].when.at_lest", "did you mean 'at_least'"
    ),
    _case(
        S + "typo-reply-kind.yaml",
        "116:15",
        "concerns[3].reveal_when.reply[0]",
        "'inquery'",
        "did you mean 'inquiry'",
    ),
    _case(
        R + "typo-scoring.yaml", "63:7", "dimensions[1].scoring.at_mots", "did you mean 'at_most'"
    ),
    # --- missing required fields -------------------------------------------------------------
    _case(S + "missing-difficulty.yaml", "6:1", "difficulty: missing required field 'difficulty'"),
    _case(S + "missing-persona-name.yaml", "20:1", "persona.name: missing required field 'name'"),
    _case(
        S + "missing-persona-name.yaml",
        "20:1",
        "persona.name: missing required field 'name'",
        never=("e.g.)",),
        case_id="missing-persona-name-explanation",
    ),
    _case(
        S + "missing-reaction.yaml", "148:1", "reactions.minimal: missing required field 'minimal'"
    ),
    _case(
        S + "missing-ending-lines.yaml", "220:5", "endings[0].lines: missing required field 'lines'"
    ),
    # --- bad values --------------------------------------------------------------------------
    _case(
        S + "value-difficulty.yaml",
        "12:13",
        "difficulty: expected one of 'easy', 'medium', 'hard'",
        "did you mean 'medium'",
    ),
    _case(S + "value-meter-start-11.yaml", "35:12", "meters.frustration.start", "<= 10", "(11)"),
    _case(
        S + "value-slug-with-spaces.yaml",
        "44:9",
        "concerns[0].id",
        "short id",
        "'cancelled visits'",
    ),
    _case(S + "value-turn-limit-1.yaml", "268:13", "turn_limit", ">= 2", "(1)"),
    _case(
        S + "value-revealed-uppercase.yaml",
        "73:18",
        "concerns[1].reveal_when.revealed[0]",
        "'Cancelled-Visits'",
        never=("expected one of 'all', got a list",),
    ),
    _case(
        R + "value-unknown-move.yaml",
        "64:44",
        "dimensions[1].scoring.at_most[0].any_of[2]",
        "'sarcasme'",
        "did you mean 'sarcasm'",
    ),
    _case(
        R + "value-unknown-move-key.yaml",
        "50:9",
        "dimensions[1].scoring.moves",
        "'reflect_contnet'",
        "did you mean 'reflect_content'",
    ),
    _case(R + "value-level-3-missing.yaml", "19:7", "dimensions[0].levels", "missing 3"),
    _case(
        R + "value-level-0.yaml",
        "19:7",
        "dimensions[0].levels",
        ">= 1",
        never=("got text 'Contradicts",),
    ),
    _case(
        R + "value-duplicate-dimension-id.yaml",
        "69:9",
        "dimensions[2].id",
        "listening",
        never=("(top level)",),
    ),
    _case(R + "value-score-6.yaml", "94:25", "calibration[0].expect.listening", "<= 5", "(6)"),
    # --- bad references ----------------------------------------------------------------------
    _case(
        S + "ref-unknown-rubric.yaml",
        "266:9",
        "rubric: unknown rubric 'dificult-feedback'",
        "did you mean 'difficult-feedback'",
    ),
    _case(
        S + "ref-unknown-concern.yaml",
        "73:18",
        "concerns[1].reveal_when.revealed",
        "unknown concern 'cancelled-visit'",
        "did you mean 'cancelled-visits'",
    ),
    _case(S + "ref-revealed-single-id.yaml", "73:17", "concerns[1].reveal_when.revealed", "a list"),
    _case(
        S + "ref-unknown-meter.yaml",
        "150:15",
        "reactions.defensive.effects",
        "unknown meter 'frustation'",
        "did you mean 'frustration'",
    ),
    _case(
        S + "ref-unknown-placeholder.yaml",
        "153:9",
        "reactions.defensive.lines[1]",
        "unknown placeholder '{usr}'",
        "did you mean 'user'",
    ),
    _case(
        R + "ref-unknown-dimension.yaml",
        "100:28",
        "calibration[1].expect",
        "unknown dimension 'non_defensivness'",
        "did you mean 'non_defensiveness'",
    ),
    # --- semantic impossibilities -------------------------------------------------------------
    _case(
        S + "sem-at-least-above-at-most.yaml",
        "224:18",
        "endings[0].when",
        "can never hold",
        "at least 10 and at most 8",
    ),
    _case(
        S + "sem-nothing-raises-frustration.yaml",
        "223:5",
        "endings[0]",
        "'walkout' ending can never trigger",
    ),
    _case(
        S + "sem-concern-never-revealed.yaml",
        "115:5",
        "concerns[3]",
        "'wants-a-part' can never be revealed",
    ),
    _case(
        S + "sem-from-turn-after-limit.yaml",
        "226:18",
        "endings[0].when.from_turn",
        "turn 15 is after the turn limit of 12",
    ),
    _case(
        S + "sem-duplicate-concern-id.yaml",
        "64:9",
        "concerns[1].id",
        "'cancelled-visits' is already used at line 44",
    ),
    _case(
        S + "sem-reserved-ending-id.yaml",
        "220:9",
        "endings[0].id",
        "'stopped' is reserved",
    ),
    # --- not a scenario at all ---------------------------------------------------------------
    _case(S + "empty.yaml", "1:1", "file is empty"),
    _case(S + "only-comments.yaml", "1:1", "file is empty"),
    _case(S + "top-level-list.yaml", "1:1", "expected a mapping", "got a list"),
    _case(S + "top-level-scalar.yaml", "1:1", "expected a mapping", "got a single value"),
    _case(S + "alias-bomb.yaml", "7:8", "billion laughs"),
    _case(S + "deep-nesting-flow.yaml", "1:41", "nested too deeply"),
    _case(S + "deep-nesting-block.yaml", "41:81", "nested too deeply"),
    _case(S + "python-tag-scalar.yaml", "6:5", "unsupported YAML tag", "python/name:os.system"),
    _case(
        S + "python-tag-sequence.yaml",
        "6:5",
        "unsupported YAML tag",
        "python/object/apply:os.system",
    ),
]


# --- generated files: binary, encodings, size -------------------------------------------------


FLAGSHIP_TEXT = FLAGSHIP.read_text(encoding="utf-8")


def _line_of(snippet: str) -> int:
    """The 1-based line of the flagship where `snippet` starts (so edits to it move nothing)."""
    assert FLAGSHIP_TEXT.count(snippet) == 1, snippet
    return FLAGSHIP_TEXT[: FLAGSHIP_TEXT.index(snippet)].count("\n") + 1


NAME = "  name: Sarah\n"
ROLE = "  role: Sales director"
THATS_IT = "      - That's it?"


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))


def _random_bytes() -> bytes:
    # sha256 output is stable forever, unlike random.Random across Python versions
    return b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(64))


def _nul_in_middle() -> bytes:
    return FLAGSHIP_TEXT.replace(ROLE, "  role: \x00Sales director").encode("utf-8")


def _latin1() -> bytes:
    return FLAGSHIP_TEXT.replace(NAME, "  name: Sarah M\u00fcller\n").encode("latin-1")


def _cp1252_after_smart_quotes() -> bytes:
    # Written in UTF-8 with typographic apostrophes, then one line pasted from a Windows-1252
    # document, whose apostrophe is the single byte 0x92.
    before, after = FLAGSHIP_TEXT.split(THATS_IT)
    typographic = before.replace("'", "\u2019").encode("utf-8")
    return typographic + b"      - That\x92s it?" + after.encode("utf-8")


SMART_QUOTES = FLAGSHIP_TEXT.split(THATS_IT)[0].count("'")


def _utf16() -> bytes:
    return FLAGSHIP_TEXT.encode("utf-16")  # with a BOM, as Windows editors write it


def _control_character() -> bytes:
    return FLAGSHIP_TEXT.replace(NAME, "  name: Sa\x07rah\n").encode("utf-8")


def _five_megabytes() -> bytes:
    head = FLAGSHIP.read_bytes()
    pad = b"# padding to make the file large\n"
    return head + pad * ((5_000_000 - len(head)) // len(pad) + 1)


GENERATED: dict[str, Callable[[], bytes]] = {
    "binary-png.yaml": _png,
    "binary-random.yaml": _random_bytes,
    "binary-nul-in-middle.yaml": _nul_in_middle,
    "encoding-latin1.yaml": _latin1,
    "encoding-cp1252-after-smart-quotes.yaml": _cp1252_after_smart_quotes,
    "encoding-utf16-bom.yaml": _utf16,
    "control-character.yaml": _control_character,
    "five-megabytes.yaml": _five_megabytes,
}

GENERATED_CASES = [
    _case("binary-png.yaml", "1:1", "not a UTF-8 text file", "0x89"),
    _case("binary-random.yaml", "1:2", "not a UTF-8 text file", "0xec"),
    _case("binary-nul-in-middle.yaml", f"{_line_of(ROLE)}:9", "NUL byte"),
    _case("encoding-latin1.yaml", f"{_line_of(NAME)}:16", "not a UTF-8 text file", "0xfc"),
    _case(
        "encoding-cp1252-after-smart-quotes.yaml",
        f"{_line_of(THATS_IT)}:13",
        "not a UTF-8 text file",
        "0x92",
    ),
    _case("encoding-utf16-bom.yaml", "1:1", "UTF-16", "UTF-8"),
    _case("control-character.yaml", f"{_line_of(NAME)}:11", "U+0007", "not allowed"),
    _case("five-megabytes.yaml", "1:1", "too large", "5.0 MB"),
]


# --- helpers --------------------------------------------------------------------------------


def _materialise(case: Case, tmp_path: Path) -> Path:
    """The file to validate: the committed one, or the generated one under tmp/scenarios/."""
    if case.file in GENERATED:
        target = tmp_path / "scenarios" / case.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(GENERATED[case.file]())
        return target
    return BROKEN / case.file


def _describe(diagnostics: list[Diagnostic] | list[str]) -> str:
    return "\n".join(f"  {d}" for d in diagnostics) or "  (no diagnostics)"


def _check(case: Case, path: Path, diagnostics: list[Diagnostic]) -> None:
    shown = "\n" + _describe(diagnostics)
    assert diagnostics, f"{path}: no diagnostics at all"
    assert any(d.is_error for d in diagnostics), shown
    for d in diagnostics:
        assert d.path == display_path(path), shown
        assert d.line >= 1, shown
        assert d.col >= 1, shown
        assert PREFIX.match(str(d)), shown
        assert "Traceback" not in d.message, shown
        for word in case.never:
            assert word not in d.message, f"{word!r} should not appear:{shown}"
    about = [d for d in diagnostics if all(s in d.message for s in case.says)]
    assert about, f"no diagnostic says all of {case.says}:{shown}"
    assert any(
        d.is_error and d.line == case.line and (case.col is None or d.col == case.col)
        for d in about
    ), f"expected {case.line}:{case.col if case.col is not None else '*'} for {case.says}:{shown}"


def _line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n") + 1


# --- the tests -------------------------------------------------------------------------------


def test_the_corpus_starts_from_valid_files() -> None:
    """The flagship and the rubric the corpus was made from have no problems of their own."""
    report = validate_paths([FLAGSHIP, RUBRIC])
    assert report.errors == 0, _describe(report.diagnostics)


def test_every_corpus_file_has_a_case() -> None:
    on_disk = {p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*") if p.is_file()}
    listed = {p.values[0].file for p in CORPUS}
    assert on_disk - listed == set(), "corpus files without a case in CORPUS"
    assert listed - on_disk == set(), "cases whose file is missing"
    assert len(on_disk) >= 36


@pytest.mark.parametrize("case", [*CORPUS, *GENERATED_CASES])
def test_validate_paths_pins_the_problem(case: Case, tmp_path: Path) -> None:
    path = _materialise(case, tmp_path)
    report = validate_paths([path])
    assert report.files == 1
    assert report.errors >= 1, _describe(report.diagnostics)
    _check(case, path, report.diagnostics)
    if path.stat().st_size < 1_000_000:
        lines = _line_count(path)
        assert all(d.line <= lines + 1 for d in report.diagnostics), _describe(report.diagnostics)


@pytest.mark.parametrize("case", [*CORPUS, *GENERATED_CASES])
def test_cli_validate_in_process(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _materialise(case, tmp_path)
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1, out + err
    assert "Traceback" not in out + err
    assert re.search(r"checked 1 file: [1-9]\d* errors?, \d+ warnings?", err), err
    shown = display_path(path)
    printed = [line for line in out.splitlines() if line.strip()]
    assert printed, err
    for line in printed:
        match = PREFIX.match(line)
        assert match, out
        assert match["path"] == shown, out
    diagnostics = [
        Diagnostic(m["path"], int(m["line"]), int(m["col"]), m["message"].removeprefix("warning: "))
        for m in map(PREFIX.match, printed)
        if m and not m["message"].startswith("warning: ")
    ]
    _check(case, path, diagnostics)


SUBPROCESS_SAMPLE = [
    "syntax-unclosed-quote",
    "syntax-duplicate-key",
    "typo-persona",
    "missing-persona-name",
    "ref-unknown-rubric",
    "sem-nothing-raises-frustration",
    "top-level-list",
    "value-unknown-move",
]


@pytest.mark.parametrize(
    "case",
    [p for p in CORPUS if p.id in SUBPROCESS_SAMPLE],
)
def test_cli_validate_subprocess(case: Case) -> None:
    relative = f"tests/data/broken/{case.file}"
    done = subprocess.run(
        [sys.executable, "-m", "sparring", "validate", relative],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    where = f"{relative}:{case.line}:" + (f"{case.col}: " if case.col is not None else "")
    assert any(
        line.startswith(where) and all(s in line for s in case.says)
        for line in done.stdout.splitlines()
    ), f"no line starting {where!r} saying {case.says}:\n{done.stdout}{done.stderr}"
    assert "checked 1 file:" in done.stderr


def test_subprocess_sample_is_in_the_corpus() -> None:
    ids = {p.id for p in CORPUS}
    assert set(SUBPROCESS_SAMPLE) <= ids
    assert len(SUBPROCESS_SAMPLE) == 8


def _two_line_reaction(tmp_path: Path) -> Path:
    text = FLAGSHIP_TEXT
    five = (
        "      - Just like that? You don't even know what I'm upset about yet.\n"
        "      - That's what you always do. Something gets uncomfortable and you promise a fix."
        " Then nothing changes.\n"
        "      - Don't throw me a bone so I'll leave your office, {user}.\n"
        "      - text: A new initiative to fix the old initiative. Perfect.\n"
        "        when: {said: [initiative, task force, taskforce, working group, committee, pilot,"
        " programme, program, review]}\n"
        "      - I didn't come in here for a concession. I came in because something's wrong.\n"
    )
    assert text.count(five) == 1
    target = tmp_path / "scenarios" / "two-lines.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text.replace(five, "".join(five.splitlines(keepends=True)[:2])), "utf-8")
    return target


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    path = _two_line_reaction(tmp_path)
    report = validate_paths([path])
    assert report.errors == 0, _describe(report.diagnostics)
    first = _line_of("      - Just like that? You don't even know")
    assert [(d.line, d.col) for d in report.diagnostics] == [(first, 7)], _describe(
        report.diagnostics
    )
    assert "reactions.reactive_adjustment.lines: only 2 line(s)" in report.diagnostics[0].message

    done = subprocess.run(
        [sys.executable, "-m", "sparring", "validate", "scenarios/two-lines.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.startswith(
        f"scenarios/two-lines.yaml:{first}:7: warning: reactions.reactive_adjustment.lines: only 2"
    ), done.stdout
    assert "checked 1 file: 0 errors, 1 warning" in done.stderr


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    """Windows editors often write a UTF-8 BOM; it is not a problem."""
    target = tmp_path / "scenarios" / "bom.yaml"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"\xef\xbb\xbf" + FLAGSHIP.read_bytes())
    report = validate_paths([target])
    assert report.errors == 0, _describe(report.diagnostics)


# --- the mistakes from the issue, as short as they come ----------------------------------------

SHORT_MISTAKES = [
    (
        "title: 'Jordan's review'\n",
        "1:15",
        "the apostrophe in Jordan's ends the 'single-quoted' text early; put the text in double "
        "quotes instead, or write the apostrophe twice (Jordan''s)",
    ),
    ('title: "The "real" story"\n', "1:13", 'a " inside "double-quoted" text ends it early'),
    (
        "title: Sales: the sequel\n",
        "1:8",
        'put the whole text in quotes: title: "Sales: the sequel"',
    ),
    ("a:\n\tb: 1\n", "2:1", "a tab indents this line", "replace the tab with spaces"),
    ("title:Foo\nsummary: x\n", "1:7", "'title:Foo' has no space after the colon"),
    ("lines:\n  - a\n  -b\n  - c\n", "3:4", "'-b' has no space after the '-'"),
    ("lines:\n  -a\n  - b\n", "2:4", "'-a' has no space after the '-'"),
    ("lines:\n  - a\n   - b\n", "3:4", "this list item is indented 3 spaces"),
    ("persona:\n  name: A\n   role: B\n", "3:4", "deeper than 'name' on line 2"),
    ("persona:\n  name: A\n role: B\n", "3:2", "lines up with no key above it"),
    ("a: b\nc\n", "2:1", "this line is text on its own"),
]


@pytest.mark.parametrize(("text", "at", "says"), [(t, a, s) for t, a, *s in SHORT_MISTAKES])
def test_short_mistakes_in_plain_words(text: str, at: str, says: list[str]) -> None:
    try:
        problems = parse_yaml(text, "short.yaml").problems
    except LoadError as exc:
        problems = exc.diagnostics
    shown = _describe(problems)
    assert problems, shown
    first = problems[0]
    assert f"{first.line}:{first.col}" == at, shown
    assert all(words in first.message for words in says), shown
    for raw in ("did not find expected", "could not find expected", "mapping values are not"):
        assert raw not in first.message, shown
