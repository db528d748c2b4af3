"""`sparring llm check`: is LLM mode ready, and if not, what to fix."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING, Literal

from sparring.cli.commands.common import llm_flags, print_problems, settings_from
from sparring.formats.diagnostics import LoadError

if TYPE_CHECKING:
    from sparring.adapters.llm.config import Endpoint

MARK = {True: "✓", False: "✗", None: "·"}
PARTS: tuple[Literal["voice", "judge"], ...] = ("voice", "judge")


def cmd_llm(args: argparse.Namespace) -> int:
    from sparring.adapters.llm.check import check_endpoint
    from sparring.runtime.llm_endpoints import llm_endpoint

    loaded = settings_from(args, **llm_flags(args, modes=False))
    if loaded is None:
        return 1
    settings = loaded.settings
    endpoints: dict[tuple[str, str], tuple[Endpoint, list[str]]] = {}
    try:
        for part in PARTS:
            endpoint = llm_endpoint(settings, part)
            same = endpoints.setdefault((endpoint.base_url, endpoint.model), (endpoint, []))
            same[1].append(part)
    except LoadError as exc:
        print_problems(exc.diagnostics)
        return 1
    usable = True
    for endpoint, parts in endpoints.values():
        key = (
            f"key from {loaded.source('llm.api_key')}"
            if endpoint.has_key
            else "no key (fine for a local server)"
        )
        print(f"{' and '.join(parts)}: {endpoint.base_url}, model {endpoint.model}, {key}")
        report = asyncio.run(check_endpoint(endpoint))
        for ok, text in report.lines:
            print(f"  {MARK[ok]} {text}")
        usable = usable and report.usable
    if usable:
        print("LLM mode is ready: sparring rehearse --voice llm --judge llm")
        return 0
    print("LLM mode is not ready: fix the first ✗ above, then run `sparring llm check` again.")
    return 1
