"""Put a rendered tree on disk all at once, or report how the disk differs from it.

The new tree is assembled in a sibling folder and swapped in with one atomic rename exchange
(Linux renameat2), so a reader or a killed run sees either the old tree or the new one. Runs
are serialised with a lock file. Files that only tools put there (caches, egg-info) are kept.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

# Paths inside generated/ that the generator does not own.
_FOREIGN = ("__pycache__", ".pytest_cache", ".egg-info", ".hypothesis")


def _owned(relative: str) -> bool:
    return not any(part.endswith(_FOREIGN) for part in relative.split("/"))


def read_tree(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and _owned(p.relative_to(root).as_posix())
    }


def differences(files: dict[str, str], root: Path) -> list[str]:
    """Human-readable list of what is stale, missing or extra on disk; empty when up to date."""
    on_disk = read_tree(root)
    wanted = {path: text.encode("utf-8") for path, text in files.items()}
    problems = []
    for path in sorted(wanted.keys() | on_disk.keys()):
        if path not in on_disk:
            problems.append(f"missing: {root.name}/{path}")
        elif path not in wanted:
            problems.append(f"not generated from the spec: {root.name}/{path}")
        elif on_disk[path] != wanted[path]:
            problems.append(f"stale: {root.name}/{path}")
    return problems


@contextmanager
def _locked(root: Path):
    lock_path = root.parent / f"{root.name}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories; False where the platform or filesystem cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _recover(root: Path) -> None:
    """Finish a fallback swap that was interrupted between its two renames."""
    backup = root.parent / f"{root.name}.old"
    if not root.exists() and backup.exists():
        backup.rename(root)
    shutil.rmtree(backup, ignore_errors=True)
    for leftover in root.parent.glob(f"{root.name}.tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def write_tree(files: dict[str, str], root: Path) -> list[str]:
    """Make ``root`` hold exactly ``files`` (plus foreign files); return the changed paths."""
    with _locked(root):
        _recover(root)
        changes = differences(files, root)
        if not changes:
            return []
        staging = root.parent / f"{root.name}.tmp-{os.getpid()}"
        if root.exists():
            shutil.copytree(
                root, staging, symlinks=True
            )  # keeps foreign files and unchanged mtimes
        else:
            staging.mkdir(parents=True)
        _apply(files, staging)
        if not root.exists():
            staging.rename(root)
        elif _exchange(staging, root):
            shutil.rmtree(staging)
        else:
            backup = root.parent / f"{root.name}.old"
            root.rename(backup)
            staging.rename(root)
            shutil.rmtree(backup)
        return changes


def _apply(files: dict[str, str], root: Path) -> None:
    existing = read_tree(root)
    for path in existing.keys() - files.keys():
        (root / path).unlink()
    for path, text in files.items():
        data = text.encode("utf-8")
        if existing.get(path) != data:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if _owned(folder.relative_to(root).as_posix()) and not any(folder.iterdir()):
            folder.rmdir()
