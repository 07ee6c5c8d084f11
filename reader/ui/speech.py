"""Read aloud: the system's Chinese voice through QtTextToSpeech, when there is one.

QtTextToSpeech ships in PySide6-Addons, which is large, so it is an optional extra
(``pip install reader[speech]``). Where the module, a working speech engine or a Chinese voice
is missing, ``Speaker.reason`` says which, and the window disables its Speak action with that
reason as the tooltip instead of failing when it is used.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject

INSTALL_HINT = "pip install reader[speech]"


class Speaker:
    """Speaks Chinese text, or says why it cannot (``reason``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.reason = ""
        self.voice_name = ""
        self._engine: Any = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            self.reason = f"Read aloud needs Qt's speech module: {INSTALL_HINT}"
            return
        engine = QTextToSpeech(parent)
        if engine.state() == QTextToSpeech.State.Error:
            detail = engine.errorString() or "it could not start"
            self.reason = f"No speech engine works on this system ({detail})"
            return
        voices = [v for v in engine.availableVoices() if v.language() == QLocale.Language.Chinese]
        if not voices:
            for locale in engine.availableLocales():
                if locale.language() == QLocale.Language.Chinese:
                    engine.setLocale(locale)
                    voices = list(engine.availableVoices())
                    break
        if not voices:
            self.reason = "No Chinese voice is installed for the system's speech engine"
            return
        engine.setVoice(voices[0])
        self.voice_name = voices[0].name()
        self._engine = engine

    @property
    def available(self) -> bool:
        return self._engine is not None

    def speak(self, text: str) -> bool:
        """Say ``text``; False (nothing happens) when speech is unavailable or text empty."""
        if self._engine is None or not text.strip():
            return False
        self._engine.say(text)
        return True
