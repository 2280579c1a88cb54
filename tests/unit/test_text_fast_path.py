"""The models' text cleaning returns printable text as it is (a fast path) and otherwise
what the two patterns make of it: the same result for any text (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from accountmap.domain.text import multi_line, one_line

UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile("\r\n?|[\t\n\u2028\u2029]")
NASTY = "aя €\u00a0\n\t\r\x00\x07\x7f\x85\x9f\u2028\u2029\ud800\udfff\ufffe\uffff\u200b\x1b"


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(NASTY) | st.characters(), max_size=30))
def test_cleaning_is_the_same_with_the_fast_path(text: str) -> None:
    assert one_line(text) == UNPRINTABLE.sub("", LINE_BREAKS.sub(" ", text))
    assert multi_line(text) == UNPRINTABLE.sub(
        "", text.replace("\r\n", "\n").replace("\r", "\n"))
