"""What an import of contacts will do to an account, decided before anything is written:
each row is added, updates a person already on the map, is already there, or is skipped
with a reason; CRM reports-to links become relationships (cycles and missing managers
are refused with a reason). Pure rules: the document layer writes the plan in one step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from accountmap.domain.contacts import CentreChooser, Contact, email_key, name_key
from accountmap.domain.limits import ACCOUNT_LIMITS
from accountmap.domain.models import Account, Relationship, Stakeholder, new_id
from accountmap.domain.vocabulary import RelationshipKind

# on one account map after the import: the account's own limit (the editor refuses more),
# so the summary says so before anything is tried
MAX_PEOPLE = ACCOUNT_LIMITS["stakeholders"]
MAX_NAME = 500


class Outcome(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SAME = "same"  # already on the map as the file says
    SKIP = "skip"


@dataclass
class RowResult:
    row: int
    outcome: Outcome
    name: str
    stakeholder_id: str | None = None
    reason: str = ""  # a catalogue key, for SKIP (and for link warnings)
    params: dict = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)  # fields an UPDATE changes


@dataclass
class ImportPlan:
    rows: list[RowResult] = field(default_factory=list)
    new_people: list[Stakeholder] = field(default_factory=list)
    updates: dict[str, dict] = field(default_factory=dict)  # stakeholder id -> fields
    relationships: list[Relationship] = field(default_factory=list)
    warnings: list[RowResult] = field(default_factory=list)  # links not made, and why
    too_many: bool = False  # the map would hold more than MAX_PEOPLE

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def writes_anything(self) -> bool:
        return bool(self.new_people or self.updates or self.relationships)


_LEGAL = re.compile(
    r"\b(ооо|оао|зао|пао|нао|ао|ип|фгуп|гуп|муп|llc|inc|ltd|limited|gmbh|corp|corporation|"
    r"co|plc|ag|sa|se|ab|oy|oyj|asa|bv|nv|srl|spa|sas|kg|jsc|pjsc|ojsc|cjsc|llp|group|группа|компания|холдинг)\b", re.IGNORECASE)


def company_key(name: str) -> str:
    text = re.sub(r"[«»\"'“”„.,()]+", " ", name.casefold().replace("ё", "е"))
    return " ".join(_LEGAL.sub(" ", text).split())


DEFAULT_LABELS = {"company": "Company: {value}", "tags": "CRM tags: {value}",
                  "crm_id": "CRM id: {value}"}


def _note_lines(contact: Contact, account_company: str, labels: dict[str, str]) -> list[str]:
    lines = []
    if contact.company and company_key(contact.company) != account_company:
        lines.append(labels["company"].format(value=contact.company))
    if contact.tags:
        lines.append(labels["tags"].format(value=", ".join(contact.tags)))
    if contact.notes:
        lines.append(contact.notes)
    return lines


def _merged_notes(before: str, lines: Sequence[str]) -> str:
    present = before
    for line in lines:
        if line and line not in present:
            present = f"{present}\n{line}" if present else line
    return present


def plan_import(account: Account, contacts: Sequence[Contact],
                labels: dict[str, str] | None = None,
                centres: dict[str, str | None] | None = None) -> ImportPlan:
    """What importing `contacts` does to `account`. `centres` maps a department or title
    (`contacts.centre_key`) to the centre the person chose for it (None: no centre),
    overriding the rules."""
    planner = _Planner(account, contacts, {**DEFAULT_LABELS, **(labels or {})}, centres)
    plan = planner.plan
    for contact in contacts:
        result = planner.place(contact)
        plan.rows.append(result)
        if result.stakeholder_id is None:
            continue
        planner.placed.append((contact, result.stakeholder_id))
        if contact.crm_id:
            planner.crm_ids.setdefault(contact.crm_id, result.stakeholder_id)
        planner.file_names.setdefault(contact.name.key(), result.stakeholder_id)
    plan.too_many = len(account.stakeholders) + len(plan.new_people) > MAX_PEOPLE
    _plan_links(account, plan, planner.placed, planner.crm_ids, planner.file_names,
                planner.by_name)
    return plan


class _Planner:
    """The state of one planning pass: who is on the map, what the file said so far."""

    def __init__(self, account: Account, contacts: Sequence[Contact], labels: dict[str, str],
                 centres: dict[str, str | None] | None) -> None:
        self.account = account
        self.plan = ImportPlan()
        self.labels = labels
        self.account_company = company_key(account.name)
        companies = {company_key(c.company) for c in contacts if c.company.strip()}
        # an export of several companies: only this account's people (when it is among them)
        self.only_ours = len(companies) > 1 and self.account_company in companies
        self.by_email: dict[str, Stakeholder] = {}
        self.by_name: dict[str, Stakeholder] = {}
        for person in account.stakeholders:
            if person.email.strip():
                self.by_email.setdefault(email_key(person.email), person)
            key = name_key(person.full_name)
            if key:
                self.by_name.setdefault(key, person)
        self.seen_email: dict[str, int] = {}  # -> the row that had it first
        self.seen_name: dict[str, int] = {}
        self.seen_crm: dict[str, int] = {}
        self.crm_ids: dict[str, str] = {}  # CRM id -> stakeholder id
        self.file_names: dict[str, str] = {}  # name key -> stakeholder id (people of this file)
        self.placed: list[tuple[Contact, str]] = []
        self.claimed: dict[str, int] = {}  # people on the map a row already matched -> that row
        self.choose = CentreChooser(account.decision_centres, centres)

    def place(self, contact: Contact) -> RowResult:
        plan = self.plan
        name = contact.full_name or contact.email

        def skip(reason: str, **params) -> RowResult:
            return RowResult(contact.row, Outcome.SKIP, name, reason=reason, params=params)

        if contact.extra_cells:
            return skip("contacts.skip_ragged")
        if not contact.full_name and not contact.email:
            return skip("contacts.skip_no_name")
        if self.only_ours and company_key(contact.company) != self.account_company:
            return skip("contacts.skip_other_company", company=contact.company or "—")
        too_long = next((v for v in (contact.full_name, contact.title, contact.email,
                                     ", ".join(contact.phones), contact.owner)
                         if len(v) > MAX_NAME), None)
        if too_long is not None:
            return skip("contacts.skip_too_long", limit=MAX_NAME)
        email = email_key(contact.email)
        key = contact.name.key()
        if email and email in self.seen_email:
            return skip("contacts.skip_same_email", other=self.seen_email[email], email=contact.email)
        if contact.crm_id and contact.crm_id in self.seen_crm:
            return skip("contacts.skip_same_id", other=self.seen_crm[contact.crm_id], id=contact.crm_id)
        if not email and key and key in self.seen_name:
            return skip("contacts.skip_same_name", other=self.seen_name[key])
        if email:
            self.seen_email[email] = contact.row
        if contact.crm_id:
            self.seen_crm[contact.crm_id] = contact.row
        if key:
            self.seen_name.setdefault(key, contact.row)
        existing = self.match(email, key)
        if existing is not None:
            if existing.id in self.claimed:  # by e-mail, after an earlier row took them by name
                return skip("contacts.skip_same_person", other=self.claimed[existing.id])
            self.claimed[existing.id] = contact.row  # a namesake further down is someone else
        centre = self.choose(contact.department, contact.title)
        notes = _note_lines(contact, self.account_company, self.labels)
        phone = ", ".join(contact.phones)
        if existing is None:
            person = Stakeholder(
                id=new_id(), full_name=contact.full_name or contact.email, title=contact.title,
                decision_centre_id=centre, roles=list(contact.roles), our_owner=contact.owner,
                email=contact.email, phone=phone, contact_notes="\n".join(notes))
            plan.new_people.append(person)
            return RowResult(contact.row, Outcome.ADD, person.full_name, person.id)
        fields = _changes(existing, contact, centre, phone, notes)
        if not fields:
            return RowResult(contact.row, Outcome.SAME, existing.full_name, existing.id)
        plan.updates[existing.id] = fields
        return RowResult(contact.row, Outcome.UPDATE, existing.full_name, existing.id,
                         changed=sorted(fields))

    def match(self, email: str, key: str) -> Stakeholder | None:
        """The person on the map this row is: by e-mail, else by name (unless their e-mail
        says they are someone else, or an earlier row was them)."""
        existing = self.by_email.get(email) if email else None
        if existing is None and key:
            candidate = self.by_name.get(key)
            if candidate is not None and candidate.id not in self.claimed \
                    and not (email and candidate.email.strip()
                             and email_key(candidate.email) != email):
                existing = candidate
        return existing


def _changes(existing: Stakeholder, contact: Contact, centre: str | None, phone: str,
             notes: list[str]) -> dict:
    """What the file says anew about a person on the map; never blanks a field."""
    fields: dict = {}
    if contact.title and contact.title != existing.title:
        fields["title"] = contact.title
    if contact.email and contact.email != existing.email:
        fields["email"] = contact.email
    if phone and phone != existing.phone:
        fields["phone"] = phone
    if centre and not existing.decision_centre_id:
        fields["decision_centre_id"] = centre
    roles = list(existing.roles) + [r for r in contact.roles if r not in existing.roles]
    if roles != list(existing.roles):
        fields["roles"] = [str(r) for r in roles]
    if contact.owner and not existing.our_owner:
        fields["our_owner"] = contact.owner
    if not existing.full_name.strip() and contact.full_name:
        fields["full_name"] = contact.full_name
    merged = _merged_notes(existing.contact_notes, notes)
    if merged != existing.contact_notes:
        fields["contact_notes"] = merged
    return fields


def _plan_links(account: Account, plan: ImportPlan, placed, crm_ids, file_names, by_name) -> None:
    bosses: dict[str, set[str]] = {}
    for r in account.relationships:
        if r.kind == RelationshipKind.REPORTS_TO:
            bosses.setdefault(r.from_id, set()).add(r.to_id)
    names = {p.id: p.full_name for p in account.stakeholders}
    names.update({p.id: p.full_name for p in plan.new_people})

    def warn(contact: Contact, reason: str, **params) -> None:
        plan.warnings.append(RowResult(contact.row, Outcome.SKIP, contact.full_name,
                                       reason=reason, params=params))

    def reaches(start: str, target: str) -> bool:
        stack, seen = [start], set()
        while stack:
            node = stack.pop()
            if node == target:
                return True
            if node in seen:
                continue
            seen.add(node)
            stack.extend(bosses.get(node, ()))
        return False

    for contact, person_id in placed:
        if not (contact.manager_id or contact.manager_name):
            continue
        boss = None
        if contact.manager_id:
            boss = crm_ids.get(contact.manager_id)
        if boss is None and contact.manager_name:
            key = name_key(contact.manager_name)
            boss = file_names.get(key) or (by_name[key].id if key in by_name else None)
        if boss is None:
            warn(contact, "contacts.manager_missing",
                 manager=contact.manager_name or contact.manager_id)
            continue
        if boss == person_id:
            warn(contact, "contacts.manager_self")
            continue
        current = bosses.get(person_id, set())
        if boss in current:
            continue  # the map already says so
        if current:
            warn(contact, "contacts.manager_kept",
                 manager=names.get(next(iter(current)), ""))
            continue
        if reaches(boss, person_id):
            warn(contact, "contacts.manager_cycle", manager=names.get(boss, ""))
            continue
        bosses.setdefault(person_id, set()).add(boss)
        plan.relationships.append(Relationship(id=new_id(), from_id=person_id, to_id=boss,
                                               kind=RelationshipKind.REPORTS_TO))
