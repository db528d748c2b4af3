"""Progress across sessions as a report: per scenario, a chart of each dimension's mean score
in every attempt (oldest first) and a table of the attempts; HTML (self-contained) or
Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from sparring.adapters.report.html_report import esc, page
from sparring.adapters.report.markdown_report import md
from sparring.adapters.report.svg import Series, line_chart
from sparring.session.endings import ending_label
from sparring.session.session_progress import (
    ORIGINAL,
    DimensionSeries,
    SessionEntry,
    oldest_first,
    progress_series,
)


def by_scenario(entries: Sequence[SessionEntry]) -> list[tuple[str, list[SessionEntry]]]:
    """Attempts grouped by scenario (each oldest first), the most practised scenario first."""
    groups: dict[str, list[SessionEntry]] = {}
    for entry in oldest_first(entries):
        groups.setdefault(entry.scenario_id, []).append(entry)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def _chart_series(attempts: list[SessionEntry], series: list[DimensionSeries]) -> list[Series]:
    position = {id(e): i for i, e in enumerate(attempts)}
    out = []
    for s in series:
        values: list[float | None] = [None] * len(attempts)
        for point in s.points:
            values[position[id(point.entry)]] = point.mean
        out.append(Series(s.name, values))
    return out


def _change(s: DimensionSeries) -> str:
    return f"{s.change:+.1f}" if s.change is not None else ""


def render_progress_html(entries: Sequence[SessionEntry], label: str = ORIGINAL) -> str:
    scoring = "" if label == ORIGINAL else f" (re-scored: {esc(label)})"
    body = [f"<header><h1>Progress{scoring}</h1>"]
    body.append(f'<p class="meta">{len(entries)} saved conversations</p></header>')
    if not entries:
        body.append("<p>No saved conversations yet.</p>")
    for scenario_id, attempts in by_scenario(entries):
        title = attempts[-1].title
        series = progress_series(attempts, label)
        body.append(f'<section class="scenario" id="{esc(scenario_id)}">')
        body.append(f'<h2>{esc(title)} <span class="dim">({len(attempts)} attempts)</span></h2>')
        if series:
            body.append(
                line_chart(
                    _chart_series(attempts, series),
                    title=f"Mean score per attempt: {title}",
                    low=1,
                    high=5,
                    first=1,
                    x_label="attempt (oldest first)",
                    css_class="progress-chart",
                )
            )
            body.append(
                "<table><thead><tr><th>Dimension</th><th>first</th><th>latest</th>"
                "<th>best</th><th>change</th></tr></thead><tbody>"
            )
            for s in series:
                body.append(
                    f'<tr><td>{esc(s.name)}</td><td class="num">{s.first:.1f}</td>'
                    f'<td class="num">{s.latest:.1f}</td><td class="num">{s.best:.1f}</td>'
                    f'<td class="num">{_change(s)}</td></tr>'
                )
            body.append("</tbody></table>")
        names = [s.name for s in series]
        body.append(
            "<table><thead><tr><th>#</th><th>started</th><th>replies</th>"
            "<th>ending</th>"
            + "".join(f"<th>{esc(n)}</th>" for n in names)
            + "</tr></thead><tbody>"
        )
        for n, e in enumerate(attempts, 1):
            scoring_of = e.scoring(label)
            cells = "".join(
                f'<td class="num">{m:.1f}</td>'
                if scoring_of and (m := scoring_of.mean(s.id)) is not None
                else "<td></td>"
                for s in series
            )
            body.append(
                f'<tr><td class="num">{n}</td><td>{esc(e.started_at[:16].replace("T", " "))}'
                f'</td><td class="num">{e.turns}</td><td>{esc(ending_label(e.ending))}</td>'
                f"{cells}</tr>"
            )
        body.append("</tbody></table></section>")
    return page("Progress: sparring report", body)


def render_progress_markdown(entries: Sequence[SessionEntry], label: str = ORIGINAL) -> str:
    scoring = "" if label == ORIGINAL else f" (re-scored: {md(label)})"
    lines = [f"# Progress{scoring}", "", f"{len(entries)} saved conversations"]
    for _, attempts in by_scenario(entries):
        series = progress_series(attempts, label)
        lines += ["", f"## {md(attempts[-1].title)} ({len(attempts)} attempts)", ""]
        for s in series:
            lines.append(
                f"- **{md(s.name)}**: first {s.first:.1f}, latest {s.latest:.1f}, best "
                f"{s.best:.1f}" + (f", change {_change(s)}" if s.change is not None else "")
            )
        names = [md(s.name) for s in series]
        lines += ["", "| # | started | replies | ending | " + " | ".join(names) + " |"]
        lines.append("|---:|---|---:|---|" + "---:|" * len(names))
        for n, e in enumerate(attempts, 1):
            scoring_of = e.scoring(label)
            cells = [
                f"{m:.1f}" if scoring_of and (m := scoring_of.mean(s.id)) is not None else ""
                for s in series
            ]
            started = md(e.started_at[:16].replace("T", " "))
            lines.append(
                f"| {n} | {started} | {e.turns} | {md(ending_label(e.ending))} | "
                + " | ".join(cells)
                + " |"
            )
    return "\n".join(lines) + "\n"
