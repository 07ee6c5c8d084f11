"""Adding a term until it is underlined and counted in both statements (issue 12).

Timed in the window, from the moment the user saves the dialog to the moment the event queue
is empty: the store transaction (a real SQLite file, fsync'd), the merged glossary rebuilt,
the glossary list reset, both panes' underlines found again in the visible text and drawn,
and the term's counts (asserted: both panes show the new underline where the term is on
screen, and the counts equal the texts' counts). Each round adds a different word of the
statements (a term candidate) scrolled into view in the pane that holds it, so nothing is
answered from a cache of the previous round. The dialog itself is not shown.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from reader.core.candidates import candidates
from reader.core.library import Library
from reader.core.store import Store
from reader.ui.fonts import BUNDLED_FAMILY, register_bundled_font
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.benchmarks.stats import median


def run(app: QApplication) -> dict[str, Any]:
    register_bundled_font()
    with tempfile.TemporaryDirectory(prefix="reader-bench-store-") as folder:
        library = Library.open(store=Store.open(Path(folder) / "reader.sqlite3"))
        window = MainWindow(library, Settings(Path(folder) / "bench.ini"), BUNDLED_FAMILY)
        window.resize(1400, 900)
        window.show()
        window.dock.raise_()  # the glossary list in front: its reset and repaint are timed
        _settle(app)
        words = [c.hanzi for d in ("2025", "2016") for c in candidates(library, d, 15)]
        times = [_add(app, window, library, word) for word in dict.fromkeys(words)]
        window.close()
    return {"term_add_ms": round(median(times), 1), "term_add_max_ms": round(max(times), 1)}


def _add(app: QApplication, window: MainWindow, library: Library, word: str) -> float:
    places = {d: library.document(d).text.find(word) for d in library.document_ids()}
    for doc_id, start in places.items():
        if start >= 0:
            window.views[doc_id].scroll_to(start, start + len(word))
    _settle(app)
    start_time = time.perf_counter()
    library.set_term(word)
    window.user_actions.glossary_changed.emit()
    counts = library.counts(word)
    _settle(app)
    elapsed = (time.perf_counter() - start_time) * 1000
    for doc_id, start in places.items():
        assert counts[doc_id] == library.document(doc_id).text.count(word)
        if start >= 0 and library.term_at(doc_id, start).text == word:
            assert (start, start + len(word)) in window.views[doc_id].shown_spans("glossary")
    assert window.model.row_of(word) >= 0
    return elapsed


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
