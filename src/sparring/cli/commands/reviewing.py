"""Looking back: history (through the session index) and compare."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sparring.cli.commands.common import print_problems

if TYPE_CHECKING:
    from sparring.adapters.files.session_index import History
    from sparring.session.comparison import Comparison
    from sparring.session.session_progress import Scoring, SessionEntry


def parse_since(text: str) -> datetime:
    """A date (YYYY-MM-DD, from local midnight) or a date and time; ValueError if neither."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        when = datetime.fromisoformat(text)
    else:
        when = datetime(day.year, day.month, day.day)
    return when if when.tzinfo else when.astimezone()


def read_history(args: argparse.Namespace) -> History | None:
    """The sessions the filters in `args` (scenario, since) select, problems printed; None
    when an argument is wrong."""
    from sparring.adapters.files.session_index import load_history

    since = None
    if getattr(args, "since", None):
        try:
            since = parse_since(args.since)
        except ValueError:
            print(
                f"sparring: --since '{args.since}' is not a date (use YYYY-MM-DD, or "
                "YYYY-MM-DDTHH:MM)",
                file=sys.stderr,
            )
            return None
    history = load_history(scenario=getattr(args, "scenario", None), since=since)
    print_problems(history.notes)
    print_problems(f"{s.path}: {s.problem}; skipped" for s in history.skipped)
    return history


def scoring_json(scoring: Scoring) -> dict[str, Any]:
    return {
        "judge": scoring.judge,
        "rubric": scoring.rubric,
        "dimensions": {
            d.id: {"name": d.name, "mean": d.mean, "replies": d.replies} for d in scoring.dimensions
        },
    }


def entry_json(e: SessionEntry) -> dict[str, Any]:
    return {
        "path": str(e.path),
        "started_at": e.started_at,
        "scenario": e.scenario_id,
        "title": e.title,
        "voice": e.voice,
        "judge": e.judge,
        "turns": e.turns,
        "ending": e.ending,
        "unfinished": e.unfinished,
        "parent": e.parent,
        "scores": {label: scoring_json(s) for label, s in e.scorings.items()},
    }


def scores_text(scoring: Scoring | None) -> str:
    if scoring is None:
        return "(not scored this way)"
    if not scoring.dimensions:
        return "(no replies scored)"
    return " · ".join(f"{d.name} {d.mean:.1f}" for d in scoring.dimensions)


def cmd_history(args: argparse.Namespace) -> int:
    from sparring.session.endings import ending_label

    history = read_history(args)
    if history is None:
        return 2
    entries = history.entries
    if args.json:
        # one session a line: readable, and the C encoder (an indented dump is pure Python,
        # several times slower with thousands of sessions)
        rows = ",\n".join(json.dumps(entry_json(e), ensure_ascii=False) for e in entries)
        skipped = json.dumps(
            [{"path": str(s.path), "problem": s.problem} for s in history.skipped],
            ensure_ascii=False,
        )
        sys.stdout.write(f'{{"transcripts": [\n{rows}\n], "skipped": {skipped}}}\n')
        return 0
    if not entries:
        print(
            "no saved conversations" + (" match" if args.scenario or args.since else " yet"),
            file=sys.stderr,
        )
    lines = []
    for e in entries:
        started = e.started_at[:16].replace("T", " ")
        modes = f"{e.voice}/{e.judge}"
        lines.append(
            f"{started}  {e.title:<36} {e.turns:>2} replies  {ending_label(e.ending):<12} "
            f"{modes:<18} {scores_text(e.scoring(args.scoring))}  {e.path}\n"
        )
    sys.stdout.write("".join(lines))  # one write: the guard on stdout is paid once
    return 0


# -- compare ----------------------------------------------------------------------------------


