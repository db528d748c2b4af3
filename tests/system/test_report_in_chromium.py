"""The HTML report as a browser shows it: a 200-reply conversation rendered by headless
Chromium (Debian's `chromium`, which .ci/run installs), with the chart and every reply on the
page, and a hostile transcript's `<script>` shown as text and never run.

Skipped, with the reason, only when no Chromium can be found.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import read_transcript
from sparring.adapters.report.files import conversation_report
from sparring.adapters.report.svg import COLOURS
from tests.support.hostile import HOSTILE, SCRIPT, write_transcript
from tests.support.png import colours
from tests.support.saved import FLAGSHIP, good, save

TURNS = 200
BROWSERS = ("chromium", "chromium-browser")


def chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (.ci/run installs Debian's 'chromium' package)")


def browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on a local file, with a fresh profile; nothing leaves the machine."""
    return subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--hide-scrollbars",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def long_conversation(home: Path, target: Path) -> Path:
    """A 200-reply transcript: a played conversation's replies, again and again, each one
    told apart, with no ending (a long session that stopped)."""
    played = save(home, FLAGSHIP, good()[:4], datetime(2025, 3, 4, 8, 40, tzinfo=UTC))
    events = [json.loads(line) for line in played.read_text(encoding="utf-8").splitlines()]
    header, opening = events[0], [e for e in events[1:] if e.get("turn") == 0]
    turns = [[e for e in events[1:] if e.get("turn") == n] for n in range(1, 5)]
    out = [header, *opening]
    for n in range(1, TURNS + 1):
        for event in turns[(n - 1) % 4]:
            event = json.loads(json.dumps(event))
            event["turn"] = n
            if event["type"] == "user":
                event["text"] = f"{event['text']} (take {n})"
            out.append(event)
    return write_transcript(target, out)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """The long conversation's report, its DOM after Chromium loaded it, and a screenshot."""
    folder = tmp_path_factory.mktemp("report")
    transcript = long_conversation(folder / "home", folder / "long.jsonl")
    page = folder / "long.html"
    page.write_text(conversation_report(read_transcript(transcript), "html"), encoding="utf-8")
    dom = browse(page, folder / "profile-dom", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = folder / "long.png"
    taken = browse(page, folder / "profile-shot", "--window-size=1000,1300", f"--screenshot={shot}")
    assert taken.returncode == 0, taken.stderr[-2000:]
    return transcript, dom.stdout, shot


def test_the_page_shows_every_reply(rendered: tuple[Path, str, Path]) -> None:
    transcript, dom, _ = rendered
    data = read_transcript(transcript)
    replies = [e.text for e in data.events if e.type == "user"]
    assert len(replies) == TURNS
    for n, _reply in enumerate(replies, 1):
        assert f'id="turn-{n}"' in dom
        assert f"(take {n})" in dom
    assert dom.count('<article class="turn"') == TURNS
    assert replies[-1].split(" (take")[0][:60] in dom


def test_the_page_shows_the_chart(rendered: tuple[Path, str, Path]) -> None:
    _, dom, shot = rendered
    assert dom.count("<svg") == 2
    lines = dom.split('class="chart scores-chart"')[1].split("</svg>")[0]
    series = [part.split('points="')[1].split('"')[0] for part in lines.split("<polyline")[1:]]
    assert len(series) == 3, "one line per dimension"
    assert all(len(points.split()) == TURNS for points in series), "a point for every reply"
    # the screenshot: the chart's own colours are drawn (the lines, in quantity)
    seen = colours(shot)
    for colour in COLOURS[:3]:
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert seen[rgb] > 300, f"the chart's {colour} line is on the screen"


def test_script_in_a_transcript_is_shown_and_never_run(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    data = read_transcript(HOSTILE / "transcripts" / "html-everywhere.jsonl")
    page.write_text(conversation_report(data, "html"), encoding="utf-8")
    ran = browse(page, tmp_path / "profile", "--dump-dom")
    assert ran.returncode == 0, ran.stderr[-2000:]
    dom = ran.stdout
    assert "<script" not in dom, "no script element in the page as the browser built it"
    assert "onerror" not in dom.replace("onerror=alert(1)&gt;", "")
    assert SCRIPT.replace("<", "&lt;").replace(">", "&gt;") in dom, "shown as text"
    assert "<img" not in dom
    assert dom.count("<style>") == 1, "a '</style>' in a reply closes nothing"
