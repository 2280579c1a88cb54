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


class WorkspaceExport(Model):
    """The JSON exchange document: `{"format": "accountmap", "version": N, ...}`."""

    format: Literal["accountmap"] = FORMAT_NAME
    version: int = FORMAT_VERSION
    language: Literal["ru", "en"] = "ru"
    journey_framework: JourneyFramework = Field(
        default_factory=lambda: TWELVE_STATIONS.model_copy(deep=True)
    )
    stale_contact_days: int = Field(30, ge=1, le=3650)
    accounts: list[Account] = Field(default_factory=list, max_length=100_000)

    def settings(self) -> WorkspaceSettings:
        return WorkspaceSettings(
            language=self.language,
            journey_framework=self.journey_framework,
            stale_contact_days=self.stale_contact_days,
        )
