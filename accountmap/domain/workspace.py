"""A whole workspace: its settings and its accounts (what the JSON exchange carries)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from accountmap.domain.journey import JourneyFramework, TWELVE_STATIONS
from accountmap.domain.models import Account, Model

FORMAT_NAME = "accountmap"
FORMAT_VERSION = 1


class WorkspaceSettings(Model):
    language: Literal["ru", "en"] = "ru"
    journey_framework: JourneyFramework = Field(
        default_factory=lambda: TWELVE_STATIONS.model_copy(deep=True)
    )
    stale_contact_days: int = Field(30, ge=1, le=3650)
    # True: a checkpoint cannot be marked done while an exit criterion is unticked (else a
    # reason is asked and kept on the checkpoint)
    strict_exit_criteria: bool = False


class WorkspaceDocument(Model):
    """The JSON exchange document: `{"format": "accountmap", "version": N, ...}`."""

    format: Literal["accountmap"] = FORMAT_NAME
    version: int = FORMAT_VERSION
    language: Literal["ru", "en"] = "ru"
    journey_framework: JourneyFramework = Field(
        default_factory=lambda: TWELVE_STATIONS.model_copy(deep=True)
    )
    stale_contact_days: int = Field(30, ge=1, le=3650)
    strict_exit_criteria: bool = False
    accounts: list[Account] = Field(default_factory=list, max_length=100_000)

    def settings(self) -> WorkspaceSettings:
        return WorkspaceSettings(**{name: getattr(self, name)
                                    for name in WorkspaceSettings.model_fields})
