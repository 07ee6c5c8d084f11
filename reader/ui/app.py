"""Starting the window: the application, fonts, error handling, and headless screenshots.

``reader --select TERM --screenshot FILE.png`` renders the window with TERM selected and exits;
it works offscreen and without any Chinese font installed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader import resources
from reader.core.library import Library
from reader.ui.fonts import (
    BUNDLED_FAMILY,
    choose_reading_family,
    installed_chinese_families,
    register_bundled_font,
)
from reader.ui.main_window import MainWindow
from reader.ui.plain import plain_message_box
from reader.ui.settings import Settings
from reader.ui.signals import SignalCloser

SCREENSHOT_SIZE = (1600, 1000)
WARM_UP_DELAY_MS = 1000


def create_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("reader")
    QCoreApplication.setApplicationName("Reader")
    app.setWindowIcon(QIcon(str(resources.resource(*resources.ICON))))
    return app


def reading_family(app: QApplication) -> str:
    """Register the bundled font, then choose: an installed Chinese family, else ours. The
    interface font falls back to the same family, so lists and headers show Chinese too."""
    bundled = register_bundled_font()
    family = choose_reading_family(installed_chinese_families(), bundled)
    ui_font = app.font()
    ui_font.setFamilies([ui_font.family(), family, BUNDLED_FAMILY])
    app.setFont(ui_font)
    return family


def install_excepthook(window: MainWindow) -> None:
    """A bug shows a dialog with the details instead of killing the reader's session."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(details)
        box = plain_message_box(
            window, QMessageBox.Icon.Critical, "Reader hit a bug", f"{kind.__name__}: {value}"
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def build_window(
    app: QApplication, args: argparse.Namespace, settings: Settings | None = None
) -> tuple[MainWindow, Library]:
    family = reading_family(app)
    library = Library.open(texts=args.texts, glossary=args.glossary)
    window = MainWindow(library, settings or Settings(), family)
    if getattr(args, "pinyin", None):
        window.set_pinyin_mode(args.pinyin)
    return window, library


def save_screenshot(
    window: MainWindow,
    path: Path,
    term: str | None,
    size: tuple[int, int] | None = None,
    compare: bool = False,
    translations: bool = False,
) -> int:
    window.resize(*(size or SCREENSHOT_SIZE))
    window.show()
    QApplication.processEvents()  # the docks settle at the final size, then share the width
    window.size_panel()
    window.share_panes()
    QApplication.processEvents()  # lay the text out at its final width before scrolling
    if term and window.select_term(term) and window.hits:
        # The pane where the term is most frequent shows its first occurrence.
        counts = window.current.counts if window.current else {}
        best = max(window.views, key=lambda d: counts.get(d, 0))
        first = next(h for h in window.hits if h[0] == best)
        window.go_to(first)
    shown: QWidget = window
    if compare:  # View › Compare instead, each pane at its first place of the term
        compare_window = window.open_compare()
        if compare_window is not None:
            shown = compare_window
            compare_window.resize(*(size or SCREENSHOT_SIZE))
            QApplication.processEvents()
            compare_window.show_term(window.selection.term if term else "")
            for pane in (compare_window.pane_a, compare_window.pane_b):
                spans = pane.layer_spans("occurrences")
                if spans:
                    pane.scroll_to(*spans[0])
    if translations:  # View › Translations instead, at the term's first sentence
        translation_window = window.open_translations()
        shown = translation_window
        translation_window.resize(*(size or SCREENSHOT_SIZE))
        QApplication.processEvents()
        translation_window.show_term(window.selection.term if term else "")
    for _ in range(3):  # highlight updates are coalesced into the next event-loop turn
        QApplication.processEvents()
    ok = shown.grab().save(str(path))
    if not ok:
        print(f"reader: error: {path}: cannot save the screenshot", file=sys.stderr)
        return 2
    print(f"saved {path}")
    return 0


def no_display_message() -> str | None:
    """On Linux without X11 or Wayland, Qt would abort; say so and what to do instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). The CLI works"
        " without one (reader --help); for a picture of the window use"
        " QT_QPA_PLATFORM=offscreen reader --select TERM --screenshot FILE.png"
    )


def run(args: argparse.Namespace) -> int:
    problem = no_display_message()
    if problem:
        print(f"reader: error: {problem}", file=sys.stderr)
        return 2
    app = create_application()
    if args.screenshot:  # a throw-away settings file: the render is the same on every machine
        with tempfile.TemporaryDirectory() as folder:
            window, library = build_window(app, args, Settings(Path(folder) / "screenshot.ini"))
            for broken in library.problems:
                print(f"reader: warning: {broken}", file=sys.stderr)
            return save_screenshot(
                window,
                args.screenshot,
                args.select,
                args.size,
                getattr(args, "compare", False),
                getattr(args, "translations", False),
            )
    window = start(app, args)
    closer = SignalCloser(lambda: close_and_quit(app, window))
    try:
        return app.exec()
    finally:
        closer.uninstall()


def close_and_quit(app: QApplication, window: MainWindow) -> None:
    """What Ctrl+C in the terminal does: close the window (saving its state), then leave the
    event loop even if a dialog is open."""
    window.close()
    app.quit()


def start(
    app: QApplication, args: argparse.Namespace, settings: Settings | None = None
) -> MainWindow:
    """Everything up to the shown window; ``run`` then enters the event loop. The start-up
    benchmark calls this too, so it measures exactly what a reader waits for."""
    window, library = build_window(app, args, settings)
    # Once the window is up, not before: warming competes with start-up for the interpreter.
    QTimer.singleShot(WARM_UP_DELAY_MS, library.warm_up)
    install_excepthook(window)
    window.restore_state()
    if args.size:
        window.resize(*args.size)
    if args.select:
        window.select_term(args.select)
    window.show()
    if getattr(args, "compare", False):
        window.open_compare()
    if library.problems:
        window.show_problems(library.problems)
    return window
