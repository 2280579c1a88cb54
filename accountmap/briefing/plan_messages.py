"""Catalogue keys of the account plan's sections added for paper (issue 17): summary,
decision centres, people's interests, the road as text and as a diagram, the journey."""

from __future__ import annotations

from accountmap import catalogue

PLAN_MESSAGES: dict[str, dict[str, str]] = {
    "plan.next_checkpoint": {"en": "Next checkpoint", "ru": "Следующая контрольная точка"},
    "plan.next_meeting": {"en": "Next meeting", "ru": "Следующая встреча"},
    "plan.no_next_meeting": {"en": "No meeting planned", "ru": "Встреч не запланировано"},
    "plan.coverage": {"en": "Coverage", "ru": "Охват"},
    "plan.coverage_text": {"en": "{covered} of {centres} decision centres have a supporter of ours; {contacted} of {people} people contacted in the last 30 days",
                           "ru": "Нашего сторонника имеют {covered} из {centres} центров решений; за последние 30 дней был контакт с {contacted} из {people} человек"},
    "plan.top_risks": {"en": "Risks", "ru": "Риски"},
    "plan.centres": {"en": "Decision centres ({count})", "ru": "Центры решений ({count})"},
    "plan.centre": {"en": "Decision centre", "ru": "Центр решений"},
    "plan.centre_interest": {"en": "Its interest", "ru": "Интерес центра"},
    "plan.centre_people": {"en": "People", "ru": "Люди"},
    "plan.centre_coverage": {"en": "Supporter of ours", "ru": "Наш сторонник"},
    "plan.no_supporter": {"en": "none", "ru": "нет"},
    "plan.no_people": {"en": "nobody on the map", "ru": "никого на карте"},
    "plan.stance": {"en": "Influence, attitude, our relationship", "ru": "Влияние, отношение, наша связь"},
    "plan.strength_value": {"en": "relationship {strength}/5", "ru": "связь {strength}/5"},
    "plan.station_col": {"en": "Station", "ru": "Этап"},
    "plan.interests": {"en": "What each person cares about", "ru": "Что важно каждому"},
    "plan.no_interests": {"en": "no interests written", "ru": "интересы не записаны"},
    "plan.overdue": {"en": "overdue", "ru": "просрочен"},  # a question (вопрос)
    "plan.overdue_checkpoint": {"en": "overdue", "ru": "просрочена"},  # контрольная точка
    "plan.road_text": {"en": "The road", "ru": "Путь по дорожной карте"},
    "plan.travelled": {"en": "Path travelled", "ru": "Пройденный путь"},
    "plan.here_and_ahead": {"en": "Where we are and the road ahead", "ru": "Где мы сейчас и дорога впереди"},
    "plan.not_taken": {"en": "Alternatives not taken", "ru": "Невыбранные варианты"},
    "plan.chosen": {"en": "chosen", "ru": "выбрано"},
    "plan.leads_to": {"en": "leads to", "ru": "ведёт к"},
    "plan.then": {"en": "then", "ru": "далее"},
    "plan.loop": {"en": "back to", "ru": "возврат к"},
    "plan.due_status": {"en": "Due, status", "ru": "Срок, статус"},
    "plan.crossroads": {"en": "Crossroads", "ru": "Развилка"},
    "plan.road_diagram": {"en": "Roadmap diagram", "ru": "Схема дорожной карты"},
    "plan.continued_to": {"en": "→ p. {page}, «{title}»", "ru": "→ с. {page}, «{title}»"},
    "plan.continued_from": {"en": "from p. {page}, «{title}» →", "ru": "с. {page}, «{title}» →"},
    "plan.part": {"en": "part {part} of {parts}", "ru": "часть {part} из {parts}"},
    "plan.journey": {"en": "The client's journey", "ru": "Путь клиента"},
    "plan.account_station": {"en": "The account is at: {station}", "ru": "Клиент на этапе: {station}"},
    "plan.signs": {"en": "Signs of this station", "ru": "Признаки этапа"},
    "plan.history": {"en": "Station history", "ru": "История этапов"},
    "plan.reason": {"en": "Why", "ru": "Почему"},
    "plan.evidence": {"en": "Evidence", "ru": "Подтверждение"},
    "plan.lineup": {"en": "Who is at which station", "ru": "Кто на каком этапе"},
    "plan.not_placed": {"en": "Station not set", "ru": "Этап не указан"},
    "plan.participants": {"en": "Who", "ru": "Кто"},
    "plan.how": {"en": "How", "ru": "Как"},
}

catalogue.MESSAGES.update(PLAN_MESSAGES)
