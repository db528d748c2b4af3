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
from dataclasses import dataclass
from pathlib import Path

from sparring import __version__
from sparring.adapters.files import paths
from sparring.formats.entries import ScenarioEntry
from sparring.formats.untrusted import visible, visible_data

INDEX_VERSION = 2
YAML_SUFFIXES = (".yaml", ".yml")


def sources(extra_dirs: Sequence[Path] = ()) -> list[tuple[str, Path]]:
    """Where scenarios come from, in precedence order (the same as library.Library), and the
    rubric folders their checks depend on."""
    return [
        *[("folder", Path(d)) for d in extra_dirs],
        ("user", paths.user_scenarios_dir()),
        ("shipped", paths.shipped_scenarios_dir()),
        ("rubrics", paths.user_rubrics_dir()),
        ("rubrics", paths.shipped_rubrics_dir()),
        *[("rubrics", Path(d).parent / "rubrics") for d in extra_dirs],
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
    return paths.cache_dir() / "scenarios.json"


@dataclass(frozen=True)
class Listing:
    """The scenarios sparring can see, as last listed, and the problems of the other files."""

    entries: list[ScenarioEntry]
    problems: list[str]

    def find(self, scenario_id: str) -> ScenarioEntry | None:
        return next((e for e in self.entries if e.id == scenario_id), None)


def cached(extra_dirs: Sequence[Path] = ()) -> Listing | None:
    """The listing from the index, or None when any scenario or rubric file (or sparring
    itself) changed since it was written."""
    folders = sources(extra_dirs)
    try:
        data = json.loads(index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("version") != INDEX_VERSION
        or data.get("sparring") != __version__
        or data.get("sources") != [[k, str(p)] for k, p in folders]
        or data.get("files") != _fingerprint(folders)
    ):
        return None
    try:
        entries = [ScenarioEntry.from_json(visible_data(e)) for e in data["entries"]]
        problems = [visible(str(p)) for p in data["problems"]]
    except (KeyError, TypeError):
        return None
    return Listing(entries, problems)


def store(
    entries: Sequence[ScenarioEntry], problems: Sequence[object], extra_dirs: Sequence[Path] = ()
) -> None:
    folders = sources(extra_dirs)
    data = {
        "version": INDEX_VERSION,
        "sparring": __version__,
        "sources": [[k, str(p)] for k, p in folders],
        "files": _fingerprint(folders),
        "entries": [e.to_index() for e in entries],
        "problems": [str(p) for p in problems],
    }
    target = index_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs speed


def listing(extra_dirs: Sequence[Path] = ()) -> Listing:
    """The current listing: from the index when nothing changed (no YAML is read, nothing is
    validated), else from a real listing, which refreshes the index."""
    found = cached(extra_dirs)
    if found is not None:
        return found
    from sparring.adapters.files.library import Library

    entries, problems = Library(scenario_dirs=extra_dirs).scenarios()
    return Listing(entries, [str(p) for p in problems])
