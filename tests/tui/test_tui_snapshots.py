"""SVG snapshots of every screen (pytest-textual-snapshot). Plain `def` tests: snap_compare runs
the app itself.

Stable by construction: the persona is seeded, SPARRING_HOME is a fresh folder per test (see
conftest.py), the transcripts whose start times are drawn (history, replay, compare) are written
here with fixed times, and the reply editor's cursor does not blink.

Update after an intended change of the UI with `--snapshot-update`, and look at the SVGs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot

from sparring.adapters.files.saved import write_rewound
from sparring.adapters.files.transcripts import TranscriptWriter, read_transcript
from sparring.session.live import Session
from sparring.tui.app import AppOptions, SparringApp, make_app
from sparring.tui.screens.compare import CompareScreen
from sparring.tui.screens.debrief import DebriefScreen
from sparring.tui.screens.history import HistoryScreen
from sparring.tui.screens.picker import PickerScreen
from sparring.tui.screens.rehearsal import RehearsalScreen
from sparring.tui.screens.replay import ReplayScreen
from sparring.tui.widgets.reply_editor import ReplyEditor
from tests.conftest import play_flagship
from tests.support.replies import BREAKTHROUGH_REPLIES

SnapCompare = Callable[..., bool]

FLAGSHIP_ID = "frustrated-sales-director"
GOOD = BREAKTHROUGH_REPLIES[FLAGSHIP_ID]
SEED = 0
SIZE = (120, 40)
SMALL = (60, 20)
MEDIUM = (80, 24)
STARTED = datetime(2025, 3, 4, 8, 40, tzinfo=UTC)
LATER = datetime(2025, 3, 4, 17, 5, tzinfo=UTC)
REWOUND = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)
DIFFERENT_REPLY = "Right, but the retreats were agreed by the whole team."


# -- transcripts with fixed start times --------------------------------------------------------


def saved(home: Path, name: str, replies: list[str], now: datetime) -> Path:
    """A flagship transcript played by the engine (no app), started at `now`."""
    return asyncio.run(play_flagship(home / "transcripts" / f"{name}.jsonl", replies, now, SEED))


def rewound(original: Path, turn: int, replies: list[str], now: datetime) -> Path:
    """A rewind of `original` from reply `turn`, continued with `replies`."""

    async def play() -> Path:
        target = write_rewound(read_transcript(original), turn, now=now)
        session = await Session.resume(
            read_transcript(target), recorder=TranscriptWriter(target, create=False)
        )
        for reply in replies:
            await session.submit(reply)
        session.close()
        return target

    return asyncio.run(play())


# -- driving the app before the picture --------------------------------------------------------


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _wait_for(pilot: Pilot[Any], kind: type[Any]) -> None:
    for _ in range(100):
        await _settle(pilot)
        if isinstance(pilot.app.screen, kind):
            await _settle(pilot)
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{kind.__name__} did not open")


def _steady(pilot: Pilot[Any]) -> None:
    screen = pilot.app.screen
    # The editor's cursor blinks on a timer: keep it on, so every picture is the same.
    for editor in screen.query(ReplyEditor):
        editor.cursor_blink = False


def rehearse(replies: list[str]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Start the flagship from the picker and send `replies` (pasted, then Enter)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _wait_for(pilot, PickerScreen)
        await pilot.press("enter")
        await _wait_for(pilot, RehearsalScreen)
        for reply in replies:
            pilot.app.post_message(events.Paste(reply))
            await pilot.pause()
            await pilot.press("enter")
            await _settle(pilot)
        _steady(pilot)
        await pilot.pause()

    return run_before


# -- one snapshot per screen -----------------------------------------------------------------


def wait_for(kind: type[Any], *press: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for a screen to open, optionally press keys, then wait for the next one."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _wait_for(pilot, kind)
        if press:
            await pilot.press(*press)
            await _settle(pilot)

    return run_before


def test_picker(snap_compare: SnapCompare) -> None:
    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_for(PickerScreen))


def test_rehearsal_after_two_replies(snap_compare: SnapCompare) -> None:
    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=SIZE, run_before=rehearse(GOOD[:2]))


def test_debrief_after_the_breakthrough(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await rehearse(GOOD)(pilot)
        await pilot.press("enter")
        await _wait_for(pilot, DebriefScreen)

    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_history(snap_compare: SnapCompare, sparring_home: Path) -> None:
    finished = saved(sparring_home, "finished", GOOD, STARTED)
    saved(sparring_home, "unfinished", GOOD[:2], LATER)
    rewound(finished, 3, [DIFFERENT_REPLY], REWOUND)
    app = make_app(AppOptions(seed=SEED, history=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_for(HistoryScreen))


def test_replay_second_turn(snap_compare: SnapCompare, sparring_home: Path) -> None:
    finished = saved(sparring_home, "finished", GOOD, STARTED)
    app = make_app(AppOptions(seed=SEED, replay=finished))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_for(ReplayScreen, "down"))


def test_compare_with_the_parent(snap_compare: SnapCompare, sparring_home: Path) -> None:
    finished = saved(sparring_home, "finished", GOOD, STARTED)
    attempt = rewound(finished, 3, [DIFFERENT_REPLY], REWOUND)
    app = make_app(AppOptions(seed=SEED, replay=attempt))

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_for(ReplayScreen, "c")(pilot)
        await _wait_for(pilot, CompareScreen)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_rehearsal_at_60x20(snap_compare: SnapCompare) -> None:
    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=SMALL, run_before=rehearse(GOOD[:1]))


def test_picker_at_60x20(snap_compare: SnapCompare) -> None:
    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=SMALL, run_before=wait_for(PickerScreen))


def test_replay_at_60x20(snap_compare: SnapCompare, sparring_home: Path) -> None:
    finished = saved(sparring_home, "finished", GOOD, STARTED)
    app = make_app(AppOptions(seed=SEED, replay=finished))
    assert snap_compare(app, terminal_size=SMALL, run_before=wait_for(ReplayScreen, "down"))


def test_debrief_at_60x20_scrolled_to_the_buttons(
    snap_compare: SnapCompare, sparring_home: Path
) -> None:
    finished = saved(sparring_home, "finished", GOOD, STARTED)
    app = make_app(AppOptions(seed=SEED, replay=finished))

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_for(ReplayScreen, "d")(pilot)
        await _wait_for(pilot, DebriefScreen)
        pilot.app.screen.query_one("#debrief").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


def test_rehearsal_with_the_conversation_focused(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await rehearse(GOOD[:1])(pilot)
        await pilot.press("shift+tab")
        await pilot.pause()

    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


# -- 80x24, the classic terminal, and the compare table at 60x20 -------------------------------


def test_rehearsal_at_80x24(snap_compare: SnapCompare) -> None:
    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=MEDIUM, run_before=rehearse(GOOD[:2]))


def test_picker_at_80x24(snap_compare: SnapCompare) -> None:
    app = make_app(AppOptions(seed=SEED))
    assert snap_compare(app, terminal_size=MEDIUM, run_before=wait_for(PickerScreen))


def test_replay_at_80x24(snap_compare: SnapCompare, sparring_home: Path) -> None:
    finished = saved(sparring_home, "finished", GOOD, STARTED)
    app = make_app(AppOptions(seed=SEED, replay=finished))
    assert snap_compare(app, terminal_size=MEDIUM, run_before=wait_for(ReplayScreen, "down"))


def _compare_screen(
    sparring_home: Path,
) -> tuple[SparringApp, Callable[[Pilot[Any]], Awaitable[None]]]:
    finished = saved(sparring_home, "finished", GOOD, STARTED)
    attempt = rewound(finished, 3, [DIFFERENT_REPLY], REWOUND)
    app = make_app(AppOptions(seed=SEED, replay=attempt))

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_for(ReplayScreen, "c")(pilot)
        await _wait_for(pilot, CompareScreen)

    return app, run_before


def test_compare_at_80x24(snap_compare: SnapCompare, sparring_home: Path) -> None:
    app, run_before = _compare_screen(sparring_home)
    assert snap_compare(app, terminal_size=MEDIUM, run_before=run_before)


def test_compare_at_60x20(snap_compare: SnapCompare, sparring_home: Path) -> None:
    app, run_before = _compare_screen(sparring_home)
    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)
