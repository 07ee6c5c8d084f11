"""Guards against defects of the Qt binding that would crash the reader, not just misdraw.

PySide6 6.12.0 decremented the reference count of ``None`` on every access to a value-type
field (``ExtraSelection.cursor``, ``PaintContext.palette``), which the highlight layers and
the occurrence delegate do on every repaint: after a few hundred updates Python aborts with
"deallocating None". pyproject.toml excludes that release; this test checks the installed one.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QAbstractTextDocumentLayout, QTextCursor
from PySide6.QtWidgets import QTextEdit


def test_value_type_fields_do_not_corrupt_reference_counts(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("战略稳定" * 10)
    before = sys.getrefcount(None)
    for _ in range(200):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(edit.document())  # type: ignore[misc]
        _ = selection.cursor
        _ = QAbstractTextDocumentLayout.PaintContext().palette
    assert sys.getrefcount(None) - before > -100, (
        "this PySide6 corrupts refcounts; see pyproject.toml"
    )
