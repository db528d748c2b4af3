"""The arguments of the commands that look back on saved conversations: history, compare,
score and report (their handlers are in cli/commands/reviewing.py, scoring.py and
reporting.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SCORING_HELP = (
    "show this scoring instead of the original: a label `sparring score` printed, e.g. "
    "rules-difficult-feedback"
)


def add_review_commands(sub: Any) -> None:
    """Add history, compare, score and report to the subcommands `sub`."""
    history = sub.add_parser(
        "history",
        help="saved conversations with their scores (newest first)",
        description="Saved conversations, newest first: when, the scenario, how it was played "
        "(voice/judge), how many replies, how it ended, and the mean score per dimension.",
    )
    history.add_argument("--json", action="store_true", help="print as JSON")
    history.add_argument("--scenario", metavar="ID", help="only conversations of this scenario")
    history.add_argument(
        "--since", metavar="DATE", help="only conversations started on or after DATE (YYYY-MM-DD)"
    )
    history.add_argument("--scoring", metavar="LABEL", default="original", help=SCORING_HELP)

    compare = sub.add_parser(
        "compare",
        help="compare two attempts, per dimension and reply by reply",
        description="Compare two saved attempts: the older on the left, so a positive change "
        "is an improvement; per dimension, reply by reply, and which moves changed.",
    )
    compare.add_argument("first", type=Path, metavar="A", help="a transcript")
    compare.add_argument("second", type=Path, metavar="B", help="another transcript")
    compare.add_argument("--json", action="store_true", help="print as JSON")

    score = sub.add_parser(
        "score",
        help="score saved conversations again with another judge or rubric",
        description="Score saved transcripts again. The transcripts are never changed: each "
        "new scoring is written beside its transcript as NAME.LABEL.scores.json (history "
        "and report show it with --scoring LABEL).",
    )
    score.add_argument(
        "paths", nargs="+", type=Path, metavar="FILE_OR_DIR", help="transcripts or folders"
    )
    score.add_argument(
        "--judge", metavar="NAME", help="which judge scores (default: the one configured)"
    )
    score.add_argument(
        "--rubric",
        metavar="RUBRIC",
        help="the rubric to score with (id or file; default: each transcript's own)",
    )
    score.add_argument("--json", action="store_true", help="print every reply's new scores as JSON")
    score.add_argument(
        "--no-save", action="store_true", help="print the results only; write nothing"
    )

    report = sub.add_parser(
        "report",
        help="a report of a conversation (or of progress) as HTML or Markdown",
        description="A report to read or share: the scores per reply and the persona's state "
        "as a chart, the transcript with the evidence highlighted, rationales, better "
        "replies, the session rubric, and the concerns revealed and missed. HTML is one "
        "self-contained file; Markdown is for notes. Without -o, Markdown is printed.",
    )
    report.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a transcript")
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="write here: OUT.html or OUT.md (the suffix chooses the format)",
    )
    report.add_argument(
        "--progress", action="store_true", help="a progress report across saved sessions"
    )
    report.add_argument("--scenario", metavar="ID", help="with --progress: only this scenario")
    report.add_argument("--scoring", metavar="LABEL", default="original", help=SCORING_HELP)


HANDLERS = {
    "history": "reviewing",
    "compare": "reviewing",
    "score": "scoring",
    "report": "reporting",
}
"""Which module of cli/commands handles each of these commands."""
