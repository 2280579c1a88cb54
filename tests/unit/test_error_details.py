"""A refusal's detail in our own words is told in the refusal's language: no English
phrase of ours inside a Russian message (the words of SQLite, the OS or Python's csv
module, quoted as the reason, are theirs)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from accountmap.domain.limits import ACCOUNT_LIMITS
from accountmap.domain.models import Account, Stakeholder
from accountmap.storage.errors import STORAGE_MESSAGES, WorkspaceError
from accountmap.storage.workspace_file import WorkspaceFile


def told(call) -> WorkspaceError:
    with pytest.raises(WorkspaceError) as info:
        call()
    return info.value


def test_a_folder_that_does_not_exist(tmp_path: Path):
    from accountmap.storage.new_workspace import create_whole

    for call in (lambda: WorkspaceFile.open(tmp_path / "no" / "w.accountmap", create=True),
                 lambda: create_whole(tmp_path / "no" / "w.accountmap", lambda wf: None)):
        error = told(call)
        assert error.message("en").endswith("the folder does not exist")
        assert error.message("ru").endswith("папки не существует")


def test_an_account_over_the_limits():
    from accountmap.storage.limits import refuse_output_over_limits

    people = ACCOUNT_LIMITS["stakeholders"]
    account = Account(name="Огромный",
                      stakeholders=[Stakeholder(full_name=f"P{i}") for i in range(people + 1)])
    error = told(lambda: refuse_output_over_limits(account))
    assert f"({people + 1} people, at most {people})" in error.message("en")
    assert f"({people + 1} человек, не больше {people})" in error.message("ru")


def test_a_file_missing_a_table(tmp_path: Path):
    from accountmap.storage.recovery import check_tables

    path = tmp_path / "w.accountmap"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id TEXT)")
    error = told(lambda: check_tables(path, conn, ["accounts", "stakeholders"]))
    conn.close()
    assert "the table stakeholders is missing" in error.message("en")
    assert "нет таблицы stakeholders" in error.message("ru")


def test_a_review_file_too_big():
    from accountmap.storage.review_exchange import MAX_REVIEW_BYTES, parse_review

    error = told(lambda: parse_review(b" " * (MAX_REVIEW_BYTES + 1), "r.json"))
    assert f"over {MAX_REVIEW_BYTES >> 20} MB" in error.message("en")
    assert f"больше {MAX_REVIEW_BYTES >> 20} МБ" in error.message("ru")


def test_a_csv_line_that_cannot_be_read():
    from accountmap.storage.contacts_csv import parse_csv_text

    error = told(lambda: parse_csv_text("a,b\n" + "x" * 200_000 + ",2\n", "c.csv"))
    assert ": line 2: " in error.message("en")
    assert ": строка 2: " in error.message("ru")


def test_every_detail_is_in_both_languages():
    details = [key for key in STORAGE_MESSAGES if ".detail." in key]
    assert len(details) >= 8
    for key in details:
        assert set(STORAGE_MESSAGES[key]) == {"en", "ru"}, key
