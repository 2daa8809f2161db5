"""Command line: ``python -m codegen [--check] [--spec FILE] [--templates DIR] [--out DIR]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .diagnostics import SpecError
from .pipeline import generate
from .write import differences, write_tree

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m codegen", description="Generate generated/ from the spec."
    )
    parser.add_argument("--spec", type=Path, default=ROOT / "spec" / "activations.yaml")
    parser.add_argument("--templates", type=Path, default=ROOT / "templates")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if --out is stale"
    )
    args = parser.parse_args(argv)
    shown = os.path.relpath(args.spec.resolve(), Path.cwd())
    try:
        files = generate(args.spec, args.templates, display_name=shown)
    except SpecError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        count = len(error.diagnostics)
        print(
            f"codegen: {count} error{'s' if count != 1 else ''}; {args.out.name}/ left unchanged",
            file=sys.stderr,
        )
        return 1
    if args.check:
        problems = differences(files, args.out)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print(
                f"codegen: {args.out.name}/ does not match the spec and templates; run `make generate`",
                file=sys.stderr,
            )
            return 1
        print(f"codegen: {args.out.name}/ is up to date ({len(files)} files)")
        return 0
    changed = write_tree(files, args.out)
    for line in changed:
        print(
            line.replace("stale:", "updated:")
            .replace("missing:", "created:")
            .replace("not generated from the spec:", "removed:")
        )
    print(
        f"codegen: {len(changed)} file{'s' if len(changed) != 1 else ''} changed in {args.out.name}/"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
