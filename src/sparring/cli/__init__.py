"""The command line: parse arguments, dispatch, print."""

from sparring.cli.main import main

__all__ = ["main"]
