"""Where a card goes in a decision centre's frame, and how far the frame grows."""

from hypothesis import given
from hypothesis import strategies as st

from accountmap.layout.centre_slots import free_slot, grown, inside
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH, CENTRE_HEADER

FRAME = (100.0, 50.0, 560.0, 400.0)


def overlaps(a, b):
    return (a[0] < b[0] + CARD_WIDTH and b[0] < a[0] + CARD_WIDTH
            and a[1] < b[1] + CARD_HEIGHT and b[1] < a[1] + CARD_HEIGHT)


@given(st.lists(st.tuples(st.floats(0, 900), st.floats(0, 900)), max_size=12))
def test_the_free_slot_is_below_the_title_inside_the_width_and_clear_of_cards(cards):
    x, y = free_slot(FRAME, cards)
    assert y >= FRAME[1] + CENTRE_HEADER
    assert FRAME[0] <= x and x + CARD_WIDTH <= FRAME[0] + FRAME[2]
    assert not any(overlaps((x, y), c) for c in cards)


def test_an_empty_frame_takes_the_first_slot_and_a_full_row_wraps():
    first = free_slot(FRAME, [])
    second = free_slot(FRAME, [first])
    third = free_slot(FRAME, [first, second])
    assert first[1] == second[1] and second[0] > first[0]
    assert third[1] > first[1] and third[0] == first[0]


def test_frames_grow_to_hold_cards_and_never_shrink():
    assert grown(FRAME, [(120.0, 100.0)]) is None
    width, height = grown(FRAME, [(600.0, 420.0)])
    assert width >= 600 + CARD_WIDTH - FRAME[0] and height >= 420 + CARD_HEIGHT - FRAME[1]
    assert inside(FRAME, (90.0, 40.0))[1] >= FRAME[1] + CENTRE_HEADER


def test_grown_is_the_plain_rule_card_by_card():
    """grown takes the card furthest right and down (_snap_up never decreases): the same
    size as growing by each card in turn."""
    import random

    from accountmap.layout.centre_slots import _snap_up
    from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH, CENTRE_PADDING

    rng = random.Random(5)
    for _ in range(500):
        frame = (rng.uniform(-500, 500), rng.uniform(-500, 500), rng.uniform(0, 900), rng.uniform(0, 700))
        cards = [(frame[0] + rng.uniform(-300, 1200), frame[1] + rng.uniform(-300, 1000))
                 for _ in range(rng.randrange(0, 6))]
        width, height = frame[2], frame[3]
        for x, y in cards:
            width = max(width, _snap_up(x + CARD_WIDTH + CENTRE_PADDING - frame[0]))
            height = max(height, _snap_up(y + CARD_HEIGHT + CENTRE_PADDING - frame[1]))
        plain = None if (width, height) == (frame[2], frame[3]) else (width, height)
        assert grown(frame, cards) == plain
