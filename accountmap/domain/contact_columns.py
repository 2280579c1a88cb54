"""What the columns of a CRM's contact export mean: presets for Salesforce, HubSpot,
Bitrix24 and amoCRM (recognised by their headers), and a guess for any other file.

Pure rules, no I/O: a header row (and a few rows of values) in, one `ContactField` per
column out. Headers are compared folded (case, ё/е, spaces and punctuation ignored), so
"E-mail", "e‑mail " and "EMAIL" are one header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum


class ContactField(StrEnum):
    IGNORE = "ignore"
    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    MIDDLE_NAME = "middle_name"
    LAST_NAME = "last_name"
    TITLE = "title"
    DEPARTMENT = "department"
    COMPANY = "company"
    EMAIL = "email"
    PHONE = "phone"
    CRM_ID = "crm_id"
    MANAGER_ID = "manager_id"  # the CRM id of the person this one reports to
    MANAGER_NAME = "manager_name"  # ... or their name
    TAGS = "tags"
    BUYING_ROLE = "buying_role"
    OWNER = "owner"  # our colleague who owns the contact in the CRM
    NOTES = "notes"


class Preset(StrEnum):
    AUTO = "auto"
    SALESFORCE = "salesforce"
    HUBSPOT = "hubspot"
    BITRIX24 = "bitrix24"
    AMOCRM = "amocrm"
    CUSTOM = "custom"  # columns chosen by the person


PRESET_NAMES = {
    Preset.SALESFORCE: "Salesforce", Preset.HUBSPOT: "HubSpot",
    Preset.BITRIX24: "Bitrix24", Preset.AMOCRM: "amoCRM",
}

F = ContactField

_SUFFIX = re.compile(r"\((контакт|contact)\)\s*$", re.IGNORECASE)
_COMPANY_SUFFIX = re.compile(r"\((компания|company|сделка|deal)\)\s*$", re.IGNORECASE)


def fold(header: str) -> str:
    """A header as compared: lower case, ё → е, letters and digits only."""
    text = _SUFFIX.sub("", header.strip()).casefold().replace("ё", "е")
    return re.sub(r"[\W_]+", "", text)


def _table(pairs: dict[str, ContactField]) -> dict[str, ContactField]:
    return {fold(k): v for k, v in pairs.items()}


# Headers any CRM (or a hand-made spreadsheet) uses, in English and Russian.
SYNONYMS: dict[str, ContactField] = _table({
    "Name": F.FULL_NAME, "Full name": F.FULL_NAME, "Contact name": F.FULL_NAME,
    "Contact": F.FULL_NAME, "ФИО": F.FULL_NAME, "Полное имя": F.FULL_NAME,
    "Полное имя контакта": F.FULL_NAME, "Имя контакта": F.FULL_NAME, "Контакт": F.FULL_NAME,
    "Наименование": F.FULL_NAME, "Ф.И.О.": F.FULL_NAME,
    "First name": F.FIRST_NAME, "Given name": F.FIRST_NAME, "Firstname": F.FIRST_NAME,
    "Имя": F.FIRST_NAME,
    "Middle name": F.MIDDLE_NAME, "Patronymic": F.MIDDLE_NAME, "Отчество": F.MIDDLE_NAME,
    "Last name": F.LAST_NAME, "Surname": F.LAST_NAME, "Family name": F.LAST_NAME,
    "Фамилия": F.LAST_NAME,
    "Title": F.TITLE, "Job title": F.TITLE, "Position": F.TITLE, "Job position": F.TITLE,
    "Должность": F.TITLE,
    "Department": F.DEPARTMENT, "Dept": F.DEPARTMENT, "Division": F.DEPARTMENT,
    "Отдел": F.DEPARTMENT, "Подразделение": F.DEPARTMENT, "Департамент": F.DEPARTMENT,
    "Служба": F.DEPARTMENT,
    "Company": F.COMPANY, "Company name": F.COMPANY, "Account name": F.COMPANY,
    "Account": F.COMPANY, "Account.Name": F.COMPANY, "Organization": F.COMPANY,
    "Organisation": F.COMPANY, "Associated company": F.COMPANY, "Компания": F.COMPANY,
    "Организация": F.COMPANY, "Название компании": F.COMPANY, "Клиент": F.COMPANY,
    "Email": F.EMAIL, "E-mail": F.EMAIL, "Email address": F.EMAIL, "Почта": F.EMAIL,
    "Электронная почта": F.EMAIL,
    "Phone": F.PHONE, "Phone number": F.PHONE, "Mobile": F.PHONE, "Mobile phone": F.PHONE,
    "Mobile phone number": F.PHONE, "Business phone": F.PHONE, "Work phone": F.PHONE,
    "Телефон": F.PHONE, "Рабочий телефон": F.PHONE, "Мобильный телефон": F.PHONE,
    "Мобильный": F.PHONE,
    "Id": F.CRM_ID, "Contact ID": F.CRM_ID, "Record ID": F.CRM_ID, "Идентификатор": F.CRM_ID,
    "ID контакта": F.CRM_ID,
    "ReportsToId": F.MANAGER_ID, "Reports to ID": F.MANAGER_ID,
    "Reports to": F.MANAGER_NAME, "Reports to name": F.MANAGER_NAME, "Manager": F.MANAGER_NAME,
    "Руководитель": F.MANAGER_NAME, "Непосредственный руководитель": F.MANAGER_NAME,
    "Начальник": F.MANAGER_NAME, "Подчиняется": F.MANAGER_NAME,
    "Tags": F.TAGS, "Tag": F.TAGS, "Labels": F.TAGS, "Теги": F.TAGS, "Тэги": F.TAGS,
    "Метки": F.TAGS,
    "Buying role": F.BUYING_ROLE, "Buying roles": F.BUYING_ROLE, "Role": F.BUYING_ROLE,
    "Роль": F.BUYING_ROLE, "Роль в закупке": F.BUYING_ROLE, "Роль в сделке": F.BUYING_ROLE,
    "Roles": F.BUYING_ROLE, "Роли": F.BUYING_ROLE,
    "Owner": F.OWNER, "Contact owner": F.OWNER, "Ответственный": F.OWNER,
    "Description": F.NOTES, "Notes": F.NOTES, "Note": F.NOTES, "Comment": F.NOTES,
    "Comments": F.NOTES, "Комментарий": F.NOTES, "Примечание": F.NOTES, "Заметки": F.NOTES,
    "Описание": F.NOTES,
})

# The documented export columns of each CRM (those we read; the rest are ignored), and
# the headers only that CRM writes, by which a file is recognised.
PRESETS: dict[Preset, dict[str, ContactField]] = {
    Preset.SALESFORCE: _table({
        # Data Loader (API names) ...
        "Id": F.CRM_ID, "FirstName": F.FIRST_NAME, "LastName": F.LAST_NAME,
        "MiddleName": F.MIDDLE_NAME, "Name": F.FULL_NAME, "Title": F.TITLE,
        "Department": F.DEPARTMENT, "Account.Name": F.COMPANY, "Email": F.EMAIL,
        "Phone": F.PHONE, "MobilePhone": F.PHONE, "ReportsToId": F.MANAGER_ID,
        "Description": F.NOTES, "Owner.Name": F.OWNER,
        "AccountId": F.IGNORE, "OwnerId": F.IGNORE, "Fax": F.IGNORE, "HomePhone": F.IGNORE,
        "OtherPhone": F.IGNORE, "AssistantPhone": F.IGNORE, "AssistantName": F.IGNORE,
        # ... and report exports (labels)
        "Contact ID": F.CRM_ID, "First Name": F.FIRST_NAME, "Last Name": F.LAST_NAME,
        "Account Name": F.COMPANY, "Mobile": F.PHONE, "Reports To": F.MANAGER_NAME,
        "Contact Owner": F.OWNER, "Reports To: Contact ID": F.MANAGER_ID,
    }),
    Preset.HUBSPOT: _table({
        "Record ID": F.CRM_ID, "First Name": F.FIRST_NAME, "Last Name": F.LAST_NAME,
        "Email": F.EMAIL, "Phone Number": F.PHONE, "Mobile Phone Number": F.PHONE,
        "Job Title": F.TITLE, "Company Name": F.COMPANY, "Associated Company": F.COMPANY,
        "Contact owner": F.OWNER, "Buying Role": F.BUYING_ROLE, "Department": F.DEPARTMENT,
        "Associated Company IDs": F.IGNORE, "Fax Number": F.IGNORE,
    }),
    Preset.BITRIX24: _table({
        "ID": F.CRM_ID, "Имя": F.FIRST_NAME, "Отчество": F.MIDDLE_NAME, "Фамилия": F.LAST_NAME,
        "Должность": F.TITLE, "Компания": F.COMPANY, "Рабочий телефон": F.PHONE,
        "Мобильный телефон": F.PHONE, "Рабочий e-mail": F.EMAIL, "Частный e-mail": F.EMAIL,
        "Другой e-mail": F.EMAIL, "E-mail для рассылок": F.IGNORE, "Ответственный": F.OWNER,
        "Комментарий": F.NOTES, "Номер факса": F.IGNORE, "Домашний телефон": F.IGNORE,
        "Телефон для рассылок": F.IGNORE, "Другой телефон": F.IGNORE, "Обращение": F.IGNORE,
    }),
    Preset.AMOCRM: _table({
        "ID": F.CRM_ID, "Полное имя контакта": F.FULL_NAME, "Наименование": F.FULL_NAME,
        "Имя": F.FIRST_NAME, "Фамилия": F.LAST_NAME, "Компания": F.COMPANY,
        "Должность": F.TITLE, "Рабочий телефон": F.PHONE, "Мобильный телефон": F.PHONE,
        "Рабочий email": F.EMAIL, "Личный email": F.EMAIL, "Теги": F.TAGS,
        "Ответственный": F.OWNER, "Примечание": F.NOTES,
        "Домашний телефон": F.IGNORE, "Другой телефон": F.IGNORE,
    }),
}

MARKERS: dict[Preset, frozenset[str]] = {
    Preset.SALESFORCE: frozenset(fold(h) for h in (
        "ReportsToId", "AccountId", "MailingStreet", "MailingCity", "OwnerId", "IsDeleted",
        "MasterRecordId", "LeadSource", "Account.Name", "Mailing City", "Reports To",
        "Contact ID")),
    Preset.HUBSPOT: frozenset(fold(h) for h in (
        "Record ID", "Contact owner", "Lifecycle Stage", "Lead Status", "Phone Number",
        "Associated Company", "Buying Role", "Last Activity Date", "Country/Region")),
    Preset.BITRIX24: frozenset(fold(h) for h in (
        "Обращение", "Отчество", "Рабочий e-mail", "Частный e-mail", "Тип контакта",
        "Доступен для всех", "Источник", "Участвует в экспорте контактов")),
    Preset.AMOCRM: frozenset(fold(h) for h in (
        "Теги", "Полное имя контакта", "Личный email", "Рабочий email", "Кем создан",
        "Дата последнего контакта", "Ближайшая задача")),
}


def detect_preset(headers: Sequence[str]) -> Preset:
    """The CRM whose export this is, or CUSTOM when the headers say nothing certain."""
    folded = {fold(h) for h in headers}
    scores = {preset: len(folded & markers) for preset, markers in MARKERS.items()}
    best = max(scores, key=lambda p: scores[p])
    if scores[best] == 0:
        return Preset.CUSTOM
    if list(scores.values()).count(scores[best]) > 1:
        return Preset.CUSTOM  # a tie: let the person look at the columns
    return best


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{6,}$")
_DATE = re.compile(r"^\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}([ T][\d:.]+)?$")


def guess_field(header: str, values: Sequence[str] = ()) -> ContactField:
    """The meaning of a column that no preset knows: its header, else its values."""
    if _COMPANY_SUFFIX.search(header.strip()):
        return F.IGNORE  # amoCRM: "Рабочий телефон (компания)" is the company's, not the person's
    key = fold(header)
    if key in SYNONYMS:
        return SYNONYMS[key]
    if any(word in key for word in ("fax", "факс", "assistant", "ассистент", "рассылок",
                                     "mailing", "date", "дата", "address", "адрес")):
        return F.IGNORE
    if "email" in key or "почта" in key:
        return F.EMAIL
    if "phone" in key or "телефон" in key or "mobile" in key:
        return F.PHONE
    if "должн" in key or "jobtitle" in key:
        return F.TITLE
    if "фамил" in key or "lastname" in key:
        return F.LAST_NAME
    if key.startswith("tag") or key.endswith("tags") or "тег" in key or "тэг" in key:
        return F.TAGS
    filled = [v.strip() for v in values if v and v.strip() and not _DATE.match(v.strip())]
    if filled:
        if sum(1 for v in filled if _EMAIL.match(v)) >= 0.8 * len(filled):
            return F.EMAIL
        if sum(1 for v in filled if _PHONE.match(v)) >= 0.8 * len(filled):
            return F.PHONE
    return F.IGNORE


def map_columns(headers: Sequence[str], preset: Preset,
                sample_rows: Sequence[Sequence[str]] = ()) -> list[ContactField]:
    """One field per column: the preset's meaning where it knows the header, else a guess.
    A single-valued field (name, title...) taken by an earlier column is not taken again."""
    table = PRESETS.get(preset, {})
    fields: list[ContactField] = []
    taken: set[ContactField] = set()
    repeatable = {F.EMAIL, F.PHONE, F.TAGS, F.NOTES, F.BUYING_ROLE, F.IGNORE}
    for index, header in enumerate(headers):
        key = fold(header)
        if key in table and not _COMPANY_SUFFIX.search(header.strip()):
            field = table[key]
        else:
            values = [row[index] for row in sample_rows if index < len(row)]
            field = guess_field(header, values)
        if field in taken and field not in repeatable:
            field = F.IGNORE
        taken.add(field)
        fields.append(field)
    return fields


def header_key(headers: Sequence[str]) -> str:
    """A stable key for a set of headers (to remember a mapping the person chose)."""
    return "|".join(fold(h) for h in headers)
