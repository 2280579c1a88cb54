"""Journey frameworks: the stations a client (and each person in it) travels through.

Two are built in (DOMAIN.md): the 12 stations of the podcast (seed 002) and the 5 stages
of the B2B template (seed 001). A workspace keeps its own editable copy; stations have
stable ids, so renaming or reordering a station keeps every assignment.

The pure helpers at the end edit a framework (rename, reorder, add, remove, switch to
another) and return a new copy; a station that is still assigned somewhere is never
dropped: `remove_station` refuses it (FrameworkError) and `switch_framework` keeps it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from pydantic import Field

from accountmap.domain.models import Account, Id, Model, Name, Text, new_id, new_list


class Station(Model):
    id: Id
    name_en: Name = ""
    name_ru: Name = ""
    description_en: Text = ""
    description_ru: Text = ""
    signs_en: list[Text] = Field(default_factory=new_list, max_length=100)
    signs_ru: list[Text] = Field(default_factory=new_list, max_length=100)

    def name(self, lang: str) -> str:
        primary = self.name_ru if lang == "ru" else self.name_en
        return primary or self.name_en or self.name_ru or self.id

    def description(self, lang: str) -> str:
        primary = self.description_ru if lang == "ru" else self.description_en
        return primary or self.description_en or self.description_ru

    def signs(self, lang: str) -> list[str]:
        primary = self.signs_ru if lang == "ru" else self.signs_en
        return list(primary or self.signs_en or self.signs_ru)


class JourneyFramework(Model):
    id: Id
    name_en: Name = ""
    name_ru: Name = ""
    stations: list[Station] = Field(default_factory=new_list, max_length=100)

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
    assert len(signs_en) == len(signs_ru)
    return Station(
        id=id_, name_en=en, name_ru=ru, description_en=den, description_ru=dru,
        signs_en=list(signs_en), signs_ru=list(signs_ru),
    )


# Signs: how a KAM recognises the station from what the client says and does (seed 002:
# "ready for a diagnostic session" = study/comparison; "interesting, but not ready to
# meet" = interest; feedback is asked the next day, not in the euphoria of an event).
TWELVE_STATIONS = JourneyFramework(
    id="stations12",
    name_en="12 stations of the client journey",
    name_ru="12 станций пути клиента",
    stations=[
        _s("awareness", "Awareness of a pain or a dream", "Осознание боли или мечты",
           "The client realises a pain (a problem) or a dream; until then there is no "
           "motive to move at all.",
           "Клиент осознаёт боль (проблему) или мечту; пока этого нет, у него нет мотива "
           "двигаться дальше.",
           ["Names a pain or a dream in their own words",
            "Talks about the problem but does not look for solutions yet",
            "Responds to stories of companies with the same problem"],
           ["Своими словами называет боль или мечту",
            "Говорит о проблеме, но решений ещё не ищет",
            "Откликается на истории компаний с той же проблемой"]),
        _s("interest", "Interest", "Интерес",
           "Looks for information about the problem: reads, visits specialist sites, "
           "comes to events.",
           "Ищет информацию о проблеме: читает, заходит на профильные сайты, приходит "
           "на мероприятия.",
           ["Came to a webinar or an event, but no further",
            "“Very interesting, I will try something myself, but not ready to meet yet”",
            "Asks for materials and cases rather than a meeting"],
           ["Пришёл на вебинар или мероприятие, но не дальше",
            "«Очень интересно, попробую что-то использовать, но встречаться пока не готов»",
            "Просит материалы и кейсы, а не встречу"]),
        _s("desire", "Desire", "Желание",
           "Interest turns into a need: wants a solution and starts to imagine it.",
           "Интерес перерастает в потребность: хочет решение и начинает его представлять.",
           ["“Yes, interesting — let us agree on a meeting this month”",
            "Asks what the result would look like in their company",
            "Looks for cases from their own industry"],
           ["«Да, интересно — давайте договоримся о встрече в этом месяце»",
            "Спрашивает, как будет выглядеть результат у них",
            "Ищет кейсы своей отрасли"]),
        _s("study", "Study", "Изучение",
           "Studies the details: technical and commercial sides, the cost of ownership.",
           "Изучает подробности: техническую и коммерческую стороны, стоимость владения.",
           ["Asks about details, terms and the cost of ownership",
            "Ready for a diagnostic session (a high temperature, not yet a guarantee)",
            "Brings specialists and colleagues into the conversation"],
           ["Расспрашивает о деталях, условиях и стоимости владения",
            "Готов к диагностике (температура высокая, но это ещё не гарантия)",
            "Подключает к разговору специалистов и коллег"]),
        _s("comparison", "Comparison", "Сравнение",
           "Compares offers on functions, cost and risks of ownership; competitors "
           "appear only here.",
           "Сравнивает предложения по функциям, стоимости и рискам владения; конкуренты "
           "появляются только здесь.",
           ["Asks several vendors for proposals",
            "Asks about competitors on their own (only now may we speak of them)",
            "Tests or pilots a competitor’s product"],
           ["Запрашивает предложения у нескольких поставщиков",
            "Сам спрашивает о конкурентах (только теперь о них можно говорить)",
            "Тестирует продукт конкурента или проводит пилот"]),
        _s("action", "Action: entering the deal", "Действие, вход в сделку",
           "Has chosen and enters the deal; for complex products a process of its own.",
           "Сделал выбор и входит в сделку; для сложных продуктов это целый процесс.",
           ["Negotiates contract, payment and delivery terms",
            "Procurement and lawyers are involved",
            "Asks for the project and delivery plan"],
           ["Обсуждает условия договора, оплаты и поставки",
            "Подключены закупки и юристы",
            "Просит план проекта и поставки"]),
        _s("first_deal", "First deal completed", "Завершение первой сделки",
           "The first deal is delivered and closed: only the entry to the client.",
           "Первая сделка исполнена и закрыта: это только вход к клиенту.",
           ["Delivery or implementation completed",
            "Acceptance certificate signed, the invoice paid"],
           ["Поставка или внедрение завершены",
            "Подписан акт приёмки, счёт оплачен"]),
        _s("satisfaction", "Satisfaction", "Удовлетворение",
           "Evaluates the result; without satisfaction the journey with us stops here.",
           "Оценивает результат; без удовлетворения путь с нами здесь и заканчивается.",
           ["Gives calm feedback the next day, not in the euphoria of the event",
            "Few complaints, and they are closed quickly",
            "Uses the result in everyday work"],
           ["Даёт спокойную обратную связь на следующий день, а не на эмоциях",
            "Претензий мало, и они быстро закрываются",
            "Пользуется результатом в повседневной работе"]),
        _s("repeat", "Repeat deal", "Повторная сделка",
           "Buys again: the lifetime value starts to grow.",
           "Покупает снова: начинает расти пожизненная ценность клиента.",
           ["Asks about the next phase or a larger volume",
            "Places a repeat order without a new tender"],
           ["Спрашивает о следующем этапе или большем объёме",
            "Делает повторный заказ без нового тендера"]),
        _s("curiosity", "Curiosity", "Любопытство",
           "A satisfied client looks around for something new: the risk of leaving.",
           "Довольный клиент оглядывается по сторонам в поисках нового: риск ухода.",
           ["Meets other vendors “just to know”",
            "Management announces a new tender or a market review",
            "A gap in our service (a missed delivery) left an empty place"],
           ["Встречается с другими поставщиками «просто узнать»",
            "Руководство объявляет новый тендер или обзор рынка",
            "После нашего сбоя (сорванной поставки) освободилось «место на полке»"]),
        _s("loyalty", "Loyalty", "Лояльность",
           "Stays with us by choice: loyal to the brand and to the people.",
           "Остаётся с нами по собственному выбору: лоялен бренду и людям.",
           ["Involves us early in new projects",
            "Chooses us without looking around at others",
            "Defends us inside their company"],
           ["Зовёт нас на ранней стадии новых проектов",
            "Выбирает нас, не оглядываясь на других",
            "Защищает нас внутри своей компании"]),
        _s("recommendation", "Recommendation", "Рекомендации",
           "The peak of loyalty: the client recommends us of their own will.",
           "Вершина лояльности: клиент рекомендует нас по собственной воле.",
           ["Agrees to be a reference or to speak at our event",
            "Brings new clients by word of mouth"],
           ["Соглашается быть референсом или выступить на нашем мероприятии",
            "Приводит новых клиентов «сарафанным радио»"]),
    ],
)

# Seed 001: the B2B template; signs follow its touchpoints before, during and after.
FIVE_STAGES = JourneyFramework(
    id="stages5",
    name_en="5 stages of the B2B journey",
    name_ru="5 этапов пути B2B-клиента",
    stations=[
        _s("b2b_awareness", "Awareness", "Осведомлённость",
           "Becomes aware of the problem and of us.",
           "Узнаёт о проблеме и о нас.",
           ["Reads our white papers, mailings or reviews",
            "Comes to a webinar or an industry event",
            "Leaves contact details or subscribes"],
           ["Читает наши white papers, рассылку или отзывы",
            "Приходит на вебинар или отраслевое мероприятие",
            "Оставляет контакты или подписывается на материалы"]),
        _s("b2b_consideration", "Consideration", "Рассмотрение",
           "Considers options and vendors, including our competitors.",
           "Рассматривает варианты и поставщиков, в том числе конкурентов.",
           ["Asks for a presentation or a commercial proposal",
            "Talks to competitors’ salespeople, tests their product",
            "Defines selection criteria with the buying group"],
           ["Просит презентацию или коммерческое предложение",
            "Общается с продавцами конкурентов, тестирует их продукт",
            "Вместе с закупочной группой определяет критерии выбора"]),
        _s("b2b_purchase", "Purchase", "Покупка",
           "Decides and buys: negotiation, contract, shipment.",
           "Принимает решение и покупает: переговоры, договор, отгрузка.",
           ["Negotiates terms; the contract is being drafted",
            "Procurement and lawyers are involved"],
           ["Ведёт переговоры; готовится договор",
            "Подключены закупки и юристы"]),
        _s("b2b_adoption", "Adoption", "Адаптация",
           "Puts the solution to use: delivery, implementation, training.",
           "Внедряет и осваивает решение: поставка, внедрение, обучение.",
           ["Delivery or implementation under way",
            "Answers satisfaction surveys, reports issues"],
           ["Идёт поставка или внедрение",
            "Отвечает на опросы удовлетворённости, сообщает о проблемах"]),
        _s("b2b_commitment", "Commitment", "Приверженность",
           "Stays, buys again with a larger volume, recommends.",
           "Остаётся, покупает снова и больше, рекомендует.",
           ["Places repeat orders",
            "Answers loyalty surveys positively",
            "Recommends us to others"],
           ["Делает повторные заказы",
            "Положительно отвечает на опросы лояльности",
            "Рекомендует нас другим"]),
    ],
)

BUILT_IN_FRAMEWORKS: dict[str, JourneyFramework] = {
    TWELVE_STATIONS.id: TWELVE_STATIONS,
    FIVE_STAGES.id: FIVE_STAGES,
}


def built_in(framework_id: str) -> JourneyFramework:
    return BUILT_IN_FRAMEWORKS[framework_id].model_copy(deep=True)


# ---------------------------------------------------------------------- editing helpers
class FrameworkError(ValueError):
    """A refused framework edit: a stable code and its details (texts in the catalogue)."""

    def __init__(self, code: str, **params: str) -> None:
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(f"{code}: {self.params}")


def assigned_stations(accounts: Iterable[Account]) -> Counter:
    """How many things stand at each station id: accounts, people, checkpoints, history
    events and filled journey-grid columns."""
    counts: Counter = Counter()
    for account in accounts:
        if account.journey_stage:
            counts[account.journey_stage] += 1
        for person in account.stakeholders:
            if person.journey_stage:
                counts[person.journey_stage] += 1
        for node in account.roadmap.nodes:
            if node.journey_stage:
                counts[node.journey_stage] += 1
        for event in account.journey_history:
            if event.journey_stage:
                counts[event.journey_stage] += 1
        for grid in account.journey_grids:
            for station_id, rows in grid.cells.items():
                if any(text.strip() for text in rows.values()):
                    counts[station_id] += 1
    return counts


def _copy(framework: JourneyFramework) -> JourneyFramework:
    return framework.model_copy(deep=True)


def _position(framework: JourneyFramework, station_id: str) -> int:
    index = framework.index(station_id)
    if index is None:
        raise FrameworkError("journey.no_station", station=station_id)
    return index


def rename_station(framework: JourneyFramework, station_id: str, lang: str,
                   name: str) -> JourneyFramework:
    """A copy with the station's name in `lang` ("en" or "ru") changed; the id stays."""
    return update_station(framework, station_id, **{f"name_{'ru' if lang == 'ru' else 'en'}": name})


