"""The portfolio review report (PDF, landscape): for a sales director.

Page one: totals per currency and every deal on one table with its flags. Then the
patterns of the road (per checkpoint title and per crossroads outcome, across every deal),
then one page per flagged deal: where it is on its road, its coverage, and each flag with
the reason it fired. Same styles and fonts as the briefings (briefing/common.py).
"""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.briefing import portfolio_table as pt
from accountmap.briefing.common import Context
from accountmap.briefing.drawings import ACCENT, FADED, INK, fit_text
from accountmap.briefing.fonts import BOLD, REGULAR
from accountmap.briefing.fast_table import FastTable
from accountmap.briefing.portfolio_deal_page import DealPage
from accountmap.briefing.review_messages import flag_name, flag_reason
from accountmap.briefing.styles import (
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    clean,
    esc,
    fmt_date,
    fmt_money,
)
from accountmap.domain.models import Account
from accountmap.domain.road_patterns import road_patterns


class ReviewContext(Context):
    """The briefings' context (styles, tables, words) for a report of many accounts."""

    def __init__(self, lang: str, paper: str, today) -> None:
        super().__init__(Account(), None, lang, paper, today)
        self.pagesize = landscape(self.pagesize)
        self.width = self.pagesize[0] - 2 * MARGIN
        self.height = self.pagesize[1] - 2 * MARGIN - 14


def progress_bar(done: int, total: int, width: float, lang: str) -> Drawing:
    """A bar of the checkpoints passed along the chosen path, its words beside it."""
    height, bar = 12, width * 0.4
    drawing = Drawing(width, height + 4)
    drawing.add(Rect(0, 2, bar, height, fillColor=FADED, strokeColor=None))
    if total:
        drawing.add(Rect(0, 2, bar * min(1.0, done / total), height, fillColor=ACCENT,
                         strokeColor=None))
    label = BRIEFING_MESSAGES.text("review.road_line", lang, done=done, total=total)
    drawing.add(String(bar + 8, 5, fit_text(label, BOLD, 9, width - bar - 8), fontName=BOLD,
                       fontSize=9, fillColor=INK))
    return drawing


def _files(ctx: ReviewContext, deal) -> str:
    return "; ".join(clean(p.name) for p in deal.files)


def _summary(ctx: ReviewContext, portfolio) -> list[Flowable]:
    t = ctx.t
    out: list[Flowable] = [
        Paragraph(esc(t("review.title")), ctx.st.title),
        Paragraph(esc(t("review.subtitle", deals=len(portfolio.deals),
                        files=len(portfolio.files), date=fmt_date(portfolio.today, ctx.lang))),
                  ctx.st.subtitle),
    ]
    found, without = pt.totals(portfolio.deals)
    pairs = [(total.currency or "?", t("review.total_line",
                                       value=fmt_money(total.value, total.currency, ctx.lang),
                                       deals=total.deals)) for total in found]
    if without:
        pairs.append(("—", t("review.no_value", deals=without)))
    if pairs:
        out += [ctx.h2(t("review.totals")), ctx.facts(pairs, columns=2)]
    # a long table follows: the heading may not drag it whole to the next page
    out.append(Paragraph(esc(t("review.summary")),
                         ParagraphStyle("h1_loose", parent=ctx.st.h1, keepWithNext=0)))
    if not portfolio.deals:
        out.append(ctx.p(esc(t("review.empty")), ctx.st.muted))
        return out
    header, rows = pt.table_rows(portfolio, ctx.lang)
    deals = sorted(portfolio.deals, key=pt.sort_key)
    cells = []
    for deal, row in zip(deals, rows):
        name = clean(row[0])
        if deal.also_in:
            name += "\n" + t("review.also_in", files=", ".join(p.name for p in deal.also_in))
        cells.append([name, *(clean(c) for c in row[1:])])
    # drawn straight (briefing/fast_table.py): 1,000 rows of Paragraphs took seconds
    out.append(FastTable(header, cells, ctx.landscape_width, ctx.lang,
                         [{len(header) - 1: _danger(ctx).textColor}] * len(cells)))
    for path, error in portfolio.skipped:
        out.append(ctx.p(esc(t("review.skipped", path=path, reason=error.message(ctx.lang))),
                         ctx.st.muted))
    return out


