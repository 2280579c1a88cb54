"""Hints in the status bar instead of a modal per try: a QStatusTipEvent travels up from the
widget to the main window, which shows it (Qt's own route for status tips)."""

from __future__ import annotations

from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication


def show_hint(widget, text: str) -> None:
    if widget is not None:
        QApplication.sendEvent(widget, QStatusTipEvent(text))

