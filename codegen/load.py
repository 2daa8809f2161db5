"""Load the spec: YAML -> plain Python data, with a source location for every node.

Only plain data is built (str, int, float, bool, None, list, dict): YAML tags that would
construct other objects are rejected, and so are duplicate keys, which PyYAML silently merges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, Location, SpecError

# A path from the document root to a node: mapping keys and sequence indices.
NodePath = tuple

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
}


_SCALARS = yaml.constructor.SafeConstructor()


@dataclass
class Document:
    """The spec as plain data, plus where each value and each mapping key came from."""

    file: str
    data: object
    values: dict[NodePath, Location] = field(default_factory=dict)
    keys: dict[NodePath, Location] = field(default_factory=dict)

    def at(self, path: NodePath) -> Location:
        """Location of the value at ``path``, or of its nearest located ancestor."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return Location(self.file, 1, 1)

    def key_at(self, path: NodePath) -> Location:
        """Location of the mapping key that ends ``path`` (for unknown or duplicate keys)."""
        return self.keys.get(path) or self.at(path)


def load(path: Path, display_name: str | None = None) -> Document:
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError([Diagnostic(Location(name, 1, 1), f"cannot read the spec: {error}")])
    return loads(text, name)


def loads(text: str, name: str) -> Document:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name, 1, 1)
        problem = error.problem or error.context or "invalid YAML"
        message = f"YAML syntax error: {problem}"
        if error.context and error.problem:
            message += f" ({error.context})"
        raise SpecError([Diagnostic(where, message)])
    except yaml.YAMLError as error:  # e.g. more than one document
        raise SpecError([Diagnostic(Location(name, 1, 1), f"YAML error: {error}")])
    document = Document(name, None)
    if node is None:
        raise SpecError([Diagnostic(Location(name, 1, 1), "the spec is empty")])
    errors: list[Diagnostic] = []
    document.data = _build(node, (), document, errors)
    if errors:
        raise SpecError(errors)
    return document


def _location(document: Document, node: yaml.Node) -> Location:
    return Location(document.file, node.start_mark.line + 1, node.start_mark.column + 1)


_COLLECTION_TAGS = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}


def _build(node: yaml.Node, path: NodePath, document: Document, errors: list[Diagnostic]):
    document.values[path] = _location(document, node)
    expected = _COLLECTION_TAGS.get(type(node))
    if expected and node.tag != expected:
        message = f"unsupported YAML tag '{node.tag}': the spec holds plain data only"
        errors.append(Diagnostic(_location(document, node), message))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            where = _location(document, key_node)
            if not (
                isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:str"
            ):
                errors.append(Diagnostic(where, "mapping keys must be plain strings"))
                continue
            key = key_node.value
            if key == "<<":
                errors.append(
                    Diagnostic(where, "YAML merge keys ('<<') are not supported in the spec")
                )
                continue
            if key in result:
                first = document.keys[path + (key,)]
                errors.append(
                    Diagnostic(where, f"duplicate key '{key}' (first defined at line {first.line})")
                )
                continue
            document.keys[path + (key,)] = where
            result[key] = _build(value_node, path + (key,), document, errors)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), document, errors) for i, item in enumerate(node.value)]
    kind = _PLAIN_TAGS.get(node.tag)
    if kind is None:
        errors.append(
            Diagnostic(
                _location(document, node),
                f"unsupported YAML tag '{node.tag}': the spec holds plain data only",
            )
        )
        return None
    if kind == "str":
        return node.value
    # The safe constructor turns '1.5', 'true', '~' into float, bool, None; it builds nothing else.
    return _SCALARS.construct_object(node)
