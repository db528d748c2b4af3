"""YAML to plain Python data, remembering where every value came from.

PyYAML's `safe_load` forgets positions, silently overwrites duplicate keys, recurses on deep
nesting and expands alias bombs. This loader walks the parser's event stream itself (no
recursion), so it can record the line and column of every key and value, refuse duplicate keys,
and stop early on files that are too large, too deep or alias-heavy, always with a message that
points into the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


_FRIENDLY = {
    "a flow sequence": "the '[' list",
    "a flow mapping": "the '{' mapping",
    "a quoted scalar": "the quoted text",
    "a block scalar": "the block text",
}


_QUOTE_START = re.compile(r"""^\s*(?:-\s+|[\w-]+:\s+)(['"])""")


def _unclosed_quote_before(text: str, error_line: int) -> tuple[int, int, str] | None:
    """A quoted value that opens on an earlier line and does not close on it: the usual cause
    of a baffling syntax error a few lines further down."""
    lines = text.splitlines()
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
    doc = YamlDocument(path, None)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise LoadError([Diagnostic(path, 1, 1, "file is empty: expected a YAML mapping")])
    try:
        doc.data = _Builder(doc).build(_events(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        started = exc.context_mark
        if (
            mark is not None
            and started is not None
            and exc.context
            and mark.index >= len(text.rstrip())
            and started.index < mark.index
        ):
            # The file ended inside an unclosed bracket or quote: point at where it opened.
            what = exc.context.removeprefix("while parsing ").removeprefix("while scanning ")
            what = _FRIENDLY.get(what, what)
            raise LoadError(
                [
                    Diagnostic(
                        path,
                        started.line + 1,
                        started.column + 1,
                        f"YAML syntax error: {what} that starts here is never closed ({problem})",
                    )
                ]
            ) from None
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            raise LoadError(
                [
                    Diagnostic(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        "YAML syntax error: a tab character; YAML indents with spaces only",
                    )
                ]
            ) from None
        quote = _unclosed_quote_before(text, mark.line if mark is not None else 0)
        if quote is not None:
            q_line, q_col, char = quote
            raise LoadError(
                [
                    Diagnostic(
                        path,
                        q_line,
                        q_col,
                        f"YAML syntax error: the {char}quoted{char} text that starts here is not "
                        f"closed on its line, so a later {char} ends it early and confuses what "
                        f"follows ({problem} at line {mark.line + 1 if mark else '?'}); close the "
                        "quote, or write the text without quotes",
                    )
                ]
            ) from None
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
        raise LoadError(
            [Diagnostic(path, line, col, f"YAML syntax error: {problem}{context}")]
        ) from None
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

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
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
                frame = stack.pop()
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.container, frame.size)
                value, size = frame.container, frame.size
                if stack:
                    stack[-1].size += size
                    self._attach(stack[-1], value, event.start_mark, None)
                else:
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
                if event.anchor not in self.anchors:
                    raise _TooMuch(event.start_mark, f"unknown alias *{event.anchor}")
                value, size = self.anchors[event.anchor]
                self._count(size, event.start_mark)
                if is_key:
                    raise _TooMuch(event.start_mark, "an alias cannot be used as a mapping key")
                if parent is None:
                    return value
                parent.size += size
                self._attach(parent, value, event.start_mark, loc)
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
                    assert isinstance(parent.container, dict)
                    if value in parent.container:
                        first = self.doc.key_at.get((*parent.loc, value))
                        where = f" (first at line {first[0]})" if first else ""
                        raise _TooMuch(event.start_mark, f"duplicate key '{value}'{where}")
                    parent.key, parent.has_key, parent.key_mark = value, True, event.start_mark
                    self.doc.key_at[(*parent.loc, value)] = _pos(event.start_mark)
                    continue
                parent.size += 1
                self._attach(parent, value, event.start_mark, loc)
                continue

            if isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
                if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    raise _TooMuch(event.start_mark, f"unsupported YAML tag {event.tag!r}")
                if is_key:
                    raise _TooMuch(event.start_mark, "mapping keys must be plain text")
                self._count(1, event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise _TooMuch(
                        event.start_mark,
                        f"nested too deeply (more than {MAX_DEPTH} levels); "
                        "scenario and rubric files are much flatter than this",
                    )
                child_loc: Loc = loc if loc is not None else ()
                self.doc.value_at[child_loc] = _pos(event.start_mark)
                container: dict[Any, Any] | list[Any] = (
                    {} if isinstance(event, ev.MappingStartEvent) else []
                )
                stack.append(_Frame(container, child_loc, anchor=event.anchor))
                continue
        return None if result is _NO_VALUE else result

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
        return value

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
