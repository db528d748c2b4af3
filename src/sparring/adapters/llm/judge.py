"""The LLM judge: the same `Assessment` as the offline judge, from an OpenAI-compatible model.

Structured output first (`parse()` with a strict JSON schema). A server that refuses the
schema (400) is asked in JSON mode from then on, with the schema in the prompt; one that
refuses JSON mode too gets a plain request and the JSON is read out of the answer. Whatever
comes back is validated against the schema and then checked against the reply (verdict.py).
An answer that cannot be used in any mode raises BadOutput, and the session scores the reply
with the offline judge.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import ValidationError

from sparring.adapters.llm.connection import Connection
from sparring.adapters.llm.errors import BadOutput
from sparring.adapters.llm.judge_prompt import judge_messages
from sparring.adapters.llm.part import EndpointPart
from sparring.adapters.llm.tokens import TokenCounter
from sparring.adapters.llm.verdict import Verdict, to_assessment
from sparring.formats.rubric import Rubric
from sparring.judge.base import Assessment, Exchange

Mode = Literal["json_schema", "json_object", "plain"]
MODES: tuple[Mode, ...] = ("json_schema", "json_object", "plain")
MAX_VERDICT_TOKENS = 1200
_REFUSED = re.compile(r"\b(400|response_format|json_schema|json_object|not supported)\b", re.I)


def _json_in(text: str) -> str:
    """The outermost JSON object in an answer that may wrap it in prose or a code fence."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise BadOutput("the LLM judge's answer was not JSON")
    return text[start : end + 1]


class LLMJudge(EndpointPart):
    """A Judge (judge.base) that asks an OpenAI-compatible endpoint."""

    def __init__(self, connection: Connection, counter: TokenCounter | None = None) -> None:
        super().__init__(connection, counter)
        self.modes: list[Mode] = list(MODES)
        """The output modes still worth trying with this server (refused ones are dropped)."""

    async def assess(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        problem: BadOutput | None = None
        for mode in list(self.modes):
            try:
                verdict = await self._ask(mode, exchange, rubric)
                return to_assessment(verdict, exchange, rubric, self.name)
            except BadOutput as exc:
                problem = exc
                if _REFUSED.search(exc.reason) and mode in self.modes and len(self.modes) > 1:
                    self.modes.remove(mode)  # this server does not do it: never ask again
        assert problem is not None
        raise problem

    async def _ask(self, mode: Mode, exchange: Exchange, rubric: Rubric) -> Verdict:
        schema = None if mode == "json_schema" else Verdict.model_json_schema()
        messages, fitted = judge_messages(
            exchange, rubric, self.counter, self.endpoint.max_prompt_tokens, schema
        )
        self.last_prompt_tokens = fitted.tokens
        client: Any = self.connection.client  # messages are plain dicts
        common: dict[str, Any] = {
            "model": self.endpoint.model,
            "messages": messages,
            "temperature": self.endpoint.temperature,
            "max_tokens": MAX_VERDICT_TOKENS,
        }
        if mode == "json_schema":

            async def parsed() -> Any:
                return await client.chat.completions.parse(response_format=Verdict, **common)

            completion = await self.connection.call(parsed)
            message = completion.choices[0].message
            if getattr(message, "refusal", None):
                raise BadOutput("the model refused to assess this reply")
            if message.parsed is None:
                raise BadOutput("the LLM judge sent an empty answer")
            result: Verdict = message.parsed
            return result
        extra = {"response_format": {"type": "json_object"}} if mode == "json_object" else {}

        async def created() -> Any:
            return await client.chat.completions.create(**common, **extra)

        completion = await self.connection.call(created)
        message = completion.choices[0].message
        if getattr(message, "refusal", None):
            raise BadOutput("the model refused to assess this reply")
        content = message.content or ""
        if not content.strip():
            raise BadOutput("the LLM judge sent an empty answer")
        try:
            return Verdict.model_validate_json(_json_in(content))
        except ValidationError as exc:
            raise BadOutput(
                f"the LLM judge's answer did not match the schema ({exc.error_count()} problems)"
            ) from None
