"""LLM test helpers: an endpoint with test time settings, the LLM parts on it, and canned
OpenAI-compatible answers for respx (the httpcore2 mocker, so no request leaves the process)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
from pydantic import SecretStr

from sparring.adapters.llm.config import Endpoint, RetryPolicy
from sparring.adapters.llm.connection import Connection
from sparring.adapters.llm.judge import LLMJudge
from sparring.adapters.llm.voice import LLMVoice

BASE = "http://llm.test/v1"
URL = f"{BASE}/chat/completions"
SSE = {"content-type": "text/event-stream"}
KEY = "sk-test-secret-7f3c9a1b2d4e6f8091a2b3c4"

# Test time settings: small waits, a one-second turn, so every fault ends well within 2 s.
FAST = RetryPolicy(attempts=3, backoff=0.01, max_wait=0.05, tick=0.05)


def endpoint(**changes: Any) -> Endpoint:
    values: dict[str, Any] = {
        "base_url": BASE,
        "model": "test-model",
        "api_key": SecretStr(KEY),
        "connect_timeout": 0.2,
        "read_timeout": 0.3,
        "turn_timeout": 1.0,
        "pause": 60.0,
        "retry": FAST,
    }
    values.update(changes)
    return Endpoint(**values)


def parts(**changes: Any) -> tuple[LLMJudge, LLMVoice]:
    """A judge and a voice on one endpoint (sharing its breaker, as a rehearsal does)."""
    connection = Connection(endpoint(**changes))
    return LLMJudge(connection), LLMVoice(connection)


def chunk(content: str | None = None, finish: str | None = None, **delta: Any) -> dict[str, Any]:
    if content is not None:
        delta["content"] = content
    return {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def sse(*pieces: str, done: bool = True, finish: bool = True) -> bytes:
    events = [chunk(p) for p in pieces]
    if finish:
        events.append(chunk(None, "stop"))
    text = "".join(f"data: {json.dumps(e)}\n\n" for e in events)
    return (text + ("data: [DONE]\n\n" if done else "")).encode()


def stream(*pieces: str, **options: Any) -> httpx.Response:
    return httpx.Response(200, headers=SSE, content=sse(*pieces, **options))


def completion(content: str | None, refusal: str | None = None) -> httpx.Response:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return httpx.Response(
        200,
        json={
            "id": "c",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
        },
    )


def verdict(
    moves: list[tuple[str, str]] | None = None,
    score: int = 3,
    dimensions: tuple[str, ...] = ("listening", "non_defensiveness", "inquiry"),
    **changes: Any,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "moves": [{"move": m, "quote": q} for m, q in (moves or [])],
        "scores": [
            {"dimension": d, "score": score, "rationale": f"{d} reason"} for d in dimensions
        ],
        "suggestion": "What has been happening with the team?",
        "advice": "Ask before you explain.",
        "confidence": "high",
        "readable": True,
    }
    data.update(changes)
    return data


def judged(data: dict[str, Any]) -> httpx.Response:
    return completion(json.dumps(data))


def error(status: int, message: str = "boom", **headers: str) -> httpx.Response:
    return httpx.Response(status, headers=headers, json={"error": {"message": message}})


class Broken(httpx.AsyncByteStream):
    """A stream that sends some pieces, then the connection breaks."""

    def __init__(self, *pieces: str) -> None:
        self.pieces = pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield sse(*self.pieces, done=False, finish=False)
        raise httpx.RemoteProtocolError("peer closed connection")


def broken(*pieces: str) -> httpx.Response:
    return httpx.Response(200, headers=SSE, stream=Broken(*pieces))


def bodies(route: Any) -> list[dict[str, Any]]:
    return [json.loads(call.request.content) for call in route.calls]


class Script:
    """Answers for the voice and for the judge, in order, told apart by the request (the
    judge's carries `REPLY = `). The last answer of each kind repeats."""

    def __init__(self, voice: list[Any] | None = None, judge: list[Any] | None = None) -> None:
        self.voice = list(voice or [stream("Look, I hear you.")])
        self.judge = list(judge or [judged(verdict())])
        self.voice_calls = 0
        self.judge_calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        judging = "REPLY = " in body["messages"][-1]["content"]
        answers = self.judge if judging else self.voice
        index = self.judge_calls if judging else self.voice_calls
        if judging:
            self.judge_calls += 1
        else:
            self.voice_calls += 1
        answer = answers[min(index, len(answers) - 1)]
        if isinstance(answer, BaseException):
            raise answer
        if isinstance(answer, type) and issubclass(answer, BaseException):
            raise answer("mocked")
        if callable(answer):
            return answer()  # type: ignore[no-any-return]
        if isinstance(answer.stream, Broken):
            return broken(*answer.stream.pieces)
        # a response can be read once: each call gets its own copy
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.read())
