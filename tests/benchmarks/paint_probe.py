"""Quit a Qt program right after the given widgets have painted, reporting memory.

Shared by the start-up benchmark's two programs (Reader and the floor), so both stop at the
same moment: when every widget that matters has painted once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.benchmarks.stats import rss_mb


class PaintProbe(QObject):
    """Counts first paints; when all watched widgets have painted, prints RSS and quits."""

    def __init__(self, app: QApplication, widgets: Iterable[QWidget]) -> None:
        super().__init__()
        self._app = app
        self._waiting = set()
        for widget in widgets:
            widget.installEventFilter(self)
            self._waiting.add(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._waiting:
            self._waiting.discard(watched)
            if not self._waiting:
                QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        print(f"rss_mb={rss_mb():.1f}", file=sys.stdout, flush=True)
        self._app.quit()
