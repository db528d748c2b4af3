"""A circuit breaker: once the endpoint has failed a turn, later turns do not each wait out
their budget while it keeps failing. They fall back at once (`EndpointPaused`) until the pause
is over; then one call is let through, and its outcome closes or reopens the breaker. The app
can close it at any time ("try LLM mode again")."""

from __future__ import annotations

import time
from collections.abc import Callable

from sparring.adapters.llm.errors import EndpointPaused


class Breaker:
    def __init__(self, pause: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.pause = pause
        self.clock = clock
        self.opened_at: float | None = None
        self.reason = ""

    @property
    def paused(self) -> bool:
        return self.opened_at is not None and self.clock() - self.opened_at < self.pause

    def check(self) -> None:
        """Raise EndpointPaused while paused (after the pause, one call may try)."""
        if self.paused:
            raise EndpointPaused(f"LLM mode is paused after the endpoint failed: {self.reason}")

    def failed(self, reason: str) -> None:
        self.opened_at = self.clock()
        self.reason = reason

    def succeeded(self) -> None:
        self.opened_at = None
        self.reason = ""

    def reset(self) -> None:
        self.succeeded()
