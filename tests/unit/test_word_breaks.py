"""Where the journey strip may break a Russian word (panels/word_breaks.py)."""

from __future__ import annotations

import pytest

from accountmap.panels.word_breaks import syllable_breaks


def broken(word: str) -> str:
    parts, last = [], 0
    for i in syllable_breaks(word):
        parts.append(word[last:i])
        last = i
    return "-".join([*parts, word[last:]])


@pytest.mark.parametrize("word, expected", [
    ("Удовлетворение", "Удовлетво-ре-ние"),
    ("Рекомендации", "Ре-ко-менда-ции"),
    ("Лояльность", "Лояль-ность"),
    ("Любопытство", "Лю-бо-пытство"),
    ("майор", "майор"),  # never "ма-йор": "й" does not begin a line
    ("подъезд", "подъезд"),  # nor "ъ" end one before a vowel
    ("Ng", "Ng"),
    ("Satisfaction", "Satisfaction"),  # other scripts: no breaks (the strip shrinks them)
    ("Петров-Водкин", "Петров-Водкин"),  # no vowel before a consonant and a vowel
    ("", ""),
])
def test_breaks(word, expected):
    assert broken(word) == expected


def test_two_letters_at_least_on_each_side():
    for word in ("Удовлетворение", "ура", "Оля", "аромат", "Яма"):
        assert all(2 <= i <= len(word) - 2 for i in syllable_breaks(word)), word
