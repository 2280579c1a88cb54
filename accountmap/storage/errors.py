"""Errors the storage layer reports to a person: one clear sentence, never a traceback."""

from __future__ import annotations

from accountmap import catalogue

STORAGE_MESSAGES = catalogue.Messages({
    "storage.missing": {"en": "{path}: no such file", "ru": "{path}: файл не найден"},
    "storage.directory": {"en": "{path} is a folder, not a workspace file", "ru": "{path} — это папка, а не файл рабочего пространства"},
    "storage.empty": {"en": "{path} is empty (0 bytes): it is not an AccountMap workspace", "ru": "{path} пуст (0 байт): это не рабочее пространство AccountMap"},
    "storage.not_sqlite": {"en": "{path} is not an AccountMap workspace (not an SQLite database)", "ru": "{path} — не рабочее пространство AccountMap (не база SQLite)"},
    "storage.not_accountmap": {"en": "{path} is an SQLite database, but not an AccountMap workspace", "ru": "{path} — база SQLite, но не рабочее пространство AccountMap"},
    "storage.truncated": {"en": "{path} is damaged or truncated ({detail}); it was left untouched", "ru": "{path} повреждён или обрезан ({detail}); файл не изменён"},
    "storage.newer": {"en": "{path} was written by a newer AccountMap (file version {found}, this one reads up to {supported}); update AccountMap to open it", "ru": "{path} записан более новой версией AccountMap (версия файла {found}, эта читает до {supported}); обновите AccountMap"},
    "storage.unreadable": {"en": "{path} cannot be read: {detail}", "ru": "{path} не читается: {detail}"},
    "storage.read_only": {"en": "{path} is open read-only; the change was not saved", "ru": "{path} открыт только для чтения; изменение не сохранено"},
    "storage.write_failed": {"en": "The change could not be saved to {path}: {detail}. Nothing was changed", "ru": "Изменение не удалось сохранить в {path}: {detail}. Ничего не изменено"},
    "storage.disk_full": {"en": "The disk is full: the change could not be saved to {path}. Nothing was changed", "ru": "Диск заполнен: изменение не сохранено в {path}. Ничего не изменено"},
    "storage.gone": {"en": "The workspace file {path} was deleted or moved while open; the change was not saved", "ru": "Файл {path} удалён или перемещён, пока был открыт; изменение не сохранено"},
    "storage.cannot_create": {"en": "Cannot create {path}: {detail}", "ru": "Не удаётся создать {path}: {detail}"},
    "storage.copy_failed": {"en": "The copy could not be written to {path}: {detail}", "ru": "Копию не удалось записать в {path}: {detail}"},
    "storage.invalid_row": {"en": "The change was refused: {detail}", "ru": "Изменение отклонено: {detail}"},
    "storage.migration_failed": {"en": "{path} could not be upgraded to the current version ({detail}); the original was left untouched", "ru": "{path} не удалось обновить до текущей версии ({detail}); исходный файл не изменён"},
    "storage.wal_read_only_folder": {"en": "{path} has recent changes in its “-wal” file that cannot be read from a read-only folder; copy the file together with its -wal file to a folder you can write to", "ru": "Последние изменения {path} лежат в файле «-wal», который нельзя прочитать из папки только для чтения; скопируйте файл вместе с его -wal в папку с правом записи"},
    "exchange.not_json": {"en": "{path} is not valid JSON: {detail}", "ru": "{path} — некорректный JSON: {detail}"},
    "exchange.too_deep": {"en": "{path} is nested too deeply to be an AccountMap export", "ru": "{path} слишком глубоко вложен для выгрузки AccountMap"},
    "exchange.too_large": {"en": "{path} is too large to import ({size} MB; the limit is {limit} MB)", "ru": "{path} слишком велик для загрузки ({size} МБ; предел {limit} МБ)"},
    "exchange.invalid": {"en": "{path} is not a valid AccountMap export; nothing was imported:\n{errors}", "ru": "{path} — некорректная выгрузка AccountMap; ничего не загружено:\n{errors}"},
    "storage.locked": {
        "en": "{path} is already open for editing by {user} on {host} (process {pid}, since {started}). Close it there, or open it read-only",
        "ru": "{path} уже открыт для редактирования: {user} на {host} (процесс {pid}, с {started}). Закройте его там или откройте только для чтения",
    },
    "storage.lock_failed": {
        "en": "{path} cannot be locked for editing ({detail}); open it read-only",
        "ru": "{path} не удаётся заблокировать для редактирования ({detail}); откройте его только для чтения",
    },
})


class WorkspaceError(Exception):
    """A problem with a workspace file, told in the user's language."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return STORAGE_MESSAGES.text(self.key, lang, **self.params)
