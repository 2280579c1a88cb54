"""`accountmap portfolio WORKSPACE [--csv FILE]`: every deal on one table, for a director."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from accountmap import catalogue

catalogue.MESSAGES.update({
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
})

COLUMNS = ("account", "owner", "value", "currency", "stage", "temperature", "close", "progress",
           "current", "days", "overdue", "people", "opponents", "questions", "uncovered",
           "missing_roles")


def register(sub) -> None:
    p = sub.add_parser("portfolio", help="one row per account: stage, progress, risks")
    p.add_argument("workspace", type=Path)
    p.add_argument("--csv", type=Path, help="write a CSV file (for spreadsheets) instead of a table")
    p.add_argument("--lang", choices=catalogue.LANGUAGES, default=None)
    p.set_defaults(func=run)


def rows(wf, lang: str, today: dt.date) -> list[list[object]]:
    from accountmap.domain.portfolio import summarise

    settings = wf.settings()
    framework = settings.journey_framework
    out = []
    for account_id in wf.account_ids():
        s = summarise(wf.load_account(account_id), today, settings.stale_contact_days)
        station = framework.station(s.journey_stage)
        out.append([
            s.name, s.owner, s.deal_value, s.currency, station.name(lang) if station else "",
            catalogue.label("temperature", s.temperature, lang),
            s.target_close.isoformat() if s.target_close else "",
            f"{s.checkpoints_done}/{s.checkpoints_total}", s.current_checkpoint,
            s.days_in_checkpoint, s.overdue, s.people, s.opponents, s.open_questions,
            s.uncovered_centres, ", ".join(catalogue.label("role", r, lang) for r in s.unfilled_roles),
        ])
    return out


def run(args) -> int:
    from accountmap.storage.workspace_file import WorkspaceFile

    if args.csv:
        from accountmap.storage.output_guard import guard_output

        guard_output(args.csv, [args.workspace])
    with WorkspaceFile.open(args.workspace, read_only=True) as wf:
        lang = args.lang or wf.settings().language
        header = [catalogue.text(f"portfolio.{c}", lang) for c in COLUMNS]
        table = rows(wf, lang, dt.date.today())
    if args.csv:
        from accountmap.storage.csv_export import to_csv
        from accountmap.storage.exchange import write_text_atomically

        write_text_atomically(args.csv, "\ufeff" + to_csv(header, table), [args.workspace])  # BOM: Excel reads UTF-8
        print(catalogue.text("portfolio.written", lang, count=len(table), path=args.csv))
        return 0
    if not table:
        print(catalogue.text("portfolio.empty", lang))
        return 0
    shown = [0, 1, 2, 4, 5, 7, 8, 9, 10, 14, 15]
    cells = [[header[i] for i in shown]] + [
        ["" if r[i] is None else (f"{r[i]:,.0f}".replace(",", " ") if i == 2 and r[i] else str(r[i]))
         for i in shown] for r in table]
    widths = [min(36, max(len(row[c]) for row in cells)) for c in range(len(shown))]
    for n, row in enumerate(cells):
        print("  ".join(_fit(v, w) for v, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    return 0


def _fit(value: str, width: int) -> str:
    value = value.replace("\n", " ")
    return (value[: width - 1] + "…") if len(value) > width else value.ljust(width)
