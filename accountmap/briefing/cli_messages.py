"""Catalogue keys of `accountmap brief --meeting/--next` (issue 17)."""

from __future__ import annotations

from accountmap import catalogue

CLI_MESSAGES: dict[str, dict[str, str]] = {
    "cli.no_meeting_match": {
        "en": "Account “{account}” has no meeting matching “{query}” (an id, a date or words of its goal). Its meetings:{meetings}",
        "ru": "У клиента «{account}» нет встречи по запросу «{query}» (идентификатор, дата или слова из цели). Встречи клиента:{meetings}"},
    "cli.meeting_ambiguous": {
        "en": "Several meetings match “{query}”; name one by its id or date:{meetings}",
        "ru": "Запросу «{query}» отвечают несколько встреч; укажите идентификатор или дату:{meetings}"},
    "cli.meeting_matched": {"en": "Meeting: {meeting}", "ru": "Встреча: {meeting}"},
    "cli.no_upcoming_meeting_past": {
        "en": "Account “{account}” has no meeting dated {date} or later; the last ones (use --meeting):{meetings}",
        "ru": "У клиента «{account}» нет встреч на {date} или позже; последние встречи (укажите --meeting):{meetings}"},
}

catalogue.MESSAGES.update(CLI_MESSAGES)
