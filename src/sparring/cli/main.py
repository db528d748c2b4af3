"""The command line: parse arguments and dispatch. Nothing else lives here.

Heavy modules (pydantic, Textual, openai) are imported inside the handlers, so `sparring
--help` and argument errors stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sparring import __version__
from sparring.cli.commands.docs import TOPICS as DOC_TOPICS
from sparring.cli.review_arguments import add_review_commands

EPILOG = """\
examples:
  sparring                                    pick a scenario and rehearse
  sparring rehearse frustrated-sales-director
  sparring run frustrated-sales-director --replies replies.txt --json
  sparring rehearse --voice llm --judge llm --base-url http://localhost:11434/v1 --model llama3.1
  sparring llm check                          test the LLM endpoint you configured
  sparring replay ~/.local/share/sparring/transcripts/FILE.jsonl
  sparring history --scenario frustrated-sales-director --since 2025-03-01
  sparring report FILE.jsonl -o report.html   a report to share with a coach
  sparring validate scenarios rubrics
  sparring new scenario "My difficult boss"
  sparring docs authoring                     how to write scenarios and rubrics

Your own scenarios go in the folder `sparring list` names; `sparring docs authoring` explains
the format.
"""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--scenarios",
        metavar="DIR",
        action="append",
        type=Path,
        default=[],
        help="also look for scenarios in DIR (repeatable)",
    )

    # LLM mode (`sparring llm check` tests it); the settings file can say the same.
    endpoint = argparse.ArgumentParser(add_help=False)
    endpoint.add_argument(
        "--model", metavar="NAME", help="the model to ask in LLM mode (e.g. gpt-4o-mini, llama3.1)"
    )
    endpoint.add_argument(
        "--base-url",
        metavar="URL",
        help="an OpenAI-compatible endpoint (e.g. http://localhost:11434/v1; default: OpenAI's "
        "when OPENAI_API_KEY is set)",
    )
    modes = argparse.ArgumentParser(add_help=False, parents=[endpoint])
    modes.add_argument(
        "--voice",
        choices=("offline", "llm"),
        help="who speaks for the persona: her authored lines (offline, the default) or the "
        "LLM in her words",
    )
    modes.add_argument(
        "--judge",
        choices=("offline", "llm", "both"),
        help="who scores your replies: the offline judge (default), the LLM, or both side by side",
    )

    parser = argparse.ArgumentParser(
        prog="sparring",
        description="Rehearse difficult conversations: a persona that reacts to how you reply, "
        "and a judge that scores every reply and explains why.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"sparring {__version__}")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="what to do (default: rehearse)"
    )

    rehearse = sub.add_parser(
        "rehearse",
        parents=[common, modes],
        help="rehearse a scenario in the terminal app (the default)",
    )
    rehearse.add_argument("scenario", nargs="?", help="a scenario id or file (omit to pick one)")
    rehearse.add_argument("--seed", type=int, help="seed for the persona's choices")
    rehearse.add_argument("--out", type=Path, help="write the transcript to this file")
    rehearse.add_argument(
        "--resume",
        type=Path,
        metavar="FILE",
        help="go on with a saved, unfinished conversation (Ctrl+Q says where it was saved)",
    )

    run = sub.add_parser(
        "run", parents=[common, modes], help="play a scenario headless with replies from a file"
    )
    run.add_argument("scenario", help="a scenario id or file")
    run.add_argument(
        "--replies", required=True, help="a file with one reply per line ('-' reads stdin)"
    )
    run.add_argument("--seed", type=int, default=0, help="seed for the persona's choices (0)")
    run.add_argument("--json", action="store_true", help="print the result as JSON")
    run.add_argument("--out", type=Path, help="write the transcript to this file")

    replay = sub.add_parser("replay", help="step through a saved transcript in the app")
    replay.add_argument(
        "transcript", nargs="?", type=Path, help="a transcript file (omit to choose)"
    )

    add_review_commands(sub)  # history, compare, score, report

    validate = sub.add_parser("validate", help="check scenario and rubric files")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")

    new = sub.add_parser("new", help="scaffold a new scenario from a commented template")
    new_sub = new.add_subparsers(dest="kind", metavar="KIND", required=True, help="what to make")
    new_scenario = new_sub.add_parser("scenario", help="a new scenario file")
    new_scenario.add_argument("name", help="a name for it, e.g. 'My difficult boss'")
    new_scenario.add_argument("-o", "--output", type=Path, help="where to write it")
    new_scenario.add_argument("--force", action="store_true", help="overwrite an existing file")

    docs = sub.add_parser("docs", help="print a guide that ships with sparring")
    docs.add_argument(
        "topic",
        nargs="?",
        choices=sorted(DOC_TOPICS),
        default="authoring",
        metavar="TOPIC",
        help="authoring (the default): how to write scenarios and rubrics",
    )

    schema = sub.add_parser("schema", help="print the JSON Schema of a format")
    schema.add_argument(
        "kind",
        nargs="?",
        choices=["scenario", "rubric"],
        default="scenario",
        help="which format (default: scenario)",
    )
    schema.add_argument("-o", "--output", type=Path, help="write to this file instead")

    listing = sub.add_parser("list", parents=[common], help="list the scenarios you can rehearse")
    listing.add_argument("--json", action="store_true", help="print as JSON")

    judge_eval = sub.add_parser(
        "judge-eval", parents=[endpoint], help="measure a judge against labelled replies (JSONL)"
    )
    judge_eval.add_argument("file", type=Path, help="labelled records, one JSON object per line")
    judge_eval.add_argument("--json", action="store_true", help="print the figures as JSON")
    judge_eval.add_argument(
        "--judge",
        metavar="NAME",
        help="which judge to measure: offline, rules, llm or both (default: the one configured)",
    )
    judge_eval.add_argument(
        "--rubric",
        metavar="RUBRIC",
        default="difficult-feedback",
        help="the rubric the judge scores with (id or file; default difficult-feedback)",
    )
    judge_eval.add_argument(
        "--errors", action="store_true", help="also list every misjudged record, per signal"
    )
    judge_eval.add_argument(
        "--assume-not",
        metavar="SIGNAL",
        action="append",
        choices=("listening", "inquiry", "defensive"),
        default=[],
        help="count records that say nothing about SIGNAL as negatives (e.g. defensive on "
        "supportive conversations, to measure false alarms); may be repeated",
    )
    judge_eval.add_argument(
        "--situation",
        choices=("confrontation", "unknown"),
        default="confrontation",
        help="what the judge is told about the other person: 'confrontation' (the default, as "
        "in the app: they are upset with the replier) or 'unknown' (the judge reads it from "
        "their lines; for other conversations, such as a friend confiding or a negotiation)",
    )

    calibrate = sub.add_parser(
        "calibrate",
        parents=[endpoint],
        help="check the judge against a rubric's calibration examples",
    )
    calibrate.add_argument("rubrics", nargs="*", help="rubric ids or files (default: all known)")
    calibrate.add_argument("--json", action="store_true", help="print the figures as JSON")
    calibrate.add_argument(
        "--judge",
        metavar="NAME",
        help="which judge to check: offline, rules, llm or both (default: the one configured)",
    )

    llm = sub.add_parser("llm", help="LLM mode: test the configured endpoint")
    llm_sub = llm.add_subparsers(dest="action", metavar="ACTION", required=True, help="what to do")
    llm_sub.add_parser(
        "check",
        parents=[endpoint],
        help="a few short calls to the endpoint: what works (reachable, model, streaming, "
        "structured output) and what to fix",
    )

    config = sub.add_parser("config", help="where the settings file is, and what is in force")
    config_sub = config.add_subparsers(
        dest="action", metavar="ACTION", required=True, help="what to show"
    )
    config_sub.add_parser("path", help="print the settings file's path")
    show = config_sub.add_parser(
        "show", help="every setting in force and where it came from (the key is never shown)"
    )
    show.add_argument("--json", action="store_true", help="print as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from sparring.adapters.files.errors import explain_os_error
    from sparring.cli.output import guard_streams

    guard_streams()  # nothing printed can act on the terminal or fail to encode
    parser = _parser()
    words = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(words)
    if args.command is None:  # `sparring` alone rehearses: read as `sparring ... rehearse`
        given = {k: v for k, v in vars(args).items() if v not in (None, [], False)}
        args = parser.parse_args([*words, "rehearse"])
        for key, value in given.items():  # options given before the (absent) command
            setattr(args, key, value)
    command = args.command
    try:
        from sparring.cli.commands import handler_for

        return int(handler_for(command)(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the last resort: handlers explain the ones they expect
        print(f"sparring: {explain_os_error(exc, 'complete the command')}", file=sys.stderr)
        return 1
