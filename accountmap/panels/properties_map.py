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
from accountmap.domain.vocabulary import QuestionStatus, RelationshipKind


# ====================================================================== summary
# Which tables each part of the summary reads: an edit recomputes only the parts that
# read a changed table, and only while the summary is shown (issue 15: the whole summary
# of 3,000 people took ~30 ms, on every edit and every click on the empty map).
PART_TABLES = {
    "counts": ("stakeholders", "decision_centres", "relationships"),
    "roles": ("stakeholders",),
    "centres": ("stakeholders", "decision_centres"),
    "stale": ("stakeholders", "touchpoints", "meetings"),
    "questions": ("open_questions",),
    "cycles": ("relationships", "stakeholders"),
}


class CoverageSummary(QLabel):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setMargin(8)
        self._parts: dict[str, object] = {}  # part -> what it found (kept until stale)
        self._today: dt.date | None = None
        self._cycles_key: tuple | None = None  # None: relationships changed since
        self._searched_key: tuple | None = None  # the reports-to lines last searched
        self._found_cycles: list[list[str]] = []
        self.stale = True  # something changed since the text was made

    def forget(self, tables=None) -> None:
        """The parts that read `tables` (all with None) are out of date."""
        for part, reads in PART_TABLES.items():
            if tables is None or any(t in reads for t in tables):
                self._parts.pop(part, None)
        if tables is None or "relationships" in tables:
            self._cycles_key = None  # the reports-to lines may have changed
        self.stale = True

    def refresh(self, today: dt.date | None = None) -> None:
        """Recompute every part."""
        self.forget()
        self.bring_up_to_date(today)

    def bring_up_to_date(self, today: dt.date | None = None) -> None:
        """Recompute the parts that are out of date, and the text."""
        account = self.context.account
        today = today or clock.today()
        if today != self._today:
            self._parts.pop("stale", None)
            self._today = today
        days = self.context.document.settings.stale_contact_days
        parts = self._parts
        if "counts" not in parts:
            parts["counts"] = (len(account.stakeholders), len(account.decision_centres),
                               len(account.relationships))
        if "roles" not in parts:
            parts["roles"] = [labels.no_role_text(r) for r in account_rules.unfilled_roles(account)]
        if "centres" not in parts:
            names = {c.id: c.name or self.tr("(unnamed)") for c in account.decision_centres}
            parts["centres"] = ([names[c] for c in account_rules.uncovered_centres(account)],
                                bool(account.decision_centres))
        if "stale" not in parts or parts["stale"][0] != days:
            parts["stale"] = (days, len(stale_people(account, today, days)))
        if "questions" not in parts:
            parts["questions"] = sum(1 for q in account.open_questions
                                     if q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED))
        if "cycles" not in parts:
            parts["cycles"] = self._cycles(account)
        self.setText(self._text(parts))
        self.stale = False

    def _cycles(self, account) -> list[str]:
        """The reports-to cycles, named; searched again only when the reports-to lines
        changed (a rename changes only the names)."""
        if self._cycles_key is None:  # relationships changed since the last search
            key = tuple((r.from_id, r.to_id) for r in account.relationships
                        if r.kind == RelationshipKind.REPORTS_TO)
            if key != self._searched_key:
                self._searched_key = key
                self._found_cycles = account_rules.reports_to_cycles(account)
            self._cycles_key = key
        if not self._found_cycles:
            return []
        people = {s.id: s.full_name for s in account.stakeholders}
        return [" → ".join(people.get(i, i) for i in c + c[:1]) for c in self._found_cycles]

    def _text(self, parts: dict) -> str:
        people, centres, relationships = parts["counts"]
        missing = parts["roles"]
        uncovered, has_centres = parts["centres"]
        days, stale = parts["stale"]
        parts_html = [f"<h3>{escape(self.tr('Coverage of the buying group'))}</h3>",
                      escape(self.tr("People: %1 · decision centres: %2 · relationships: %3")
                             .replace("%1", str(people))
                             .replace("%2", str(centres))
                             .replace("%3", str(relationships)))]
        if missing:
            parts_html.append(f"<p><b>{escape(self.tr('Buying roles nobody fills:'))}</b><br>"
                              + "<br>".join("⚠ " + escape(m) for m in missing) + "</p>")
        else:
            parts_html.append(f"<p>{escape(self.tr('Every key buying role is filled.'))}</p>")
        if uncovered:
            parts_html.append(
                f"<p><b>{escape(self.tr('Decision centres with no supporter or champion:'))}</b><br>"
                + "<br>".join("⚠ " + escape(n) for n in uncovered) + "</p>")
        elif has_centres:
            parts_html.append(f"<p>{escape(self.tr('Every decision centre has a supporter.'))}</p>")
        parts_html.append(
            f"<p>{escape(self.tr('Contacts older than %1 days (or none): %2').replace('%1', str(days)).replace('%2', str(stale)))}<br>"
            f"{escape(self.tr('Open questions: %1').replace('%1', str(parts['questions'])))}</p>")
        if parts["cycles"]:
            parts_html.append(f"<p><b>{escape(self.tr('Reports-to cycles:'))}</b><br>"
                              + "<br>".join(escape(c) for c in parts["cycles"]) + "</p>")
        parts_html.append(
            f"<p><i>{escape(self.tr('Select a card, a frame or a line to edit it.'))}</i></p>")
        return "".join(parts_html)


