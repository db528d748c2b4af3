"""A small OpenAI-compatible server on 127.0.0.1 for tests, benchmarks and trying LLM mode by
hand: real HTTP, streamed answers as server-sent events, and failure modes on demand.

    python -m tests.support.fake_llm --port 8765      # then --base-url http://127.0.0.1:8765/v1

The persona's line is the line the director's note asks for, with "Listen, " in front (so a
test can tell it came from here); the judge's verdict quotes the reply's first sentence as an
open question or a reflection, and gives every dimension a 3. Modes (set `server.mode`, or
POST /mode with the name): healthy, slow (a pause between words), flood (2,000 one-word
pieces as fast as it can), fail (500), hang (accepts and never answers), unauthorized (401),
missing (404 for the model), cut (the stream stops midway).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import threading
from collections.abc import Iterator
from typing import Any

MODES = ("healthy", "slow", "flood", "fail", "hang", "unauthorized", "missing", "cut")


def persona_line(messages: list[dict[str, Any]]) -> str:
    text = messages[-1]["content"] if messages else ""
    found = re.search(r"add no new facts: (\".*\")\s*\n", text)
    line = json.loads(found.group(1)) if found else "Go on."
    return f"Listen, {line}"


def verdict(messages: list[dict[str, Any]]) -> dict[str, Any]:
    system = messages[0]["content"]
    user = messages[-1]["content"]
    found = re.search(r"REPLY = (\".*\")\s*$", user, re.S)
    reply = json.loads(found.group(1)) if found else ""
    dimensions = re.findall(r"^- ([a-z0-9_-]+) \(", system.split("Moves you may find")[0], re.M)
    first = re.split(r"(?<=[.?!])\s", reply.strip())[0] if reply.strip() else ""
    moves = []
    if first:
        moves.append(
            {"move": "open_question" if first.endswith("?") else "reflect_content", "quote": first}
        )
    return {
        "moves": moves,
        "scores": [{"dimension": d, "score": 3, "rationale": "fake judge"} for d in dimensions],
        "suggestion": "What happened?",
        "advice": "Ask what is underneath.",
        "confidence": "high",
        "readable": bool(reply.strip()),
    }


def _chunk(content: str | None, finish: str | None = None) -> bytes:
    delta = {} if content is None else {"content": content}
    event = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(event)}\n\n".encode()


def _completion(content: str) -> dict[str, Any]:
    return {
        "id": "c",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


class FakeLLM:
    """The server, run in a thread of its own (`with FakeLLM() as server: server.url`)."""

    def __init__(self, port: int = 0, mode: str = "healthy") -> None:
        self.port = port
        self.mode = mode
        self.requests: list[dict[str, Any]] = []
        self.word_delay = 0.05
        self.flood_tokens = 2000
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> FakeLLM:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        if not self._ready.wait(5):
            raise RuntimeError("the fake LLM server did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(5)

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.port)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            self._loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {
                k.lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)
            }
            body = await reader.readexactly(int(headers.get("content-length", "0") or 0))
            await self._respond(method, path, headers, body, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _send(self, writer: asyncio.StreamWriter, status: int, data: Any) -> None:
        payload = json.dumps(data).encode()
        writer.write(
            f"HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: "
            f"{len(payload)}\r\nconnection: close\r\n\r\n".encode()
            + payload
        )
        await writer.drain()

    async def _respond(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        body: bytes,
        writer: asyncio.StreamWriter,
    ) -> None:
        if method == "POST" and path.endswith("/mode"):
            self.mode = body.decode().strip()
            await self._send(writer, 200, {"mode": self.mode})
            return
        if path.endswith("/models"):
            await self._send(
                writer, 200, {"object": "list", "data": [{"id": "m", "object": "model"}]}
            )
            return
        request = json.loads(body or b"{}")
        self.requests.append({"path": path, "headers": headers, "body": request})
        mode = self.mode
        if mode == "hang":
            await asyncio.sleep(3600)
        if mode == "fail":
            await self._send(writer, 500, {"error": {"message": "the fake server failed"}})
            return
        if mode == "unauthorized":
            await self._send(writer, 401, {"error": {"message": "Incorrect API key provided"}})
            return
        if mode == "missing":
            await self._send(
                writer, 404, {"error": {"message": f"model '{request.get('model')}' not found"}}
            )
            return
        messages = request.get("messages", [])
        judging = "REPLY = " in (messages[-1]["content"] if messages else "")
        if judging:
            await self._send(writer, 200, _completion(json.dumps(verdict(messages))))
            return
        if not request.get("stream"):
            wants_json = "response_format" in request or '{"ok": true}' in json.dumps(messages)
            answer = '{"ok": true}' if wants_json else persona_line(messages)
            await self._send(writer, 200, _completion(answer))
            return
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n"
        )
        for i, piece in enumerate(self._pieces(messages)):
            writer.write(_chunk(piece))
            if mode == "cut" and i == 3:
                await writer.drain()
                return
            if mode == "slow":
                await writer.drain()
                await asyncio.sleep(self.word_delay)
            elif i % 64 == 0:
                await writer.drain()
        writer.write(_chunk(None, "stop") + b"data: [DONE]\n\n")
        await writer.drain()

    def _pieces(self, messages: list[dict[str, Any]]) -> Iterator[str]:
        if self.mode == "flood":
            yield from (" word" for _ in range(self.flood_tokens))
            return
        yield from re.split(r"(?<= )", persona_line(messages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--mode", choices=MODES, default="healthy")
    args = parser.parse_args()
    with FakeLLM(args.port, args.mode) as server:
        print(f"fake OpenAI-compatible server at {server.url} (mode {server.mode}); Ctrl+C stops")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
