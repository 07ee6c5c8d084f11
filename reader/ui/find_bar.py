"""The find bar under the reading panes: a query, its scope, the count, and previous/next.

In the texts, typing highlights every place the query stands (hanzi, or pinyin of the
words) after a short pause; Enter and Shift+Enter step through them like F3. In the glossary,
typing narrows the panel's term list and Enter or Down picks the best match, as in the
panel's own filter box. The bar only announces; the window searches and keeps the selection.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

SEARCH_DELAY_MS = 250
SCOPES = {"text": "in the texts", "glossary": "in the glossary"}
PLACEHOLDERS = {
    "text": "Find: 领域, lingyu, ling3yu4…",
    "glossary": "Find a term: 延伸, yanshen, deterrence…",
}


class FindBar(QWidget):
    """Signals:
    search_requested(str): the query to find in the texts ("" to clear).
    step_requested(int): 1 for the next place, -1 for the previous.
    filter_requested(str): the query to narrow the glossary list with.
    pick_requested(): pick the glossary list's best match (Enter or Down).
    scope_changed(str): "text" or "glossary".
    closed(): the reader closed the bar.
    """

    search_requested = Signal(str)
    step_requested = Signal(int)
    filter_requested = Signal(str)
    pick_requested = Signal()
    scope_changed = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit(self, placeholderText=PLACEHOLDERS["text"])
        self.edit.setAccessibleName("Find in the texts")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.scope = QComboBox(self)
        for key, label in SCOPES.items():
            self.scope.addItem(label, key)
        self.scope.setAccessibleName("Where to find")
        self.count = QLabel("", self)
        self.count.setObjectName("findCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = self._button("◂", "Previous (Shift+Enter, Shift+F3)")
        self.next_button = self._button("▸", "Next (Enter, F3)")
        self.close_button = self._button("✕", "Close (Esc)")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._create_layout()
        self._timer.timeout.connect(self._on_timer_timeout)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.close_button.clicked.connect(self._on_close_clicked)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _create_layout(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.scope)
        layout.addWidget(self.count)
        for button in (self.previous_button, self.next_button, self.close_button):
            layout.addWidget(button)

    # -- state ----------------------------------------------------------------------------

    def query(self) -> str:
        return self.edit.text().strip()

    def current_scope(self) -> str:
        return str(self.scope.currentData())

    def set_scope(self, scope: str) -> None:
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))

    def set_count(self, index: int, total: int) -> None:
        """ "3 of 14", "14 found" before the first step, "not found"; "" with no query."""
        if not self.query():
            self.count.setText("")
        elif total == 0:
            self.count.setText("not found")
        elif index < 0:
            self.count.setText(f"{total} found")
        else:
            self.count.setText(f"{index + 1} of {total}")

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def search_now(self) -> None:
        """Run a pending search at once (Enter does not wait for the pause)."""
        if self._timer.isActive():
            self._timer.stop()
            self.search_requested.emit(self.query())

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if self.current_scope() == "glossary" and (enter or event.key() == Qt.Key.Key_Down):
                self.pick_requested.emit()
                return True
            if enter:
                self.search_now()
                back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step_requested.emit(-1 if back else 1)
                return True
        return super().eventFilter(watched, event)

    def _on_edit_text_changed(self, _text: str) -> None:
        if self.current_scope() == "text":
            self._timer.start()
        else:
            self.filter_requested.emit(self.query())

    def _on_timer_timeout(self) -> None:
        self.search_requested.emit(self.query())

    def _on_scope_changed(self, _index: int) -> None:
        scope = self.current_scope()
        self.edit.setPlaceholderText(PLACEHOLDERS[scope])
        self.count.setText("")
        self.scope_changed.emit(scope)

    def _on_close_clicked(self, _checked: bool = False) -> None:
        self.hide()
        self.closed.emit()
