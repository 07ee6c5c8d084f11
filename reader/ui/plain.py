"""Data shown as text, never as markup.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) for message boxes and tool
tips, so a document title ``<img src="file:///dev/zero">`` or a file name with a tag in it
would be rendered as HTML (that title aborted the window with ``std::bad_alloc``). Everything
that shows data from a file goes through here: message boxes are set to plain text, and a tool
tip (which has no such switch) is escaped inside an explicit rich-text wrapper.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def plain_message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box that shows ``text`` exactly as it is."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def plain_tooltip(text: str) -> str:
    """A tool tip that reads exactly ``text``; text without a ``<`` (which Qt can only take
    as plain) is left as it is."""
    if "<" not in text:
        return text
    return f"<qt>{escape(text).replace(chr(10), '<br>')}</qt>"
