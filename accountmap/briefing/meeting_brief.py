"""The meeting brief: one or two pages to read before a meeting with the client.

Header of the account; the goal of the meeting and the checkpoint it serves with its exit
criteria as tick boxes; a block per attendee (who they are, what they care about, what we
must learn from them); a small map with the attendees highlighted; risks; room for notes.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, KeepTogether, Spacer

from accountmap.briefing.common import Context
from accountmap.briefing.drawings import map_drawing, tiles
from accountmap.briefing.styles import RULE, clean, esc
from accountmap.domain import account_rules
from accountmap.domain.journey import JourneyFramework
from accountmap.domain.models import Account, Meeting, Stakeholder
from accountmap.domain.vocabulary import InterestKind

INTEREST_ORDER = (InterestKind.PAIN, InterestKind.DREAM, InterestKind.BUSINESS,
                  InterestKind.PERSONAL)


def next_meeting(account: Account, today: dt.date) -> Meeting | None:
    """The first meeting dated `today` or later (ties: by time, then as listed)."""
    upcoming = [(m.date, clean(m.time), i, m) for i, m in enumerate(account.meetings)
                if m.date is not None and m.date >= today]
    if not upcoming:
        return None
    return min(upcoming, key=lambda item: item[:3])[3]


class NotesLines(Flowable):
    """Ruled lines to write on: as many as fit in what is left of the page, up to `most`.
    Fewer than `least` fit -> none are drawn: a page of nothing but lines would make a
    two-page brief three pages."""

    def __init__(self, width: float, least: int = 4, most: int = 14, gap: float = 20.0) -> None:
        super().__init__()
        self.width = width
        self.least = least
        self.most = most
        self.gap = gap
        self.lines = least
        self.height = least * gap

    def wrap(self, availWidth, availHeight):  # noqa: N802
        fit = int(availHeight // self.gap)
        self.lines = min(self.most, fit) if fit >= self.least else 0
        self.height = self.lines * self.gap
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.gap + 2
            self.canv.line(0, y, self.width, y)


def _meeting_section(ctx: Context, meeting: Meeting) -> list[Flowable]:
    t = ctx.t
    out: list[Flowable] = [ctx.h1(t("brief.meeting"))]
    pairs = [(t("brief.date"), ctx.date(meeting.date) if meeting.date else t("brief.no_date"))]
    if meeting.time.strip():
        pairs.append((t("brief.time"), meeting.time))
    if meeting.place.strip():
        pairs.append((t("brief.place"), meeting.place))
    out.append(ctx.facts(pairs))
    out.append(ctx.h2(t("brief.goal"), keep=len(meeting.goal) < 1500))
    if meeting.goal.strip():
        out.append(ctx.p(esc(meeting.goal)))
    else:
        out.append(ctx.p(esc(t("brief.no_goal")), ctx.st.muted))
    node = ctx.account.node(meeting.checkpoint_id) if meeting.checkpoint_id else None
    out.append(ctx.h2(t("brief.checkpoint")))
    if node is None:
        out.append(ctx.p(esc(t("brief.no_checkpoint")), ctx.st.muted))
        return out
    title = clean(node.title).strip() or t("brief.untitled")
    extra = [ctx.label("status", node.status)]
    if node.due:
        extra.append(f"{t('brief.due')}: {ctx.date(node.due)}")
    if node.owner.strip():
        extra.append(f"{t('brief.owner')}: {clean(node.owner)}")
    out.append(ctx.p(f"<b>{esc(title)}</b> <font color='#616e7c'>({esc(' · '.join(extra))})</font>"))
    if node.description.strip():
        out.append(ctx.p(esc(node.description), ctx.st.small))
    out.append(ctx.p(f"<b>{esc(t('brief.exit_criteria'))}</b>"))
    if node.exit_criteria:
        out += ctx.ticks([(c.text, c.done, "") for c in node.exit_criteria])
    else:
        out.append(ctx.p(esc(t("brief.no_exit_criteria")), ctx.st.muted))
    return out


def person_block(ctx: Context, person: Stakeholder | None, *, questions: bool = True,
                 notes: bool = False) -> list[Flowable]:
    """Who this person is and what to ask them (used by the brief and the plan)."""
    t = ctx.t
    out: list[Flowable] = []
    name = ctx.person_name(person)
    if person is None:
        out.append(ctx.h2(name))
        return out
    heading = f"<b>{esc(name)}</b>"
    if person.title.strip():
        heading += f" — {esc(person.title)}"
    out.append(ctx.p(heading, ctx.st.h2))
    roles = ", ".join(ctx.label("role", r) for r in person.roles) or t("brief.none")
    line1 = [
        (t("brief.centre"), ctx.centre_name(person.decision_centre_id)),
        (t("brief.roles"), roles),
    ]
    if person.last_contact is None:
        contact = t("brief.never")
    else:
        days = (ctx.today - person.last_contact).days
        contact = ctx.date(person.last_contact)
        if days >= 0:
            contact += f" ({t('brief.days_ago', days=days)})"
    line2 = [
        (t("brief.influence"), ctx.label("influence", person.influence)),
        (t("brief.attitude"), ctx.label("attitude", person.attitude)),
        (t("brief.last_contact"), contact),
    ]
    if person.our_owner.strip():
        line2.append((t("brief.our_owner"), person.our_owner))
    facts = line1 + line2
    out.append(ctx.p(" · ".join(f"<b>{esc(k)}:</b> {esc(v)}" for k, v in facts), ctx.st.small))
    interests = sorted((i for i in person.interests if i.text.strip()),
                       key=lambda i: INTEREST_ORDER.index(i.kind))
    if interests:
        out.append(ctx.p(
            f"<b>{esc(t('brief.interests'))}.</b> " + " · ".join(
                f"<b>{esc(ctx.label('interest', i.kind))}:</b> {esc(i.text)}"
                for i in interests), ctx.st.small))
    if notes and person.notes.strip():
        out.append(ctx.field(t("brief.person_notes"), person.notes, ctx.st.small))
    if questions:
        open_q = account_rules.open_questions_for(ctx.account, person.id)
        if open_q:
            out.append(ctx.p(f"<b>{esc(t('brief.ask'))}:</b>", ctx.st.small_lead))
            out += ctx.ticks([
                (q.question, False, ", ".join(filter(None, [
                    ctx.label("channel", q.channel),
                    f"{t('brief.due')} {ctx.date(q.due)}" if q.due else "",
                ]))) for q in open_q
            ])
        else:
            out.append(ctx.p(f"<b>{esc(t('brief.ask'))}:</b> {esc(t('brief.nothing_to_ask'))}",
                             ctx.st.small))
    return out


def build_meeting_brief(account: Account, meeting: Meeting, framework: JourneyFramework | None,
                        lang: str = "ru", paper: str = "a4", *, today: dt.date) -> bytes:
    """The meeting brief as PDF bytes, as of `today`."""
    ctx = Context(account, framework, lang, paper, today)
    t = ctx.t
    story: list[Flowable] = ctx.account_header("brief.title")
    story += _meeting_section(ctx, meeting)

    attendee_ids = list(dict.fromkeys(meeting.attendee_ids))
    heading = ctx.h1(t("brief.attendees", count=len(attendee_ids)))
    if not attendee_ids:
        story += [heading, ctx.p(esc(t("brief.no_attendees")), ctx.st.muted)]
    for i, person_id in enumerate(attendee_ids):
        block = person_block(ctx, ctx.people.get(person_id))
        if i:
            block.insert(0, HRFlowable(width="100%", thickness=0.4, color=RULE,
                                       spaceBefore=2, spaceAfter=0))
        else:  # the heading goes where its first person goes, never alone at a page foot
            block.insert(0, heading)
        # A block stays on one page; one longer than the room left (5,000-character
        # interests) starts on a fresh page and flows on.
        story.append(KeepTogether(block))

    story.append(CondPageBreak(120))
    story.append(ctx.h1(t("brief.map")))
    drawing = map_drawing(account, ctx.width, 190, highlight=set(attendee_ids), lang=lang)
    if drawing is None:
        story.append(ctx.p(esc(t("brief.map_empty")), ctx.st.muted))
    else:
        story += tiles(drawing, ctx.width, ctx.height - 40, drawing.item_boxes)

    story += ctx.risks(attendee_ids)

    story.append(ctx.h1(t("brief.notes")))
    if meeting.notes.strip():
        story.append(ctx.field(t("brief.meeting_notes"), meeting.notes))
        story.append(Spacer(1, 4))
    story.append(NotesLines(ctx.width))
    return ctx.build(story, "brief.title")


__all__ = ["build_meeting_brief", "next_meeting", "person_block"]
