"""File-system failures in plain words: what failed, on which path, and why."""

from __future__ import annotations

import errno

_CAUSE = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.ENOENT: "a folder on the path does not exist",
    errno.EEXIST: "something already exists there (perhaps a broken link)",
    errno.EISDIR: "that is a folder, not a file",
}


def explain_os_error(exc: OSError, doing: str) -> str:
    """One line: what failed, on which path, and why in plain words. `doing` is e.g. "write
    the transcript"; callers add what to do about it."""
    text = f"cannot {doing}"
    if exc.filename is not None:
        text += f" ({exc.filename})"
    return text + ": " + _CAUSE.get(exc.errno or 0, exc.strerror or type(exc).__name__)
