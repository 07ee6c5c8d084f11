"""Marking words known in the window: kept in the store, counted in the headers, and followed
by the pinyin over unknown words and the tint."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from reader.core.coverage import header_counts, header_text
from reader.core.library import Library
from reader.core.store import Store


def test_marking_words_known_updates_headers_pinyin_and_tint(make_window, tmp_path):
    library = Library.open(store=Store.open(tmp_path / "user.sqlite3"))
    window = make_window(library)
    QGuiApplication.processEvents()
    view = window.views["2025"]
    assert "known 0% of words" in view.meta_label.text()

    window.set_pinyin_mode("unknown")
    window.tint_action.trigger()
    window.select_term("双方")
    window.known_action.trigger()
    assert "双方" in library.known_words
    assert "双方" in Library.open(store=Store.open(tmp_path / "user.sqlite3")).known_words
    words = [t.text for t in library.tokens("2025")]
    expected = header_text(*header_counts(words, library.known_words))
    assert expected in view.meta_label.text() and "known 0%" not in view.meta_label.text()
    text = library.document("2025").text
    shown = {text[w.start : w.end] for w in view.area.ruby.words}
    assert "双方" not in shown and "战略稳定" in shown
    tinted = {text[s:e] for s, e in view.word_marks._tinted}
    assert "双方" not in tinted and "战略稳定" in tinted

    window.known_action.trigger()  # again: unmarked
    assert "双方" not in library.known_words
    assert "双方" in {text[w.start : w.end] for w in view.area.ruby.words}


def test_all_words_of_a_paragraph_are_marked_known(make_window, tmp_path):
    library = Library.open(store=Store.open(tmp_path / "user.sqlite3"))
    window = make_window(library)
    window.select_term("延伸威慑")
    window.go_to(window.hits[0])
    window.paragraph_known_action.trigger()
    document = library.document("2025")
    paragraph = document.paragraph_at(window.hits[0][1])
    in_paragraph = {
        t.text
        for t in library.tokens("2025")
        if paragraph.start <= t.start < paragraph.end
        and any("\u4e00" <= c <= "\u9fff" for c in t.text)
    }
    assert in_paragraph and all(w in library.known_words for w in in_paragraph)
    assert "marked known" in window.statusBar().currentMessage()
