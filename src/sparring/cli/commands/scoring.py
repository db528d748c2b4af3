"""`sparring score`: saved conversations scored again by another judge or rubric. The
transcripts are never changed; each result is written beside its transcript."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sparring.cli.commands.common import print_problems, settings_from
from sparring.formats.diagnostics import Diagnostic, LoadError, display_path

if TYPE_CHECKING:
    from sparring.formats.rubric import Rubric
    from sparring.judge.base import Judge
    from sparring.session.rescoring import Rescoring


def transcripts_in(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The transcripts named, and those directly in the folders named (sorted)."""
    found: list[Path] = []
    problems = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.glob("*.jsonl") if not p.name.startswith("."))
            if not inside:
                problems.append(Diagnostic(display_path(path), 1, 1, "no transcripts (*.jsonl)"))
            found.extend(inside)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            problems.append(Diagnostic(display_path(path), 1, 1, "no such file or folder"))
    return list(dict.fromkeys(found)), problems


def _means(turns: list[dict[str, int]]) -> dict[str, float]:
    dims: dict[str, list[int]] = {}
    for scores in turns:
        for dim, score in scores.items():
            dims.setdefault(dim, []).append(score)
    return {dim: round(sum(v) / len(v), 1) for dim, v in dims.items()}


def result_json(path: Path, original: list[dict[str, int]], rescoring: Rescoring) -> dict[str, Any]:
    new = [{s.dimension: s.score for s in t.assessment.scores} for t in rescoring.turns]
    return {
        "transcript": str(path),
        "label": rescoring.label,
        "judge": rescoring.judge,
        "rubric": rescoring.rubric.id,
        "original_means": _means(original),
        "means": _means(new),
        "turns": [
            {
                "turn": t.turn,
                "scores": scores,
                "original_scores": original[i] if i < len(original) else {},
                "moves": [e.move.value for e in t.assessment.moves],
                "suggestion": t.assessment.suggestion,
            }
            for i, (t, scores) in enumerate(zip(rescoring.turns, new, strict=True))
        ],
    }


def _summary(result: dict[str, Any], names: dict[str, str]) -> str:
    parts = []
    for dim, mean in result["means"].items():
        before = result["original_means"].get(dim)
        shown = f"{before:.1f} -> {mean:.1f}" if before is not None else f"{mean:.1f}"
        parts.append(f"{names.get(dim, dim)} {shown}")
    return " · ".join(parts) or "no replies to score"


async def _score_all(
    files: list[Path], judge: Judge, rubric: Rubric | None, save: bool
) -> tuple[list[dict[str, Any]], int]:
    from sparring.adapters.files.errors import explain_os_error
    from sparring.adapters.files.scorings import write_scoring
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.cli.progress_bar import ProgressBar
    from sparring.session.record import ConversationRecord
    from sparring.session.rescoring import rescore

    results: list[dict[str, Any]] = []
    failed = 0
    bar = ProgressBar(len(files))
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        for done, path in enumerate(files):
            bar.update(done, path.name)
            try:
                data = read_transcript(path)
            except LoadError as exc:
                bar.close()
                print_problems(exc.diagnostics)
                failed += 1
                continue
            chosen = rubric or data.rubric
            original = [
                {s.dimension: s.score for s in t.assessment.scores}
                for t in ConversationRecord.from_saved(data).turns
            ]
            rescoring = await rescore(data, judge, chosen, scored_at=now)
            result = result_json(path, original, rescoring)
            result["dimension_names"] = {d.id: d.name for d in chosen.turn_dimensions}
            if save:
                try:
                    result["saved"] = str(write_scoring(path, rescoring))
                except OSError as exc:
                    bar.close()
                    print(
                        f"sparring: {explain_os_error(exc, 'save the scoring')}; "
                        "use --no-save to print the results only",
                        file=sys.stderr,
                    )
                    failed += 1
            results.append(result)
        bar.update(len(files))
    finally:
        bar.close()
    return results, failed


def cmd_score(args: argparse.Namespace) -> int:
    from sparring.cli.commands.judging import _rubric
    from sparring.runtime.factory import build_judge

    loaded = settings_from(args)
    if loaded is None:
        return 1
    try:
        judge = build_judge(loaded.settings, args.judge)
        rubric = _rubric(args.rubric) if args.rubric else None
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    if rubric is not None and not rubric.turn_dimensions:
        print(
            f"sparring: the rubric '{rubric.id}' scores whole conversations, not replies; "
            "choose one with per-reply dimensions",
            file=sys.stderr,
        )
        return 1
    files, problems = transcripts_in(args.paths)
    print_problems(problems)
    if not files:
        return 1
    results, failed = asyncio.run(_score_all(files, judge, rubric, not args.no_save))
    if args.json:
        print(json.dumps({"judge": judge.name, "results": results}, indent=2, ensure_ascii=False))
    else:
        for r in results:
            print(f"{r['transcript']}: {r['label']}: {_summary(r, r['dimension_names'])}")
            if "saved" in r:
                print(f"  saved beside it: {Path(r['saved']).name}")
        if results:
            label = results[0]["label"]
            print(f"history and report show it with --scoring {label}")
    return 1 if failed or problems else 0
