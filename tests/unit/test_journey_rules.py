"""Journey frameworks (editing helpers keep every assignment) and journey rules."""

from __future__ import annotations

import datetime as dt

import pytest

from accountmap.domain import journey as j
from accountmap.domain.journey_rules import (
    group_positions,
    last_contact_updates,
    last_touch,
    person_timeline,
    stale_contacts,
    stations_without_touchpoints,
)
from accountmap.domain.models import (
    Account, JourneyEvent, JourneyGrid, Roadmap, RoadmapNode, Stakeholder, Touchpoint,
)

TODAY = dt.date(2026, 11, 23)


def account_with_assignments() -> Account:
    return Account(
        name="АО «Северсталь-Инжиниринг»", journey_stage="study",
        stakeholders=[
            Stakeholder(id="p1", full_name="Иванов", journey_stage="interest"),
            Stakeholder(id="p2", full_name="Петрова", journey_stage="comparison"),
            Stakeholder(id="p3", full_name="Сидоров"),
        ],
        roadmap=Roadmap(nodes=[RoadmapNode(id="n1", title="Аудит", journey_stage="desire")]),
        journey_history=[JourneyEvent(date=TODAY, journey_stage="awareness")],
        journey_grids=[JourneyGrid(stakeholder_id="p1",
                                   cells={"loyalty": {"key_messages": "Мы рядом"}})],
    )


def test_built_in_frameworks_have_signs_in_both_languages():
    for framework in j.BUILT_IN_FRAMEWORKS.values():
        ids = [s.id for s in framework.stations]
        assert len(ids) == len(set(ids))
        for station in framework.stations:
            assert station.name_en and station.name_ru and station.description_ru
            assert 2 <= len(station.signs_en) == len(station.signs_ru) <= 4
    assert len(j.TWELVE_STATIONS.stations) == 12 and len(j.FIVE_STAGES.stations) == 5
    assert "Готов к диагностике" in " ".join(j.TWELVE_STATIONS.station("study").signs("ru"))
    assert j.built_in("stages5") is not j.FIVE_STAGES


def test_assigned_stations_counts_every_kind_of_assignment():
    counts = j.assigned_stations([account_with_assignments()])
    assert counts == {"study": 1, "interest": 1, "comparison": 1, "desire": 1,
                      "awareness": 1, "loyalty": 1}


def test_rename_reorder_add_keep_every_assignment():
    fw = j.built_in("stations12")
    used = j.assigned_stations([account_with_assignments()])
    fw2 = j.rename_station(fw, "study", "ru", "Глубокое изучение")
    fw2 = j.rename_station(fw2, "study", "en", "Deep study")
    assert fw2.station("study").name("ru") == "Глубокое изучение"
    assert fw2.station("study").name("en") == "Deep study"
    assert fw.station("study").name("ru") == "Изучение"  # the original is untouched
    fw3 = j.move_station(fw2, "comparison", 0)
    assert fw3.stations[0].id == "comparison" and fw3.index("study") == 4
    fw4, new = j.add_station(fw3, "Pilot", "Пилот", index=5)
    assert fw4.stations[5].id == new and fw4.station(new).name("ru") == "Пилот"
    assert len({s.id for s in fw4.stations}) == 13
    assert j.lost_assignments(fw4, used) == set()
    assert j.move_station(fw4, new, 99).stations[-1].id == new


def test_remove_refuses_an_assigned_station_and_removes_a_free_one():
    fw = j.built_in("stations12")
    used = j.assigned_stations([account_with_assignments()])
    with pytest.raises(j.FrameworkError) as info:
        j.remove_station(fw, "interest", used)
    assert info.value.code == "journey.station_in_use"
    assert info.value.params["ru"] == "Интерес" and info.value.params["count"] == "1"
    fw2 = j.remove_station(fw, "repeat", used)
    assert fw2.station("repeat") is None and len(fw2.stations) == 11
    with pytest.raises(j.FrameworkError):
        j.remove_station(fw, "nope", used)
    single = j.JourneyFramework(id="x", stations=[j.Station(id="only")])
    with pytest.raises(j.FrameworkError) as info:
        j.remove_station(single, "only")
    assert info.value.code == "journey.last_station"


def test_update_station_never_changes_the_id():
    fw = j.built_in("stages5")
    fw2 = j.update_station(fw, "b2b_purchase", signs_ru=["Подписывает договор"])
    assert fw2.station("b2b_purchase").signs("ru") == ["Подписывает договор"]
    with pytest.raises(j.FrameworkError):
        j.update_station(fw, "b2b_purchase", id="other")


def test_switch_to_other_built_in_keeps_assigned_stations():
    used = j.assigned_stations([account_with_assignments()])
    fw = j.switch_framework(j.built_in("stations12"), j.built_in("stages5"), used)
    assert [s.id for s in fw.stations[:5]] == [s.id for s in j.FIVE_STAGES.stations]
    assert {s.id for s in fw.stations[5:]} == set(used)
    assert j.lost_assignments(fw, used) == set()
    # nothing assigned: the plain built-in
    assert len(j.switch_framework(j.built_in("stations12"), j.built_in("stages5")).stations) == 5


