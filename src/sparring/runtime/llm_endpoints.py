"""From settings to LLM endpoints: what the voice and the judge talk to, or a clear message
saying what to set when LLM mode is asked for and nothing is configured."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import SecretStr

from sparring.adapters.llm.config import NO_KEY, Endpoint
from sparring.formats.diagnostics import Diagnostic, LoadError
from sparring.runtime.settings import Settings

OPENAI_URL = "https://api.openai.com/v1"

NOT_CONFIGURED = (
    "LLM mode needs an endpoint and a model. For OpenAI: set OPENAI_API_KEY and --model "
    "(e.g. gpt-4o-mini). For a local server (Ollama, vLLM, llama.cpp, LM Studio): set "
    "--base-url or OPENAI_BASE_URL (e.g. http://localhost:11434/v1) and --model; no key is "
    "needed. The same can go in the settings file (`sparring config path`); "
    "`sparring llm check` tests it."
)


@dataclass(frozen=True, slots=True)
class Plain(Diagnostic):
    """A problem that belongs to no file: shown as its message alone."""

    def __str__(self) -> str:
        return self.message


def problem(message: str) -> LoadError:
    return LoadError([Plain("settings", 1, 1, message)])


def llm_endpoint(settings: Settings, part: Literal["voice", "judge"]) -> Endpoint:
    """The endpoint the voice or the judge uses. Raises LoadError in plain words when LLM
    mode is not configured (no endpoint, no model, or a URL that is not one)."""
    base_url, model = settings.endpoint(part)
    key = settings.llm.api_key
    has_key = key is not None and bool(key.get_secret_value())
    if base_url is None and not has_key:
        raise problem(NOT_CONFIGURED)
    base_url = (base_url or OPENAI_URL).strip()
    if not base_url.startswith(("http://", "https://")):
        raise problem(
            f"the LLM base URL must start with http:// or https:// (got '{base_url}'), e.g. "
            "http://localhost:11434/v1"
        )
    if not model:
        raise problem(
            f"LLM mode needs a model for the {part}: set --model, SPARRING_MODEL or `model` "
            "under [llm] in the settings file."
        )
    section = settings.voice if part == "voice" else settings.judge
    return Endpoint(
        base_url=base_url.rstrip("/"),
        model=model,
        api_key=key if has_key and key is not None else SecretStr(NO_KEY),
        temperature=section.temperature,
        connect_timeout=section.connect_timeout,
        read_timeout=section.read_timeout,
        turn_timeout=settings.llm.turn_timeout,
        max_prompt_tokens=section.max_prompt_tokens,
        pause=settings.llm.pause,
    )


def require_llm(settings: Settings) -> None:
    """Raise LoadError, in plain words, if a part set to LLM mode has no usable endpoint."""
    if settings.voice.kind == "llm":
        llm_endpoint(settings, "voice")
    if settings.judge.kind in ("llm", "both"):
        llm_endpoint(settings, "judge")
