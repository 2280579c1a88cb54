"""document/collector.py: holds on the garbage collector are counted, so an account's build
and a PDF build may overlap in any order; it runs again only when the last ends, and only
if it ran when the first began (start-up's own pause is kept)."""

from __future__ import annotations

import gc

import pytest

from accountmap.document import collector


@pytest.mark.parametrize("enabled", [True, False])
def test_overlapping_holds_give_the_collector_back_as_it_was(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        collector.hold()  # a PDF build starts
        with collector.paused():  # an account's pages are built meanwhile
            assert not gc.isenabled()
        assert not gc.isenabled()  # the PDF worker still runs
        collector.release()
        assert gc.isenabled() is enabled
        with collector.paused():
            collector.hold()  # the other order
        assert not gc.isenabled()
        collector.release()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_what_is_made_while_frozen_joins_the_frozen_objects_only_while_they_are():
    class Thing:
        pass

    def young(thing) -> bool:
        return any(o is thing for o in gc.get_objects())

    try:
        collector.freeze()
        made = Thing()
        collector.keep_frozen()
        assert not young(made)
        collector.unfreeze()
        later = Thing()
        collector.keep_frozen()  # nothing frozen now: nothing to join
        assert young(later) and gc.get_freeze_count() == 0
    finally:
        collector.unfreeze()


def test_collect_garbage_finds_frozen_garbage_and_freezes_the_rest_again():
    import weakref

    class Thing:
        pass

    full: list = []

    def seen(phase, info) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(info)

    collector.collect_garbage()  # what an earlier test released goes first
    gc.callbacks.append(seen)
    try:
        collector.freeze()  # the first account shown: nothing was closed before it
        collector.collect_garbage()
        assert full == []  # nothing to find: no collection
        kept = Thing()
        cycle = Thing()
        cycle.me = cycle  # garbage only a collection finds
        gone = weakref.ref(cycle)
        collector.keep_frozen()  # both among the account's frozen objects
        del cycle
        collector.unfreeze()  # the account closed (a switch)...
        collector.freeze()  # ...and the next one built: the garbage frozen with it
        gc.collect()  # a collection does not see frozen objects
        assert gone() is not None
        with collector.paused():  # a PDF is built on the worker thread: not now
            collector.collect_garbage()
        assert gone() is not None
        collector.collect_garbage()
        assert gone() is None
        assert not any(o is kept for o in gc.get_objects()) and gc.get_freeze_count()
    finally:
        gc.callbacks.remove(seen)
        collector.unfreeze()
