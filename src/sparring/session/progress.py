"""What a turn in progress lets its judge and voice know: how long they may still take, and
where to say what they are doing ("retrying in 3 s").

The session sets these for the length of one turn; a judge or voice that talks to the outside
world reads them (`remaining()`, `report()`), so the Judge and Voice contracts stay the same
for parts that need neither. Pure asyncio: no I/O here.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

Report = Callable[[str], None]


@dataclass(frozen=True)
class TurnClock:
    deadline: float | None
    """The event loop's time by which the turn must have its answer (None: no bound set)."""
    report: Report | None = None


_CURRENT: ContextVar[TurnClock | None] = ContextVar("sparring_turn_clock", default=None)


@contextlib.contextmanager
def turn_clock(budget: float | None, report: Report | None = None) -> Iterator[TurnClock]:
    """Within this block, a turn has `budget` seconds from now (None: unbounded here)."""
    deadline = None if budget is None else asyncio.get_running_loop().time() + budget
    clock = TurnClock(deadline, report)
    token = _CURRENT.set(clock)
    try:
        yield clock
    finally:
        _CURRENT.reset(token)


def deadline() -> float | None:
    clock = _CURRENT.get()
    return clock.deadline if clock else None


def remaining() -> float | None:
    """Seconds left in the current turn's budget (None when there is no bound)."""
    end = deadline()
    if end is None:
        return None
    return max(0.0, end - asyncio.get_running_loop().time())


def report(text: str) -> None:
    """Say what is happening (shown under the reply box, or ignored when nothing listens)."""
    clock = _CURRENT.get()
    if clock is not None and clock.report is not None:
        clock.report(text)
