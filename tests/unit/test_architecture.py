"""Layering: the core (domain, storage, briefing, layout) never imports Qt, and the layer
contract of pyproject.toml (checked by lint-imports) holds.

Checked statically (every import statement, also inside functions, and
`importlib.import_module("...")` / `__import__("...")` with a literal name) and at run
time (what `import accountmap.storage.workspace_file` really loads).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "accountmap"
CORE = ("domain", "storage", "briefing", "layout")
QT_ROOTS = {"PySide6", "shiboken6", "PySide2", "shiboken2", "PyQt5", "PyQt6", "sip"}
# Our own Qt layers: the core may not reach into them either.
QT_LAYERS = {f"accountmap.{name}" for name in ("app", "canvas", "panels", "document")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in `source`, wherever it is."""
    names: list[tuple[int, str]] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.append((node.lineno, target))
            names += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = (func.attr if isinstance(func, ast.Attribute)
                      else func.id if isinstance(func, ast.Name) else "")
            first = node.args[0]
            if called in ("import_module", "__import__") and isinstance(
                    first, ast.Constant) and isinstance(first.value, str):
                names.append((node.lineno, first.value))
    return names


def forbidden(name: str) -> bool:
    return name.split(".")[0] in QT_ROOTS or any(
        name == layer or name.startswith(layer + ".") for layer in QT_LAYERS)


def core_files() -> list[Path]:
    return sorted(p for layer in CORE for p in (PACKAGE / layer).rglob("*.py"))


def test_core_layers_never_import_qt() -> None:
    files = core_files()
    assert any(p.name == "workspace_file.py" for p in files)
    violations = [
        f"{path.relative_to(REPO)}:{line}: imports {name}"
        for path in files
        for line, name in imported_names(path.read_text(encoding="utf-8"),
                                         module_name(path), path.name == "__init__.py")
        if forbidden(name)
    ]
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("source", [
    "import PySide6.QtCore",
    "from PySide6 import QtGui",
    "def draw():\n    from PySide6.QtGui import QPainter\n",
    "class A:\n    def f(self):\n        import shiboken6\n",
    "import importlib\nmod = importlib.import_module('PySide6.QtWidgets')",
    "from ..document import editor",
    "from accountmap.canvas.common import view",
])
def test_the_checker_catches_every_kind_of_import(source: str) -> None:
    names = imported_names(source, "accountmap.storage.some_module")
    assert any(forbidden(name) for _line, name in names), names


def test_the_checker_allows_the_core_its_own_imports() -> None:
    source = "from . import errors\nfrom ..domain import models\nimport sqlite3\n"
    names = [n for _l, n in imported_names(source, "accountmap.storage.some_module")]
    assert "accountmap.storage.errors" in names and "accountmap.domain.models" in names
    assert not any(forbidden(n) for n in names)


def imported_at_run_time(module: str) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIMPORTTIME"}
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
              if line.startswith("import time:")}
    assert module in loaded
    return loaded


def test_opening_a_workspace_loads_neither_qt_nor_reportlab() -> None:
    loaded = imported_at_run_time("accountmap.storage.workspace_file")
    assert "accountmap.storage.lock" in loaded
    heavy = sorted(name for name in loaded
                   if name.split(".")[0] in {"reportlab", *QT_ROOTS})
    assert heavy == []


def test_the_layer_contract_holds() -> None:
    """pyproject.toml's [tool.importlinter] contracts: cli > app > canvas > panels >
    document > briefing > layout | storage > domain > catalogue, and no import cycle
    between the modules of any package. `lint-imports` names each offending import."""
    lint = Path(sys.executable).with_name("lint-imports")
    assert lint.exists(), "import-linter is a test dependency: run scripts/setup"
    result = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True,
                            cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout
