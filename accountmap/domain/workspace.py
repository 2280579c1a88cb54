"""A whole workspace: its settings and its accounts (what the JSON exchange carries)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from accountmap.domain.journey import JourneyFramework, TWELVE_STATIONS
from accountmap.domain.models import Account, Model, new_list

FORMAT_NAME = "accountmap"
FORMAT_VERSION = 2  # 2: accounts carry review_comments (docs/FORMAT.md)


class ReviewThresholds(Model):
    """When the deal-health rules (domain/deal_health.py, docs/REVIEW.md) raise a flag.

    The no-contact threshold is the workspace's `stale_contact_days`, shared with the map.
    """

    stalled_days: int = Field(21, ge=1, le=3650)  # days in one checkpoint before "stalled"


class WorkspaceSettings(Model):
    language: Literal["ru", "en"] = "ru"
    journey_framework: JourneyFramework = Field(
        default_factory=lambda: TWELVE_STATIONS.model_copy(deep=True)
    )
    stale_contact_days: int = Field(30, ge=1, le=3650)
    # True: a checkpoint cannot be marked done while an exit criterion is unticked (else a
    # reason is asked and kept on the checkpoint)
    strict_exit_criteria: bool = False
    review: ReviewThresholds = Field(default_factory=ReviewThresholds)


class WorkspaceExport(Model):
    """The JSON exchange document: `{"format": "accountmap", "version": N, ...}`."""

    format: Literal["accountmap"] = FORMAT_NAME
    version: int = FORMAT_VERSION
    language: Literal["ru", "en"] = "ru"
    journey_framework: JourneyFramework = Field(
        default_factory=lambda: TWELVE_STATIONS.model_copy(deep=True)
    )
    stale_contact_days: int = Field(30, ge=1, le=3650)
    strict_exit_criteria: bool = False
    review: ReviewThresholds = Field(default_factory=ReviewThresholds)
    accounts: list[Account] = Field(default_factory=new_list, max_length=100_000)

    def settings(self) -> WorkspaceSettings:
        return WorkspaceSettings(**{name: getattr(self, name)
                                    for name in WorkspaceSettings.model_fields})
