"""Settings: which voice and judge to use, and how to reach an LLM endpoint.

Read once per command, in order of precedence: command-line flags > environment > the TOML file
in the platform config folder > defaults. Every value remembers where it came from, so
`sparring config show` can say why it is in force. The API key is a secret: it is masked
whenever settings are shown and never written anywhere by sparring.

The file (`sparring config path` prints where it is):

    [llm]                      # shared by the voice and the judge
    base_url = "http://localhost:11434/v1"
    model = "llama3.1"
    api_key = "..."            # better: the OPENAI_API_KEY environment variable
    turn_timeout = 30          # the most one turn waits for the endpoint, retries included

    [voice]                    # the persona
    kind = "offline"           # offline | llm
    temperature = 0.8

    [judge]
    kind = "offline"           # offline | llm | both
    model = "gpt-4o-mini"      # a section may override the shared model or base_url
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from sparring.formats.diagnostics import Diagnostic, LoadError, did_you_mean
from sparring.runtime.sources import ENVIRONMENT, config_path

MAX_CONFIG_BYTES = 100_000

Seconds = Annotated[float, Field(gt=0, le=600)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class LLMSettings(_Section):
    """The OpenAI-compatible endpoint shared by the voice and the judge."""

    base_url: str | None = None
    """The endpoint's base URL, e.g. `http://localhost:11434/v1` (env: OPENAI_BASE_URL)."""
    model: str | None = None
    """The model name the endpoint knows (env: SPARRING_MODEL)."""
    api_key: SecretStr | None = None
    """The key (env: OPENAI_API_KEY). Local servers need none; any text will do."""
    turn_timeout: Seconds = 30.0
    """The most one turn may wait for the endpoint, the judge and the voice together and
    retries included, before it falls back to offline (seconds)."""
    pause: Seconds = 60.0
    """After the endpoint fails a turn, LLM mode pauses this long before it is tried again
    (seconds); the app can try again sooner."""


class _Endpoint(_Section):
    base_url: str | None = None
    """Overrides the shared base URL for this part only."""
    model: str | None = None
    """Overrides the shared model for this part only."""
    temperature: Annotated[float, Field(ge=0, le=2)] = 0.0
    """How freely the model chooses its words (0: always the likeliest)."""
    connect_timeout: Seconds = 5.0
    """How long to wait for the endpoint to accept a connection (seconds)."""
    read_timeout: Seconds = 20.0
    """How long a response may go quiet before the call is abandoned (seconds)."""
    max_prompt_tokens: Annotated[int, Field(ge=500, le=1_000_000)] = 3000
    """The token budget of one prompt; older turns are summarised to stay under it. Keep it
    under the server's context window (local servers often default to 4096)."""


class VoiceSettings(_Endpoint):
    """Who speaks for the persona."""

    kind: Literal["offline", "llm"] = "offline"
    """`offline`: the authored lines; `llm`: the endpoint says them in its own words."""
    temperature: Annotated[float, Field(ge=0, le=2)] = 0.8
    """How freely the persona chooses her words (0: always the likeliest)."""


class JudgeSettings(_Endpoint):
    """Who scores the replies."""

    kind: Literal["offline", "llm", "both"] = "offline"
    """`offline`: the built-in judge; `llm`: the endpoint; `both`: both, shown side by side."""


class Settings(_Section):
    """Everything a command needs to build a voice and a judge."""

    llm: LLMSettings = LLMSettings()
    voice: VoiceSettings = VoiceSettings()
    judge: JudgeSettings = JudgeSettings()

    def endpoint(self, part: Literal["voice", "judge"]) -> tuple[str | None, str | None]:
        """(base_url, model) in force for the voice or the judge."""
        section: _Endpoint = self.voice if part == "voice" else self.judge
        return section.base_url or self.llm.base_url, section.model or self.llm.model

    @property
    def uses_llm(self) -> bool:
        return self.voice.kind == "llm" or self.judge.kind in ("llm", "both")


@dataclass
class LoadedSettings:
    """Settings and, for each dotted key that is not a default, where it came from."""

    settings: Settings
    sources: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def source(self, key: str) -> str:
        return self.sources.get(key, "default")


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    node = data
    *parents, leaf = dotted.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def _line_of(text: str, dotted: str) -> int:
    """The line where a dotted key is set in a TOML text (best effort; 1 if not found)."""
    section, _, key = dotted.rpartition(".")
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[([^\]]+)\]", stripped)
        if header:
            current = header.group(1).strip()
        elif current == section and re.match(rf"^{re.escape(key)}\s*=", stripped):
            return number
    return 1


def _read_file(path: Path) -> tuple[dict[str, Any], str]:
    from sparring.adapters.files.limited_io import read_limited

    shown = str(path)
    if not path.exists():
        return {}, ""
    raw = read_limited(path, MAX_CONFIG_BYTES, shown, "settings file")
    text = raw.decode("utf-8", "replace")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise LoadError([Diagnostic(shown, line, col, f"not valid TOML: {message}")]) from None


def load_settings(
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> LoadedSettings:
    """Settings from defaults < file < environment < flags (`flags` maps dotted keys such as
    "judge.kind" to values; None values are ignored). Raises LoadError naming the file, line
    and key for a bad file."""
    env = os.environ if env is None else env
    path = path or config_path(env)
    file_data, text = _read_file(path)
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for dotted, value in _flatten(file_data).items():
        _set(merged, dotted, value)
        sources[dotted] = f"file {path}"
    for variable, dotted in ENVIRONMENT.items():
        value = env.get(variable)
        if value:  # an empty OPENAI_BASE_URL means unset, not "no URL"
            _set(merged, dotted, value)
            sources[dotted] = f"environment {variable}"
    for dotted, value in (flags or {}).items():
        if value is not None:
            _set(merged, dotted, value)
            sources[dotted] = "command line"
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as exc:
        raise LoadError(_problems(exc, sources, path, text)) from None
    return LoadedSettings(settings, sources, path)


def _problems(
    exc: ValidationError, sources: dict[str, str], path: Path, text: str
) -> list[Diagnostic]:
    out = []
    for error in exc.errors():
        dotted = ".".join(str(p) for p in error["loc"])
        where = sources.get(dotted, "")
        if error["type"] == "extra_forbidden":
            parent, _, key = dotted.rpartition(".")
            known = _known_keys(parent)
            message = f"{dotted}: unknown setting{did_you_mean(key, known)}"
        else:
            message = f"{dotted}: {error['msg']}"
        if where.startswith("file"):
            out.append(Diagnostic(str(path), _line_of(text, dotted), 1, message))
        else:
            shown = where.removeprefix("environment ") if where else "settings"
            out.append(Diagnostic(shown, 1, 1, message))
    return out


def _known_keys(section: str) -> list[str]:
    model: type[BaseModel] = Settings
    for part in filter(None, section.split(".")):
        field_info = model.model_fields.get(part)
        annotation = field_info.annotation if field_info else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)


def mask(value: Any) -> str:
    """A secret as it may be shown: whether it is set, never what it is."""
    if value is None:
        return "(not set)"
    secret = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
    return "(set, hidden)" if secret else "(not set)"


def describe(loaded: LoadedSettings) -> list[tuple[str, str, str]]:
    """(key, value as shown, source) for every setting, secrets masked."""
    rows = []
    data = loaded.settings.model_dump()
    for dotted, value in _flatten(data).items():
        shown = mask(value) if dotted.endswith("api_key") else ("" if value is None else value)
        rows.append((dotted, str(shown), loaded.source(dotted)))
    return rows
