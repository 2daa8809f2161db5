"""Fuzz the generator with mutated specs: it succeeds, or exits with located diagnostics.

Never a traceback: every spec that validates must also render and format, and every failure
must be a SpecError whose diagnostics all read FILE:LINE:COL: error: ...
"""

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.diagnostics import SpecError
from codegen.fmt import format_tree
from codegen.load import loads
from codegen.render import render
from codegen.validate import validate

SMALL = (Path(__file__).parent / "data" / "small.yaml").read_text()
LINES = SMALL.splitlines()
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LOCATED = re.compile(r"^spec\.yaml:\d+:\d+: (error|hint): ", re.MULTILINE)

noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
values = st.one_of(
    noise,
    st.integers(-5, 5),
    st.floats(allow_nan=True),
    st.just("[1, 2]"),
    st.just("{a: 1}"),
    st.just("null"),
    st.just("true"),
    st.just('\'"""\''),
    st.just("'{{ x }}'"),
    st.just("'\\\\'"),
)


@st.composite
def mutated_specs(draw):
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["drop", "value", "insert", "key"]))
        if kind == "drop":
            del lines[index]
        elif kind == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(values)}"
        elif kind == "insert":
            lines.insert(index, " " * draw(st.integers(0, 6)) + str(draw(noise)))
        else:
            lines[index] = lines[index].replace(":", f"{draw(noise)}:", 1)
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_specs())
def test_mutated_specs_generate_or_fail_with_located_diagnostics(text):
    try:
        spec = validate(loads(text, "spec.yaml"))
    except SpecError as error:
        assert error.diagnostics
        for diagnostic in error.diagnostics:
            formatted = diagnostic.format()
            assert LOCATED.match(formatted), formatted
            assert diagnostic.location.line >= 1 and diagnostic.location.col >= 1
        return
    format_tree(render(spec, TEMPLATES))  # what validates must also render and format
