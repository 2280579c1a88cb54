"""Roadmap templates (resources/templates/<name>.<lang>.json, made by
scripts/make_templates.py): ready-made roads for typical complex sales.

A template file is `{"format": "accountmap-template", "version": 1, "name": ...,
"language": "ru"|"en", "description": ..., "roadmap": <Roadmap>}`. `load_template` gives
the road with fresh ids every time, so it can be added to any account, even twice.
No Qt.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from accountmap.domain.copies import fresh_copies
from accountmap.domain.models import Roadmap
from accountmap.domain.vocabulary import CheckpointStatus

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TEMPLATES_DIR = RESOURCES / "templates"
TEMPLATE_FORMAT = "accountmap-template"
TEMPLATE_VERSION = 1
FALLBACK_LANGUAGE = "en"


class TemplateError(ValueError):
    """A template that does not exist or cannot be read."""


@dataclass(frozen=True)
class TemplateInfo:
    name: str  # the stable key, e.g. "it_integration"
    language: str
    title: str  # what a person reads, in `language`
    description: str
    path: Path


def user_templates_dir() -> Path:
    """Where "Save roadmap as template" writes: the user's own library."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "AccountMap" / "templates"


def _folders() -> list[Path]:
    return [user_templates_dir(), TEMPLATES_DIR]  # the user's own first: they may override


def _path(name: str, lang: str) -> Path:
    for folder in _folders():
        path = folder / f"{name}.{lang}.json"
        if path.is_file():
            return path
    return TEMPLATES_DIR / f"{name}.{lang}.json"


def _names() -> list[str]:
    return sorted({p.name.split(".")[0] for folder in _folders() if folder.is_dir()
                   for p in folder.glob("*.*.json")})


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateError(f"cannot read template {path.name}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != TEMPLATE_FORMAT:
        raise TemplateError(f"{path.name} is not an AccountMap template")
    if data.get("version") != TEMPLATE_VERSION:
        raise TemplateError(f"{path.name} has unsupported version {data.get('version')!r}")
    return data


def _resolve(name: str, lang: str) -> Path:
    for candidate in (lang, FALLBACK_LANGUAGE, "ru"):
        path = _path(name, candidate)
        if path.is_file():
            return path
    raise TemplateError(f"no template named {name!r}")


def list_templates(lang: str = "ru") -> list[TemplateInfo]:
    """Every template, in `lang` where a translation exists (else English), by name."""
    result = []
    for name in _names():
        path = _resolve(name, lang)
        data = _read(path)
        result.append(TemplateInfo(name=name, language=data.get("language", lang),
                                   title=data.get("name", name),
                                   description=data.get("description", ""), path=path))
    return result


def load_template(name: str, lang: str = "ru") -> Roadmap:
    """The template's road with fresh node and edge ids (consistently remapped)."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise TemplateError(f"no template named {name!r}")
    data = _read(_resolve(name, lang))
    roadmap = Roadmap.model_validate(data.get("roadmap", {}))
    return with_fresh_ids(roadmap)


def with_fresh_ids(roadmap: Roadmap) -> Roadmap:
    """A copy of `roadmap` whose nodes and edges have new ids, the branches and chosen
    outcomes following them (domain.copies: people, who belong to an account, are not
    carried over)."""
    copies = fresh_copies([("roadmap_nodes", n) for n in roadmap.nodes]
                          + [("roadmap_edges", e) for e in roadmap.edges])
    return Roadmap(nodes=[e for t, e in copies if t == "roadmap_nodes"],
                   edges=[e for t, e in copies if t == "roadmap_edges"])



def template_file_name(name: str, lang: str) -> str:
    safe = re.sub(r"[^\w\-]+", "_", name.strip(), flags=re.UNICODE).strip("_") or "template"
    return f"{safe[:80]}.{lang}.json"


def template_document(roadmap: Roadmap, name: str, lang: str, description: str = "") -> dict:
    """The template JSON: the road without its history (planned, no dates, no people)."""
    clean = roadmap.model_copy(deep=True)
    for node in clean.nodes:
        node.status = CheckpointStatus.PLANNED
        node.due = None
        node.activated_on = None
        node.stakeholder_ids = []
        node.chosen_edge_id = None
        node.exit_criteria = [c.model_copy(update={"done": False}) for c in node.exit_criteria]
    return {
        "format": TEMPLATE_FORMAT,
        "version": TEMPLATE_VERSION,
        "name": name,
        "language": lang,
        "description": description,
        "roadmap": Roadmap.model_validate(clean.model_dump()).model_dump(mode="json"),
    }


def save_template(roadmap: Roadmap, name: str, lang: str, description: str = "",
                  folder: Path | None = None) -> Path:
    folder = folder or user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / template_file_name(name, lang)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(template_document(roadmap, name, lang, description),
                              ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path
