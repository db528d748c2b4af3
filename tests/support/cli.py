"""Running the command line in this process (a subprocess adds nothing but start-up time)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sparring.cli import main


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _cwd(path: Path | None) -> Iterator[None]:
    before = os.getcwd()
    if path is not None:
        os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _main(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse: --help, usage errors
        return exc.code if isinstance(exc.code, int) else 1


def _call(argv: list[str]) -> int:
    """main(argv); in a thread of its own when called from a running event loop (an async
    test), since commands run their own loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _main(argv)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(_main, argv).result()


def run_cli(*args: str | Path, stdin: str | None = None, cwd: Path | None = None) -> Ran:
    """`sparring ARGS` in-process: its exit code and what it printed (stdin optional)."""
    out, err = io.StringIO(), io.StringIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    sys.stdin = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        with _cwd(cwd):
            code = _call([str(a) for a in args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
    return Ran(code, out.getvalue(), err.getvalue())
