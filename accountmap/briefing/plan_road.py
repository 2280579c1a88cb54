"""The road as text, for the account plan: the path travelled, where we are, and every
branch ahead (each crossroads with its outcomes and where each leads; each checkpoint with
owner, due date, status and exit criteria), then the alternatives not taken.

Titles are printed whole (wrapped at spaces, never hyphenated) so a reader can find them
on the diagram that follows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from accountmap.briefing.common import Context
from accountmap.briefing.drawings import NOW
from accountmap.briefing.styles import DANGER, MUTED, clean, esc
from accountmap.briefing.tables import Column
from accountmap.domain.models import RoadmapEdge, RoadmapNode
from accountmap.domain.roadmap_rules import position_on_road
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind

MARK = {NodeKind.START: "▶", NodeKind.CHECKPOINT: "", NodeKind.DECISION: "◆",
        NodeKind.WON: "★", NodeKind.LOST: "✕"}
OPEN_STATUSES = (CheckpointStatus.PLANNED, CheckpointStatus.ACTIVE)


def node_title(ctx: Context, node: RoadmapNode | None) -> str:
    if node is None:
        return ctx.t("brief.untitled")
    return " ".join(clean(node.title).split()) or ctx.label("node", node.kind)


def is_overdue(node: RoadmapNode, today: dt.date) -> bool:
    return (node.kind == NodeKind.CHECKPOINT and node.due is not None and node.due < today
            and node.status in OPEN_STATUSES)


def road_order(nodes: list[RoadmapNode]) -> list[RoadmapNode]:
    """Left to right as drawn, top to bottom within a column."""
    return sorted(nodes, key=lambda n: (round(n.x / 40), n.y))


class RoadText:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.roadmap = ctx.account.roadmap
        self.nodes = {n.id: n for n in self.roadmap.nodes}
        self.out: dict[str, list[RoadmapEdge]] = defaultdict(list)
        for e in self.roadmap.edges:
            if e.from_id in self.nodes and e.to_id in self.nodes:
                self.out[e.from_id].append(e)
        self.position = position_on_road(self.roadmap)
        self.now: set[str] = set()
        st = ctx.st
        self.title_style = st.cell_whole
        self.next_style = ParagraphStyle("road_next", parent=st.cell_whole, leftIndent=8,
                                         firstLineIndent=-8, textColor=MUTED)

    # --- cells
    def _title_cell(self, node: RoadmapNode, criteria: bool = True) -> list[Flowable]:
        ctx = self.ctx
        mark = MARK.get(node.kind, "")
        text = esc(node_title(ctx, node))
        if node.kind == NodeKind.DECISION:
            text = f"{esc(ctx.t('plan.crossroads'))}: {text}"
        if node.id in self.now:
            mark = f'<font color="#{NOW.hexval()[2:]}"><b>● {esc(ctx.t("drawing.now"))}</b></font> {mark}'
        cell: list[Flowable] = [Paragraph(f"{mark} <b>{text}</b>".strip(), self.title_style)]
        if criteria and node.kind == NodeKind.CHECKPOINT:
            ticks = [("\u2611\u00a0" if c.done else "\u2610\u00a0") + esc(c.text)
                     for c in node.exit_criteria if c.text.strip()]
            if ticks:  # one paragraph: a column of one-line ticks wastes the row
                cell.append(Paragraph(" \u2003".join(ticks), ctx.st.cell))
        return cell

    def _when(self, node: RoadmapNode) -> list[Flowable]:
        """Due date (red "overdue" once passed) over the status; a crossroads has a date
        by which it should be decided, and no status."""
        if node.kind not in (NodeKind.CHECKPOINT, NodeKind.DECISION):
            return []
        lines = []
        if node.due is not None:
            lines.append(esc(self.ctx.date(node.due)))
        if node.kind == NodeKind.DECISION:
            return [Paragraph("<br/>".join(lines), self.title_style)] if lines else []
        status = esc(self.ctx.label("status", node.status))
        if is_overdue(node, self.ctx.today):
            status += f', <font color="#{DANGER.hexval()[2:]}">{esc(self.ctx.t("plan.overdue_checkpoint"))}</font>'
        lines.append(status)
        return [Paragraph("<br/>".join(lines), self.title_style)]

    def _where_next(self, node: RoadmapNode, following: str | None) -> list[Flowable]:
        """Where the road goes from `node`: each outcome and the node it leads to; a plain
        step only when it does not lead to the next row anyway."""
        ctx = self.ctx
        lines: list[str] = []
        for e in self.out.get(node.id, []):
            target = esc(f"«{node_title(ctx, self.nodes[e.to_id])}»")
            outcome = esc(" ".join(clean(e.outcome).split()))
            chosen = node.chosen_edge_id == e.id
            if e.loop:
                lines.append(f"↺ {'<b>' + outcome + '</b>: ' if outcome else ''}"
                             f"{esc(ctx.t('plan.loop'))} {target}")
            elif outcome or node.kind == NodeKind.DECISION:
                tag = f" <i>({esc(ctx.t('plan.chosen'))})</i>" if chosen else ""
                lines.append(f"→ <b>{outcome or '—'}</b>{tag}: {target}")
            elif e.to_id != following:
                lines.append(f"→ {target}")
        return [Paragraph(line, self.next_style) for line in lines]

    def _rows(self, nodes: list[RoadmapNode], brief: bool = False) -> list[list[object]]:
        """One row a node; `brief` (the path travelled): no owner, no exit criteria."""
        rows = []
        for i, node in enumerate(nodes):
            following = nodes[i + 1].id if i + 1 < len(nodes) else None
            step = self._title_cell(node, criteria=not brief) + self._where_next(node, following)
            row = [step, self._when(node)]
            if not brief:
                row.append(node.owner.strip() if node.kind in (NodeKind.CHECKPOINT,
                                                               NodeKind.DECISION) else "")
            rows.append(row)
        return rows

    def _columns(self, brief: bool = False) -> list[Column]:
        """The step (title, exit criteria, where it leads) takes the width; due, owner and
        status are narrow columns beside it."""
        t = self.ctx.t
        columns = [Column(t("plan.checkpoint"), weight=4),
                   Column(t("plan.due_status"), "whole")]
        if not brief:
            columns.append(Column(t("brief.owner"), "whole"))
        return columns

    def _travelled(self, taken: list[RoadmapNode]) -> list[Flowable]:
        """The path travelled as running text, one paragraph from crossroads to crossroads:
        each step with its date (and its status when it was not simply passed), each
        crossroads with the outcome chosen and the ones not taken."""
        ctx = self.ctx
        paragraphs: list[str] = []
        steps: list[str] = []
        for node in taken:
            title = esc(node_title(ctx, node))
            if node.kind == NodeKind.DECISION:
                if steps:
                    paragraphs.append(" → ".join(steps))
                    steps = []
                when = f' <font color="#616e7c">({esc(ctx.date(node.due))})</font>' if node.due else ""
                lines = [f"◆ <b>{esc(ctx.t('plan.crossroads'))}: {title}</b>{when}"]
                for e in self.out.get(node.id, []):
                    target = esc(f"«{node_title(ctx, self.nodes[e.to_id])}»")
                    outcome = esc(" ".join(clean(e.outcome).split())) or "—"
                    if node.chosen_edge_id == e.id:
                        lines.append(f"→ <b>{outcome}</b> <i>({esc(ctx.t('plan.chosen'))})</i>: {target}")
                    else:
                        lines.append(f'<font color="#616e7c">→ {outcome}: {target}</font>')
                paragraphs.append("<br/>".join(lines))
                continue
            bits = []
            if node.due:
                bits.append(esc(ctx.date(node.due)))
            if node.kind == NodeKind.CHECKPOINT and node.status != CheckpointStatus.DONE:
                bits.append(esc(ctx.label("status", node.status).lower()))
            mark = "▶\u00a0" if node.kind == NodeKind.START else "✓\u00a0"
            suffix = f' <font color="#616e7c">({", ".join(bits)})</font>' if bits else ""
            steps.append(f"{mark}<b>{title}</b>{suffix}")
        if steps:
            paragraphs.append(" → ".join(steps))
        style = ParagraphStyle("travelled", parent=ctx.st.small, hyphenationLang="",
                               spaceAfter=1.5)
        return [Paragraph(p, style) for p in paragraphs]

    # --- the section
    def flowables(self) -> list[Flowable]:
        ctx = self.ctx
        t = ctx.t
        out: list[Flowable] = [ctx.h1(t("plan.road_text"))]
        if not self.roadmap.nodes:
            out.append(ctx.p(esc(t("plan.no_roadmap")), ctx.st.muted))
            return out
        pos = self.position
        progress = t("plan.progress", done=pos.checkpoints_done, total=pos.checkpoints_total)
        taken = [self.nodes[i] for i in pos.taken]
        if not taken:
            out.append(ctx.p(esc(progress)))
        else:
            out.append(ctx.h2(f"{t('plan.travelled')}. {progress}"))
            out += self._travelled(taken)
        here_ids = list(dict.fromkeys(pos.active_ids + pos.current_ids))
        here = [self.nodes[i] for i in here_ids]
        ahead = road_order([n for n in self.roadmap.nodes if n.id in pos.in_play
                            and n.id not in pos.taken and n.id not in here_ids])
        if here or ahead:  # where we are (marked "now") heads the road ahead
            self.now = set(here_ids)
            out += ctx.headed([(t("plan.here_and_ahead"), 2)],
                              ctx.table(self._columns(), self._rows(here + ahead)))
        return out


    def not_taken(self) -> list[Flowable]:
        """The alternatives not taken (drawn faded on the diagram), one short paragraph
        each with its date, owner and where it led; they head the diagram."""
        ctx = self.ctx
        aside = road_order([n for n in self.roadmap.nodes if n.id not in self.position.in_play])
        if not aside:
            return []
        style = ParagraphStyle("aside", parent=ctx.st.small, hyphenationLang="",
                               textColor=MUTED, spaceAfter=1)
        out: list[Flowable] = [Paragraph(f"<b>{esc(ctx.t('plan.not_taken'))}:</b>",
                                         ParagraphStyle("aside_lead", parent=style,
                                                        keepWithNext=1))]
        for node in aside:
            bits = [ctx.date(node.due) if node.due else "", node.owner.strip()]
            bits = ", ".join(esc(b) for b in bits if b)
            leads = [f"«{esc(node_title(ctx, self.nodes[e.to_id]))}»"
                     for e in self.out.get(node.id, [])]
            out.append(Paragraph(
                f"{MARK.get(node.kind, '')} <b>{esc(node_title(ctx, node))}</b>".strip()
                + (f" ({bits})" if bits else "") + (f" → {', '.join(leads)}" if leads else ""),
                style))
        return out


def road_text(ctx: Context) -> list[Flowable]:
    return RoadText(ctx).flowables()
