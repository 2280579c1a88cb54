"""What a contact import will do, told to a person (CLI and dialog), in English or Russian.
Reads a `contact_plan.ImportPlan`; no Qt."""

from __future__ import annotations

from accountmap.storage.errors import STORAGE_MESSAGES
from accountmap.domain.contact_plan import ImportPlan, Outcome, RowResult



def labels(lang: str) -> dict[str, str]:
    """The words written into contact notes, in the workspace's language."""
    return {"company": STORAGE_MESSAGES.text("contacts.label_company", lang, value="{value}"),
            "tags": STORAGE_MESSAGES.text("contacts.label_tags", lang, value="{value}")}


def counts(plan: ImportPlan) -> dict[str, int]:
    return {"added": plan.count(Outcome.ADD), "updated": plan.count(Outcome.UPDATE),
            "same": plan.count(Outcome.SAME), "skipped": plan.count(Outcome.SKIP),
            "links": len(plan.relationships)}


def summary(plan: ImportPlan, lang: str) -> str:
    return STORAGE_MESSAGES.text("contacts.summary", lang, **counts(plan))


def reason(result: RowResult, lang: str) -> str:
    return STORAGE_MESSAGES.text(result.reason, lang, **result.params)


def problem_lines(plan: ImportPlan, lang: str, limit: int | None = None) -> list[str]:
    """“row 7: Иванов Иван — the same e-mail as row 3”, skipped rows then link warnings."""
    lines = []
    for result in [r for r in plan.rows if r.outcome is Outcome.SKIP] + plan.warnings:
        where = STORAGE_MESSAGES.text("contacts.row", lang, row=result.row)
        who = f" {result.name}" if result.name else ""
        lines.append(f"{where}:{who} — {reason(result, lang)}")
    if limit is not None and len(lines) > limit:
        rest = len(lines) - limit
        lines = lines[:limit] + [f"… (+{rest})"]
    return lines
