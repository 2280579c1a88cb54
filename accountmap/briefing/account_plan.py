"""The account plan: the whole picture of one client, for a director's desk.

In this order: a one-page summary (deal, value, station, temperature, progress and where
we are, the next checkpoint and its exit criteria, the next meeting, coverage, risks); the
map; decision centres with their interests and coverage; people with roles, influence,
attitude, strength, station, and their typed interests; relationships; open questions
(overdue marked) by person; the road as text and as a diagram (plan_road, road_diagram);
the journey, touchpoints once each and the journey grids (plan_journey).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Callable

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from accountmap.briefing.common import Context, stakeholder_sort_key
from accountmap.briefing.drawings import map_drawing, tiles
from accountmap.briefing.meeting_brief import INTEREST_ORDER, next_meeting
from accountmap.briefing.plan_journey import grids, journey, touchpoints
from accountmap.briefing.plan_road import is_overdue, node_title, road_text
from accountmap.briefing.road_diagram import road_diagram
from accountmap.briefing.styles import clean, esc
from accountmap.briefing.tables import Column
from accountmap.domain import account_rules
from accountmap.domain.journey import JourneyFramework
from accountmap.domain.models import Account
from accountmap.domain.roadmap_rules import position_on_road
from accountmap.domain.vocabulary import (
    Attitude,
    CheckpointStatus,
    NodeKind,
    QuestionStatus,
    RelationshipKind,
)

Progress = Callable[[int, int], None]


def _summary(ctx: Context) -> list[Flowable]:
    """One page: progress and where we are, the next checkpoint and its exit criteria, the
    next meeting, coverage and the risks (the deal, value, station and temperature are in
    the header above)."""
    t = ctx.t
    account = ctx.account
    roadmap = account.roadmap
    out: list[Flowable] = [ctx.h1(t("plan.summary"))]
    pairs: list[tuple[str, str]] = []
    if not roadmap.nodes:
        out.append(ctx.p(esc(t("plan.no_roadmap")), ctx.st.muted))
    else:
        position = position_on_road(roadmap)
        pairs.append((t("plan.roadmap"), t("plan.progress", done=position.checkpoints_done,
                                             total=position.checkpoints_total)))
        here = [ctx.account.node(i) for i in (position.active_ids or position.current_ids)]
        titles = [node_title(ctx, n) for n in here if n]
        if titles:
            pairs.append((t("plan.current"), "; ".join(titles)))
    meeting = next_meeting(account, ctx.today)
    if meeting is not None:
        when = f"{ctx.date(meeting.date)} {clean(meeting.time)}".strip()
        goal = " ".join(clean(meeting.goal).split())
        pairs.append((t("plan.next_meeting"), f"{when}: {goal}" if goal else when))
    else:
        pairs.append((t("plan.next_meeting"), t("plan.no_next_meeting")))
    people = account.stakeholders
    contacted = sum(1 for p in people if p.last_contact and 0 <= (ctx.today - p.last_contact).days <= 30)
    centres = account.decision_centres
    covered = len(centres) - len(account_rules.uncovered_centres(account))
    pairs.append((t("plan.coverage"), t("plan.coverage_text", covered=covered,
                                        centres=len(centres), contacted=contacted,
                                        people=len(people))))
    out.append(ctx.facts(pairs, columns=1))
    upcoming = _next_checkpoint(ctx)
    if upcoming is not None:
        block: list[Flowable] = [ctx.h2(t("plan.next_checkpoint"))]
        extra = [ctx.label("status", upcoming.status)]
        if upcoming.due:
            extra.append(f"{t('brief.due')}: {ctx.date(upcoming.due)}")
            if is_overdue(upcoming, ctx.today):
                extra.append(t("plan.overdue_checkpoint"))
        if upcoming.owner.strip():
            extra.append(f"{t('brief.owner')}: {clean(upcoming.owner)}")
        block.append(ctx.p(f"<b>{esc(node_title(ctx, upcoming))}</b> "
                           f"<font color='#616e7c'>({esc(' · '.join(extra))})</font>"))
        block += ctx.ticks([(c.text, c.done, "") for c in upcoming.exit_criteria])
        out.append(KeepTogether(block))
    out += ctx.risks(None, "plan.top_risks")
    if account.notes.strip():
        out.append(ctx.field(t("plan.account_notes"), account.notes))
    return out


def _next_checkpoint(ctx: Context):
    """The open checkpoint in play that is due first (active ones first)."""
    roadmap = ctx.account.roadmap
    position = position_on_road(roadmap)
    order = {n.id: i for i, n in enumerate(roadmap.nodes)}
    candidates = [n for n in roadmap.nodes
                  if n.kind == NodeKind.CHECKPOINT and n.id in position.in_play
                  and n.status in (CheckpointStatus.PLANNED, CheckpointStatus.ACTIVE)
                  and n.id not in position.taken]
    if not candidates:
        return None
    return min(candidates, key=lambda n: (n.status != CheckpointStatus.ACTIVE, n.due is None,
                                          n.due or dt.date.min, order[n.id]))


def _map(ctx: Context) -> list[Flowable]:
    t = ctx.t
    out: list[Flowable] = [CondPageBreak(ctx.height * 0.45), ctx.h1(t("plan.map"))]
    drawing = map_drawing(ctx.account, ctx.width, ctx.height - 40, lang=ctx.lang,
                          min_scale=0.2, max_scale=0.6)
    if drawing is None:
        out.append(ctx.p(esc(t("plan.no_stakeholders")), ctx.st.muted))
    else:
        out += tiles(drawing, ctx.width, ctx.height - 40, drawing.item_boxes)
    return out


def _centres(ctx: Context) -> list[Flowable]:
    """Each decision centre with its own interest, its people and whether a supporter of
    ours sits in it."""
    t = ctx.t
    centres = ctx.account.decision_centres
    if not centres:
        return []
    supportive = (Attitude.CHAMPION, Attitude.SUPPORTER)
    rows = []
    for c in centres:
        members = [s for s in ctx.account.stakeholders if s.decision_centre_id == c.id]
        names = "\n".join(ctx.person_name(s) for s in sorted(members, key=stakeholder_sort_key))
        backers = [f"{ctx.person_name(s)} ({ctx.label('attitude', s.attitude).lower()})"
                   for s in members if s.attitude in supportive]
        rows.append([ctx.centre_name(c.id), c.interest or t("brief.none"),
                     names or t("plan.no_people"), "\n".join(backers) or t("plan.no_supporter")])
    return ctx.headed([(t("plan.centres", count=len(centres)), 1)], ctx.table([Column(t("plan.centre"), "whole"), Column(t("plan.centre_interest")),
                       Column(t("plan.centre_people"), "whole"),
                       Column(t("plan.centre_coverage"), "whole")], rows))


def _people(ctx: Context) -> list[Flowable]:
    t = ctx.t
    people = sorted(ctx.account.stakeholders,
                    key=lambda s: (ctx.centre_name(s.decision_centre_id).casefold(),
                                   *stakeholder_sort_key(s)))
    heading = t("plan.stakeholders", count=len(people))
    if not people:
        return [ctx.h1(heading), ctx.p(esc(t("plan.no_stakeholders")), ctx.st.muted)]
    rows = []
    for s in people:
        who = [Paragraph(f"<b>{esc(ctx.person_name(s))}</b>", ctx.st.cell_whole)]
        if s.title.strip():
            who.append(Paragraph(esc(s.title), ctx.st.cell))
        rows.append([
            who, ctx.centre_name(s.decision_centre_id),
            "\n".join(ctx.label("role", r) for r in s.roles) or t("brief.none"),
            "\n".join([ctx.label("influence", s.influence), ctx.label("attitude", s.attitude),
                       t("plan.strength_value", strength=s.relationship_strength)]),
            ctx.stage_name(s.journey_stage) if s.journey_stage else t("brief.none"),
            ctx.date(s.last_contact) if s.last_contact else t("brief.never"),
            s.our_owner,
        ])
    out = ctx.headed([(heading, 1)], ctx.table(
        [Column(t("plan.name"), "whole", weight=3), Column(t("brief.centre"), "whole"),
         Column(t("brief.roles"), "whole"), Column(t("plan.stance"), "whole"),
         Column(t("plan.station_col"), "whole"), Column(t("brief.last_contact"), "whole"),
         Column(t("brief.our_owner"), "whole")], rows))
    rows = []
    for s in people:
        typed = sorted((i for i in s.interests if i.text.strip()),
                       key=lambda i: INTEREST_ORDER.index(i.kind))
        cell = [Paragraph(f"<b>{esc(ctx.label('interest', i.kind))}:</b> {esc(i.text)}",
                          ctx.st.cell) for i in typed]
        rows.append([ctx.person_name(s), cell or t("plan.no_interests")])
    out += ctx.headed([(t("plan.interests"), 2)],
                      ctx.table([Column(t("plan.name"), "whole"), Column(t("brief.interests"))], rows))
    return out


def _relationships(ctx: Context) -> list[Flowable]:
    """Who reports to, influences, backs or fights whom, with the notes the map shows as
    edge labels (the drawing has no room for them)."""
    t = ctx.t
    relationships = [r for r in ctx.account.relationships
                     if r.from_id in ctx.people and r.to_id in ctx.people]
    if not relationships:
        return []
    order = {s.id: i for i, s in enumerate(sorted(ctx.account.stakeholders, key=stakeholder_sort_key))}
    relationships.sort(key=lambda r: (order[r.from_id], r.kind.value, order[r.to_id]))
    rows = []
    for r in relationships:
        kind = ctx.label("relationship", r.kind)
        if r.kind == RelationshipKind.INFLUENCES:
            kind += f" ({t('plan.strength', strength=r.strength)})"
        rows.append([ctx.person_name(ctx.people[r.from_id]), kind,
                     ctx.person_name(ctx.people[r.to_id]), r.label])
    return ctx.headed([(t("plan.relationships", count=len(rows)), 1)],
                      ctx.table([Column(t("plan.from"), "whole"),
                                 Column(t("plan.relation"), "whole"),
                                 Column(t("plan.to"), "whole"), Column(t("plan.note"))], rows))


def _questions(ctx: Context) -> list[Flowable]:
    t = ctx.t
    pending = [q for q in ctx.account.open_questions
               if q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED)]
    if not pending:
        return [ctx.h1(t("plan.questions")), ctx.p(esc(t("plan.no_questions")), ctx.st.muted)]
    out: list[Flowable] = []
    by_person: dict[str | None, list] = defaultdict(list)
    for q in pending:
        by_person[q.stakeholder_id if q.stakeholder_id in ctx.people else None].append(q)
    order = [s.id for s in ctx.account.stakeholders if s.id in by_person]
    if None in by_person:
        order.append(None)
    for person_id in order:
        heading = (ctx.person_name(ctx.people[person_id]) if person_id
                   else t("plan.unassigned"))
        ticks = ctx.question_ticks(by_person[person_id], status=True, small=True)
        # the name stays with its first question (and the section's heading with its first
        # person); the other questions may flow on to the next page
        block: list[Flowable] = [ctx.p(f"<b>{esc(heading)}</b>", ctx.st.small_lead), ticks[0]]
        if not out:
            block.insert(0, ctx.h1(t("plan.questions")))
        out.append(KeepTogether(block))
        out += ticks[1:]
    return out


def _road_diagram(ctx: Context) -> list[Flowable]:
    return road_diagram(ctx)


LAYOUT_STEPS = 30
SECTIONS = (_summary, _map, _centres, _people, _relationships, _questions, road_text,
            _road_diagram, journey, touchpoints, grids)


def build_account_plan(account: Account, framework: JourneyFramework | None,
                       lang: str = "ru", paper: str = "a4", *, today: dt.date,
                       progress: Progress | None = None) -> bytes:
    """The account plan as PDF bytes, as of `today`; `progress(done, total)` is called as it goes
    (one step per section, then LAYOUT_STEPS while the pages are laid out - two thirds of
    the time at the limits); it may raise to stop the build."""
    ctx = Context(account, framework, lang, paper, today)
    sections = len(SECTIONS)
    total = sections + LAYOUT_STEPS
    report = progress or (lambda done, total: None)
    report(0, total)
    story: list[Flowable] = ctx.account_header("plan.title")
    for i, section in enumerate(SECTIONS, start=1):
        story += section(ctx)
        report(i, total)

    last = {"step": sections}

    def laid_out(done: int, of: int) -> None:
        step = sections + min(LAYOUT_STEPS - 1, LAYOUT_STEPS * done // max(1, of))
        if step > last["step"]:  # one report a step; the last when the file is written
            last["step"] = step
            report(step, total)

    return ctx.build(story, "plan.title", after=lambda: report(total, total),
                     laid_out=laid_out if progress else None)


__all__ = ["build_account_plan", "next_meeting"]
