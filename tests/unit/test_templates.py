"""Roadmap templates: valid roads in both languages, and fresh ids on every instantiation."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from accountmap.storage.demo import load_demo
from accountmap.domain.models import Roadmap
from accountmap.domain.roadmap_rules import position_on_road, validate_roadmap
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.layout.sizes import DECISION_HEIGHT, DECISION_WIDTH, NODE_HEIGHT, NODE_WIDTH
from accountmap.storage.templates import (
    TEMPLATES_DIR,
    TemplateError,
    list_templates,
    load_template,
    with_fresh_ids,
)

REPO = Path(__file__).resolve().parents[2]
NAMES = ("consulting", "industrial_equipment", "it_integration")
# name -> (fewest checkpoints, most checkpoints, words that must appear in crossroads titles)
EXPECTED = {
    "it_integration": (35, 60, {"ru": ("аудит", "пилот", "тендер"), "en": ("audit", "poc", "tender")}),
    "industrial_equipment": (17, 24, {"ru": ("обследование", "испытания", "лизинг"),
                                      "en": ("survey", "trials", "leasing")}),
    "consulting": (12, 18, {"ru": ("диагностическая", "пилотный"), "en": ("diagnostic", "pilot")}),
}


def read(name: str, lang: str) -> dict:
    return json.loads((TEMPLATES_DIR / f"{name}.{lang}.json").read_text(encoding="utf-8"))


def boxes(road: Roadmap):
    return [(n.x, n.y, *((DECISION_WIDTH, DECISION_HEIGHT) if n.kind == NodeKind.DECISION
                          else (NODE_WIDTH, NODE_HEIGHT))) for n in road.nodes]


def overlaps(road: Roadmap) -> int:
    b = boxes(road)
    return sum(1 for i, p in enumerate(b) for q in b[i + 1:]
               if p[0] < q[0] + q[2] and q[0] < p[0] + p[2] and p[1] < q[1] + q[3] and q[1] < p[1] + p[3])


def test_six_files_exist():
    assert sorted(p.name for p in TEMPLATES_DIR.glob("*.json")) == sorted(
        f"{n}.{lang}.json" for n in NAMES for lang in ("ru", "en"))


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_template_file(name, lang):
    data = read(name, lang)
    assert data["format"] == "accountmap-template" and data["version"] == 1
    assert data["language"] == lang and data["name"] and data["description"]
    road = Roadmap.model_validate(data["roadmap"])
    assert validate_roadmap(road) == []
    assert overlaps(road) == 0
    count = Counter(n.kind for n in road.nodes)
    fewest, most, words = EXPECTED[name]
    assert fewest <= count[NodeKind.CHECKPOINT] <= most
    assert count[NodeKind.START] == 1 and count[NodeKind.WON] == 1 and count[NodeKind.LOST] >= 1
    decisions = " ".join(n.title.lower() for n in road.nodes if n.kind == NodeKind.DECISION)
    for word in words[lang]:
        assert word in decisions, word
    for node in road.nodes:
        assert node.status == CheckpointStatus.PLANNED
        assert node.due is None and node.activated_on is None and node.chosen_edge_id is None
        assert node.stakeholder_ids == []
        if node.kind == NodeKind.CHECKPOINT:
            assert node.title and node.description and node.owner and node.journey_stage
            assert 2 <= len(node.exit_criteria) <= 4
            assert not any(c.done for c in node.exit_criteria)
    nodes = {n.id: n for n in road.nodes}
    for edge in road.edges:
        if not edge.loop:
            assert nodes[edge.from_id].x < nodes[edge.to_id].x
    text = json.dumps(data, ensure_ascii=False)
    if lang == "en":
        assert not any("а" <= ch <= "я" for ch in text.lower())


@pytest.mark.parametrize("name", NAMES)
def test_translations_have_the_same_road(name):
    ru, en = (Roadmap.model_validate(read(name, lang)["roadmap"]) for lang in ("ru", "en"))
    assert [(n.id, n.kind, n.x, n.y) for n in ru.nodes] == [(n.id, n.kind, n.x, n.y) for n in en.nodes]
    assert [(e.id, e.from_id, e.to_id, e.loop) for e in ru.edges] == \
           [(e.id, e.from_id, e.to_id, e.loop) for e in en.edges]
    assert [n.title for n in ru.nodes] != [n.title for n in en.nodes]


def test_it_integration_has_a_repeat_loop():
    road = Roadmap.model_validate(read("it_integration", "ru")["roadmap"])
    loops = [e for e in road.edges if e.loop]
    assert len(loops) == 1 and loops[0].outcome == "Повторить пилот"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_list_templates(lang):
    infos = list_templates(lang)
    assert [i.name for i in infos] == sorted(NAMES)
    assert all(i.language == lang and i.title and i.description for i in infos)
    titles = {i.name: i.title for i in infos}
    assert titles["consulting"] == ("Консалтинговый проект" if lang == "ru" else "Consulting engagement")


def test_unknown_language_falls_back_to_english():
    infos = list_templates("de")
    assert {i.language for i in infos} == {"en"}
    assert load_template("consulting", "de").nodes[0].title == "Start: introduction"


@pytest.mark.parametrize("bad", ["nope", "", "../demo/demo", "consulting.ru"])
def test_unknown_template_is_refused(bad):
    with pytest.raises(TemplateError):
        load_template(bad, "ru")


def shape(road: Roadmap) -> tuple:
    """The road with ids replaced by titles/positions: equal for a faithful id remapping."""
    nodes = {n.id: (n.title, n.x, n.y) for n in road.nodes}
    return (sorted(nodes.values()),
            sorted((nodes[e.from_id], nodes[e.to_id], e.outcome, e.loop) for e in road.edges))


@pytest.mark.parametrize("name", NAMES)
def test_load_template_gives_fresh_consistent_ids(name):
    original = Roadmap.model_validate(read(name, "ru")["roadmap"])
    first, second = load_template(name, "ru"), load_template(name, "ru")
    old_ids = {n.id for n in original.nodes} | {e.id for e in original.edges}
    ids1 = {n.id for n in first.nodes} | {e.id for e in first.edges}
    ids2 = {n.id for n in second.nodes} | {e.id for e in second.edges}
    assert len(ids1) == len(old_ids) and not ids1 & old_ids and not ids1 & ids2
    assert shape(first) == shape(original) == shape(second)
    assert validate_roadmap(first) == []


def test_fresh_ids_keep_chosen_outcomes_and_position():
    road = load_demo().accounts[0].roadmap
    copy = with_fresh_ids(road)
    assert shape(copy) == shape(road)
    assert validate_roadmap(copy) == []
    titles = {n.id: n.title for n in road.nodes}
    copy_titles = {n.id: n.title for n in copy.nodes}
    edges = {e.id: e for e in road.edges}
    copy_edges = {e.id: e for e in copy.edges}
    chosen = {titles[n.id]: edges[n.chosen_edge_id].outcome for n in road.nodes if n.chosen_edge_id}
    copy_chosen = {copy_titles[n.id]: copy_edges[n.chosen_edge_id].outcome
                   for n in copy.nodes if n.chosen_edge_id}
    assert chosen and copy_chosen == chosen
    before, after = position_on_road(road), position_on_road(copy)
    assert [titles[i] for i in before.active_ids] == [copy_titles[i] for i in after.active_ids]
    assert [titles[i] for i in before.taken] == [copy_titles[i] for i in after.taken]
    assert road.nodes[0].id != copy.nodes[0].id  # the original is untouched and differs


def test_template_files_are_what_the_generator_makes():
    """resources/templates/* must be regenerated (scripts/make_templates.py) after edits."""
    scripts = REPO / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        spec = importlib.util.spec_from_file_location("_gen_templates", scripts / "make_templates.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(scripts))
    for make in module.TEMPLATES:
        template = make()
        for lang in ("ru", "en"):
            assert read(template.name, lang) == template.document(lang)
