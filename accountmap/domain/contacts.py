"""Contacts from a CRM, as the account map understands them: names split in either order,
titles and departments sent to a decision centre, CRM tags read as buying roles.

Pure rules, no I/O, no Qt. `contacts_from_rows` turns a table (headers already given a
meaning by `contact_columns`) into `Contact`s; `contact_plan.plan_import` decides what
each one does to an account.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from accountmap.domain.contact_columns import ContactField as F
from accountmap.domain.models import DecisionCentre
from accountmap.domain.vocabulary import BuyingRole

# ---------------------------------------------------------------------------- names
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_NAME_LIKE = re.compile(r"^[^\W\d_]+([\s.,'’\-]+[^\W\d_]+)*\.?$")
_PATRONYMIC = re.compile(r"(вич|вна|ична|инична|ьич|оглы|кызы|улы)$", re.IGNORECASE)
_SURNAME = re.compile(
    r"(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ской|ой|ых|их|енко|ко|ук|юк|"
    r"дзе|швили|ян|янц|ман)$", re.IGNORECASE)
# Common Russian first names that also end like a surname ("Вениамин", "Марина"...).
_FIRST_NAMES = frozenset("""
александр алексей анатолий андрей антон аркадий артём артем борис вадим валентин валерий
василий вениамин виктор виталий владимир владислав вячеслав геннадий георгий глеб григорий
даниил денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим марк
михаил никита николай олег павел пётр петр роман руслан семён семен сергей станислав степан
тимофей тимур фёдор федор филипп юрий ярослав
алёна алена александра алла анастасия анна валентина валерия вера виктория галина дарья
евгения екатерина елена елизавета жанна зоя инна ирина карина кира кристина ксения лариса
лидия любовь людмила маргарита марина мария надежда наталья наталия нина оксана ольга
полина светлана софья софия татьяна ульяна юлия яна
""".split())


@dataclass(frozen=True)
class PersonName:
    first: str = ""
    middle: str = ""
    last: str = ""

    def display(self) -> str:
        """As the map shows names: "Иванов Иван Иванович" in Russian, "Ivan Ivanov" in Latin."""
        if _CYRILLIC.search(self.first + self.last):
            parts = (self.last, self.first, self.middle)
        else:
            parts = (self.first, self.middle, self.last)
        return " ".join(p for p in parts if p)

    def key(self) -> str:
        """For matching: surname and first name, folded; the patronymic left out."""
        parts = [_fold_name(self.last), _fold_name(self.first)]
        return " ".join(p for p in parts if p)


def _fold_name(text: str) -> str:
    return re.sub(r"[\s.\-'’]+", " ", text.casefold().replace("ё", "е")).strip()


def _looks_first(token: str) -> bool:
    return token.casefold().replace("ё", "е") in _FIRST_NAMES


def _looks_surname(token: str) -> bool:
    return bool(_SURNAME.search(token)) and not _looks_first(token)


def split_name(full: str) -> PersonName:
    """Split a full name written in either order: "Иванов Иван Иванович", "Иван Иванович
    Иванов", "Иван Иванов", "Ivan Ivanov", "Ivanov, Ivan"."""
    text = " ".join(full.replace("\u00a0", " ").split())
    if not text:
        return PersonName()
    if not _NAME_LIKE.match(text):
        return PersonName(first=text)  # not a plain name ("=HYPERLINK(…)", "ООО Ромашка (Иван)"): as is
    if "," in text:  # "Ivanov, Ivan" / "Иванов, Иван Иванович"
        last, _, rest = text.partition(",")
        first, _, middle = rest.strip().partition(" ")
        return PersonName(first.strip(), middle.strip(), last.strip())
    tokens = text.split(" ")
    if len(tokens) == 1:
        return PersonName(first="", last=tokens[0]) if _looks_surname(tokens[0]) \
            else PersonName(first=tokens[0])
    cyrillic = bool(_CYRILLIC.search(text))
    if len(tokens) >= 3 and cyrillic:
        if _PATRONYMIC.search(tokens[2]):  # Фамилия Имя Отчество
            return PersonName(tokens[1], " ".join(tokens[2:]), tokens[0])
        if _PATRONYMIC.search(tokens[1]):  # Имя Отчество Фамилия
            return PersonName(tokens[0], tokens[1], " ".join(tokens[2:]))
    if len(tokens) == 2:
        a, b = tokens
        if cyrillic:
            if _looks_first(a) or (_looks_surname(b) and not _looks_surname(a)):
                return PersonName(a, "", b)
            return PersonName(b, "", a)  # Russian lists put the surname first
        return PersonName(a, "", b)
    if cyrillic:
        return PersonName(tokens[1], " ".join(tokens[2:]), tokens[0])
    return PersonName(tokens[0], " ".join(tokens[1:-1]), tokens[-1])


