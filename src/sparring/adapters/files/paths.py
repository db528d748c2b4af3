"""Where sparring keeps things: shipped content, and the user's own files (platformdirs).

`SPARRING_HOME` overrides the user data folder (the tests use it; so can a user who keeps
everything in one place).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "sparring"
_PACKAGE_DIR = Path(__file__).resolve().parents[2]  # src/sparring


def _shipped(kind: str) -> Path:
    # A wheel carries the content inside the package; a source checkout (editable install)
    # has it at the top of the repository.
    inside = _PACKAGE_DIR / "_shipped" / kind
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent.parent / kind


def shipped_scenarios_dir() -> Path:
    return _shipped("scenarios")


def shipped_rubrics_dir() -> Path:
    return _shipped("rubrics")


def shipped_docs_dir() -> Path:
    """The guides `sparring docs` prints (docs/ in a source checkout)."""
    return _shipped("docs")


def data_home() -> Path:
    override = os.environ.get("SPARRING_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_scenarios_dir() -> Path:
    return data_home() / "scenarios"


def user_rubrics_dir() -> Path:
    return data_home() / "rubrics"


def transcripts_dir() -> Path:
    return data_home() / "transcripts"


def cache_dir() -> Path:
    """Things sparring can always rebuild (the scenario index, check results). Inside
    SPARRING_HOME when that is set, else the platform's cache folder."""
    if os.environ.get("SPARRING_HOME"):
        return data_home() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def trials_dir() -> Path:
    """Headless runs (`sparring run` without --out): kept apart from rehearsals."""
    return data_home() / "trials"


def schemas_dir() -> Path:
    return data_home() / "schemas"


def check_writable(folder: Path) -> None:
    """Raise OSError (with the path) unless files can be created in `folder` (made if
    missing): checked before the app starts, so the user hears it before typing a reply."""
    import errno
    import tempfile

    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(folder)) from None
