"""Regenerate the README's picture of an HTML report: a flagship conversation (a defensive
start, then listening) rendered by headless Chromium.

Run: python docs/make_report_screenshot.py   (writes docs/images/report.png; needs chromium)
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "images" / "report.png"
ROOT = Path(__file__).resolve().parents[1]


async def main(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.support.replies import BREAKTHROUGH_REPLIES, DEFENSIVE_REPLIES
    from tests.support.saved import save_attempt

    from sparring.adapters.files.transcripts import read_transcript
    from sparring.adapters.report.files import conversation_report

    scenario = "frustrated-sales-director"
    replies = DEFENSIVE_REPLIES[scenario][:1] + BREAKTHROUGH_REPLIES[scenario]
    when = datetime(2025, 3, 4, 8, 40, tzinfo=UTC)
    transcript = await save_attempt(folder, scenario, replies, when)
    page = folder / "report.html"
    page.write_text(conversation_report(read_transcript(transcript), "html"), encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={folder / 'profile'}",
            "--window-size=900,1250",
            f"--screenshot={OUT}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as home:
        os.environ["SPARRING_HOME"] = home
        asyncio.run(main(Path(home)))
    print("wrote", OUT)
