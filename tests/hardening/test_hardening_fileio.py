"""write_atomic: only regular files are replaced; modes are kept or follow the umask; temp files
of a killed writer do not linger."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.fileio import NotARegularFile, write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_file_follows_the_umask(tmp_path, umask_022):
    target = tmp_path / "nieuw.yaml"
    write_atomic(target, "titel: x\n")
    assert mode(target) == 0o644
    old = os.umask(0o077)
    try:
        write_atomic(tmp_path / "privé.yaml", "titel: x\n")
    finally:
        os.umask(old)
    assert mode(tmp_path / "privé.yaml") == 0o600


def test_replaced_file_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "bestaand.yaml"
    target.write_text("oud\n")
    os.chmod(target, 0o640)
    write_atomic(target, "nieuw\n")
    assert target.read_text() == "nieuw\n" and mode(target) == 0o640
    os.chmod(target, 0o664)
    write_atomic(target, "nog nieuwer\n")
    assert mode(target) == 0o664


def test_private_files_are_0600(tmp_path, umask_022):
    target = tmp_path / "klembord.txt"
    write_atomic(target, "geheim\n", private=True)
    assert mode(target) == 0o600


def test_import_force_keeps_a_0644_dossier_0644(kb_copy, tmp_path, umask_022, capsys):
    source = tmp_path / "annotatie.txt"
    source.write_text("Onderwerp: Parkeren binnenstad\n\nKernboodschap\n\n- De tarieven stijgen.\n",
                      encoding="utf-8")
    assert main(["import", str(source), "--out", str(kb_copy), "--id", "parkeren"]) == 0
    target = kb_copy / "dossiers" / "parkeren.yaml"
    assert mode(target) == 0o644
    os.chmod(target, 0o644)
    assert main(["import", str(source), "--out", str(kb_copy), "--id", "parkeren", "--force"]) == 0
    assert mode(target) == 0o644


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.html"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("geen FIFO's op dit systeem")
        os.mkfifo(path)
    elif kind == "symlink":
        (tmp_path / "echt.html").write_text("<p>van iemand anders</p>")
        path.symlink_to(tmp_path / "echt.html")
    elif kind == "map":
        path.mkdir()
    return path


@pytest.mark.parametrize("kind", ["fifo", "symlink", "map"])
def test_only_a_regular_file_is_ever_replaced(tmp_path, kind):
    path = _special(tmp_path, kind)
    before = os.lstat(path).st_mode
    for overwrite in (True, False):
        with pytest.raises(NotARegularFile):
            write_atomic(path, "x", overwrite=overwrite)
    assert os.lstat(path).st_mode == before
    if kind == "symlink":
        assert (tmp_path / "echt.html").read_text() == "<p>van iemand anders</p>"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_export_force_refuses_a_special_file(bundled_kb, tmp_path, capsys, kind):
    # The same check that keeps `--out /dev/null --force` from replacing /dev/null (a device
    # cannot be made in a test without root; a FIFO and a symlink go through the same check).
    path = _special(tmp_path, kind)
    before = os.lstat(path).st_mode
    code = main(["export", "motie-780", "--kb", str(bundled_kb), "--out", str(path), "--force"])
    assert code == 1
    err = capsys.readouterr().err
    assert "alleen een gewoon bestand wordt overschreven" in err
    assert os.lstat(path).st_mode == before


def test_export_force_still_replaces_a_regular_file(bundled_kb, tmp_path, capsys):
    out = tmp_path / "motie.html"
    out.write_text("oud")
    assert main(["export", "motie-780", "--kb", str(bundled_kb), "--out", str(out), "--force"]) == 0
    assert "<html" in out.read_text()


def test_stale_temp_files_of_the_target_are_removed(tmp_path):
    target = tmp_path / "motie.yaml"
    stale = tmp_path / ".motie.yaml.k2j3h4g5.tmp"
    fresh = tmp_path / ".motie.yaml.abcd1234.tmp"
    other = tmp_path / ".andere.yaml.k2j3h4g5.tmp"
    for path in (stale, fresh, other):
        path.write_text("half")
    old = os.stat(stale).st_mtime - 3600
    for path in (stale, other):
        os.utime(path, (old, old))
    write_atomic(target, "titel: x\n")
    assert not stale.exists()
    assert fresh.exists(), "a write in progress is left alone"
    assert other.exists(), "only temp files of the same target"
