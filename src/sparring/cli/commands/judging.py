"""Measuring judges: judge-eval (against labelled replies) and calibrate (against a rubric's
own examples). Both go through the Judge interface, so any judge can be measured."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from sparring.cli.commands.common import llm_flags, print_problems, settings_from
from sparring.formats.diagnostics import LoadError
from sparring.formats.rubric import Rubric


def _rubric(ref: str) -> Rubric:
    """A rubric by id (from the library) or by file. Raises LoadError."""
    from sparring.adapters.files.library import Library
    from sparring.adapters.files.model_files import load_rubric
    from sparring.formats.loading import require

    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        return require(load_rubric(Path(ref)))
    return Library().rubric(ref)


def _judge_failed(name: str, exc: Exception) -> int:
    """A judge that fails while measuring (an LLM endpoint that went away): one clear line."""
    reason = getattr(exc, "reason", None)
    if reason is None:
        raise exc
    print(f"sparring: the {name} judge failed: {reason}", file=sys.stderr)
    return 1


def cmd_judge_eval(args: argparse.Namespace) -> int:
    from sparring.adapters.files.records import read_records
    from sparring.judge.evaluation import evaluate, iter_errors, iter_lines
    from sparring.runtime.factory import build_judge

    loaded = settings_from(args, **llm_flags(args, modes=False))
    if loaded is None:
        return 1
    try:
        records, problems = read_records(args.file)
        rubric = _rubric(args.rubric)
        judge = build_judge(loaded.settings, args.judge)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    print_problems(problems)
    if not records:
        print(f"{args.file}: no usable records", file=sys.stderr)
        return 1
    try:
        report = asyncio.run(
            evaluate(
                records,
                judge,
                rubric,
                keep_errors=args.errors,
                assume_not=args.assume_not,
                situation=args.situation,
            )
        )
    except Exception as exc:
        return _judge_failed(judge.name, exc)
    if args.json:
        data = {"judge": judge.name, "situation": args.situation, **report.to_json()}
        print(json.dumps(data, indent=2))
        return 0
    print(f"{report.records} records, judge: {judge.name}, situation: {args.situation}")
    for line in iter_lines(report):
        print(line)
    for line in iter_errors(report):
        print(line)
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from sparring.adapters.files.library import Library
    from sparring.judge.calibration import calibrate
    from sparring.runtime.factory import build_judge

    loaded = settings_from(args, **llm_flags(args, modes=False))
    if loaded is None:
        return 1
    try:
        judge = build_judge(loaded.settings, args.judge)
        rubrics = [_rubric(ref) for ref in args.rubrics or sorted(Library().rubrics())]
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    try:
        reports = [asyncio.run(calibrate(r, judge)) for r in rubrics]
    except Exception as exc:
        return _judge_failed(judge.name, exc)
    if args.json:
        data = {"judge": judge.name, "rubrics": [r.to_json() for r in reports]}
        print(json.dumps(data, indent=2))
        return 0
    for report in reports:
        print(
            f"{report.rubric}: {len(report.examples)} examples, {report.exact_scores}/"
            f"{report.scores} scores exact, {report.within_one}/{report.scores} within one point "
            f"(judge: {judge.name})"
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
