"""The closed vocabularies of the domain (buying roles, attitudes, statuses...).

Values are the stable strings used in the file and in the JSON exchange format; what a
person reads is looked up in `accountmap.catalogue` (briefing, CLI) or translated by Qt.
"""

from __future__ import annotations

from enum import StrEnum


class BuyingRole(StrEnum):
    DECISION_MAKER = "decision_maker"  # ЛПР
    ECONOMIC_BUYER = "economic_buyer"
    TECHNICAL_BUYER = "technical_buyer"
    USER_BUYER = "user_buyer"
    INFLUENCER = "influencer"  # ЛВР
    GATEKEEPER = "gatekeeper"
    CHAMPION = "champion"  # champion / coach
    BLOCKER = "blocker"


class Influence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Attitude(StrEnum):
    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SCEPTIC = "sceptic"
    OPPONENT = "opponent"


class InterestKind(StrEnum):
    BUSINESS = "business"
    PERSONAL = "personal"
    PAIN = "pain"
    DREAM = "dream"


class RelationshipKind(StrEnum):
    REPORTS_TO = "reports_to"
    INFLUENCES = "influences"
    ALLY = "ally"
    CONFLICT = "conflict"


class Channel(StrEnum):
    """How we learn something or meet someone."""

    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    DOCUMENT = "document"
    EVENT = "event"
    WEBINAR = "webinar"
    PROPOSAL = "proposal"
    DELIVERY = "delivery"
    SURVEY = "survey"
    OTHER = "other"


class QuestionStatus(StrEnum):
    OPEN = "open"
    ASKED = "asked"
    ANSWERED = "answered"
    DROPPED = "dropped"


class NodeKind(StrEnum):
    START = "start"
    CHECKPOINT = "checkpoint"
    DECISION = "decision"
    WON = "won"
    LOST = "lost"


class CheckpointStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"


class BranchOutcome(StrEnum):
    """The outcomes a new branch of a crossroads gets by default (stored as these ids,
    shown in the reader's language; any other outcome is the user's own words)."""

    YES = "yes"
    NO = "no"


class Temperature(StrEnum):
    COLD = "cold"
    COOL = "cool"
    WARM = "warm"
    HOT = "hot"


class TouchpointPhase(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class GridRow(StrEnum):
    """The six rows of the B2B journey template, per decision maker (DOMAIN.md)."""

    INFORMATION_NEEDED = "information_needed"
    ACTIONS_WANTED = "actions_wanted"
    OUR_ACTIONS = "our_actions"
    KEY_MESSAGES = "key_messages"
    INFLUENCE_SOURCES = "influence_sources"
    CONTENT_TYPES = "content_types"


PASSED_STATUSES = frozenset({CheckpointStatus.DONE, CheckpointStatus.SKIPPED})
SUPPORTIVE_ATTITUDES = frozenset({Attitude.CHAMPION, Attitude.SUPPORTER})
