"""Ctrl+C and ``kill`` close the window the way its close button does, saving its state.

Python runs a signal handler only when the interpreter next gets control, and Qt's event loop
is C++: without help, SIGINT would wait until the mouse next moved. ``signal.set_wakeup_fd``
makes the C-level handler write a byte to a socket that a ``QSocketNotifier`` watches, so Qt
wakes at once and hands control to Python, which then runs the handler. No polling timer.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

HANDLED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class SignalCloser(QObject):
    """Calls ``close`` on SIGINT, SIGTERM or SIGHUP while the event loop runs."""

    def __init__(self, close: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close = close
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for number in HANDLED:
            signal.signal(number, self._on_signal)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(256)  # signal numbers; Python has already queued the handlers

    def _on_signal(self, number: int, frame: object) -> None:
        self._close()

    def uninstall(self) -> None:
        for number in HANDLED:
            signal.signal(
                number, signal.SIG_DFL if number != signal.SIGINT else signal.default_int_handler
            )
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
