"""Rehearsing commands: rehearse and replay (the app), run (headless)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sparring.adapters.files.errors import explain_os_error
from sparring.cli.commands.common import (
    llm_flags,
    plural,
    print_problems,
    settings_from,
    settings_given,
)
from sparring.formats.diagnostics import LoadError

if TYPE_CHECKING:
    from sparring.formats.entries import ScenarioEntry
    from sparring.runtime.settings import Settings


def _can_save_to(out: Path | None, *, trial: bool = False) -> bool:
    """Whether a transcript can be written to --out (or the usual folder); says why not."""
    from sparring.adapters.files import paths

    if out is not None and (out.exists() or out.is_symlink()):
        print(f"{out}: already exists; choose another --out", file=sys.stderr)
        return False
    if out is not None:
        folder = out.parent
    else:
        folder = paths.trials_dir() if trial else paths.transcripts_dir()
    try:
        paths.check_writable(folder)
    except OSError as exc:
        exc.filename = exc.filename or str(folder)
        fix = (
            "choose another --out"
            if out is not None
            else "set SPARRING_HOME to a folder you can write to, or use --out FILE"
        )
        print(f"sparring: {explain_os_error(exc, 'save the conversation')}; {fix}", file=sys.stderr)
        return False
    return True


def cmd_run(args: argparse.Namespace) -> int:
    from sparring.adapters.files.replies import load_replies
    from sparring.cli.run_output import render_text, run_json
    from sparring.runtime.headless import run
    from sparring.runtime.rehearsal import RehearsalSpec

    loaded = settings_from(args, **llm_flags(args))
    if loaded is None:
        return 1
    try:
        replies = load_replies(args.replies)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    if not _can_save_to(args.out, trial=True):
        return 1
    spec = RehearsalSpec(
        settings=loaded.settings,
        scenario=args.scenario,
        seed=args.seed,
        out=args.out,
        scenario_dirs=tuple(args.scenarios),
        purpose="trial",
    )
    try:
        result = asyncio.run(run(spec, replies))
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    except OSError as exc:  # the transcript could not even be created
        print(f"sparring: {explain_os_error(exc, 'create the transcript')}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(run_json(result), indent=2, ensure_ascii=False))
    else:
        for line in render_text(result):
            print(line)
    if result.failure is not None:
        print(
            f"sparring: {explain_os_error(result.failure, 'write the transcript')}. "
            f"The opening and {plural(len(result.turns), 'reply', 'replies')} before it were "
            f"saved in {result.transcript}.",
            file=sys.stderr,
        )
        return 1
    return 0


def _llm_ready(settings: object) -> bool:
    """Whether LLM mode, if asked for, is configured; says what to set if not (before the
    app starts, so the message is not lost behind a screen)."""
    from sparring.runtime.llm_endpoints import require_llm
    from sparring.runtime.settings import Settings

    assert isinstance(settings, Settings)
    try:
        require_llm(settings)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return False
    return True


def _run_app(options: object) -> int:
    from sparring.tui.app import AppOptions, make_app

    assert isinstance(options, AppOptions)
    app = make_app(options)
    app.run()
    if app.exit_note:
        print(app.exit_note)
    return 0 if app.return_code in (None, 0) else int(app.return_code)


def _scenario_entry(ref: str, scenario_dirs: list[Path]) -> ScenarioEntry | None:
    """The scenario a `rehearse` argument names, as lists show it; None with the problem
    printed. An id is found in the scenario index (nothing is loaded when no file changed);
    a file is loaded and checked here, so its problems print as text before the app starts."""
    from sparring.adapters.files import scenario_index
    from sparring.formats.diagnostics import Diagnostic, did_you_mean

    candidate = Path(ref).expanduser()
    if candidate.suffix in (".yaml", ".yml") or "/" in ref or candidate.exists():
        from sparring.adapters.files.library import Library, entry_for

        try:
            scenario, path = Library(scenario_dirs=scenario_dirs).resolve_scenario(ref)
        except LoadError as exc:
            print_problems(exc.diagnostics)
            return None
        return entry_for(scenario, "folder", path)
    listing = scenario_index.listing(scenario_dirs)
    entry = listing.find(ref)
    if entry is None:
        ids = [e.id for e in listing.entries]
        print(
            Diagnostic(
                ref,
                1,
                1,
                f"no scenario with the id '{ref}'{did_you_mean(ref, ids)}; "
                "`sparring list` shows the scenarios you can use",
            ),
            file=sys.stderr,
        )
    return entry


def cmd_rehearse(args: argparse.Namespace) -> int:
    from sparring.tui.app import AppOptions

    settings = None
    flags = llm_flags(args)
    if settings_given(args, **flags):  # else the defaults, without loading anything first
        loaded = settings_from(args, **flags)
        if loaded is None:
            return 1
        settings = loaded.settings
        if not _llm_ready(settings):
            return 1
    if args.resume is not None:
        return _resume(args.resume, settings)
    if not _can_save_to(args.out):
        return 1
    entry = None
    if args.scenario is not None:
        entry = _scenario_entry(args.scenario, args.scenarios)
        if entry is None:
            return 1
    return _run_app(
        AppOptions(
            settings=settings,
            scenario=str(entry.path) if entry else None,
            entry=entry,
            seed=args.seed,
            out=args.out,
            scenario_dirs=args.scenarios,
        )
    )


def _resume(path: Path, settings: Settings | None) -> int:
    """Open a saved, unfinished conversation where it stopped (its problems print first)."""
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.tui.app import AppOptions

    try:
        data = read_transcript(path)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    print_problems(data.warnings)
    if data.ending is not None:
        print(
            f"{path}: this conversation has ended; replay it with: sparring replay {path}",
            file=sys.stderr,
        )
        return 1
    return _run_app(AppOptions(settings=settings, resume=path))


def cmd_replay(args: argparse.Namespace) -> int:
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.tui.app import AppOptions

    settings = None
    if settings_given(args):
        loaded = settings_from(args)
        if loaded is None:
            return 1
        settings = loaded.settings
    if args.transcript is None:
        return _run_app(AppOptions(settings=settings, history=True))
    try:
        data = read_transcript(args.transcript)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    print_problems(data.warnings)
    return _run_app(AppOptions(settings=settings, replay=args.transcript))
