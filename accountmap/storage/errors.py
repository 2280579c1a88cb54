"""Errors the storage layer reports to a person: one clear sentence, never a traceback."""

from __future__ import annotations

from accountmap import catalogue

_WHAT = {  # what an account (or a workspace) is full of, in each language (limits.py)
    "stakeholders": ("people", "человек"),
    "decision_centres": ("decision centres", "центров принятия решений"),
    "relationships": ("relationships", "связей"),
    "open_questions": ("open questions", "открытых вопросов"),
    "roadmap_nodes": ("roadmap steps", "шагов дорожной карты"),
    "roadmap_edges": ("roadmap links", "переходов дорожной карты"),
    "meetings": ("meetings", "встреч"),
    "touchpoints": ("touchpoints", "точек контакта"),
    "journey_grids": ("journey grids", "таблиц пути клиента"),
    "journey_history": ("journey events", "событий пути клиента"),
    "review_comments": ("review comments", "замечаний"),
}
_OVER = {  # limits.output's detail: what an account holds past its limit
    f"limits.detail.over.{table}": {"en": f"{{count}} {en}, at most {{limit}}",
                                    "ru": f"{{count}} {ru}, не больше {{limit}}"}
    for table, (en, ru) in _WHAT.items()}
_LIMIT_REACHED = {
    **{f"limits.reached.{table}": {
        "en": f"An account holds at most {{limit}} {en}; this one is full, nothing was added",
        "ru": f"В одном клиенте не больше {{limit}} {ru}; этот заполнен, ничего не добавлено",
    } for table, (en, ru) in _WHAT.items()},
    "limits.reached.accounts": {
        "en": "A workspace holds at most {limit} accounts; nothing was added",
        "ru": "В рабочем пространстве не больше {limit} клиентов; ничего не добавлено",
    },
}

