"""Command handlers: each turns parsed arguments into calls on the core and prints the result.

Every handler returns an exit code; problems in user files are printed as `path:line:col:
message` lines, never as tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from sparring.cli.output import explain_os_error
from sparring.formats.diagnostics import Diagnostic, LoadError


def _print_problems(problems: Iterable[Diagnostic | str]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    from sparring.adapters.files.authoring import validate_paths

    report = validate_paths(args.paths)
    for diagnostic in report.diagnostics:
        print(diagnostic)
    summary = (
        f"checked {report.files} file{'s' if report.files != 1 else ''}: "
        f"{report.errors} error{'s' if report.errors != 1 else ''}, "
        f"{report.warnings} warning{'s' if report.warnings != 1 else ''}"
    )
    print(summary, file=sys.stderr)
    return 1 if report.errors else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from sparring.adapters.files.authoring import schema_for

    text = json.dumps(schema_for(args.kind), indent=2) + "\n"
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"sparring: {explain_os_error(exc, 'write the schema')}", file=sys.stderr)
            return 1
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from sparring.adapters.files.authoring import new_scenario_path, write_schema_file
    from sparring.authoring.template import scenario_template

    target = new_scenario_path(args.name, args.output)
    if target.exists() and not args.force:
        print(
            f"{target}: already exists; choose another name, -o FILE, or --force", file=sys.stderr
        )
        return 1
    try:
        schema = write_schema_file("scenario")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = scenario_template(args.name, schema_ref=schema.as_uri())
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"sparring: {explain_os_error(exc, 'write the new scenario')}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    print(
        f"next: edit it, then `sparring validate {target}` and `sparring rehearse {target}`",
        file=sys.stderr,
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from sparring.adapters.files import paths
    from sparring.adapters.files.library import Library

    library = Library(scenario_dirs=args.scenarios)
    entries, problems = library.scenarios()
    if args.json:
        print(json.dumps({"scenarios": [e.to_json() for e in entries]}, indent=2))
    else:
        width = max((len(e.id) for e in entries), default=10)
        for entry in entries:
            print(f"{entry.id:<{width}}  {entry.difficulty:<6}  {entry.title}  [{entry.source}]")
        print(f"\nyour own scenarios: {paths.user_scenarios_dir()}", file=sys.stderr)
    if problems:
        print("\nthese files could not be used:", file=sys.stderr)
        _print_problems(problems)
    return 0


def load_scenario_ref(ref: str, scenario_dirs: list[Path]) -> tuple[object, Path] | None:
    """Resolve a scenario argument, printing problems; None when it cannot be used."""
    from sparring.adapters.files.library import Library

    try:
        return Library(scenario_dirs=scenario_dirs).resolve_scenario(ref)
    except LoadError as exc:
        _print_problems(exc.diagnostics)
        return None


def cmd_judge_eval(args: argparse.Namespace) -> int:
    from sparring.judge.evaluation import evaluate, iter_lines, offline_predictor, read_records

    try:
        records, problems = read_records(args.file)
    except LoadError as exc:
        _print_problems(exc.diagnostics)
        return 1
    _print_problems(problems)
    if not records:
        print(f"{args.file}: no usable records", file=sys.stderr)
        return 1
    report = evaluate(records, offline_predictor())
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(f"{report.records} records, judge: {args.judge}")
        for line in iter_lines(report):
            print(line)
    return 0


def _can_save_to(out: Path | None) -> bool:
    """Whether a transcript can be written to --out (or the usual folder); says why not."""
    from sparring.adapters.files import paths

    if out is not None and (out.exists() or out.is_symlink()):
        print(f"{out}: already exists; choose another --out", file=sys.stderr)
        return False
    folder = out.parent if out is not None else paths.transcripts_dir()
    try:
        paths.check_writable(folder)
    except OSError as exc:
        exc.filename = exc.filename or str(folder)
        fix = (
            "choose another --out"
            if out is not None
            else ("set SPARRING_HOME to a folder you can write to, or use --out FILE")
        )
        print(f"sparring: {explain_os_error(exc, 'save the conversation')}; {fix}", file=sys.stderr)
        return False
    return True


def cmd_run(args: argparse.Namespace) -> int:
    import asyncio

    from sparring.adapters.files.library import Library
    from sparring.runtime.headless import load_replies, render_text, run

    library = Library(scenario_dirs=args.scenarios)
    try:
        scenario, path = library.resolve_scenario(args.scenario)
        rubric, session_rubric = library.rubrics_for(scenario, path)
        replies = load_replies(args.replies)
    except LoadError as exc:
        _print_problems(exc.diagnostics)
        return 1
    if not _can_save_to(args.out):
        return 1
    try:
        result = asyncio.run(
            run(
                scenario,
                rubric,
                replies,
                session_rubric=session_rubric,
                seed=args.seed,
                out=args.out,
            )
        )
    except OSError as exc:  # the transcript could not even be created
        print(f"sparring: {explain_os_error(exc, 'create the transcript')}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        for line in render_text(result):
            print(line)
    if result.failure is not None:
        saved = len(result.turns)
        print(
            f"sparring: {explain_os_error(result.failure, 'write the transcript')}. "
            f"The opening and {saved} repl{'y' if saved == 1 else 'ies'} before it were saved "
            f"in {result.transcript}.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from pathlib import Path as _Path

    from sparring.adapters.files.library import Library
    from sparring.formats.loading import load_rubric
    from sparring.judge.calibration import calibrate

    library = Library()
    rubrics = []
    for ref in args.rubrics or sorted(library.rubrics()):
        if ref.endswith((".yaml", ".yml")) or "/" in ref:
            loaded = load_rubric(_Path(ref))
            if loaded.model is None:
                _print_problems(loaded.diagnostics)
                return 1
            rubrics.append(loaded.model)
        else:
            try:
                rubrics.append(library.rubric(ref))
            except LoadError as exc:
                _print_problems(exc.diagnostics)
                return 1
    reports = [calibrate(r) for r in rubrics]
    if args.json:
        print(json.dumps({"rubrics": [r.to_json() for r in reports]}, indent=2))
        return 0
    for report in reports:
        print(
            f"{report.rubric}: {len(report.examples)} examples, {report.exact_scores}/"
            f"{report.scores} scores exact, {report.within_one}/{report.scores} within one point"
        )
        for e in report.examples:
            if not e.exact:
                diff = ", ".join(
                    f"{k} expected {v} got {e.got[k]}"
                    for k, v in e.expected.items()
                    if e.got[k] != v
                )
                print(f"  [{e.index}] {e.reply[:70]!r}: {diff} (moves: {', '.join(e.got_moves)})")
    return 0


def _run_app(options: object) -> int:
    from sparring.tui.app import AppOptions, make_app

    assert isinstance(options, AppOptions)
    app = make_app(options)
    app.run()
    return 0 if app.return_code in (None, 0) else int(app.return_code)


def cmd_rehearse(args: argparse.Namespace) -> int:
    from sparring.tui.app import AppOptions

    if not _can_save_to(args.out):
        return 1
    # Check the scenario before the screen takes over, so problems print as text.
    if args.scenario is not None and load_scenario_ref(args.scenario, args.scenarios) is None:
        return 1
    return _run_app(
        AppOptions(
            scenario=args.scenario, seed=args.seed, out=args.out, scenario_dirs=args.scenarios
        )
    )


def cmd_replay(args: argparse.Namespace) -> int:
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.tui.app import AppOptions

    if args.transcript is None:
        return _run_app(AppOptions(history=True))
    try:
        data = read_transcript(args.transcript)
    except LoadError as exc:
        _print_problems(exc.diagnostics)
        return 1
    _print_problems(data.warnings)
    return _run_app(AppOptions(replay=args.transcript))


def cmd_history(args: argparse.Namespace) -> int:
    from sparring.adapters.files.transcripts import list_history

    entries = list_history()
    if args.json:
        print(
            json.dumps(
                {
                    "transcripts": [
                        {
                            "path": str(e.path),
                            "started_at": e.started_at,
                            "scenario": e.scenario_id,
                            "title": e.title,
                            "turns": e.turns,
                            "ending": e.ending,
                            "parent": e.parent,
                        }
                        for e in entries
                    ]
                },
                indent=2,
            )
        )
        return 0
    if not entries:
        print("no saved conversations yet", file=sys.stderr)
    for e in entries:
        ending = e.ending or "unfinished"
        started = e.started_at[:16].replace("T", " ")
        print(f"{started}  {e.title:<36} {e.turns:>2} replies  {ending:<12} {e.path}")
    return 0
