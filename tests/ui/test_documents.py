"""A library of documents in the window: panes chosen and remembered, counts over all,
occurrences in hidden documents, and importing by menu, clipboard and drag-and-drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.core.importing.store import import_path
from reader.core.library import Library
from reader.ui.import_dialog import ImportDialog, ImportRunner
from reader.ui.occurrence_model import SPAN_ROLE
from tests.samples import body, html_page


@pytest.fixture
def user_library(tmp_path: Path) -> Library:
    """The bundled statements plus two imported copies: a GB18030 text and a web page."""
    library = Library.open(user_folder=tmp_path / "documents")
    gb = tmp_path / "2016-gb.txt"
    gb.write_bytes(body("2016").encode("gb18030"))
    page = tmp_path / "2025.html"
    page.write_text(html_page("2025"), encoding="utf-8")
    import_path(library, gb, doc_id="gb")
    import_path(library, page, doc_id="web")
    return library


def _row_of(panel, doc_id: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(panel.model.rowCount()) if panel.model.id_at(r) == doc_id)


def _click_row(qtbot, panel, doc_id: str) -> None:  # type: ignore[no-untyped-def]
    table = panel.table
    rect = table.visualRect(panel.model.index(_row_of(panel, doc_id), 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_documents_panel_lists_all_and_two_panes_open(make_window, user_library):
    window = make_window(user_library)
    panel = window.documents_panel
    rows = [
        [panel.model.index(r, c).data() for c in (0, 2, 4)] for r in range(panel.model.rowCount())
    ]
    assert rows == [
        ["2016", "2016-06-25", "bundled"],
        ["2025", "2025-05-08", "bundled"],
        ["gb", "2016-06-25", "user"],
        ["web", "2025-05-08", "user"],
    ]
    assert list(window.views) == ["2016", "2025"]


def test_any_document_opens_in_any_pane_and_the_choice_is_remembered(
    qtbot, make_window, user_library
):
    window = make_window(user_library)
    panel = window.documents_panel
    _click_row(qtbot, panel, "web")
    qtbot.mouseClick(panel.open_buttons[0], Qt.MouseButton.LeftButton)
    assert list(window.views) == ["web", "2025"]
    assert window.splitter.widget(0) is window.views["web"]
    assert window.views["web"].visible_text() == user_library.document("web").text
    new_pane = window.views["web"].area  # dressed like the panes opened at start
    assert new_pane.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    panel.panes.setCurrentIndex(2)
    panel.panes.activated.emit(2)
    assert list(window.views) == ["web", "2025", "2016"]
    window.close()
    again = make_window(user_library)
    assert list(again.views) == ["web", "2025", "2016"]
    again.documents_panel.panes.activated.emit(0)
    assert list(again.views) == ["web"]


def test_glossary_counts_shown_documents_and_a_total(make_window, user_library):
    window = make_window(user_library)
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[3:] == ["2016", "2025", "All"]
    row = model.row_of("战略稳定")
    counts = user_library.counts("战略稳定")
    cells = [model.index(row, c).data() for c in (3, 4, 5)]
    assert cells == [str(counts["2016"]), str(counts["2025"]), str(sum(counts.values()))]
    assert counts["gb"] == counts["2016"] and counts["web"] == counts["2025"]


def test_occurrences_span_all_documents_and_a_hidden_one_opens_on_click(
    qtbot, make_window, user_library
):
    window = make_window(user_library)
    window.open_document("web", 0)
    window.select_term("战略稳定")
    model = window.panel.occurrence_model
    headers = [model.index(r, 0).data() for r in range(model.rowCount()) if model.locate(r)[1] < 0]
    assert [h.split(" — ")[0] for h in headers] == ["web", "2025", "2016", "gb"]
    row = next(
        r
        for r in range(model.rowCount())
        if (model.index(r, 0).data(SPAN_ROLE) or ("",))[0] == "gb"
    )
    span = model.index(row, 0).data(SPAN_ROLE)
    view = window.panel.occurrences
    view.scrollTo(model.index(row, 0))
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert list(window.views) == ["web", "gb"]
    assert window.views["gb"].layer_spans("selected") == [(span[1], span[2])]


def _wait_dialog(qtbot, window, start) -> ImportDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.importer.dialog_opened, timeout=10000) as blocker:
        start()
    return blocker.args[0]


def test_import_on_a_worker_thread_then_review_and_save(qtbot, make_window, tmp_path):
    library = Library.open(user_folder=tmp_path / "documents")
    window = make_window(library)
    source = tmp_path / "statement (GB18030).txt"
    source.write_bytes(body("2025").encode("gb18030"))
    dialog = _wait_dialog(qtbot, window, lambda: window.importer.import_files([source]))
    assert dialog.fields["date"].text() == "2025-05-08"
    assert dialog.fields["place"].text() == "莫斯科"
    assert "GB18030" in dialog.summary.text()
    assert "双方坚信" in dialog.preview.toPlainText()
    qtbot.keyClicks(dialog.fields["id"], "x")
    with qtbot.waitSignal(window.importer.document_added, timeout=5000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert "2025-05-08x" in window.views
    assert (tmp_path / "documents" / "2025-05-08x.txt").exists()
    assert window.documents_panel.model.rowCount() == 3


def test_a_bad_date_is_refused_in_the_dialog_and_nothing_is_saved(qtbot, make_window, tmp_path):
    library = Library.open(user_folder=tmp_path / "documents")
    window = make_window(library)
    QGuiApplication.clipboard().setText("没有日期的声明\n\n正文第一段。")
    dialog = _wait_dialog(qtbot, window, window.clipboard_action.trigger)
    assert dialog.fields["date"].text() == "" and dialog.fields["title"].text() == "没有日期的声明"
    dialog.fields["date"].setText("2025-02-30")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert "not YYYY-MM-DD" in dialog.error.text() and dialog.isVisible()
    assert library.document_ids() == ["2016", "2025"]


def test_a_bad_file_gets_a_message_and_the_window_goes_on(qtbot, make_window, tmp_path):
    library = Library.open(user_folder=tmp_path / "documents")
    window = make_window(library)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.importer.failed, timeout=5000) as blocker:
        window.importer.import_files([empty])
    assert str(empty) in blocker.args[0] and "empty" in blocker.args[0]
    assert str(empty) in window.statusBar().currentMessage()
    assert library.document_ids() == ["2016", "2025"]
    assert window.select_term("战略稳定")


def test_a_file_dropped_on_the_window_is_imported(qtbot, make_window, tmp_path):
    library = Library.open(user_folder=tmp_path / "documents")
    window = make_window(library)
    page = tmp_path / "page.html"
    page.write_text(html_page("2016"), encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(page))])

    def drop() -> None:  # what a drag from a file manager delivers: enter, then drop
        enter = QDragEnterEvent(
            QPoint(50, 50),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window, enter)
        assert enter.isAccepted()
        event = QDropEvent(
            QPoint(50, 50).toPointF(),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window, event)

    dialog = _wait_dialog(qtbot, window, drop)
    assert dialog.imported.kind == "html" and "相关新闻" in dialog.removed.toPlainText()


class _Receiver(QObject):
    """Lives on the test's thread, so the worker's signal is queued to it, as in the window."""

    heard = Signal()

    def on_cancelled(self) -> None:
        self.heard.emit()


def test_a_cancelled_import_reads_nothing(qtbot, tmp_path):
    source = tmp_path / "s.txt"
    source.write_text(body("2016"), encoding="utf-8")
    runner = ImportRunner(source)
    ready = []
    runner.ready.connect(ready.append)
    receiver = _Receiver()
    runner.cancelled.connect(receiver.on_cancelled)
    runner.cancel()
    with qtbot.waitSignal(receiver.heard, timeout=5000):
        runner.start()
    runner.worker_thread.wait()
    assert ready == []


def test_any_two_documents_of_a_library_of_fifty_side_by_side(qtbot, make_window, tmp_path):
    import random

    from tests.benchmarks.corpus import SEED, document_text, make_file_text, sentences

    folder = tmp_path / "documents"
    folder.mkdir()
    rng, pool = random.Random(SEED), sentences()
    for index in range(50):
        text = make_file_text(index, document_text(rng, pool, 2000))
        (folder / f"g{index:05d}.txt").write_text(text, encoding="utf-8")
    library = Library.open(user_folder=folder)
    window = make_window(library)
    assert window.documents_panel.model.rowCount() == 52 and list(window.views) == ["2016", "2025"]
    panel = window.documents_panel
    _click_row(qtbot, panel, "g00037")
    qtbot.mouseClick(panel.open_buttons[0], Qt.MouseButton.LeftButton)
    panel.table.scrollTo(panel.model.index(_row_of(panel, "g00012"), 1))
    _click_row(qtbot, panel, "g00012")
    qtbot.mouseClick(panel.open_buttons[1], Qt.MouseButton.LeftButton)
    assert list(window.views) == ["g00037", "g00012"]
    for doc_id, view in window.views.items():
        assert view.visible_text() == library.document(doc_id).text
    row = window.model.row_of("战略稳定")
    total = window.model.index(row, window.model.columnCount() - 1).data()
    assert total == str(sum(library.counts("战略稳定").values())) and int(total) > 18
