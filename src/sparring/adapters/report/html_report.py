"""One conversation as a single self-contained HTML file: inline CSS and SVG, no script, no
network, no external asset (a Content-Security-Policy forbids them too), readable printed.

Every piece of text from a transcript or scenario goes through `escape`: a reply holding
`<script>` or markup shows those characters, and nothing in a file can add an element or an
attribute.
"""

from __future__ import annotations

from html import escape

from sparring import __version__
from sparring.adapters.report.svg import Series, line_chart
from sparring.session.report import Report, ReportTurn, Segment
from sparring.session.session_progress import ORIGINAL

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
:root { --ink: #1d1d1f; --dim: #5f6368; --line: #d9d9de; --good: #1b7f3b; --ask: #1f5fbf;
  --bad: #b3261e; --fix: #8a4fbf; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem;
  margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
.meta, .dim { color: var(--dim); }
.outcome { font-weight: 600; font-size: 1.1rem; }
.outcome.good { color: var(--good); } .outcome.bad { color: var(--bad); }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; padding: .2rem .6rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { width: 100%; height: auto; margin: .5rem 0 1rem; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .tick, .chart .axis, .chart .legend { font-size: 12px; fill: var(--ink); }
.chart .axis { fill: var(--dim); }
.said { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0; }
.persona { background: #f4f4f6; border-left: 4px solid #9aa0a6; padding: .4rem .7rem;
  border-radius: 4px; }
.turn { border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem;
  margin: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
.reply { border-left: 4px solid var(--ask); padding-left: .7rem; }
mark { background: none; color: inherit; text-decoration: underline; text-decoration-thickness:
  2px; text-underline-offset: 2px; font-weight: 600; }
mark.listening { text-decoration-color: var(--good); color: var(--good); }
mark.inquiry { text-decoration-color: var(--ask); color: var(--ask); }
mark.defensive { text-decoration-color: var(--bad); color: var(--bad); }
mark.reactive_adjustment { text-decoration-color: var(--fix); color: var(--fix); }
mark.other { text-decoration-style: dotted; }
.score { font-weight: 600; font-variant-numeric: tabular-nums; }
.s1, .s2 { color: var(--bad); } .s3 { color: #9a6a00; } .s4, .s5 { color: var(--good); }
.moves { margin: .3rem 0; padding-left: 1.2rem; }
.better { font-style: italic; }
.state { font-size: .9rem; color: var(--dim); }
.found::before { content: "✓ "; color: var(--good); font-weight: 700; }
.missed::before { content: "✗ "; color: var(--bad); font-weight: 700; }
ul.concerns { list-style: none; padding-left: 0; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--dim); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .chart { break-inside: avoid; page-break-inside: avoid; }
  .persona { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""

CATEGORY_NAME = {
    "listening": "listening",
    "inquiry": "asking",
    "defensive": "defending",
    "reactive_adjustment": "fixing too soon",
    "other": "other",
}


def esc(text: object) -> str:
    """Text from a file or a reply, as HTML text (quotes too, so it is safe in attributes)."""
    return escape(str(text), quote=True)


def page(title: str, body: list[str]) -> str:
    """A complete HTML document around `body`."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="sparring {esc(__version__)}">',
            f"<title>{esc(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head><body>",
            *body,
            "</body></html>",
            "",
        ]
    )


def segments_html(segments: list[Segment]) -> str:
    out = []
    for s in segments:
        if s.category is None:
            out.append(esc(s.text))
        else:
            move = (s.move or "").replace("_", " ")
            out.append(f'<mark class="{esc(s.category)}" title="{esc(move)}">{esc(s.text)}</mark>')
    return "".join(out)


def score_chart(report: Report) -> str:
    series = [Series(name, report.series[d]) for d, name in report.dimensions]
    return line_chart(
        series,
        title="Scores per reply (1-5)",
        low=1,
        high=5,
        first=1,
        x_label="reply",
        css_class="scores-chart",
    )


def state_chart(report: Report) -> str:
    series = [Series(f"{m.label} ({m.better} is better)", m.values) for m in report.meters]
    return line_chart(
        series,
        title=f"{report.persona_name}'s state after each reply (0-10)",
        low=0,
        high=10,
        first=0,
        x_label="reply (0: the start)",
        css_class="state-chart",
    )


def _turn(report: Report, turn: ReportTurn) -> list[str]:
    out = [
        f'<article class="turn" id="turn-{turn.number}">',
        f"<h3>Reply {turn.number}</h3>",
        f'<p class="said reply"><b>{esc(report.user_name)}:</b> {segments_html(turn.reply)}</p>',
        '<table class="scores"><tbody>',
    ]
    for s in turn.scores:
        out.append(
            f'<tr><th scope="row">{esc(s.name)}</th>'
            f'<td class="score s{s.score}">{s.score}/5</td><td>{esc(s.rationale)}</td></tr>'
        )
    out.append("</tbody></table>")
    if turn.moves:
        out.append('<ul class="moves">')
        for m in turn.moves:
            kind = CATEGORY_NAME.get(m.category, m.category)
            out.append(
                f'<li><mark class="{esc(m.category)}">{esc(m.move.replace("_", " "))}</mark> '
                f'({esc(kind)}): “{esc(m.quote)}” <span class="dim">{esc(m.description)}'
                "</span></li>"
            )
        out.append("</ul>")
    for note in turn.notes:
        out.append(f'<p class="dim">Note: {esc(note)}</p>')
    if turn.advice:
        out.append(f"<p><b>Try next:</b> {esc(turn.advice)}</p>")
    if turn.suggestion:
        out.append(
            f'<p><b>A better reply:</b> <span class="better">“{esc(turn.suggestion)}”</span></p>'
        )
    meters = " · ".join(f"{esc(m.label)} {turn.meters.get(m.id, '?')}" for m in report.meters)
    revealed = f"; revealed: {esc(', '.join(turn.revealed))}" if turn.revealed else ""
    out.append(f'<p class="state">After this reply: {meters}{revealed}</p>')
    out.append("</article>")
    for text in turn.persona:
        out.append(f'<p class="said persona"><b>{esc(report.persona_name)}:</b> {esc(text)}</p>')
    return out


def render_html(report: Report) -> str:
    """The report of one conversation as a complete HTML document."""
    started = report.started_at[:16].replace("T", " ")
    scoring = "" if report.scoring == ORIGINAL else f" · re-scored: {esc(report.scoring)}"
    body = [
        "<header>",
        f"<h1>{esc(report.title)}</h1>",
        f'<p class="meta">{esc(started)} · {len(report.turns)} replies · '
        f"voice {esc(report.voice)}, judge {esc(report.judge)} · rubric "
        f"{esc(report.rubric_name)}{scoring} · {esc(report.file_name)}</p>",
        f"<p>{esc(report.summary)}</p>",
        f'<p class="dim">You play {esc(report.you_play)}. {esc(report.persona_name)}: '
        f"{esc(report.persona_role)}.</p>",
        "</header>",
        '<section id="outcome"><h2>How it went</h2>',
        f'<p class="outcome {esc(report.outcome or "")}">{esc(report.ending_title)}</p>',
    ]
    if report.closing_line:
        body.append(
            f'<p class="said persona"><b>{esc(report.persona_name)}:</b> '
            f"{esc(report.closing_line)}</p>"
        )
    if report.averages:
        body.append(
            "<table><thead><tr><th>Dimension</th><th>Mean over the replies</th></tr></thead><tbody>"
        )
        for dim, name in report.dimensions:
            if dim in report.averages:
                mean = report.averages[dim]
                body.append(
                    f'<tr><td>{esc(name)}</td><td class="num score '
                    f's{max(1, min(5, round(mean)))}">{mean:.1f}</td></tr>'
                )
        body.append("</tbody></table>")
    body.append("</section>")
    body.append('<section id="charts"><h2>Scores and state, reply by reply</h2>')
    if report.turns:
        body.append("<h3>Scores per reply (1-5)</h3>")
        body.append(score_chart(report))
    else:
        body.append('<p class="dim">No reply was scored.</p>')
    body.append(f"<h3>{esc(report.persona_name)}'s state (0-10)</h3>")
    body.append(state_chart(report))
    body.append("</section>")
    if report.revealed or report.missed:
        body.append('<section id="concerns"><h2>What was really going on</h2><ul class="concerns">')
        for title, after in report.revealed:
            body.append(
                f'<li class="found"><b>{esc(title)}</b> '
                f'<span class="dim">(revealed after reply {after})</span></li>'
            )
        for title, detail in report.missed:
            body.append(
                f'<li class="missed"><b>{esc(title)}</b> <span class="dim">(never '
                f"revealed)</span><br>{esc(detail)}</li>"
            )
        body.append("</ul></section>")
    if report.session:
        body.append(
            f'<section id="session-rubric"><h2>{esc(report.session_rubric_name)} '
            "(over the whole conversation)</h2>"
        )
        if report.session_rubric_description:
            body.append(f'<p class="dim">{esc(report.session_rubric_description)}</p>')
        body.append("<table><tbody>")
        for s in report.session:
            body.append(
                f'<tr><th scope="row">{esc(s.name)}</th><td class="num score '
                f's{max(1, min(5, round(s.score)))}">{s.score:.1f}/5</td>'
                f"<td>{esc(s.rationale)}</td></tr>"
            )
        body.append("</tbody></table></section>")
    body.append('<section id="transcript"><h2>The conversation</h2>')
    if report.setting:
        body.append(f'<p class="dim">{esc(report.setting)}</p>')
    for text in report.opening:
        body.append(f'<p class="said persona"><b>{esc(report.persona_name)}:</b> {esc(text)}</p>')
    for turn in report.turns:
        body.extend(_turn(report, turn))
    if report.unfinished_reply:
        body.append(
            f'<p class="said reply"><b>{esc(report.user_name)}:</b> '
            f'{esc(report.unfinished_reply)} <span class="dim">(not scored: the '
            "session stopped)</span></p>"
        )
    body.append("</section>")
    body.append(
        '<footer>Highlights: <mark class="listening">listening</mark> · '
        '<mark class="inquiry">asking</mark> · <mark class="defensive">defending</mark> · '
        '<mark class="reactive_adjustment">fixing too soon</mark>. '
        f"Made by sparring {esc(__version__)}.</footer>"
    )
    return page(f"{report.title}: sparring report", body)
