"""The core never imports Qt (STYLE.md, habit 1): the CLI runs without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core
from tests.conftest import ROOT


def test_no_core_module_imports_pyside6():
    # walk_packages, not iter_modules: the importing/ subpackage's modules count too
    modules = [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]
    assert "reader.core.importing.pdf" in modules
    assert len(modules) >= 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import reader.cli, reader.resources\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
