"""What the runtime hands the LLM adapter: one endpoint, resolved from the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import SecretStr

# A key that local servers accept (they ignore it); the SDK refuses an empty one.
NO_KEY = "sparring-no-key"


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a failed call is tried again (before the turn's budget
    runs out). Tests shrink these."""

    attempts: int = 4
    """Calls in all, the first included."""
    backoff: float = 0.5
    """Seconds before the first retry (doubling, with jitter)."""
    max_wait: float = 8.0
    """The longest wait between two calls unless the server asks for longer (Retry-After)."""
    tick: float = 1.0
    """How often the "retrying in N s" countdown is refreshed."""


@dataclass(frozen=True)
class Endpoint:
    """An OpenAI-compatible endpoint, for one part (the voice or the judge)."""

    base_url: str
    model: str
    api_key: SecretStr = field(default_factory=lambda: SecretStr(NO_KEY), repr=False)
    temperature: float = 0.0
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    turn_timeout: float = 30.0
    """The most one call may take, retries included, when the turn sets no budget."""
    max_prompt_tokens: int = 3000
    pause: float = 60.0
    """After a failed turn, how long the endpoint is left alone before it is tried again."""
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    @property
    def key(self) -> str:
        return self.api_key.get_secret_value()

    @property
    def has_key(self) -> bool:
        return self.key not in ("", NO_KEY)

    @property
    def label(self) -> str:
        """How the part is named in transcripts and notices: the model, never the key."""
        return f"llm:{self.model}"
