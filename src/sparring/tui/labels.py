"""Short labels the screens share."""

from __future__ import annotations


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut at a word boundary with "…" when longer than `width`."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if width <= 1:
        return "…"[:width]
    cut = flat[: width - 1]
    if flat[width - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # a whole word, not the start of one
    return cut.rstrip(" ,;:.-–—") + "…"


def abbreviations(names: list[str]) -> list[str]:
    """Short, distinct column labels for `names`: first letters, longer where two clash."""
    for length in range(1, max((len(n) for n in names), default=1) + 1):
        short = [n[:length] for n in names]
        if len(set(short)) == len(short):
            return short
    return list(names)
