"""Deals for the review tests: one healthy deal, and a way to give it known problems.

TODAY is pinned; every date is an offset from it.
"""

from __future__ import annotations

import datetime as dt

from accountmap.domain.models import (
    Account,
    DecisionCentre,
    Meeting,
    OpenQuestion,
    Roadmap,
    RoadmapEdge,
    RoadmapNode,
    Stakeholder,
)
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind

TODAY = dt.date(2026, 3, 16)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def healthy_deal(name: str = "Северный завод", account_id: str = "north",
                 owner: str = "Анна Смирнова", value: float | None = 12_000_000,
                 currency: str = "RUB") -> Account:
    """A deal no rule should flag: on its road, covered, met recently, meeting booked."""
    return Account(
        id=account_id, name=name, owner=owner, deal_value=value, currency=currency,
        journey_stage="study", temperature="warm",
        decision_centres=[DecisionCentre(id="fin", name="Финансы"),
                          DecisionCentre(id="it", name="ИТ")],
        stakeholders=[
            Stakeholder(id="eb", full_name="Ольга Белова", decision_centre_id="fin",
                        roles=["economic_buyer"], influence="high", attitude="supporter",
                        last_contact=days(-5)),
            Stakeholder(id="ch", full_name="Пётр Орлов", decision_centre_id="it",
                        roles=["champion", "technical_buyer"], influence="medium",
                        attitude="champion", last_contact=days(-40)),
            Stakeholder(id="us", full_name="Ким Ли", decision_centre_id="it",
                        roles=["user_buyer"], influence="low", attitude="neutral"),
        ],
        open_questions=[
            OpenQuestion(id="q1", question="Какой бюджет на следующий год?",
                         stakeholder_id="eb", due=days(10)),
            OpenQuestion(id="q2", question="Кто подписывает договор?", stakeholder_id="eb",
                         due=days(-30), status="answered", answer="Генеральный директор"),
        ],
        roadmap=Roadmap(
            nodes=[
                RoadmapNode(id="s", kind="start", title="Старт"),
                RoadmapNode(id="c1", title="Первая встреча", status="done"),
                RoadmapNode(id="c2", title="Аудит текущего решения", status="active",
                            activated_on=days(-10), due=days(20)),
                RoadmapNode(id="d", kind="decision", title="Нужен пилот?"),
                RoadmapNode(id="c3", title="Пилот", due=days(60)),
                RoadmapNode(id="c4", title="Коммерческое предложение"),
                RoadmapNode(id="w", kind="won", title="Договор подписан"),
                RoadmapNode(id="l", kind="lost", title="Проиграли"),
            ],
            edges=[
                RoadmapEdge(id="e1", from_id="s", to_id="c1"),
                RoadmapEdge(id="e2", from_id="c1", to_id="c2"),
                RoadmapEdge(id="e3", from_id="c2", to_id="d"),
                RoadmapEdge(id="e4", from_id="d", to_id="c3", outcome="Да"),
                RoadmapEdge(id="e5", from_id="d", to_id="c4", outcome="Нет"),
                RoadmapEdge(id="e6", from_id="c3", to_id="c4"),
                RoadmapEdge(id="e7", from_id="c4", to_id="w"),
                RoadmapEdge(id="e8", from_id="c4", to_id="l"),
            ],
        ),
        meetings=[Meeting(id="m1", date=days(7), goal="Обсудить аудит",
                          attendee_ids=["eb", "ch"], checkpoint_id="c2")],
    )


def walk_to(account: Account, end: str, outcome_edge: str = "e5") -> Account:
    """The same deal taken to its end: every checkpoint on the way done, the crossroads
    decided by `outcome_edge`, and the road arrived at `end` ("w" or "l")."""
    for node in account.roadmap.nodes:
        if node.kind == NodeKind.CHECKPOINT:
            taken = node.id != "c3" or outcome_edge == "e4"
            node.status = CheckpointStatus.DONE if taken else CheckpointStatus.PLANNED
        if node.kind == NodeKind.DECISION:
            node.chosen_edge_id = outcome_edge
    other = "l" if end == "w" else "w"
    account.roadmap.edges = [e for e in account.roadmap.edges if e.to_id != other]
    return account


def problem_deals() -> list[Account]:
    """Deals of a second KAM, each with known problems (and one closed)."""
    stalled = healthy_deal("ООО «Балтийские верфи» — модернизация сварочного производства "
                           "и цифровой двойник цеха", "baltic", "Игорь Петров", 8_500_000, "RUB")
    stalled.node("c2").activated_on = days(-45)
    stalled.stakeholder("eb").roles = []
    stalled.meetings = []
    opponent = healthy_deal("Rhein Chemie GmbH", "rhein", "Igor Petrov", 950_000, "EUR")
    opponent.stakeholders.append(Stakeholder(id="op", full_name="Klaus Wegner",
                                             influence="high", attitude="opponent",
                                             last_contact=days(-2)))
    opponent.open_questions[0].due = days(-3)
    won = walk_to(healthy_deal("Сибирская энергия", "sib", "Игорь Петров", 3_000_000), "w")
    lost = walk_to(healthy_deal("Delta Foods", "delta", "Igor Petrov", 400_000, "EUR"), "l",
                   outcome_edge="e4")
    return [stalled, opponent, won, lost]


def write_workspace(path, accounts, **settings) -> None:
    from accountmap.domain.workspace import WorkspaceSettings
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(path, create=True) as wf:
        if settings:
            wf.replace_settings(WorkspaceSettings(**settings))
        wf.add_accounts(accounts)
        wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wf.conn.execute("PRAGMA journal_mode = DELETE")


def sample_folder(folder) -> list:
    """The demo and two generated KAM files; the healthy deal is in both of them."""
    from pathlib import Path

    from accountmap.storage.demo import write_demo

    folder = Path(folder)
    write_demo(folder / "demo.accountmap")
    write_workspace(folder / "kam_smirnova.accountmap", [
        healthy_deal(), healthy_deal("Южный порт", "south", value=None)])
    write_workspace(folder / "kam_petrov.accountmap", [*problem_deals(), healthy_deal()],
                    language="en")
    return sorted(folder.glob("*.accountmap"))
