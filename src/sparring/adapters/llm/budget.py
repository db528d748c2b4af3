"""Fitting a conversation into a prompt budget, however long the session.

A prompt is the stable prefix first (the system message: persona, scenario, rules; the same
every turn, so providers can cache it), then the conversation, then what changes every turn.
When the conversation no longer fits, its oldest lines give way to a short summary. They are
cut in blocks, so the prompt's start stays the same for several turns in a row (and cached).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sparring.adapters.llm.tokens import TokenCounter

BLOCK = 8
"""Lines dropped at a time once the conversation no longer fits."""
GIST_WORDS = 12
SUMMARY_SHARE = 0.15
"""The most of the budget the summary of older lines may take."""


@dataclass(frozen=True)
class Fitted:
    lines: list[str]
    """The conversation lines kept, oldest first, the summary (if any) in front."""
    dropped: int
    tokens: int
    over_budget: bool = False
    """Even with no conversation at all, the prompt is over the budget (a very long reply)."""


def gist(line: str, words: int = GIST_WORDS) -> str:
    parts = line.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


def summary(dropped: Sequence[str], counter: TokenCounter, limit: int) -> str:
    """The older lines in a few words each, as many as fit in `limit` tokens (newest kept)."""
    head = f"(Earlier: {len(dropped)} lines, summarised; quotes cut short.)"
    gists: list[str] = []
    for line in reversed(dropped):
        candidate = "\n".join([head, gist(line), *gists])
        if counter.count(candidate) > limit:
            break
        gists.insert(0, gist(line))
    return "\n".join([head, *gists])


def fit(
    build: Callable[[list[str]], list[dict[str, str]]],
    lines: Sequence[str],
    budget: int,
    counter: TokenCounter,
) -> tuple[list[dict[str, str]], Fitted]:
    """The messages `build(conversation_lines)` makes, with as much of `lines` as fits in
    `budget` tokens (oldest cut first, in blocks, summarised)."""
    messages = build(list(lines))
    tokens = counter.messages(messages)
    if tokens <= budget:
        return messages, Fitted(list(lines), 0, tokens)
    limit = int(budget * SUMMARY_SHARE)
    cut = 0
    while cut < len(lines):
        cut = min(len(lines), cut + BLOCK)
        kept = [summary(lines[:cut], counter, limit), *lines[cut:]]
        messages = build(kept)
        tokens = counter.messages(messages)
        if tokens <= budget:
            return messages, Fitted(kept, cut, tokens)
    messages = build([])
    tokens = counter.messages(messages)
    return messages, Fitted([], len(lines), tokens, over_budget=tokens > budget)
