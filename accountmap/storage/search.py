"""Full-text search over every account of a workspace: people (name, title, notes,
contact notes, interests) and open questions (question, answer), from the FTS5 indexes of
schema v3 (storage/schema.py). Each word the user types matches the start of a word,
without regard to case or diacritics (ё finds е)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

MAX_WORDS = 8


@dataclass(frozen=True)
class SearchHit:
    account_id: str
    account_name: str
    kind: str  # "stakeholder" | "question"
    entity_id: str
    text: str  # the person's name, or the question
    detail: str  # the person's title, or the name of the person asked
    person_id: str | None  # the person to show


def fts_query(text: str) -> str | None:
    """The FTS5 query for what the user typed: every word, as a prefix (None: no words)."""
    words = re.findall(r"\w+", text)[:MAX_WORDS]
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """People first, then questions, each by relevance; at most `limit` of each."""
    query = fts_query(text)
    if query is None:
        return []
    people = conn.execute(
        "SELECT s.account_id, a.name, s.id, s.full_name, s.title FROM stakeholders_fts f "
        "JOIN stakeholders s ON s.rowid = f.rowid JOIN accounts a ON a.id = s.account_id "
        "WHERE stakeholders_fts MATCH ? ORDER BY rank, a.position, s.position LIMIT ?",
        (query, limit)).fetchall()
    questions = conn.execute(
        "SELECT q.account_id, a.name, q.id, q.question, coalesce(s.full_name, ''), s.id "
        "FROM open_questions_fts f JOIN open_questions q ON q.rowid = f.rowid "
        "JOIN accounts a ON a.id = q.account_id LEFT JOIN stakeholders s "
        "ON s.account_id = q.account_id AND s.id = q.stakeholder_id "
        "WHERE open_questions_fts MATCH ? ORDER BY rank, a.position, q.position LIMIT ?",
        (query, limit)).fetchall()
    return ([SearchHit(a, n, "stakeholder", i, name, title, i)
             for a, n, i, name, title in people] +
            [SearchHit(a, n, "question", i, question, person, person_id)
             for a, n, i, question, person, person_id in questions])
