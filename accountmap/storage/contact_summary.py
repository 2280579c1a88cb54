"""What a contact import will do, told to a person (CLI and dialog), in English or Russian.
Reads a `contact_plan.ImportPlan`; no Qt."""

from __future__ import annotations

from accountmap import catalogue
from accountmap.domain.contact_plan import ImportPlan, Outcome, RowResult

catalogue.MESSAGES.update({
    "contacts.label_company": {"en": "Company: {value}", "ru": "Компания: {value}"},
    "contacts.label_tags": {"en": "CRM tags: {value}", "ru": "Теги CRM: {value}"},
    "contacts.summary": {
        "en": "{added} to add, {updated} to update, {same} already on the map, {skipped} skipped; {links} reports-to link(s)",
        "ru": "добавить: {added}, обновить: {updated}, уже на карте: {same}, пропустить: {skipped}; связей подчинения: {links}"},
    "contacts.done": {
        "en": "Imported into “{account}”: {added} added, {updated} updated, {same} already on the map, {skipped} skipped; {links} reports-to link(s)",
        "ru": "Загружено в «{account}»: добавлено {added}, обновлено {updated}, уже на карте {same}, пропущено {skipped}; связей подчинения: {links}"},
    "contacts.dry_run": {"en": "Dry run: nothing was written", "ru": "Пробный прогон: ничего не записано"},
    "contacts.nothing": {"en": "Nothing to change: every contact is already on the map",
                         "ru": "Менять нечего: все контакты уже на карте"},
    "contacts.detected": {"en": "Recognised as: {preset} ({encoding}, {rows} rows)",
                          "ru": "Распознано как: {preset} ({encoding}, строк: {rows})"},
    "contacts.custom": {"en": "an export of an unknown CRM", "ru": "выгрузка неизвестной CRM"},
    "contacts.row": {"en": "row {row}", "ru": "строка {row}"},
    "contacts.too_many_people": {
        "en": "The map of “{account}” would hold {count} people (at most {limit}); export only this client's contacts",
        "ru": "На карте «{account}» оказалось бы {count} человек (не больше {limit}); выгрузите только контакты этого клиента"},
    "contacts.no_name_column": {
        "en": "No column holds names or e-mails; choose the columns (in the app) or a --preset",
        "ru": "Ни один столбец не содержит имён или e-mail; выберите столбцы (в приложении) или --preset"},
    "contacts.skip_ragged": {"en": "more cells than the header has columns (a quote or delimiter out of place)",
                             "ru": "ячеек больше, чем столбцов в заголовке (лишняя кавычка или разделитель)"},
    "contacts.skip_no_name": {"en": "no name and no e-mail", "ru": "нет ни имени, ни e-mail"},
    "contacts.skip_other_company": {"en": "another company: {company}", "ru": "другая компания: {company}"},
    "contacts.skip_too_long": {"en": "a field is longer than {limit} characters",
                               "ru": "поле длиннее {limit} символов"},
    "contacts.skip_same_email": {"en": "the same e-mail {email} as row {other}",
                                 "ru": "тот же e-mail {email}, что в строке {other}"},
    "contacts.skip_same_id": {"en": "the same CRM id {id} as row {other}",
                              "ru": "тот же идентификатор CRM {id}, что в строке {other}"},
    "contacts.skip_same_name": {"en": "the same name as row {other}, and no e-mail to tell them apart",
                                "ru": "то же имя, что в строке {other}, и нет e-mail, чтобы их различить"},
    "contacts.skip_same_person": {"en": "the same person on the map as row {other}",
                                  "ru": "тот же человек на карте, что в строке {other}"},
    "contacts.manager_missing": {"en": "reports to {manager}, who is neither in the file nor on the map: no link",
                                 "ru": "подчиняется {manager}, которого нет ни в файле, ни на карте: связь не создана"},
    "contacts.manager_self": {"en": "reports to themselves: no link", "ru": "подчиняется сам себе: связь не создана"},
    "contacts.manager_kept": {"en": "already reports to {manager} on the map: kept",
                              "ru": "на карте уже подчиняется {manager}: оставлено"},
    "contacts.manager_cycle": {"en": "reporting to {manager} would close a cycle: no link",
                               "ru": "подчинение {manager} замкнуло бы цикл: связь не создана"},
})


def labels(lang: str) -> dict[str, str]:
    """The words written into contact notes, in the workspace's language."""
    return {"company": catalogue.text("contacts.label_company", lang, value="{value}"),
            "tags": catalogue.text("contacts.label_tags", lang, value="{value}")}


def counts(plan: ImportPlan) -> dict[str, int]:
    return {"added": plan.count(Outcome.ADD), "updated": plan.count(Outcome.UPDATE),
            "same": plan.count(Outcome.SAME), "skipped": plan.count(Outcome.SKIP),
            "links": len(plan.relationships)}


def summary(plan: ImportPlan, lang: str) -> str:
    return catalogue.text("contacts.summary", lang, **counts(plan))


def reason(result: RowResult, lang: str) -> str:
    return catalogue.text(result.reason, lang, **result.params)


def problem_lines(plan: ImportPlan, lang: str, limit: int | None = None) -> list[str]:
    """“row 7: Иванов Иван — the same e-mail as row 3”, skipped rows then link warnings."""
    lines = []
    for result in [r for r in plan.rows if r.outcome is Outcome.SKIP] + plan.warnings:
        where = catalogue.text("contacts.row", lang, row=result.row)
        who = f" {result.name}" if result.name else ""
        lines.append(f"{where}:{who} — {reason(result, lang)}")
    if limit is not None and len(lines) > limit:
        rest = len(lines) - limit
        lines = lines[:limit] + [f"… (+{rest})"]
    return lines
