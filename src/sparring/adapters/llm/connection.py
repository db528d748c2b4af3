"""One endpoint, as the voice and the judge use it: the SDK client (its own retries off,
connect and read time-outs bounded), the retry policy and the circuit breaker, shared by the
parts that talk to the same endpoint."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import openai

from sparring.adapters.llm.breaker import Breaker
from sparring.adapters.llm.config import Endpoint
from sparring.adapters.llm.errors import LLMError, explain
from sparring.adapters.llm.retry import with_retries

T = TypeVar("T")


def make_client(endpoint: Endpoint) -> openai.AsyncOpenAI:
    timeout = openai.Timeout(
        connect=endpoint.connect_timeout,
        read=endpoint.read_timeout,
        write=endpoint.read_timeout,
        pool=endpoint.connect_timeout,
    )
    return openai.AsyncOpenAI(
        api_key=endpoint.key,
        base_url=endpoint.base_url,
        max_retries=0,  # one retry policy: ours (retry.py)
        timeout=timeout,
    )


class Connection:
    """The client (made on first use), the breaker, and calls through both."""

    def __init__(self, endpoint: Endpoint, breaker: Breaker | None = None) -> None:
        self.endpoint = endpoint
        self.breaker = breaker or Breaker(endpoint.pause)
        self._client: openai.AsyncOpenAI | None = None

    @property
    def client(self) -> openai.AsyncOpenAI:
        if self._client is None:
            self._client = make_client(self.endpoint)
        return self._client

    def for_part(self, endpoint: Endpoint) -> Connection:
        """A connection for another part with its own settings (model, temperature) that
        shares this one's breaker when it talks to the same endpoint."""
        same = endpoint.base_url == self.endpoint.base_url
        return Connection(endpoint, self.breaker if same else None)

    async def call(self, request: Callable[[], Awaitable[T]]) -> T:
        """`request()` with retries, within the turn's budget, unless paused. Raises
        LLMError in plain words; an endpoint failure pauses the endpoint."""
        self.breaker.check()
        try:
            result = await with_retries(request, self.endpoint)
        except asyncio.CancelledError:
            raise  # the user stopped waiting, or the app is closing: not the endpoint's fault
        except Exception as exc:
            raise self.failure(exc) from None
        self.breaker.succeeded()
        return result

    def failure(self, exc: BaseException) -> LLMError:
        """`exc` in plain words; pauses the endpoint if the endpoint failed."""
        error = explain(exc, self.endpoint)
        if error.endpoint_failure and not error.paused:
            self.breaker.failed(error.reason)
        return error
