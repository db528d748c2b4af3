"""Reports on disk: the format a file name asks for, where the app saves one, and writing it
whole (a half-written report never replaces a good one)."""

from __future__ import annotations

from pathlib import Path

from sparring.adapters.files import paths
from sparring.adapters.files.atomic import write_atomically
from sparring.adapters.files.scorings import find_scoring, read_scoring
from sparring.adapters.report.html_report import render_html
from sparring.adapters.report.markdown_report import render_markdown
from sparring.session.record import ConversationRecord, TranscriptData
from sparring.session.report import build_report
from sparring.session.rescoring import rescored_record
from sparring.session.session_progress import ORIGINAL

FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def format_for(path: Path) -> str | None:
    """ "html" or "markdown" by the file's suffix; None for any other."""
    return FORMATS.get(path.suffix.lower())


def reports_dir() -> Path:
    return paths.data_home() / "reports"


def default_report_path(transcript: Path) -> Path:
    """Where the app saves a conversation's HTML report."""
    return reports_dir() / f"{transcript.stem}.html"


def write_report(path: Path, text: str) -> Path:
    """Write a report atomically (a half-written report never replaces a good one). Raises
    OSError with the path."""
    try:
        if not path.parent.exists():  # a file in its place is for the write to report
            path.parent.mkdir(parents=True)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    return write_atomically(path, text, prefix=".report-")


def record_for(data: TranscriptData, scoring: str = ORIGINAL) -> ConversationRecord:
    """The conversation with its original assessments, or those of a scoring kept beside it
    (LoadError when there is no such scoring or it cannot be read)."""
    if scoring == ORIGINAL:
        return ConversationRecord.from_saved(data)
    rescoring, rubric = read_scoring(find_scoring(data.path, scoring))
    return rescored_record(data, rescoring, rubric)


def conversation_report(data: TranscriptData, kind: str, scoring: str = ORIGINAL) -> str:
    """The report of a saved conversation as "html" or "markdown" text."""
    report = build_report(record_for(data, scoring), scoring=scoring)
    return render_html(report) if kind == "html" else render_markdown(report)
