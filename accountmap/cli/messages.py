"""The command line's messages (English and Russian), read through `CLI_MESSAGES.text`."""

from __future__ import annotations

from accountmap.catalogue import Messages

CLI_MESSAGES = Messages({
    "cli.check_clean": {"en": "No problems found.", "ru": "Проблем не найдено."},
    "cli.in_account": {"en": "Account “{name}”", "ru": "Клиент «{name}»"},
    "cli.demo_written": {"en": "Demo workspace written to {path}", "ru": "Демо-пространство записано в {path}"},
    "cli.exported": {"en": "Exported {count} account(s) to {path}", "ru": "Выгружено клиентов: {count}, в {path}"},
    "cli.imported": {"en": "Imported {count} account(s) into {path}", "ru": "Загружено клиентов: {count}, в {path}"},
    "cli.no_account": {"en": "No account named “{name}” in {path}", "ru": "Нет клиента «{name}» в {path}"},
    "cli.rendered": {"en": "Wrote {path}", "ru": "Записан файл {path}"},
    "cli.render_format": {
        "en": "{path}: unknown format; the file name must end in .png, .svg, .pdf, .graphml or .csv (people of the map)",
        "ru": "{path}: неизвестный формат; имя файла должно оканчиваться на .png, .svg, .pdf, .graphml или .csv (люди карты)"},
    "cli.account_ambiguous": {"en": "Several accounts are named “{name}”; rename one of them",
                              "ru": "Несколько клиентов называются «{name}»; переименуйте один из них"},
    "cli.no_folder": {"en": "the folder {path} does not exist", "ru": "папка {path} не существует"},
    "cli.portfolio_format": {"en": "{path}: the output must end in .pdf or .csv",
                             "ru": "{path}: имя файла результата должно оканчиваться на .pdf или .csv"},
    # review export/import/add (issue 16)
    "cli.and_more": {"en": " (and {count} more accounts of the file)", "ru": " (и ещё клиентов из файла: {count})"},
    "cli.account_exists": {"en": "Account “{name}” (id {id}) is already in {path}{more}; say what to do with --on-conflict replace, copy or merge. Nothing was imported", "ru": "Клиент «{name}» (идентификатор {id}) уже есть в {path}{more}; укажите --on-conflict replace, copy или merge. Ничего не загружено"},
    "review.exported": {"en": "{count} comment(s) of {accounts} account(s) written to {path}", "ru": "Замечаний: {count}, клиентов: {accounts}, записано в {path}"},
    "review.imported": {"en": "Review imported: {added} comment(s) added, {replaced} updated, {kept} unchanged; {conflicts} conflict(s)", "ru": "Замечания загружены: добавлено {added}, обновлено {replaced}, без изменений {kept}; конфликтов: {conflicts}"},
    "review.no_person": {"en": "No person “{name}” in account “{account}”", "ru": "Нет человека «{name}» у клиента «{account}»"},
    "review.no_checkpoint": {"en": "No checkpoint “{name}” in account “{account}”", "ru": "Нет контрольной точки «{name}» у клиента «{account}»"},
    "review.no_comment": {"en": "No comment “{name}” in account “{account}”", "ru": "Нет замечания «{name}» у клиента «{account}»"},
    "portfolio.account": {"en": "Account", "ru": "Клиент"},
    "portfolio.owner": {"en": "Owner", "ru": "Ответственный"},
    "portfolio.value": {"en": "Value", "ru": "Сумма"},
    "portfolio.currency": {"en": "Currency", "ru": "Валюта"},
    "portfolio.stage": {"en": "Journey stage", "ru": "Этап пути"},
    "portfolio.temperature": {"en": "Temperature", "ru": "Температура"},
    "portfolio.close": {"en": "Target close", "ru": "Закрытие"},
    "portfolio.progress": {"en": "Progress", "ru": "Прогресс"},
    "portfolio.current": {"en": "Current checkpoint", "ru": "Текущая точка"},
    "portfolio.days": {"en": "Days in it", "ru": "Дней в ней"},
    "portfolio.overdue": {"en": "Overdue", "ru": "Просрочено"},
    "portfolio.people": {"en": "People", "ru": "Людей"},
    "portfolio.opponents": {"en": "Opponents", "ru": "Противников"},
    "portfolio.questions": {"en": "Open questions", "ru": "Открытых вопросов"},
    "portfolio.uncovered": {"en": "Centres without a supporter", "ru": "ЦФР без сторонника"},
    "portfolio.missing_roles": {"en": "Roles nobody fills", "ru": "Незаполненные роли"},
    "portfolio.written": {"en": "Portfolio of {count} account(s) written to {path}", "ru": "Портфель из {count} клиентов записан в {path}"},
    "portfolio.empty": {"en": "The workspace has no accounts.", "ru": "В рабочем пространстве нет клиентов."},
    "cli.brief_written": {"en": "Meeting brief written to {path}", "ru": "Памятка записана в {path}"},
    "cli.plan_written": {"en": "Account plan written to {path}", "ru": "План записан в {path}"},
    "cli.cannot_write": {"en": "Cannot write {path}: {detail}", "ru": "Не удаётся записать {path}: {detail}"},
    # brief --meeting (an id, a date or words of its goal) and --next
    "cli.no_meeting_match": {
        "en": "Account “{account}” has no meeting matching “{query}” (an id, a date or words of its goal). Its meetings:{meetings}",
        "ru": "У клиента «{account}» нет встречи по запросу «{query}» (идентификатор, дата или слова из цели). Встречи клиента:{meetings}"},
    "cli.meeting_ambiguous": {
        "en": "Several meetings match “{query}”; name one by its id or date:{meetings}",
        "ru": "Запросу «{query}» отвечают несколько встреч; укажите идентификатор или дату:{meetings}"},
    "cli.meeting_matched": {"en": "Meeting: {meeting}", "ru": "Встреча: {meeting}"},
    "cli.no_upcoming_meeting_past": {
        "en": "Account “{account}” has no meeting dated {date} or later; the last ones (use --meeting):{meetings}",
        "ru": "У клиента «{account}» нет встреч на {date} или позже; последние встречи (укажите --meeting):{meetings}"},
    # as_of.py (--today)
    "clock.bad_today": {"en": "--today wants a real date written as YYYY-MM-DD (e.g. 2027-03-31), not “{text}”.", "ru": "--today ждёт существующую дату в виде ГГГГ-ММ-ДД (например, 2027-03-31), а не «{text}»."},
    "clock.overdue": {"en": "overdue as of {today}: “{title}” was due {due}", "ru": "просрочено на {today}: «{title}», срок {due}"},
    "clock.untitled": {"en": "(untitled)", "ru": "(без названия)"},
    "clock.bad_environment": {"en": "ACCOUNTMAP_TODAY wants a real date written as YYYY-MM-DD (e.g. 2027-03-31), not “{text}”.", "ru": "ACCOUNTMAP_TODAY ждёт существующую дату в виде ГГГГ-ММ-ДД (например, 2027-03-31), а не «{text}»."},
    # progress on a terminal (cli/progress.py)
    "cli.progress_plan": {"en": "Laying out the account plan…", "ru": "Готовлю план работы с клиентом…"},
})