def comparison_json(c: Comparison) -> dict[str, Any]:
    return {
        "title": c.title,
        "same_scenario": c.same_scenario,
        "left": {
            "label": c.left_label,
            "path": c.left_path,
            "ending": c.left_ending,
            "turns": c.left_turns,
            "revealed": c.left_revealed,
        },
        "right": {
            "label": c.right_label,
            "path": c.right_path,
            "ending": c.right_ending,
            "turns": c.right_turns,
            "revealed": c.right_revealed,
        },
        "concerns": c.concerns,
        "dimensions": [
            {
                "id": d.dimension,
                "name": d.name,
                "left_mean": d.left_mean,
                "right_mean": d.right_mean,
                "change": d.change,
                "left": d.left,
                "right": d.right,
            }
            for d in c.dimensions
        ],
        "turns": [
            {
                "turn": t.number,
                "left": t.left,
                "right": t.right,
                "changes": t.changes,
                "moves_gained": t.gained,
                "moves_lost": t.lost,
            }
            for t in c.turns
        ],
    }


def comparison_lines(c: Comparison) -> list[str]:
    from sparring.session.endings import ending_label

    lines = [f"Compare: {c.title}"]
    if not c.same_scenario:
        lines.append("(attempts at different scenarios: the scores compare, the talks do not)")
    lines.append(f"  older (left):  {c.left_label}  {c.left_path}")
    lines.append(f"  newer (right): {c.right_label}  {c.right_path}")
    lines.append("")
    width = max([len(d.name) for d in c.dimensions] + [14])
    lines.append(f"{'':<{width}}  {'older':>7}  {'newer':>7}  {'change':>7}")
    lines.append(
        f"{'ending':<{width}}  {ending_label(c.left_ending):>7}  {ending_label(c.right_ending):>7}"
    )
    lines.append(f"{'replies':<{width}}  {c.left_turns:>7}  {c.right_turns:>7}")
    lines.append(
        f"{'concerns found':<{width}}  {f'{c.left_revealed}/{c.concerns}':>7}  "
        f"{f'{c.right_revealed}/{c.concerns}':>7}  {c.right_revealed - c.left_revealed:>+7d}"
    )
    for d in c.dimensions:
        left = f"{d.left_mean:.1f}" if d.left_mean is not None else "-"
        right = f"{d.right_mean:.1f}" if d.right_mean is not None else "-"
        change = f"{d.change:+.1f}" if d.change is not None else ""
        lines.append(f"{d.name:<{width}}  {left:>7}  {right:>7}  {change:>7}")
    lines.append("")
    lines.append("Turn by turn (older -> newer; a positive change is an improvement):")
    names = {d.dimension: d.name for d in c.dimensions}
    for t in c.turns:
        parts = []
        for dim, name in names.items():
            before, after = t.left.get(dim), t.right.get(dim)
            shown = f"{'-' if before is None else before}->{'-' if after is None else after}"
            delta = t.changes.get(dim)
            parts.append(f"{name} {shown}" + (f" ({delta:+d})" if delta else ""))
        lines.append(f"  reply {t.number}: " + ", ".join(parts))
        if t.gained or t.lost:
            moves = []
            if t.gained:
                moves.append("now " + ", ".join(m.replace("_", " ") for m in t.gained))
            if t.lost:
                moves.append("no longer " + ", ".join(m.replace("_", " ") for m in t.lost))
            lines.append("           moves: " + "; ".join(moves))
    lines.append("")
    lines.append("Older on the left, newer on the right: a positive change is an improvement.")
    return lines


def cmd_compare(args: argparse.Namespace) -> int:
    from sparring.adapters.files.transcripts import read_transcript
    from sparring.formats.diagnostics import LoadError
    from sparring.session.comparison import compare_attempts

    try:
        first, second = read_transcript(args.first), read_transcript(args.second)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    print_problems([*first.warnings, *second.warnings])
    if Path(args.first).resolve() == Path(args.second).resolve():
        print("sparring: that is the same conversation twice; give two", file=sys.stderr)
        return 1
    comparison = compare_attempts(first, second)
    if args.json:
        print(json.dumps(comparison_json(comparison), indent=2, ensure_ascii=False))
    else:
        for line in comparison_lines(comparison):
            print(line)
    return 0
