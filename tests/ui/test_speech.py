"""Read aloud: enabled with a Chinese voice; otherwise disabled, saying why in its tooltip."""

from __future__ import annotations

import sys

import pytest

from reader.ui.speech import INSTALL_HINT, Speaker

# What Qt says on a machine without speech: no speech-dispatcher daemon, no PipeWire.
pytestmark = pytest.mark.qt_log_ignore(
    "Error loading text-to-speech plug-in", "Couldn't load pipewire", "Couldn't resolve pipewire"
)


def test_without_the_speech_module_the_reason_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    speaker = Speaker()
    assert not speaker.available and INSTALL_HINT in speaker.reason
    assert speaker.speak("战略稳定") is False


def test_the_speak_action_says_why_it_is_disabled_or_speaks(window):
    assert not window.speak_action.isEnabled()  # not asked yet: nothing slows the start
    window._find_voice()
    speaker = window.speaker
    assert window.speak_action.isEnabled() == speaker.available
    if speaker.available:
        assert speaker.voice_name in window.speak_action.toolTip()
        window.select_term("战略稳定")
        window.speak_action.trigger()
        assert "Speaking: 战略稳定" in window.statusBar().currentMessage()
    else:
        assert window.speak_action.toolTip() == speaker.reason and speaker.reason