STORAGE_MESSAGES = catalogue.Messages({
    "storage.missing": {"en": "{path}: no such file", "ru": "{path}: файл не найден"},
    "storage.directory": {"en": "{path} is a folder, not a workspace file", "ru": "{path} — это папка, а не файл рабочего пространства"},
    "storage.empty": {"en": "{path} is empty (0 bytes): it is not an AccountMap workspace", "ru": "{path} пуст (0 байт): это не рабочее пространство AccountMap"},
    "storage.not_sqlite": {"en": "{path} is not an AccountMap workspace (not an SQLite database)", "ru": "{path} — не рабочее пространство AccountMap (не база SQLite)"},
    # details of storage.truncated in our own words (a detail from SQLite is its own)
    "storage.detail.header_cut": {"en": "its header is cut short", "ru": "его заголовок обрезан"},
    "storage.detail.size": {"en": "{size} bytes of the {expected} its header counts", "ru": "{size} байт из {expected}, указанных в его заголовке"},
    "storage.detail.missing_table": {"en": "the table {table} is missing", "ru": "нет таблицы {table}"},
    # details in other messages, in our own words
    "storage.detail.no_folder": {"en": "the folder does not exist", "ru": "папки не существует"},
    "storage.detail.folder_read_only": {"en": "the folder is read-only", "ru": "папка только для чтения"},
    "storage.detail.lock_changing": {"en": "the lock file keeps changing", "ru": "файл блокировки всё время меняется"},
    "storage.detail.no_backup": {"en": "no backup copy could be made: {reason}", "ru": "не удалось сделать резервную копию: {reason}"},
    "review.detail.too_big": {"en": "over {mb} MB", "ru": "больше {mb} МБ"},
    "contacts.detail.line": {"en": "line {line}: {reason}", "ru": "строка {line}: {reason}"},
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
    "review.not_review": {"en": "{path} is not an AccountMap review file", "ru": "{path} — не файл замечаний AccountMap"},
    "review.newer": {"en": "{path} was written by a newer AccountMap (review file version {found}, this one reads up to {supported}); update AccountMap", "ru": "{path} записан более новой версией AccountMap (версия файла замечаний {found}, эта читает до {supported}); обновите AccountMap"},
    "review.invalid": {"en": "{path} is not a valid review file ({detail}); nothing was imported", "ru": "{path} — некорректный файл замечаний ({detail}); ничего не загружено"},
    "review.conflict.edited_both": {"en": "{account}: the comment on “{target}” was edited on both sides; this side's text is kept and the other (“{theirs}”) is added as a reply to it", "ru": "{account}: замечание к «{target}» изменено с обеих сторон; текст этой стороны сохранён, а другой («{theirs}») добавлен ответом к нему"},
    "review.conflict.target_gone": {"en": "{account}: “{target}” is no longer on this map; the comment “{theirs}” is kept on the account", "ru": "{account}: «{target}» больше нет на этой карте; замечание «{theirs}» сохранено на клиенте"},
    "review.conflict.parent_gone": {"en": "{account}: the comment that “{theirs}” answers was deleted here; the reply is kept as a comment of its own", "ru": "{account}: замечание, на которое отвечает «{theirs}», здесь удалено; ответ сохранён отдельным замечанием"},
    "review.conflict.no_account": {"en": "{account}: this workspace has no such account (by its id); its comments were not imported", "ru": "{account}: в этом пространстве нет такого клиента (по идентификатору); его замечания не загружены"},
    "review.on_account": {"en": "the account", "ru": "клиент"},
    "exchange.invalid": {"en": "{path} is not a valid AccountMap export; nothing was imported:\n{errors}", "ru": "{path} — некорректная выгрузка AccountMap; ничего не загружено:\n{errors}"},
    "storage.locked": {
        "en": "{path} is already open for editing by {user} on {host} (process {pid}, since {started}). Close it there, or open it read-only",
        "ru": "{path} уже открыт для редактирования: {user} на {host} (процесс {pid}, с {started}). Закройте его там или откройте только для чтения",
    },
    "storage.lock_failed": {
        "en": "{path} cannot be locked for editing ({detail}); open it read-only",
        "ru": "{path} не удаётся заблокировать для редактирования ({detail}); откройте его только для чтения",
    },
    # people_csv.py
    "people_csv.full_name": {"en": "Full name", "ru": "ФИО"},
    "people_csv.last_name": {"en": "Last name", "ru": "Фамилия"},
    "people_csv.first_name": {"en": "First name", "ru": "Имя"},
    "people_csv.middle_name": {"en": "Middle name", "ru": "Отчество"},
    "people_csv.title": {"en": "Title", "ru": "Должность"},
    "people_csv.department": {"en": "Department", "ru": "Подразделение"},
    "people_csv.roles": {"en": "Buying role", "ru": "Роль в закупке"},
    "people_csv.influence": {"en": "Influence", "ru": "Влияние"},
    "people_csv.attitude": {"en": "Attitude", "ru": "Отношение"},
    "people_csv.strength": {"en": "Relationship strength", "ru": "Сила отношений"},
    "people_csv.email": {"en": "Email", "ru": "E-mail"},
    "people_csv.phone": {"en": "Phone", "ru": "Телефон"},
    "people_csv.owner": {"en": "Owner", "ru": "Ответственный"},
    "people_csv.reports_to": {"en": "Reports to", "ru": "Руководитель"},
    "people_csv.last_contact": {"en": "Last contact", "ru": "Последний контакт"},
    "people_csv.contact_notes": {"en": "Notes", "ru": "Заметки"},
    # portfolio_files.py
    "review.no_files": {"en": "{path}: no .accountmap files in this folder", "ru": "{path}: в этой папке нет файлов .accountmap"},
    # the contact import (contacts_csv.py, contact_summary.py, cli/contacts.py)
    "contacts.missing": {"en": "{path}: no such file", "ru": "{path}: файл не найден"},
    "contacts.unreadable": {"en": "{path} cannot be read: {detail}", "ru": "{path} не читается: {detail}"},
    "contacts.empty": {"en": "{path} is empty: there are no contacts to import", "ru": "{path} пуст: загружать нечего"},
    "contacts.header_only": {"en": "{path} has a header row but no contacts", "ru": "В {path} есть строка заголовков, но нет ни одного контакта"},
    "contacts.binary": {"en": "{path} is not a CSV or XLSX file (it holds binary data)", "ru": "{path} — не файл CSV или XLSX (в нём двоичные данные)"},
    "contacts.encoding": {"en": "{path} is not text in UTF-8, UTF-16 or Windows-1251; save it from the CRM or Excel as CSV UTF-8", "ru": "{path} — не текст в UTF-8, UTF-16 или Windows-1251; сохраните его из CRM или Excel как CSV UTF-8"},
    "contacts.too_large": {"en": "{path} is too large to import ({size} MB; the limit is {limit} MB)", "ru": "{path} слишком велик для загрузки ({size} МБ; предел {limit} МБ)"},
    "contacts.too_many_rows": {"en": "{path} has more than {limit} rows; export only the contacts of this client", "ru": "В {path} больше {limit} строк; выгрузите из CRM только контакты этого клиента"},
    "contacts.bad_csv": {"en": "{path} cannot be read as CSV: {detail}", "ru": "{path} не читается как CSV: {detail}"},
    "contacts.old_excel": {"en": "{path} is an old Excel workbook (.xls); save it as .xlsx or CSV and import that", "ru": "{path} — книга старого Excel (.xls); сохраните её как .xlsx или CSV и загрузите"},
    "contacts.bad_xlsx": {"en": "{path} cannot be read as an Excel workbook: {detail}", "ru": "{path} не читается как книга Excel: {detail}"},
    "contacts.no_header": {"en": "{path} has no header row (the first row names no columns)", "ru": "В {path} нет строки заголовков (первая строка не называет столбцов)"},
    "contacts.label_company": {"en": "Company: {value}", "ru": "Компания: {value}"},
    "contacts.label_tags": {"en": "CRM tags: {value}", "ru": "Теги CRM: {value}"},
    "contacts.summary": {"en": "{added} to add, {updated} to update, {same} already on the map, {skipped} skipped; {links} reports-to link(s)", "ru": "добавить: {added}, обновить: {updated}, уже на карте: {same}, пропустить: {skipped}; связей подчинения: {links}"},
    "contacts.done": {"en": "Imported into “{account}”: {added} added, {updated} updated, {same} already on the map, {skipped} skipped; {links} reports-to link(s)", "ru": "Загружено в «{account}»: добавлено {added}, обновлено {updated}, уже на карте {same}, пропущено {skipped}; связей подчинения: {links}"},
    "contacts.dry_run": {"en": "Dry run: nothing was written", "ru": "Пробный прогон: ничего не записано"},
    "contacts.nothing": {"en": "Nothing to change: every contact is already on the map", "ru": "Менять нечего: все контакты уже на карте"},
    "contacts.detected": {"en": "Recognised as: {preset} ({encoding}, {rows} rows)", "ru": "Распознано как: {preset} ({encoding}, строк: {rows})"},
    "contacts.custom": {"en": "an export of an unknown CRM", "ru": "выгрузка неизвестной CRM"},
    "contacts.row": {"en": "row {row}", "ru": "строка {row}"},
    "contacts.too_many_people": {"en": "The map of “{account}” would hold {count} people (at most {limit}); export only this client's contacts", "ru": "На карте «{account}» оказалось бы {count} человек (не больше {limit}); выгрузите только контакты этого клиента"},
    "contacts.no_name_column": {"en": "No column holds names or e-mails; choose the columns (in the app) or a --preset", "ru": "Ни один столбец не содержит имён или e-mail; выберите столбцы (в приложении) или --preset"},
    "contacts.skip_ragged": {"en": "more cells than the header has columns (a quote or delimiter out of place)", "ru": "ячеек больше, чем столбцов в заголовке (лишняя кавычка или разделитель)"},
    "contacts.skip_no_name": {"en": "no name and no e-mail", "ru": "нет ни имени, ни e-mail"},
    "contacts.skip_other_company": {"en": "another company: {company}", "ru": "другая компания: {company}"},
    "contacts.skip_too_long": {"en": "a field is longer than {limit} characters", "ru": "поле длиннее {limit} символов"},
    "contacts.skip_same_email": {"en": "the same e-mail {email} as row {other}", "ru": "тот же e-mail {email}, что в строке {other}"},
    "contacts.skip_same_id": {"en": "the same CRM id {id} as row {other}", "ru": "тот же идентификатор CRM {id}, что в строке {other}"},
    "contacts.skip_same_name": {"en": "the same name as row {other}, and no e-mail to tell them apart", "ru": "то же имя, что в строке {other}, и нет e-mail, чтобы их различить"},
    "contacts.skip_same_person": {"en": "the same person on the map as row {other}", "ru": "тот же человек на карте, что в строке {other}"},
    "contacts.manager_missing": {"en": "reports to {manager}, who is neither in the file nor on the map: no link", "ru": "подчиняется {manager}, которого нет ни в файле, ни на карте: связь не создана"},
    "contacts.manager_self": {"en": "reports to themselves: no link", "ru": "подчиняется сам себе: связь не создана"},
    "contacts.manager_kept": {"en": "already reports to {manager} on the map: kept", "ru": "на карте уже подчиняется {manager}: оставлено"},
    "contacts.manager_cycle": {"en": "reporting to {manager} would close a cycle: no link", "ru": "подчинение {manager} замкнуло бы цикл: связь не создана"},
    # damage.py: values another tool wrote past the file's constraints
    "storage.damaged_account": {
        "en": "The account “{name}” in {path} has a value AccountMap cannot read ({detail}). "
              "Run “accountmap check” to see every problem",
        "ru": "В клиенте «{name}» файла {path} есть значение, которое AccountMap не может "
              "прочитать ({detail}). Запустите «accountmap check», чтобы увидеть все проблемы"},
    "storage.damaged_settings": {
        "en": "The settings in {path} are damaged ({detail}); they were not changed",
        "ru": "Настройки в {path} повреждены ({detail}); они не изменены"},
    "check.bad_value": {
        "en": "table {table}, row {row}, column {column}: {detail}",
        "ru": "таблица {table}, строка {row}, столбец {column}: {detail}"},
    "check.bad_value_short": {
        "en": "table {table}, row {row}, column {column}: the value {value} is not allowed",
        "ru": "таблица {table}, строка {row}, столбец {column}: недопустимое значение {value}"},
    "check.dangling": {
        "en": "table {table}, row {row}, column {column}: refers to {value}, "
              "which is not in {parent}",
        "ru": "таблица {table}, строка {row}, столбец {column}: ссылается на {value}, "
              "которого нет в {parent}"},
    # issue 13 (faults): lock.py
    "storage.locked_elsewhere": {"en": "{path} is already open for editing under another name (a link to the same file). Close it there, or open it read-only", "ru": "{path} уже открыт для редактирования под другим именем (ссылка на тот же файл). Закройте его там или откройте только для чтения"},
    "storage.no_space": {"en": "The disk is full: {path} cannot be opened for editing or created. Free some space and try again", "ru": "Диск заполнен: {path} нельзя открыть для редактирования или создать. Освободите место и повторите"},
    # limits.py
    "limits.import": {"en": "{path} is too big to import: {detail}; nothing was imported", "ru": "{path} слишком велик для загрузки: {detail}; ничего не загружено"},
    "limits.item": {"en": "$.accounts[{index}].{where} has {count} items, an account holds at most {limit}", "ru": "$.accounts[{index}].{where}: {count} элементов, в одном клиенте не больше {limit}"},
    "limits.output": {"en": "The account “{name}” is over the limits ({detail}); it cannot be drawn or printed in bounded time. Split it or remove what is not needed", "ru": "Клиент «{name}» превышает пределы ({detail}); его нельзя нарисовать или распечатать за разумное время. Разделите его или удалите лишнее"},
    "limits.accounts": {"en": "{count} accounts, a workspace holds at most {limit}", "ru": "{count} клиентов, в рабочем пространстве не больше {limit}"},
    # recovery.py
    "storage.hot_journal": {"en": "{path} was left in the middle of a change by a crash, and its folder or the file is read-only, so it cannot be restored here; open it once where it can be written", "ru": "{path} остался посреди изменения после сбоя, а файл или его папка только для чтения, поэтому восстановить его здесь нельзя; откройте его один раз там, где его можно записать"},
    "storage.busy": {"en": "{path} is busy (another program is writing it); try again in a moment", "ru": "{path} занят (его записывает другая программа); повторите через минуту"},
    # output_guard.py
    "output.is_workspace": {"en": "{path} is an AccountMap workspace; it was not overwritten. Choose another file name for the output", "ru": "{path} — рабочее пространство AccountMap; оно не перезаписано. Выберите другое имя файла для результата"},
    "output.is_input": {"en": "{path} is the file being read; it was not overwritten. Choose another file name for the output", "ru": "{path} — это читаемый файл; он не перезаписан. Выберите другое имя файла для результата"},
    "output.held": {"en": "{path} is open in AccountMap (process {pid}); it was not overwritten", "ru": "{path} открыт в AccountMap (процесс {pid}); файл не перезаписан"},
    "output.special": {"en": "{path} is not a regular file (a device, pipe or socket); AccountMap writes only regular files", "ru": "{path} — не обычный файл (устройство, канал или сокет); AccountMap записывает только обычные файлы"},
    "output.directory": {"en": "{path} is a folder; give a file name", "ru": "{path} — это папка; укажите имя файла"},
    "output.no_folder": {"en": "Cannot write {path}: the folder {folder} does not exist", "ru": "Не удаётся записать {path}: папки {folder} не существует"},
    "output.disk_full": {"en": "The disk is full: {path} was not written", "ru": "Диск заполнен: файл {path} не записан"},
    "output.cannot_write": {"en": "Cannot write {path}: {detail}", "ru": "Не удаётся записать {path}: {detail}"},
    "exchange.over_limit": {"en": "{path} is too large to import (more than the {limit} MB limit)", "ru": "{path} слишком велик для загрузки (больше предела в {limit} МБ)"},
    "input.special": {"en": "{path} is not a regular file (a device, pipe or socket); AccountMap reads only regular files", "ru": "{path} — не обычный файл (устройство, канал или сокет); AccountMap читает только обычные файлы"},
    # new_workspace.py
    "storage.exists": {"en": "{path} already exists", "ru": "{path} уже существует"},
    **_LIMIT_REACHED,
    **_OVER,
})


class WorkspaceError(Exception):
    """A problem with a workspace file, told in the user's language."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        params = self.params
        if "detail_key" in params:  # a detail of our own words: told in the same language
            params = {**params, "detail": STORAGE_MESSAGES.text(params["detail_key"], lang,
                                                                 **params)}
        return STORAGE_MESSAGES.text(self.key, lang, **params)
