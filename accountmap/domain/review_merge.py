"""Review comments travelling between a director and a KAM: the review file and the merge
of one into an account edited in the meantime (pure: no I/O; docs/REVIEW.md).

A comment keeps the fingerprints of its earlier versions (`ReviewComment.history`). When
a review file comes in, each of its comments is met with the copy the file already holds
(by id) and one of these happens:

- the same text and state on both sides: nothing to do;
- the incoming copy is one this side has since edited (its fingerprint is in our
  history): ours is newer, kept;
- ours is one the other side has since edited (our fingerprint is in its history): theirs
  is newer and replaces ours;
- both sides edited it since they parted: a CONFLICT. Ours is kept (and marked newer than
  theirs) and theirs is added as a reply to it (with its author and date), so neither
  side's words are lost and the next exchange converges;
- a comment we do not have is added; if its person or checkpoint is no longer on our map
  (deleted here) it is added on the account, keeping the name it was written about, and
  that is reported as a conflict; a reply whose comment was deleted here is kept as a
  comment of its own, reported too;
- an account the file does not have is reported and its comments are left out.

Deleting a comment does not travel: the other side keeps its copy (and would send it back).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from accountmap.domain.models import Account, Id, Model, Name, ReviewComment, new_id, new_list

REVIEW_FORMAT = "accountmap-review"
REVIEW_VERSION = 1
HISTORY_LIMIT = 1000


def fingerprint(comment: ReviewComment) -> str:
    """16 hex digits naming a version of a comment: its text and whether it is resolved."""
    payload = json.dumps([comment.text, comment.resolved], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def revised(comment: ReviewComment, **fields) -> dict:
    """The field updates that give `comment` new `text` and/or `resolved`, its current
    version going into its history (nothing when nothing changes)."""
    changes = {k: v for k, v in fields.items() if getattr(comment, k) != v}
    if not changes:
        return {}
    history = [*comment.history, fingerprint(comment)][-HISTORY_LIMIT:]
    return {**changes, "history": history}


class ReviewedAccount(Model):
    id: Id
    name: Name = ""
    comments: list[ReviewComment] = Field(default_factory=new_list, max_length=100_000)


class ReviewFile(Model):
    """`{"format": "accountmap-review", "version": 1, ...}` (docs/FORMAT.md)."""

    format: Literal["accountmap-review"] = REVIEW_FORMAT
    version: int = Field(REVIEW_VERSION, ge=1)
    written_on: dt.date | None = None
    accounts: list[ReviewedAccount] = Field(default_factory=new_list, max_length=100_000)


def review_of(accounts: list[Account], today: dt.date | None = None) -> ReviewFile:
    """The review file of these accounts: every comment and reply of each (accounts
    without comments are left out)."""
    return ReviewFile(written_on=today, accounts=[
        ReviewedAccount(id=a.id, name=a.name, comments=list(a.review_comments))
        for a in accounts if a.review_comments])


# A conflict's kind (translated where shown: CLI_MESSAGES / the import dialog)
EDITED_BOTH = "edited_both"
TARGET_GONE = "target_gone"
PARENT_GONE = "parent_gone"
NO_ACCOUNT = "no_account"


@dataclass(frozen=True)
class Conflict:
    kind: str
    account_name: str
    comment_id: str
    target_name: str = ""  # the person or checkpoint (TARGET_GONE)
    ours: str = ""  # our text (EDITED_BOTH)
    theirs: str = ""  # their text


@dataclass
class Merge:
    """What importing a review file does to the accounts, before anything is written:
    the comments to add and to replace (by account id), and every conflict."""

    added: list[tuple[str, ReviewComment]] = field(default_factory=list)
    replaced: list[tuple[str, ReviewComment]] = field(default_factory=list)
    kept: int = 0  # the same, or newer here
    conflicts: list[Conflict] = field(default_factory=list)


def _parents_first(comments: list[ReviewComment]) -> list[ReviewComment]:
    ids = {c.id for c in comments}
    ordered: list[ReviewComment] = []
    placed: set[str] = set()
    pending = list(comments)
    while pending:
        ready = [c for c in pending if c.reply_to is None or c.reply_to not in ids
                 or c.reply_to in placed]
        if not ready:  # a cycle of replies (a hand-made file): take them as they come
            ready = pending
        ordered += ready
        placed |= {c.id for c in ready}
        pending = [c for c in pending if c.id not in placed]
    return ordered


def merge_review(accounts: dict[str, Account], review: ReviewFile) -> Merge:
    """How `review` merges into `accounts` (by id); see the module's docstring."""
    merge = Merge()
    for reviewed in review.accounts:
        account = accounts.get(reviewed.id)
        if account is None:
            merge.conflicts += [Conflict(NO_ACCOUNT, reviewed.name, c.id)
                                for c in reviewed.comments[:1]]
            continue
        ours = {c.id: c for c in account.review_comments}
        people = {s.id for s in account.stakeholders}
        nodes = {n.id for n in account.roadmap.nodes}
        present = set(ours)
        for theirs in _parents_first(reviewed.comments):
            mine = ours.get(theirs.id)
            if mine is None:
                merge.added.append((account.id, _placed(theirs, account, people, nodes,
                                                        present, merge.conflicts)))
                present.add(theirs.id)
                continue
            _meet(account, mine, theirs, merge)
    return merge


def _placed(theirs: ReviewComment, account: Account, people: set[str], nodes: set[str],
            present: set[str], conflicts: list[Conflict]) -> ReviewComment:
    update: dict = {}
    if theirs.stakeholder_id is not None and theirs.stakeholder_id not in people:
        update["stakeholder_id"] = None
    if theirs.checkpoint_id is not None and theirs.checkpoint_id not in nodes:
        update["checkpoint_id"] = None
    if update:
        conflicts.append(Conflict(TARGET_GONE, account.name, theirs.id, theirs.target_name,
                                  theirs=theirs.text))
    if theirs.reply_to is not None and theirs.reply_to not in present:
        update["reply_to"] = None
        conflicts.append(Conflict(PARENT_GONE, account.name, theirs.id, theirs.target_name,
                                  theirs=theirs.text))
    return theirs.model_copy(update=update, deep=True) if update else theirs


def _meet(account: Account, mine: ReviewComment, theirs: ReviewComment, merge: Merge) -> None:
    mine_print, their_print = fingerprint(mine), fingerprint(theirs)
    if mine_print == their_print or their_print in mine.history:
        merge.kept += 1
        return
    if mine_print in theirs.history:
        history = list(dict.fromkeys([*mine.history, *theirs.history]))[-HISTORY_LIMIT:]
        merge.replaced.append((account.id, mine.model_copy(update={
            "text": theirs.text, "resolved": theirs.resolved, "history": history,
            "author": mine.author or theirs.author}, deep=True)))
        return
    merge.conflicts.append(Conflict(EDITED_BOTH, account.name, mine.id, mine.target_name,
                                    ours=mine.text, theirs=theirs.text))
    # ours stays and now counts as newer than theirs (the other side, receiving it back,
    # takes it), theirs becomes a reply to it: after one round trip both sides agree
    history = list(dict.fromkeys([*mine.history, *theirs.history, their_print]))
    merge.replaced.append((account.id, mine.model_copy(
        update={"history": history[-HISTORY_LIMIT:]}, deep=True)))
    merge.added.append((account.id, theirs.model_copy(update={
        "id": new_id(), "reply_to": mine.id, "stakeholder_id": mine.stakeholder_id,
        "checkpoint_id": mine.checkpoint_id, "history": []}, deep=True)))
