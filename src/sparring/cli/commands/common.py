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
