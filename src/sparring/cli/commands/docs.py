"""`sparring docs [TOPIC]`: print a guide that ships inside the package, and say where it is."""

from __future__ import annotations

import argparse
import sys

TOPICS = {"authoring": "authoring.md"}
"""What `sparring docs` can print, and the file under the shipped docs folder for each."""


def cmd_docs(args: argparse.Namespace) -> int:
    from sparring.adapters.files import paths
    from sparring.adapters.files.errors import explain_os_error

    guide = paths.shipped_docs_dir() / TOPICS[args.topic]
    try:
        text = guide.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"sparring: {explain_os_error(exc, 'read the guide')}", file=sys.stderr)
        return 1
    print(text, end="" if text.endswith("\n") else "\n")
    sys.stdout.flush()
    print(f"\nthis guide is the file {guide}", file=sys.stderr)
    return 0
