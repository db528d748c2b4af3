"""Authoring commands: validate, new, schema, list."""

from __future__ import annotations

import argparse
import json
import sys

from sparring.adapters.files.errors import explain_os_error
from sparring.cli.commands.common import plural, print_problems


def cmd_validate(args: argparse.Namespace) -> int:
    from sparring.adapters.files.authoring import validate_paths

    report = validate_paths(args.paths)
    for diagnostic in report.diagnostics:
        print(diagnostic)
    print(
        f"checked {plural(report.files, 'file')}: {plural(report.errors, 'error')}, "
        f"{plural(report.warnings, 'warning')}",
        file=sys.stderr,
    )
    return 1 if report.errors else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from sparring.authoring.schema import schema_for

    text = json.dumps(schema_for(args.kind), indent=2) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"sparring: {explain_os_error(exc, 'write the schema')}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}", file=sys.stderr)
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
        target.write_text(scenario_template(args.name, schema_ref=schema.as_uri()), "utf-8")
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
    from sparring.adapters.files import paths, scenario_index

    listed = scenario_index.listing(args.scenarios)
    entries, problems = listed.entries, listed.problems
    if args.json:
        print(json.dumps({"scenarios": [e.to_json() for e in entries]}, indent=2))
    else:
        width = max((len(e.id) for e in entries), default=10)
        for entry in entries:
            print(f"{entry.id:<{width}}  {entry.difficulty:<6}  {entry.title}  [{entry.source}]")
        print(f"\nyour own scenarios: {paths.user_scenarios_dir()}", file=sys.stderr)
    if problems:
        print("\nthese files could not be used:", file=sys.stderr)
        print_problems(problems)
    return 0
