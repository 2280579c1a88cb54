"""Accounts for the briefing tests and scripts/bench, built with the domain
models (no dependency on the demo workspace)."""

from __future__ import annotations

import datetime as dt

from accountmap.domain.models import (
    Account,
    DecisionCentre,
    ExitCriterion,
    Interest,
    JourneyGrid,
    Meeting,
    OpenQuestion,
    Relationship,
    Roadmap,
    RoadmapEdge,
    RoadmapNode,
    Stakeholder,
    Touchpoint,
)
from accountmap.domain.vocabulary import (
    Attitude,
    BuyingRole,
    Channel,
    CheckpointStatus,
    GridRow,
    Influence,
    InterestKind,
    NodeKind,
    RelationshipKind,
    Temperature,
)
from accountmap.layout import sizes

TODAY = dt.date(2026, 3, 10)
MARKUP = "R&D <b>bold</b> a<br>b 100%"
LONG_WORD = "Ж" * 150 + "x" * 150  # 300 characters, no break

FIRST = ["Ирина", "Сергей", "Ольга", "Дмитрий", "Анна", "Павел", "Елена", "Алексей",
         "Мария", "Николай"]
LAST = ["Соколова", "Петров", "Кузнецова", "Волков", "Морозова", "Лебедев", "Новикова",
        "Фёдоров", "Смирнова", "Орлов"]
TITLES = ["Финансовый директор", "ИТ-директор", "Главный инженер", "Директор по закупкам",
          "Начальник службы безопасности", "Генеральный директор"]
CENTRES = ["Финансы", "ИТ", "Производство", "Закупки", "Безопасность", "Руководство"]


def person_name(i: int) -> str:
    name = f"{FIRST[i % 10]} {LAST[(i * 3) % 10]}"
    return name if i < 10 else f"{name} {i}"


