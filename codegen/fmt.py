"""Format generated Python with black, pinned in pyproject.toml so output is byte-stable."""

from __future__ import annotations

import black

_MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)


def format_tree(files: dict[str, str]) -> dict[str, str]:
    return {
        path: (black.format_str(text, mode=_MODE) if path.endswith(".py") else text)
        for path, text in files.items()
    }
