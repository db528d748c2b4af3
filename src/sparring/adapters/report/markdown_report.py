"""One conversation as Markdown, for pasting into notes: the same content as the HTML report,
with a table in place of the charts and evidence in bold.

Text from files and replies is made literal: Markdown syntax is escaped with backslashes and
`<`, `>` and `&` become entities, since many Markdown viewers would otherwise render a
`<script>` in a reply as HTML.
"""

from __future__ import annotations

import re

from sparring.session.report import Report, Segment
from sparring.session.session_progress import ORIGINAL

_INLINE = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\s*)([#+=>-])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def md(text: object) -> str:
    """Text as literal Markdown on one line: what could start emphasis, code, a link, a
    table cell or strike-through is escaped anywhere, a heading, list or quote marker only at
    the start, and <, > and & become entities."""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _INLINE.sub(r"\\\1", flat)
    flat = _NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def md_block(text: object) -> str:
    """Text as literal Markdown that keeps its line breaks (inside a quote)."""
    return "  \n".join(md(line) for line in str(text).splitlines() or [""])


def segments_md(segments: list[Segment]) -> str:
    out = []
    for s in segments:
        if s.category is None or not s.text.strip():
            out.append(md_block(s.text) if "\n" in s.text else _keep_edges(s.text))
        else:
            out.append(f"**{md(s.text)}**")
    return "".join(out)


def _keep_edges(text: str) -> str:
    """md() but keeping the spaces at either end (they separate it from the bold parts)."""
    core = md(text)
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() and core else ""
    return f"{lead}{core}{tail}"


def render_markdown(report: Report) -> str:
    started = report.started_at[:16].replace("T", " ")
    scoring = "" if report.scoring == ORIGINAL else f" · re-scored: {md(report.scoring)}"
    lines = [
        f"# {md(report.title)}",
        "",
        f"{md(started)} · {len(report.turns)} replies · voice {md(report.voice)}, judge "
        f"{md(report.judge)} · rubric {md(report.rubric_name)}{scoring} · {md(report.file_name)}",
        "",
        md(report.summary),
        "",
        f"You play {md(report.you_play)}. {md(report.persona_name)}: {md(report.persona_role)}.",
        "",
        "## How it went",
        "",
        f"**{md(report.ending_title)}**",
    ]
    if report.closing_line:
        lines += ["", f"> **{md(report.persona_name)}:** {md_block(report.closing_line)}"]
    names = [name for _, name in report.dimensions]
    meters = [m.label for m in report.meters]
    if report.turns:
        lines += ["", "## Scores and state, reply by reply", ""]
        lines.append("| reply | " + " | ".join(md(n) for n in names + meters) + " |")
        lines.append("|---:|" + "---:|" * (len(names) + len(meters)))
        start = [""] * len(names) + [str(m.values[0]) for m in report.meters]
        lines.append("| start | " + " | ".join(start) + " |")
        for i, turn in enumerate(report.turns):
            cells = [str(report.series[d][i] or "") for d, _ in report.dimensions]
            cells += [str(m.values[i + 1]) for m in report.meters]
            lines.append(f"| {turn.number} | " + " | ".join(cells) + " |")
        means = [
            f"{report.averages[d]:.1f}" if d in report.averages else ""
            for d, _ in report.dimensions
        ]
        lines.append("| **mean** | " + " | ".join(means + [""] * len(meters)) + " |")
    if report.revealed or report.missed:
        lines += ["", "## What was really going on", ""]
        lines += [f"- ✓ **{md(t)}** (revealed after reply {n})" for t, n in report.revealed]
        lines += [f"- ✗ **{md(t)}** (never revealed): {md(d)}" for t, d in report.missed]
    if report.session:
        lines += ["", f"## {md(report.session_rubric_name)} (over the whole conversation)", ""]
        if report.session_rubric_description:
            lines += [md(report.session_rubric_description), ""]
        lines += [f"- **{md(s.name)}** {s.score:.1f}/5: {md(s.rationale)}" for s in report.session]
    lines += ["", "## The conversation", ""]
    if report.setting:
        lines += [f"*{md(report.setting)}*", ""]
    for text in report.opening:
        lines += [f"> **{md(report.persona_name)}:** {md_block(text)}", ""]
    for turn in report.turns:
        lines += [f"### Reply {turn.number}", ""]
        lines += [f"**{md(report.user_name)}:** {segments_md(turn.reply)}", ""]
        lines += [f"- {md(s.name)}: **{s.score}/5**: {md(s.rationale)}" for s in turn.scores]
        if turn.moves:
            said = "; ".join(f"{md(m.move.replace('_', ' '))} “{md(m.quote)}”" for m in turn.moves)
            lines.append(f"- Moves: {said}")
        lines += [f"- Note: {md(note)}" for note in turn.notes]
        if turn.advice:
            lines.append(f"- Try next: {md(turn.advice)}")
        if turn.suggestion:
            lines.append(f"- A better reply: *“{md(turn.suggestion)}”*")
        state = ", ".join(f"{md(m.label)} {turn.meters.get(m.id, '?')}" for m in report.meters)
        revealed = f"; revealed: {md(', '.join(turn.revealed))}" if turn.revealed else ""
        lines += [f"- After this reply: {state}{revealed}", ""]
        for text in turn.persona:
            lines += [f"> **{md(report.persona_name)}:** {md_block(text)}", ""]
    if report.unfinished_reply:
        lines += [
            f"**{md(report.user_name)}:** {md_block(report.unfinished_reply)} "
            "(not scored: the session stopped)",
            "",
        ]
    lines.append("Evidence in **bold**: the words that earned or cost the score.")
    return "\n".join(lines) + "\n"
