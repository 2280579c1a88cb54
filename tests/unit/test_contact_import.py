"""Contact import, the Qt-free core: reading CRM exports, what their columns mean, names,
roles, decision centres, and the plan (add / update / skip with a reason)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountmap.domain.contact_columns import ContactField as F
from accountmap.domain.contact_columns import Preset, detect_preset, guess_field, map_columns
from accountmap.domain.contact_plan import Outcome, plan_import
from accountmap.domain.contacts import choose_centre, contacts_from_rows, split_name
from accountmap.domain.models import Account, DecisionCentre, Relationship, Stakeholder
from accountmap.storage.contacts_csv import parse_csv_bytes, read_contact_file
from accountmap.storage.errors import WorkspaceError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"
CENTRES = ["Высшее руководство", "Финансы и экономика", "ИТ и цифровизация", "Производство",
           "Закупки", "Безопасность"]


def account(name="Клиент", people=(), relationships=()) -> Account:
    return Account(name=name, decision_centres=[DecisionCentre(id=f"dc{i}", name=n)
                                               for i, n in enumerate(CENTRES)],
                   stakeholders=list(people), relationships=list(relationships))


def read(name: str, preset=Preset.AUTO):
    table = read_contact_file(FIXTURES / name)
    chosen = detect_preset(table.headers) if preset is Preset.AUTO else preset
    fields = map_columns(table.headers, chosen, table.rows[:20])
    return table, chosen, contacts_from_rows(fields, table.rows, table.numbers, table.extra)


def centre_name(acc: Account, person: Stakeholder) -> str | None:
    centre = acc.decision_centre(person.decision_centre_id) if person.decision_centre_id else None
    return centre.name if centre else None


# ---------------------------------------------------------------------------- the four CRMs
def test_salesforce_data_loader_export():
    table, preset, contacts = read("salesforce_contacts.csv")
    assert (preset, table.encoding, table.delimiter) == (Preset.SALESFORCE, "utf-8", ",")
    acc = account("Northwind Steel")
    plan = plan_import(acc, contacts)
    people = {p.full_name: p for p in plan.new_people}
    assert list(people) == ["Robert King", "Nancy Davolio", "Andrew Fuller", "Janet Leverling",
                            "Steven Buchanan", "Michael Suyama"]
    fuller = people["Andrew Fuller"]
    assert fuller.title == "VP, Information Technology"
    assert fuller.email == "andrew.fuller@northwindsteel.com"
    assert fuller.phone == "+1 (206) 555-0120, +1 (425) 555-0177"  # phone and mobile, not fax
    assert "Steel 4.0" in fuller.contact_notes and "wants a POC first" in fuller.contact_notes
    assert "Company:" not in fuller.contact_notes  # "Northwind Steel Inc." is this account
    assert centre_name(acc, fuller) == "ИТ и цифровизация"
    assert centre_name(acc, people["Robert King"]) == "Высшее руководство"
    assert centre_name(acc, people["Nancy Davolio"]) == "Финансы и экономика"
    links = {(r.from_id, r.to_id) for r in plan.relationships}
    ids = {n: p.id for n, p in people.items()}
    assert links == {(ids["Nancy Davolio"], ids["Robert King"]),
                     (ids["Andrew Fuller"], ids["Robert King"]),
                     (ids["Janet Leverling"], ids["Andrew Fuller"]),
                     (ids["Steven Buchanan"], ids["Nancy Davolio"])}
    assert all(r.kind == "reports_to" for r in plan.relationships)
    # the plant manager reports to someone not in the file: imported, link refused with a reason
    (warning,) = plan.warnings
    assert warning.name == "Michael Suyama" and warning.reason == "contacts.manager_missing"
    assert warning.params["manager"] == "0035g00000ZzZz9AAF" and warning.row == 7


def test_hubspot_export_with_bom_and_buying_roles():
    table, preset, contacts = read("hubspot_contacts.csv")
    assert (preset, table.encoding) == (Preset.HUBSPOT, "utf-8-sig")
    assert table.headers[0] == "Record ID"  # the BOM is not part of the first header
    acc = account("Nordkraft")
    plan = plan_import(acc, contacts)
    people = {p.full_name: p for p in plan.new_people}
    ingrid = people["Ingrid Svensson"]
    assert (ingrid.title, ingrid.email, ingrid.phone) == (
        "Chief Financial Officer", "ingrid.svensson@nordkraft.se", "+46 8 555 010 00")
    assert ingrid.roles == ["decision_maker", "economic_buyer"]
    assert ingrid.our_owner == "Anna Petrova"
    assert "Company: Nordkraft AB" not in ingrid.contact_notes  # AB is a legal form
    assert people["Lars Nilsson"].phone == "+46 70 555 22 33"
    assert people["Karin Berg"].roles == ["blocker"]
    assert people["Erik Lind"].roles == ["champion", "user_buyer"]
    assert centre_name(acc, people["Karin Berg"]) == "Закупки"


def test_bitrix24_export_in_windows_1251_with_semicolons():
    raw = (FIXTURES / "bitrix24_contacts.csv").read_bytes()
    assert b"\r\n" in raw and "Фамилия".encode("cp1251") in raw
    table, preset, contacts = read("bitrix24_contacts.csv")
    assert (preset, table.encoding, table.delimiter) == (Preset.BITRIX24, "cp1251", ";")
    acc = account("Уральский завод трубных систем")
    plan = plan_import(acc, contacts)
    people = {p.full_name: p for p in plan.new_people}
    assert list(people) == ["Горбунов Виктор Павлович", "Соколова Марина Игоревна",
                            "Петров Дмитрий Сергеевич", "Кузнецов Олег Юрьевич",
                            "Лебедева Елена Викторовна"]
    sokolova = people["Соколова Марина Игоревна"]
    assert sokolova.title == "Финансовый директор"
    assert sokolova.email == "m.sokolova@uzts.ru"  # the work e-mail first
    assert sokolova.phone == "+7 343 210-10-12, +7 912 600-12-12"
    # a quoted comment with ";" inside stays one cell
    assert "Бюджет на 2025; согласует всё выше 5 млн" in sokolova.contact_notes
    assert "Компания" not in sokolova.contact_notes and "Company" not in sokolova.contact_notes
    assert people["Горбунов Виктор Павлович"].phone == "+7 343 210-10-01"  # not the birthday
    assert centre_name(acc, people["Кузнецов Олег Юрьевич"]) == "Производство"
    assert centre_name(acc, people["Лебедева Елена Викторовна"]) == "Закупки"
    assert centre_name(acc, people["Петров Дмитрий Сергеевич"]) == "ИТ и цифровизация"


def test_amocrm_export_full_name_in_one_column_and_tags():
    table, preset, contacts = read("amocrm_contacts.csv")
    assert preset == Preset.AMOCRM
    acc = account("Газпромнефть")  # another company: it is written into the notes
    plan = plan_import(acc, contacts, {"company": "Компания: {value}", "tags": "Теги CRM: {value}"})
    people = {p.full_name: p for p in plan.new_people}
    # both orders of a full name end up as the map writes Russian names
    assert list(people) == ["Зайцев Павел Олегович", "Рябов Алексей Николаевич",
                            "Смирнова Ольга", "Тарасов Игорь"]
    ryabov = people["Рябов Алексей Николаевич"]
    assert ryabov.roles == ["decision_maker"]
    assert ryabov.phone == "+7 383 200-10-01, +7 913 700-10-01"  # not the company's phone
    assert "Компания: ООО «СибГазТранс»" in ryabov.contact_notes
    smirnova = people["Смирнова Ольга"]
    assert smirnova.roles == ["influencer", "technical_buyer"]
    assert smirnova.email == "o.smirnova@sibgaz.ru"
    assert people["Зайцев Павел Олегович"].roles == ["influencer"]
    assert "Теги CRM: бюджет 2025" in people["Зайцев Павел Олегович"].contact_notes
    assert people["Тарасов Игорь"].roles == ["blocker"]
    assert centre_name(acc, people["Тарасов Игорь"]) == "Безопасность"


def test_amocrm_xlsx_reads_like_its_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    table = read_contact_file(FIXTURES / "amocrm_contacts.csv")
    sheet.append(table.headers)
    for row in table.rows:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    book.save(tmp_path / "amo.xlsx")
    xlsx = read_contact_file(tmp_path / "amo.xlsx")
    assert xlsx.kind == "xlsx" and xlsx.headers == table.headers and xlsx.rows == table.rows


# ---------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
                                          ("cp1251", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b"")])
def test_encodings_and_line_ends(encoding, bom):
    text = "ФИО\tДолжность\tE-mail\r\nИванов Иван Иванович\tДиректор по закупкам\tivanov@x.ru\r\n"
    table = parse_csv_bytes(bom + text.encode(encoding))
    assert table.delimiter == "\t"
    assert table.rows == [["Иванов Иван Иванович", "Директор по закупкам", "ivanov@x.ru"]]


@pytest.mark.parametrize("data,key", [
    (b"", "contacts.empty"),
    (b"\n\n  \n", "contacts.empty"),
    ("Имя;Фамилия;Email\r\n".encode("cp1251"), "contacts.header_only"),
    (bytes(range(256)) * 20, "contacts.binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "contacts.binary"),
])
def test_bad_files_are_refused_with_one_sentence(data, key):
    with pytest.raises(WorkspaceError) as info:
        parse_csv_bytes(data, "x.csv")
    assert info.value.key == key
    assert "x.csv" in info.value.message("ru") and "\n" not in info.value.message("en")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "fake.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(WorkspaceError) as info:
        read_contact_file(path)
    assert info.value.key == "contacts.bad_xlsx"


def test_ragged_rows_short_padded_long_skipped_with_reason():
    data = ("Name,Title,Email\n"
            "Ivan Petrov,CTO\n"  # short: padded
            "Anna Sidorova,CFO,anna@x.com,surplus,cells\n"  # long: shifted columns
            "Oleg Orlov,CEO,oleg@x.com\n").encode()
    table = parse_csv_bytes(data)
    fields = map_columns(table.headers, Preset.CUSTOM)
    plan = plan_import(account(), contacts_from_rows(fields, table.rows, table.numbers, table.extra))
    assert [p.full_name for p in plan.new_people] == ["Ivan Petrov", "Oleg Orlov"]
    (skipped,) = [r for r in plan.rows if r.outcome is Outcome.SKIP]
    assert (skipped.row, skipped.reason) == (3, "contacts.skip_ragged")


# ---------------------------------------------------------------------------- names, columns
@pytest.mark.parametrize("full,first,middle,last", [
    ("Иванов Иван Иванович", "Иван", "Иванович", "Иванов"),
    ("Иван Иванович Иванов", "Иван", "Иванович", "Иванов"),
    ("Иван Иванов", "Иван", "", "Иванов"),
    ("Иванов Иван", "Иван", "", "Иванов"),
    ("Смирнова Ольга", "Ольга", "", "Смирнова"),
    ("Ольга Смирнова", "Ольга", "", "Смирнова"),
    ("Ivan Ivanov", "Ivan", "", "Ivanov"),
    ("Ivanov, Ivan", "Ivan", "", "Ivanov"),
    ("Mary Jane Watson", "Mary", "Jane", "Watson"),
    ("Мамедов Эльдар Гасан оглы", "Эльдар", "Гасан оглы", "Мамедов"),
])
def test_names_split_in_either_order(full, first, middle, last):
    name = split_name(full)
    assert (name.first, name.middle, name.last) == (first, middle, last)


def test_name_keys_match_across_orders_and_patronymics():
    keys = {split_name(n).key() for n in ("Иванов Иван Иванович", "Иван Иванов", "иванов  иван",
                                          "Иван Иванович Иванов")}
    assert len(keys) == 1


@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_any_header_row_gets_one_meaning_per_column(headers):
    fields = map_columns(headers, Preset.CUSTOM)
    assert len(fields) == len(headers)
    single = [f for f in fields if f not in (F.EMAIL, F.PHONE, F.TAGS, F.NOTES, F.BUYING_ROLE, F.IGNORE)]
    assert len(single) == len(set(single))


def test_guesses_for_unknown_headers_by_header_and_by_values():
    assert guess_field("Эл. почта сотрудника") == F.EMAIL
    assert guess_field("Сотовый телефон") == F.PHONE
    assert guess_field("Lifecycle Stage") == F.IGNORE
    assert guess_field("Mailing City") == F.IGNORE
    assert guess_field("Kontakt", ["a@b.de", "c@d.de", ""]) == F.EMAIL
    assert guess_field("Tel.", ["+49 30 1234567", "030 765 4321"]) == F.PHONE
    assert guess_field("Geburtstag", ["12.03.1968", "01.01.1970"]) == F.IGNORE
    assert guess_field("Рабочий телефон (компания)") == F.IGNORE


def test_presets_are_recognised_only_by_their_own_headers():
    assert detect_preset(["Name", "Email", "Phone"]) == Preset.CUSTOM
    assert detect_preset(["Id", "FirstName", "LastName", "ReportsToId"]) == Preset.SALESFORCE


def test_department_named_like_a_centre_wins_over_rules():
    centres = [DecisionCentre(id="a", name="Закупки"), DecisionCentre(id="b", name="Отдел развития")]
    assert choose_centre("Отдел развития", "Менеджер по закупкам", centres) == "b"
    assert choose_centre("", "Менеджер по закупкам", centres) == "a"
    assert choose_centre("", "Менеджер", centres) is None


# ---------------------------------------------------------------------------- the plan
def test_second_import_updates_instead_of_duplicating():
    _, _, contacts = read("bitrix24_contacts.csv")
    acc = account("Уральский завод трубных систем")
    first = plan_import(acc, contacts)
    acc.stakeholders = first.new_people
    again = plan_import(acc, contacts)
    assert again.new_people == [] and again.updates == {}
    assert again.count(Outcome.SAME) == 5
    # the CRM says something new about one person: only that is updated
    contacts[1].title = "Финансовый директор, член правления"
    contacts[1].phones.append("+7 343 210-99-99")
    third = plan_import(acc, contacts)
    (update,) = [r for r in third.rows if r.outcome is Outcome.UPDATE]
    assert update.name == "Соколова Марина Игоревна" and update.changed == ["phone", "title"]


def test_matching_by_email_else_by_name_in_either_order():
    people = [Stakeholder(id="p1", full_name="Петров Дмитрий Сергеевич", title="Начальник"),
              Stakeholder(id="p2", full_name="Someone Else", email="anna@x.ru")]
    data = ("ФИО;Должность;Email\n"
            "Дмитрий Петров;Начальник отдела ИТ;\n"  # by name (other order, no patronymic)
            "Анна Сидорова;Юрист;ANNA@x.ru\n"  # by e-mail, case ignored
            "Дмитрий Петров;Инженер;other@x.ru\n").encode()  # same name, another e-mail: new
    table = parse_csv_bytes(data)
    fields = map_columns(table.headers, Preset.CUSTOM)
    plan = plan_import(account(people=people), contacts_from_rows(fields, table.rows, table.numbers))
    assert [(r.outcome, r.stakeholder_id) for r in plan.rows[:2]] == [
        (Outcome.UPDATE, "p1"), (Outcome.UPDATE, "p2")]
    assert plan.updates["p1"]["title"] == "Начальник отдела ИТ"
    assert plan.rows[2].outcome is Outcome.ADD


def test_an_import_past_the_accounts_limit_is_refused_by_the_plan_not_by_the_editor(tmp_path):
    """The plan's limit is the account's (domain/limits.py): an import that the editor would
    refuse is "too many" in the summary already (it was 20,000 while the editor refuses past
    1,000, so the dialog offered Import and then wrote nothing); at the limit it is written."""
    from accountmap.document.contact_import import write_import
    from accountmap.document.editor import Editor
    from accountmap.document.workspace_document import WorkspaceDocument
    from accountmap.domain.limits import ACCOUNT_LIMITS
    from accountmap.storage.workspace_file import WorkspaceFile

    most = ACCOUNT_LIMITS["stakeholders"]
    data = "Name,Email\n" + "".join(f"Person {i},p{i}@x.ru\n" for i in range(most + 1))
    table = parse_csv_bytes(data.encode())
    fields = map_columns(table.headers, Preset.CUSTOM)
    contacts = contacts_from_rows(fields, table.rows, table.numbers)
    assert plan_import(account(), contacts).too_many
    assert not plan_import(account(), contacts[:most]).too_many
    path = tmp_path / "limit.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account()])
    document = WorkspaceDocument.open(path)
    try:
        account_id = document.account_ids()[0]
        plan = plan_import(document.account(account_id), contacts[:most])
        write_import(Editor(document), account_id, plan, "Import contacts")
        assert len(document.account(account_id).stakeholders) == most
        one_more = plan_import(document.account(account_id), contacts[most:])
        assert one_more.too_many
    finally:
        document.close()


def test_duplicates_in_the_file_are_skipped_with_the_row_they_repeat():
    data = ("Name,Email,Id,ReportsToId\n"
            "Ann Lee,ann@x.com,1,\n"
            "Ann Lee (copy),ANN@x.com,2,\n"
            "Bob Stone,,3,1\n"
            "Bob Stone,,4,\n"
            ",,5,\n").encode()
    table = parse_csv_bytes(data)
    fields = map_columns(table.headers, Preset.SALESFORCE)
    plan = plan_import(account(), contacts_from_rows(fields, table.rows, table.numbers))
    skipped = {r.row: (r.reason, r.params.get("other")) for r in plan.rows if r.outcome is Outcome.SKIP}
    assert skipped == {3: ("contacts.skip_same_email", 2), 5: ("contacts.skip_same_name", 4),
                       6: ("contacts.skip_no_name", None)}
    assert len(plan.new_people) == 2 and len(plan.relationships) == 1


def test_reports_to_cycle_is_broken_with_a_reason():
    data = ("Id,FirstName,LastName,ReportsToId\n"
            "a,Ann,Lee,c\n"
            "b,Bob,Stone,a\n"
            "c,Cid,Moss,b\n"
            "d,Dan,Self,d\n").encode()
    table = parse_csv_bytes(data)
    fields = map_columns(table.headers, Preset.SALESFORCE)
    plan = plan_import(account(), contacts_from_rows(fields, table.rows, table.numbers))
    assert len(plan.new_people) == 4
    assert len(plan.relationships) == 2  # a→c and b→a; c→b would close the cycle
    reasons = sorted((w.row, w.reason) for w in plan.warnings)
    assert reasons == [(4, "contacts.manager_cycle"), (5, "contacts.manager_self")]
    acc = account(people=plan.new_people, relationships=plan.relationships)
    from accountmap.domain.account_rules import reports_to_cycles

    assert reports_to_cycles(acc) == []


def test_existing_links_are_kept_and_not_doubled():
    boss = Stakeholder(id="boss", full_name="Ann Lee", email="ann@x.com")
    other = Stakeholder(id="other", full_name="Old Boss")
    bob = Stakeholder(id="bob", full_name="Bob Stone", email="bob@x.com")
    acc = account(people=[boss, other, bob],
                  relationships=[Relationship(from_id="bob", to_id="other", kind="reports_to")])
    data = "Name,Email,Reports To\nAnn Lee,ann@x.com,\nBob Stone,bob@x.com,Ann Lee\n".encode()
    table = parse_csv_bytes(data)
    fields = map_columns(table.headers, Preset.SALESFORCE)
    plan = plan_import(acc, contacts_from_rows(fields, table.rows, table.numbers))
    assert plan.relationships == []
    assert [w.reason for w in plan.warnings] == ["contacts.manager_kept"]


def test_several_companies_in_one_export_only_this_accounts_people_are_taken():
    data = ("Name,Company,Email\nAnn Lee,ООО «Ромашка»,a@r.ru\nBob Stone,ПАО Лютик,b@l.ru\n"
            "Cid Moss,Ромашка,c@r.ru\n").encode()
    table = parse_csv_bytes(data)
    fields = map_columns(table.headers, Preset.CUSTOM)
    plan = plan_import(account("Ромашка"), contacts_from_rows(fields, table.rows, table.numbers))
    assert [p.full_name for p in plan.new_people] == ["Ann Lee", "Cid Moss"]
    (skipped,) = [r for r in plan.rows if r.outcome is Outcome.SKIP]
    assert skipped.reason == "contacts.skip_other_company" and skipped.params["company"] == "ПАО Лютик"


def test_formula_like_cells_are_kept_as_plain_text():
    data = 'Name,Title,Email\n"=HYPERLINK(""http://evil"",""Ann"")",@SUM(1),ann@x.com\n'.encode()
    table = parse_csv_bytes(data)
    plan = plan_import(account(), contacts_from_rows(map_columns(table.headers, Preset.CUSTOM),
                                                     table.rows, table.numbers))
    (person,) = plan.new_people
    assert person.full_name == '=HYPERLINK("http://evil","Ann")' and person.title == "@SUM(1)"


def test_the_persons_choice_of_centre_overrides_the_rules():
    data = "Name,Title,Department\nAnn Lee,CFO,\nBob Stone,Engineer,Отдел развития\n".encode()
    table = parse_csv_bytes(data)
    contacts = contacts_from_rows(map_columns(table.headers, Preset.CUSTOM), table.rows)
    acc = account()
    plan = plan_import(acc, contacts, centres={"cfo": None, "отдел развития": "dc3", "x": "ghost"})
    assert [p.decision_centre_id for p in plan.new_people] == [None, "dc3"]
    assert plan_import(acc, contacts).new_people[0].decision_centre_id == "dc1"


def test_a_wrong_encoding_given_by_the_person_is_one_clear_sentence():
    data = "ФИО;E-mail\nИванов Иван;i@x.ru\n".encode("cp1251")
    with pytest.raises(WorkspaceError) as info:
        parse_csv_bytes(data, "bitrix.csv", encoding="utf-8")
    assert info.value.key == "contacts.encoding"
    assert "Windows-1251" in info.value.message("en")
    assert parse_csv_bytes(data, "bitrix.csv", encoding="cp1251").rows == [["Иванов Иван", "i@x.ru"]]


def test_odd_utf16_is_refused_not_garbled():
    with pytest.raises(WorkspaceError) as info:
        parse_csv_bytes(codecs.BOM_UTF16_LE + "Имя\tФамилия\r\n".encode("utf-16-le") + b"\x00")
    assert info.value.key == "contacts.encoding"


def test_excels_sep_hint_line_sets_the_delimiter():
    table = parse_csv_bytes(b"sep=;\r\nName;Title, department\r\nAnn Lee;CFO, finance\r\n")
    assert table.delimiter == ";" and table.headers == ["Name", "Title, department"]
    assert table.rows == [["Ann Lee", "CFO, finance"]] and table.numbers == [2]


def test_an_old_excel_workbook_is_told_to_be_saved_as_xlsx(tmp_path):
    path = tmp_path / "contacts.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    with pytest.raises(WorkspaceError) as info:
        read_contact_file(path)
    assert info.value.key == "contacts.old_excel" and ".xlsx" in info.value.message("ru")


NAMES = st.sampled_from(["Иванов Иван", "Иван Иванов", "Ann Lee", "Lee, Ann", "Bob Stone", "",
                         "=HYPERLINK(\"x\")", "Петрова Анна Сергеевна", "Анна Петрова"])
EMAILS = st.sampled_from(["", "a@x.ru", "A@X.RU", "b@x.ru", "c@x.ru"])
IDS = st.sampled_from(["", "1", "2", "3", "4"])


@given(st.lists(st.tuples(IDS, NAMES, EMAILS, IDS), min_size=1, max_size=25),
       st.lists(st.tuples(NAMES, EMAILS), max_size=4))
@settings(max_examples=150, deadline=None)
def test_every_row_has_one_outcome_and_no_one_is_doubled(rows, on_map):
    people = [Stakeholder(id=f"m{i}", full_name=n, email=e) for i, (n, e) in enumerate(on_map)]
    acc = account(people=people)
    fields = [F.CRM_ID, F.FULL_NAME, F.EMAIL, F.MANAGER_ID]
    contacts = contacts_from_rows(fields, [list(r) for r in rows])
    plan = plan_import(acc, contacts)
    assert [r.row for r in plan.rows] == [c.row for c in contacts]
    assert sum(plan.count(o) for o in Outcome) == len(rows)
    # nobody added twice by e-mail, nobody on the map updated by two rows
    emails = [p.email.casefold() for p in plan.new_people if p.email]
    assert len(emails) == len(set(emails))
    matched = [r.stakeholder_id for r in plan.rows if r.outcome in (Outcome.UPDATE, Outcome.SAME)]
    assert len(matched) == len(set(matched))
    # the links never close a cycle, and everything validates as the file would
    acc.stakeholders = people + plan.new_people
    acc.relationships = plan.relationships
    from accountmap.domain.account_rules import reports_to_cycles

    assert reports_to_cycles(acc) == []
    Account.model_validate(acc.model_dump())
