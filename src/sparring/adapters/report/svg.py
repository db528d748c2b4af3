"""Inline SVG line charts (no scripts, no external anything), readable in print: every series
has its own colour and its own dash pattern, and the legend names both."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

COLOURS = ("#1b7f3b", "#1f5fbf", "#b3261e", "#8a4fbf", "#b36b00", "#007c89")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")

WIDTH, HEIGHT = 760, 200
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 34
MAX_MARKERS = 60
"""Beyond this many points, a line has no dot per point (it would be a smudge)."""


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]


def _x(i: int, count: int, first: int) -> float:
    span = max(1, count - 1)
    return LEFT + (WIDTH - LEFT - RIGHT) * (i / span if count > 1 else 0.5)


def _y(value: float, low: float, high: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low))


def _ticks(count: int, first: int) -> list[int]:
    """Indexes of the x labels: about ten, on round numbers."""
    if count <= 0:
        return []
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        step = candidate
        if count / candidate <= 12:
            break
    return [i for i in range(count) if (i + first) % step == 0 or i == count - 1]


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    low: float,
    high: float,
    first: int,
    x_label: str,
    css_class: str,
) -> str:
    """An SVG chart: one line per series over the points first, first+1, ..."""
    count = max((len(s.values) for s in series), default=0)
    out = [
        f'<svg class="chart {escape(css_class)}" viewBox="0 0 {WIDTH} {HEIGHT + 22 * len(series)}"'
        f' role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for value in range(int(low), int(high) + 1):
        if (high - low) > 6 and value % 2:
            continue
        y = _y(value, low, high)
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{value}</text>'
        )
    for i in _ticks(count, first):
        x = _x(i, count, first)
        out.append(
            f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">{i + first}</text>'
        )
    out.append(
        f'<text class="axis" x="{WIDTH - RIGHT}" y="{HEIGHT - 2}" text-anchor="end">'
        f"{escape(x_label)}</text>"
    )
    for n, s in enumerate(series):
        colour, dash = COLOURS[n % len(COLOURS)], DASHES[n % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        spread = (n - (len(series) - 1) / 2) * 2.5
        runs: list[list[str]] = [[]]
        dots = []
        for i, point in enumerate(s.values):
            if point is None:
                runs.append([])
                continue
            # lines that share a value sit a hair apart instead of hiding one another
            px, py = _x(i, count, first), _y(point, low, high) + spread
            runs[-1].append(f"{px:.1f},{py:.1f}")
            if count <= MAX_MARKERS:
                dots.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>')
        for run in runs:
            if len(run) > 1 or (run and count == 1):
                out.append(
                    f'<polyline class="series" data-series="{escape(s.label)}" fill="none" '
                    f'stroke="{colour}" stroke-width="2"{dash_attr} points="{" ".join(run)}"/>'
                )
        out.extend(dots)
        ly = HEIGHT + 8 + 22 * n
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + 36}" y1="{ly}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="3"{dash_attr}/>'
            f'<text class="legend" x="{LEFT + 44}" y="{ly + 4}">{escape(s.label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)
