"""Every UI string that goes through tr()/translate() has a Russian translation."""

from __future__ import annotations

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ui_strings() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in (ROOT / "accountmap").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helper_context = None
        for node in ast.walk(tree):  # a module-level tr() helper: which context it uses
            if isinstance(node, ast.FunctionDef) and node.name == "tr":
                for call in ast.walk(node):
                    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                            and call.func.attr == "translate" and call.args
                            and isinstance(call.args[0], ast.Constant)):
                        helper_context = call.args[0].value

        def visit(node, cls):
            for child in ast.iter_child_nodes(node):
                inner = child.name if isinstance(child, ast.ClassDef) else cls
                if isinstance(child, ast.Call) and child.args and isinstance(child.args[0], ast.Constant):
                    func = child.func
                    first = child.args[0].value
                    if isinstance(func, ast.Attribute) and func.attr == "tr" and cls:
                        found.add((cls, first))
                    elif isinstance(func, ast.Name) and func.id == "tr" and helper_context:
                        found.add((helper_context, first))
                    elif (isinstance(func, ast.Attribute) and func.attr == "translate"
                          and len(child.args) >= 2 and isinstance(child.args[1], ast.Constant)
                          and isinstance(first, str)):
                        found.add((first, child.args[1].value))
                visit(child, inner)

        visit(tree, None)
    return {(c, s) for c, s in found if isinstance(s, str) and s.strip()}


def russian() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((ROOT / "resources" / "translations" / "ru").glob("*.json")):
        for context, entries in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(entries)
    return merged


def test_every_ui_string_has_a_russian_translation():
    catalogue = russian()
    missing = sorted(f"{c}: {s!r}" for c, s in ui_strings() if s not in catalogue.get(c, {}))
    assert not missing, "missing Russian translations:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders():
    for context, entries in russian().items():
        for source, target in entries.items():
            for mark in ("%1", "%2", "%n"):
                assert (mark in source) == (mark in target), (context, source, target)
