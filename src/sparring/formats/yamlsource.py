"""YAML to plain Python data, remembering where every value came from.

PyYAML's `safe_load` forgets positions, silently overwrites duplicate keys, recurses on deep
nesting and expands alias bombs. This loader walks the parser's event stream itself (no
recursion), so it can record the line and column of every key and value, refuse duplicate keys,
and stop early on files that are too large, too deep or alias-heavy, always with a message that
points into the file. Common indentation and quoting mistakes (a quote inside quotes, ': ' in
unquoted text, a key or list item at the wrong depth, a tab, no space after ':' or '-') are
said in plain words, with what to change and where, instead of the parser's own message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode

from sparring.formats.diagnostics import Diagnostic, LoadError
from sparring.formats.untrusted import UNSAFE, describe, is_bidi

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 100_000

Loc = tuple[str | int, ...]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """Parsed YAML plus where each value (and each mapping key) starts in the text."""

    path: str
    data: Any
    value_at: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_at: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    """Errors found while parsing that do not stop it (e.g. control characters in text)."""

    def position(self, loc: Loc, *, prefer_key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of `loc`, or of its nearest ancestor that has a position."""
        current = tuple(loc)
        while True:
            if prefer_key and current in self.key_at:
                return self.key_at[current]
            if current in self.value_at:
                return self.value_at[current]
            if current in self.key_at:
                return self.key_at[current]
            if not current:
                return (1, 1)
            current = current[:-1]

    def diagnostic(self, loc: Loc, message: str, **kwargs: Any) -> Diagnostic:
        line, col = self.position(loc, prefer_key=kwargs.pop("prefer_key", False))
        return Diagnostic(self.path, line, col, message, **kwargs)


def _pos(mark: Any) -> tuple[int, int]:
    """1-based (line, col) of a parser mark."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode_text(raw: bytes, path: str) -> str:
    """Bytes to text, or a LoadError naming the first byte that is not UTF-8 text."""
    if not raw.strip():
        return ""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(
            [
                Diagnostic(
                    path,
                    1,
                    1,
                    "this file is saved as UTF-16 (as some Windows editors do); save it as UTF-8",
                )
            ]
        )
    nul = raw.find(b"\x00")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(prefix, len(prefix))
        raise LoadError(
            [
                Diagnostic(
                    path,
                    line,
                    col,
                    f"not a UTF-8 text file: byte 0x{raw[exc.start]:02x} cannot be decoded "
                    "(is this a binary file?)",
                )
            ]
        ) from None
    if nul >= 0:
        line, col = _line_col(text, text.find("\x00"))
        raise LoadError(
            [Diagnostic(path, line, col, "not a text file: it contains a NUL byte (binary data?)")]
        )
    return text


def parse_yaml(text: str, path: str = "<string>") -> YamlDocument:
    """Parse YAML text into data with positions. Raises LoadError."""
    _check_text(text, path)
    doc = YamlDocument(path, None)
    try:
        doc.data = _Builder(doc, text).build(_events(text))
    except yaml.MarkedYAMLError as exc:
        raise LoadError([_syntax_error(text, path, exc)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raw_char: Any = exc.character
        code: int = raw_char if isinstance(raw_char, int) else ord(str(raw_char)[:1] or "\0")
        raise LoadError(
            [
                Diagnostic(
                    path, line, col, f"character U+{code:04X} is not allowed in YAML: {exc.reason}"
                )
            ]
        ) from None
    except yaml.YAMLError as exc:  # anything else libyaml raises without a mark
        raise LoadError([Diagnostic(path, 1, 1, f"YAML error: {exc}")]) from None
    return doc


def _check_text(text: str, path: str) -> None:
    """Refuse text that is too large, holds a lone surrogate, or has nothing in it."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise LoadError([Diagnostic(path, 1, 1, "text is too large to be a scenario or rubric")])
    bad = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        line, col = _line_col(text, bad)
        raise LoadError(
            [
                Diagnostic(
                    path, line, col, "the text contains an invalid character (a lone surrogate)"
                )
            ]
        )
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise LoadError([Diagnostic(path, 1, 1, "file is empty: expected a YAML mapping")])


# --- syntax errors in plain words ------------------------------------------------------------
#
# The parser reports where it gave up ("did not find expected key"), which is often a line or
# two after the mistake and never says how to fix it. The explainers below each recognise one
# common mistake from the text around that place and say, in plain words, what is wrong, how to
# fix it, and where to edit. The first that recognises the error wins; otherwise the parser's
# own message is shown.

_Hint = tuple[int, int, str]
"""A 1-based line and column where the user must edit, and the message."""


