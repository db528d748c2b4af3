"""Regenerate the README's screenshots (SVG) by driving the app headless.

Run: python docs/make_screenshots.py   (writes docs/images/*.svg)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "images"
REPLIES = [
    "You're saying the retreats and vision sessions are pulling the division away from "
    "customers, and you're frustrated that I'm asking your team to sell while I'm sitting in "
    "offsites. What have you been seeing out there that I'm missing?",
    "I told you I'd be there with you at key accounts, and twice I chose a retreat instead. "
    "That's on me, and it left you answering for me in front of Halvorsen. What has that meant "
    "for you and the team this quarter?",
    "Eighteen percent behind with six weeks to go, Finance already asking you for a recovery "
    "plan, and you expect to be the one left holding it when the number is missed. That sounds "
    "lonely. How has the purpose work been landing with your customers?",
    "So Marta asked you about our packaging pledge and you had to stand there in front of your "
    "biggest account without knowing what we'd committed to. That must have been humiliating. "
    "What do you want the purpose work to look like from where you sit?",
    "You're not against the purpose work; you want sales to help shape it instead of being "
    "handed it to explain to customers. That's fair. What would a real seat for sales look like "
    "to you?",
    "What if you and I go to Halvorsen together next week, and your two best reps shape the "
    "next session? Would that work for you?",
]


async def main() -> None:
    from sparring.tui.app import AppOptions, make_app

    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app(AppOptions(scenario="frustrated-sales-director", seed=0))
    async with app.run_test(size=(130, 42)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for i, reply in enumerate(REPLIES):
            await pilot.press(*reply)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            if i == 2:
                app.save_screenshot(str(OUT / "rehearsal.svg"))
            if app.active_session is not None and app.active_session.over:
                break
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.pause()
        app.save_screenshot(str(OUT / "debrief.svg"))


async def progress(home: Path) -> None:
    """The progress view after a week of practice: five attempts at the flagship getting
    better, and two at another scenario."""
    import sys
    from datetime import UTC, datetime, timedelta

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.support.saved import FLAGSHIP, defensive, good, save_attempt

    from sparring.tui.app import AppOptions, make_app

    start = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    plans = [
        defensive()[:3],
        defensive()[:1] + good()[:2],
        defensive()[:1] + good()[:4],
        good()[:3],
        good(),
    ]
    for day, replies in enumerate(plans):
        await save_attempt(home, FLAGSHIP, replies, start + timedelta(days=2 * day, hours=day))
    customer = good("angry-customer")
    await save_attempt(home, "angry-customer", customer[:3], start + timedelta(days=3))
    await save_attempt(home, "angry-customer", customer, start + timedelta(days=9))
    app = make_app(AppOptions(history=True))
    async with app.run_test(size=(100, 26)) as pilot:
        await pilot.pause()
        await pilot.press("down", "p")  # the flagship's latest attempt, then its progress
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        app.save_screenshot(str(OUT / "progress.svg"))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as home:
        os.environ["SPARRING_HOME"] = home
        asyncio.run(main())
    with tempfile.TemporaryDirectory() as home:
        os.environ["SPARRING_HOME"] = home
        asyncio.run(progress(Path(home)))
    print("wrote", *sorted(p.name for p in OUT.glob("*.svg")))
