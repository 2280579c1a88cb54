"""Words of the portfolio review (CLI, report, the app's portfolio view): catalogue keys
and `flag_reason`, the one sentence that says why a deal-health flag fired."""

from __future__ import annotations

from accountmap import catalogue
from accountmap.domain.deal_health import Flag, FlagKind

MAX_NAME = 80  # a question's text can be long: the reason quotes its start

REVIEW_MESSAGES: dict[str, dict[str, str]] = {
    # Flags: a short name (column, filter) and the reason (with the names)
    "flag.stalled": {"en": "Stalled", "ru": "Застряла"},
    "flag.overdue_checkpoint": {"en": "Overdue checkpoint", "ru": "Просрочена точка"},
    "flag.high_influence_opponent": {"en": "Influential opponent", "ru": "Влиятельный противник"},
    "flag.no_economic_buyer": {"en": "No economic buyer", "ru": "Нет эконом. покупателя"},
    "flag.no_champion": {"en": "No champion", "ru": "Нет чемпиона"},
    "flag.uncovered_centre": {"en": "Centre not covered", "ru": "ЦФР без сторонника"},
    "flag.neglected_influencer": {"en": "Influencer neglected", "ru": "Нет контакта с влиятельным"},
    "flag.overdue_question": {"en": "Question overdue", "ru": "Вопрос просрочен"},
    "flag.no_next_meeting": {"en": "No next meeting", "ru": "Нет следующей встречи"},
    "reason.stalled": {
        "en": "“{names}” has been the current checkpoint for {days} days (more than {limit})",
        "ru": "«{names}» — текущая точка уже {days} дн. (порог {limit})"},
    "reason.overdue_checkpoint": {
        "en": "Checkpoints past their due date: {names}",
        "ru": "Контрольные точки со сроком в прошлом: {names}"},
    "reason.high_influence_opponent": {
        "en": "High influence, against us: {names}",
        "ru": "Высокое влияние и против нас: {names}"},
    "reason.no_economic_buyer": {
        "en": "Nobody on the map is the economic buyer",
        "ru": "На карте нет экономического покупателя"},
    "reason.no_champion": {
        "en": "Nobody on the map is a champion of ours",
        "ru": "На карте нет нашего чемпиона"},
    "reason.uncovered_centre": {
        "en": "Decision centres without a supporter or champion: {names}",
        "ru": "Центры решений без сторонника или чемпиона: {names}"},
    "reason.neglected_influencer": {
        "en": "High influence, no contact for over {limit} days: {names}",
        "ru": "Высокое влияние, нет контакта более {limit} дн.: {names}"},
    "reason.overdue_question": {
        "en": "Open questions past their due date: {names}",
        "ru": "Открытые вопросы со сроком в прошлом: {names}"},
    "reason.no_next_meeting": {
        "en": "No meeting booked from today on",
        "ru": "Ни одной встречи не назначено с сегодняшнего дня"},
    # Outcomes of a deal
    "outcome.open": {"en": "Open", "ru": "В работе"},
    "outcome.won": {"en": "Won", "ru": "Выиграна"},
    "outcome.lost": {"en": "Lost", "ru": "Проиграна"},
    # Columns of the review
    "review.account": {"en": "Account", "ru": "Клиент"},
    "review.kam": {"en": "KAM", "ru": "KAM"},
    "review.value": {"en": "Value", "ru": "Сумма"},
    "review.currency": {"en": "Currency", "ru": "Валюта"},
    "review.station": {"en": "Station", "ru": "Станция"},
    "review.temperature": {"en": "Temperature", "ru": "Температура"},
    "review.current": {"en": "Current checkpoint", "ru": "Текущая точка"},
    "review.progress": {"en": "Progress", "ru": "Прогресс"},
    "review.days": {"en": "Days in it", "ru": "Дней в ней"},
    "review.next_meeting": {"en": "Next meeting", "ru": "След. встреча"},
    "review.coverage": {"en": "Coverage", "ru": "Покрытие"},
    "review.flags": {"en": "Flags", "ru": "Флаги"},
    "review.outcome": {"en": "Outcome", "ru": "Итог"},
    "review.file": {"en": "File", "ru": "Файл"},
    "review.files": {"en": "Files", "ru": "Файлы"},
    "review.reasons": {"en": "Why", "ru": "Почему"},
    # The report
    "review.title": {"en": "Portfolio review", "ru": "Обзор портфеля сделок"},
    "review.subtitle": {
        "en": "{deals} deal(s) in {files} file(s), as of {date}",
        "ru": "Сделок: {deals}, файлов: {files}, на {date}"},
    "review.totals": {"en": "Totals per currency", "ru": "Итоги по валютам"},
    "review.total_line": {"en": "{value} in {deals} deal(s)",
                          "ru": "{value}, сделок: {deals}"},
    "review.no_value": {"en": "Deals without a value: {deals}", "ru": "Сделок без суммы: {deals}"},
    "review.summary": {"en": "Every deal", "ru": "Все сделки"},
    "review.flagged_deal": {"en": "Flagged deal", "ru": "Сделка с флагами"},
    "review.road": {"en": "Position on the road", "ru": "Положение на дороге"},
    "review.road_line": {"en": "{done} of about {total} checkpoints passed",
                         "ru": "Пройдено {done} из примерно {total} контрольных точек"},
    "review.no_road": {"en": "No roadmap yet", "ru": "Дорожной карты пока нет"},
    "review.days_line": {"en": "{days} day(s) in it", "ru": "в ней {days} дн."},
    "review.coverage_head": {"en": "Coverage", "ru": "Покрытие"},
    "review.coverage_line": {
        "en": "{covered} of {total} decision centres have a supporter or champion",
        "ru": "{covered} из {total} центров решений имеют сторонника или чемпиона"},
    "review.no_centres": {"en": "No decision centres on the map",
                          "ru": "На карте нет центров решений"},
    "review.roles_missing": {"en": "Roles nobody fills", "ru": "Роли, которые никто не занимает"},
    "review.roles_all": {"en": "Every key role is filled", "ru": "Все ключевые роли заняты"},
    "review.people_line": {"en": "People on the map: {count}; opponents: {opponents}",
                           "ru": "Людей на карте: {count}; противников: {opponents}"},
    "review.flags_head": {"en": "Flags", "ru": "Флаги"},
    "review.no_flags": {"en": "No flags: nothing needs the director's attention.",
                        "ru": "Флагов нет: внимания руководителя не требуется."},
    "review.none_flagged": {"en": "No deal is flagged.", "ru": "Ни у одной сделки нет флагов."},
    "review.empty": {"en": "No accounts found in the files given.",
                     "ru": "В указанных файлах нет клиентов."},
    "review.patterns": {"en": "The patterns of the road", "ru": "Закономерности дороги"},
    "review.patterns_intro": {
        "en": "Across every deal reviewed: how many deals reached each checkpoint, how long "
              "they stayed in it, and where the crossroads led.",
        "ru": "По всем сделкам обзора: сколько сделок дошло до каждой контрольной точки, "
              "сколько дней в ней провели и куда вели развилки."},
    "review.checkpoint": {"en": "Checkpoint", "ru": "Контрольная точка"},
    "review.reached": {"en": "Deals reached", "ru": "Дошли сделок"},
    "review.median_days": {"en": "Median days", "ru": "Медиана дней"},
    "review.longest_days": {"en": "Longest", "ru": "Дольше всего"},
    "review.crossroads": {"en": "Crossroads", "ru": "Развилка"},
    "review.crossroads_head": {"en": "Where the crossroads led", "ru": "Куда вели развилки"},
    "review.outcome_taken": {"en": "Outcome taken", "ru": "Выбранный исход"},
    "review.took": {"en": "Deals", "ru": "Сделок"},
    "review.won": {"en": "Won", "ru": "Выиграно"},
    "review.lost": {"en": "Lost", "ru": "Проиграно"},
    "review.no_patterns": {"en": "No checkpoint has been reached yet.",
                           "ru": "Ни одна контрольная точка ещё не пройдена."},
    "review.chart_deals": {"en": "Deals by station", "ru": "Сделок по станциям"},
    "review.chart_value": {"en": "Value by station ({currency})", "ru": "Сумма по станциям ({currency})"},
    "review.unlabelled": {"en": "(no label)", "ru": "(без подписи)"},
    "review.written": {"en": "Portfolio review of {count} deal(s) written to {path}",
                       "ru": "Обзор портфеля записан в {path} (сделок: {count})"},
    "review.skipped": {"en": "Skipped {path}: {reason}", "ru": "Пропущен {path}: {reason}"},
    "review.also_in": {"en": "also in {files}", "ru": "также в {files}"},
}
catalogue.MESSAGES.update(REVIEW_MESSAGES)


def _short(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def flag_name(flag: Flag | FlagKind, lang: str) -> str:
    kind = flag.kind if isinstance(flag, Flag) else flag
    return catalogue.text(f"flag.{kind.value}", lang)


def flag_reason(flag: Flag, lang: str) -> str:
    """Why the flag fired, in one sentence with the names (“a”, “b”)."""
    quote = "«{}»" if lang == "ru" else "“{}”"
    if flag.kind == FlagKind.STALLED:
        names = ", ".join(_short(n) for n in flag.names)
    else:
        names = ", ".join(quote.format(_short(n)) if flag.kind in (
            FlagKind.OVERDUE_CHECKPOINT, FlagKind.OVERDUE_QUESTION, FlagKind.UNCOVERED_CENTRE)
            else _short(n) for n in flag.names)
    return catalogue.text(f"reason.{flag.kind.value}", lang, names=names, days=flag.days,
                          limit=flag.limit)