def name_key(full_name: str) -> str:
    return split_name(full_name).key()


def email_key(email: str) -> str:
    return email.strip().casefold()


# ---------------------------------------------------------------------------- roles
ROLE_WORDS: dict[str, BuyingRole] = {
    "лпр": BuyingRole.DECISION_MAKER, "decision maker": BuyingRole.DECISION_MAKER,
    "decisionmaker": BuyingRole.DECISION_MAKER, "dm": BuyingRole.DECISION_MAKER,
    "принимает решение": BuyingRole.DECISION_MAKER, "executive sponsor": BuyingRole.DECISION_MAKER,
    "лвр": BuyingRole.INFLUENCER, "influencer": BuyingRole.INFLUENCER,
    "влияет": BuyingRole.INFLUENCER, "влияет на решение": BuyingRole.INFLUENCER,
    "economic buyer": BuyingRole.ECONOMIC_BUYER, "budget holder": BuyingRole.ECONOMIC_BUYER,
    "экономический покупатель": BuyingRole.ECONOMIC_BUYER, "бюджет": BuyingRole.ECONOMIC_BUYER,
    "technical buyer": BuyingRole.TECHNICAL_BUYER, "технический покупатель": BuyingRole.TECHNICAL_BUYER,
    "технический эксперт": BuyingRole.TECHNICAL_BUYER, "техэксперт": BuyingRole.TECHNICAL_BUYER,
    "user buyer": BuyingRole.USER_BUYER, "end user": BuyingRole.USER_BUYER,
    "пользователь": BuyingRole.USER_BUYER,
    "gatekeeper": BuyingRole.GATEKEEPER, "привратник": BuyingRole.GATEKEEPER,
    "champion": BuyingRole.CHAMPION, "coach": BuyingRole.CHAMPION,
    "чемпион": BuyingRole.CHAMPION, "коуч": BuyingRole.CHAMPION,
    "champion / coach": BuyingRole.CHAMPION, "чемпион / коуч": BuyingRole.CHAMPION, "наш человек": BuyingRole.CHAMPION,
    "blocker": BuyingRole.BLOCKER, "блокирующий": BuyingRole.BLOCKER, "блокер": BuyingRole.BLOCKER,
}


def split_tags(text: str) -> list[str]:
    return [t.strip().lstrip("#").strip() for t in re.split(r"[,;\n]", text) if t.strip().lstrip("#").strip()]


def role_of_tag(tag: str) -> BuyingRole | None:
    key = re.sub(r"[\s_\-]+", " ", tag.casefold().replace("ё", "е")).strip()
    return ROLE_WORDS.get(key)


