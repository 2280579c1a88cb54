"""Words of the portfolio review (CLI, report, the app's portfolio view): catalogue keys
and `flag_reason`, the one sentence that says why a deal-health flag fired."""

from __future__ import annotations

from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.domain.deal_health import Flag, FlagKind

MAX_NAME = 80  # a question's text can be long: the reason quotes its start



def _short(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def flag_name(flag: Flag | FlagKind, lang: str) -> str:
    kind = flag.kind if isinstance(flag, Flag) else flag
    return BRIEFING_MESSAGES.text(f"flag.{kind.value}", lang)


def flag_reason(flag: Flag, lang: str) -> str:
    """Why the flag fired, in one sentence with the names (“a”, “b”)."""
    quote = "«{}»" if lang == "ru" else "“{}”"
    if flag.kind == FlagKind.STALLED:
        names = ", ".join(_short(n) for n in flag.names)
    else:
        names = ", ".join(quote.format(_short(n)) if flag.kind in (
            FlagKind.OVERDUE_CHECKPOINT, FlagKind.OVERDUE_QUESTION, FlagKind.UNCOVERED_CENTRE)
            else _short(n) for n in flag.names)
    return BRIEFING_MESSAGES.text(f"reason.{flag.kind.value}", lang, names=names, days=flag.days,
                          limit=flag.limit)

