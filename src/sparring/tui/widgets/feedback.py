"""Feedback on the last reply: a score per dimension with the reason, (in coach mode) what to
try next and a better reply, then the user's own words with the evidence highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from sparring.formats.moves import MOVE_CATEGORY, MOVE_DESCRIPTION, Category, Move
from sparring.tui.widgets.doc import Doc
from sparring.tui.widgets.reading_pane import ReadingPane

if TYPE_CHECKING:
    from sparring.judge.base import Assessment

SCORE_STYLE = {1: "bold red", 2: "red", 3: "yellow", 4: "green", 5: "bold green"}
EVIDENCE_STYLE = {
    Category.listening: "bold green underline",
    Category.inquiry: "bold cyan underline",
    Category.defensive: "bold red underline",
    Category.reactive_adjustment: "bold magenta underline",
}
NEUTRAL_EVIDENCE = "yellow underline"


def score_bar(score: int) -> Text:
    return Text("■" * score + "□" * (5 - score), style=SCORE_STYLE[score])


def highlighted_reply(reply: str, assessment: Assessment) -> Text:
    """The user's own words, with the spans that earned or cost the score underlined."""
    text = Text(reply)
    for ev in assessment.moves:
        category = MOVE_CATEGORY.get(ev.move)
        style = EVIDENCE_STYLE.get(category, NEUTRAL_EVIDENCE) if category else NEUTRAL_EVIDENCE
        text.stylize(style, ev.start, ev.end)
    return text


def render_feedback(reply: str, assessment: Assessment, *, coach: bool) -> Doc:
    """The most actionable first, so it is in view without scrolling: the scores and why,
    what to try next and a better reply (coach mode), then the user's words with the
    evidence underlined and what each highlighted move means."""
    out = Doc()
    if assessment.judge not in ("offline", "rules"):
        out.line(f"Scored by {assessment.judge}", "dim italic")
    for score in assessment.scores:
        row = out.line(f"{score.name:<26}", "bold")
        row.append_text(score_bar(score.score))
        row.append(f" {score.score}/5", style=SCORE_STYLE[score.score])
        out.line(score.rationale, "dim", indent=2)
    for note in assessment.notes:
        out.line(f"Note: {note}", "italic yellow")
    if assessment.second_opinion is not None:
        _second_opinion(out, assessment)
    if coach:
        out.blank()
        out.line("Try next", "bold")
        out.line(assessment.advice, indent=2)
        out.blank()
        out.line("A better reply", "bold")
        out.line(f"“{assessment.suggestion}”", "italic", indent=2)
    out.blank()
    out.line("Your words", "bold")
    out.line(
        highlighted_reply(reply, assessment) if reply.strip() else Text("(no reply)", style="dim")
    )
    if assessment.moves:
        out.blank()
        out.line("What they did", "bold")
        seen: set[Move] = set()
        for ev in assessment.moves:
            if ev.move in seen:
                continue
            seen.add(ev.move)
            category = MOVE_CATEGORY.get(ev.move)
            style = EVIDENCE_STYLE.get(category, NEUTRAL_EVIDENCE) if category else NEUTRAL_EVIDENCE
            row = out.bullet("• ", style.replace(" underline", ""))
            row.append(f"{ev.move.value.replace('_', ' ')}: ", style="bold")
            row.append(MOVE_DESCRIPTION[ev.move])
    return out


def _second_opinion(out: Doc, assessment: Assessment) -> None:
    """`--judge both`: the other judge's scores beside these, and where they differ."""
    from sparring.judge.both import disagreements

    other = assessment.second_opinion
    assert other is not None
    out.blank()
    out.line(f"Second opinion: {other.judge}", "bold")
    for score in other.scores:
        row = out.line(f"{score.name:<26}", "")
        row.append_text(score_bar(score.score))
        row.append(f" {score.score}/5", style=SCORE_STYLE[score.score])
    differences = disagreements(assessment)
    if differences:
        out.line("Where they disagree", "bold")
        for line in differences:
            out.bullet("• ", "yellow").append(line)
    else:
        out.line("They agree on every score.", "dim")


class FeedbackPanel(ReadingPane):
    """Feedback on the latest reply (empty until the first one)."""

    DEFAULT_CSS = """
    FeedbackPanel { height: 1fr; border: round $primary; padding: 0 1; }
    FeedbackPanel > #feedback-body { width: 1fr; }
    """
    BORDER_TITLE = "Feedback"

    def compose(self) -> ComposeResult:
        yield Static(
            Text(
                "Reply to start. Each reply is scored here, with the words that earned "
                "the score and a better reply to try.",
                style="dim",
            ),
            id="feedback-body",
        )

    def show(self, reply: str, assessment: Assessment, *, coach: bool) -> None:
        self.border_title = Text("Feedback on your last reply")
        self.query_one("#feedback-body", Static).update(
            render_feedback(reply, assessment, coach=coach).renderable()
        )
        self.scroll_home(animate=False)
