"""Deal health: deals built with known problems raise exactly the expected flags, with the
names that made them fire (docs/REVIEW.md explains each rule)."""

from __future__ import annotations

import pytest

from accountmap.briefing.review_messages import flag_name, flag_reason
from accountmap.domain.deal_health import (
    Flag,
    FlagKind,
    Outcome,
    current_checkpoint,
    deal_health,
    next_meeting,
)
from accountmap.domain.models import DecisionCentre, Meeting, OpenQuestion, Stakeholder
from accountmap.domain.workspace import ReviewThresholds, WorkspaceSettings
from tests.unit.review_data import TODAY, days, healthy_deal, walk_to


def flags(account, settings=None) -> dict[FlagKind, Flag]:
    found = deal_health(account, TODAY, settings).flags
    assert len({f.kind for f in found}) == len(found), "one flag per kind"
    return {f.kind: f for f in found}


def test_the_healthy_deal_raises_no_flag_and_is_measured():
    health = deal_health(healthy_deal(), TODAY)
    assert health.flags == ()
    assert health.outcome == Outcome.OPEN
    assert (health.checkpoints_done, health.checkpoints_total) == (1, 3)  # c1 | c2, c4
    assert health.current_checkpoint.id == "c2"
    assert health.days_in_checkpoint == 10
    assert (health.centres_covered, health.centres_total) == (2, 2)
    assert health.next_meeting.id == "m1"


def test_stalled_past_the_threshold_names_the_checkpoint_and_the_days():
    deal = healthy_deal()
    deal.node("c2").activated_on = days(-22)
    assert list(flags(deal)) == [FlagKind.STALLED]
    flag = flags(deal)[FlagKind.STALLED]
    assert (flag.names, flag.ids, flag.days, flag.limit) == (
        ("Аудит текущего решения",), ("c2",), 22, 21)
    assert flag_reason(flag, "en") == ("“Аудит текущего решения” has been the current "
                                       "checkpoint for 22 days (more than 21)")
    assert flag_reason(flag, "ru") == "«Аудит текущего решения» — текущая точка уже 22 дн. (порог 21)"


def test_stalled_threshold_comes_from_the_workspace_settings_and_is_strict():
    deal = healthy_deal()
    deal.node("c2").activated_on = days(-21)
    assert flags(deal) == {}  # exactly at the threshold: not yet
    strict = WorkspaceSettings(review=ReviewThresholds(stalled_days=7))
    assert list(flags(deal, strict)) == [FlagKind.STALLED]


def test_overdue_checkpoints_on_the_road_in_play_only():
    deal = healthy_deal()
    deal.node("c2").due = days(-1)
    deal.node("c3").due = days(-3)
    got = flags(deal)
    assert list(got) == [FlagKind.OVERDUE_CHECKPOINT]
    assert got[FlagKind.OVERDUE_CHECKPOINT].names == ("Аудит текущего решения", "Пилот")
    # once the crossroads chose "no pilot", the pilot is an alternative not taken
    deal.node("c2").status = "done"
    deal.node("d").chosen_edge_id = "e5"
    deal.node("c4").status = "active"
    deal.node("c4").activated_on = days(-1)
    assert flags(deal) == {}


def test_no_economic_buyer_and_no_champion():
    deal = healthy_deal()
    deal.stakeholder("eb").roles = []
    assert list(flags(deal)) == [FlagKind.NO_ECONOMIC_BUYER]
    deal.stakeholder("ch").roles = ["technical_buyer"]
    assert list(flags(deal)) == [FlagKind.NO_ECONOMIC_BUYER]  # still a champion by attitude
    deal.stakeholder("ch").attitude = "supporter"
    assert list(flags(deal)) == [FlagKind.NO_ECONOMIC_BUYER, FlagKind.NO_CHAMPION]
    assert flag_reason(flags(deal)[FlagKind.NO_CHAMPION], "ru") == "На карте нет нашего чемпиона"


def test_high_influence_opponents_are_named_sceptics_and_lesser_opponents_are_not():
    deal = healthy_deal()
    deal.stakeholders += [
        Stakeholder(id="o1", full_name="Игорь Волков", influence="high", attitude="opponent",
                    last_contact=days(-1)),
        Stakeholder(id="o2", full_name="Сергей Лисин", influence="medium", attitude="opponent"),
        Stakeholder(id="o3", full_name="Нина Ершова", influence="high", attitude="sceptic",
                    last_contact=days(-1)),
    ]
    got = flags(deal)
    assert list(got) == [FlagKind.HIGH_INFLUENCE_OPPONENT]
    assert got[FlagKind.HIGH_INFLUENCE_OPPONENT].names == ("Игорь Волков",)
    assert flag_reason(got[FlagKind.HIGH_INFLUENCE_OPPONENT], "en") == (
        "High influence, against us: Игорь Волков")


def test_uncovered_centres_are_named():
    deal = healthy_deal()
    deal.decision_centres.append(DecisionCentre(id="sec", name="Безопасность"))
    got = flags(deal)
    assert list(got) == [FlagKind.UNCOVERED_CENTRE]
    assert got[FlagKind.UNCOVERED_CENTRE].names == ("Безопасность",)
    health = deal_health(deal, TODAY)
    assert (health.centres_covered, health.centres_total) == (2, 3)


