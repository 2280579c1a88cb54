"""The message catalogue for everything outside Qt (CLI, briefings): English and Russian.

The Qt UI translates its own strings with `tr()`; vocabulary labels (roles, attitudes...)
are shared from here so the map, the briefing and the CLI call things by the same names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keep this module cheap to import: the CLI loads it at start-up
    from accountmap.domain.problems import Problem

LANGUAGES = ("ru", "en")

class Messages(dict):
    """The messages of one layer, `{key: {"en": ..., "ru": ...}}`, defined in the layer that
    raises or prints them (storage.errors, briefing.messages, cli.messages) and read through
    it, so a text never depends on which modules happen to be imported. A key the table
    does not hold is looked up in the catalogue's shared `MESSAGES` (vocabulary, problems)."""

    def text(self, key: str, lang: str = "en", /, **params: object) -> str:
        entry = self.get(key) or MESSAGES.get(key)
        if entry is None:
            return key
        template = entry.get(lang) or entry["en"]
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


# The shared messages: what the domain's codes mean (problems, refused framework edits)
# and the vocabulary.
MESSAGES: Messages = Messages({
    # Problems found by the rules
    "roadmap.no_start": {"en": "The roadmap has no start", "ru": "У дорожной карты нет старта"},
    "roadmap.extra_start": {"en": "More than one start: “{title}”", "ru": "Лишний старт: «{title}»"},
    "roadmap.edge_dangling": {"en": "A branch leads to a node that does not exist", "ru": "Ветка ведёт к несуществующему узлу"},
    "roadmap.edge_to_itself": {"en": "A branch leads from “{title}” back to itself without being marked as a loop", "ru": "Ветка ведёт из «{title}» в себя же и не отмечена как цикл"},
    "roadmap.unreachable": {"en": "Unreachable from the start: “{title}”", "ru": "Недостижима от старта: «{title}»"},
    "roadmap.dead_end": {"en": "Dead end (not won or lost): “{title}”", "ru": "Тупик (не победа и не проигрыш): «{title}»"},
    "roadmap.decision_few_outcomes": {"en": "Crossroads “{title}” has {count} outcome(s); it needs at least two", "ru": "У развилки «{title}» исходов: {count}; нужно не меньше двух"},
    "roadmap.outcome_unlabelled": {"en": "An outcome of crossroads “{title}” has no label", "ru": "Исход развилки «{title}» без подписи"},
    "roadmap.chosen_outcome_missing": {"en": "Crossroads “{title}” has a chosen outcome that no longer exists", "ru": "У развилки «{title}» выбран исход, которого больше нет"},
    "roadmap.cycle": {"en": "A cycle from “{from}” back to “{to}” is not marked as a deliberate loop", "ru": "Цикл из «{from}» обратно в «{to}» не отмечен как намеренный"},
    "roadmap.several_active": {"en": "More than one active checkpoint on the road: “{title}”", "ru": "Больше одной активной контрольной точки: «{title}»"},
    "account.stakeholder_centre_missing": {"en": "“{name}” belongs to a decision centre that does not exist", "ru": "«{name}» относится к несуществующему центру решений"},
    "account.relationship_dangling": {"en": "A relationship connects a person who does not exist", "ru": "Связь ведёт к несуществующему человеку"},
    "account.question_person_missing": {"en": "An open question is addressed to a person who does not exist: “{question}”", "ru": "Открытый вопрос адресован несуществующему человеку: «{question}»"},
    "account.node_person_missing": {"en": "Checkpoint “{title}” involves a person who does not exist", "ru": "В контрольной точке «{title}» участвует несуществующий человек"},
    "account.meeting_checkpoint_missing": {"en": "A meeting serves a checkpoint that does not exist: “{goal}”", "ru": "Встреча относится к несуществующей контрольной точке: «{goal}»"},
    "account.reports_to_cycle": {"en": "Reports-to cycle: {names}", "ru": "Цикл подчинения: {names}"},
    # Journey framework edits the domain refuses (FrameworkError codes)
    "journey.station_in_use": {
        "en": "“{en}” cannot be removed: {count} item(s) (the account, people, checkpoints, "
              "history or grid columns) still stand at it. Move them to another station first.",
        "ru": "Станцию «{ru}» нельзя удалить: на ней ещё {count} объект(ов) (клиент, люди, "
              "контрольные точки, история или столбцы сетки). Сначала переведите их на другую станцию."},
    "journey.last_station": {"en": "A framework needs at least one station.",
                             "ru": "В пути клиента должна остаться хотя бы одна станция."},
    "journey.no_station": {"en": "There is no station “{station}”.", "ru": "Нет станции «{station}»."},
    "journey.id_is_stable": {"en": "A station’s id never changes.",
                             "ru": "Идентификатор станции не меняется."},
    "account.duplicate_ids": {"en": "Two people share one id", "ru": "У двух людей одинаковый идентификатор"},
    # Vocabulary
    "role.decision_maker": {"en": "Decision maker", "ru": "ЛПР"},
    "role.economic_buyer": {"en": "Economic buyer", "ru": "Экономический покупатель"},
    "role.technical_buyer": {"en": "Technical buyer", "ru": "Технический покупатель"},
    "role.user_buyer": {"en": "User buyer", "ru": "Пользователь"},
    "role.influencer": {"en": "Influencer", "ru": "ЛВР"},
    "role.gatekeeper": {"en": "Gatekeeper", "ru": "Привратник"},
    "role.champion": {"en": "Champion / coach", "ru": "Чемпион / коуч"},
    "role.blocker": {"en": "Blocker", "ru": "Блокирующий"},
    "influence.high": {"en": "High", "ru": "Высокое"},
    "influence.medium": {"en": "Medium", "ru": "Среднее"},
    "influence.low": {"en": "Low", "ru": "Низкое"},
    "attitude.champion": {"en": "Champion", "ru": "Чемпион"},
    "attitude.supporter": {"en": "Supporter", "ru": "Сторонник"},
    "attitude.neutral": {"en": "Neutral", "ru": "Нейтрален"},
    "attitude.sceptic": {"en": "Sceptic", "ru": "Скептик"},
    "attitude.opponent": {"en": "Opponent", "ru": "Противник"},
    "interest.business": {"en": "Business", "ru": "Бизнес"},
    "interest.personal": {"en": "Personal", "ru": "Личное"},
    "interest.pain": {"en": "Pain", "ru": "Боль"},
    "interest.dream": {"en": "Dream", "ru": "Мечта"},
    "relationship.reports_to": {"en": "Reports to", "ru": "Подчиняется"},
    "relationship.influences": {"en": "Influences", "ru": "Влияет"},
    "relationship.ally": {"en": "Ally", "ru": "Союзник"},
    "relationship.conflict": {"en": "Conflict", "ru": "Конфликт"},
    "channel.meeting": {"en": "Meeting", "ru": "Встреча"},
    "channel.call": {"en": "Call", "ru": "Звонок"},
    "channel.email": {"en": "Email", "ru": "Письмо"},
    "channel.document": {"en": "Document", "ru": "Документ"},
    "channel.event": {"en": "Event", "ru": "Мероприятие"},
    "channel.webinar": {"en": "Webinar", "ru": "Вебинар"},
    "channel.proposal": {"en": "Proposal", "ru": "Предложение"},
    "channel.delivery": {"en": "Delivery", "ru": "Поставка"},
    "channel.survey": {"en": "Survey", "ru": "Опрос"},
    "channel.other": {"en": "Other", "ru": "Другое"},
    "question.open": {"en": "Open", "ru": "Открыт"},
    "question.asked": {"en": "Asked", "ru": "Задан"},
    "question.answered": {"en": "Answered", "ru": "Получен ответ"},
    "question.dropped": {"en": "Dropped", "ru": "Снят"},
    "node.start": {"en": "Start", "ru": "Старт"},
    "node.checkpoint": {"en": "Checkpoint", "ru": "Контрольная точка"},
    "node.decision": {"en": "Crossroads", "ru": "Развилка"},
    "node.won": {"en": "Won", "ru": "Победа"},
    "node.lost": {"en": "Lost", "ru": "Проигрыш"},
    "outcome.yes": {"en": "Yes", "ru": "Да"},
    "outcome.no": {"en": "No", "ru": "Нет"},
    "status.planned": {"en": "Planned", "ru": "Запланирована"},
    "status.active": {"en": "Active", "ru": "Активна"},
    "status.done": {"en": "Done", "ru": "Пройдена"},
    "status.skipped": {"en": "Skipped", "ru": "Пропущена"},
    "status.failed": {"en": "Failed", "ru": "Провалена"},
    "temperature.cold": {"en": "Cold", "ru": "Холодный"},
    "temperature.cool": {"en": "Cool", "ru": "Прохладный"},
    "temperature.warm": {"en": "Warm", "ru": "Тёплый"},
    "temperature.hot": {"en": "Hot", "ru": "Горячий"},
    "phase.before": {"en": "Before the deal", "ru": "До сделки"},
    "phase.during": {"en": "During the deal", "ru": "Во время сделки"},
    "phase.after": {"en": "After the deal", "ru": "После сделки"},
    "grid.information_needed": {"en": "Information they need", "ru": "Какая информация нужна"},
    "grid.actions_wanted": {"en": "Actions we want them to take", "ru": "Какие действия мы от них хотим"},
    "grid.our_actions": {"en": "Actions we take", "ru": "Какие действия предпринимаем мы"},
    "grid.key_messages": {"en": "Key messages and checkpoints", "ru": "Ключевые сообщения и контрольные точки"},
    "grid.influence_sources": {"en": "Sources that influence them", "ru": "Источники влияния"},
    "grid.content_types": {"en": "Content types", "ru": "Типы контента"},
})


def text(key: str, lang: str = "en", /, **params: object) -> str:
    return MESSAGES.text(key, lang, **params)


def label(prefix: str, value: object, lang: str = "en") -> str:
    """A vocabulary value as a person reads it, e.g. label("role", BuyingRole.CHAMPION)."""
    return text(f"{prefix}.{getattr(value, 'value', value)}", lang)


def outcome_text(outcome: str, lang: str = "en") -> str:
    """A branch's outcome as a person reads it: the default ids (yes / no) translated,
    the user's own words as written."""
    return text(f"outcome.{outcome}", lang) if f"outcome.{outcome}" in MESSAGES else outcome


def describe(problem: "Problem", lang: str = "en") -> str:
    return text(problem.code, lang, **problem.params)