def _danger(ctx: ReviewContext):
    from accountmap.briefing.styles import DANGER

    return ParagraphStyle("danger_cell", parent=ctx.st.cell, textColor=DANGER)


def _patterns(ctx: ReviewContext, portfolio) -> list[Flowable]:
    t = ctx.t
    patterns = road_patterns(d.review.trace for d in portfolio.deals)
    out: list[Flowable] = [PageBreak(), ctx.h1(t("review.patterns")),
                           ctx.p(esc(t("review.patterns_intro")), ctx.st.muted)]
    if not patterns.checkpoints:
        out.append(ctx.p(esc(t("review.no_patterns")), ctx.st.muted))
        return out
    none = t("brief.none")
    rows = [[p.title or t("brief.untitled"), f"{p.reached} / {patterns.deals}",
             none if p.median_days is None else f"{p.median_days:g}",
             none if p.longest_days is None else str(p.longest_days)]
            for p in patterns.checkpoints]
    out.append(ctx.table([t("review.checkpoint"), t("review.reached"), t("review.median_days"),
                          t("review.longest_days")], rows, [4.0, 1.0, 1.0, 1.0]))
    if patterns.outcomes:
        out.append(ctx.h2(t("review.crossroads_head")))
        rows = [[p.crossroads or t("brief.untitled"), p.outcome or t("review.unlabelled"),
                 str(p.took), str(p.won), str(p.lost)] for p in patterns.outcomes]
        out.append(ctx.table([t("review.crossroads"), t("review.outcome_taken"),
                              t("review.took"), t("review.won"), t("review.lost")],
                             rows, [3.0, 2.0, 0.7, 0.7, 0.7]))
    return out