def make_account(people: int = 6, checkpoints: int = 6, *, hostile: bool = False,
                 meetings: int = 1, attendees: int | None = None) -> Account:
    n_centres = min(len(CENTRES), max(1, people // 3)) if people else 0
    per_centre = -(-people // n_centres) if n_centres else 0
    centre_rows = max(1, -(-per_centre // 3))
    centre_h = 56 + centre_rows * (sizes.CARD_HEIGHT + 20) + 10
    centres = [
        DecisionCentre(id=f"dc{i}", name=CENTRES[i % len(CENTRES)],
                       interest="Снизить затраты", x=i % 3 * 790.0,
                       y=i // 3 * (centre_h + 40), width=760.0, height=centre_h)
        for i in range(n_centres)
    ]
    stakeholders = []
    for i in range(people):
        centre = centres[i % len(centres)] if centres else None
        slot = i // max(1, len(centres))
        stakeholders.append(Stakeholder(
            id=f"p{i}", full_name=person_name(i), title=TITLES[i % len(TITLES)],
            decision_centre_id=centre.id if centre else None,
            roles=[list(BuyingRole)[i % len(BuyingRole)]] + ([BuyingRole.INFLUENCER] if i % 4 == 1 else []),
            influence=list(Influence)[i % 3], attitude=list(Attitude)[i % 5],
            interests=[
                Interest(kind=InterestKind.PAIN, text=f"Простои линии №{i} — до 12 часов в месяц"),
                Interest(kind=InterestKind.DREAM, text="Прозрачная отчётность для совета директоров"),
                Interest(kind=InterestKind.BUSINESS, text="Сократить ТСО на 15 %"),
                Interest(kind=InterestKind.PERSONAL, text="Повышение до вице-президента"),
            ],
            last_contact=TODAY - dt.timedelta(days=7 * i) if i % 5 else None,
            our_owner="Андрей Ким",
            x=(centre.x if centre else 0) + 20 + (slot % 3) * (sizes.CARD_WIDTH + 10),
            y=(centre.y if centre else 0) + 56 + (slot // 3) * (sizes.CARD_HEIGHT + 20),
        ))
    relationships = [
        Relationship(id=f"r{i}", from_id=f"p{i}", to_id=f"p{(i + 1) % people}",
                     kind=list(RelationshipKind)[i % 4])
        for i in range(people - 1)
    ] if people > 1 else []
    questions = [
        OpenQuestion(id=f"q{i}", question=f"Какой бюджет заложен на {2027 + i % 3} год? (вопрос {i})",
                     stakeholder_id=f"p{i % people}" if people else None,
                     channel=list(Channel)[i % 3], due=TODAY + dt.timedelta(days=i))
        for i in range(max(people * 2, 2))
    ]
    questions.append(OpenQuestion(id="q_free", question="Кто ещё участвует в решении?"))

    # Roadmap: start -> audit? (decision: yes chosen) -> audit -> checkpoints... -> won/lost
    nodes = [RoadmapNode(id="start", kind=NodeKind.START, title="Старт", x=0, y=200)]
    nodes.append(RoadmapNode(id="need_audit", kind=NodeKind.DECISION, title="Нужен аудит?",
                             chosen_edge_id="e_yes", x=280, y=190))
    nodes.append(RoadmapNode(id="no_audit", kind=NodeKind.CHECKPOINT, title="Сразу к КП",
                             x=520, y=360))
    edges = [RoadmapEdge(id="e0", from_id="start", to_id="need_audit"),
             RoadmapEdge(id="e_yes", from_id="need_audit", to_id="cp0", outcome="да"),
             RoadmapEdge(id="e_no", from_id="need_audit", to_id="no_audit", outcome="нет")]
    for i in range(checkpoints):
        status = (CheckpointStatus.DONE if i < 2 else
                  CheckpointStatus.ACTIVE if i == 2 else CheckpointStatus.PLANNED)
        nodes.append(RoadmapNode(
            id=f"cp{i}", title=f"Контрольная точка {i}: аудит и пилот" if i else "Аудит текущего решения",
            status=status, owner="Андрей Ким", due=TODAY + dt.timedelta(days=14 * (i - 2)),
            exit_criteria=[ExitCriterion(text="Согласован объём аудита", done=i < 2),
                           ExitCriterion(text="ИТ-директор подтвердил доступ к системам")],
            stakeholder_ids=[f"p{i % people}"] if people else [],
            x=520 + i * 280, y=190,
        ))
        nxt = f"cp{i + 1}" if i + 1 < checkpoints else "won"
        edges.append(RoadmapEdge(id=f"ec{i}", from_id=f"cp{i}", to_id=nxt))
    nodes.append(RoadmapNode(id="won", kind=NodeKind.WON, title="Договор подписан",
                             x=520 + checkpoints * 280, y=190))
    nodes.append(RoadmapNode(id="lost", kind=NodeKind.LOST, title="Проигрыш",
                             x=800, y=360))
    edges.append(RoadmapEdge(id="e_nl", from_id="no_audit", to_id="lost"))
    if checkpoints == 0:
        edges[1] = RoadmapEdge(id="e_yes", from_id="need_audit", to_id="won", outcome="да")

    n_att = people if attendees is None else attendees
    meeting_list = [
        Meeting(id=f"m{k}", date=TODAY + dt.timedelta(days=3 + 7 * k), time="10:00",
                place="Москва, ул. Тверская, 1, переговорная «Енисей»",
                goal="Согласовать объём аудита и получить доступ к системам",
                attendee_ids=[f"p{i}" for i in range(min(n_att, people))],
                checkpoint_id="cp2" if checkpoints > 2 else None,
                notes="Взять распечатку КП.")
        for k in range(meetings)
    ]
    touchpoints = [
        Touchpoint(id=f"t{i}", date=TODAY - dt.timedelta(days=10 * i),
                   channel=list(Channel)[i % 5], stakeholder_ids=[f"p{i % people}"] if people else [],
                   summary="Обсудили требования к отчётности", result="Договорились о демо",
                   emotion="интерес")
        for i in range(people)
    ]
    grids = [
        JourneyGrid(id=f"g{i}", stakeholder_id=f"p{i}", cells={
            "interest": {GridRow.INFORMATION_NEEDED: "Кейсы в отрасли",
                         GridRow.KEY_MESSAGES: "Окупаемость за 18 месяцев"},
            "study": {GridRow.OUR_ACTIONS: "Диагностическая сессия"},
        })
        for i in range(min(people, 2))
    ]
    account = Account(
        id="acc1", name="ПАО «Северсталь-Тест»", industry="Металлургия",
        offering="Система мониторинга оборудования", deal_value=48_500_000, currency="RUB",
        owner="Андрей Ким", journey_stage="comparison", temperature=Temperature.WARM,
        target_close=TODAY + dt.timedelta(days=120),
        decision_centres=centres, stakeholders=stakeholders, relationships=relationships,
        open_questions=questions, roadmap=Roadmap(nodes=nodes, edges=edges),
        meetings=meeting_list, touchpoints=touchpoints, journey_grids=grids,
        notes="Клиент сравнивает нас с двумя конкурентами.",
    )
    if hostile:
        harden(account)
    return account


def harden(account: Account) -> None:
    """Markup-like text, 5,000-character notes, a 300-character word, missing dates."""
    long_notes = ("Длинная заметка про R&D и 100% загрузку. " * 125)[:5000]
    account.name = f"{MARKUP} {account.name}"
    account.offering = f"{MARKUP} {LONG_WORD}"
    for person in account.stakeholders:
        person.full_name = f"{person.full_name} {MARKUP}"
        person.title = LONG_WORD
        person.notes = long_notes
        person.last_contact = None
        person.interests.append(Interest(kind=InterestKind.PAIN, text=long_notes))
    for r in account.relationships:
        r.label = f"{MARKUP} {LONG_WORD}"
    for q in account.open_questions:
        q.question = f"{q.question} {MARKUP}"
        q.due = None
    for node in account.roadmap.nodes:
        node.title = f"{node.title} {MARKUP}"
        node.due = None
        node.notes = long_notes
        for c in node.exit_criteria:
            c.text = f"{c.text} {MARKUP}"
    for m in account.meetings:
        m.goal = f"{MARKUP} {LONG_WORD} {long_notes}"
        m.notes = long_notes
        m.place = LONG_WORD
        m.date = None
    for t in account.touchpoints:
        t.summary = long_notes
        t.date = None
    for g in account.journey_grids:
        g.cells["interest"][GridRow.ACTIONS_WANTED] = long_notes
