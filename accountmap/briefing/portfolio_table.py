"""The review's rows as text, shared by the printed table, the CSV, the PDF report and the
app's portfolio view: one wording everywhere, and totals per currency never mixed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from accountmap import catalogue
from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.briefing.review_messages import flag_name, flag_reason
from accountmap.briefing.styles import clean, fmt_date, fmt_money
from accountmap.domain.deal_health import Outcome


def currency_key(currency: str) -> str:
    return clean(currency).strip().upper()


@dataclass(frozen=True)
class Total:
    currency: str
    value: float
    deals: int


def totals(deals) -> tuple[list[Total], int]:
    """Sum of deal values per currency (never added across currencies), largest first,
    and how many deals have no value."""
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    without = 0
    for deal in deals:
        s = deal.review.summary
        if s.deal_value is None:
            without += 1
            continue
        key = currency_key(s.currency)
        sums[key] += s.deal_value
        counts[key] += 1
    out = [Total(c, sums[c], counts[c]) for c in sums]
    out.sort(key=lambda t: (-t.value, t.currency))
    return out, without


def totals_lines(portfolio, lang: str) -> list[str]:
    found, without = totals(portfolio.deals)
    lines = [BRIEFING_MESSAGES.text("review.totals", lang) + ":"]
    for total in found:
        lines.append("  " + BRIEFING_MESSAGES.text(
            "review.total_line", lang, value=fmt_money(total.value, total.currency, lang),
            deals=total.deals))
    if without:
        lines.append("  " + BRIEFING_MESSAGES.text("review.no_value", lang, deals=without))
    return lines


def station_name(deal, lang: str) -> str:
    stage = deal.review.summary.journey_stage
    station = deal.framework.station(stage) if stage else None
    return station.name(lang) if station else (stage or "")


def current_text(deal, lang: str) -> str:
    health = deal.review.health
    if health.is_closed:
        return BRIEFING_MESSAGES.text(f"outcome.{health.outcome.value}", lang)
    node = health.current_checkpoint
    if node is None:
        return ""
    return clean(node.title).strip() or BRIEFING_MESSAGES.text("brief.untitled", lang)


def progress_text(deal) -> str:
    h = deal.review.health
    return f"{h.checkpoints_done}/{h.checkpoints_total}" if h.checkpoints_total else ""


def coverage_text(deal) -> str:
    h = deal.review.health
    return f"{h.centres_covered}/{h.centres_total}" if h.centres_total else "—"


def meeting_text(deal, lang: str) -> str:
    meeting = deal.review.health.next_meeting
    return fmt_date(meeting.date, lang) if meeting is not None else ""


def flags_text(deal, lang: str) -> str:
    return ", ".join(flag_name(f, lang) for f in deal.review.health.flags)


def reasons(deal, lang: str) -> list[str]:
    return [flag_reason(f, lang) for f in deal.review.health.flags]


def account_name(deal, lang: str) -> str:
    return clean(deal.review.summary.name).strip() or BRIEFING_MESSAGES.text("brief.unnamed", lang)


def sort_key(deal):
    """Flagged deals first (most flags first), then by name."""
    return (-len(deal.review.health.flags), deal.review.summary.name.casefold(),
            deal.review.account_id)


def table_rows(portfolio, lang: str) -> tuple[list[str], list[list[str]]]:
    t = lambda key: BRIEFING_MESSAGES.text(key, lang)  # noqa: E731
    header = [t("review.account"), t("review.kam"), t("review.value"), t("review.station"),
              t("review.current"), t("review.progress"), t("review.days"),
              t("review.next_meeting"), t("review.coverage"), t("review.flags")]
    rows = []
    for deal in sorted(portfolio.deals, key=sort_key):
        s, h = deal.review.summary, deal.review.health
        rows.append([
            account_name(deal, lang), clean(s.owner),
            fmt_money(s.deal_value, s.currency, lang) if s.deal_value is not None else "",
            station_name(deal, lang), current_text(deal, lang), progress_text(deal),
            "" if h.days_in_checkpoint is None else str(h.days_in_checkpoint),
            meeting_text(deal, lang), coverage_text(deal), flags_text(deal, lang),
        ])
    return header, rows


def csv_rows(portfolio, lang: str) -> tuple[list[str], list[list[object]]]:
    t = lambda key: BRIEFING_MESSAGES.text(key, lang)  # noqa: E731
    header = [t("review.account"), t("review.kam"), t("review.value"), t("review.currency"),
              t("review.station"), t("review.temperature"), t("review.outcome"),
              t("review.current"), t("review.progress"), t("review.days"),
              t("review.next_meeting"), t("review.coverage"), t("review.roles_missing"),
              t("review.flags"), t("review.reasons"), t("review.files")]
    rows: list[list[object]] = []
    for deal in sorted(portfolio.deals, key=sort_key):
        s, h = deal.review.summary, deal.review.health
        meeting = h.next_meeting
        rows.append([
            s.name, s.owner, s.deal_value, currency_key(s.currency),
            station_name(deal, lang), catalogue.label("temperature", s.temperature, lang),
            BRIEFING_MESSAGES.text(f"outcome.{h.outcome.value}", lang),
            "" if h.is_closed else current_text(deal, lang), progress_text(deal),
            h.days_in_checkpoint,
            meeting.date.isoformat() if meeting is not None and meeting.date else "",
            coverage_text(deal),
            ", ".join(catalogue.label("role", r, lang) for r in deal.review.missing_roles),
            flags_text(deal, lang), "; ".join(reasons(deal, lang)),
            "; ".join(str(p) for p in deal.files),
        ])
    return header, rows

