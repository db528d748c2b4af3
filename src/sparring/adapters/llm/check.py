"""`sparring llm check`: a few short calls that say in plain words what works.

1. A streamed one-word answer: is the endpoint reachable, does it know the model, does
   streaming work (and how long the first token took)?
2. A tiny structured answer: does it hold to a JSON schema (the judge's first choice), or
   only JSON mode, or neither?
Each call is bounded by the endpoint's time-outs, with no retries.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from sparring.adapters.llm.config import Endpoint, RetryPolicy
from sparring.adapters.llm.connection import Connection
from sparring.adapters.llm.errors import AuthFailed, LLMError, ModelNotFound, explain


class _Probe(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ok: bool


@dataclass
class CheckReport:
    lines: list[tuple[bool | None, str]] = field(default_factory=list)
    """(passed, what): True passed, False failed, None for information."""
    usable: bool = False

    def add(self, ok: bool | None, text: str) -> None:
        self.lines.append((ok, text))


PROMPT = [{"role": "user", "content": "Reply with the single word: ready"}]


async def _stream(connection: Connection, report: CheckReport) -> bool:
    endpoint = connection.endpoint
    started = time.monotonic()
    first: float | None = None
    text, finished = "", False
    client: Any = connection.client  # messages are plain dicts
    try:
        stream: Any = await connection.call(
            lambda: client.chat.completions.create(
                model=endpoint.model,
                messages=PROMPT,
                stream=True,
                max_tokens=8,
            )
        )
        async with asyncio.timeout(endpoint.turn_timeout):
            async with stream:
                async for chunk in stream:
                    if chunk.choices:
                        piece = chunk.choices[0].delta.content or ""
                        if piece and first is None:
                            first = time.monotonic() - started
                        text += piece
                        finished = finished or chunk.choices[0].finish_reason is not None
    except Exception as exc:
        error = explain(exc, endpoint)
        if isinstance(error, AuthFailed):
            report.add(True, f"reachable: {endpoint.base_url}")
            report.add(False, f"key: {error.reason}")
        elif isinstance(error, ModelNotFound):
            report.add(True, f"reachable: {endpoint.base_url}")
            report.add(False, error.reason)
        else:
            report.add(False, f"not usable: {error.reason}")
        return False
    report.add(True, f"reachable: {endpoint.base_url}")
    report.add(True, f"model '{endpoint.model}' answers")
    if first is None:
        report.add(False, "streaming: the stream carried no text")
        return False
    cut = "" if finished else " (but it ended without saying it had finished)"
    report.add(True, f"streaming works: first words after {first:.1f} s{cut}")
    return True


async def _structured(connection: Connection, report: CheckReport) -> None:
    endpoint = connection.endpoint
    client: Any = connection.client
    ask = [{"role": "user", "content": 'Answer with the JSON object {"ok": true}.'}]
    try:
        await connection.call(
            lambda: client.chat.completions.parse(
                model=endpoint.model,
                messages=ask,
                response_format=_Probe,
                max_tokens=20,
            )
        )
        report.add(True, "structured output (JSON schema) works: the LLM judge can use it")
        return
    except LLMError as exc:
        schema_problem = exc.reason
    try:
        completion: Any = await connection.call(
            lambda: client.chat.completions.create(
                model=endpoint.model,
                messages=ask,
                response_format={"type": "json_object"},
                max_tokens=20,
            )
        )
        _Probe.model_validate_json(completion.choices[0].message.content or "")
        report.add(
            None,
            f"structured output (JSON schema) not supported ({schema_problem}); JSON mode "
            "works: the LLM judge will use it",
        )
    except Exception as exc:
        reason = exc.reason if isinstance(exc, LLMError) else type(exc).__name__
        report.add(
            None,
            "neither JSON schema nor JSON mode worked "
            f"({reason}); the LLM judge will read JSON out of plain answers, which is less "
            "reliable",
        )


async def check_endpoint(endpoint: Endpoint) -> CheckReport:
    """Probe `endpoint` (no retries, no pause) and say what works."""
    once = Endpoint(
        base_url=endpoint.base_url,
        model=endpoint.model,
        api_key=endpoint.api_key,
        connect_timeout=endpoint.connect_timeout,
        read_timeout=endpoint.read_timeout,
        turn_timeout=endpoint.turn_timeout,
        retry=RetryPolicy(attempts=1),
    )
    connection = Connection(once)
    report = CheckReport()
    if await _stream(connection, report):
        report.usable = True
        await _structured(connection, report)
    return report
