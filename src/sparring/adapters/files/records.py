"""Files of labelled replies for `sparring judge-eval` (the schema of the shared calibration
data: `context`, `reply`, booleans `listening`, `inquiry`, `defensive`; optional
`meta.earlier`, the other person's earlier lines)."""

from __future__ import annotations

import json
from pathlib import Path

from sparring.adapters.files.limited_io import read_limited
from sparring.formats.common import MAX_REPLY_CHARS
from sparring.formats.diagnostics import Diagnostic, display_path
from sparring.judge.evaluation import SIGNALS, Record

MAX_RECORDS_BYTES = 200_000_000


def read_records(path: Path) -> tuple[list[Record], list[Diagnostic]]:
    """Records from a JSONL file; malformed lines are reported, not fatal."""
    shown = display_path(path)
    raw = read_limited(path, MAX_RECORDS_BYTES, shown, "file of labelled replies")
    records: list[Record] = []
    problems: list[Diagnostic] = []
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Diagnostic(shown, number, exc.colno, f"not valid JSON: {exc.msg}"))
            continue
        except RecursionError:
            problems.append(Diagnostic(shown, number, 1, "nested too deeply; skipped"))
            continue
        except ValueError as exc:  # e.g. an integer with thousands of digits
            problems.append(Diagnostic(shown, number, 1, f"not usable: {exc}; skipped"))
            continue
        if not isinstance(data, dict) or not isinstance(data.get("reply"), str):
            problems.append(
                Diagnostic(shown, number, 1, "expected an object with a 'reply' string")
            )
            continue
        if len(data["reply"]) > MAX_REPLY_CHARS:
            problems.append(
                Diagnostic(
                    shown, number, 1, f"the reply is longer than {MAX_REPLY_CHARS:,} characters"
                )
            )
            continue
        context = data.get("context")
        labels = {s: data[s] for s in SIGNALS if isinstance(data.get(s), bool)}
        meta = data.get("meta")
        earlier = meta.get("earlier") if isinstance(meta, dict) else None
        records.append(
            Record(
                id=str(data.get("id", number)),
                context=context if isinstance(context, str) else None,
                reply=data["reply"],
                labels=labels,
                line=number,
                earlier=tuple(e for e in earlier if isinstance(e, str))
                if isinstance(earlier, list)
                else (),
            )
        )
    return records, problems
