"""`accountmap import-contacts`: the four CRM layouts into a workspace, a second import
that updates instead of duplicating, dry runs, and bad files that change nothing."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from accountmap.domain.models import Account, DecisionCentre, Stakeholder
from accountmap.storage.workspace_file import WorkspaceFile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "accountmap", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.accountmap"
    centres = [DecisionCentre(id=f"dc{i}", name=n) for i, n in enumerate(
        ["Высшее руководство", "Финансы и экономика", "ИТ и цифровизация", "Производство",
         "Закупки", "Безопасность"])]
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([
            Account(name="Уральский завод трубных систем", decision_centres=centres,
                    stakeholders=[Stakeholder(id="old", full_name="Соколова Марина",
                                              title="Финансовый директор", x=0, y=0)]),
            Account(name="Northwind Steel", decision_centres=centres),
        ])
    return path


def people(path: Path, name: str) -> list[Stakeholder]:
    with WorkspaceFile.open(path, read_only=True) as wf:
        return wf.load_account(wf.find_account(name)).stakeholders


def test_bitrix24_import_then_again_updates_instead_of_duplicating(workspace):
    result = run("import-contacts", workspace, FIXTURES / "bitrix24_contacts.csv",
                 "--account", "Уральский завод трубных систем", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Bitrix24 (cp1251, 5 rows)" in result.stdout
    assert "4 added, 1 updated" in result.stdout
    found = {p.full_name: p for p in people(workspace, "Уральский завод трубных систем")}
    # the person already on the map ("Соколова Марина") was matched by name and updated
    assert len(found) == 5 and "Соколова Марина" in found
    assert found["Соколова Марина"].id == "old"
    assert found["Соколова Марина"].email == "m.sokolova@uzts.ru"
    assert found["Петров Дмитрий Сергеевич"].phone == "+7 343 210-13-30"
    before = digest(workspace)
    again = run("import-contacts", workspace, FIXTURES / "bitrix24_contacts.csv",
                "--account", "Уральский завод трубных систем", "--lang", "ru")
    assert again.returncode == 0, again.stderr
    assert "Менять нечего" in again.stdout
    assert len(people(workspace, "Уральский завод трубных систем")) == 5
    assert digest(workspace) == before


@pytest.mark.parametrize("name,count,links", [
    ("salesforce_contacts.csv", 6, 4), ("hubspot_contacts.csv", 4, 0),
    ("amocrm_contacts.csv", 4, 0)])
def test_each_crm_layout_lands_on_the_map_with_its_links(workspace, name, count, links):
    result = run("import-contacts", workspace, FIXTURES / name, "--account", "Northwind Steel",
                 "--lang", "en")
    assert result.returncode == 0, result.stderr
    with WorkspaceFile.open(workspace, read_only=True) as wf:
        account = wf.load_account(wf.find_account("Northwind Steel"))
    assert len(account.stakeholders) == count
    assert len([r for r in account.relationships if r.kind == "reports_to"]) == links
    assert all(p.full_name and p.email for p in account.stakeholders)
    # laid out as an org chart: no two cards on one spot
    assert len({(p.x, p.y) for p in account.stakeholders}) == count
    if links:
        names = {p.id: p.full_name for p in account.stakeholders}
        edges = {(names[r.from_id], names[r.to_id]) for r in account.relationships}
        assert ("Janet Leverling", "Andrew Fuller") in edges
        assert "row 7: Michael Suyama — reports to 0035g00000ZzZz9AAF" in result.stdout


def test_dry_run_writes_nothing(workspace):
    before = digest(workspace)
    result = run("import-contacts", workspace, FIXTURES / "salesforce_contacts.csv",
                 "--account", "Northwind Steel", "--dry-run", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "6 to add" in result.stdout and "Dry run" in result.stdout
    assert digest(workspace) == before


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    ("Имя;Фамилия;E-mail\r\n".encode("cp1251"), "has a header row but no contacts"),
    (bytes(range(256)) * 50, "not a CSV or XLSX file"),
    (b"PK\x03\x04" + bytes(300), "cannot be read as an Excel workbook"),
    (b"Colour,Size\nred,10\n", "No column holds names or e-mails"),
])
def test_bad_files_change_nothing_and_say_why(workspace, tmp_path, content, message):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    before = digest(workspace)
    result = run("import-contacts", workspace, bad, "--account", "Northwind Steel", "--lang", "en")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert digest(workspace) == before


def test_unknown_account_and_missing_file(workspace, tmp_path):
    result = run("import-contacts", workspace, FIXTURES / "hubspot_contacts.csv", "--account", "Nobody",
                 "--lang", "en")
    assert result.returncode == 2 and "No account named" in result.stderr
    result = run("import-contacts", workspace, tmp_path / "none.csv", "--account", "Northwind Steel",
                 "--lang", "ru")
    assert result.returncode == 2 and "файл не найден" in result.stderr


def test_fifty_thousand_rows_refused_with_a_clear_message(workspace, tmp_path):
    big = tmp_path / "big.csv"
    lines = ["Name,Email"] + [f"Person {i},p{i}@x.com" for i in range(50_000)]
    big.write_text("\n".join(lines), encoding="utf-8")
    before = digest(workspace)
    result = run("import-contacts", workspace, big, "--account", "Northwind Steel", "--lang", "en")
    assert result.returncode == 2
    assert "would hold 50000 people (at most 1000)" in result.stderr  # the account's limit
    assert digest(workspace) == before


def test_amocrm_xlsx_export(workspace, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from accountmap.storage.contacts_csv import read_contact_file

    table = read_contact_file(FIXTURES / "amocrm_contacts.csv")
    book = openpyxl.Workbook()
    book.active.append(table.headers)
    for row in table.rows:
        book.active.append(row)
    book.save(tmp_path / "amo.xlsx")
    result = run("import-contacts", workspace, tmp_path / "amo.xlsx", "--account", "Northwind Steel",
                 "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "amoCRM (xlsx, 4 rows)" in result.stdout
    found = {p.full_name: p for p in people(workspace, "Northwind Steel")}
    assert found["Рябов Алексей Николаевич"].roles == ["decision_maker"]
    assert found["Смирнова Ольга"].email == "o.smirnova@sibgaz.ru"
