"""`sparring config path|show`: where the settings file is, and what is in force."""

from __future__ import annotations

import argparse
import json

from sparring.cli.commands.common import settings_from


def cmd_config(args: argparse.Namespace) -> int:
    from sparring.runtime.settings import describe
    from sparring.runtime.sources import config_path

    if args.action == "path":
        path = config_path()
        print(path)
        return 0
    loaded = settings_from(args)
    if loaded is None:
        return 1
    rows = describe(loaded)
    if args.json:
        data = {
            "path": str(loaded.path),
            "settings": {key: {"value": value, "source": source} for key, value, source in rows},
        }
        print(json.dumps(data, indent=2))
        return 0
    exists = "" if loaded.path and loaded.path.exists() else " (not created: defaults in force)"
    print(f"settings file: {loaded.path}{exists}")
    width = max(len(key) for key, _, _ in rows)
    for key, value, source in rows:
        print(f"  {key:<{width}}  {value or '-':<28}  {source}")
    return 0
