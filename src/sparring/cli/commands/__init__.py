"""Command handlers, one module per area. Each turns parsed arguments into calls on the
runtime and the core, prints the result, and returns an exit code; problems in user files are
printed as `path:line:col: message` lines, never as tracebacks."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from sparring.cli.review_arguments import HANDLERS as REVIEW_HANDLERS

_HANDLERS = {
    "rehearse": "rehearsing",
    "replay": "rehearsing",
    "run": "rehearsing",
    "validate": "authoring",
    "new": "authoring",
    "schema": "authoring",
    "list": "authoring",
    "docs": "docs",
    "judge-eval": "judging",
    "calibrate": "judging",
    "config": "settings",
    "llm": "llm",
    **REVIEW_HANDLERS,
}


def handler_for(command: str) -> Callable[[argparse.Namespace], int]:
    module = importlib.import_module(f"sparring.cli.commands.{_HANDLERS[command]}")
    handler: Callable[[argparse.Namespace], int] = getattr(
        module, "cmd_" + command.replace("-", "_")
    )
    return handler
