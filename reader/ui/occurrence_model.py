"""Occurrences as a flat Qt list model: for each document a header row, then a row per
occurrence.

Flat, with rows of one height, so that a word with thousands of occurrences costs only the
rows on screen: the view asks for those and no others (a tree would visit every row to lay
out its expanded branches). Each row's parts are made from the core's lazy occurrence list
when the row is shown; the panel's delegate draws them with the keyword emphasised.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.core.index import DocumentOccurrences, Occurrences, SpanGroup, SpanOccurrences
from reader.core.library import Placed

Index = QModelIndex | QPersistentModelIndex
SPAN_ROLE = Qt.ItemDataRole.UserRole + 10
KWIC_ROLE = Qt.ItemDataRole.UserRole + 11  # (paragraph label, left, match, right)
#: [(lang, aligned sentence, (start, end) of the equivalent in it or None)] of an occurrence
#: row, for the concordance.
TRANSLATION_ROLE = Qt.ItemDataRole.UserRole + 12
Renderings = Callable[[str, int], list[tuple[str, str, tuple[int, int] | None]] | None]
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_FONT = int(Qt.ItemDataRole.FontRole)


class OccurrenceModel(QAbstractListModel):
    """Header and occurrence rows, in the order the core gave the documents."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[DocumentOccurrences | SpanGroup] = []
        self._words: list[list[Placed]] | None = None  # the word each occurrence stands in
        self._orders: list[list[int]] | None = None  # standalone first, then by word
        self._header_rows: list[int] = []  # the row of each document's header
        self._rows = 0
        self._bold = QFont()
        self._bold.setBold(True)
        #: The aligned translation sentences of the occurrence at (document, start), when the
        #: library holds translations; None hides the concordance line.
        self.renderings: Renderings | None = None

    def set_occurrences(
        self,
        occurrences: Occurrences | SpanOccurrences,
        first: list[str] | None = None,
        words: list[list[Placed]] | None = None,
    ) -> None:
        """Show every document's occurrences: those in ``first`` (the panes) first, in that
        order, then the other documents that have any. ``words`` (one list per document, in
        the core's order) groups each document's rows: the term as a word of its own first,
        then inside other words, the most frequent word first."""
        self.beginResetModel()
        groups: list[DocumentOccurrences | SpanGroup] = list(occurrences.by_document)
        order = list(range(len(groups)))
        if first is not None:
            ids = [g.document.id for g in groups]
            shown = [ids.index(d) for d in first if d in ids]
            order = shown + [i for i, g in enumerate(groups) if ids[i] not in first and len(g)]
        self._groups = [groups[i] for i in order]
        self._words = [words[i] for i in order] if words is not None else None
        self._orders = _orders(occurrences.term, self._words) if self._words is not None else None
        self._header_rows, row = [], 0
        for group in self._groups:
            self._header_rows.append(row)
            row += 1 + len(group)
        self._rows = row
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._groups, self._header_rows, self._rows = [], [], 0
        self._words = self._orders = None
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def locate(self, row: int) -> tuple[int, int]:
        """(document group, occurrence number) of a row; the number is -1 for a header."""
        group = bisect_right(self._header_rows, row) - 1
        return group, row - self._header_rows[group] - 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self.locate(index.row())[1] < 0:
            return Qt.ItemFlag.ItemIsEnabled  # a header: not selectable, not an occurrence
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        group_number, number = self.locate(index.row())
        group = self._groups[group_number]
        if number < 0:
            if role in (_DISPLAY, _ACCESSIBLE):
                plural = "s" if len(group) != 1 else ""
                return f"{group.document.id} — {len(group)} occurrence{plural}"
            return self._bold if role == _FONT else None
        if role not in (_DISPLAY, _ACCESSIBLE, SPAN_ROLE, KWIC_ROLE, TRANSLATION_ROLE):
            return None
        if self._orders is not None:
            number = self._orders[group_number][number]
        occurrence = group[number]  # made only when shown
        if role == KWIC_ROLE:
            where = self._words[group_number][number] if self._words is not None else None
            label = ""
            if where is not None:  # the reading in that place, and the word it stands in
                inside = f" in {where.word}" if where.word != occurrence.match else ""
                label = f"{where.pinyin}{inside}  "
            return (
                f"¶{occurrence.paragraph}  {label}",
                occurrence.left,
                occurrence.match,
                occurrence.right,
            )
        if role == SPAN_ROLE:
            return (occurrence.document, occurrence.start, occurrence.end)
        if role == TRANSLATION_ROLE:
            if self.renderings is None:
                return None
            return self.renderings(occurrence.document, occurrence.start)
        return f"¶{occurrence.paragraph} {occurrence.context}"

    def row_of(self, hit: tuple[str, int, int]) -> int:
        """The row of the occurrence at ``hit`` (document id, start, end), or -1."""
        doc_id, start, end = hit
        for number, group in enumerate(self._groups):
            if group.document.id != doc_id:
                continue
            position = group.position(start, end)
            if position >= 0 and self._orders is not None:
                position = self._orders[number].index(position)
            if position >= 0:
                return self._header_rows[number] + 1 + position
        return -1

    def occurrence_rows(self) -> list[int]:
        headers = set(self._header_rows)
        return [row for row in range(self._rows) if row not in headers]


def _orders(term: str, placed: list[list[Placed]]) -> list[list[int]]:
    """Per document, occurrence numbers with the term alone first, then by word (the words
    most frequent over all documents first), each in text order."""
    from reader.core.occurrence_words import word_groups

    words = [[p.word for p in group] for group in placed]
    rank = {w: i for i, (w, _) in enumerate(word_groups(term, (w for g in words for w in g)))}
    return [sorted(range(len(g)), key=_by_rank(rank, g)) for g in words]


def _by_rank(rank: dict[str, int], group: list[str]) -> Callable[[int], tuple[int, int]]:
    return lambda i: (rank[group[i]], i)
