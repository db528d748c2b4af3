"""One retry policy for every call (the SDK's own retries are off: `max_retries=0`).

Retried: connection errors and time-outs, 408, 409, 429 and 5xx, waiting as the server asks
(Retry-After, in seconds, milliseconds or as a date) or backing off with jitter; never beyond
the turn's budget (`session.progress`), or the part's own `turn_timeout` when no turn is
running. While it waits, it says so each second ("retrying in 3 s"). Not retried: anything
else (401, 404, 400, an answer we cannot use), and never a stream once its text is shown.
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception
from tenacity.wait import wait_random_exponential

from sparring.adapters.llm.config import Endpoint
from sparring.adapters.llm.errors import retryable
from sparring.session import progress

T = TypeVar("T")


def retry_after(exc: BaseException | None) -> float | None:
    """How long the server asked us to wait (Retry-After or retry-after-ms), if it did."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def why(exc: BaseException | None) -> str:
    """A few words for the status line."""
    status = getattr(exc, "status_code", None)
    if status == 429:
        return "the endpoint is busy (429)"
    if isinstance(status, int):
        return f"the endpoint answered {status}"
    name = type(exc).__name__.lower()
    return "no answer in time" if "timeout" in name else "the connection failed"


def _deadline(endpoint: Endpoint) -> float:
    loop = asyncio.get_running_loop()
    turn = progress.deadline()
    return turn if turn is not None else loop.time() + endpoint.turn_timeout


async def with_retries(call: Callable[[], Awaitable[T]], endpoint: Endpoint) -> T:
    """`call()`, tried again by the policy, within the turn's budget. Raises what the last
    call raised, or TimeoutError when the budget ran out before any call had failed (when one
    had, what it raised: "the endpoint answered 503" says more than "no answer in time")."""
    policy = endpoint.retry
    loop = asyncio.get_running_loop()
    end = _deadline(endpoint)
    backoff = wait_random_exponential(multiplier=policy.backoff, max=policy.max_wait)
    told: dict[str, Any] = {"reason": "", "said": False, "failed": None}

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc)
        pause = float(backoff(state))
        return max(asked, pause) if asked is not None else pause

    def stop(state: RetryCallState) -> bool:
        out_of_calls = state.attempt_number >= policy.attempts
        return out_of_calls or loop.time() + state.upcoming_sleep >= end

    def before_sleep(state: RetryCallState) -> None:
        told["failed"] = state.outcome.exception() if state.outcome else None
        told["reason"] = why(told["failed"])

    async def countdown(seconds: float) -> None:
        left = seconds
        while left > 0:
            progress.report(f"{told['reason']}: retrying in {math.ceil(left)} s")
            told["said"] = True
            step = min(policy.tick, left)
            await asyncio.sleep(step)
            left -= step

    retrying = AsyncRetrying(
        retry=retry_if_exception(retryable),
        wait=wait,
        stop=stop,
        sleep=countdown,
        before_sleep=before_sleep,
        reraise=True,
    )
    try:
        async with asyncio.timeout_at(end):
            async for attempt in retrying:
                with attempt:
                    return await call()
    except TimeoutError:
        if told["failed"] is not None:
            raise told["failed"] from None
        raise
    finally:
        if told["said"]:
            progress.report("")
    raise AssertionError("unreachable: tenacity returns or raises")  # pragma: no cover
