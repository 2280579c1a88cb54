"""Where a Russian word may be broken at a line end, by the one rule that is right
almost always: before a consonant that a vowel follows, after a vowel or after "й", "ь",
"ъ" ("Удовлетво-ре-ние", "Ре-ко-менда-ции", "Лояль-ность"), two letters at least on
each side.

For the journey strip's narrow segments, painted at start-up: the briefings hyphenate
with pyphen, whose import and Russian dictionary cost ~70 ms that start-up has not got.
Checked against pyphen on the ~900 Russian words of our catalogue: 1,117 breaks, 14 not
pyphen's, of which most are pyphen's own gaps around "ё"; a prefix or a compound ("бе-зо-",
"те-хэксперт") is the rule's known miss. Other scripts get no breaks (the caller shrinks
the text instead).
"""

from __future__ import annotations

VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
NOT_FIRST = frozenset("йъьЙЪЬ")  # never begins the part after a break


def _cyrillic(letter: str) -> bool:
    return "а" <= letter.lower() <= "я" or letter in "ёЁ"


def syllable_breaks(word: str) -> list[int]:
    """Positions `i` where `word[:i] + "-"` may end a line and `word[i:]` begin the next:
    before a consonant that a vowel follows, after a vowel or after "й", "ь", "ъ"."""
    return [i for i in range(2, len(word) - 1)
            if (word[i - 1] in VOWELS or word[i - 1] in NOT_FIRST)
            and word[i] not in VOWELS and word[i] not in NOT_FIRST
            and _cyrillic(word[i]) and word[i + 1] in VOWELS]
