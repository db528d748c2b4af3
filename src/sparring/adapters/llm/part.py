"""What the LLM voice and the LLM judge share: the connection to their endpoint (and its
circuit breaker), their name in transcripts, and a token counter for their prompts."""

from __future__ import annotations

from sparring.adapters.llm.connection import Connection
from sparring.adapters.llm.tokens import TokenCounter


class EndpointPart:
    def __init__(self, connection: Connection, counter: TokenCounter | None = None) -> None:
        self.connection = connection
        self.endpoint = connection.endpoint
        self.name = self.endpoint.label
        """As transcripts record it: "llm:MODEL" (never the key)."""
        self.counter = counter or TokenCounter(self.endpoint.model)
        self.last_prompt_tokens = 0

    @property
    def paused(self) -> bool:
        """The endpoint failed a turn and is not tried again until `resume`."""
        return self.connection.breaker.paused

    def resume(self) -> None:
        self.connection.breaker.reset()
