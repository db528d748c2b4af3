"""A literal prefilter for the judge's rules: run only the regular expressions that can match.

The judge has several hundred phrase rules and almost all of them fail on any given sentence.
Python's regex engine cannot skip a pattern that starts with `\\b` quickly, so each failed
search still costs a scan. Instead, every rule's parse tree (from the standard library's own
regex parser) yields a set of literals of which at least one must occur in any text the rule
matches. Those literals are indexed by their first three characters; a sentence's own
three-character substrings then name the few rules worth running. The filter is exact: it only
ever skips rules that cannot match (a test checks this over the development set).
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


class LiteralIndex:
    """Which of a set of patterns can possibly match a text."""

    def __init__(self) -> None:
        self._by_trigram: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self._always: set[int] = set()
        self._patterns: list[re.Pattern[str]] = []
        self._ids: dict[int, int] = {}

    def add(self, patterns: Iterable[re.Pattern[str]]) -> None:
        for pattern in patterns:
            if id(pattern) in self._ids:
                continue
            index = len(self._patterns)
            self._patterns.append(pattern)
            self._ids[id(pattern)] = index
            literals = required_literals(pattern.pattern)
            if literals is None:
                self._always.add(index)
                continue
            for literal in literals:
                self._by_trigram[literal[:3]].append((literal, index))
        self.possible.cache_clear()

    @lru_cache(maxsize=2048)  # noqa: B019 - one index per process, texts repeat within a reply
    def possible(self, text: str) -> frozenset[int]:
        hits = set(self._always)
        by_trigram = self._by_trigram
        present = {text[i : i + 3] for i in range(len(text) - 2)}
        for trigram in present.intersection(by_trigram):
            for literal, index in by_trigram[trigram]:
                if index not in hits and literal in text:
                    hits.add(index)
        return frozenset(hits)

    def pattern(self, index: int) -> re.Pattern[str]:
        return self._patterns[index]

    def index_of(self, pattern: re.Pattern[str]) -> int | None:
        return self._ids.get(id(pattern))

    def require_index(self, pattern: re.Pattern[str]) -> int:
        return self._ids[id(pattern)]

    def can_match(self, pattern: re.Pattern[str], text: str) -> bool:
        index = self._ids.get(id(pattern))
        return index is None or index in self.possible(text)
