"""Realistic Russian test data for the journey and meetings UI (the demo lands later)."""

from __future__ import annotations

import datetime as dt

from accountmap.domain.models import (
    Account, DecisionCentre, JourneyEvent, JourneyGrid, Meeting, Roadmap, RoadmapEdge,
    RoadmapNode, Stakeholder, Touchpoint,
)
from accountmap.storage.workspace_file import WorkspaceFile

from tests.conftest import TEST_TODAY as TODAY  # the day the clock is pinned to  # noqa: E402

SURNAMES = ["Константинопольский", "Иванова", "Петров", "Смирнова", "Кузнецов", "Попова",
            "Соколов", "Лебедева", "Козлов", "Новикова", "Морозов", "Волкова", "Соловьёв",
            "Васильева", "Зайцев", "Павлова", "Семёнов", "Голубева", "Виноградов", "Богданова"]
FIRST = ["Александр", "Екатерина", "Михаил", "Ольга", "Дмитрий", "Анна", "Сергей", "Татьяна",
         "Андрей", "Наталья"]
PATRONYMIC = ["Владимирович", "Сергеевна", "Александрович", "Игоревна", "Николаевич"]
TITLES = ["Генеральный директор", "Финансовый директор", "Директор по информационным технологиям",
          "Начальник отдела закупок", "Главный инженер", "Руководитель службы безопасности",
          "Заместитель директора по производству", "Ведущий специалист отдела АСУ ТП",
          "Главный бухгалтер", "Руководитель проектного офиса"]
STAGES = ["awareness", "interest", "desire", "study", "study", "comparison", "study", None,
          "interest", "desire"]


def journey_account(people: int = 40) -> Account:
    centres = [DecisionCentre(id=f"dc{i}", name=n) for i, n in enumerate(
        ["Финансы и экономика", "Информационные технологии", "Производство", "Закупки"])]
    stakeholders = []
    for i in range(people):
        stakeholders.append(Stakeholder(
            id=f"p{i}",
            full_name=f"{SURNAMES[i % 20]} {FIRST[i % 10]} {PATRONYMIC[i % 5]}",
            title=TITLES[i % 10],
            decision_centre_id=f"dc{i % 4}",
            roles=[["decision_maker"], ["economic_buyer"], ["technical_buyer"], ["influencer"],
                   ["user_buyer"], ["gatekeeper"], ["champion"], ["blocker"], [], []][i % 10],
            influence=["high", "medium", "low"][i % 3],
            journey_stage=STAGES[i % 10],
            last_contact=TODAY - dt.timedelta(days=5 * i) if i % 4 else None,
        ))
    nodes = [
        RoadmapNode(id="start", kind="start", title="Первый контакт"),
        RoadmapNode(id="diag", title="Диагностическая сессия с ИТ и производством",
                    journey_stage="study", status="active"),
        RoadmapNode(id="audit_q", kind="decision", title="Нужен аудит текущей системы?",
                    journey_stage="study"),
        RoadmapNode(id="poc", title="Пилот (POC) на одном цехе", journey_stage="comparison"),
        RoadmapNode(id="tender", title="Тендер и защита предложения", journey_stage="action"),
        RoadmapNode(id="won", kind="won", title="Договор подписан"),
    ]
    edges = [RoadmapEdge(from_id="start", to_id="diag"), RoadmapEdge(from_id="diag", to_id="audit_q"),
             RoadmapEdge(from_id="audit_q", to_id="poc", outcome="Нет"),
             RoadmapEdge(from_id="poc", to_id="tender"), RoadmapEdge(from_id="tender", to_id="won")]
    touchpoints = [
        Touchpoint(date=TODAY - dt.timedelta(days=60), phase="before", channel="webinar",
                   stakeholder_ids=["p1", "p3"], summary="Вебинар «Цифровой двойник прокатного стана»",
                   emotion="интерес", result="Оставили контакты, попросили кейсы"),
        Touchpoint(date=TODAY - dt.timedelta(days=20), phase="during", channel="meeting",
                   stakeholder_ids=["p0", "p2", "p3"], checkpoint_id="diag",
                   summary="Встреча по итогам бизнес-завтрака: обсудили боли производства",
                   emotion="осторожный оптимизм", result="Согласились на диагностическую сессию"),
        Touchpoint(date=TODAY + dt.timedelta(days=14), phase="during", channel="proposal",
                   stakeholder_ids=["p1", "p4"], checkpoint_id="poc",
                   summary="Защита коммерческого предложения на пилот"),
    ]
    meetings = [
        Meeting(date=TODAY + dt.timedelta(days=3), time="10:30",
                place="Екатеринбург, ул. Мамина-Сибиряка, 101, переговорная «Урал»",
                goal="Согласовать объём и критерии успеха диагностической сессии",
                attendee_ids=["p0", "p2", "p6"], checkpoint_id="diag",
                notes="Взять кейс Магнитогорского комбината; не упоминать конкурентов первыми"),
    ]
    grid = JourneyGrid(stakeholder_id="p0", cells={
        "awareness": {"information_needed": "Сколько теряем на простоях прокатного стана?",
                      "content_types": "Статья в отраслевом журнале, кейс"},
        "study": {"information_needed": "Стоимость владения на 5 лет, риски внедрения",
                  "actions_wanted": "Согласиться на диагностику",
                  "our_actions": "Провести бизнес-завтрак с финансовым директором",
                  "key_messages": "Окупаемость за 18 месяцев; контрольная точка: диагностика",
                  "influence_sources": "Аналитики отрасли, коллеги из Магнитогорска"},
    })
    history = [JourneyEvent(date=TODAY - dt.timedelta(days=60), journey_stage="interest",
                            temperature="cool", reason="Пришли на вебинар",
                            evidence="«Интересно, но к встрече пока не готовы»"),
               JourneyEvent(date=TODAY - dt.timedelta(days=20), journey_stage="desire",
                            temperature="warm", reason="Сами предложили встречу",
                            evidence="«Давайте договоримся о встрече в этом месяце»")]
    return Account(
        name="ПАО «Уральский трубный завод» — модернизация ERP и MES",
        industry="Металлургия", journey_stage="desire", temperature="warm",
        decision_centres=centres, stakeholders=stakeholders,
        roadmap=Roadmap(nodes=nodes, edges=edges), touchpoints=touchpoints,
        meetings=meetings, journey_grids=[grid], journey_history=history,
    )


def write_workspace(path, people: int = 40) -> str:
    with WorkspaceFile.open(path, create=True) as wf:
        return wf.add_accounts([journey_account(people)])[0]
