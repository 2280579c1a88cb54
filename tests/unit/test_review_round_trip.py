"""Review comments travel director → KAM → director through review files: a merge by ids
that keeps both sides' changes, reports the conflicts and overwrites nothing silently."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from accountmap.domain.models import ReviewComment, Stakeholder
from accountmap.domain.review_merge import (
    EDITED_BOTH,
    NO_ACCOUNT,
    PARENT_GONE,
    TARGET_GONE,
    ReviewFile,
    fingerprint,
    revised,
)
from accountmap.storage.demo import write_demo
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.review_exchange import (
    conflict_text,
    export_review,
    import_review,
    read_review,
    write_review,
)
from accountmap.storage.rows import Row, RowChange
from accountmap.storage.workspace_file import WorkspaceFile

DAY = dt.date(2026, 11, 23)
URAL = "АО «Уральский завод трубных систем»"


def add(path: Path, account_id: str, comment: ReviewComment) -> str:
    with WorkspaceFile.open(path) as wf:
        position = wf.next_position("review_comments", account_id)
        wf.apply([RowChange("review_comments", account_id, comment.id, None,
                            Row(position, comment.model_dump(mode="json")))])
    return comment.id


def edit(path: Path, account_id: str, comment_id: str, **fields) -> None:
    with WorkspaceFile.open(path) as wf:
        before = wf.read_row("review_comments", account_id, comment_id)
        comment = ReviewComment.model_validate(before.data)
        after = {**before.data, **revised(comment, **fields)}
        wf.apply([RowChange("review_comments", account_id, comment_id, before,
                            Row(before.position, after))])


def comments(path: Path, account_id: str) -> dict[str, ReviewComment]:
    with WorkspaceFile.open(path, read_only=True) as wf:
        return {c.id: c for c in wf.load_account(account_id).review_comments}


def send(source: Path, target: Path, review: Path):
    with WorkspaceFile.open(source, read_only=True) as wf:
        write_review(review, export_review(wf, today=DAY), [source])
    with WorkspaceFile.open(target) as wf:
        return import_review(wf, read_review(review))


@pytest.fixture
def desks(tmp_path: Path):
    director = tmp_path / "director.accountmap"
    write_demo(director, today=DAY)
    kam = tmp_path / "kam.accountmap"
    shutil.copy(director, kam)
    with WorkspaceFile.open(director, read_only=True) as wf:
        account = wf.load_account(wf.find_account(URAL))
    return director, kam, account


def test_comment_round_trip_keeps_both_sides_and_reports_the_conflicts(desks, tmp_path):
    director, kam, account = desks
    a = account.id
    p, q = account.stakeholders[0], account.stakeholders[1]
    node = next(n for n in account.roadmap.nodes if n.kind == "checkpoint")
    # round 1: the director comments on the account and on a person, and sends it
    c1 = add(director, a, ReviewComment(author="Директор", date=DAY, text="Где ЛПР?"))
    c2 = add(director, a, ReviewComment(author="Директор", date=DAY, stakeholder_id=p.id,
                                        target_name=p.full_name, text="Встретиться лично"))
    merge = send(director, kam, tmp_path / "r1.amreview")
    assert len(merge.added) == 2 and not merge.conflicts
    # in between, the KAM works on the map and on the comments...
    with WorkspaceFile.open(kam) as wf:
        newcomer = Stakeholder(full_name="Новиков Пётр", title="Главный инженер")
        wf.apply([RowChange("stakeholders", a, newcomer.id, None,
                            Row(wf.next_position("stakeholders", a),
                                newcomer.model_dump(mode="json")))])
    reply = add(kam, a, ReviewComment(author="КАМ", date=DAY, reply_to=c2,
                                      stakeholder_id=p.id, text="Встреча 2 декабря"))
    edit(kam, a, c2, resolved=True)
    edit(kam, a, c1, text="ЛПР — генеральный директор, встреча согласована")
    with WorkspaceFile.open(kam) as wf:  # the KAM deletes a person (the file cascades)
        wf.apply([RowChange("stakeholders", a, q.id,
                            wf.read_row("stakeholders", a, q.id), None)])
    # ...and the director goes on too: edits the same comment, comments on the deleted
    # person and on a checkpoint
    edit(director, a, c1, text="Где ЛПР? Срочно")
    c3 = add(director, a, ReviewComment(author="Директор", date=DAY, stakeholder_id=q.id,
                                        target_name=q.full_name, text="Он за нас?"))
    c4 = add(director, a, ReviewComment(author="Директор", date=DAY, checkpoint_id=node.id,
                                        target_name=node.title, text="Сроки реальны?"))

    # round 2: the director's review goes into the KAM's file edited in between
    merge = send(director, kam, tmp_path / "r2.amreview")
    assert sorted((c.kind, c.comment_id) for c in merge.conflicts) == sorted(
        [(EDITED_BOTH, c1), (TARGET_GONE, c3)])
    texts = [conflict_text(c, "ru") for c in merge.conflicts]
    assert any("изменено с обеих сторон" in t and "Где ЛПР? Срочно" in t for t in texts)
    assert any(q.full_name in t and "Он за нас?" in t for t in texts)
    at_kam = comments(kam, a)
    assert at_kam[c1].text == "ЛПР — генеральный директор, встреча согласована"  # kept
    copy = next(c for c in at_kam.values() if c.reply_to == c1)
    assert copy.text == "Где ЛПР? Срочно" and copy.author == "Директор"  # theirs kept too
    assert at_kam[c2].resolved and at_kam[reply].text == "Встреча 2 декабря"
    assert at_kam[c3].stakeholder_id is None and at_kam[c3].target_name == q.full_name
    assert at_kam[c4].checkpoint_id == node.id
    with WorkspaceFile.open(kam, read_only=True) as wf:
        kept = wf.load_account(a)
        assert wf.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert newcomer.id in {s.id for s in kept.stakeholders}  # the KAM's map edits stay
    assert q.id not in {s.id for s in kept.stakeholders}

    # round 3: the KAM's replies travel back the same way; no conflict, both agree
    merge = send(kam, director, tmp_path / "r3.amreview")
    assert merge.conflicts == []
    at_director = comments(director, a)
    assert at_director[reply].text == "Встреча 2 декабря"
    assert at_director[c2].resolved
    assert at_director[c1].text == "ЛПР — генеральный директор, встреча согласована"
    assert at_director[c3].stakeholder_id == q.id  # the director still has that person

    def shape(found: dict[str, ReviewComment]) -> dict:
        return {i: (c.text, c.resolved, c.reply_to) for i, c in found.items()}

    assert shape(at_director) == shape(comments(kam, a))
    # once more changes nothing on either side
    assert not (merge := send(kam, director, tmp_path / "r4.amreview")).added
    assert not merge.replaced and not merge.conflicts
    assert not send(director, kam, tmp_path / "r5.amreview").added


def test_import_is_one_transaction(desks, tmp_path, monkeypatch):
    director, kam, account = desks
    for text in ("один", "два", "три"):
        add(director, account.id, ReviewComment(author="Д", date=DAY, text=text))
    with WorkspaceFile.open(director, read_only=True) as wf:
        write_review(tmp_path / "r.amreview", export_review(wf, today=DAY), [director])
    from accountmap.storage import rows

    calls = {"n": 0}
    real = rows.upsert

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk gone")
        return real(*args, **kwargs)

    monkeypatch.setattr(rows, "upsert", failing)
    with pytest.raises(OSError), WorkspaceFile.open(kam) as wf:
        import_review(wf, read_review(tmp_path / "r.amreview"))
    monkeypatch.undo()
    assert comments(kam, account.id) == {}


def test_a_reply_whose_comment_was_deleted_and_an_unknown_account(desks, tmp_path):
    director, kam, account = desks
    parent = add(director, account.id, ReviewComment(author="Д", date=DAY, text="Вопрос"))
    send(director, kam, tmp_path / "r1.amreview")
    add(director, account.id, ReviewComment(author="Д", date=DAY, text="И ещё", reply_to=parent))
    with WorkspaceFile.open(kam) as wf:  # the KAM deleted the director's comment
        wf.apply([RowChange("review_comments", account.id, parent,
                            wf.read_row("review_comments", account.id, parent), None)])
    with WorkspaceFile.open(director, read_only=True) as wf:
        review = export_review(wf, [account.id], today=DAY)
    review.accounts[0].comments = [c for c in review.accounts[0].comments if c.id != parent]
    stranger = review.accounts[0].model_copy(update={"id": "nobody", "name": "Чужой"})
    review.accounts.append(stranger)
    write_review(tmp_path / "r2.amreview", review, [director])
    with WorkspaceFile.open(kam) as wf:
        merge = import_review(wf, read_review(tmp_path / "r2.amreview"))
    assert sorted(c.kind for c in merge.conflicts) == [NO_ACCOUNT, PARENT_GONE]
    (added,) = [c for _, c in merge.added]
    assert added.reply_to is None and added.text == "И ещё"


def test_history_tells_who_edited():
    c = ReviewComment(text="a")
    newer = c.model_copy(update=revised(c, text="b"))
    assert newer.history == [fingerprint(c)] and revised(newer, text="b") == {}


@pytest.mark.parametrize("text, key", [
    (b"{not json", "exchange.not_json"),
    (b'{"format": "accountmap", "version": 1}', "review.not_review"),
    (b'{"format": "accountmap-review", "version": 99}', "review.newer"),
    (b'{"format": "accountmap-review", "version": 1, "accounts": [{"id": "a b"}]}',
     "review.invalid"),
])
def test_bad_review_files_are_refused_in_one_sentence(tmp_path, text, key):
    path = tmp_path / "bad.amreview"
    path.write_bytes(text)
    with pytest.raises(WorkspaceError) as caught:
        read_review(path)
    assert caught.value.key == key
    assert "\n" not in caught.value.message("ru")


def test_review_file_validates_its_comments():
    with pytest.raises(ValueError):
        ReviewFile.model_validate({"format": "accountmap-review", "accounts": [
            {"id": "a", "comments": [{"id": "c", "stakeholder_id": "p", "checkpoint_id": "n"}]}]})