# ---------------------------------------------------------------------------- centres
# Which decision centre a title or department belongs to: (kind, words). The same words
# recognise the kind of the account's own centres from their names, so "Финансовый
# директор" goes to whatever the KAM named the finance centre ("Финансы и экономика").
CENTRE_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
        ("top", r"\b(генеральн\w*|гендиректор\w*|ceo|president|президент\w*|chairman|"
                r"председател\w*|правлени\w*|managing director|собственник\w*|"
                r"высш\w*|top|board|руководство|chief executive|(?<!account )executive)\b"),
        ("finance", r"\b(финанс\w*|cfo|finance|financial|бухгалт\w*|accounting|accountant|"
                    r"эконом\w*|controller|контролинг\w*|казначе\w*|treasur\w*|budget\w*)"),
        ("it", r"\b(ит|it|ikt|cio|cto|cdo|информацион\w*|цифров\w*|digital|информатизац\w*|"
               r"software|developer|разработ\w*|автоматизац\w*|асу\w*|техническ\w* поддержк\w*)\b"),
        ("security", r"\b(безопасн\w*|security|ciso|иб|compliance|комплаенс\w*)\b"),
        ("procurement", r"\b(закуп\w*|снабжен\w*|procurement|purchas\w*|buyer|тендер\w*|"
                        r"sourcing|категорийн\w*)"),
        ("legal", r"\b(юрист\w*|юридическ\w*|legal|counsel|правов\w*)"),
        ("hr", r"\b(hr|персонал\w*|кадр\w*|human resources|people)\b"),
        ("production", r"\b(производств\w*|production|operations|plant|завод\w*|цех\w*|"
                       r"главный инженер|chief engineer|технолог\w*|manufactur\w*|"
                       r"эксплуатац\w*|ремонт\w*|maintenance|энергетик\w*)"),
        ("sales", r"\b(продаж\w*|sales|коммерческ\w*|commercial|маркетинг\w*|marketing)"),
        ("logistics", r"\b(логист\w*|logistic\w*|склад\w*|warehouse|supply chain)"),
    ))


def centre_kind(text: str) -> str | None:
    """The kind of centre a title, department or centre name speaks of (first rule wins)."""
    text = text.replace("ё", "е")
    for kind, pattern in CENTRE_RULES:
        if pattern.search(text):
            return kind
    return None


class CentreChooser:
    """Which centre a person belongs to: the one named like their department, else the one
    whose kind their department (then their title) speaks of; None if unsure. Built once
    per import (the centres' kinds), asked once per row (titles repeat: cached)."""

    def __init__(self, centres: Sequence[DecisionCentre],
                 chosen: dict[str, str | None] | None = None) -> None:
        ids = {c.id for c in centres}
        # what the person chose for a department or title (centre_key): a centre, or none
        self.chosen = {k: v for k, v in (chosen or {}).items() if v is None or v in ids}
        self.by_name = {}
        self.by_kind: dict[str, str] = {}
        for centre in centres:
            self.by_name.setdefault(centre.name.strip().casefold(), centre.id)
            kind = centre_kind(centre.name)
            if kind and kind not in self.by_kind:
                self.by_kind[kind] = centre.id
        self._kinds: dict[str, str | None] = {}

    def _kind(self, text: str) -> str | None:
        if text not in self._kinds:
            self._kinds[text] = centre_kind(text) if text.strip() else None
        return self._kinds[text]

    def __call__(self, department: str, title: str) -> str | None:
        if not self.by_name:
            return None
        key = centre_key(department, title)
        if key in self.chosen:
            return self.chosen[key]
        return self.by_rule(department, title)

    def by_rule(self, department: str, title: str) -> str | None:
        folded = department.strip().casefold()
        if folded and folded in self.by_name:
            return self.by_name[folded]
        for text in (department, title):
            kind = self._kind(text)
            if kind and kind in self.by_kind:
                return self.by_kind[kind]
        return None


def centre_key(department: str, title: str) -> str:
    """What a person's centre is decided by: their department, else their title (folded)."""
    return " ".join((department.strip() or title.strip()).casefold().split())


def choose_centre(department: str, title: str, centres: Sequence[DecisionCentre]) -> str | None:
    return CentreChooser(centres)(department, title)


