"""The app keeps up with an endpoint that streams 2,000 tokens as fast as it can.

The rehearsal screen runs headless (Textual's test driver, 120x40) against the loopback
OpenAI-compatible server in tests/support/fake_llm.py, in LLM voice mode. While the persona's
line streams in, a probe on the event loop asks to wake every 5 ms and records how late it
wakes: that lateness is how long a keypress or a frame would wait. Baselines in the same run:
the same screen idle, and the same stream redrawn on every piece (what batching to 10 frames a
second avoids). Run: python benchmarks/bench_llm_stream.py [--tokens 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.fake_llm import FakeLLM

from sparring.runtime.settings import Settings
from sparring.tui.app import AppOptions, make_app
from sparring.tui.screens.rehearsal import RehearsalScreen
from sparring.tui.turn_view import TurnView
from sparring.tui.widgets import conversation

TICK = 0.005


async def lateness(stop: asyncio.Event) -> list[tuple[float, float]]:
    """(when, how late) for every wake-up until `stop`."""
    late = []
    while not stop.is_set():
        t = time.perf_counter()
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        late.append((now, now - t - TICK))
    return late


def summary(
    late: list[tuple[float, float]], after: float = 0.0, before: float = float("inf")
) -> tuple[float, float, float]:
    ordered = sorted(d for t, d in late if after <= t <= before)
    p99 = ordered[int(len(ordered) * 0.99)]
    return statistics.median(ordered) * 1000, p99 * 1000, ordered[-1] * 1000


async def one_run(server: FakeLLM, *, per_piece: bool) -> dict[str, Any]:
    settings = Settings.model_validate(
        {"llm": {"base_url": server.url, "model": "M"}, "voice": {"kind": "llm"}}
    )
    app = make_app(AppOptions(settings=settings, seed=0, scenario="frustrated-sales-director"))
    original = conversation.ChatMessage.append_text
    redraws = 0

    def every_piece(self: conversation.ChatMessage, more: str) -> None:
        nonlocal redraws
        self.body += more
        redraws += 1
        self.update(self._render_text())

    def counted(self: conversation.ChatMessage, more: str) -> None:
        nonlocal redraws
        if not self._redraw_due:
            redraws += 1
        original(self, more)

    conversation.ChatMessage.append_text = every_piece if per_piece else counted  # type: ignore[method-assign]
    first: list[float] = []
    real_text = TurnView.text

    last: list[float] = [0.0]

    async def timed_text(self: TurnView, piece: str) -> None:
        if not first:
            first.append(time.perf_counter())
        await real_text(self, piece)
        last[0] = time.perf_counter()

    TurnView.text = timed_text  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            while not (isinstance(app.screen, RehearsalScreen) and app.screen.ready):
                await pilot.pause(0.05)
            screen = app.screen
            await pilot.pause(0.5)
            stop = asyncio.Event()
            probe = asyncio.create_task(lateness(stop))
            await asyncio.sleep(1.0)
            stop.set()
            idle = await probe
            server.mode = "flood"
            redraws = 0
            stop = asyncio.Event()
            probe = asyncio.create_task(lateness(stop))
            started = time.perf_counter()
            screen.play("What has been going on with the team?")
            await app.workers.wait_for_complete()
            took = time.perf_counter() - started
            stop.set()
            busy = await probe
            server.mode = "healthy"
            text = screen.session.turns[-1].persona[0].text
            took = last[0] - first[0]  # the stream alone: first piece to last
            end = summary(busy, last[0])
            return {
                "idle": summary(idle),
                "busy": summary(busy, first[0], last[0]),
                "took": took,
                "tokens": len(text.split()),
                "redraws": redraws,
                "end": end,
            }
    finally:
        conversation.ChatMessage.append_text = original  # type: ignore[method-assign]
        TurnView.text = real_text  # type: ignore[method-assign]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with FakeLLM() as server:
        server.flood_tokens = args.tokens
        for run in range(args.runs):
            for per_piece in (False, True):
                r = await one_run(server, per_piece=per_piece)
                how = "redrawn every piece" if per_piece else "batched, <= 10 fps "
                i, b = r["idle"], r["busy"]
                print(
                    f"run {run + 1} {how}: {r['tokens']} tokens in {r['took']:.2f} s "
                    f"({r['tokens'] / r['took']:,.0f}/s), {r['redraws']} redraws; loop lateness "
                    f"median/p99/max {b[0]:.1f}/{b[1]:.1f}/{b[2]:.1f} ms streaming vs "
                    f"{i[0]:.1f}/{i[1]:.1f}/{i[2]:.1f} ms idle; after the last piece (laying "
                    f"out the whole line, ending the turn) max {r['end'][2]:.0f} ms"
                )


if __name__ == "__main__":
    asyncio.run(main())
