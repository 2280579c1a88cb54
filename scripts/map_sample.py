"""Sample account maps for the screenshots: long Russian names, emoji,
empty fields, 300-character titles, cycles in reports-to."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accountmap.domain.models import (  # noqa: E402
    Account, DecisionCentre, Interest, OpenQuestion, Relationship, Stakeholder,
)
from accountmap.storage.workspace_file import WorkspaceFile  # noqa: E402

SURNAMES = ["Иванов", "Константинопольский", "Смирнова", "Петров-Водкин", "Кузнецова",
            "Александровский", "Ли", "Оганесян", "Брянцева", "Чернышевский", "Ng", "Weber"]
NAMES = ["Пётр Сергеевич", "Александр Владимирович", "Анна Игоревна", "Ян", "Мария-Луиза Эдуардовна",
         "Ольга", "Максимилиан Аркадьевич", "Ирина 🌸", ""]
TITLES = ["Финансовый директор", "Директор по информационным технологиям и цифровой трансформации",
          "Главный инженер", "Руководитель отдела закупок", "", "CFO",
          "Заместитель генерального директора по производству и капитальному строительству " * 4,
          "Начальник службы информационной безопасности"]
CENTRES = ["Финансы", "ИТ и цифровая трансформация", "Производство", "Закупки",
           "Безопасность", "Топ-менеджмент", "Юридическая служба", "Логистика"]


def sample_account(people: int, relationships: int, centres: int = 6, seed: int = 1,
                   name: str = "ПАО «Северсталь-Тест»") -> Account:
    rnd = random.Random(seed)
    cs = [DecisionCentre(name=CENTRES[i % len(CENTRES)] + ("" if i < len(CENTRES) else f" {i}"),
                         interest="Снизить совокупную стоимость владения")
          for i in range(centres)]
    ps = []
    for i in range(people):
        ps.append(Stakeholder(
            full_name=f"{rnd.choice(SURNAMES)} {rnd.choice(NAMES)}".strip() if i % 17 else "",
            title=rnd.choice(TITLES)[:300],
            decision_centre_id=cs[i % len(cs)].id if cs and i % 9 else None,
            roles=rnd.sample(["decision_maker", "economic_buyer", "technical_buyer", "user_buyer",
                              "influencer", "gatekeeper", "champion", "blocker"], rnd.randint(0, 3)),
            influence=rnd.choice(["high", "medium", "low"]),
            attitude=rnd.choice(["champion", "supporter", "neutral", "sceptic", "opponent"]),
            relationship_strength=rnd.randint(0, 5),
            journey_stage=rnd.choice([None, "interest", "study", "comparison", "loyalty"]),
            last_contact=dt.date(2026, 11, 1) - dt.timedelta(days=rnd.randint(0, 120)) if i % 5 else None,
            interests=[Interest(kind="pain", text="Простои линии")],
        ))
    rs = []
    for _ in range(relationships):
        a, b = rnd.sample(range(len(ps)), 2)
        rs.append(Relationship(from_id=ps[a].id, to_id=ps[b].id,
                               kind=rnd.choice(["reports_to", "influences", "ally", "conflict"]),
                               strength=rnd.randint(1, 5),
                               label=rnd.choice(["", "", "бывшие коллеги", "соперничают за бюджет"])))
    qs = [OpenQuestion(question="Каков бюджет на 2027 год?", stakeholder_id=ps[i].id)
          for i in range(0, len(ps), 3)]
    account = Account(name=name, decision_centres=cs, stakeholders=ps, relationships=rs,
                      open_questions=qs)
    from accountmap.layout.orgchart import layout_account_map

    layout = layout_account_map(account)
    for s in account.stakeholders:
        s.x, s.y = layout.cards[s.id]
    for c in account.decision_centres:
        c.x, c.y, c.width, c.height = layout.centres[c.id]
    return account


def write_workspace(path: Path, accounts: list[Account]) -> Path:
    path = Path(path)
    if path.exists():
        path.unlink()
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts(accounts)
    return path