def test_group_positions_marks_laggards_and_runners():
    fw = j.built_in("stations12")
    acc = Account(stakeholders=[
        Stakeholder(id="a", journey_stage="awareness"),  # 0
        Stakeholder(id="b", journey_stage="study"),  # 3
        Stakeholder(id="c", journey_stage="study"),  # 3
        Stakeholder(id="d", journey_stage="comparison"),  # 4
        Stakeholder(id="e", journey_stage="first_deal"),  # 6
        Stakeholder(id="f"),
        Stakeholder(id="g", journey_stage="gone"),
    ])
    pos = group_positions(acc, fw)
    assert pos.median == 3.0
    assert pos.behind == ["a"] and pos.ahead == ["e"]
    assert pos.unplaced == ["f", "g"] and pos.index["d"] == 4
    empty = group_positions(Account(stakeholders=[Stakeholder(id="x")]), fw)
    assert empty.median is None and empty.behind == [] and empty.unplaced == ["x"]


def test_stale_contacts_only_high_influence_without_recent_touch():
    acc = Account(
        stakeholders=[
            Stakeholder(id="boss", influence="high", last_contact=TODAY - dt.timedelta(days=40)),
            Stakeholder(id="cfo", influence="high"),
            Stakeholder(id="cto", influence="high", last_contact=TODAY - dt.timedelta(days=90)),
            Stakeholder(id="user", influence="low"),
        ],
        touchpoints=[
            Touchpoint(date=TODAY - dt.timedelta(days=3), stakeholder_ids=["cto"]),
            Touchpoint(date=TODAY + dt.timedelta(days=3), stakeholder_ids=["boss"]),  # planned
        ],
    )
    assert stale_contacts(acc, TODAY, 30) == ["boss", "cfo"]
    assert stale_contacts(acc, TODAY, 60) == ["cfo"]
    assert last_touch(acc, "cto", TODAY) == TODAY - dt.timedelta(days=3)


def test_stations_without_touchpoints_from_the_current_station():
    fw = j.built_in("stages5")
    acc = Account(
        journey_stage="b2b_consideration",
        roadmap=Roadmap(nodes=[
            RoadmapNode(id="n1", journey_stage="b2b_consideration"),
            RoadmapNode(id="n2", journey_stage="b2b_adoption"),
        ]),
        touchpoints=[Touchpoint(checkpoint_id="n1", date=TODAY),
                     Touchpoint(checkpoint_id="n2", date=TODAY - dt.timedelta(days=10))],
    )
    assert stations_without_touchpoints(acc, fw) == ["b2b_purchase", "b2b_commitment"]
    assert stations_without_touchpoints(acc, fw, today=TODAY) == [
        "b2b_purchase", "b2b_adoption", "b2b_commitment"]
    assert stations_without_touchpoints(acc, fw, from_current=False)[0] == "b2b_awareness"


def test_last_contact_updates_only_moves_forward_and_not_for_planned():
    acc = Account(stakeholders=[
        Stakeholder(id="a", last_contact=TODAY - dt.timedelta(days=5)),
        Stakeholder(id="b", last_contact=TODAY),
        Stakeholder(id="c"),
    ])
    t = Touchpoint(date=TODAY - dt.timedelta(days=1), stakeholder_ids=["a", "b", "c", "ghost"])
    assert last_contact_updates(acc, t, TODAY) == {"a": t.date, "c": t.date}
    assert last_contact_updates(acc, Touchpoint(date=TODAY + dt.timedelta(days=1),
                                                stakeholder_ids=["a"]), TODAY) == {}
    assert last_contact_updates(acc, Touchpoint(stakeholder_ids=["a"]), TODAY) == {}


def test_person_timeline_is_sorted_with_undated_last():
    acc = Account(touchpoints=[
        Touchpoint(id="t3", stakeholder_ids=["a"]),
        Touchpoint(id="t2", date=TODAY, stakeholder_ids=["a"]),
        Touchpoint(id="t1", date=TODAY - dt.timedelta(days=1), stakeholder_ids=["a", "b"]),
        Touchpoint(id="t0", date=TODAY, stakeholder_ids=["b"]),
    ])
    assert [t.id for t in person_timeline(acc, "a")] == ["t1", "t2", "t3"]


from hypothesis import given, settings, strategies as st  # noqa: E402

from accountmap.domain.text import one_line  # noqa: E402

OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["rename", "move", "add", "remove", "switch"]),
    st.integers(min_value=0, max_value=30), st.text(max_size=20)), max_size=25)


@settings(max_examples=150, deadline=None)
@given(OPERATIONS)
def test_any_sequence_of_framework_edits_keeps_every_assignment(operations):
    used = j.assigned_stations([account_with_assignments()])
    fw = j.built_in("stations12")
    for op, n, text in operations:
        ids = [s.id for s in fw.stations]
        target = ids[n % len(ids)]
        if op == "rename":
            fw = j.rename_station(fw, target, "ru" if n % 2 else "en", text)
            shown = one_line(text)  # names hold no control characters (domain/text.py)
            assert fw.station(target).name_ru == shown or fw.station(target).name_en == shown
        elif op == "move":
            fw = j.move_station(fw, target, n)
        elif op == "add":
            fw, new = j.add_station(fw, text, text, index=n)
            assert fw.station(new) is not None
        elif op == "remove":
            try:
                fw = j.remove_station(fw, target, used)
                assert target not in used
            except j.FrameworkError:
                assert target in used or len(ids) == 1
        else:
            fw = j.switch_framework(fw, j.built_in("stages5" if n % 2 else "stations12"), used)
        ids_after = [s.id for s in fw.stations]
        assert len(ids_after) == len(set(ids_after)) and ids_after
        assert j.lost_assignments(fw, used) == set()
        j.JourneyFramework.model_validate(fw.model_dump(mode="json"))  # still a valid framework
