"""Messages are defined in the layer that raises or prints them (catalogue.Messages
tables), not registered into the catalogue when some module happens to be imported:
every key a module reads with a literal is in the table it reads it from (or in the
shared catalogue), in English and Russian; and no module registers keys at import."""

from __future__ import annotations

import re
from pathlib import Path

from accountmap import catalogue
from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.cli.messages import CLI_MESSAGES
from accountmap.storage.errors import STORAGE_MESSAGES

PACKAGE = Path(__file__).resolve().parents[2] / "accountmap"
TABLES = {"catalogue": catalogue.MESSAGES, "BRIEFING_MESSAGES": BRIEFING_MESSAGES,
          "CLI_MESSAGES": CLI_MESSAGES, "STORAGE_MESSAGES": STORAGE_MESSAGES}
READ = re.compile(r"\b(catalogue|BRIEFING_MESSAGES|CLI_MESSAGES|STORAGE_MESSAGES)\.text\(\s*[\"']([a-z_]+\.[a-z_0-9.]+)[\"']")


def test_every_key_read_is_in_its_table_in_both_languages():
    read = [(path.relative_to(PACKAGE), table, key) for path in PACKAGE.rglob("*.py")
            for table, key in READ.findall(path.read_text(encoding="utf-8"))]
    assert len(read) > 20
    missing = [f"{path}: {table} {key}" for path, table, key in read
               if key not in TABLES[table] and key not in catalogue.MESSAGES]
    assert missing == []
    for table in TABLES.values():
        for key, entry in table.items():
            assert entry.get("en") and entry.get("ru"), key


def test_no_module_registers_messages_at_import():
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if "MESSAGES.update(" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_a_layer_table_falls_back_to_the_shared_vocabulary():
    assert BRIEFING_MESSAGES.text("role.champion", "ru") == catalogue.text("role.champion", "ru")
    assert STORAGE_MESSAGES.text("storage.read_only", "ru", path="x").startswith("x открыт")
    assert CLI_MESSAGES.text("no.such.key") == "no.such.key"