def update_station(framework: JourneyFramework, station_id: str, **fields) -> JourneyFramework:
    """A copy with some of a station's fields (names, descriptions, signs) changed."""
    if "id" in fields:
        raise FrameworkError("journey.id_is_stable", station=station_id)
    result = _copy(framework)
    index = _position(result, station_id)
    data = {**result.stations[index].model_dump(), **fields}
    result.stations[index] = Station.model_validate(data)
    return result


def move_station(framework: JourneyFramework, station_id: str, new_index: int) -> JourneyFramework:
    """A copy with the station moved to `new_index` (clamped to the list)."""
    result = _copy(framework)
    station = result.stations.pop(_position(result, station_id))
    new_index = max(0, min(new_index, len(result.stations)))
    result.stations.insert(new_index, station)
    return result


def add_station(framework: JourneyFramework, name_en: str = "", name_ru: str = "",
                index: int | None = None, **fields) -> tuple[JourneyFramework, str]:
    """A copy with a new station (a fresh stable id) at `index` (default: the end)."""
    result = _copy(framework)
    existing = {s.id for s in result.stations}
    station_id = f"station_{new_id()[:8]}"
    while station_id in existing:
        station_id = f"station_{new_id()[:8]}"
    station = Station(id=station_id, name_en=name_en, name_ru=name_ru, **fields)
    if index is None:
        index = len(result.stations)
    result.stations.insert(max(0, min(index, len(result.stations))), station)
    return result, station_id


