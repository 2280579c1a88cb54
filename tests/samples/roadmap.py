"""A large sample roadmap (Russian): 40 checkpoints, 4 crossroads, a deliberate loop, the
road half travelled — for screenshots, the scene benchmark and the canvas tests.
Pure (no Qt)."""

from __future__ import annotations

import datetime as dt

from accountmap.domain.models import (
    Account,
    ExitCriterion,
    Roadmap,
    RoadmapEdge,
    RoadmapNode,
    Stakeholder,
)
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind

MAIN = [
    "Первая встреча с директором по ИТ",
    "Выявлены боли и мечты заказчика",
    "Карта центров принятия решений согласована с коучем",
    "Получен доступ к главному инженеру",
]
AUDIT = ["Аудит текущего решения и инфраструктуры", "Отчёт по аудиту защищён перед ЛПР",
         "План модернизации одобрен"]
AFTER_AUDIT = ["Диагностическая сессия с производством", "Техническое задание согласовано",
               "Бюджет подтверждён финансовым директором", "Сформирована рабочая группа"]
POC = ["Критерии успеха пилота утверждены", "Пилот (POC) на площадке заказчика",
       "Результаты пилота приняты рабочей группой", "Отчёт о пилоте представлен правлению"]
PROPOSAL = ["Коммерческое предложение направлено", "Презентация решения закупочному комитету",
            "Снятие возражений службы безопасности"]
TENDER = ["Участие в формировании требований тендера", "Тендерная документация опубликована",
          "Заявка подана на электронной площадке", "Защита заявки перед комиссией"]
DIRECT = ["Прямые переговоры о цене и условиях", "Согласование графика поставки"]
CONTRACT = ["Согласование договора с юристами", "Служба безопасности согласовала договор",
            "Подписание договора генеральным директором", "Получена предоплата",
            "Поставка оборудования на площадку", "Монтаж и пусконаладка",
            "Обучение персонала заказчика", "Опытная эксплуатация завершена",
            "Акт приёмки подписан", "Отзыв заказчика и кейс для рекомендаций",
            "Повторная потребность выявлена", "План развития аккаунта на следующий год",
            "Встреча по итогам года с ЛПР", "Рекомендация заказчика получена"]


def sample_roadmap(today: dt.date | None = None, *, positions: bool = True) -> Roadmap:
    today = today or dt.date(2026, 11, 23)
    nodes: list[RoadmapNode] = []
    edges: list[RoadmapEdge] = []

    def node(kind, title, **kw) -> str:
        n = RoadmapNode(kind=kind, title=title, **kw)
        nodes.append(n)
        return n.id

    def edge(a, b, outcome="", loop=False) -> str:
        e = RoadmapEdge(from_id=a, to_id=b, outcome=outcome, loop=loop)
        edges.append(e)
        return e.id

    def chain(titles, start_from, status=CheckpointStatus.PLANNED, **kw) -> tuple[str, str]:
        first = prev = None
        for t in titles:
            n = node(NodeKind.CHECKPOINT, t, status=status, **kw)
            if prev is None:
                first = n
                if start_from:
                    edge(start_from, n)
            else:
                edge(prev, n)
            prev = n
        return first, prev

    done = CheckpointStatus.DONE
    start = node(NodeKind.START, "Старт: входящий запрос")
    _, last = chain(MAIN, start, done)
    audit_q = node(NodeKind.DECISION, "Нужен ли аудит текущего решения?")
    edge(last, audit_q)
    a_first, a_last = chain(AUDIT, None, done)
    audit_yes = edge(audit_q, a_first, "Да, аудит нужен")
    b_first, b_last = chain(AFTER_AUDIT, None)
    edge(audit_q, b_first, "Нет")
    edge(a_last, b_first)
    # the road so far: the first after-audit steps done, the next active and overdue
    for n in nodes:
        if n.id == b_first:
            n.status = done
    for i, n in enumerate(nodes):
        if n.title == AFTER_AUDIT[1]:
            n.status = CheckpointStatus.ACTIVE
            n.activated_on = today - dt.timedelta(days=12)
            n.due = today - dt.timedelta(days=3)
            n.owner = "Ковалёв А. (КАМ)"
            n.exit_criteria = [ExitCriterion(text="ТЗ подписано ИТ и производством", done=True),
                               ExitCriterion(text="Бюджет в ТЗ совпадает с лимитом"),
                               ExitCriterion(text="Критерии приёмки записаны")]
        elif n.title == AFTER_AUDIT[2]:
            n.due = today + dt.timedelta(days=20)
    poc_q = node(NodeKind.DECISION, "Нужен ли пилот (proof of concept)?")
    edge(b_last, poc_q)
    p_first, p_last = chain(POC, None)
    edge(poc_q, p_first, "Да, пилот")
    # a deliberate loop: repeat the pilot when its results are not accepted
    pilot = next(n.id for n in nodes if n.title == POC[1])
    accepted = next(n.id for n in nodes if n.title == POC[2])
    edge(accepted, pilot, "Повторить пилот", loop=True)
    c_first, c_last = chain(PROPOSAL, None)
    edge(poc_q, c_first, "Нет, сразу КП")
    edge(p_last, c_first)
    tender_q = node(NodeKind.DECISION, "Будет ли тендер?")
    edge(c_last, tender_q)
    t_first, t_last = chain(TENDER, None)
    edge(tender_q, t_first, "Да, тендер")
    d_first, d_last = chain(DIRECT, None)
    edge(tender_q, d_first, "Нет, прямой договор")
    result_q = node(NodeKind.DECISION, "Итоги тендера?")
    edge(t_last, result_q)
    lost = node(NodeKind.LOST, "Проигрыш: тендер у конкурента")
    k_first, k_last = chain(CONTRACT, None)
    edge(result_q, k_first, "Победа в тендере")
    edge(result_q, lost, "Проиграли")
    edge(d_last, k_first)
    won = node(NodeKind.WON, "Победа: клиент рекомендует нас")
    edge(k_last, won)
    for n in nodes:
        if n.id == audit_q:
            n.chosen_edge_id = audit_yes
    roadmap = Roadmap(nodes=nodes, edges=edges)
    if positions:
        from accountmap.layout.roadmap_layout import layout_roadmap

        for n_id, (x, y) in layout_roadmap(roadmap).items():
            n = next(m for m in roadmap.nodes if m.id == n_id)
            n.x, n.y = x, y
    return roadmap


def sample_account(today: dt.date | None = None) -> Account:
    account = Account(name="АО «Северсталь-Инжиниринг» — модернизация АСУ ТП",
                      industry="Металлургия", roadmap=sample_roadmap(today))
    people = [Stakeholder(full_name="Петров Иван Сергеевич", title="Директор по ИТ"),
              Stakeholder(full_name="Смирнова Анна Викторовна", title="Финансовый директор"),
              Stakeholder(full_name="Кузнецов Олег Петрович", title="Главный инженер")]
    account.stakeholders = people
    active = next(n for n in account.roadmap.nodes if n.status == CheckpointStatus.ACTIVE)
    active.stakeholder_ids = [people[0].id, people[2].id]
    return account
