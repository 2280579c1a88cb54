"""The people of an account as CSV for a spreadsheet (or a CRM's import): one row per
person, formula-like cells neutralised by `csv_export.to_csv`. No Qt.

The headers are ones `import-contacts` recognises, so the file also comes back in.
"""

from __future__ import annotations

from pathlib import Path

from accountmap import catalogue
from accountmap.storage.errors import STORAGE_MESSAGES
from accountmap.domain.contacts import split_name
from accountmap.domain.models import Account
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.storage.atomic_write import write_atomically
from accountmap.storage.csv_export import to_csv

COLUMNS = ("full_name", "last_name", "first_name", "middle_name", "title", "department",
           "roles", "influence", "attitude", "strength", "email", "phone", "owner",
           "reports_to", "last_contact", "contact_notes")



def people_csv(account: Account, lang: str = "en") -> str:
    centres = {c.id: c.name for c in account.decision_centres}
    names = {p.id: p.full_name for p in account.stakeholders}
    boss: dict[str, str] = {}
    for rel in account.relationships:
        if rel.kind == RelationshipKind.REPORTS_TO and rel.to_id in names:
            boss.setdefault(rel.from_id, names[rel.to_id])
    rows = []
    for person in account.stakeholders:
        name = split_name(person.full_name)
        rows.append([
            person.full_name, name.last, name.first, name.middle, person.title,
            centres.get(person.decision_centre_id or "", ""),
            "; ".join(catalogue.label("role", r, lang) for r in person.roles),
            catalogue.label("influence", person.influence, lang),
            catalogue.label("attitude", person.attitude, lang),
            person.relationship_strength, person.email, person.phone, person.our_owner,
            boss.get(person.id, ""),
            person.last_contact.isoformat() if person.last_contact else "",
            person.contact_notes,
        ])
    header = [STORAGE_MESSAGES.text(f"people_csv.{key}", lang) for key in COLUMNS]
    return to_csv(header, rows)


def write_people_csv(account: Account, path: Path, lang: str = "en") -> Path:
    """UTF-8 with a BOM, so Excel opens Cyrillic right."""
    write_atomically(Path(path), "\ufeff".encode("utf-8") + people_csv(account, lang).encode("utf-8"))
    return Path(path)
