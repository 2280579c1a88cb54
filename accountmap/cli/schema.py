"""`accountmap schema`: print the JSON Schema of the exchange format."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the exchange format")
    p.set_defaults(func=run)


def json_schema() -> dict:
    from accountmap.domain.workspace import WorkspaceExport

    schema = WorkspaceExport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "AccountMap workspace export"
    return schema


def run(args) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0
