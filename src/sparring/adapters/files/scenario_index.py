"""A small cache of the scenario list, so the app's first screen appears at once.

Listing scenarios means parsing and validating every YAML file. The index remembers, per file,
its size and modification time and the entry it produced; when no file changed, the picker is
drawn from the index alone. Any change (a new, edited or deleted file) falls back to a real
listing, which rewrites the index. Scenarios are still fully checked when a rehearsal starts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from sparring.adapters.files import paths
from sparring.formats.entries import ScenarioEntry
from sparring.formats.untrusted import visible_data

INDEX_VERSION = 1
YAML_SUFFIXES = (".yaml", ".yml")


def sources(extra_dirs: Sequence[Path] = ()) -> list[tuple[str, Path]]:
    """Where scenarios come from, in precedence order (the same as catalog.Library)."""
    return [
        *[("folder", Path(d)) for d in extra_dirs],
        ("user", paths.user_scenarios_dir()),
        ("shipped", paths.shipped_scenarios_dir()),
    ]


def _fingerprint(folders: Sequence[tuple[str, Path]]) -> dict[str, list[int]]:
    prints: dict[str, list[int]] = {}
    for _, folder in folders:
        if not folder.is_dir():
            continue
        for root, _, files in os.walk(folder):
            for name in files:
                if name.endswith(YAML_SUFFIXES):
                    path = os.path.join(root, name)
                    try:
                        st = os.stat(path)
                    except OSError:
                        continue
                    prints[path] = [st.st_size, st.st_mtime_ns]
    return prints


def index_path() -> Path:
    return paths.data_home() / "cache" / "scenarios.json"


def cached(extra_dirs: Sequence[Path] = ()) -> tuple[list[ScenarioEntry], int] | None:
    """(entries, number of unusable files) from the index, or None when it is stale."""
    folders = sources(extra_dirs)
    try:
        data = json.loads(index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("version") != INDEX_VERSION
        or data.get("sources") != [[k, str(p)] for k, p in folders]
        or data.get("files") != _fingerprint(folders)
    ):
        return None
    try:
        entries = [ScenarioEntry.from_json(visible_data(e)) for e in data["entries"]]
    except (KeyError, TypeError):
        return None
    return entries, int(data.get("problems", 0))


def store(entries: Sequence[ScenarioEntry], problems: int, extra_dirs: Sequence[Path] = ()) -> None:
    folders = sources(extra_dirs)
    data = {
        "version": INDEX_VERSION,
        "sources": [[k, str(p)] for k, p in folders],
        "files": _fingerprint(folders),
        "entries": [{**e.to_json(), "order": e.order} for e in entries],
        "problems": problems,
    }
    target = index_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs speed
