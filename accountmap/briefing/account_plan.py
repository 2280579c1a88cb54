"""The account plan: the whole picture of one client, several pages.

Header and position; the full account map; every stakeholder and every relationship
(with its note) in a table; the open
questions grouped by person; the roadmap with the path taken and where we are; upcoming
checkpoints and meetings; risks; touchpoints per person; journey grids per decision maker.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Callable

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from accountmap.briefing.common import Context, stakeholder_sort_key
from accountmap.briefing.drawings import map_drawing, roadmap_drawing, tiles
from accountmap.briefing.meeting_brief import next_meeting  # noqa: F401  (re-exported)
from accountmap.briefing.styles import clean, esc
from accountmap.domain.journey import JourneyFramework
from accountmap.domain.models import Account
from accountmap.domain.roadmap_rules import position_on_road
from accountmap.domain.vocabulary import (
    CheckpointStatus,
    GridRow,
    NodeKind,
    QuestionStatus,
    RelationshipKind,
)

Progress = Callable[[int, int], None]
GRID_COLUMNS = 4  # stations per table: 12 stations print as three tables of 6 rows


def _summary(ctx: Context) -> list[Flowable]:
    t = ctx.t
    roadmap = ctx.account.roadmap
    out: list[Flowable] = [ctx.h1(t("plan.summary"))]
    if not roadmap.nodes:
        out.append(ctx.p(esc(t("plan.no_roadmap")), ctx.st.muted))
    else:
        position = position_on_road(roadmap)
        out.append(ctx.p(esc(t("plan.progress", done=position.checkpoints_done,
                                total=position.checkpoints_total))))
        here = [ctx.account.node(i) for i in (position.active_ids or position.current_ids)]
        titles = [clean(n.title).strip() or ctx.label("node", n.kind) for n in here if n]
        if titles:
            out.append(ctx.field(t("plan.current"), "; ".join(titles)))
    if ctx.account.notes.strip():
        out.append(ctx.field(t("plan.account_notes"), ctx.account.notes))
    return out


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


def _stakeholders(ctx: Context) -> list[Flowable]:
    t = ctx.t
    people = sorted(ctx.account.stakeholders,
                    key=lambda s: (ctx.centre_name(s.decision_centre_id).casefold(),
                                   *stakeholder_sort_key(s)))
    out: list[Flowable] = [ctx.h1(t("plan.stakeholders", count=len(people)))]
    if not people:
        out.append(ctx.p(esc(t("plan.no_stakeholders")), ctx.st.muted))
        return out
    rows = []
    for s in people:
        rows.append([
            ctx.person_name(s), s.title, ctx.centre_name(s.decision_centre_id),
            ", ".join(ctx.label("role", r) for r in s.roles) or t("brief.none"),
            ctx.label("influence", s.influence), ctx.label("attitude", s.attitude),
            ctx.date(s.last_contact) if s.last_contact else t("brief.never"),
            s.our_owner,
        ])
    out.append(ctx.table(
        [t("plan.name"), t("brief.person_title"), t("brief.centre"), t("brief.roles"),
         t("brief.influence"), t("brief.attitude"), t("brief.last_contact"),
         t("brief.our_owner")],
        rows, [1.5, 1.5, 1.15, 1.3, 0.85, 1.0, 0.9, 1.1]))
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
    return [ctx.h1(t("plan.relationships", count=len(rows))),
            ctx.table([t("plan.from"), t("plan.relation"), t("plan.to"), t("plan.note")],
                      rows, [1.6, 1.2, 1.6, 2.2])]


def _questions(ctx: Context) -> list[Flowable]:
    t = ctx.t
    pending = [q for q in ctx.account.open_questions
               if q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED)]
    out: list[Flowable] = [ctx.h1(t("plan.questions"))]
    if not pending:
        out.append(ctx.p(esc(t("plan.no_questions")), ctx.st.muted))
        return out
    by_person: dict[str | None, list] = defaultdict(list)
    for q in pending:
        by_person[q.stakeholder_id if q.stakeholder_id in ctx.people else None].append(q)
    order = [s.id for s in ctx.account.stakeholders if s.id in by_person]
    if None in by_person:
        order.append(None)
    for person_id in order:
        heading = (ctx.person_name(ctx.people[person_id]) if person_id
                   else t("plan.unassigned"))
        block: list[Flowable] = [ctx.h2(heading)]
        block += ctx.ticks([
            (q.question, False, ", ".join(filter(None, [
                ctx.label("channel", q.channel),
                f"{t('brief.due')} {ctx.date(q.due)}" if q.due else "",
                ctx.label("question", q.status),
            ]))) for q in by_person[person_id]
        ])
        out.append(KeepTogether(block))
    return out


def _roadmap(ctx: Context) -> list[Flowable]:
    t = ctx.t
    out: list[Flowable] = [CondPageBreak(ctx.height * 0.35), ctx.h1(t("plan.roadmap"))]
    drawing = roadmap_drawing(ctx.account, ctx.width, ctx.height - 70, lang=ctx.lang,
                              min_scale=0.33, max_scale=0.6)
    if drawing is None:
        out.append(ctx.p(esc(t("plan.no_roadmap")), ctx.st.muted))
        return out
    out.append(ctx.p(esc(t("plan.legend")), ctx.st.small))
    out += tiles(drawing, ctx.width, ctx.height - 70, drawing.item_boxes)
    return out


def _upcoming(ctx: Context) -> list[Flowable]:
    t = ctx.t
    roadmap = ctx.account.roadmap
    position = position_on_road(roadmap)
    order = {n.id: i for i, n in enumerate(roadmap.nodes)}
    upcoming = sorted(
        (n for n in roadmap.nodes
         if n.kind == NodeKind.CHECKPOINT and n.id in position.in_play
         and n.status in (CheckpointStatus.PLANNED, CheckpointStatus.ACTIVE)),
        key=lambda n: (n.due is None, n.due or dt.date.min, order[n.id]))
    out: list[Flowable] = [ctx.h1(t("plan.upcoming"))]
    if not upcoming:
        out.append(ctx.p(esc(t("plan.no_upcoming")), ctx.st.muted))
    else:
        rows = []
        for n in upcoming:
            cell: list[Flowable] = [ctx.p(f"<b>{esc(clean(n.title).strip() or t('brief.untitled'))}</b>",
                                          ctx.st.cell)]
            cell += [ctx.p(("\u2611 " if c.done else "\u2610 ") + esc(c.text), ctx.st.cell)
                     for c in n.exit_criteria]
            overdue = n.due is not None and n.due < ctx.today
            due = ctx.date(n.due) + (" !" if overdue else "")
            rows.append([cell, due, n.owner or t("brief.none"), ctx.label("status", n.status)])
        out.append(ctx.table([t("plan.checkpoint"), t("brief.due"), t("brief.owner"),
                              t("brief.status")], rows, [3.6, 1.0, 1.5, 1.4]))
    meetings = sorted((m for m in ctx.account.meetings if m.date and m.date >= ctx.today),
                      key=lambda m: (m.date, clean(m.time)))
    if meetings:
        out.append(ctx.h2(t("plan.meetings")))
        rows = []
        for m in meetings:
            names = ", ".join(ctx.person_name(ctx.people.get(i)) for i in m.attendee_ids)
            rows.append([f"{ctx.date(m.date)} {clean(m.time)}".strip(), m.goal, names])
        out.append(ctx.table([t("brief.date"), t("brief.goal"), t("brief.attendees", count=""
                                                                   ).replace("()", "").strip()],
                             rows, [1.0, 3.0, 2.5]))
    return out


def _touchpoints(ctx: Context) -> list[Flowable]:
    t = ctx.t
    points = ctx.account.touchpoints
    if not points:
        return []
    out: list[Flowable] = [ctx.h1(t("plan.touchpoints"))]
    by_person: dict[str | None, list] = defaultdict(list)
    for tp in points:
        ids = [i for i in dict.fromkeys(tp.stakeholder_ids) if i in ctx.people]
        for person_id in ids or [None]:
            by_person[person_id].append(tp)
    order = [s.id for s in ctx.account.stakeholders if s.id in by_person]
    if None in by_person:
        order.append(None)
    for person_id in order:
        heading = (ctx.person_name(ctx.people[person_id]) if person_id
                   else t("plan.touchpoints_none_person"))
        items = sorted(by_person[person_id],
                       key=lambda tp: (tp.date is None, tp.date or dt.date.min))
        rows = [[ctx.date(tp.date), ctx.label("phase", tp.phase), ctx.label("channel", tp.channel),
                 tp.summary, tp.result, tp.emotion] for tp in items]
        out.append(ctx.h2(heading))
        out.append(ctx.table([t("brief.date"), t("plan.phase"), t("plan.channel").capitalize(),
                              t("plan.summary_col"), t("plan.result"), t("plan.emotion")],
                             rows, [0.9, 1.0, 1.15, 2.5, 1.7, 0.9]))
    return out


def _grids(ctx: Context) -> list[Flowable]:
    t = ctx.t
    grids = ctx.account.journey_grids
    if not grids:
        return []
    out: list[Flowable] = [ctx.h1(t("plan.grids"))]
    stations = list(ctx.framework.stations) if ctx.framework else []
    known = {s.id for s in stations}
    for grid in grids:
        if grid.stakeholder_id:
            heading = t("plan.grid_for", name=ctx.person_name(ctx.people.get(grid.stakeholder_id)))
        elif grid.role:
            heading = t("plan.grid_for_role", role=ctx.label("role", grid.role))
        else:
            heading = t("plan.grid_for", name=t("brief.unnamed"))
        columns = [(s.id, s.name(ctx.lang)) for s in stations]
        columns += [(sid, sid) for sid in grid.cells if sid not in known]
        out.append(ctx.h2(heading))
        for start in range(0, len(columns), GRID_COLUMNS):
            chunk = columns[start:start + GRID_COLUMNS]
            rows = [[ctx.label("grid", row)] +
                    [grid.cells.get(sid, {}).get(row, "") for sid, _ in chunk]
                    for row in GridRow]
            fractions = [1.3] + [1.6] * len(chunk) + [1.6] * (GRID_COLUMNS - len(chunk))
            header = [t("plan.station")] + [name for _, name in chunk]
            header += [""] * (GRID_COLUMNS - len(chunk))
            rows = [r + [""] * (GRID_COLUMNS - len(chunk)) for r in rows]
            out.append(ctx.table(header, rows, fractions))
            out.append(ctx.p("", ctx.st.small))
    return out


def _risks(ctx: Context) -> list[Flowable]:
    return ctx.risks(None, "plan.risks")


SECTIONS = (_summary, _map, _stakeholders, _relationships, _questions, _roadmap, _upcoming, _risks,
            _touchpoints, _grids)


def build_account_plan(account: Account, framework: JourneyFramework | None,
                       lang: str = "ru", paper: str = "a4", *, today: dt.date,
                       progress: Progress | None = None) -> bytes:
    """The account plan as PDF bytes, as of `today`; `progress(done, total)` is called as it goes
    (one step per section, one for laying out the pages)."""
    ctx = Context(account, framework, lang, paper, today)
    total = len(SECTIONS) + 1
    report = progress or (lambda done, total: None)
    report(0, total)
    story: list[Flowable] = ctx.account_header("plan.title")
    for i, section in enumerate(SECTIONS, start=1):
        story += section(ctx)
        report(i, total)
    return ctx.build(story, "plan.title", after=lambda: report(total, total))


__all__ = ["build_account_plan", "next_meeting"]
