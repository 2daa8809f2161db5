"""After the build: every activation has a page, and every page shows its plot (an existing file).

Usage: python -m tools.verify_docs build/docs/html
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from codegen.pipeline import load_spec


def problems(html: Path) -> list[str]:
    spec = load_spec()
    found = []
    for activation in spec.activations:
        page = html / "activations" / f"{activation.name}.html"
        if not page.exists():
            found.append(f"{activation.name}: no page")
            continue
        images = re.findall(r'<img[^>]+src="([^"]+)"', page.read_text())
        plots = [src for src in images if src.endswith(f"{activation.name}.svg")]
        if not plots:
            found.append(f"{activation.name}: its page shows no plot")
        elif (
            not (page.parent / plots[0]).resolve().is_file()
            or (page.parent / plots[0]).stat().st_size == 0
        ):
            found.append(f"{activation.name}: plot {plots[0]} is missing")
    return found


def main(argv=None) -> int:
    html = Path((argv or sys.argv[1:])[0])
    found = problems(html)
    for line in found:
        print(line, file=sys.stderr)
    print(
        f"verify_docs: {len(found)} problems"
        if found
        else "verify_docs: every activation has a page with a plot"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
