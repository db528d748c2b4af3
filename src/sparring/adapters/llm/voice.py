"""The LLM voice: the persona says the line the script chose, in her own words, streamed.

What she says is decided before the call (the rules and the line script); the model only says
it in role (voice_prompt), checked as it streams (role_guard). The stream is opened with the
retry policy; once text has been shown it is never retried: a stream that breaks off raises,
and the session keeps what was shown, marked as cut, and says the scripted line.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from sparring.adapters.llm.errors import BadOutput, LLMError, TimedOut
from sparring.adapters.llm.part import EndpointPart
from sparring.adapters.llm.role_guard import RoleGuard
from sparring.adapters.llm.voice_prompt import voice_messages
from sparring.persona.script import Utterance
from sparring.persona.voices import SpeechContext
from sparring.session import progress

MAX_LINE_TOKENS = 300


class StreamCut(LLMError):
    """The stream stopped before the line was finished."""


class LLMVoice(EndpointPart):
    """A Voice (persona.voices) that talks through an OpenAI-compatible endpoint."""

    def messages(self, utterance: Utterance, context: SpeechContext) -> list[dict[str, str]]:
        messages, fitted = voice_messages(
            utterance, context, self.counter, self.endpoint.max_prompt_tokens
        )
        self.last_prompt_tokens = fitted.tokens
        return messages

    async def speak(self, utterance: Utterance, context: SpeechContext) -> AsyncIterator[str]:
        messages = self.messages(utterance, context)
        client: Any = self.connection.client  # messages are plain dicts

        async def open_stream() -> Any:
            return await client.chat.completions.create(
                model=self.endpoint.model,
                messages=messages,
                stream=True,
                temperature=self.endpoint.temperature,
                max_tokens=MAX_LINE_TOKENS,
            )

        stream = await self.connection.call(open_stream)
        guard = RoleGuard(context.scenario.persona.name, context.scenario.user_name)
        finished = False
        # the line, however it trickles in, ends with the turn's budget (retries and the wait
        # for the first piece included); without a turn, within the part's own time-out
        loop = asyncio.get_running_loop()
        end = loop.time() + self.endpoint.turn_timeout
        turn_end = progress.deadline()
        try:
            async with asyncio.timeout_at(end if turn_end is None else min(end, turn_end)):
                async with stream:
                    async for chunk in stream:
                        if not chunk.choices:
                            continue  # the usage chunk
                        choice = chunk.choices[0]
                        if getattr(choice.delta, "refusal", None):
                            raise BadOutput("the model refused to speak as the persona")
                        shown = guard.feed(choice.delta.content or "")
                        if shown:
                            yield shown
                        if choice.finish_reason is not None:
                            finished = True
                        if guard.stopped:
                            break
        except (asyncio.CancelledError, GeneratorExit):
            raise
        except TimeoutError:
            raise self.connection.failure(TimedOut("the line took too long to arrive")) from None
        except Exception as exc:
            raise self.connection.failure(exc) from None
        rest = guard.finish()
        if rest:
            yield rest
        if not guard.text.strip():
            raise BadOutput("the endpoint sent an empty line")
        if not finished and not guard.stopped:
            raise self.connection.failure(StreamCut("the stream ended before the line did"))
