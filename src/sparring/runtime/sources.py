"""Where settings can come from, without loading the settings model (so a command can tell
cheaply whether there is anything to load)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "sparring"

# Environment variables, as every OpenAI tool reads them, plus sparring's own.
ENVIRONMENT = {
    "OPENAI_API_KEY": "llm.api_key",
    "OPENAI_BASE_URL": "llm.base_url",
    "SPARRING_MODEL": "llm.model",
    "SPARRING_VOICE": "voice.kind",
    "SPARRING_JUDGE": "judge.kind",
}


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """The settings file: $SPARRING_CONFIG, else config.toml in the platform config folder."""
    env = os.environ if env is None else env
    override = env.get("SPARRING_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def environment_settings(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings the environment sets, by dotted key (empty values are unset)."""
    env = os.environ if env is None else env
    return {dotted: env[name] for name, dotted in ENVIRONMENT.items() if env.get(name)}
