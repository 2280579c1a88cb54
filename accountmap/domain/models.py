"""The domain model: pydantic v2, no Qt, no SQL, no I/O.

The same models are the JSON exchange format (see docs/FORMAT.md) and the rows of the
workspace file (each entity is stored as its own row, so an edit touches one row).
"""

from __future__ import annotations

import os
import datetime as dt
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from accountmap.domain.text import multi_line, one_line
from accountmap.domain.vocabulary import (
    Attitude,
    BuyingRole,
    Channel,
    CheckpointStatus,
    GridRow,
    Influence,
    InterestKind,
    NodeKind,
    QuestionStatus,
    RelationshipKind,
    Temperature,
    TouchpointPhase,
)

# Limits that keep a hostile or broken file from exhausting memory or the canvas, while
# leaving room for anything a person types: a name of 500 characters, notes of 100,000.
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:\-]{1,64}$")]
# Control characters are stripped as text is validated (accountmap/domain/text.py).
Name = Annotated[str, StringConstraints(max_length=500), AfterValidator(one_line)]
Text = Annotated[str, StringConstraints(max_length=100_000), AfterValidator(multi_line)]
Coordinate = Annotated[float, Field(ge=-1e7, le=1e7, allow_inf_nan=False)]
Extent = Annotated[float, Field(ge=10, le=1e6, allow_inf_nan=False)]


def new_id() -> str:
    """A short random id (48 random bits, as the 12 hex digits of a uuid4 had), unique
    enough for one workspace; os.urandom directly: a contact import makes 20,000 of them."""
    return os.urandom(6).hex()


def new_list() -> list:
    """An empty list: the models' list fields' default factory. pydantic asks each
    factory's signature (does it take the validated data?), and `inspect.signature(list)`
    parses the builtin's text signature: ~100 us a field, ~4 ms of start-up (issue 15)."""
    return []


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, frozen=False)


class Entity(Model):
    id: Id = Field(default_factory=new_id)


class Interest(Model):
    kind: InterestKind = InterestKind.BUSINESS
    text: Text = ""


class Stakeholder(Entity):
    full_name: Name = ""
    title: Name = ""
    decision_centre_id: Id | None = None
    roles: list[BuyingRole] = Field(default_factory=new_list, max_length=len(BuyingRole))
    influence: Influence = Influence.MEDIUM
    attitude: Attitude = Attitude.NEUTRAL
    relationship_strength: int = Field(0, ge=0, le=5)
    our_owner: Name = ""
    interests: list[Interest] = Field(default_factory=new_list, max_length=1000)
    journey_stage: Id | None = None
    last_contact: dt.date | None = None
    email: Name = ""
    phone: Name = ""
    contact_notes: Text = ""
    notes: Text = ""
    x: Coordinate = 0.0
    y: Coordinate = 0.0

    @model_validator(mode="after")
    def _roles_unique(self) -> "Stakeholder":
        seen: list[BuyingRole] = []
        for role in self.roles:
            if role not in seen:
                seen.append(role)
        if len(seen) != len(self.roles):  # assigning costs a pydantic __setattr__: only
            self.roles = seen              # when a role was repeated (8% of a big load)
        return self


class DecisionCentre(Entity):
    """ЦФР: a group that decides together and shares a collective interest."""

    name: Name = ""
    interest: Text = ""
    x: Coordinate = 0.0
    y: Coordinate = 0.0
    width: Extent = 360.0
    height: Extent = 260.0


class Relationship(Entity):
    from_id: Id
    to_id: Id
    kind: RelationshipKind = RelationshipKind.INFLUENCES
    strength: int = Field(3, ge=1, le=5)
    label: Name = ""

    @model_validator(mode="after")
    def _not_to_itself(self) -> "Relationship":
        if self.from_id == self.to_id:
            raise ValueError("a relationship must connect two different people")
        return self


class OpenQuestion(Entity):
    """What we still must learn, from whom, how and by when."""

    question: Text = ""
    stakeholder_id: Id | None = None
    channel: Channel = Channel.MEETING
    due: dt.date | None = None
    status: QuestionStatus = QuestionStatus.OPEN
    answer: Text = ""


class ExitCriterion(Model):
    text: Text = ""
    done: bool = False


class RoadmapNode(Entity):
    kind: NodeKind = NodeKind.CHECKPOINT
    title: Name = ""
    description: Text = ""
    exit_criteria: list[ExitCriterion] = Field(default_factory=new_list, max_length=1000)
    status: CheckpointStatus = CheckpointStatus.PLANNED
    owner: Name = ""
    due: dt.date | None = None
    activated_on: dt.date | None = None
    stakeholder_ids: list[Id] = Field(default_factory=new_list, max_length=10_000)
    journey_stage: Id | None = None
    chosen_edge_id: Id | None = None  # at a decision: the outcome taken
    notes: Text = ""
    exit_note: Text = ""  # why it was marked done while exit criteria were unmet
    x: Coordinate = 0.0
    y: Coordinate = 0.0


class RoadmapEdge(Entity):
    from_id: Id
    to_id: Id
    outcome: Name = ""
    loop: bool = False  # a deliberate loop back ("repeat the POC")


class Roadmap(Model):
    nodes: list[RoadmapNode] = Field(default_factory=new_list, max_length=100_000)
    edges: list[RoadmapEdge] = Field(default_factory=new_list, max_length=100_000)


