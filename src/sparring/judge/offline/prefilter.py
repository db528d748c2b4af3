"""A literal prefilter for the judge's rules: run only the regular expressions that can match.

The judge has several hundred phrase rules and almost all of them fail on any given sentence.
Python's regex engine cannot skip a pattern that starts with `\\b` quickly, so each failed
search still costs a scan. Instead, every rule's parse tree (from the standard library's own
regex parser) yields a set of literals of which at least one must occur in any text the rule
matches. All the literals are compiled into one regular expression shaped as a trie, which
finds, at every position of a sentence, the longest literal starting there in a single pass of
the regex engine; any other literal starting at the same position is a prefix of that one, so
the literals present, and so the few rules worth running, follow from a table. The filter is
exact: it only ever skips rules that cannot match (a test checks this over the development
set).
"""

from __future__ import annotations

import re
import re._constants as _C  # type: ignore[import-not-found]  # the stdlib regex parser
import re._parser as _P  # type: ignore[import-not-found]
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import lru_cache
from typing import Any

_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT))


def _candidate_sets(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """Sets of literals of which one must appear for the sequence `items` to match."""
    found: list[set[str]] = []
    run = ""

    def flush() -> None:
        nonlocal run
        if len(run) >= 3:
            found.append({run})
        run = ""

    for op, av in items:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        flush()
        if op is _C.SUBPATTERN:
            if not (av[1] or av[2]):  # (a group with flags of its own, "(?i:...)": not literal)
                found.extend(_candidate_sets(list(av[3])))
        elif op is _C.BRANCH:
            best: list[set[str]] = []
            for branch in av[1]:
                options = _candidate_sets(list(branch))
                if not options:
                    best = []
                    break
                best.append(max(options, key=_strength))
            if best:
                found.append(set().union(*best))
        elif op in _REPEATS and av[0] >= 1:
            found.extend(_candidate_sets(list(av[2])))
    flush()
    return found


def _strength(literals: Collection[str]) -> tuple[int, int]:
    return min(len(x) for x in literals), -len(literals)


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literals of which at least one occurs in every match of `pattern` (None: unknown)."""
    return _literals(pattern, flags)[0]


# Flags under which a pattern's text is not the text it matches: ignoring case ("SORRY" for
# "sorry") and verbose ("s o r r y" for "sorry"). Such a pattern has no literals to key on.
_NOT_LITERAL = re.IGNORECASE | re.VERBOSE


def _literals(pattern: str, flags: int = 0) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """`required_literals` and `key_literals` of `pattern`, from one parse."""
    try:
        tree = _P.parse(pattern, flags)
    except (re.error, RecursionError):  # pragma: no cover - patterns are ours and compile
        return None, None
    if (flags | tree.state.flags) & _NOT_LITERAL:  # (given, or "(?i)" at its start)
        return None, None
    items = list(tree)
    loose = _loosely_required(items)
    # (the parse is kept alive meanwhile, so the identities in the memo stay its own)
    options = _required_sets(items, {})
    if loose is not None:
        options.append(loose)
    return loose, (max(options, key=_strength) if options else None)


def _loosely_required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    options: list[set[str]] = _candidate_sets(items)
    if not options:
        return None
    best: set[str] = max(options, key=lambda literals: _strength(literals))
    return frozenset(best)


_MAX_STRINGS = 8
"""The most strings a run of fixed text (with alternatives) is spelled out as."""


_Memo = dict[int, "set[str] | None"]
"""The strings of each item of one parse already spelled out, by the item's identity."""


def _strings(op: Any, av: Any, memo: _Memo) -> set[str] | None:
    """The exact strings one parsed item can match, if it matches only a few fixed ones
    (zero-width items match the empty string); None otherwise."""
    if op is _C.LITERAL:
        return {chr(av)}
    if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
        return {""}  # consumes nothing: the text either side stays contiguous
    if id(av) in memo:
        return memo[id(av)]
    out: set[str] | None = None
    if op is _C.IN:
        if len(av) <= _MAX_STRINGS and all(kind is _C.LITERAL for kind, _ in av):
            out = {chr(code) for _, code in av}
    elif op is _C.SUBPATTERN:
        if not (av[1] or av[2]):  # (inline flags, such as ignoring case: not literal)
            out = _sequence_strings(av[3], memo)
    elif op is _C.BRANCH:
        if len(av[1]) <= _MAX_STRINGS:  # (more: too many to spell out, whatever they are)
            out = set()
            for branch in av[1]:
                options = _sequence_strings(branch, memo)
                if options is None or len(out | options) > _MAX_STRINGS:
                    out = None
                    break
                out |= options
    elif op in _REPEATS and av[0] == 0 and av[1] == 1:
        inner = _sequence_strings(av[2], memo)
        out = None if inner is None else inner | {""}
    memo[id(av)] = out
    return out


def _sequence_strings(items: Iterable[tuple[Any, Any]], memo: _Memo) -> set[str] | None:
    run = {""}
    for op, av in items:
        options = _strings(op, av, memo)
        if options is None or len(run) * len(options) > _MAX_STRINGS:
            return None
        run = {a + b for a in run for b in options}
    return run


def _minimal(strings: set[str]) -> frozenset[str]:
    """The strings, less any that contains another (which then occurs too)."""
    kept: list[str] = []
    for s in sorted(strings, key=len):
        for t in kept:
            if t in s:
                break
        else:
            kept.append(s)
    return frozenset(kept)


def _best_window(parts: list[set[str]]) -> frozenset[str] | None:
    """The strongest set of literals a run of fixed text gives: the strings some stretch of its
    consecutive parts (each the strings one item matches) spells out, one of which occurs in
    any match."""
    best: frozenset[str] | None = None
    for i in range(len(parts)):
        run = {""}
        for options in parts[i:]:
            if len(run) * len(options) > _MAX_STRINGS:
                break
            run = {a + b for a in run for b in options}
            # (dropping the strings that contain others leaves the shortest: test it first)
            shortest = min(map(len, run))
            if shortest >= 3 and (best is None or shortest >= _strength(best)[0]):
                literals = _minimal(run)
                if best is None or _strength(literals) > _strength(best):
                    best = literals
    return best


def _required_sets(items: Iterable[tuple[Any, Any]], memo: _Memo) -> list[frozenset[str]]:
    """Sets of literals of which one must appear for the sequence `items` to match, each from
    a run of fixed text spelled out with its alternatives ("(?:is|was) it " gives "is it " and
    "was it "); all of them are required, not just one."""
    found: list[frozenset[str]] = []
    parts: list[set[str]] = []

    def flush() -> None:
        if parts and (best := _best_window(parts)) is not None:
            found.append(best)
        parts.clear()

    for op, av in items:
        if op is _C.LITERAL and parts and len(parts[-1]) == 1:  # (the common case, quickly)
            parts[-1] = {next(iter(parts[-1])) + chr(av)}
            continue
        options = _strings(op, av, memo)
        if options is not None:
            if len(options) == 1 and parts and len(parts[-1]) == 1:
                # one fixed string after another: a single part (no stretch needs only half)
                parts[-1] = {next(iter(parts[-1])) + next(iter(options))}
            else:
                parts.append(options)
            continue
        flush()
        if op is _C.SUBPATTERN and not (av[1] or av[2]):
            found.extend(_required_sets(av[3], memo))
        elif op in _REPEATS and av[0] >= 1:
            found.extend(_required_sets(av[2], memo))
        elif op is _C.BRANCH:
            best: list[frozenset[str]] = []
            for branch in av[1]:
                options_sets = _required_sets(branch, memo)
                if not options_sets:
                    best = []
                    break
                best.append(max(options_sets, key=_strength))
            if best:
                found.append(_minimal(set().union(*best)))
    flush()
    return found


def key_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The most telling set of literals of which at least one occurs in every match of
    `pattern` (None: unknown): the strongest of those `required_literals` and the runs of fixed
    text spelled out with their alternatives (`_required_sets`) find. "(?:is|was) (?:that|it) "
    gives "is that ", "was it " and the rest, where `required_literals` finds none."""
    return _literals(pattern, flags)[1]


def trie_pattern(literals: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose one group, at each position of a text, is the longest of `literals`
    starting there (a zero-width look-ahead, so `findall` reports every position)."""
    trie: dict[str, Any] = {}
    for literal in literals:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}  # a literal ends here

    def alternatives(node: dict[str, Any]) -> str:
        # longer continuations first, the end of a literal last: the longest match wins
        options = [re.escape(ch) + alternatives(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            options.append("")
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return re.compile("(?=(" + alternatives(trie) + "))")


class _Filter:
    """Which patterns can match a text, each keyed by a set of literals one of which it needs
    (`literals_of` a pattern; None: always possible). The keys are found, and the trie built,
    when first needed, not at import (the app does it on a background thread while its first
    screen is up: `OfflineJudge.warm`), once even when two threads ask at the same time."""

    def __init__(self, literals_of: Callable[[str, int], frozenset[str] | None]) -> None:
        self.literals_of = literals_of
        self.pending: list[tuple[int, str, int]] = []
        self.by_literal: dict[str, set[int]] = defaultdict(set)
        self.always: frozenset[int] = frozenset()
        self.trie: re.Pattern[str] | None = None
        self._building = threading.Lock()
        self.present: dict[str, frozenset[int]] = {}
        """For each literal, the patterns it and the literals that are its prefixes name."""

    def add(self, index: int, pattern: str, flags: int = 0) -> None:
        with self._building:  # (not while a build takes the pending patterns)
            self.pending.append((index, pattern, flags))
            self.trie = None

    def _build(self) -> re.Pattern[str]:
        with self._building:
            return self.trie or self._build_now()

    def _build_now(self) -> re.Pattern[str]:
        by_literal = self.by_literal
        for index, pattern, flags in self.pending:
            literals = self.literals_of(pattern, flags)
            if literals is None:
                self.always |= {index}
                continue
            for literal in literals:
                by_literal[literal].add(index)
        self.pending = []
        self.present = {
            literal: frozenset().union(
                *(by_literal.get(literal[:n], ()) for n in range(1, len(literal) + 1))
            )
            for literal in by_literal
        }
        # (no literals at all: nothing to find, and every pattern is always possible)
        self.trie = trie_pattern(by_literal) if by_literal else re.compile("(?!)")
        return self.trie

    def possible(self, text: str) -> frozenset[int]:
        found = (self.trie or self._build()).findall(text)
        if not found:
            return self.always
        return self.always.union(*map(self.present.__getitem__, set(found)))


class LiteralIndex:
    """Which of a set of patterns can possibly match a text."""

    def __init__(self) -> None:
        self._patterns: list[re.Pattern[str]] = []
        self._ids: dict[int, int] = {}
        self._loose = _Filter(required_literals)
        self._strict = _Filter(key_literals)
        """Fewer patterns pass it than `_loose`, so fewer are run (its keys cost more to find)."""

    def add(self, patterns: Iterable[re.Pattern[str]]) -> None:
        for pattern in patterns:
            if id(pattern) in self._ids:
                continue
            index = len(self._patterns)
            self._patterns.append(pattern)
            self._ids[id(pattern)] = index
            self._loose.add(index, pattern.pattern, pattern.flags)
            self._strict.add(index, pattern.pattern, pattern.flags)
        self.possible.cache_clear()
        self.runnable.cache_clear()

    @lru_cache(maxsize=2048)  # noqa: B019 - one index per process, texts repeat within a reply
    def possible(self, text: str) -> frozenset[int]:
        """The patterns one of whose `required_literals` occurs in `text`."""
        return self._loose.possible(text)

    @lru_cache(maxsize=2048)  # noqa: B019 - as `possible`
    def runnable(self, text: str) -> frozenset[int]:
        """The patterns one of whose `key_literals` occurs in `text`: as exact as `possible`
        (only patterns that cannot match are left out), and nearly always fewer. What the
        judge runs."""
        return self._strict.possible(text)

    def pattern(self, index: int) -> re.Pattern[str]:
        return self._patterns[index]

    def index_of(self, pattern: re.Pattern[str]) -> int | None:
        return self._ids.get(id(pattern))

    def require_index(self, pattern: re.Pattern[str]) -> int:
        return self._ids[id(pattern)]

    def can_match(self, pattern: re.Pattern[str], text: str) -> bool:
        index = self._ids.get(id(pattern))
        return index is None or index in self.possible(text)


class Guarded:
    """A regular expression that is rarely found and costly to search for (a long alternation
    scanned at every word, or ignoring case), with the key literals one of which any match
    holds (`key_literals`): a text holding none of them is not searched at all (looking for a
    few literals with `in` costs a fraction of a failed search). Only for whole texts: the
    literals are looked for in all of it."""

    __slots__ = ("_fold", "literals", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        # (ignoring case is handled here, below; any other flag that changes what the text
        # matches, or "(?i)" written in the pattern, leaves it unkeyed)
        literals = key_literals(pattern, flags & ~re.IGNORECASE) or frozenset()
        # ignoring case, literals are looked for in a lower-cased text, which matches what the
        # expression does only for ASCII (other texts, or literals, are always searched)
        self._fold = bool(flags & re.IGNORECASE)
        if self._fold:
            ascii_only = all(x.isascii() for x in literals)
            literals = frozenset(x.lower() for x in literals) if ascii_only else frozenset()
        self.literals: tuple[str, ...] = tuple(sorted(literals))
        """Empty: no key, every text is searched."""

    def possible(self, text: str) -> bool:
        """Whether `text` may hold a match (False: it surely holds none)."""
        if self._fold:
            if not text.isascii():
                return True
            text = text.lower()
        for literal in self.literals:
            if literal in text:
                return True
        return not self.literals

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.possible(text) else iter(())


def _first_characters(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """The characters a match of a parsed sequence can start with (None: any, or unknown, or
    it can match the empty string)."""
    for op, av in items:
        if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
            continue  # zero-width: the next item decides (a look-around only narrows it)
        if op is _C.LITERAL:
            return {chr(av)}
        if op is _C.IN:
            kinds_literal = all(kind is _C.LITERAL for kind, _ in av)
            return {chr(code) for _, code in av} if kinds_literal else None
        if op is _C.SUBPATTERN:
            return None if av[1] or av[2] else _first_characters(av[3])
        if op is _C.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                chars = _first_characters(branch)
                if chars is None:
                    return None
                out |= chars
            return out
        if op in _REPEATS and av[0] >= 1:
            return _first_characters(av[2])
        return None
    return None


def _structure(text: str) -> Iterator[tuple[int, str, int]]:
    """Each closing bracket and bar of a pattern's text, outside escapes and character classes,
    with where it stands and the depth of groups it leaves open."""
    depth, i, in_class = 0, 0, False
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            yield i, ch, depth
        elif ch == "|":
            yield i, ch, depth
        i += 1


def _group_end(text: str) -> int:
    """Where the group that opens `text` closes (the index after its closing bracket)."""
    for i, ch, depth in _structure(text):
        if ch == ")" and depth == 0:
            return i + 1
    raise ValueError(f"unbalanced: {text[:40]!r}")


def _top_level_alternatives(alternation: str) -> list[str]:
    """The alternatives of "(?:a|b|...)", split where the bar is at the outermost level."""
    if not alternation.startswith("(?:") or _group_end(alternation) != len(alternation):
        raise ValueError(f"not one group of alternatives: {alternation[:40]!r}")
    inner = alternation[3:-1]
    out, start = [], 0
    for i, ch, depth in _structure(inner):
        if ch == "|" and depth == 0:
            out.append(inner[start:i])
            start = i + 1
    out.append(inner[start:])
    return out


def _distributed(alternative: str) -> list[str]:
    """An alternative that opens with a group of alternatives, "(?:a|b) c", as the
    alternatives "a c" and "b c": the same strings, tried in the same order."""
    if not alternative.startswith("(?:"):
        return [alternative]
    end = _group_end(alternative)
    rest = alternative[end:]
    if rest[:1] in {"?", "*", "+", "{"}:  # (a quantified group is not one of its alternatives)
        return [alternative]
    return [
        spelled
        for sub in _top_level_alternatives(alternative[:end])
        for spelled in _distributed(sub + rest)
    ]


def by_first_character(alternation: str) -> str:
    """The group of alternatives "(?:a|b|...)" rewritten to match exactly the same, in the same
    order of preference, but grouped by the character each alternative starts with: at each
    place the engine tries the few alternatives that start with the character there, not every
    one of them (a list of 250 feeling words was tried word by word at every word of a text).
    An alternative opening with a group of alternatives is first written out as one alternative
    for each ("(?:so|really) down" as "so down|really down": tried in the same order); one
    that can still start with several characters joins each of their groups behind a
    look-ahead for that character, so no alternative is tried where it was not before, nor
    earlier than before."""
    groups: dict[str, list[str]] = {}
    for alternative in _top_level_alternatives(alternation):
        for spelled in _distributed(alternative):
            chars = _first_characters(_P.parse(spelled))
            if not chars:  # (an empty match, or any character: not grouped at all)
                return alternation
            for ch in sorted(chars):
                guard = "" if len(chars) == 1 else f"(?={re.escape(ch)})"
                groups.setdefault(ch, []).append(guard + spelled)
    return "(?:" + "|".join(f"(?:{'|'.join(group)})" for group in groups.values()) + ")"
