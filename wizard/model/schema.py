"""The JSON Schema (draft-07) of tree files, generated from spec.OBJECTS.

Editors use it for completion and checking as authors type; a test proves that it and the
loader accept and refuse the same files, which holds because both read the same spec.
"""

from __future__ import annotations

from typing import Any

from wizard.model.kinds import KINDS
from wizard.model.spec import (
    DATE,
    FACT,
    ITEM_ID,
    LINE,
    MAP_KEY_PATTERNS,
    NODE_ID,
    OBJECTS,
    TREE_ID,
    Field,
)

_TEXT: dict[str, Any] = {"type": ["string", "number"], "pattern": r"\S"}


def _field_schema(field: Field) -> dict[str, Any]:
    kind = field.type
    simple: dict[str, dict[str, Any]] = {
        "text": _TEXT,
        "line": {"type": ["string", "number"], "pattern": LINE},
        "int": {"type": "integer"},
        "bool": {"type": "boolean"},
        "format": {"const": 1},
        "date": {"type": "string", "pattern": DATE},
        "node_ref": {"type": "string", "pattern": NODE_ID},
        "item_ref": {"type": "string", "pattern": ITEM_ID},
        "tree_id": {"type": "string", "pattern": TREE_ID},
        "texts": {"type": "array", "items": _TEXT},
        "facts": {"type": "array", "items": {"$ref": "#/definitions/fact"}},
        "refs": {"type": "array", "items": {"type": "string"}},
        "condition": {"$ref": "#/definitions/condition"},
        "answers": {
            "type": "object",
            "propertyNames": {"pattern": NODE_ID},
            "additionalProperties": {
                "oneOf": [
                    {"type": "string", "pattern": ITEM_ID},
                    {"type": "array", "items": {"type": "string", "pattern": ITEM_ID}},
                ]
            },
        },
        "kind": {"enum": list(KINDS)},
        "next": {
            "oneOf": [
                {"type": "string", "pattern": NODE_ID},
                {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/route"}},
            ]
        },
    }
    if kind in simple:
        schema = dict(simple[kind])
    else:
        shape, _, name = kind.partition(":")
        ref = {"$ref": f"#/definitions/{name}"}
        if shape == "object":
            schema = ref
        elif shape == "list":
            schema = {"type": "array", "items": ref}
        else:
            schema = {
                "type": "object",
                "propertyNames": {"pattern": MAP_KEY_PATTERNS[name]},
                "additionalProperties": ref,
            }
    if field.doc:
        schema["description"] = field.doc
    return schema


def _object_schema(name: str) -> dict[str, Any]:
    fields = OBJECTS[name]
    return {
        "type": "object",
        "properties": {f.name: _field_schema(f) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def _node_schema() -> dict[str, Any]:
    """A node's allowed keys depend on its kind: one branch per kind."""
    fields = {f.name: _field_schema(f) for f in OBJECTS["node"]}
    branches = []
    for kind in KINDS.values():
        keys = sorted(kind.keys)
        branches.append(
            {
                "properties": {"kind": {"const": kind.name}, **{k: fields[k] for k in keys}},
                "required": ["kind", *kind.schema_required],
                "additionalProperties": False,
            }
        )
    return {"type": "object", "required": ["kind"], "oneOf": branches}


def tree_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {
        name: _object_schema(name) for name in OBJECTS if name not in ("tree", "node")
    }
    definitions["node"] = _node_schema()
    definitions["fact"] = {
        "type": "string",
        "pattern": FACT,
        "not": {"enum": ["always", "all", "any", "not"]},
    }
    definitions["condition"] = {
        "description": "A fact name, always, or {all: [...]}, {any: [...]}, {not: ...}.",
        "oneOf": [
            {"type": "string", "pattern": FACT},
            {
                "type": "object",
                "properties": {
                    "all": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"$ref": "#/definitions/condition"},
                    }
                },
                "required": ["all"],
                "additionalProperties": False,
            },
            {
                "type": "object",
                "properties": {
                    "any": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"$ref": "#/definitions/condition"},
                    }
                },
                "required": ["any"],
                "additionalProperties": False,
            },
            {
                "type": "object",
                "properties": {"not": {"$ref": "#/definitions/condition"}},
                "required": ["not"],
                "additionalProperties": False,
            },
        ],
    }
    root = _object_schema("tree")
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://triage-wizard.invalid/tree.schema.json",
        "title": "Triage Wizard tree (format 1)",
        **root,
        "definitions": definitions,
    }
