"""`sparring report`: one conversation, or progress across sessions, as HTML or Markdown."""

from __future__ import annotations

import argparse
import sys

from sparring.cli.commands.common import print_problems
from sparring.formats.diagnostics import LoadError


def _deliver(text: str, args: argparse.Namespace) -> int:
    from sparring.adapters.files.errors import explain_os_error
    from sparring.adapters.report.files import write_report

    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        written = write_report(args.output, text)
    except OSError as exc:
        exc.filename = exc.filename or str(args.output)
        print(
            f"sparring: {explain_os_error(exc, 'write the report')}; choose another -o",
            file=sys.stderr,
        )
        return 1
    print(f"wrote {written}", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from sparring.adapters.report.files import format_for

    kind = "markdown"
    if args.output is not None:
        chosen = format_for(args.output)
        if chosen is None:
            print(
                f"sparring: {args.output}: choose a name ending in .html or .md for the report",
                file=sys.stderr,
            )
            return 2
        kind = chosen
    if args.progress:
        if args.file is not None:
            print("sparring: give either FILE or --progress, not both", file=sys.stderr)
            return 2
        return _progress(args, kind)
    if args.file is None:
        print(
            "sparring: which conversation? give a transcript FILE, or --progress", file=sys.stderr
        )
        return 2
    if args.scenario is not None:
        print("sparring: --scenario goes with --progress", file=sys.stderr)
        return 2
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.adapters.report.files import conversation_report

    try:
        data = read_transcript(args.file)
        text = conversation_report(data, kind, args.scoring)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    print_problems(data.warnings)
    return _deliver(text, args)


def _progress(args: argparse.Namespace, kind: str) -> int:
    from sparring.adapters.report.progress_report import (
        render_progress_html,
        render_progress_markdown,
    )
    from sparring.cli.commands.reviewing import read_history

    history = read_history(args)
    if history is None:
        return 2
    render = render_progress_html if kind == "html" else render_progress_markdown
    return _deliver(render(history.entries, args.scoring), args)
