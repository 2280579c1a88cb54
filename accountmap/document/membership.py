"""The changes that keep cards in their decision centres, to be committed with the gesture
that needs them (one undo step): a new person put into a centre, a person moved to another
centre from the property panel (the card goes into that frame), a card dropped into a frame
(the frame grows to hold it)."""

from __future__ import annotations

from accountmap.layout.centre_slots import free_slot, grown, inside


def _frame(centre) -> tuple[float, float, float, float]:
    return (centre.x, centre.y, centre.width, centre.height)


def slot_for_new_card(account, centre_id: str) -> tuple[float, float] | None:
    centre = account.decision_centre(centre_id)
    if centre is None:
        return None
    members = [(s.x, s.y) for s in account.stakeholders if s.decision_centre_id == centre_id]
    return free_slot(_frame(centre), members)


def growth_changes(editor, account, centre_id: str | None, moved: dict[str, tuple[float, float]]
                   ) -> list:
    """The frame of `centre_id` grown to hold its cards, `moved` ({person id: (x, y)}) at
    their new places (new members included)."""
    return growth_changes_many(editor, account, {centre_id: moved}) if centre_id else []


def growth_changes_many(editor, account, landed: dict[str, dict[str, tuple[float, float]]]
                        ) -> list:
    """`growth_changes` of several frames ({centre id: moved}), their members found in
    one pass over the people (a drop of 50 cards lands in a dozen frames of 3,000 people)."""
    centres = {cid: account.decision_centre(cid) for cid in landed}
    places: dict[str, dict[str, tuple[float, float]]] = {
        cid: {} for cid, centre in centres.items() if centre is not None}
    for s in account.stakeholders:
        if s.decision_centre_id in places:
            places[s.decision_centre_id][s.id] = (s.x, s.y)
    changes = []
    for centre_id, members in places.items():
        members.update(landed[centre_id])
        size = grown(_frame(centres[centre_id]), list(members.values()))
        if size is None:
            continue
        change = editor.updated_row(account.id, "decision_centres", centre_id,
                                    {"width": size[0], "height": size[1]})
        if change is not None:
            changes.append(change)
    return changes


def move_to_centre_changes(editor, account, person_id: str, centre_id: str | None) -> list:
    """The person in another centre: the card into a free slot of that frame, which grows
    if it must (out of every centre: the card stays where it is)."""
    person = account.stakeholder(person_id)
    if person is None:
        return []
    fields: dict = {"decision_centre_id": centre_id}
    moved: dict[str, tuple[float, float]] = {}
    if centre_id is not None:
        others = account.model_copy(update={"stakeholders": [
            s for s in account.stakeholders if s.id != person_id]})
        slot = slot_for_new_card(others, centre_id)
        if slot is not None:
            fields["x"], fields["y"] = slot
            moved[person_id] = slot
    change = editor.updated_row(account.id, "stakeholders", person_id, fields)
    changes = [change] if change is not None else []
    return changes + growth_changes(editor, account, centre_id, moved)


def dropped_into(account, centre_id: str, pos: tuple[float, float]) -> tuple[float, float]:
    """Where a card dropped into a frame lands: clear of the frame's title and border."""
    centre = account.decision_centre(centre_id)
    return inside(_frame(centre), pos) if centre is not None else pos
