"""Every way the endpoint can fail, in plain words, with the key scrubbed out.

`explain` turns whatever the SDK, the HTTP stack or the parser raised into an `LLMError`
whose `reason` is safe to show in the app, a transcript notice or a terminal: it names what
happened and what to do, quotes the server's own message where it has one, and never
contains the key (even when a server echoes it back).
"""

from __future__ import annotations

import json
from typing import Any

import openai
from pydantic import ValidationError

from sparring.adapters.llm.config import Endpoint
from sparring.formats.untrusted import visible

SERVER_MESSAGE_LIMIT = 300
RETRYABLE_STATUS = frozenset({408, 409, 429})


class LLMError(Exception):
    """A failure of the endpoint or of what it said; `reason` is safe to show."""

    endpoint_failure = True
    """The endpoint itself failed (pauses LLM mode), as opposed to an answer we cannot use."""
    paused = False

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AuthFailed(LLMError):
    """401/403: the key is missing, wrong or not allowed (never retried)."""


class ModelNotFound(LLMError):
    """404: no such model (or no such path) at the endpoint (never retried)."""


class Unreachable(LLMError):
    """The connection failed (refused, reset, no such host)."""


class TimedOut(LLMError):
    """No answer within the time allowed."""


class ServerError(LLMError):
    """The endpoint answered with an error status (after the retries it deserves)."""


class BadOutput(LLMError):
    """An answer we cannot use: not JSON, not the shape asked for, empty, or a refusal."""

    endpoint_failure = False


class EndpointPaused(LLMError):
    """LLM mode is paused after a failed turn: answered at once, without a call."""

    paused = True


def scrub(text: str, secret: str | None) -> str:
    """`text` without the secret, or any run of 8 or more of its characters."""
    if not secret or len(secret) < 8:
        return text
    if secret in text:
        text = text.replace(secret, "***")
    for size in range(len(secret) - 1, 7, -1):
        for start in range(len(secret) - size + 1):
            piece = secret[start : start + size]
            if piece in text:
                text = text.replace(piece, "***")
    return text


def server_message(exc: openai.APIStatusError) -> str:
    """The server's own words from an error response (its `error.message`), else its status."""
    body: Any = exc.body
    message: Any = None
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
    if not message:
        message = getattr(exc.response, "reason_phrase", "") or f"status {exc.status_code}"
    text = " ".join(visible(str(message)).split())
    if len(text) > SERVER_MESSAGE_LIMIT:
        text = text[: SERVER_MESSAGE_LIMIT - 1] + "…"
    return text


def _status(exc: openai.APIStatusError, endpoint: Endpoint) -> LLMError:
    said = server_message(exc)
    code = exc.status_code
    if code in (401, 403):
        fix = "check OPENAI_API_KEY or [llm] api_key" if code == 401 else "check the key's access"
        return AuthFailed(f"the endpoint refused the key ({code}: {said}); {fix}")
    if code == 404:
        return ModelNotFound(
            f"model '{endpoint.model}' not found at {endpoint.base_url} (404: {said}); "
            "check --model and --base-url"
        )
    if code == 400:
        return BadOutput(f"the endpoint refused the request (400: {said})")
    return ServerError(f"the endpoint answered {code} ({said})")


def explain(exc: BaseException, endpoint: Endpoint) -> LLMError:
    """Any failure of a call, as an LLMError in plain words (the key scrubbed out)."""
    error: LLMError
    if isinstance(exc, LLMError):
        error = exc
    elif isinstance(exc, openai.APITimeoutError | TimeoutError):
        error = TimedOut(f"no answer from {endpoint.base_url} in time")
    elif isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc.__context__
        detail = f" ({type(cause).__name__}: {cause})" if cause and str(cause) else ""
        error = Unreachable(f"cannot reach {endpoint.base_url}{detail}")
    elif isinstance(exc, openai.APIStatusError):
        error = _status(exc, endpoint)
    elif isinstance(exc, openai.LengthFinishReasonError):
        error = BadOutput("the answer was cut off at the length limit")
    elif isinstance(exc, openai.ContentFilterFinishReasonError):
        error = BadOutput("the endpoint's content filter stopped the answer")
    elif isinstance(exc, json.JSONDecodeError | ValidationError | ValueError):
        error = BadOutput(f"the answer was not in the shape asked for ({type(exc).__name__})")
    elif isinstance(exc, openai.OpenAIError):
        error = ServerError(f"the endpoint failed ({type(exc).__name__}: {exc})")
    else:
        # the SDK could not make sense of what came back (an answer in a shape no
        # OpenAI-compatible server sends): the endpoint failed, say so plainly
        error = ServerError(f"the endpoint's answer could not be read ({type(exc).__name__})")
    error.reason = scrub(error.reason, endpoint.key)
    error.args = (error.reason,)
    return error


def retryable(exc: BaseException) -> bool:
    """Worth another call: connection errors and time-outs, 408, 409, 429 and 5xx."""
    if isinstance(exc, openai.APIConnectionError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRYABLE_STATUS or exc.status_code >= 500
    return False
