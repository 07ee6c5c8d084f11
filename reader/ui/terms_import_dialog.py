"""File › Import terms…: the core's preview of a termbase, entry by entry, for the user to choose.

One row an entry that would change something: new entries, entries the termbase adds to (it
fills fields that are empty here) and entries in conflict, with each changed field as "mine →
theirs". "Import" (ticked for all) leaves an entry out when unticked; "Use theirs" (unticked:
conflicts keep the user's values) takes the termbase's values for that entry. Entries that are
the same are only counted. Nothing is decided here: ``choices()`` gives the core's ``apply``
its ``skip`` and ``replace`` sets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.termbase import Preview
from reader.core.userterms import FieldValue

_STATUS = {"new": "new", "adds": "adds to yours", "conflict": "in conflict"}


def _show(value: FieldValue) -> str:
    if isinstance(value, tuple):
        return "; ".join(value) or "—"
    return value or "—"


class TermsImportDialog(QDialog):
    """The preview as a table with a tick to import and a tick to take the termbase's side."""

    def __init__(self, plan: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import terms from {plan.path.name}")
        self.plan = plan
        self.items = [item for item in plan.items if item.status != "same"]
        counts = plan.counts()
        summary = QLabel(
            f"{counts['new']} new, {counts['adds']} adding to an entry, {counts['conflict']} in"
            f" conflict, {counts['same']} the same"
            + (f"; {len(plan.skipped)} skipped (not terms)" if plan.skipped else ""),
            self,
        )
        summary.setToolTip("\n".join(plan.skipped))
        self.table = QTableWidget(len(self.items), 5, self)
        self.table.setHorizontalHeaderLabels(["Import", "Use theirs", "Term", "What", "Changes"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, item in enumerate(self.items):
            self.table.setItem(row, 0, _tick(True))
            if item.status == "conflict":
                self.table.setItem(row, 1, _tick(False))
            else:
                self.table.setItem(row, 1, QTableWidgetItem(""))
            self.table.setItem(row, 2, QTableWidgetItem(item.hanzi))
            self.table.setItem(row, 3, QTableWidgetItem(_STATUS[item.status]))
            changes = "\n".join(
                f"{c.field}: {_show(c.current)} → {_show(c.incoming)}" for c in item.changes
            ) or "\n".join(f"{k}: {_show(v)}" for k, v in item.incoming.fields.items())
            self.table.setItem(row, 4, QTableWidgetItem(changes))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _ticked(self, row: int, column: int) -> bool:
        cell = self.table.item(row, column)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def choices(self) -> tuple[frozenset[str], frozenset[str]]:
        """(entries not to import, conflicts where the termbase's values win)."""
        skip = {item.hanzi for row, item in enumerate(self.items) if not self._ticked(row, 0)}
        replace = {
            item.hanzi
            for row, item in enumerate(self.items)
            if item.status == "conflict" and self._ticked(row, 1)
        }
        return frozenset(skip), frozenset(replace)


def _tick(on: bool) -> QTableWidgetItem:
    item = QTableWidgetItem("")
    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    return item
