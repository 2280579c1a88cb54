"""Import refuses what the file's keys forbid, before writing anything, naming every error
with its JSON path; `check` names table, row and column of bad values written straight
into the file."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from accountmap.domain.workspace import FORMAT_VERSION
from accountmap.storage.demo import write_demo
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.exchange import import_document, parse_document
from accountmap.storage.workspace_file import WorkspaceFile
from tests.samples.v2_export import expected_export

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = Path(__file__).resolve().parents[2]
GOOD = json.loads((FIXTURES / "v2_workspace.export.json").read_text(encoding="utf-8"))
EDGE = 3  # $.accounts[3] is the edge-case account ("acc-edge")
DEMO = 1  # $.accounts[1] is the demo's first account


def refusal(document: dict) -> str:
    with pytest.raises(WorkspaceError) as caught:
        parse_document(json.dumps(document, ensure_ascii=False), "bad.json")
    assert caught.value.key == "exchange.invalid"
    message = caught.value.message("en")
    assert "Traceback" not in message
    return message


def edited(change) -> dict:
    document = copy.deepcopy(GOOD)
    change(document)
    return document


def test_the_good_document_is_accepted() -> None:
    assert GOOD["accounts"][EDGE]["id"] == "acc-edge"
    assert len(parse_document(json.dumps(GOOD)).accounts) == 5


@pytest.mark.parametrize("where, collection", [
    ("stakeholders", "stakeholders"), ("relationships", "relationships"),
    ("open_questions", "open_questions"), ("meetings", "meetings"),
    ("touchpoints", "touchpoints"), ("journey_grids", "journey_grids"),
    ("journey_history", "journey_history"), ("decision_centres", "decision_centres"),
])
def test_duplicate_ids_are_refused(where: str, collection: str) -> None:
    def duplicate(doc):
        items = doc["accounts"][EDGE][collection]
        items.append(dict(items[0]))
    message = refusal(edited(duplicate))
    count = len(GOOD["accounts"][EDGE][collection])
    assert f"$.accounts[{EDGE}].{where}[{count}].id: duplicate id" in message


@pytest.mark.parametrize("part", ["nodes", "edges"])
def test_duplicate_roadmap_ids_are_refused(part: str) -> None:
    def duplicate(doc):
        items = doc["accounts"][EDGE]["roadmap"][part]
        items.append(dict(items[1]))
    count = len(GOOD["accounts"][EDGE]["roadmap"][part])
    assert f"$.accounts[{EDGE}].roadmap.{part}[{count}].id: duplicate id" in refusal(
        edited(duplicate))


DANGLING = [
    ("stakeholders", 0, "decision_centre_id", "nowhere"),
    ("relationships", 0, "from_id", "ghost"),
    ("relationships", 1, "to_id", "ghost"),
    ("open_questions", 0, "stakeholder_id", "ghost"),
    ("meetings", 0, "checkpoint_id", "n-ghost"),
    ("touchpoints", 0, "checkpoint_id", "n-ghost"),
    ("journey_grids", 0, "stakeholder_id", "ghost"),
    ("roadmap.nodes", 1, "chosen_edge_id", "e-ghost"),
    ("roadmap.edges", 0, "from_id", "n-ghost"),
    ("roadmap.edges", 0, "to_id", "n-ghost"),
    ("stakeholders", 0, "journey_stage", "mars"),
    ("roadmap.nodes", 1, "journey_stage", "mars"),
    ("journey_history", 0, "journey_stage", "mars"),
]


@pytest.mark.parametrize("where, index, field, value", DANGLING)
def test_every_dangling_reference_is_refused_with_its_path(where, index, field, value) -> None:
    def dangle(doc):
        account = doc["accounts"][EDGE]
        items = account["roadmap"][where.split(".")[1]] if "." in where else account[where]
        items[index][field] = value
    message = refusal(edited(dangle))
    assert f"$.accounts[{EDGE}].{where}[{index}].{field}: refers to" in message
    assert repr(value) in message


@pytest.mark.parametrize("where, field", [
    ("meetings", "attendee_ids"), ("touchpoints", "stakeholder_ids"),
    ("roadmap.nodes", "stakeholder_ids"),
])
def test_people_lists_refuse_missing_and_repeated_people(where: str, field: str) -> None:
    def dangle(doc):
        account = doc["accounts"][EDGE]
        item = account["roadmap"]["nodes"][1] if "." in where else account[where][0]
        item[field] = [item[field][0], "ghost", item[field][0]]
    message = refusal(edited(dangle))
    index = 1 if "." in where else 0
    assert f"$.accounts[{EDGE}].{where}[{index}].{field}[1]: refers to person 'ghost'" in message
    assert f"$.accounts[{EDGE}].{where}[{index}].{field}[2]: person" in message


def test_every_error_is_reported_at_once() -> None:
    def many(doc):
        account = doc["accounts"][EDGE]
        account["stakeholders"].append(dict(account["stakeholders"][0]))
        account["roadmap"]["edges"][0]["to_id"] = "n-ghost"
        account["meetings"][0]["attendee_ids"].append("ghost")
        doc["accounts"][DEMO]["relationships"][0]["from_id"] = "ghost"
    message = refusal(edited(many))
    assert message.count("\n  $.") == 4


@pytest.mark.parametrize("change, path", [
    (lambda d: d["accounts"][EDGE]["stakeholders"][0].update(influence="huge"),
     f"$.accounts[{EDGE}].stakeholders[0].influence"),
    (lambda d: d["accounts"][EDGE]["roadmap"]["nodes"][0].update(status="maybe"),
     f"$.accounts[{EDGE}].roadmap.nodes[0].status"),
    (lambda d: d["accounts"][EDGE]["stakeholders"][0].update(last_contact="2026-02-30"),
     f"$.accounts[{EDGE}].stakeholders[0].last_contact"),
    (lambda d: d["accounts"][EDGE].update(target_close="2027-02-29"),
     f"$.accounts[{EDGE}].target_close"),
    (lambda d: d["accounts"][EDGE]["stakeholders"][0].update(notes="ж" * 10_000_000),
     f"$.accounts[{EDGE}].stakeholders[0].notes"),
    (lambda d: d.pop("format"), "$.format"),
    (lambda d: d.update(format="something-else"), "$.format"),
    (lambda d: d.update(version="1"), "$.version"),
    (lambda d: d.update(version=1.0), "$.version"),
    (lambda d: d.update(version=True), "$.version"),
    (lambda d: d.update(version=FORMAT_VERSION + 1), "$.version"),
    (lambda d: d.update(version=0), "$.version"),
])
def test_bad_values_are_refused_with_their_path(change, path: str) -> None:
    assert f"{path}:" in refusal(edited(change))


def test_nothing_is_written_when_an_import_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(edited(lambda d: d["accounts"][EDGE]["relationships"][0].update(
        to_id="ghost")), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "accountmap", "import", str(path), str(bad)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2
    assert f"$.accounts[{EDGE}].relationships[0].to_id" in result.stderr
    assert "Traceback" not in result.stderr
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert wf.account_ids() == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_accepted_import_gives_back_the_same_export(tmp_path: Path) -> None:
    from accountmap.storage.exchange import document_to_json, export_document

    with WorkspaceFile.open(tmp_path / "w.accountmap", create=True) as wf:
        import_document(wf, parse_document(json.dumps(GOOD)), adopt_settings=True)
        again = document_to_json(export_document(wf))
    assert again == expected_export()  # the previous release's, plus the review thresholds


# ------------------------------------------------------------ bad values in the file itself
BAD_WRITES = [
    ("UPDATE stakeholders SET influence = 'huge' WHERE id = 'sh-petrov'",
     "table stakeholders, row acc-uzts/sh-petrov, column influence"),
    ("UPDATE roadmap_nodes SET exit_criteria = '[broken' WHERE id = 'cp-pain-confirmed'",
     "table roadmap_nodes, row acc-uzts/cp-pain-confirmed, column exit_criteria"),
    ("UPDATE accounts SET temperature = 'boiling' WHERE id = 'acc-northwind'",
     "table accounts, row acc-northwind, column temperature"),
    ("UPDATE stakeholders SET last_contact = '2026-02-30' WHERE id = 'sh-petrov'",
     "table stakeholders, row acc-uzts/sh-petrov, column last_contact"),
    ("INSERT INTO relationships(account_id, id, position, from_id, to_id, kind, strength, label)"
     " VALUES ('acc-uzts', 'r-ghost', 99, 'sh-petrov', 'nobody', 'ally', 3, '')",
     "table relationships, row acc-uzts/r-ghost, column to_id: refers to nobody"),
    ("UPDATE relationships SET position = 'first' WHERE id = (SELECT min(id) FROM "
     "relationships WHERE account_id = 'acc-northwind')",
     "table relationships, row acc-northwind/"),
    ("UPDATE stakeholders SET notes = printf('%.*c', 10000000, 'x') WHERE id = 'sh-petrov'",
     "table stakeholders, row acc-uzts/sh-petrov, column notes: String should have at most"),
    ("UPDATE roadmap_edges SET loop = 7 WHERE account_id = 'acc-northwind'",
     "column loop: not 0 or 1 (7)"),
    ("UPDATE accounts SET position = 'x' WHERE id = 'acc-northwind'",
     "table accounts, row acc-northwind, column position"),
    ("INSERT INTO meeting_attendees(account_id, meeting_id, stakeholder_id, position)"
     " SELECT account_id, id, 'ghost', 99 FROM meetings WHERE account_id = 'acc-uzts' LIMIT 1",
     "table meeting_attendees, row acc-uzts/"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.accountmap"
    write_demo(path)
    return path


@pytest.mark.parametrize("sql, expected", BAD_WRITES)
def test_check_names_table_row_and_column(demo: Path, tmp_path: Path, sql: str,
                                          expected: str) -> None:
    path = tmp_path / "d.accountmap"
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # foreign keys are off by default
    conn.execute(sql)
    conn.commit()
    conn.close()
    result = subprocess.run([sys.executable, "-m", "accountmap", "check", str(path),
                             "--lang", "en"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    for command in (["export", str(path), "-o", str(tmp_path / "x.json")],
                    ["portfolio", str(path)]):
        other = subprocess.run([sys.executable, "-m", "accountmap", *command], cwd=REPO,
                               capture_output=True, text=True)
        assert "Traceback" not in other.stderr, command


def test_check_of_a_clean_file_says_so(demo: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "accountmap", "check", str(demo),
                             "--lang", "en"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "error" not in result.stdout


def test_the_document_opens_the_rest_of_a_damaged_workspace(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.accountmap"
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE stakeholders SET attitude = 'hostile' WHERE id = 'sh-petrov'")
    conn.commit()
    conn.close()
    with WorkspaceFile.open(path, read_only=True) as wf:
        with pytest.raises(WorkspaceError) as caught:
            wf.load_account("acc-uzts")
        assert caught.value.key == "storage.damaged_account"
        assert "column attitude" in caught.value.message("en")
        assert "столбец attitude" in caught.value.message("ru")
        assert wf.load_account("acc-northwind").stakeholders


def test_damaged_settings_are_named_not_a_traceback(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.accountmap"
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE settings SET data = json_set(data, '$.stale_contact_days', -5)")
    conn.commit()
    conn.close()
    with WorkspaceFile.open(path, read_only=True) as wf:
        with pytest.raises(WorkspaceError) as caught:
            wf.settings()
    assert caught.value.key == "storage.damaged_settings"
    assert "stale_contact_days" in caught.value.message("en")
    result = subprocess.run([sys.executable, "-m", "accountmap", "check", str(path)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2 and "stale_contact_days" in result.stderr
    assert "Traceback" not in result.stderr


def test_portfolio_reviews_the_rest_of_a_file_with_a_damaged_account(demo: Path,
                                                                     tmp_path: Path) -> None:
    import datetime as dt

    from accountmap.storage.damage import DamagedAccount
    from accountmap.storage.portfolio_files import load_portfolio

    path = tmp_path / "d.accountmap"
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE stakeholders SET attitude = 'hostile' WHERE id = 'sh-petrov'")
    conn.commit()
    conn.close()
    with WorkspaceFile.open(demo, read_only=True) as wf:
        every = wf.account_ids()
    portfolio = load_portfolio([path], dt.date(2026, 3, 2))
    assert sorted(d.review.account_id for d in portfolio.deals) == sorted(
        i for i in every if i != "acc-uzts")
    [(where, error)] = portfolio.skipped
    assert where == path and isinstance(error, DamagedAccount)
    assert "column attitude" in error.message("en")
    result = subprocess.run([sys.executable, "-m", "accountmap", "portfolio", str(path),
                             "--lang", "en", "--today", "2026-03-02"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 1  # an account was left out
    assert "table stakeholders, row acc-uzts/sh-petrov, column attitude" in result.stderr
    assert "Traceback" not in result.stderr
    for deal in portfolio.deals:
        assert deal.review.summary.name[:20] in result.stdout
