"""The reader processes of a portfolio review (storage/review_readers.py): they read from
the last file back while the caller reads from the first; a reader that cannot start or
dies leaves its files to the caller; a stopped review leaves no reader behind."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import pytest

from accountmap.storage import review_readers
from accountmap.storage.file_review import read_in_worker
from accountmap.storage.portfolio_files import load_portfolio

from tests.unit.review_data import sample_folder

TODAY = dt.date(2026, 11, 10)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return sample_folder(tmp_path_factory.mktemp("readers"))


def seen(portfolio):
    return ([(d.review.account_id, [p.name for p in d.files], d.language,
              [f.kind for f in d.review.health.flags]) for d in portfolio.deals],
            [(p.name, e.message("en")) for p, e in portfolio.skipped])


def wait_until_ended(readings, limit=60.0):
    end = time.monotonic() + limit
    while any(p.poll() is None for p in readings._processes):
        assert time.monotonic() < end, "a reader never ended"
        time.sleep(0.02)
    for thread in readings._threads:
        thread.join(limit)


@pytest.mark.parametrize("forked", [True, False])
def test_readers_that_have_read_every_file_give_each_reading(files, forked):
    readings, futures = review_readers.start(files, TODAY, 2, forked)
    try:
        wait_until_ended(readings)
        got = [future.result() for future in futures]
    finally:
        readings.shutdown()
    assert [sorted(i for i, _review in r.reviews) for r in got] == [
        sorted(r.ids) for r in got]  # every account of every file reviewed
    assert [r.ids for r in got] == [
        read_in_worker(path, TODAY).ids for path in files]


def test_a_file_no_reader_has_begun_is_left_to_the_caller(files, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")  # readers that end at once
    readings, futures = review_readers.start(files, TODAY, 2, forked=False)
    try:
        wait_until_ended(readings)
        assert [future.result() for future in futures] == [None] * len(files)
    finally:
        readings.shutdown()


def test_a_review_whose_readers_fail_is_the_same_review(files, monkeypatch):
    alone = seen(load_portfolio(files, TODAY))
    monkeypatch.setattr(sys, "executable", "/bin/false")
    assert seen(load_portfolio(files, TODAY, workers=3, forked=False)) == alone


@pytest.mark.parametrize("forked", [True, False])
def test_a_stopped_review_leaves_no_reader_running(files, forked):
    readings, _futures = review_readers.start(files * 20, TODAY, 2, forked)
    readings.shutdown()  # at once: the readers are still reading
    assert all(process.poll() is not None for process in readings._processes)
    assert not any(thread.is_alive() for thread in readings._threads)


def test_a_cancelled_review_stops_its_readers(files, monkeypatch):
    started = []
    real_start = review_readers.start

    def start(*args):
        readings, futures = real_start(*args)
        started.append(readings)
        return readings, futures

    monkeypatch.setattr(review_readers, "start", start)
    asked = []

    def progress(done, total, name):
        asked.append(done)
        return done < 1  # cancel once the first file is read

    portfolio = load_portfolio(files, TODAY, progress, workers=2, forked=False)
    assert portfolio.cancelled
    assert {d.review.account_id for d in portfolio.deals} == set(
        read_in_worker(files[0], TODAY).ids)
    (readings,) = started
    assert all(process.poll() is not None for process in readings._processes)


@pytest.mark.parametrize("workers", [1, 2])
def test_meanwhile_runs_once_before_this_process_reads(files, workers, monkeypatch):
    import accountmap.storage.portfolio_files as portfolio_files

    events = []
    real_read = portfolio_files.read_file
    monkeypatch.setattr(portfolio_files, "read_file",
                        lambda *args: events.append("read") or real_read(*args))
    portfolio = load_portfolio(files, TODAY, workers=workers,
                               meanwhile=lambda: events.append("meanwhile"))
    assert events[0] == "meanwhile" and events.count("meanwhile") == 1
    assert "read" in events  # this process read the first file itself
    assert seen(portfolio) == seen(load_portfolio(files, TODAY))


class _Pipe:
    """A reader as `Readings` sees one: what it says comes through a pipe."""

    def __init__(self):
        import os

        read_end, write_end = os.pipe()
        self.stdout = open(read_end, "rb")
        self.writer = open(write_end, "wb")
        self.returncode = None

    def say(self, index, reading):
        import pickle

        pickle.dump((index, reading), self.writer)
        self.writer.flush()

    def poll(self):
        return self.returncode

    def kill(self):
        self.writer.close()
        self.returncode = -9

    def wait(self):
        return self.returncode


def _readings_from(pipe):
    import threading

    readings = review_readers.Readings()
    readings._processes.append(pipe)
    thread = threading.Thread(target=readings._collect, args=(pipe,), daemon=True)
    readings._threads.append(thread)
    thread.start()
    return readings


def test_waiting_for_a_file_a_reader_reads_asks_the_progress_and_can_stop():
    pipe = _Pipe()
    readings = _readings_from(pipe)
    pipe.say(0, "begins")
    asked = []

    def ask():
        asked.append(1)
        if len(asked) == 3:
            pipe.say(0, ["the reading"])  # (any picklable reading but a str)
        return True

    time.sleep(0.2)  # the reader's "begins" has arrived
    assert readings.result(0, ask) == ["the reading"]
    assert len(asked) >= 3
    pipe.say(1, "begins")
    time.sleep(0.2)
    assert readings.result(1, lambda: False) is review_readers.STOPPED
    readings.shutdown()
    assert not any(thread.is_alive() for thread in readings._threads)


def test_a_cancel_while_a_reader_reads_ends_the_review(files, monkeypatch):
    def start(paths, today, readers, forked):  # every file but the first one "begun"
        pipe = _Pipe()
        readings = _readings_from(pipe)
        for index in range(1, len(paths)):
            pipe.say(index, "begins")
        time.sleep(0.2)
        return readings, [review_readers.Future(readings, i) for i in range(len(paths))]

    monkeypatch.setattr(review_readers, "start", start)
    asked = []

    def progress(done, total, name):
        asked.append(done)
        return len(asked) < 4  # cancel while waiting for the second file

    portfolio = load_portfolio(files, TODAY, progress, workers=2)
    assert portfolio.cancelled
    assert {d.review.account_id for d in portfolio.deals} == set(read_in_worker(files[0], TODAY).ids)


def test_readers_started_afresh_ignore_a_folder_named_like_the_package(files, tmp_path,
                                                                        monkeypatch):
    """Started where a folder is named like the package (and with paths relative to
    there), a reader still reads with the application's own code."""
    import shutil

    (tmp_path / "ws").mkdir()
    for path in files:
        shutil.copy(path, tmp_path / "ws" / path.name)
    (tmp_path / "accountmap").mkdir()
    (tmp_path / "accountmap" / "__init__.py").write_text("")
    monkeypatch.chdir(tmp_path)
    readings, futures = review_readers.start([Path("ws") / p.name for p in files], TODAY,
                                             1, forked=False)
    try:
        wait_until_ended(readings)
        got = [future.result() for future in futures]
    finally:
        readings.shutdown()
    assert [reading.ids for reading in got] == [read_in_worker(p, TODAY).ids for p in files]


def test_readers_are_few_whatever_the_cores(files):
    readings, futures = review_readers.start(files * 4, TODAY, 64, forked=True)
    try:
        assert len(readings._processes) == review_readers.MOST_READERS
        wait_until_ended(readings)
        got = [future.result() for future in futures]
    finally:
        readings.shutdown()
    assert all(reading is not None for reading in got)  # every file read by one of them
