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
from accountmap.domain.models import Account, Relationship, Stakeholder, new_id
from accountmap.domain.vocabulary import RelationshipKind

MAX_PEOPLE = 20_000  # on one account map after the import
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
    labels = {**DEFAULT_LABELS, **(labels or {})}
    plan = ImportPlan()
    account_company = company_key(account.name)
    companies = {company_key(c.company) for c in contacts if c.company.strip()}
    only_ours = len(companies) > 1 and account_company in companies
    by_email: dict[str, Stakeholder] = {}
    by_name: dict[str, Stakeholder] = {}
    for person in account.stakeholders:
        if person.email.strip():
            by_email.setdefault(email_key(person.email), person)
        key = name_key(person.full_name)
        if key:
            by_name.setdefault(key, person)
    seen_email: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    seen_crm: dict[str, int] = {}
    crm_ids: dict[str, str] = {}  # CRM id -> stakeholder id
    file_names: dict[str, str] = {}  # name key -> stakeholder id (people of this file)
    placed: list[tuple[Contact, str]] = []
    claimed: set[str] = set()
    choose = CentreChooser(account.decision_centres, centres)
    for contact in contacts:
        result = _place(contact, account, plan, labels, account_company, only_ours,
                        by_email, by_name, seen_email, seen_name, seen_crm, claimed, choose)
        plan.rows.append(result)
        if result.stakeholder_id is None:
            continue
        placed.append((contact, result.stakeholder_id))
        if contact.crm_id:
            crm_ids.setdefault(contact.crm_id, result.stakeholder_id)
        file_names.setdefault(contact.name.key(), result.stakeholder_id)
    plan.too_many = len(account.stakeholders) + len(plan.new_people) > MAX_PEOPLE
    _plan_links(account, plan, placed, crm_ids, file_names, by_name)
    return plan


def _place(contact: Contact, account: Account, plan: ImportPlan, labels, account_company,
           only_ours, by_email, by_name, seen_email, seen_name, seen_crm, claimed, choose) -> RowResult:
    name = contact.full_name or contact.email
    def skip(reason: str, **params) -> RowResult:
        return RowResult(contact.row, Outcome.SKIP, name, reason=reason, params=params)

    if contact.extra_cells:
        return skip("contacts.skip_ragged")
    if not contact.full_name and not contact.email:
        return skip("contacts.skip_no_name")
    if only_ours and company_key(contact.company) != account_company:
        return skip("contacts.skip_other_company", company=contact.company or "—")
    too_long = next((v for v in (contact.full_name, contact.title, contact.email,
                                 ", ".join(contact.phones), contact.owner) if len(v) > MAX_NAME), None)
    if too_long is not None:
        return skip("contacts.skip_too_long", limit=MAX_NAME)
    email = email_key(contact.email)
    key = contact.name.key()
    if email and email in seen_email:
        return skip("contacts.skip_same_email", other=seen_email[email], email=contact.email)
    if contact.crm_id and contact.crm_id in seen_crm:
        return skip("contacts.skip_same_id", other=seen_crm[contact.crm_id], id=contact.crm_id)
    if not email and key and key in seen_name:
        return skip("contacts.skip_same_name", other=seen_name[key])
    if email:
        seen_email[email] = contact.row
    if contact.crm_id:
        seen_crm[contact.crm_id] = contact.row
    if key:
        seen_name.setdefault(key, contact.row)
    existing = by_email.get(email) if email else None
    if existing is None and key:
        candidate = by_name.get(key)
        # the same name with another e-mail is another person
        if candidate is not None and candidate.id not in plan.updates \
                and candidate.id not in claimed \
                and not (email and candidate.email.strip() and email_key(candidate.email) != email):
            existing = candidate
    if existing is not None:
        claimed.add(existing.id)  # one row per person: a namesake further down is someone else
    centre = choose(contact.department, contact.title)
    notes = _note_lines(contact, account_company, labels)
    phone = ", ".join(contact.phones)
    if existing is None:
        person = Stakeholder(
            id=new_id(), full_name=contact.full_name or contact.email, title=contact.title,
            decision_centre_id=centre, roles=list(contact.roles), our_owner=contact.owner,
            email=contact.email, phone=phone, contact_notes="\n".join(notes))
        plan.new_people.append(person)
        return RowResult(contact.row, Outcome.ADD, person.full_name, person.id)
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
    if not fields:
        return RowResult(contact.row, Outcome.SAME, existing.full_name, existing.id)
    plan.updates[existing.id] = fields
    return RowResult(contact.row, Outcome.UPDATE, existing.full_name, existing.id,
                     changed=sorted(fields))


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
