"""The property panel beside the account map: every field of the selected stakeholder
(with interests and open questions), decision centre or relationship; the account's
coverage summary when nothing is selected.

Each edit is ONE editor call (one undo step): line edits commit on editingFinished,
multi-line fields on focus-out, choices when chosen. The panel refreshes from the model
on `rowsChanged`, so undo and redo show at once.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget

from accountmap.panels import vocabulary_labels as labels
from accountmap.domain import clock
from accountmap.domain import account_rules
from accountmap.domain.contact_history import stale_people
from accountmap.domain.vocabulary import QuestionStatus
from accountmap.panels.map_forms import CentreForm, RelationshipForm
from accountmap.panels.stakeholder_form import StakeholderForm


# ====================================================================== summary
class CoverageSummary(QLabel):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setMargin(8)

    def refresh(self, today: dt.date | None = None) -> None:
        account = self.context.account
        today = today or clock.today()
        days = self.context.document.settings.stale_contact_days
        names = {c.id: c.name or self.tr("(unnamed)") for c in account.decision_centres}
        uncovered = [names[c] for c in account_rules.uncovered_centres(account)]
        missing = [labels.no_role_text(r) for r in account_rules.unfilled_roles(account)]
        stale = stale_people(account, today, days)
        open_q = [q for q in account.open_questions
                  if q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED)]
        cycles = account_rules.reports_to_cycles(account)
        parts = [f"<h3>{escape(self.tr('Coverage of the buying group'))}</h3>",
                 escape(self.tr("People: %1 · decision centres: %2 · relationships: %3")
                        .replace("%1", str(len(account.stakeholders)))
                        .replace("%2", str(len(account.decision_centres)))
                        .replace("%3", str(len(account.relationships))))]
        if missing:
            parts.append(f"<p><b>{escape(self.tr('Buying roles nobody fills:'))}</b><br>"
                         + "<br>".join("⚠ " + escape(m) for m in missing) + "</p>")
        else:
            parts.append(f"<p>{escape(self.tr('Every key buying role is filled.'))}</p>")
        if uncovered:
            parts.append(f"<p><b>{escape(self.tr('Decision centres with no supporter or champion:'))}</b><br>"
                         + "<br>".join("⚠ " + escape(n) for n in uncovered) + "</p>")
        elif account.decision_centres:
            parts.append(f"<p>{escape(self.tr('Every decision centre has a supporter.'))}</p>")
        parts.append(f"<p>{escape(self.tr('Contacts older than %1 days (or none): %2').replace('%1', str(days)).replace('%2', str(len(stale))))}<br>"
                     f"{escape(self.tr('Open questions: %1').replace('%1', str(len(open_q))))}</p>")
        if cycles:
            people = {s.id: s.full_name for s in account.stakeholders}
            parts.append(f"<p><b>{escape(self.tr('Reports-to cycles:'))}</b><br>" + "<br>".join(
                escape(" → ".join(people.get(i, i) for i in c + c[:1])) for c in cycles) + "</p>")
        parts.append(f"<p><i>{escape(self.tr('Select a card, a frame or a line to edit it.'))}</i></p>")
        self.setText("".join(parts))


# ====================================================================== the panel
class MapPropertyPanel(QStackedWidget):
    """Shows the form for what is selected on the map (or the coverage summary); each
    form in its own scroll area, so a short form never inherits a long one's height."""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setMinimumWidth(300)
        self.summary = CoverageSummary(context)
        self.person_form = StakeholderForm(context)
        self.centre_form = CentreForm(context)
        self.relationship_form = RelationshipForm(context)
        self._scrolls: dict = {}
        for form in (self.person_form, self.centre_form, self.relationship_form):
            form.setEnabled(not context.document.read_only)  # shown, not editable
        for w in (self.summary, self.person_form, self.centre_form, self.relationship_form):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(w)
            self._scrolls[w] = scroll
            self.addWidget(scroll)
        self.kind: str | None = None
        self.entity_id: str | None = None
        context.document.rowsChanged.connect(self._on_rows_changed)
        context.document.settingsChanged.connect(self.refresh)
        context.document.dayChanged.connect(self.refresh)  # stale contacts in the summary
        self.show_nothing()

    def _show(self, widget) -> None:
        self.setCurrentWidget(self._scrolls[widget])

    def show_nothing(self) -> None:
        self.kind, self.entity_id = None, None
        self.summary.refresh()
        self._show(self.summary)

    def show_entity(self, table: str, entity_id: str) -> None:
        form = {"stakeholders": self.person_form, "decision_centres": self.centre_form,
                "relationships": self.relationship_form}.get(table)
        if form is None:
            self.show_nothing()
            return
        if (self.kind, self.entity_id) == (table, entity_id):
            return
        self.kind, self.entity_id = table, entity_id
        form.show_entity(entity_id)
        self._show(form)
        self._scrolls[form].verticalScrollBar().setValue(0)

    def current_form(self):
        return self.currentWidget().widget()

    def refresh(self) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        if self.kind is None:
            self.summary.refresh()
            return
        account = self.context.account
        exists = {
            "stakeholders": lambda i: account.stakeholder(i) is not None,
            "decision_centres": lambda i: account.decision_centre(i) is not None,
            "relationships": lambda i: any(r.id == i for r in account.relationships),
        }[self.kind](self.entity_id)
        if not exists:
            self.show_nothing()
            return
        self.current_form().refresh()

    def _on_rows_changed(self, account_id: str, table: str, ids: list) -> None:
        if account_id != self.context.account_id:
            return
        if self.kind is None or table == self.kind or (
                self.kind == "stakeholders" and table in ("open_questions", "decision_centres")) or (
                self.kind == "decision_centres" and table == "stakeholders") or (
                self.kind == "relationships" and table == "stakeholders"):
            self.refresh()