@dataclass(frozen=True)
class _Failure:
    """A parser error and the lines of the text it happened in."""

    lines: list[str]
    line: int  # 0-based line and column where the parser gave up
    col: int
    problem: str
    context_line: int | None  # 0-based line where what it was parsing started

    @property
    def text(self) -> str:
        """The line where the parser gave up."""
        return self.lines[self.line] if self.line < len(self.lines) else ""

    def is_about_structure(self) -> bool:
        """Whether the parser met a key or list item where it did not expect one."""
        return self.problem.startswith(
            (
                "did not find expected key",
                "did not find expected '-' indicator",
                "mapping values are not allowed",
                "expected <block end>",
            )
        )


def _syntax_error(text: str, path: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    hint = _never_closed(text, exc)
    if hint is None and mark is not None:
        failure = _Failure(
            text.splitlines(),
            mark.line,
            mark.column,
            problem,
            exc.context_mark.line if exc.context_mark is not None else None,
        )
        hint = next(filter(None, (explain(failure) for explain in _EXPLAINERS)), None)
    if hint is not None:
        line, col, message = hint
        return Diagnostic(path, line, col, f"YAML syntax error: {message}")
    return _parser_message(text, path, exc, problem)


def _parser_message(text: str, path: str, exc: yaml.MarkedYAMLError, problem: str) -> Diagnostic:
    """The parser's own message, for the errors no explainer recognises."""
    mark, started = exc.problem_mark or exc.context_mark, exc.context_mark
    if mark is not None and mark.index >= len(text.rstrip()):
        lines = text.rstrip().splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
    else:
        line, col = _pos(mark) if mark else (1, 1)
    context = ""
    if exc.context:
        where = (
            f" that started at line {started.line + 1}, column {started.column + 1}"
            if started and started.line != getattr(mark, "line", None)
            else ""
        )
        context = f" ({exc.context}{where})"
    return Diagnostic(path, line, col, f"YAML syntax error: {problem}{context}")


_FRIENDLY = {
    "a flow sequence": "the '[' list",
    "a flow mapping": "the '{' mapping",
    "a quoted scalar": "the quoted text",
    "a block scalar": "the block text",
}


def _never_closed(text: str, exc: yaml.MarkedYAMLError) -> _Hint | None:
    """The file ended inside an unclosed bracket or quote: point at where it opened."""
    mark, started = exc.problem_mark or exc.context_mark, exc.context_mark
    if (
        mark is None
        or started is None
        or not exc.context
        or mark.index < len(text.rstrip())
        or started.index >= mark.index
    ):
        return None
    what = exc.context.removeprefix("while parsing ").removeprefix("while scanning ")
    if what not in _FRIENDLY:  # e.g. "a simple key": not something the user opened
        return None
    problem = exc.problem or "invalid YAML"
    return (
        started.line + 1,
        started.column + 1,
        f"{_FRIENDLY[what]} that starts here is never closed ({problem})",
    )


# The shapes of lines the explainers look for. Keys in scenario and rubric files are plain
# words, so a key is a word followed by ':' and a space (or the end of the line).
_KEY_LINE = re.compile(r"^( *)((?:- +)*)(\w[\w-]*) *:(?=[ \t]|$)")
_DASH_LINE = re.compile(r"^( *)-(?=[ \t]|$)")
_BLOCK_START = re.compile(r"^( *)((?:- +)*)(?:([^\s#][^#]*?) *: +)?[|>][-+1-9]* *(?:#.*)?$")
_NO_SPACE_AFTER_DASH = re.compile(r"^ *-(?=[^\s\-\d.])")
_NO_SPACE_AFTER_COLON = re.compile(
    r"^ *((?:- +)*)(?:([A-Za-z_][\w-]*):(?=[^\s:/])|(\d+):(?=[^\s:/\d]))"
)
_QUOTED_VALUE = re.compile(r"""^ *(?:- +)*(?:[\w-]+ *: +)?(['"])""")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_at(line: str) -> tuple[int, str] | None:
    """The column and name of the key a line starts with (after any '- '), if it does."""
    m = _KEY_LINE.match(line)
    return (m.start(3), m.group(3)) if m else None


def _opens_block(line: str) -> bool:
    """Whether the line is a key with nothing after it: its value is on the lines below."""
    m = _KEY_LINE.match(line)
    rest = line[m.end() :].strip() if m else "x"
    return not rest or rest.startswith("#")


def _block_text_column(line: str) -> int | None:
    """For a line that starts block text (`key: >-`, `- |`), the column its text must be
    indented beyond; None for any other line."""
    m = _BLOCK_START.match(line)
    if m is None:
        return None
    if m.group(3):
        return m.start(3)  # `key: >-`: the text goes deeper than the key
    dashes = m.group(2).rstrip()  # `- >-`: deeper than the last '-'
    return m.end(1) + dashes.rfind("-") if dashes else m.end(1)


def _structure(lines: list[str], upto: int) -> list[int]:
    """The lines before `upto` that hold keys, list items and values: not blank lines, comments
    or the text of block scalars (`>-`, `|`)."""
    found: list[int] = []
    block: int | None = None
    for i, line in enumerate(lines[:upto]):
        if not line.strip() or (block is not None and _indent(line) > block):
            continue
        block = None
        if line.lstrip().startswith("#"):
            continue
        found.append(i)
        block = _block_text_column(line)
    return found


def _clip(text: str, width: int = 40) -> str:
    """`text`, cut at a word and marked with '...' when longer than `width`."""
    if len(text) <= width:
        return text
    cut = text[: width - 3]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,.;") + "..."


def _indented(spaces: int) -> str:
    if spaces == 0:
        return "not indented"
    return f"indented {spaces} space{'s' if spaces > 1 else ''}"


def _needs_no_quotes(text: str) -> bool:
    """Whether `text` reads back as the same text when written without quotes."""
    if not text or text != text.strip():
        return False
    try:
        return bool(yaml.safe_load(f"k: {text}\n") == {"k": text})
    except yaml.YAMLError:
        return False


def _quoted(text: str) -> str:
    """`text` in quotes, as YAML reads it back."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


# --- the explainers, in the order they are tried ---------------------------------------------


def _tab(f: _Failure) -> _Hint | None:
    """A tab where YAML wants spaces."""
    if f.text[f.col : f.col + 1] != "\t":
        return None
    before = f.text[: f.col]
    if not before.strip():
        why = "a tab indents this line, and YAML indents with spaces only"
        fix = "replace the tab with spaces"
    elif not before.strip(" -") and before.strip() == "-":
        why = "a tab after '-'; YAML needs a space between '-' and the item"
        fix = "replace the tab with a space"
    else:
        why = "a tab character, where YAML separates with spaces only"
        fix = "replace the tab with a space"
    return f.line + 1, f.col + 1, f"{why}; {fix}"


def _closing_quote(line: str, start: int) -> int | None:
    """Where the quoted text that opens at `start` ends on its line, or None."""
    quote, i = line[start], start + 1
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            if quote == "'" and line[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _quote_inside_quotes(f: _Failure) -> _Hint | None:
    """`'Jordan's review'` or `"she said "no" twice"`: a quote inside ends the text early."""
    line = f.text
    m = _QUOTED_VALUE.match(line)
    end = _closing_quote(line, m.start(1)) if m else None
    if m is None or end is None:
        return None
    rest = line[end + 1 :].strip()
    if not rest or rest.startswith(("#", ":", ",", "]", "}")):
        return None
    quote = m.group(1)
    intended = line[m.end() : line.rstrip().rindex(quote)]
    if quote == "'":
        message = _apostrophe_message(line, end, intended)
    else:
        message = _double_quote_message(intended)
    if _needs_no_quotes(intended):
        message += ", or leave out the outer quotes (this text needs none)"
    return f.line + 1, end + 1, message


def _apostrophe_message(line: str, at: int, intended: str) -> str:
    left = at
    while left > 0 and not line[left - 1].isspace() and line[left - 1] != "'":
        left -= 1
    right = at + 1
    while right < len(line) and not line[right].isspace() and line[right] != "'":
        right += 1
    word = line[left:right]
    doubled = line[left:at] + "''" + line[at + 1 : right]
    each = (
        "each apostrophe in it" if intended.replace("''", "").count("'") > 1 else "the apostrophe"
    )
    options = [] if '"' in intended else ["put the text in double quotes instead"]
    options.append(f"write {each} twice ({doubled})")
    return f"the apostrophe in {word} ends the 'single-quoted' text early; " + ", or ".join(options)


def _double_quote_message(intended: str) -> str:
    single = "put the text in single quotes instead"
    if "'" in intended:
        single += " (writing each apostrophe in it twice: '')"
    return f'a " inside "double-quoted" text ends it early; write each " inside as \\", or {single}'


def _suspects(f: _Failure) -> list[int]:
    """Lines that may hold a mistake the parser only noticed later: the line where what it was
    parsing started, then the lines from the one that encloses the error line down to it (text
    with no space after a ':' or '-' runs on into the lines below it)."""
    first, base = f.line, _indent(f.text)
    while first > 0 and f.line - first < 30:
        first -= 1
        above = f.lines[first]
        if above.strip() and not above.lstrip().startswith("#") and _indent(above) < base:
            break
    structural = set(_structure(f.lines, f.line + 1))
    order = [f.context_line] if f.context_line is not None else []
    return [i for i in dict.fromkeys([*order, *range(first, f.line + 1)]) if i in structural]


def _no_space_after_dash(line: str) -> tuple[int, str] | None:
    """For a line that starts `-item`: the 1-based column after the '-', and the message."""
    m = _NO_SPACE_AFTER_DASH.match(line)
    if m is None:
        return None
    item = _clip(line[m.end() :].strip(), 24)
    return (
        m.end() + 1,
        f"'-{item}' has no space after the '-', so it is not a list item but more text; "
        f"write '- {item}'",
    )


def _missing_space_after_dash(f: _Failure) -> _Hint | None:
    """`-item`: without a space, the '-' is part of the text, not a list item."""
    for i in _suspects(f):
        found = _no_space_after_dash(f.lines[i])
        if found:
            return i + 1, *found
    return None


def _missing_space_after_colon(f: _Failure) -> _Hint | None:
    """`title:Foo`: without a space after the colon, the key and its value are one text."""
    for i in _suspects(f):
        m = _NO_SPACE_AFTER_COLON.match(f.lines[i])
        if m:
            key, value = m.group(2) or m.group(3), f.lines[i][m.end() :].strip()
            return (
                i + 1,
                m.end() + 1,
                f"'{key}:{value.split()[0]}' has no space after the colon, so YAML reads the line "
                f"as one piece of text, not a key and its value; "
                f"write '{_clip(f'{key}: {value}')}'",
            )
    return None


def _colon_in_text(f: _Failure) -> _Hint | None:
    """`title: Sales: the sequel`: a ': ' inside unquoted text starts another key."""
    m = _KEY_LINE.match(f.text)
    if (
        not f.problem.startswith("mapping values are not allowed")
        or m is None
        or f.col < m.end()
        or f.text[f.col : f.col + 1] != ":"
    ):
        return None
    value = f.text[m.end() :].strip()
    if value[:1] in ("'", '"'):
        return None
    key, start = m.group(3), f.text.index(value, m.end())
    fix = f"{key}: {_quoted(value)}"
    return (
        f.line + 1,
        start + 1,
        f"the text after '{key}:' contains ': ' (at column {f.col + 1}), which YAML reads as the "
        "start of another key; put the whole text in quotes"
        + (f": {fix}" if len(fix) <= 60 else ""),
    )


def _block_text_dedent(f: _Failure) -> _Hint | None:
    """A line of `>-` or `|` text indented less than the lines before it: it ends the text, and
    YAML reads it as a key or list item."""
    if f.line >= len(f.lines) or _key_at(f.text) or _DASH_LINE.match(f.text):
        return None
    structure = _structure(f.lines, f.line)
    column = _block_text_column(f.lines[structure[-1]]) if structure else None
    if column is None:
        return None
    start = structure[-1]
    first = next((i for i in range(start + 1, f.line) if f.lines[i].strip()), None)
    if first is None:
        return None
    depth, text_depth = _indent(f.text), _indent(f.lines[first])
    if not column < depth < text_depth:
        return None
    message = (
        f"this line is {_indented(depth)}, less than the text above it (from line {first + 1}, "
        f"{_indented(text_depth)}), so it ends the text that starts on line {start + 1} early; "
        f"indent it {text_depth} spaces like the rest of that text"
    )
    if not any(line.strip() for line in f.lines[first + 1 : f.line]):
        message += _or_move(first, depth - text_depth)
    return f.line + 1, depth + 1, message


def _block_text_too_shallow(f: _Failure) -> _Hint | None:
    """`- >-` or `key: >-` whose text is not indented past the '-' or key: the text is empty,
    and its lines are read as keys or list items."""
    at = f.line
    if f.problem.startswith("could not find expected ':'") and f.context_line is not None:
        at = f.context_line
    structure = _structure(f.lines, at)
    start = structure[-1] if structure else None
    column = _block_text_column(f.lines[start]) if start is not None else None
    if start is None or column is None or at >= len(f.lines):
        return None
    text, depth = f.lines[at], _indent(f.lines[at])
    if _key_at(text) or _DASH_LINE.match(text) or not _indent(f.lines[start]) <= depth <= column:
        return None
    key = _key_at(f.lines[start])
    owner = f"'{key[1]}'" if key else "its '-'"
    return (
        start + 1,
        _indent(f.lines[start]) + 1,
        f"the text on line {at + 1} starts at column {depth + 1}, but the text of this line must "
        f"be indented more than {owner} (column {column + 1}); indent the text further, or, if "
        "this line is indented too deep, line it up with the lines around it",
    )


def _text_without_key(f: _Failure) -> _Hint | None:
    """A line of plain text where YAML expects a key or a list item."""
    at = f.context_line
    if not f.problem.startswith("could not find expected ':'") or at is None:
        return None
    line = f.lines[at] if at < len(f.lines) else ""
    if not line.strip() or _key_at(line) or _DASH_LINE.match(line) or line.lstrip()[0] in "'\"":
        return None
    return (
        at + 1,
        _indent(line) + 1,
        "this line is text on its own, where YAML expects a key ('name: value') or a list item "
        "('- text'); if it goes on from the text above, indent it deeper than that text's key, "
        "or if it is a key, add ': ' after the name",
    )


def _item_depth_message(indent: int, sibling: int, other: int, why: str = "") -> str:
    return (
        f"this list item is {_indented(indent)}, but the item on line {sibling + 1} is "
        f"{_indented(other)}{why}; line its '-' up with that one"
    )


def _first_item(lines: list[str], at: int) -> bool:
    """Whether the '-' line `at` is the first item of its list (which sets how deep the others
    must be, so the others may be right and this one wrong)."""
    structure = _structure(lines, at)
    return not structure or _indent(lines[structure[-1]]) < _indent(lines[at])


def _first_key(lines: list[str], at: int) -> bool:
    """Whether the key on line `at` is the first of its mapping (which sets how deep the others
    must be)."""
    key = _key_at(lines[at])
    if key is None or _DASH_LINE.match(lines[at]):
        return False  # a '- key:' line lines up with the other items of its list
    structure = _structure(lines, at)
    above = _key_at(lines[structure[-1]]) if structure else None
    return not structure or (above[0] if above else _indent(lines[structure[-1]])) < key[0]


def _confirmed_below(lines: list[str], at: int, *, item: bool = False) -> bool:
    """Whether the next line below `at` that is no deeper starts where `at` does (a key, or with
    `item` a list item): then `at` is probably right and a line above it wrong."""
    depth = _indent(lines[at])
    for line in lines[at + 1 :]:
        if not line.strip() or line.lstrip().startswith("#") or _indent(line) > depth:
            continue
        if item:
            return _DASH_LINE.match(line) is not None and _indent(line) == depth
        key = _key_at(line)
        return key is not None and not _DASH_LINE.match(line) and key[0] == depth
    return False


def _or_move(line: int, by: int) -> str:
    """', or move line N ...', the other way to line two lines up."""
    side = "right" if by > 0 else "left"
    return f", or move line {line + 1} {abs(by)} column{'s' if abs(by) > 1 else ''} {side}"


def _sibling_item(lines: list[str], at: int, indent: int) -> int | None:
    """The list item a '-' line indented `indent` should line up with. Walking up from it over the
    lines that outline where it is (each no deeper than the lines after it), until a key it
    could belong under: the least indented list item, the nearest if several."""
    best: int | None = None
    floor: int | None = None
    for i in reversed(_structure(lines, at)):
        depth = _indent(lines[i])
        if floor is not None and depth > floor:
            continue
        floor = depth
        key = _key_at(lines[i])
        is_item = _DASH_LINE.match(lines[i]) is not None
        if (not is_item and depth < indent) or (
            key is not None and key[0] < indent and _opens_block(lines[i])
        ):
            break
        if is_item and (best is None or depth < _indent(lines[best])):
            best = i
    return best


def _list_item_depth(f: _Failure) -> _Hint | None:
    """A '-' line indented differently from the items of its list."""
    if not f.is_about_structure() or not _DASH_LINE.match(f.text):
        return None
    indent = _indent(f.text)
    sibling = _sibling_item(f.lines, f.line, indent)
    if sibling is None or _indent(f.lines[sibling]) == indent:
        return None
    other = _indent(f.lines[sibling])
    message = _item_depth_message(indent, sibling, other)
    if _first_item(f.lines, sibling) and _confirmed_below(f.lines, f.line, item=True):
        message += _or_move(sibling, indent - other)
    return f.line + 1, indent + 1, message


def _enclosing_key(lines: list[str], at: int, column: int) -> str | None:
    """The name of the nearest key above line `at` that starts left of `column`."""
    for i in reversed(_structure(lines, at)):
        key = _key_at(lines[i])
        if key is not None and key[0] < column:
            return key[1]
    return None


def _list_or_mapping(f: _Failure) -> _Hint | None:
    """Keys in the column of a list's '-': a list where a mapping is expected, or an item
    missing its '- '."""
    start = f.context_line
    if (
        not f.problem.startswith("did not find expected '-' indicator")
        or start is None
        or start >= len(f.lines)
        or not _DASH_LINE.match(f.lines[start])
        or _key_at(f.text) is None
        or _DASH_LINE.match(f.text)
        or _indent(f.text) != _indent(f.lines[start])
    ):
        return None
    column = _indent(f.lines[start])
    items = [
        i
        for i in _structure(f.lines, f.line)
        if i >= start and _DASH_LINE.match(f.lines[i]) and _indent(f.lines[i]) == column
    ]
    if len(items) <= 1:
        parent = _enclosing_key(f.lines, start, column)
        what, holder = (
            (f"makes '{parent}' a list", f"'{parent}'") if parent else ("starts a list", "it")
        )
        return (
            start + 1,
            column + 1,
            f"this '- ' {what}, but line {f.line + 1} is a key of a mapping at the same depth, "
            f"and a value is either a list or a mapping; if {holder} holds keys, remove the '- '",
        )
    return (
        f.line + 1,
        column + 1,
        f"this line is in the column of the list items above (line {items[-1] + 1}) but does "
        "not start with '- '; add '- ' if it starts a new item, or indent it to line up with "
        "the keys of the item above",
    )


_Place = tuple[int, int, str | None]
"""A 0-based line, the column where its key (or list item) starts, and the key's name (None for
a list item without a key)."""


def _outline(lines: list[str], at: int) -> list[_Place]:
    """The lines above line `at` that outline where it is, nearest first: each indented no
    deeper than the lines between it and `at`."""
    found: list[_Place] = []
    floor: int | None = None
    for i in reversed(_structure(lines, at)):
        if floor is not None and _indent(lines[i]) > floor:
            continue
        floor = _indent(lines[i])
        key = _key_at(lines[i])
        found.append((i, key[0], key[1]) if key else (i, floor, None))
    return found


def _named(place: _Place) -> str:
    line, _, name = place
    return f"'{name}' on line {line + 1}" if name else f"the list item on line {line + 1}"


def _key_depth(f: _Failure) -> _Hint | None:
    """A key indented deeper or shallower than the keys of its mapping."""
    key = _key_at(f.text)
    if not f.is_about_structure() or key is None or _DASH_LINE.match(f.text):
        return None
    outline = _outline(f.lines, f.line)
    if not outline or any(name and column == key[0] for _, column, name in outline):
        return None
    above = outline[0]
    if above[1] > key[0]:
        return _key_shallower(f, key[0], outline)
    if above[2] is None or _opens_block(f.lines[above[0]]):
        return None
    return _key_deeper(f, key, above)


def _key_deeper(f: _Failure, key: tuple[int, str], above: _Place) -> _Hint:
    column, name = key
    line, above_column, above_name = above
    structure = _structure(f.lines, line)
    before = _key_at(f.lines[structure[-1]]) if structure else None
    if before is not None and before[0] == column and not _DASH_LINE.match(f.lines[line]):
        # the key above is the odd one out: the keys on both sides of it line up
        return (
            line + 1,
            above_column + 1,
            f"'{above_name}' starts at column {above_column + 1}, but the keys around it "
            f"('{before[1]}' on line {structure[-1] + 1}, '{name}' on line {f.line + 1}) start "
            f"at column {column + 1}; move it to column {column + 1}",
        )
    message = (
        f"this key starts at column {column + 1}, deeper than {_named(above)} (column "
        f"{above_column + 1}), so YAML reads it as part of the value of '{above_name}'; move it "
        f"to column {above_column + 1}"
    )
    if _first_key(f.lines, line) and _confirmed_below(f.lines, f.line):
        message += _or_move(line, column - above_column)
    return f.line + 1, column + 1, message


def _key_shallower(f: _Failure, column: int, outline: list[_Place]) -> _Hint:
    where = f"{_named(outline[0])} starts at column {outline[0][1] + 1}"
    parent = next((place for place in outline if place[1] < column), None)
    if parent is not None:
        where += f" and {_named(parent)} at column {parent[1] + 1}"
    message = (
        f"this key starts at column {column + 1}, which lines up with no key above it: {where}; "
        "move it to one of those columns"
    )
    odd = next((p for p in (parent, outline[0]) if p and p[2] and _first_key(f.lines, p[0])), None)
    if odd is not None and _confirmed_below(f.lines, f.line):
        message += _or_move(odd[0], column - odd[1])
    return f.line + 1, column + 1, message


_QUOTE_START = re.compile(r"""^\s*(?:-\s+|[\w-]+:\s+)(['"])""")


def _unclosed_quote_before(lines: list[str], error_line: int) -> tuple[int, int, str] | None:
    """A quoted value that opens on an earlier line and does not close on it: the usual cause
    of a baffling syntax error a few lines further down."""
    for i in range(min(error_line, len(lines) - 1), max(-1, error_line - 30), -1):
        line = lines[i]
        m = _QUOTE_START.match(line)
        if not m:
            continue
        char = m.group(1)
        rest = line[m.end() :]
        closed = (
            (rest.replace("''", "").count("'") > 0)
            if char == "'"
            else bool(re.search(r'(?<!\\)"', rest))
        )
        if not closed and i < error_line:
            return i + 1, m.start(1) + 1, char
        return None
    return None


def _unclosed_quote(f: _Failure) -> _Hint | None:
    quote = _unclosed_quote_before(f.lines, f.line)
    if quote is None:
        return None
    line, col, char = quote
    return (
        line,
        col,
        f"the {char}quoted{char} text that starts here is not closed on its line, so a later "
        f"{char} ends it early and confuses what follows ({f.problem} at line {f.line + 1}); "
        "close the quote, or write the text without quotes",
    )


_EXPLAINERS: tuple[Callable[[_Failure], _Hint | None], ...] = (
    _tab,
    _quote_inside_quotes,
    _unclosed_quote,
    _missing_space_after_dash,
    _missing_space_after_colon,
    _colon_in_text,
    _list_item_depth,
    _list_or_mapping,
    _key_depth,
    _block_text_dedent,
    _block_text_too_shallow,
    _text_without_key,
)


def _events(text: str) -> Iterator[ev.Event]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()  # type: ignore[no-untyped-call]
    finally:
        loader.dispose()


class _TooMuch(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        self.mark, self.message = mark, message


@dataclass
class _Frame:
    container: dict[Any, Any] | list[Any]
    loc: Loc
    key: Any = None
    has_key: bool = False
    key_mark: Any = None
    size: int = 1
    anchor: str | None = None


_NO_VALUE = object()


class _Builder:
    """Turns parser events into Python data, recording positions; iterative, bounded."""

    def __init__(self, doc: YamlDocument, text: str = "") -> None:
        self.doc = doc
        self.lines = text.splitlines()
        self.resolver = yaml.SafeLoader("")
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0

    def build(self, events: Iterator[ev.Event]) -> Any:
        try:
            return self._build(events)
        except _TooMuch as exc:
            line, col = _pos(exc.mark)
            raise LoadError([Diagnostic(self.doc.path, line, col, exc.message)]) from None

    def _build(self, events: Iterator[ev.Event]) -> Any:
        stack: list[_Frame] = []
        result: Any = _NO_VALUE
        documents = 0
        for event in events:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _TooMuch(
                        event.start_mark,
                        "more than one YAML document ('---') in the file; expected exactly one",
                    )
                continue
            if isinstance(event, ev.StreamStartEvent | ev.StreamEndEvent | ev.DocumentEndEvent):
                continue
            if isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
                value = self._close(stack, event.start_mark)
                if not stack:
                    result = value
                continue

            parent = stack[-1] if stack else None
            is_key = (
                isinstance(parent, _Frame)
                and isinstance(parent.container, dict)
                and not parent.has_key
            )
            loc = self._child_loc(parent) if parent and not is_key else (() if not parent else None)

            if isinstance(event, ev.AliasEvent):
                value = self._alias(event, parent, loc, as_key=is_key)
                if parent is None:
                    return value
                continue

            if isinstance(event, ev.ScalarEvent):
                self._count(1, event.start_mark)
                value = self._scalar(event, as_key=is_key)
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
                if parent is None:
                    self.doc.value_at[()] = _pos(event.start_mark)
                    result = value
                    continue
                if is_key:
                    self._set_key(parent, value, event.start_mark)
                    continue
                parent.size += 1
                self._attach(parent, value, event.start_mark, loc)
                continue

            if isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
                stack.append(self._open(event, len(stack), loc or (), as_key=is_key))
                continue
        return None if result is _NO_VALUE else result

    def _alias(
        self, event: ev.AliasEvent, parent: _Frame | None, loc: Loc | None, *, as_key: bool
    ) -> Any:
        """The value an alias (`*name`) stands for, attached to `parent` when there is one."""
        if event.anchor not in self.anchors:
            raise _TooMuch(event.start_mark, f"unknown alias *{event.anchor}")
        value, size = self.anchors[event.anchor]
        self._count(size, event.start_mark)
        if as_key:
            raise _TooMuch(event.start_mark, "an alias cannot be used as a mapping key")
        if parent is not None:
            parent.size += size
            self._attach(parent, value, event.start_mark, loc)
        return value

    def _close(self, stack: list[_Frame], mark: Any) -> Any:
        """End the innermost mapping or list and attach it to the one around it."""
        frame = stack.pop()
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        if stack:
            stack[-1].size += frame.size
            self._attach(stack[-1], frame.container, mark, None)
        return frame.container

    def _set_key(self, parent: _Frame, key: Any, mark: Any) -> None:
        """Start the next entry of the mapping in `parent`, refusing a duplicate key."""
        assert isinstance(parent.container, dict)
        if key in parent.container:
            first = self.doc.key_at.get((*parent.loc, key))
            where = f" (first at line {first[0]})" if first else ""
            raise _TooMuch(mark, f"duplicate key '{key}'{where}")
        parent.key, parent.has_key, parent.key_mark = key, True, mark
        self.doc.key_at[(*parent.loc, key)] = _pos(mark)

    def _open(
        self,
        event: ev.MappingStartEvent | ev.SequenceStartEvent,
        depth: int,
        loc: Loc,
        *,
        as_key: bool,
    ) -> _Frame:
        """A new mapping or list, `depth` levels down, checked against the limits."""
        if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            raise _TooMuch(event.start_mark, f"unsupported YAML tag {event.tag!r}")
        if as_key:
            raise _TooMuch(event.start_mark, "mapping keys must be plain text")
        self._count(1, event.start_mark)
        if depth >= MAX_DEPTH:
            raise _TooMuch(
                event.start_mark,
                f"nested too deeply (more than {MAX_DEPTH} levels); "
                "scenario and rubric files are much flatter than this",
            )
        self.doc.value_at[loc] = _pos(event.start_mark)
        container: dict[Any, Any] | list[Any] = (
            {} if isinstance(event, ev.MappingStartEvent) else []
        )
        return _Frame(container, loc, anchor=event.anchor)

    def _child_loc(self, parent: _Frame) -> Loc:
        if isinstance(parent.container, dict):
            return (*parent.loc, parent.key)
        return (*parent.loc, len(parent.container))

    def _attach(self, parent: _Frame, value: Any, mark: Any, loc: Loc | None) -> None:
        if isinstance(parent.container, dict):
            if loc is not None:
                self.doc.value_at.setdefault(loc, _pos(mark))
            parent.container[parent.key] = value
            parent.key, parent.has_key = None, False
        else:
            if loc is not None:
                self.doc.value_at.setdefault(loc, _pos(mark))
            parent.container.append(value)

    def _count(self, size: int, mark: Any) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise _TooMuch(
                mark,
                f"the file expands to more than {MAX_NODES:,} values (too many aliases? "
                "a YAML 'billion laughs' file is refused)",
            )

    def _scalar(self, event: ev.ScalarEvent, *, as_key: bool) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag == "tag:yaml.org,2002:merge":
            raise _TooMuch(
                event.start_mark, "merge keys ('<<') are not supported; write the keys out"
            )
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
        try:
            value = self.resolver.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise _TooMuch(
                event.start_mark, f"unsupported YAML tag {tag!r}: {exc.problem}"
            ) from None
        except (ValueError, OverflowError):
            value = event.value
        if as_key and type(value) not in (str, int):
            value = event.value  # keys such as `on:` or `yes:` stay text, not booleans
        if isinstance(value, str):
            self._check_characters(value, event)
            self._check_dash_without_space(event)
            self._check_run_on_item(event)
        return value

    def _check_dash_without_space(self, event: ev.ScalarEvent) -> None:
        """Plain text on a line of its own that starts `-item`: a list item missing the space
        after its '-', which YAML silently reads as text."""
        start = event.start_mark
        if event.style or start is None or start.line >= len(self.lines):
            return
        line = self.lines[start.line]
        found = _no_space_after_dash(line) if not line[: start.column].strip() else None
        if found:
            col, message = found
            self.doc.problems.append(Diagnostic(self.doc.path, start.line + 1, col, message))

    def _check_run_on_item(self, event: ev.ScalarEvent) -> None:
        """A list item of plain text that runs on into a deeper '- ' line: a list item indented
        too deep, which YAML silently reads as more of the text of the item above."""
        start, end = event.start_mark, event.end_mark
        if event.style or start is None or end is None or end.line <= start.line:
            return
        first = self.lines[start.line] if start.line < len(self.lines) else ""
        if not _DASH_LINE.match(first):
            return
        for i in range(start.line + 1, min(end.line + 1, len(self.lines))):
            line = self.lines[i]
            if _DASH_LINE.match(line) and _indent(line) > _indent(first):
                why = ", so YAML reads it as more of that item's text"
                message = _item_depth_message(_indent(line), start.line, _indent(first), why)
                if _first_item(self.lines, start.line) and _confirmed_below(
                    self.lines, i, item=True
                ):
                    message += _or_move(start.line, _indent(line) - _indent(first))
                self.doc.problems.append(
                    Diagnostic(self.doc.path, i + 1, _indent(line) + 1, message)
                )
                return

    def _check_characters(self, value: str, event: ev.ScalarEvent) -> None:
        """Text that could act on a terminal is refused, wherever it is in the file."""
        match = UNSAFE.search(value)
        if match is None:
            return
        char = match.group()
        count = len(UNSAFE.findall(value))
        more = f" ({count} such characters in this text)" if count > 1 else ""
        line, col = _pos(event.start_mark)
        if is_bidi(char):
            why = (
                "a bidi control makes text display in a different order from how it reads; "
                "remove it (right-to-left scripts display correctly without it)"
            )
        else:
            why = (
                "a control character could act on the terminal of whoever opens this file; "
                "remove it (in double-quoted text, escapes such as \\e or \\x1b write one)"
            )
        self.doc.problems.append(
            Diagnostic(
                self.doc.path,
                line,
                col,
                f"the text here contains {describe(char)} at character {match.start() + 1}"
                f"{more}: {why}",
            )
        )
