"""What the command handlers share: printing problems, and settings from the arguments."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sparring.formats.diagnostics import Diagnostic, LoadError

if TYPE_CHECKING:
    from sparring.runtime.settings import LoadedSettings


def print_problems(problems: Iterable[Diagnostic | str]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def settings_from(args: argparse.Namespace, **flags: Any) -> LoadedSettings | None:
    """Settings with this command's flags on top (`flags` maps dotted keys with '__' for '.',
    e.g. judge__kind=...); None, with the problems printed, when the settings are broken."""
    from sparring.runtime.settings import load_settings

    flags = {key.replace("__", "."): value for key, value in flags.items()}
    try:
        return load_settings(flags)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return None


def llm_flags(args: argparse.Namespace, *, modes: bool = True) -> dict[str, Any]:
    """The settings that a command's LLM flags set (for `settings_from(args, **flags)`).
    --model and --base-url beat what the file says for either part."""
    flags: dict[str, Any] = {}
    model, base_url = getattr(args, "model", None), getattr(args, "base_url", None)
    for part in ("llm", "voice", "judge"):
        flags[f"{part}__model"] = model
        flags[f"{part}__base_url"] = base_url
    if modes:
        flags["voice__kind"] = getattr(args, "voice", None)
        flags["judge__kind"] = getattr(args, "judge", None)
    return flags


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def settings_given(args: argparse.Namespace, **flags: Any) -> bool:
    """Whether anything sets a setting (a flag, the environment, the settings file): if not,
    the defaults are in force and nothing needs loading before the app starts."""
    from sparring.runtime.sources import config_path, environment_settings

    return (
        any(value is not None for value in flags.values())
        or bool(environment_settings())
        or config_path().exists()
    )
