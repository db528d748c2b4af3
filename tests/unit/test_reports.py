"""`sparring report`: one conversation or progress as HTML (self-contained, escaped) or
Markdown, and the ways writing one can go wrong."""

from __future__ import annotations

import html.parser
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import read_transcript
from sparring.adapters.report.files import conversation_report
from sparring.session.record import ConversationRecord
from sparring.session.report import evidence_segments
from tests.support.cli import run_cli
from tests.support.hostile import HOSTILE, HTML, SCRIPT
from tests.support.saved import FLAGSHIP, defensive, good, save

WHEN = datetime(2025, 3, 4, 8, 40, tzinfo=UTC)
HOSTILE_HTML = HOSTILE / "transcripts" / "html-everywhere.jsonl"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "b",
    "section", "table", "thead", "tbody", "tr", "th", "td", "svg", "line", "text", "polyline",
    "circle", "article", "mark", "ul", "li", "span", "footer", "br",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "id", "viewbox", "role",
    "aria-label", "xmlns", "x1", "x2", "y1", "y2", "x", "y", "text-anchor", "data-series",
    "fill", "stroke", "stroke-width", "stroke-dasharray", "points", "cx", "cy", "r", "title",
    "scope",
}  # fmt: skip


class Page(html.parser.HTMLParser):
    """Every element and attribute of a page, and its text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: set[str] = set()
        self.text: list[str] = []
        self.comments: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    @property
    def plain(self) -> str:
        return "".join(self.text)


@pytest.fixture
def flagship(sparring_home: Path) -> Path:
    return save(sparring_home, FLAGSHIP, good(), WHEN)


def test_the_html_report_holds_every_part_of_the_conversation(
    flagship: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    ran = run_cli("report", flagship, "-o", out)
    assert ran.returncode == 0, ran.stderr
    assert f"wrote {out}" in ran.stderr
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    record = ConversationRecord.from_saved(read_transcript(flagship))
    debrief = record.debrief()
    for turn in record.turns:
        assert f'id="turn-{turn.number}"' in text
        assert turn.user_text in page.plain
        assert turn.assessment.suggestion in page.plain
        for score in turn.assessment.scores:
            assert score.rationale in page.plain
        for event in turn.persona:
            assert event.text in page.plain
    assert page.tags.count("svg") == 2, "scores per reply, and the persona's state"
    assert page.tags.count("polyline") >= 5, "three dimensions and two meters"
    assert "Scores per reply (1-5)" in page.plain
    assert "Sarah's state (0-10)" in page.plain
    for item in debrief.session:
        assert item.rationale in page.plain
    for _, title, _ in debrief.revealed:
        assert title in page.plain
    assert '<mark class="listening"' in text, "the evidence, highlighted"


def test_missed_concerns_are_in_the_report(sparring_home: Path) -> None:
    path = save(sparring_home, FLAGSHIP, defensive()[:2], WHEN)
    data = read_transcript(path)
    text = conversation_report(data, "html")
    missed = ConversationRecord.from_saved(data).debrief().missed
    assert missed
    for _, title, detail in missed:
        assert title in Page(text).plain
        assert detail in Page(text).plain
    assert text.count('class="missed"') == len(missed)


def test_the_html_report_is_self_contained(flagship: Path) -> None:
    text = conversation_report(read_transcript(flagship), "html")
    page = Page(text)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not re.search(r"(?i)\b(?:src|href)\s*=", text)
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in text
    assert "default-src 'none'" in text, "a Content-Security-Policy forbids loading anything"
    assert "@media print" in text


def test_markup_and_script_in_a_transcript_render_as_text() -> None:
    text = conversation_report(read_transcript(HOSTILE_HTML), "html")
    page = Page(text)
    assert set(page.tags) <= ALLOWED_TAGS, set(page.tags) - ALLOWED_TAGS
    assert page.attributes <= ALLOWED_ATTRIBUTES, page.attributes - ALLOWED_ATTRIBUTES
    assert page.tags.count("style") == 1, "a '</style>' in a file ends nothing"
    assert page.comments == [], "a '<!--' in a file starts nothing"
    for hostile in HTML:
        assert hostile in page.plain, f"{hostile!r} is shown as it is"
    assert page.plain.count(SCRIPT) >= 6, "in the setting, the title and every reply"


def test_markdown_report_keeps_html_and_markdown_literal(tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    ran = run_cli("report", HOSTILE_HTML, "-o", out)
    assert ran.returncode == 0, ran.stderr
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "<img" not in text
    assert "&lt;script&gt;alert('pwned')&lt;/script&gt;" in text
    assert "&amp;lt;not an entity&amp;gt;" in text
    assert "### Reply 5" in text


def test_markdown_report_has_the_same_content(flagship: Path) -> None:
    ran = run_cli("report", flagship)
    assert ran.returncode == 0, ran.stderr
    text = ran.stdout
    record = ConversationRecord.from_saved(read_transcript(flagship))
    assert text.startswith("# The frustrated sales director\n")
    assert "| reply | Listening | Non-defensiveness | Inquiry before adjusting |" in text
    for turn in record.turns:
        assert f"### Reply {turn.number}" in text
        row = [str(s.score) for s in turn.assessment.scores]
        assert f"| {turn.number} | {' | '.join(row)} |" in text
    assert "## What was really going on" in text
    assert "(over the whole conversation)" in text
    assert "**" in text, "evidence in bold"


def test_evidence_segments_cover_the_reply_and_later_moves_win(flagship: Path) -> None:
    record = ConversationRecord.from_saved(read_transcript(flagship))
    for turn in record.turns:
        segments = evidence_segments(turn.user_text, turn.assessment)
        assert "".join(s.text for s in segments) == turn.user_text
        marked = [s for s in segments if s.category]
        assert marked, "every good reply has evidence"
        for ev in turn.assessment.moves:
            assert ev.quote.strip() in turn.user_text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-o", "report.pdf"], 2, "choose a name ending in .html or .md"),
        (["--progress"], 2, "give either FILE or --progress, not both"),
        (["--scenario", FLAGSHIP], 2, "--scenario goes with --progress"),
        (["--scoring", "nobody"], 1, "no scoring named 'nobody' (`sparring score` makes one)"),
    ],
)
def test_wrong_arguments_are_one_clear_line(
    flagship: Path, args: list[str], code: int, message: str, tmp_path: Path
) -> None:
    ran = run_cli("report", flagship, *args, cwd=tmp_path)
    assert ran.returncode == code
    assert message in ran.stderr
    assert "Traceback" not in ran.stderr


def test_no_file_and_a_bad_file(tmp_path: Path) -> None:
    ran = run_cli("report")
    assert ran.returncode == 2
    assert "give a transcript FILE, or --progress" in ran.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("nonsense\n", encoding="utf-8")
    ran = run_cli("report", bad, "-o", tmp_path / "r.html")
    assert ran.returncode == 1
    assert ran.stderr.startswith(f"{bad}:1:1: not a sparring transcript")
    assert not (tmp_path / "r.html").exists()


def test_an_unwritable_output_is_one_line_and_leaves_nothing_behind(
    flagship: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "taken.html"
    folder.mkdir()  # a folder where the file should go
    ran = run_cli("report", flagship, "-o", folder)
    assert ran.returncode == 1
    assert ran.stderr.startswith(f"sparring: cannot write the report ({folder})")
    assert "choose another -o" in ran.stderr
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    ran = run_cli("report", flagship, "-o", blocked / "r.html")
    assert ran.returncode == 1
    assert "part of the path is a file, not a folder" in ran.stderr
    assert list(tmp_path.glob(".report-*")) == []


def test_a_report_of_a_re_scoring(flagship: Path, tmp_path: Path) -> None:
    assert run_cli("score", flagship, "--judge", "rules").returncode == 0
    ran = run_cli("report", flagship, "--scoring", "rules-difficult-feedback")
    assert ran.returncode == 0, ran.stderr
    assert "re-scored: rules-difficult-feedback" in ran.stdout


def test_the_progress_report(sparring_home: Path, tmp_path: Path) -> None:
    save(sparring_home, FLAGSHIP, defensive()[:2], WHEN)
    save(sparring_home, FLAGSHIP, good(), datetime(2025, 3, 11, tzinfo=UTC))
    save(
        sparring_home,
        "angry-customer",
        good("angry-customer")[:1],
        datetime(2025, 4, 1, tzinfo=UTC),
    )
    out = tmp_path / "progress.html"
    ran = run_cli("report", "--progress", "-o", out)
    assert ran.returncode == 0, ran.stderr
    page = Page(out.read_text(encoding="utf-8"))
    assert page.tags.count("svg") == 2, "one chart per scenario"
    assert "The frustrated sales director (2 attempts)" in page.plain
    md = run_cli("report", "--progress", "--scenario", FLAGSHIP).stdout
    assert md.startswith("# Progress\n")
    assert "(2 attempts)" in md
    assert "angry" not in md.lower()
    assert "Non-defensiveness**: first " in md
