"""The journey sections of the account plan: the account's station with its signs and
history, the people lined up by station, the touchpoints (each once, with everyone who
took part) and the journey grids (only the stations a grid says something about; on
landscape pages, where seven stations fit side by side)."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak

from accountmap.briefing.common import Context
from accountmap.briefing.styles import clean, esc
from accountmap.briefing.tables import Column
from accountmap.domain.vocabulary import GridRow

GRID_COLUMNS = 7  # stations per table beside the row labels (on a landscape page)


def journey(ctx: Context) -> list[Flowable]:
    t = ctx.t
    a = ctx.account
    out: list[Flowable] = []
    station = ctx.framework.station(a.journey_stage) if ctx.framework else None
    head: list[Flowable] = [ctx.h1(t("plan.journey")), ctx.p(f"<b>{esc(t('plan.account_station', station=ctx.stage_name(a.journey_stage)))}</b>"
                                  f" · {esc(t('brief.temperature'))}: "
                                  f"{esc(ctx.label('temperature', a.temperature))}")]
    if station is not None:
        if station.description(ctx.lang).strip():
            head.append(ctx.p(esc(station.description(ctx.lang)), ctx.st.small))
        signs = [s for s in station.signs(ctx.lang) if s.strip()]
        if signs:
            head.append(ctx.p(f"<b>{esc(t('plan.signs'))}:</b>", ctx.st.small_lead))
            head += ctx.bullets(signs)
    out.append(KeepTogether(head))
    events = sorted(a.journey_history, key=lambda e: (e.date is None, e.date or dt.date.min))
    if events:
        out += ctx.headed([(t("plan.history"), 2)], ctx.table(
            [Column(t("brief.date"), "whole"), Column(t("plan.station_col"), "whole"),
             Column(t("brief.temperature"), "whole"), Column(t("plan.reason")),
             Column(t("plan.evidence"))],
            [[ctx.date(e.date), ctx.stage_name(e.journey_stage) if e.journey_stage else "",
              ctx.label("temperature", e.temperature) if e.temperature else "",
              e.reason, e.evidence] for e in events]))
    out += _lineup(ctx)
    return out


def _lineup(ctx: Context) -> list[Flowable]:
    """Stations in use, in the framework's order, each with its people."""
    t = ctx.t
    stations = list(ctx.framework.stations) if ctx.framework else []
    by_station: dict[str | None, list[str]] = {}
    for person in sorted(ctx.account.stakeholders, key=lambda s: clean(s.full_name).casefold()):
        known = ctx.framework.station(person.journey_stage) if ctx.framework else None
        key = known.id if known else None
        by_station.setdefault(key, []).append(ctx.person_name(person))
    rows = [[s.name(ctx.lang), ", ".join(by_station[s.id])] for s in stations if s.id in by_station]
    if None in by_station:
        rows.append([t("plan.not_placed"), ", ".join(by_station[None])])
    if not rows:
        return []
    return ctx.headed([(t("plan.lineup"), 2)],
                      ctx.table([Column(t("plan.station_col"), "whole"),
                                 Column(t("plan.centre_people"), "whole")], rows))


def touchpoints(ctx: Context) -> list[Flowable]:
    """Every touchpoint once, by date, with the names of everyone who took part."""
    t = ctx.t
    points = sorted(ctx.account.touchpoints, key=lambda p: (p.date is None, p.date or dt.date.min))
    if not points:
        return []
    rows = []
    for p in points:
        names = [ctx.person_name(ctx.people[i]) for i in dict.fromkeys(p.stakeholder_ids)
                 if i in ctx.people]
        how = f"{ctx.label('channel', p.channel)}, {ctx.label('phase', p.phase).lower()}"
        rows.append([ctx.date(p.date), how, ", ".join(names) or t("brief.none"), p.summary,
                     p.result, p.emotion])
    return ctx.headed([(t("plan.touchpoints"), 1)],
                      ctx.table([Column(t("brief.date"), "whole"), Column(t("plan.how"), "whole"),
                                 Column(t("plan.participants"), "whole"),
                                 Column(t("plan.summary_col")), Column(t("plan.result")),
                                 Column(t("plan.emotion"))], rows))


def grids(ctx: Context) -> list[Flowable]:
    t = ctx.t
    out: list[Flowable] = []
    stations = list(ctx.framework.stations) if ctx.framework else []
    known = {s.id for s in stations}
    for grid in ctx.account.journey_grids:
        filled = {sid for sid, cells in grid.cells.items()
                  if any(clean(v).strip() for v in cells.values())}
        columns = [(s.id, s.name(ctx.lang)) for s in stations if s.id in filled]
        columns += [(sid, sid) for sid in grid.cells if sid in filled and sid not in known]
        if not columns:
            continue
        if grid.stakeholder_id:
            heading = t("plan.grid_for", name=ctx.person_name(ctx.people.get(grid.stakeholder_id)))
        elif grid.role:
            heading = t("plan.grid_for_role", role=ctx.label("role", grid.role))
        else:
            heading = t("plan.grid_for", name=t("brief.unnamed"))
        for start in range(0, len(columns), GRID_COLUMNS):
            chunk = columns[start:start + GRID_COLUMNS]
            rows = [[ctx.label("grid", row)] +
                    [grid.cells.get(sid, {}).get(row, "") for sid, _ in chunk]
                    for row in GridRow]
            rows = [r for r in rows if any(clean(v).strip() for v in r[1:])]
            headings = [] if start else [(heading, 2)]
            if not out and not start:
                headings.insert(0, (t("plan.grids"), 1))
            table = ctx.table([t("plan.station")] + [name for _, name in chunk], rows,
                              landscape=True)
            out += ctx.headed(headings, table, landscape=True) if headings else [table]
    if out and not ctx.on_landscape:  # the plan's last section: landscape to the end
        out[:0] = [NextPageTemplate("landscape"), PageBreak()]
        ctx.on_landscape = True
    return out