# ---------------------------------------------------------------------------- contacts
@dataclass
class Contact:
    """One row of an export, read: what the account map can take from it."""

    row: int  # the row's number in the file (header = 1)
    name: PersonName = field(default_factory=PersonName)
    title: str = ""
    department: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    crm_id: str = ""
    manager_id: str = ""
    manager_name: str = ""
    roles: list[BuyingRole] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # tags that are not buying roles
    owner: str = ""
    notes: str = ""
    extra_cells: bool = False  # the row had more cells than the header

    @property
    def full_name(self) -> str:
        return self.name.display()

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""


def _unguarded(text: str) -> str:
    """A cell written as "'+7 495…" by a formula guard (ours, Excel's) reads as "+7 495…"."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def _clean(text: str) -> str:
    return _unguarded(" ".join(str(text).replace("\u00a0", " ").split()))


def contact_from_cells(row: int, fields: Sequence[F], cells: Sequence[str]) -> Contact:
    contact = Contact(row=row)
    full = first = middle = last = ""
    notes: list[str] = []
    for meaning, raw in zip(fields, cells):
        if meaning is F.IGNORE or not raw:
            continue
        value = _clean(raw) if meaning is not F.NOTES else _unguarded(raw.strip())
        if not value:
            continue
        if meaning is F.FULL_NAME:
            full = full or value
        elif meaning is F.FIRST_NAME:
            first = first or value
        elif meaning is F.MIDDLE_NAME:
            middle = middle or value
        elif meaning is F.LAST_NAME:
            last = last or value
        elif meaning is F.TITLE:
            contact.title = contact.title or value
        elif meaning is F.DEPARTMENT:
            contact.department = contact.department or value
        elif meaning is F.COMPANY:
            contact.company = contact.company or value
        elif meaning is F.EMAIL:
            for email in re.split(r"[,;\s]+", value):
                if email and email_key(email) not in {email_key(e) for e in contact.emails}:
                    contact.emails.append(email)
        elif meaning is F.PHONE:
            for phone in re.split(r"[,;]+", value):
                phone = phone.strip()
                if phone and phone not in contact.phones:
                    contact.phones.append(phone)
        elif meaning is F.CRM_ID:
            contact.crm_id = contact.crm_id or value
        elif meaning is F.MANAGER_ID:
            contact.manager_id = contact.manager_id or value
        elif meaning is F.MANAGER_NAME:
            contact.manager_name = contact.manager_name or value
        elif meaning in (F.TAGS, F.BUYING_ROLE):
            for tag in split_tags(value):
                role = role_of_tag(tag)
                if role is not None:
                    if role not in contact.roles:
                        contact.roles.append(role)
                elif meaning is F.TAGS and tag not in contact.tags:
                    contact.tags.append(tag)
        elif meaning is F.OWNER:
            contact.owner = contact.owner or value
        elif meaning is F.NOTES:
            notes.append(value)
    contact.notes = "\n".join(notes)
    if first or last or middle:
        name = PersonName(first, middle, last)
        if full and not (first and last):  # "Фамилия" alone next to a full name: trust the full one
            name = split_name(full)
    else:
        name = split_name(full)
    contact.name = name
    return contact


def contacts_from_rows(fields: Sequence[F], rows: Sequence[Sequence[str]],
                       numbers: Sequence[int] = (), extra: dict[int, list[str]] | None = None,
                       progress=None) -> list[Contact]:
    """Every data row read as a Contact; `progress(done, total)` is called now and then."""
    contacts = []
    total = len(rows)
    extra = extra or {}
    for index, cells in enumerate(rows):
        number = numbers[index] if index < len(numbers) else index + 2
        contact = contact_from_cells(number, fields, cells)
        contact.extra_cells = index in extra
        contacts.append(contact)
        if progress is not None and index % 500 == 0:
            progress(index, total)
    return contacts
