"""View › Translations: the 2025 statement read with a partial translation written for the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextCursor

from reader.core.bilingual import MemoryCorrections
from reader.core.library import Library
from reader.ui.fonts import BUNDLED_FAMILY, register_bundled_font
from reader.ui.translation_window import TranslationWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATION = ROOT / "tests" / "data" / "translations" / "2025-en-partial.txt"


@pytest.fixture(scope="module")
def bilingual_library(tmp_path_factory):  # type: ignore[no-untyped-def]
    texts = tmp_path_factory.mktemp("texts")
    for source in [*(ROOT / "texts").glob("*.txt"), TRANSLATION]:
        shutil.copy(source, texts / source.name)
    library = Library.open(texts=texts)
    assert not library.problems
    return library


@pytest.fixture
def translation_window(qtbot, bilingual_library):  # type: ignore[no-untyped-def]
    register_bundled_font()
    window = TranslationWindow(
        bilingual_library, QFont(BUNDLED_FAMILY, 14), MemoryCorrections(), None
    )
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _point_of(view, needle: str) -> QPoint:  # type: ignore[no-untyped-def]
    """Viewport coordinates of the middle of the first character of ``needle`` in the pane."""
    cursor = view.document().find(needle)
    assert not cursor.isNull(), needle
    cursor.setPosition(cursor.selectionStart() + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    return view.cursorRect(cursor).center()


def test_each_paragraph_is_followed_by_its_translation(translation_window) -> None:  # type: ignore[no-untyped-def]
    text = translation_window.view.toPlainText()
    chinese = text.index("双方坚信,各国人民命运与共")
    english = text.index("The Parties are convinced")
    next_chinese = text.index("双方强调维持建设性大国关系")
    assert chinese < english < next_chinese
    # Paragraph 6 onward was not translated: said once per paragraph, nothing invented.
    assert text.index("新老军事联盟") < text.index("(not translated)", text.index("新老军事联盟"))
    assert "8 pairs" in translation_window.summary.text()


def test_hovering_a_sentence_tints_its_counterpart(qtbot, translation_window) -> None:  # type: ignore[no-untyped-def]
    view = translation_window.view
    point = _point_of(view, "遗憾的是")
    qtbot.mouseMove(view.viewport(), point)
    tinted = sorted(
        view.toPlainText()[s.cursor.selectionStart() : s.cursor.selectionEnd()]
        for s in view.extraSelections()
    )
    assert tinted == [
        "Regrettably, not all nuclear-weapon states follow the position set out above.",
        "遗憾的是,并非所有核武器国家都奉行上述立场。",
    ]


def test_clicking_an_original_sentence_asks_to_scroll_there(qtbot, translation_window) -> None:  # type: ignore[no-untyped-def]
    view = translation_window.view
    point = _point_of(view, "遗憾的是")
    with qtbot.waitSignal(translation_window.place_activated) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    doc, start, end = signal.args
    original = translation_window.library.document(doc)
    assert doc == "2025" and original.text[start:end].startswith("遗憾的是")


def test_unpairing_and_joining_take_effect_and_can_be_undone(qtbot, translation_window) -> None:  # type: ignore[no-untyped-def]
    view = translation_window.view
    menu = view.correction_menu(_point_of(view, "遗憾的是"))
    unpair = next(a for a in menu.actions() if a.data() == "unpair")
    unpair.trigger()
    assert "7 pairs" in translation_window.summary.text()
    assert "corrected by you" in translation_window.summary.text()
    beads = translation_window.alignment.beads
    assert ((8,), ()) in [(b.src, b.tgt) for b in beads]
    menu = view.correction_menu(_point_of(view, "遗憾的是"))
    next(a for a in menu.actions() if a.data() == "reset").trigger()
    assert "8 pairs" in translation_window.summary.text()
    menu = view.correction_menu(_point_of(view, "双方强调维持建设性"))
    next(a for a in menu.actions() if a.data() == "join-next").trigger()
    joined = [(b.src, b.tgt) for b in translation_window.alignment.beads if b.fixed]
    assert joined == [((5, 6), (4,))]


def test_term_check_lists_renderings_and_gaps(qtbot, translation_window) -> None:  # type: ignore[no-untyped-def]
    table = translation_window.check_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    row = rows["全球战略稳定"]
    assert table.item(row, 2).text() == "global strategic stability ×3"
    gap = rows["两国元首"]
    assert table.item(gap, 3).text() == "¶2" and "missing" in table.item(gap, 4).text()
    translation_window.tabs.setCurrentIndex(1)
    qtbot.waitExposed(table)
    table.scrollToItem(table.item(gap, 3))
    rect = table.visualItemRect(table.item(gap, 3))
    with qtbot.waitSignal(translation_window.place_activated) as signal:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    doc, start, end = signal.args
    assert translation_window.library.document(doc).text[start:end] == "两国元首"


def test_tmx_export_writes_the_pairs(translation_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "pairs.tmx"
    assert translation_window.export_tmx(out)
    assert out.read_text(encoding="utf-8").count("<tu>") == 8


def test_selected_words_of_a_translation_become_a_terms_equivalent(
    qtbot, tmp_path: Path, bilingual_library
) -> None:  # type: ignore[no-untyped-def]
    from reader.core.library import Library
    from reader.core.store import Store

    library = Library.open(
        texts=Path(bilingual_library.documents[0].path).parent,
        store=Store.open(tmp_path / "reader.sqlite3"),
    )
    window = TranslationWindow(library, QFont(BUNDLED_FAMILY, 14), MemoryCorrections(), None)
    qtbot.addWidget(window)
    window.show()
    view = window.view
    cursor = view.document().find("The Parties note")
    start = cursor.selectionStart()
    cursor.setPosition(start)
    cursor.setPosition(start + len("The Parties"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    menu = view.rendering_menu(view.cursorRect(cursor).center())
    (submenu,) = [a.menu() for a in menu.actions() if a.menu()]
    assert "The Parties" in submenu.title()
    choices = {a.data(): a for a in submenu.actions()}
    assert "双方" in choices
    with qtbot.waitSignal(window.glossary_changed):
        choices["双方"].trigger()
    assert library.glossary.get("双方").english[0] == "The Parties"
    table = window.check_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.item(rows["双方"], 2).text() == "The Parties ×6"


def test_the_translation_window_follows_the_term_selected_in_the_main_window(
    qtbot, make_window, bilingual_library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(bilingual_library)
    translations = window.open_translations()
    qtbot.waitExposed(translations)
    window.select_term("核冲突")
    view = translations.view
    bead = view.highlighted_bead()
    assert bead is not None
    assert "核冲突" in translations.alignment.text("source", translations.alignment.beads[bead].src)
    tinted = " ".join(
        view.toPlainText()[s.cursor.selectionStart() : s.cursor.selectionEnd()]
        for s in view.extraSelections()
    )
    assert "risk of nuclear conflict is rising" in tinted


def test_a_translation_imported_in_the_window_is_aligned(qtbot, make_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    library = Library.open(user_folder=tmp_path / "documents")
    window = make_window(library)
    assert window.open_translations().pairs == []  # opened before: it must learn of the import
    source = tmp_path / "opening.txt"
    source.write_text(TRANSLATION.read_text(encoding="utf-8").split("---\n", 1)[1], "utf-8")
    with qtbot.waitSignal(window.importer.dialog_opened, timeout=10000) as blocker:
        window.importer.import_files([source])
    dialog = blocker.args[0]
    assert not dialog.language.isEnabled()
    dialog.translation_of.setCurrentIndex(dialog.translation_of.findData("2025"))
    assert dialog.language.isEnabled() and dialog.language.currentData() == "en"
    with qtbot.waitSignal(window.importer.document_added, timeout=5000) as added:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    document = library.document(added.args[0])
    assert document.extra["translation-of"] == "2025" and document.date == "2025-05-08"
    translations = window.open_translations()
    assert "8 pairs" in translations.summary.text()


def test_occurrence_list_shows_each_aligned_sentence_under_its_occurrence(
    qtbot, make_window, bilingual_library
) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.occurrence_model import SPAN_ROLE, TRANSLATION_ROLE

    window = make_window(bilingual_library)
    window.select_term("核冲突")
    model = window.panel.occurrence_model
    rows = [r for r in model.occurrence_rows() if model.index(r, 0).data(SPAN_ROLE)[0] == "2025"]
    (row,) = rows
    ((lang, text, span),) = model.index(row, 0).data(TRANSLATION_ROLE)
    assert lang == "en" and text[span[0] : span[1]] == "nuclear conflict"
    view = window.panel.occurrences
    view.scrollTo(model.index(row, 0))
    rect = view.visualRect(model.index(row, 0))
    image = view.viewport().grab().toImage()

    def inked(top: int, bottom: int) -> int:
        background = image.pixelColor(rect.right() - 2, top + 1)
        return sum(
            1
            for y in range(top, bottom)
            for x in range(rect.left() + 20, min(rect.right(), rect.left() + 400), 2)
            if image.pixelColor(x, y) != background
        )

    middle = rect.top() + rect.height() // 2
    assert inked(middle, rect.bottom()) > 30, "the aligned sentence is drawn under the line"
    # Without translations the rows are single lines again.
    window.select_term("战略稳定")
    assert model.renderings is not None
    plain = make_window()
    plain.select_term("核冲突")
    assert plain.panel.occurrence_model.renderings is None
    plain_row = plain.panel.occurrences.visualRect(
        plain.panel.occurrence_model.index(plain.panel.occurrence_model.occurrence_rows()[0], 0)
    )
    assert plain_row.height() * 2 == rect.height()


def test_a_merged_pair_can_be_split_and_the_rest_rejoined(qtbot, translation_window) -> None:  # type: ignore[no-untyped-def]
    view = translation_window.view
    menu = view.correction_menu(_point_of(view, "双方坚信"))
    split = next(a for a in menu.actions() if a.data() == "split")
    assert split.isEnabled()  # two sentences of the original, one of the translation
    split.trigger()
    beads = [(b.src, b.tgt) for b in translation_window.alignment.beads]
    assert ((3,), (3,)) in beads and ((4,), ()) in beads
    menu = view.correction_menu(_point_of(view, "遗憾的是"))
    assert not next(a for a in menu.actions() if a.data() == "split").isEnabled()
