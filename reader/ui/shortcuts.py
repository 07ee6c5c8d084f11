"""Help › Keyboard shortcuts: every action with a shortcut, read from the actions themselves,
and the mouse gestures, in one table."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

MOUSE = (
    ("Click a word", "look it up: pinyin, meaning, equivalents, every occurrence"),
    ("Double-click a word", "select that word (to copy it)"),
    ("Rest the mouse on a word", "its pinyin and first gloss (View › Word hints on hover)"),
    ("Click an occurrence line", "scroll its statement there"),
    ("Enter in the find bar", "next hit; Shift+Enter the previous one"),
    ("Enter or Down in the glossary filter", "pick the best match"),
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for each action that has a shortcut, menu mnemonics removed."""
    rows = []
    for action in actions:
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if keys:
            rows.append((keys, action.text().replace("&", "").rstrip("…")))
    return rows


class ShortcutsDialog(QDialog):
    """A read-only table of keys and mouse gestures."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 560)
        self.text = QTextBrowser(self)
        self.text.setHtml(self.table_html(shortcut_rows(actions)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    @staticmethod
    def table_html(rows: list[tuple[str, str]]) -> str:
        def table(pairs: Iterable[tuple[str, str]]) -> str:
            cells = "".join(
                f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in pairs
            )
            return f"<table cellspacing='0' cellpadding='4'>{cells}</table>"

        return f"<h3>Keys</h3>{table(rows)}<h3>Mouse</h3>{table(MOUSE)}"
