"""Output files (JSON, CSV, PDF) are written whole or not at all."""

from __future__ import annotations

import os

import pytest

from accountmap.storage import atomic_write
from accountmap.storage.atomic_write import write_atomically


def test_writes_and_replaces_leaving_no_temporary_file(tmp_path):
    target = tmp_path / "план.pdf"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["план.pdf"]


def test_a_failure_midway_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "export.json"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_raises_and_writes_nothing(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OSError):
            write_atomically(folder / "brief.pdf", b"x")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
