"""The progress view, the debrief's comparison with earlier attempts, and reports from the
app, driven as a user drives them (Pilot)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Select, Static

from sparring.adapters.files.transcripts import read_transcript
from sparring.adapters.report.files import default_report_path
from sparring.session.record import ConversationRecord
from sparring.tui.app import AppOptions, make_app
from sparring.tui.screens.debrief import DebriefScreen
from sparring.tui.screens.history import HistoryScreen
from sparring.tui.screens.progress import ProgressScreen
from sparring.tui.screens.replay import ReplayScreen
from tests.support.saved import FLAGSHIP, defensive, good, save_attempt

SIZE = (120, 40)
SMALL = (80, 24)
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


async def attempts(home: Path) -> list[Path]:
    """Three flagship attempts getting better, and one at another scenario."""
    return [
        await save_attempt(home, FLAGSHIP, defensive()[:3], START),
        await save_attempt(home, FLAGSHIP, defensive()[:1] + good()[:2], START + timedelta(days=2)),
        await save_attempt(
            home, "angry-customer", good("angry-customer")[:2], START + timedelta(3)
        ),
        await save_attempt(home, FLAGSHIP, good(), START + timedelta(days=5)),
    ]


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot[Any], kind: type[Any]) -> Any:
    for _ in range(100):
        await settle(pilot)
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"no {kind.__name__}; on {type(pilot.app.screen).__name__}")


def shown(widget: Static, width: int = 116) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(widget.content)
    return console.export_text()


def means(path: Path) -> dict[str, float]:
    return ConversationRecord.from_saved(read_transcript(path)).debrief().averages


async def test_progress_charts_every_dimension_filters_and_opens_a_session(
    sparring_home: Path,
) -> None:
    saved = await attempts(sparring_home)
    app = make_app(AppOptions(history=True))
    async with app.run_test(size=SIZE) as pilot:
        history = await until(pilot, HistoryScreen)
        assert "L 1.0" in str(history.query_one(DataTable).get_row_at(3)[-1]), "mean scores"
        await pilot.press("p")
        progress = await until(pilot, ProgressScreen)
        assert progress.scenario == FLAGSHIP, "opened on the highlighted session's scenario"
        table = progress.query_one(DataTable)
        assert table.row_count == 3
        chart = shown(progress.query_one("#trend", Static))
        first, last = means(saved[0]), means(saved[3])
        for dim, name in (("listening", "Listening"), ("non_defensiveness", "Non-defensiveness")):
            line = next(row for row in chart.splitlines() if row.startswith(name))
            assert f"{first[dim]:.1f} → {last[dim]:.1f}" in line
            assert f"{last[dim] - first[dim]:+.1f}" in line
            bars = line[len(name) :].split()[0]
            assert len(bars) == 3, "one bar per session"
            assert bars[0] < bars[-1], "a better mean draws a taller bar"

        progress.query_one(Select).value = "*all*"
        await settle(pilot)
        assert table.row_count == 4
        progress.query_one(Select).value = "angry-customer"
        await settle(pilot)
        assert table.row_count == 1

        progress.query_one(Select).value = FLAGSHIP
        await settle(pilot)
        table.focus()
        table.move_cursor(row=2)  # the oldest
        await pilot.press("enter")
        replay = await until(pilot, ReplayScreen)
        assert replay.data.path == saved[0]


async def test_progress_fits_80x24(sparring_home: Path) -> None:
    await attempts(sparring_home)
    app = make_app(AppOptions(history=True))
    async with app.run_test(size=SMALL) as pilot:
        await until(pilot, HistoryScreen)
        await pilot.press("p")
        progress = await until(pilot, ProgressScreen)
        chart = shown(progress.query_one("#trend", Static), width=78)
        for line in chart.splitlines()[:3]:
            assert line.rstrip()[-4:-1].strip(), f"the figures fit: {line!r}"
        assert progress.query_one(DataTable).region.height >= 4


async def test_the_debrief_compares_with_earlier_attempts(sparring_home: Path) -> None:
    saved = await attempts(sparring_home)
    app = make_app(AppOptions(replay=saved[3]))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, ReplayScreen)
        await pilot.press("d")
        debrief = await until(pilot, DebriefScreen)
        await settle(pilot)
        text = shown(debrief.query_one("#debrief-previous", Static))
        assert "Compared with your 2 earlier attempts at this scenario" in text
        now = means(saved[3])
        before = [means(saved[0]), means(saved[1])]
        for dim, name in (("listening", "Listening"), ("inquiry", "Inquiry before adjusting")):
            mean = round(sum(b[dim] for b in before) / 2, 1)
            line = next(row for row in text.splitlines() if row.strip().startswith(name))
            assert f"{now[dim]:.1f}  {round(now[dim] - mean, 1):+.1f} against {mean:.1f}" in line
            assert f"best {max(b[dim] for b in before):.1f}" in line


async def test_the_first_attempt_says_so(sparring_home: Path) -> None:
    saved = await attempts(sparring_home)
    app = make_app(AppOptions(replay=saved[2]))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, ReplayScreen)
        await pilot.press("d")
        debrief = await until(pilot, DebriefScreen)
        await settle(pilot)
        assert "Your first attempt at this scenario" in shown(
            debrief.query_one("#debrief-previous", Static)
        )


async def test_export_a_report_from_replay_and_debrief(sparring_home: Path) -> None:
    saved = await attempts(sparring_home)
    app = make_app(AppOptions(replay=saved[3]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, ReplayScreen)
        await pilot.press("e")
        await settle(pilot)
        target = default_report_path(saved[3])
        assert target.exists()
        assert "<svg" in target.read_text(encoding="utf-8")
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert any(str(target) in t for t in toasts), toasts
        target.unlink()
        await pilot.press("d")
        await until(pilot, DebriefScreen)
        await pilot.press("e")
        await settle(pilot)
        assert target.exists()


async def test_an_unwritable_reports_folder_is_a_message(sparring_home: Path) -> None:
    saved = await attempts(sparring_home)
    (sparring_home / "reports").write_text("a file in the way", encoding="utf-8")
    app = make_app(AppOptions(replay=saved[3]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, ReplayScreen)
        await pilot.press("e")
        await settle(pilot)
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "cannot write the report" in toasts
        assert isinstance(app.screen, ReplayScreen), "the app carries on"


async def test_a_corrupt_transcript_is_left_out_with_a_message(sparring_home: Path) -> None:
    await attempts(sparring_home)
    (sparring_home / "transcripts" / "broken.jsonl").write_text("nonsense\n", encoding="utf-8")
    app = make_app(AppOptions(history=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        history = await until(pilot, HistoryScreen)
        assert history.query_one(DataTable).row_count == 4
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "1 saved file(s) could not be read" in toasts
        assert "broken.jsonl" in toasts
