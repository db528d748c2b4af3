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
from collections import defaultdict
from collections.abc import Collection, Iterable
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


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals of which at least one occurs in every match of `pattern` (None: unknown)."""
    try:
        tree = _P.parse(pattern)
    except (re.error, RecursionError):  # pragma: no cover - patterns are ours and compile
        return None
    options: list[set[str]] = _candidate_sets(list(tree))
    if not options:
        return None
    best: set[str] = max(options, key=lambda literals: _strength(literals))
    return frozenset(best)


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


class LiteralIndex:
    """Which of a set of patterns can possibly match a text."""

    def __init__(self) -> None:
        self._by_literal: dict[str, set[int]] = defaultdict(set)
        self._always: frozenset[int] = frozenset()
        self._patterns: list[re.Pattern[str]] = []
        self._ids: dict[int, int] = {}
        self._trie: re.Pattern[str] | None = None
        self._present: dict[str, frozenset[int]] = {}
        """For each literal, the patterns it and the literals that are its prefixes name."""

    def add(self, patterns: Iterable[re.Pattern[str]]) -> None:
        for pattern in patterns:
            if id(pattern) in self._ids:
                continue
            index = len(self._patterns)
            self._patterns.append(pattern)
            self._ids[id(pattern)] = index
            literals = required_literals(pattern.pattern)
            if literals is None:
                self._always |= {index}
                continue
            for literal in literals:
                self._by_literal[literal].add(index)
        self._trie = None
        self.possible.cache_clear()

    def _build(self) -> re.Pattern[str]:
        by_literal = self._by_literal
        self._present = {
            literal: frozenset().union(
                *(by_literal.get(literal[:n], ()) for n in range(1, len(literal) + 1))
            )
            for literal in by_literal
        }
        # (no literals at all: nothing to find, and every pattern is always possible)
        self._trie = trie_pattern(by_literal) if by_literal else re.compile("(?!)")
        return self._trie

    @lru_cache(maxsize=2048)  # noqa: B019 - one index per process, texts repeat within a reply
    def possible(self, text: str) -> frozenset[int]:
        found = (self._trie or self._build()).findall(text)
        if not found:
            return self._always
        return self._always.union(*map(self._present.__getitem__, set(found)))

    def pattern(self, index: int) -> re.Pattern[str]:
        return self._patterns[index]

    def index_of(self, pattern: re.Pattern[str]) -> int | None:
        return self._ids.get(id(pattern))

    def require_index(self, pattern: re.Pattern[str]) -> int:
        return self._ids[id(pattern)]

    def can_match(self, pattern: re.Pattern[str], text: str) -> bool:
        index = self._ids.get(id(pattern))
        return index is None or index in self.possible(text)
