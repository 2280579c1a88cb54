"""Journey frameworks: the stations a client (and each person in it) travels through.

Two are built in (DOMAIN.md): the 12 stations of the podcast (seed 002) and the 5 stages
of the B2B template (seed 001). A workspace keeps its own editable copy; stations have
stable ids, so renaming or reordering a station keeps every assignment.
"""

from __future__ import annotations

from pydantic import Field

from accountmap.domain.models import Id, Model, Name, Text


class Station(Model):
    id: Id
    name_en: Name = ""
    name_ru: Name = ""
    description_en: Text = ""
    description_ru: Text = ""
    signs_en: list[Text] = Field(default_factory=list, max_length=100)
    signs_ru: list[Text] = Field(default_factory=list, max_length=100)

    def name(self, lang: str) -> str:
        primary = self.name_ru if lang == "ru" else self.name_en
        return primary or self.name_en or self.name_ru or self.id


class JourneyFramework(Model):
    id: Id
    name_en: Name = ""
    name_ru: Name = ""
    stations: list[Station] = Field(default_factory=list, max_length=100)

    def station(self, station_id: str | None) -> Station | None:
        return next((s for s in self.stations if s.id == station_id), None)

    def index(self, station_id: str | None) -> int | None:
        for i, s in enumerate(self.stations):
            if s.id == station_id:
                return i
        return None

    def name(self, lang: str) -> str:
        return (self.name_ru if lang == "ru" else self.name_en) or self.id


def _s(id_, en, ru, den, dru, signs_en=(), signs_ru=()):
    return Station(
        id=id_, name_en=en, name_ru=ru, description_en=den, description_ru=dru,
        signs_en=list(signs_en), signs_ru=list(signs_ru),
    )


TWELVE_STATIONS = JourneyFramework(
    id="stations12",
    name_en="12 stations of the client journey",
    name_ru="12 станций пути клиента",
    stations=[
        _s("awareness", "Awareness of a pain or a dream", "Осознание боли или мечты",
           "The client realises a problem or an aspiration.",
           "Клиент осознаёт проблему или мечту.",
           ["Talks about a problem without naming a solution"],
           ["Говорит о проблеме, не называя решения"]),
        _s("interest", "Interest", "Интерес",
           "Looks for ways to solve it; open to information.",
           "Ищет способы решения, открыт к информации.",
           ["\"Interesting, but not ready to meet\""],
           ["«Интересно, но к встрече не готов»"]),
        _s("desire", "Desire", "Желание",
           "Wants a solution and starts to imagine it.",
           "Хочет решение и начинает его представлять.",
           ["Asks what the result would look like for them"],
           ["Спрашивает, как будет выглядеть результат у них"]),
        _s("study", "Study", "Изучение",
           "Studies options, methods and vendors in depth.",
           "Глубоко изучает варианты, методы, поставщиков.",
           ["Ready for a diagnostic session"], ["Готов к диагностической сессии"]),
        _s("comparison", "Comparison", "Сравнение",
           "Compares vendors; competitors appear only here.",
           "Сравнивает поставщиков; конкуренты появляются только здесь.",
           ["Asks for proposals from several vendors", "Ready for a diagnostic session"],
           ["Запрашивает предложения у нескольких поставщиков",
            "Готов к диагностической сессии"]),
        _s("action", "Action: entering the deal", "Действие, вход в сделку",
           "Decides and signs; the first purchase begins.",
           "Принимает решение и подписывает; начинается первая покупка.",
           ["Discusses contract terms"], ["Обсуждает условия договора"]),
        _s("first_deal", "First deal completed", "Завершение первой сделки",
           "The first deal is delivered and closed.",
           "Первая сделка исполнена и закрыта.",
           ["Acceptance signed"], ["Подписан акт приёмки"]),
        _s("satisfaction", "Satisfaction", "Удовлетворение",
           "The client evaluates the result.", "Клиент оценивает результат.",
           ["Gives feedback on the result"], ["Даёт обратную связь о результате"]),
        _s("repeat", "Repeat deal", "Повторная сделка",
           "Buys again.", "Покупает снова.",
           ["Asks for the next phase"], ["Спрашивает о следующем этапе"]),
        _s("curiosity", "Curiosity", "Любопытство",
           "A satisfied client looks around: the risk of leaving.",
           "Довольный клиент оглядывается по сторонам: риск ухода.",
           ["Meets other vendors 'just to know'"],
           ["Встречается с другими поставщиками «просто узнать»"]),
        _s("loyalty", "Loyalty", "Лояльность",
           "Stays with us by choice.", "Остаётся с нами по собственному выбору.",
           ["Involves us early in new projects"], ["Зовёт нас рано в новые проекты"]),
        _s("recommendation", "Recommendation", "Рекомендации",
           "Recommends us to others.", "Рекомендует нас другим.",
           ["Agrees to be a reference"], ["Соглашается быть референсом"]),
    ],
)

FIVE_STAGES = JourneyFramework(
    id="stages5",
    name_en="5 stages of the B2B journey",
    name_ru="5 этапов пути B2B-клиента",
    stations=[
        _s("b2b_awareness", "Awareness", "Осведомлённость",
           "Becomes aware of the problem and of us.",
           "Узнаёт о проблеме и о нас."),
        _s("b2b_consideration", "Consideration", "Рассмотрение",
           "Considers options and vendors.", "Рассматривает варианты и поставщиков."),
        _s("b2b_purchase", "Purchase", "Покупка",
           "Decides and buys.", "Принимает решение и покупает."),
        _s("b2b_adoption", "Adoption", "Адаптация",
           "Puts the solution to use.", "Внедряет и осваивает решение."),
        _s("b2b_commitment", "Commitment", "Приверженность",
           "Stays, buys again, recommends.", "Остаётся, покупает снова, рекомендует."),
    ],
)

BUILT_IN_FRAMEWORKS: dict[str, JourneyFramework] = {
    TWELVE_STATIONS.id: TWELVE_STATIONS,
    FIVE_STAGES.id: FIVE_STAGES,
}


def built_in(framework_id: str) -> JourneyFramework:
    return BUILT_IN_FRAMEWORKS[framework_id].model_copy(deep=True)