def test_high_influence_people_without_contact_for_n_days():
    deal = healthy_deal()
    deal.stakeholder("eb").last_contact = days(-31)
    deal.stakeholders.append(Stakeholder(id="n", full_name="Никогда Невстречался",
                                         influence="high", attitude="neutral"))
    got = flags(deal)
    assert list(got) == [FlagKind.NEGLECTED_INFLUENCER]
    assert got[FlagKind.NEGLECTED_INFLUENCER].names == ("Ольга Белова", "Никогда Невстречался")
    assert flag_reason(got[FlagKind.NEGLECTED_INFLUENCER], "en") == (
        "High influence, no contact for over 30 days: Ольга Белова, Никогда Невстречался")
    # the threshold is the workspace's stale_contact_days
    assert flags(deal, WorkspaceSettings(stale_contact_days=60)).keys() == {
        FlagKind.NEGLECTED_INFLUENCER}  # the one never met stays
    assert flags(deal, WorkspaceSettings(stale_contact_days=60))[
        FlagKind.NEGLECTED_INFLUENCER].names == ("Никогда Невстречался",)


def test_open_questions_past_due_answered_ones_are_not():
    deal = healthy_deal()
    deal.open_questions.append(OpenQuestion(id="q3", question="Сроки тендера?", due=days(-1),
                                            status="asked"))
    deal.open_questions.append(OpenQuestion(id="q4", question="Снятый вопрос", due=days(-9),
                                            status="dropped"))
    got = flags(deal)
    assert list(got) == [FlagKind.OVERDUE_QUESTION]
    assert got[FlagKind.OVERDUE_QUESTION].ids == ("q3",)
    assert flag_reason(got[FlagKind.OVERDUE_QUESTION], "ru") == (
        "Открытые вопросы со сроком в прошлом: «Сроки тендера?»")


def test_no_next_meeting_a_past_one_does_not_count_and_today_does():
    deal = healthy_deal()
    deal.meetings = [Meeting(id="old", date=days(-1))]
    assert list(flags(deal)) == [FlagKind.NO_NEXT_MEETING]
    deal.meetings.append(Meeting(id="today", date=TODAY, time="09:00"))
    assert flags(deal) == {}
    assert next_meeting(deal, TODAY).id == "today"


def test_a_deal_with_every_problem_raises_every_flag_in_order():
    deal = healthy_deal()
    deal.node("c2").activated_on = days(-100)
    deal.node("c2").due = days(-50)
    deal.stakeholder("eb").roles = []
    deal.stakeholder("eb").attitude = "opponent"
    deal.stakeholder("ch").roles = []
    deal.stakeholder("ch").attitude = "neutral"
    deal.open_questions[0].due = days(-2)
    deal.meetings = []
    got = deal_health(deal, TODAY).kinds()
    assert got == [FlagKind.STALLED, FlagKind.OVERDUE_CHECKPOINT,
                   FlagKind.HIGH_INFLUENCE_OPPONENT, FlagKind.NO_ECONOMIC_BUYER,
                   FlagKind.NO_CHAMPION, FlagKind.UNCOVERED_CENTRE,
                   FlagKind.OVERDUE_QUESTION, FlagKind.NO_NEXT_MEETING]
    centres = {f.kind: f for f in deal_health(deal, TODAY).flags}[FlagKind.UNCOVERED_CENTRE]
    assert centres.names == ("Финансы", "ИТ")


@pytest.mark.parametrize("end,outcome", [("w", Outcome.WON), ("l", Outcome.LOST)])
def test_a_closed_deal_is_measured_but_flags_nothing(end, outcome):
    deal = walk_to(healthy_deal(), end)
    deal.meetings = []
    deal.stakeholders = []
    health = deal_health(deal, TODAY)
    assert health.outcome == outcome
    assert health.flags == ()
    assert health.current_checkpoint is None
    assert health.checkpoints_done == 3  # c1, c2, c4 (the pilot was not taken)


def test_an_empty_account_needs_a_map_and_a_meeting():
    from accountmap.domain.models import Account

    health = deal_health(Account(name="Пусто"), TODAY)
    assert health.kinds() == [FlagKind.NO_ECONOMIC_BUYER, FlagKind.NO_CHAMPION,
                              FlagKind.NO_NEXT_MEETING]
    assert (health.checkpoints_done, health.checkpoints_total, health.progress) == (0, 0, 0.0)
    assert current_checkpoint(Account()) is None


def test_every_flag_has_a_name_and_a_reason_in_both_languages():
    from accountmap import catalogue
    from accountmap.briefing.messages import BRIEFING_MESSAGES

    for kind in FlagKind:
        for lang in catalogue.LANGUAGES:
            assert BRIEFING_MESSAGES[f"flag.{kind.value}"][lang]
            assert BRIEFING_MESSAGES[f"reason.{kind.value}"][lang]
        assert flag_name(kind, "ru") != f"flag.{kind.value}"


def test_unnamed_entities_are_named_by_id_and_long_questions_shortened():
    deal = healthy_deal()
    deal.stakeholders.append(Stakeholder(id="anon", influence="high", attitude="opponent",
                                         last_contact=days(-1)))
    deal.open_questions.append(OpenQuestion(id="long", question="Очень " * 40, due=days(-1)))
    got = flags(deal)
    assert got[FlagKind.HIGH_INFLUENCE_OPPONENT].names == ("anon",)
    reason = flag_reason(got[FlagKind.OVERDUE_QUESTION], "en")
    assert reason.endswith("…”") and len(reason) < 140