# ====================================================================== the panel
class MapPropertyPanel(QStackedWidget):
    """Shows the form for what is selected on the map (or the coverage summary); each
    form in its own scroll area, so a short form never inherits a long one's height.
    A form is made when first asked for: the map first paints with the summary (issue 15:
    the person's form alone cost ~13 ms of CPU at start-up)."""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setMinimumWidth(300)
        self.summary = CoverageSummary(context)
        self._forms: dict = {}
        self._scrolls: dict = {}
        self._add_page(self.summary)
        self.kind: str | None = None
        self.entity_id: str | None = None
        context.document.rowsChanged.connect(self._on_rows_changed)
        context.document.settingsChanged.connect(self.refresh)
        context.document.dayChanged.connect(self.refresh)  # stale contacts in the summary
        self.show_nothing()

    def _add_page(self, widget) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(widget)
        self._scrolls[widget] = scroll
        self.addWidget(scroll)

    def _form(self, kind: str):
        form = self._forms.get(kind)
        if form is None:
            from accountmap.panels.map_forms import CentreForm, RelationshipForm
            from accountmap.panels.stakeholder_form import StakeholderForm

            made = {"person": StakeholderForm, "centre": CentreForm,
                    "relationship": RelationshipForm}[kind]
            form = self._forms[kind] = made(self.context)
            form.setEnabled(not self.context.document.read_only)  # shown, not editable
            self._add_page(form)
        return form

    @property
    def person_form(self):
        return self._form("person")

    @property
    def centre_form(self):
        return self._form("centre")

    @property
    def relationship_form(self):
        return self._form("relationship")

    def _show(self, widget) -> None:
        self.setCurrentWidget(self._scrolls[widget])

    def show_nothing(self) -> None:
        if self.kind is None and not self.summary.stale and \
                self.currentWidget() is self._scrolls[self.summary]:
            return  # shown and up to date (a click on the empty map, a drop)
        self.kind, self.entity_id = None, None
        self.summary.bring_up_to_date()
        self._show(self.summary)

    def show_entity(self, table: str, entity_id: str) -> None:
        kind = {"stakeholders": "person", "decision_centres": "centre",
                "relationships": "relationship"}.get(table)
        form = self._form(kind) if kind is not None else None
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
        self.summary.forget()
        self._refresh_shown()

    def _refresh_shown(self) -> None:
        if self.kind is None:
            self.summary.bring_up_to_date()
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
        self.summary.forget((table,))
        if not self.context.document.has_account(account_id):
            return
        if self.kind is None:
            self.summary.bring_up_to_date()
            return
        if table == self.kind or (
                self.kind == "stakeholders" and table in ("open_questions", "decision_centres")) or (
                self.kind == "decision_centres" and table == "stakeholders") or (
                self.kind == "relationships" and table == "stakeholders"):
            self._refresh_shown()
