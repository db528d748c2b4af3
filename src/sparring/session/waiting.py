"""Waiting for a judge or a voice, bounded and stoppable.

Each part runs as a task the user can stop (Esc: `Waiter.interrupt`), and that may run at most
until the turn's deadline (`session.progress`) and a little grace, for parts that do not keep
to it themselves. Once the user stops waiting in a turn, nothing else in that turn waits. A
streamed line must arrive whole within the turn's budget: the turn never waits longer than it,
retries and streaming included. Pure asyncio.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from typing import Any

from sparring.session import progress
from sparring.session.listener import TurnListener

GRACE = 1.0
"""A part that does not keep to the turn's budget itself is stopped this much later."""


class StoppedWaiting(Exception):
    """The user stopped waiting for a judge or a voice (Esc): the turn goes on without it."""

    reason = "you stopped waiting for it"


class Waiter:
    """Runs one part of a turn at a time, so that the user can stop it (Esc)."""

    def __init__(self) -> None:
        self._task: asyncio.Task[Any] | None = None
        self._interrupted = False
        self._given_up = False
        """The user stopped waiting during this turn: nothing else in it waits either."""

    def new_turn(self) -> None:
        """A new turn: the user has not stopped waiting in it (yet)."""
        self._given_up = False

    def interrupt(self) -> bool:
        """Stop the part at work; False when nothing was waiting."""
        if self._task is None or self._task.done():
            return False
        self._interrupted = self._given_up = True
        self._task.cancel()
        return True

    async def wait(self, work: Awaitable[Any], *, bounded: bool = True) -> Any:
        """`work`'s result, or StoppedWaiting when the user stopped it, or TimeoutError past
        the turn's deadline and the grace (unless `bounded` is False: it keeps its own)."""
        if self._given_up:
            close = getattr(work, "close", None)
            if callable(close):
                close()  # never started: no "never awaited" warning
            raise StoppedWaiting()
        task = asyncio.ensure_future(work)
        self._task, self._interrupted = task, False
        end = progress.deadline() if bounded else None
        try:
            async with asyncio.timeout_at(None if end is None else end + GRACE):
                return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if self._interrupted and not (current and current.cancelling()):
                raise StoppedWaiting() from None
            raise
        finally:
            self._task = None
            if not task.done():
                task.cancel()


async def stream(
    pieces: AsyncIterator[str], parts: list[str], heard: TurnListener, budget: float | None
) -> None:
    """Show each piece as it comes (collected in `parts`). The whole line must arrive within
    the turn's budget (and the grace); with no turn budget, no piece may take longer than
    `budget` (a voice that trickles is cut)."""
    loop = asyncio.get_running_loop()
    end = progress.deadline()
    try:
        async with asyncio.timeout_at(None if end is None else end + GRACE) as bound:
            async for piece in pieces:
                if piece:
                    parts.append(piece)
                    await heard.text(piece)
                # a fast stream arrives already buffered, so awaiting it need not pause: let
                # keys and frames through after every piece
                await asyncio.sleep(0)
                if budget is not None and end is None:
                    bound.reschedule(loop.time() + budget + GRACE)
    finally:
        close = getattr(pieces, "aclose", None)
        if close is not None:
            await close()
