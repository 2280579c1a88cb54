"""Pieces shared by the meeting brief and the account plan: the page template, the
account header, tables, tick lists and the risks."""

from __future__ import annotations

import datetime as dt
import io
from typing import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from accountmap import catalogue
from accountmap.briefing.drawings import fit_text
from accountmap.briefing.tables import Column, build_table
from accountmap.briefing.fonts import REGULAR, register_fonts
from accountmap.briefing.styles import (
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    Styles,
    check_lang,
    clean,
    esc,
    fmt_date,
    fmt_money,
    page_size,
    styles,
)
from accountmap.domain import account_rules, roadmap_rules
from accountmap.domain.journey import JourneyFramework
from accountmap.domain.models import Account, Stakeholder
from accountmap.domain.vocabulary import Attitude
from accountmap.briefing.messages import BRIEFING_MESSAGES

TICK_OPEN = "\u2610"  # ☐
TICK_DONE = "\u2611"  # ☑


class Context:
    """What every section needs: language, styles, frame width, today (the day the document
    is printed as of: the caller asks the clock), the framework."""

    def __init__(self, account: Account, framework: JourneyFramework | None, lang: str,
                 paper: str, today: dt.date) -> None:
        register_fonts()
        self.account = account
        self.framework = framework
        self.lang = check_lang(lang)
        self.pagesize = page_size(paper)
        self.today = today  # an input (the clock is read by the caller, never here)
        self.st: Styles = styles(self.lang)
        self.width = self.pagesize[0] - 2 * MARGIN
        self.height = self.pagesize[1] - 2 * MARGIN - 14  # minus the footer line
        # Landscape pages (the roadmap diagram): the same margins turned.
        self.landscape_width = self.pagesize[1] - 2 * MARGIN
        self.landscape_height = self.pagesize[0] - 2 * MARGIN - 14
        # Set by a section that turns the pages: the sections after it lay out for landscape.
        self.on_landscape = False
        self.people = {s.id: s for s in account.stakeholders}
        self.centres = {c.id: c for c in account.decision_centres}

    # --- words
    def t(self, key: str, **params: object) -> str:
        return BRIEFING_MESSAGES.text(key, self.lang, **params)

    def label(self, prefix: str, value: object) -> str:
        return catalogue.label(prefix, value, self.lang)

    def date(self, value: dt.date | None) -> str:
        return fmt_date(value, self.lang)

    def person_name(self, person: Stakeholder | None) -> str:
        if person is None:
            return self.t("brief.missing_person")
        return clean(person.full_name).strip() or self.t("brief.unnamed")

    def stage_name(self, stage_id: str | None) -> str:
        if not stage_id:
            return self.t("brief.not_set")
        station = self.framework.station(stage_id) if self.framework else None
        return station.name(self.lang) if station else stage_id

    def centre_name(self, centre_id: str | None) -> str:
        centre = self.centres.get(centre_id or "")
        if centre is None:
            return self.t("brief.none")
        return clean(centre.name).strip() or self.t("brief.untitled")

    # --- flowables
    def p(self, markup: str, style=None) -> Paragraph:
        return Paragraph(markup, style or self.st.body)

    def h1(self, text: str) -> Paragraph:
        return Paragraph(esc(text), self.st.h1)

    def h2(self, text: str, keep: bool = True) -> Paragraph:
        """A sub-heading; keep=False when what follows is too long to keep with it
        (otherwise a page-long paragraph drags the heading to the next page)."""
        return Paragraph(esc(text), self.st.h2 if keep else self.st.h2_loose)

    def headed(self, headings: Sequence[tuple[str, int]], table: Table,
               landscape: bool | None = None) -> list[Flowable]:
        """Headings (text, level 1 or 2) and the table under them, kept together by a
        conditional page break as tall as the headings, the table's header and first row:
        keepWithNext would move the whole table to the next page and leave the rest of this
        one white."""
        paras = [Paragraph(esc(text), self.st.h1_loose if level == 1 else self.st.h2_loose)
                 for text, level in headings]
        landscape = self.on_landscape if landscape is None else landscape
        width = self.landscape_width if landscape else self.width
        need = sum(p.wrap(width, 1e6)[1] + p.style.spaceBefore + p.style.spaceAfter
                   for p in paras)
        need += getattr(table, "lead_height", 40.0) + 2
        return [CondPageBreak(need), *paras, table]

    def field(self, label: str, value: str, style=None) -> Paragraph:
        """`<b>label:</b> value` with the value escaped."""
        return Paragraph(f"<b>{esc(label)}:</b> {esc(value)}", style or self.st.body)

    def ticks(self, items: Sequence[tuple[str, bool, str]]) -> list[Paragraph]:
        """Tick boxes: (text, done, small suffix) each."""
        out = []
        for text, done, suffix in items:
            markup = esc(text) or "&nbsp;"
            if suffix:
                markup += f' <font size="8" color="#616e7c">({esc(suffix)})</font>'
            out.append(Paragraph(markup, self.st.tick,
                                 bulletText=TICK_DONE if done else TICK_OPEN))
        return out

    def question_ticks(self, questions, status: bool = False,
                       small: bool = False) -> list[Paragraph]:
        """Open questions as tick boxes: how to ask, by when (in red with "overdue" once
        the date has passed), and their status when asked for."""
        out = []
        for q in questions:
            bits = [esc(self.label("channel", q.channel))]
            if q.due:
                due = f"{esc(self.t('brief.due'))} {esc(self.date(q.due))}"
                if q.due < self.today:
                    due = f'<font color="#b91c1c"><b>{due}, {esc(self.t("plan.overdue"))}</b></font>'
                bits.append(due)
            if status:
                bits.append(esc(self.label("question", q.status)))
            markup = (esc(q.question) or "&nbsp;") + \
                f' <font size="8" color="#616e7c">({", ".join(bits)})</font>'
            out.append(Paragraph(markup, self.st.tick_small if small else self.st.tick,
                                 bulletText=TICK_OPEN))
        return out

    def bullets(self, texts: Sequence[str]) -> list[Paragraph]:
        return [Paragraph(esc(t), self.st.bullet, bulletText="•") for t in texts]

    def table(self, columns: Sequence[Column | str], rows: Sequence[Sequence[object]],
              landscape: bool | None = None) -> Table:
        """A table of escaped text cells (a cell may also be a list of flowables), column
        widths from the content (see tables.py); a plain string is a "text" column.
        landscape: the table goes on a landscape page (default: as the pages are turned)."""
        cols = [c if isinstance(c, Column) else Column(c) for c in columns]
        landscape = self.on_landscape if landscape is None else landscape
        width, height = ((self.landscape_width, self.landscape_height) if landscape
                         else (self.width, self.height))
        return build_table(cols, rows, width, self.lang, self.st.cell, self.st.cell_whole,
                           self.st.cell_head, page_height=height)

    def facts(self, pairs: Sequence[tuple[str, str]], columns: int = 2) -> Table:
        """Label/value pairs laid out in `columns` pairs per row."""
        st = self.st
        rows, row = [], []
        for label, value in pairs:
            row += [Paragraph(esc(label), st.cell_head), Paragraph(esc(value), st.cell)]
            if len(row) == 2 * columns:
                rows.append(row)
                row = []
        if row:
            row += [""] * (2 * columns - len(row))
            rows.append(row)
        label_w = self.width * 0.17
        value_w = (self.width - columns * label_w) / columns
        table = Table(rows, colWidths=[label_w, value_w] * columns, splitInRow=1,
                      hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    # --- shared sections
    def account_header(self, title_key: str) -> list[Flowable]:
        a = self.account
        name = clean(a.name).strip() or self.t("brief.unnamed")
        out: list[Flowable] = [
            Paragraph(esc(self.t(title_key)), self.st.subtitle),
            Paragraph(esc(name), self.st.title),
        ]
        pairs = [
            (self.t("brief.owner"), a.owner or self.t("brief.not_set")),
            (self.t("brief.value"), fmt_money(a.deal_value, a.currency, self.lang)),
            (self.t("brief.stage"), self.stage_name(a.journey_stage)),
            (self.t("brief.temperature"), self.label("temperature", a.temperature)),
        ]
        if a.industry:
            pairs.insert(0, (self.t("brief.industry"), a.industry))
        if a.target_close:
            pairs.append((self.t("brief.target_close"), self.date(a.target_close)))
        out.append(self.facts(pairs))
        if a.offering.strip():
            out.append(Spacer(1, 3))
            out.append(self.field(self.t("brief.deal"), a.offering))
        return out

    def risk_lines(self, attendee_ids: list[str] | None, stale_days: int = 30) -> list[str]:
        a = self.account
        lines: list[str] = []
        among = attendee_ids
        key = "brief.risk_opponent" if among is not None else "brief.risk_opponent_any"
        for person in account_rules.opponents(a, among):
            lines.append(self.t(key, attitude=self.label("attitude", person.attitude),
                                name=self.person_name(person)))
        for centre_id in account_rules.uncovered_centres(a):
            lines.append(self.t("brief.risk_uncovered", name=self.centre_name(centre_id)))
        for node in roadmap_rules.overdue_nodes(a.roadmap, self.today):
            lines.append(self.t("brief.risk_overdue",
                                title=clean(node.title).strip() or self.t("brief.untitled"),
                                date=self.date(node.due)))
        if among is None:
            if a.stakeholders:
                for role in account_rules.unfilled_roles(a):
                    lines.append(self.t("brief.risk_unfilled", role=self.label("role", role)))
            for person in account_rules.neglected_influencers(a, self.today, stale_days):
                lines.append(self.t("brief.risk_stale", days=stale_days,
                                    name=self.person_name(person)))
        return lines

    def risks(self, attendee_ids: list[str] | None, key: str = "brief.risks") -> list[Flowable]:
        lines = self.risk_lines(attendee_ids)
        out: list[Flowable] = [self.h1(self.t(key))]
        if not lines:
            out.append(self.p(esc(self.t("brief.no_risks")), self.st.muted))
        out += self.bullets(lines)
        return out

    # --- the document
    def build(self, story: list[Flowable], title_key: str,
              after: Callable[[], None] | None = None,
              laid_out: Callable[[int, int], None] | None = None) -> bytes:
        """The PDF bytes; `laid_out(done, total)` as the pages are laid out (flowables
        placed of about `total`; it may raise to stop the layout), `after()` at the end."""
        buffer = io.BytesIO()
        title = f"{self.t(title_key)}: {clean(self.account.name)}"
        footer_left = fit_text(title, REGULAR, 7.5, self.width * 0.7)
        printed = self.t("brief.printed", date=self.date(self.today))
        lang = self.lang

        def on_page(canv, doc) -> None:
            width = canv._pagesize[0]  # noqa: SLF001 (portrait or landscape)
            canv.saveState()
            canv.setFont(REGULAR, 7.5)
            canv.setFillColor(MUTED)
            canv.setStrokeColor(RULE)
            y = MARGIN - 10
            canv.line(MARGIN, y + 10, width - MARGIN, y + 10)
            canv.drawString(MARGIN, y, footer_left)
            canv.drawRightString(width - MARGIN, y,
                                 f"{printed} · {BRIEFING_MESSAGES.text('brief.page', lang, page=doc.page)}")
            canv.restoreState()

        doc = BaseDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN, bottomMargin=MARGIN + 8, title=title,
            author=clean(self.account.owner), creator="AccountMap", lang=self.lang,
            initialFontName=REGULAR, initialFontSize=9.5,
        )
        templates = []
        for name, size in (("portrait", self.pagesize), ("landscape", landscape(self.pagesize))):
            frame = Frame(MARGIN, MARGIN + 8, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - 8,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
            templates.append(PageTemplate(id=name, frames=[frame], onPage=on_page,
                                          pagesize=size))
        doc.addPageTemplates(templates)
        if laid_out is not None:
            estimate = {"total": max(1, len(story))}

            def on_progress(kind: str, value: int) -> None:  # reportlab's progress callback
                if kind == "SIZE_EST":
                    estimate["total"] = max(1, value)
                elif kind == "PROGRESS":
                    laid_out(max(0, min(value, estimate["total"])), estimate["total"])

            doc.setProgressCallBack(on_progress)
        doc.build(story)
        if after:
            after()
        return buffer.getvalue()


def attitude_rank(person: Stakeholder) -> int:
    return list(Attitude).index(person.attitude)


def stakeholder_sort_key(person: Stakeholder):
    return (clean(person.full_name).casefold(), person.id)


def colour_for(value: str) -> colors.Color:
    return colors.HexColor(value)
