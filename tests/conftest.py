"""Shared fixtures. Every test runs with its own sparring home, so nothing touches the user's
real data folder, and real network calls are impossible."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "scenarios"
RUBRICS = REPO / "rubrics"
FLAGSHIP = SCENARIOS / "frustrated-sales-director.yaml"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything that drives the app or other processes is slow: `pytest -m "not slow"`
    runs the unit tests, the inner loop, in well under a minute."""
    for item in items:
        if {"tui", "system"} & set(Path(str(item.path)).parts[-3:-1]):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def checked_shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The check results of the shipped scenarios, computed once per test run (the
    reachability search is the slow part of loading a scenario)."""
    home = tmp_path_factory.mktemp("warm-home")
    previous = os.environ.get("SPARRING_HOME")
    os.environ["SPARRING_HOME"] = str(home)
    try:
        from sparring.adapters.files.library import Library

        Library(include_user=False).scenarios()
    finally:
        if previous is None:
            del os.environ["SPARRING_HOME"]
        else:
            os.environ["SPARRING_HOME"] = previous
    return home / "cache" / "checks"


@pytest.fixture(autouse=True)
def sparring_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checked_shipped: Path
) -> Iterator[Path]:
    home = tmp_path / "sparring-home"
    # every test starts with the shipped scenarios' checks remembered, as after a first run
    if checked_shipped.is_dir():
        shutil.copytree(checked_shipped, home / "cache" / "checks")
    monkeypatch.setenv("SPARRING_HOME", str(home))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SPARRING_API_KEY", "SPARRING_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def flagship_text() -> str:
    return FLAGSHIP.read_text(encoding="utf-8")


async def play_flagship(target: Path, replies: Sequence[str], now: datetime, seed: int = 0) -> Path:
    """A flagship transcript at `target`, played by the engine (no app), started at `now`."""
    from sparring.adapters.files.library import Library
    from sparring.adapters.files.transcripts import TranscriptWriter
    from sparring.session.live import Session

    library = Library(include_user=False)
    scenario, path = library.resolve_scenario(str(FLAGSHIP))
    rubric, session_rubric = library.rubrics_for(scenario, path)
    session = await Session.start(
        scenario,
        rubric,
        session_rubric=session_rubric,
        seed=seed,
        recorder=TranscriptWriter(target),
        now=now,
    )
    for reply in replies:
        await session.submit(reply)
    session.close()
    return target
