"""Qt's own strings (OK/Cancel/Yes/No, the file dialog, the colour dialog...) in the UI's
language: the `qtbase_<lang>.qm` catalogues that ship in the PySide6 wheel. (The few
strings they lack, e.g. the file dialog's "&Look in:", are in our own catalogue:
resources/translations/ru/qt_gaps.json.)"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translator(app, lang: str) -> QTranslator | None:
    """Install Qt's catalogue for `lang` (replacing the one of another language); English
    needs none. Returns the translator installed (kept alive on the application)."""
    current = getattr(app, "_qt_translator", None)
    if current is not None and current.language_code == lang:
        return current
    if current is not None:
        app.removeTranslator(current)
        app._qt_translator = None
    if lang == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{lang}", qt_translations_folder()):
        return None  # a wheel without it: Qt's strings stay English, nothing breaks
    translator.language_code = lang
    app.installTranslator(translator)
    app._qt_translator = translator
    return translator