def _facts(ctx: ReviewContext, pairs: list[tuple[str, str]]) -> Table:
    """The deal's facts, three pairs a row, as the briefings' facts table looks; the labels
    (our own short words) are plain strings: a Paragraph each made a 1,000-page review
    noticeably slower."""
    label_style = ParagraphStyle("fact_label", parent=ctx.st.cell_head)
    rows, row = [], []
    for label, value in pairs:
        row += [label, Paragraph(esc(value), ctx.st.cell)]
        if len(row) == 6:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (6 - len(row)))
    label_w = ctx.width * 0.12
    value_w = (ctx.width - 3 * label_w) / 3
    table = Table(rows, colWidths=[label_w, value_w] * 3, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), label_style.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), label_style.fontSize),
        ("LEADING", (0, 0), (-1, -1), label_style.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _deal_facts(ctx: ReviewContext, deal) -> list[tuple[str, str]]:
    """The facts box of a deal's page (both the drawn page and the platypus one)."""
    t, s = ctx.t, deal.review.summary
    return [
        (t("review.kam"), clean(s.owner) or t("brief.not_set")),
        (t("review.value"), fmt_money(s.deal_value, s.currency, ctx.lang)),
        (t("review.station"), pt.station_name(deal, ctx.lang) or t("brief.not_set")),
        (t("review.temperature"), ctx.label("temperature", s.temperature)),
        (t("review.next_meeting"), pt.meeting_text(deal, ctx.lang) or t("brief.none")),
        (t("review.files") if deal.also_in else t("review.file"), _files(ctx, deal)),
    ]


def _deal_page(ctx: ReviewContext, deal) -> list[Flowable]:
    t = ctx.t
    s, h = deal.review.summary, deal.review.health
    kind = "review.flagged_deal" if h.flags else "review.commented_deal"
    out: list[Flowable] = [
        PageBreak(),
        Paragraph(esc(t(kind)), ctx.st.subtitle),
        Paragraph(esc(pt.account_name(deal, ctx.lang)), ctx.st.title),
        _facts(ctx, _deal_facts(ctx, deal)),
        ctx.h1(t("review.road")),
    ]
    if h.checkpoints_total:
        out.append(progress_bar(h.checkpoints_done, h.checkpoints_total, ctx.width,
                                ctx.lang))
        current = pt.current_text(deal, ctx.lang)
        if current:
            line = current
            if h.days_in_checkpoint is not None:
                line += " — " + t("review.days_line", days=h.days_in_checkpoint)
            out.append(ctx.field(t("review.current"), line))
    else:
        out.append(ctx.p(esc(t("review.no_road")), ctx.st.muted))
    out.append(ctx.h1(t("review.coverage_head")))
    roles = [ctx.label("role", r) for r in deal.review.missing_roles]
    lines = [  # one paragraph: each costs a markup parse (a 1,000-page review has many)
        esc(t("review.coverage_line", covered=h.centres_covered, total=h.centres_total)
            if h.centres_total else t("review.no_centres")),
        esc(t("review.people_line", count=s.people, opponents=s.opponents)),
        f"<b>{esc(t('review.roles_missing'))}:</b> {esc(', '.join(roles))}" if roles
        else esc(t("review.roles_all")),
    ]
    out.append(ctx.p("<br/>".join(lines)))
    if h.flags:
        out.append(ctx.h1(t("review.flags_head")))
    for flag in h.flags:
        out.append(Paragraph(f"<b>{esc(flag_name(flag, ctx.lang))}.</b> "
                             f"{esc(flag_reason(flag, ctx.lang))}", ctx.st.bullet,
                             bulletText="•"))
    if deal.review.open_comments:
        out.append(ctx.h1(t("review.comments_head")))
        out += _comments(ctx, deal.review.open_comments)
    return out


def _comments(ctx: ReviewContext, comments) -> list[Flowable]:
    """Each open comment (what it is on, who, when, the text), its replies indented."""
    out: list[Flowable] = []
    for c in comments:
        target = clean(c.target_name) or ctx.t("review.comment_on_account")
        author = clean(c.author) or "—"
        day = fmt_date(c.date, ctx.lang) if c.date else "—"
        head = (ctx.t("review.comment_line", target=target, author=author, date=day)
                if c.reply_to is None else f"{author}, {day}")
        text = esc(c.text).replace("\n", "<br/>")
        if c.reply_to is None:
            out.append(Paragraph(f"<b>{esc(head)}</b><br/>{text}", ctx.st.bullet,
                                 bulletText="•"))
        else:
            out.append(Paragraph(f"<i>{esc(head)}</i><br/>{text}", _reply_style(ctx),
                                 bulletText="↳"))
    return out


def _reply_style(ctx: ReviewContext) -> ParagraphStyle:
    style = getattr(ctx, "_reply_style", None)
    if style is None:
        base = ctx.st.bullet
        style = ctx._reply_style = ParagraphStyle(
            "reply", parent=base, leftIndent=base.leftIndent + 18,
            bulletIndent=base.bulletIndent + 18, textColor=MUTED)
    return style


def _fast_deal_page(ctx: ReviewContext, deal) -> list[Flowable]:
    """The deal's page drawn straight on the canvas (briefing/portfolio_deal_page.py), the
    same words as `_deal_page`; that one when the content does not fit one page."""
    t = ctx.t
    s, h = deal.review.summary, deal.review.health
    page = DealPage(ctx.width)
    page.text(_w(REGULAR, t("review.flagged_deal" if h.flags else "review.commented_deal")),
              10.5, 14, MUTED, after=6)
    page.text(_w(BOLD, pt.account_name(deal, ctx.lang)), 17, 21, after=2)
    page.facts(_deal_facts(ctx, deal))
    page.heading(t("review.road"))
    if h.checkpoints_total:
        label = fit_text(BRIEFING_MESSAGES.text("review.road_line", ctx.lang,
                                                done=h.checkpoints_done,
                                                total=h.checkpoints_total),
                         BOLD, 9, ctx.width * 0.6 - 8)
        page.bar(h.checkpoints_done / h.checkpoints_total, label, ACCENT, FADED)
        current = pt.current_text(deal, ctx.lang)
        if current:
            if h.days_in_checkpoint is not None:
                current += " — " + t("review.days_line", days=h.days_in_checkpoint)
            page.text(_w(BOLD, t("review.current") + ":") + _w(REGULAR, current), 9.5, 12.5)
    else:
        page.text(_w(REGULAR, t("review.no_road")), 9.5, 12.5, MUTED)
    page.heading(t("review.coverage_head"))
    page.text(_w(REGULAR, t("review.coverage_line", covered=h.centres_covered,
                            total=h.centres_total) if h.centres_total
                 else t("review.no_centres")), 9.5, 12.5, after=0)
    page.text(_w(REGULAR, t("review.people_line", count=s.people, opponents=s.opponents)),
              9.5, 12.5, after=0)
    roles = [ctx.label("role", r) for r in deal.review.missing_roles]
    page.text(_w(BOLD, t("review.roles_missing") + ":") + _w(REGULAR, ", ".join(roles))
              if roles else _w(REGULAR, t("review.roles_all")), 9.5, 12.5)
    if h.flags:
        page.heading(t("review.flags_head"))
    for flag in h.flags:
        page.text(_w(BOLD, flag_name(flag, ctx.lang) + ".") + _w(REGULAR, flag_reason(flag, ctx.lang)),
                  9.5, 12.5, indent=12, bullet="•", bullet_indent=2)
    if deal.review.open_comments:
        page.heading(t("review.comments_head"))
    for c in deal.review.open_comments:
        author, day = clean(c.author) or "—", fmt_date(c.date, ctx.lang) if c.date else "—"
        if c.reply_to is None:
            head = t("review.comment_line", author=author, date=day,
                     target=clean(c.target_name) or t("review.comment_on_account"))
            page.text(_w(BOLD, head), 9.5, 12.5, indent=12, bullet="•", bullet_indent=2,
                      after=0)
            page.text(_w(REGULAR, clean(c.text)), 9.5, 12.5, indent=12)
        else:
            page.text(_w(REGULAR, f"{author}, {day}"), 9.5, 12.5, MUTED, indent=30,
                      bullet="↳", bullet_indent=20, after=0)
            page.text(_w(REGULAR, clean(c.text)), 9.5, 12.5, MUTED, indent=30)
    if page.y > ctx.height - 4:
        return _deal_page(ctx, deal)
    return [PageBreak(), page]


def _w(font: str, text: str) -> list[tuple[str, str]]:
    return [(font, word) for word in text.split()]


LAYOUT_STEPS = 30


def build_portfolio_review(portfolio, *, lang: str = "ru", paper: str = "a4",
                           progress=None) -> bytes:
    """The review as PDF bytes; `progress(done, total)` as the pages are laid out (it may
    raise to stop the build: Cancel in the print progress dialog)."""
    report = progress or (lambda done, total: None)
    report(0, LAYOUT_STEPS)
    ctx = ReviewContext(lang, paper, portfolio.today)
    story: list[Flowable] = _summary(ctx, portfolio)
    if portfolio.deals:
        story += _patterns(ctx, portfolio)
        for deal in sorted(portfolio.deals, key=pt.sort_key):
            if deal.review.health.flags or deal.review.open_comments:
                story += _fast_deal_page(ctx, deal)
    story.append(Spacer(1, 1))
    buffer = io.BytesIO()
    title = ctx.t("review.title")
    printed = ctx.t("brief.printed", date=fmt_date(portfolio.today, lang))

    def on_page(canv, doc) -> None:
        canv.saveState()
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(MUTED)
        canv.setStrokeColor(RULE)
        y = MARGIN - 10
        canv.line(MARGIN, y + 10, ctx.pagesize[0] - MARGIN, y + 10)
        canv.drawString(MARGIN, y, title)
        canv.drawRightString(ctx.pagesize[0] - MARGIN, y,
                             f"{printed} · {BRIEFING_MESSAGES.text('brief.page', lang, page=doc.page)}")
        canv.restoreState()

    doc = SimpleDocTemplate(
        buffer, pagesize=ctx.pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN + 8, title=title, creator="AccountMap",
        lang=lang, initialFontName=REGULAR, initialFontSize=9.5,
    )
    if progress is not None:
        shown = {"step": 0, "of": max(1, len(story))}

        def on_progress(kind: str, value: int) -> None:  # reportlab's progress callback
            if kind == "SIZE_EST":
                shown["of"] = max(1, value)
            elif kind == "PROGRESS":
                step = min(LAYOUT_STEPS - 1, LAYOUT_STEPS * max(0, value) // shown["of"])
                if step > shown["step"]:
                    shown["step"] = step
                    report(step, LAYOUT_STEPS)

        doc.setProgressCallBack(on_progress)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    report(LAYOUT_STEPS, LAYOUT_STEPS)
    return buffer.getvalue()