class Meeting(Entity):
    date: dt.date | None = None
    time: Name = ""
    place: Name = ""
    goal: Text = ""
    attendee_ids: list[Id] = Field(default_factory=new_list, max_length=10_000)
    checkpoint_id: Id | None = None
    notes: Text = ""


class Touchpoint(Entity):
    date: dt.date | None = None
    phase: TouchpointPhase = TouchpointPhase.DURING
    channel: Channel = Channel.MEETING
    stakeholder_ids: list[Id] = Field(default_factory=new_list, max_length=10_000)
    checkpoint_id: Id | None = None
    summary: Text = ""
    emotion: Name = ""
    result: Text = ""


class JourneyGrid(Entity):
    """The six-row journey template for one decision maker (or one role)."""

    stakeholder_id: Id | None = None
    role: BuyingRole | None = None
    # cells[station_id][row] = text
    cells: dict[Id, dict[GridRow, Text]] = Field(default_factory=dict, max_length=1000)


class JourneyEvent(Entity):
    """A dated move of the account along its journey."""

    date: dt.date | None = None
    journey_stage: Id | None = None
    temperature: Temperature | None = None
    reason: Text = ""
    evidence: Text = ""


class ReviewComment(Entity):
    """A reviewer's remark on an account, one of its people or one of its checkpoints
    (both ids None: on the account). A reply names the comment it answers (`reply_to`).

    `history` holds the fingerprints (domain/review_merge.fingerprint) of the comment's
    earlier versions, newest last: importing a review file tells by them which side edited
    a comment since the two copies parted (docs/REVIEW.md). `target_name` is the person's
    or checkpoint's name when the comment was written, kept if the item goes away."""

    stakeholder_id: Id | None = None
    checkpoint_id: Id | None = None
    reply_to: Id | None = None
    target_name: Name = ""
    author: Name = ""
    date: dt.date | None = None
    text: Text = ""
    resolved: bool = False
    history: list[Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]] = Field(
        default_factory=new_list, max_length=1000)

    @model_validator(mode="after")
    def _one_target(self) -> "ReviewComment":
        if self.stakeholder_id is not None and self.checkpoint_id is not None:
            raise ValueError("a comment is on a person or on a checkpoint, not on both")
        if self.reply_to is not None and self.reply_to == self.id:
            raise ValueError("a comment cannot answer itself")
        return self


class AccountFields(Model):
    """The account's own fields, without its collections (one row in the file)."""

    name: Name = ""
    industry: Name = ""
    offering: Text = ""
    deal_value: float | None = Field(None, ge=0, le=1e15, allow_inf_nan=False)
    currency: Annotated[str, StringConstraints(max_length=8)] = "RUB"
    owner: Name = ""
    target_close: dt.date | None = None
    journey_stage: Id | None = None
    temperature: Temperature = Temperature.COOL
    notes: Text = ""


class Account(AccountFields):
    id: Id = Field(default_factory=new_id)
    decision_centres: list[DecisionCentre] = Field(default_factory=new_list, max_length=10_000)
    stakeholders: list[Stakeholder] = Field(default_factory=new_list, max_length=100_000)
    relationships: list[Relationship] = Field(default_factory=new_list, max_length=100_000)
    open_questions: list[OpenQuestion] = Field(default_factory=new_list, max_length=100_000)
    roadmap: Roadmap = Field(default_factory=Roadmap)
    meetings: list[Meeting] = Field(default_factory=new_list, max_length=100_000)
    touchpoints: list[Touchpoint] = Field(default_factory=new_list, max_length=100_000)
    journey_grids: list[JourneyGrid] = Field(default_factory=new_list, max_length=10_000)
    journey_history: list[JourneyEvent] = Field(default_factory=new_list, max_length=100_000)
    review_comments: list[ReviewComment] = Field(default_factory=new_list, max_length=100_000)

    def fields(self) -> AccountFields:
        return AccountFields.model_validate(
            self.model_dump(include=set(AccountFields.model_fields))
        )

    def stakeholder(self, stakeholder_id: str) -> Stakeholder | None:
        return next((s for s in self.stakeholders if s.id == stakeholder_id), None)

    def node(self, node_id: str) -> RoadmapNode | None:
        return next((n for n in self.roadmap.nodes if n.id == node_id), None)

    def decision_centre(self, centre_id: str) -> DecisionCentre | None:
        return next((c for c in self.decision_centres if c.id == centre_id), None)


# The collections of an account, each stored as its own table of rows: name -> model.
COLLECTIONS: dict[str, type[Entity]] = {
    "decision_centres": DecisionCentre,
    "stakeholders": Stakeholder,
    "relationships": Relationship,
    "open_questions": OpenQuestion,
    "roadmap_nodes": RoadmapNode,
    "roadmap_edges": RoadmapEdge,
    "meetings": Meeting,
    "touchpoints": Touchpoint,
    "journey_grids": JourneyGrid,
    "journey_history": JourneyEvent,
    "review_comments": ReviewComment,
}


def collection_items(account: Account, collection: str) -> list[Entity]:
    if collection == "roadmap_nodes":
        return account.roadmap.nodes  # type: ignore[return-value]
    if collection == "roadmap_edges":
        return account.roadmap.edges  # type: ignore[return-value]
    return getattr(account, collection)
