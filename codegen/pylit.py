"""Turn spec text into Python source that evaluates back to exactly that text.

Free text (summaries, LaTeX, docs) can hold quotes, triple quotes, backslashes and braces; it must
never change meaning or break the generated module, so every literal is checked by evaluating it.
"""

from __future__ import annotations

import ast


def docstring(text: str, indent: int) -> str:
    """A triple-quoted docstring literal for ``text``, indented for a body at ``indent`` spaces."""
    pad = " " * indent
    lines = text.strip("\n").split("\n")
    value = lines[0] + "".join("\n" + (pad + line if line.strip() else "") for line in lines[1:])
    value += "\n" + pad if len(lines) > 1 else ""
    # A raw string keeps LaTeX readable; fall back to escaping where a raw one cannot hold the text.
    for candidate in (f'r"""{value}"""', '"""' + _escape(value) + '"""'):
        try:
            if ast.literal_eval(candidate) == value:
                return candidate
        except (SyntaxError, ValueError):
            continue
    raise AssertionError(f"cannot write {text!r} as a docstring")  # unreachable: _escape is total


def _escape(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return escaped


def literal(value) -> str:
    """Python source for a plain value (str, number, bool, None, tuples and lists of them)."""
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return 'float("inf")' if value > 0 else '-float("inf")'
    source = repr(value)
    if ast.literal_eval(source) != value and value == value:  # NaN is never equal to itself
        raise AssertionError(f"{value!r} has no faithful literal")
    return source


def tuple_items(items) -> str:
    """The items of a tuple as source, to pack or unpack: "a, b", and "a," for one item (the
    trailing comma that makes it a tuple, and only there, where black would keep a magic one)."""
    return ", ".join(items) + ("," if len(items) == 1 else "")


def expression(source: str) -> str:
    """Canonical one-line source of a checked spec expression: no comments, no stray newlines."""
    return ast.unparse(ast.parse(source.strip(), mode="eval"))


_RST_SPECIAL = "\\`*_|<>[]"


def rst_text(text: str) -> str:
    """Free text as reStructuredText that shows exactly that text (no markup, no substitutions)."""
    return "".join("\\" + ch if ch in _RST_SPECIAL else ch for ch in " ".join(text.split()))
