"""A problem found by a rule: a stable code, the entity it concerns, and its details.

What a person reads is made from the code by `accountmap.catalogue` (CLI, briefing) or by
the UI's translations, so the rules stay free of language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    code: str
    entity_id: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
