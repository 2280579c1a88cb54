"""How big one account may grow: the limits that keep every output finishing.

A complex deal has a dozen people and 30-50 checkpoints (DOMAIN.md); the limits leave
two orders of magnitude of room while every output of an account AT the limit (render,
plan, brief, portfolio, the window) finishes in bounded time and memory (scripts/bench
measures them: `limits:` rows). Without limits a 100,000-person import was accepted and
`render` of it grew to 24 GB. Texts are bounded by the models (a name 500 characters,
notes 100,000). Enforced at import (the JSON is refused with the path of the list) and
in the editor (an addition past the limit is refused, nothing changes). A file that
already holds more (made elsewhere) still opens and reads; it only cannot grow.
"""

from __future__ import annotations

from collections.abc import Mapping

# per account: table (collection) -> most rows
ACCOUNT_LIMITS: Mapping[str, int] = {
    "stakeholders": 1_000,
    "decision_centres": 200,
    "relationships": 3_000,
    "open_questions": 5_000,
    "roadmap_nodes": 500,
    "roadmap_edges": 1_500,
    "meetings": 2_000,
    "touchpoints": 10_000,
    "journey_grids": 50,
    "journey_history": 10_000,
}
MAX_ACCOUNTS = 2_000  # per workspace: the portfolio lists them all

# where each table sits in the JSON export (for the message)
JSON_PATHS: Mapping[str, str] = {"roadmap_nodes": "roadmap.nodes",
                                 "roadmap_edges": "roadmap.edges"}


def over_limits(counts: Mapping[str, int]) -> list[tuple[str, int, int]]:
    """(table, count, limit) for every table whose count is over its limit."""
    return [(table, counts[table], limit) for table, limit in ACCOUNT_LIMITS.items()
            if counts.get(table, 0) > limit]


def account_counts(account) -> dict[str, int]:
    """Rows per table of an `Account`."""
    counts = {table: len(getattr(account, table, []) or [])
              for table in ACCOUNT_LIMITS if not table.startswith("roadmap_")}
    counts["roadmap_nodes"] = len(account.roadmap.nodes)
    counts["roadmap_edges"] = len(account.roadmap.edges)
    return counts