def remove_station(framework: JourneyFramework, station_id: str,
                   in_use: Mapping[str, int] | Iterable[str] = ()) -> JourneyFramework:
    """A copy without the station; refused (FrameworkError "journey.station_in_use")
    while anything still stands at it, and for the last station."""
    index = _position(framework, station_id)
    count = in_use.get(station_id, 0) if isinstance(in_use, Mapping) else \
        (1 if station_id in set(in_use) else 0)
    station = framework.stations[index]
    if count:
        raise FrameworkError("journey.station_in_use", en=station.name("en"),
                             ru=station.name("ru"), count=count)
    if len(framework.stations) == 1:
        raise FrameworkError("journey.last_station")
    result = _copy(framework)
    del result.stations[index]
    return result


def switch_framework(current: JourneyFramework, target: JourneyFramework,
                     in_use: Mapping[str, int] | Iterable[str] = ()) -> JourneyFramework:
    """`target` as the workspace's framework, keeping (at the end) every station of
    `current` that is still assigned and that `target` does not have, so nothing loses
    its stage; the person can reassign and then remove them."""
    result = _copy(target)
    have = {s.id for s in result.stations}
    used = set(in_use.keys() if isinstance(in_use, Mapping) else in_use)
    for station in current.stations:
        if station.id in used and station.id not in have:
            result.stations.append(station.model_copy(deep=True))
            have.add(station.id)
    return result


def lost_assignments(framework: JourneyFramework, in_use: Mapping[str, int] | Iterable[str]) -> set[str]:
    """Station ids that are assigned somewhere but missing from `framework` (should be
    empty after any edit made with the helpers above)."""
    used = set(in_use.keys() if isinstance(in_use, Mapping) else in_use)
    return used - {s.id for s in framework.stations}
