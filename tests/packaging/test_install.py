"""briefing installs as a tool: the wheel built from this checkout, installed into a fresh venv,
works from an empty folder, ships the example knowledge base, and never writes into itself.

Offline and fast: the wheel is built without build isolation (setuptools is pinned in the test
extras), installed with --no-deps into a venv without pip, and that venv finds the
dependencies in the test venv through a .pth file (a directory named in a .pth file is only
added to sys.path: its own .pth files, such as the editable install of this checkout, are not
run, so `import briefing` finds the installed wheel)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import briefing
from tests.conftest import REPO

SEED = REPO / "tests" / "importing" / "seeds" / "002_fa814430e892bf7f.txt"
QUESTION = "wat doet bi als eerste bij een melding"
NOT_SOURCE = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", "tests", "bench-results")


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 300):
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def _tree(folder: Path) -> dict[str, str]:
    """Every file under folder with its hash. __pycache__ is left out: byte-compiling is the
    interpreter's business (pip compiles at install time anyway)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def _build_wheel(tmp: Path, env: dict[str, str]) -> Path:
    source = tmp / "src"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)  # the build writes build/ next to it
    out = tmp / "wheel"
    done = _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
                 "--no-build-isolation", "--wheel-dir", str(out), str(source)], tmp, env)
    assert done.returncode == 0, done.stdout + done.stderr
    wheels = list(out.glob("briefing-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _fresh_venv(tmp: Path, wheel: Path, env: dict[str, str]) -> tuple[Path, Path]:
    """(bin folder, installed package folder) of a new venv with only the wheel in it."""
    home = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     tmp, env).stdout.strip())
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    done = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                 "--no-deps", "--no-index", str(wheel)], tmp, env)
    assert done.returncode == 0, done.stdout + done.stderr
    return home / "bin", site / "briefing"


def test_wheel_installs_and_works_from_an_empty_folder(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "BRIEFING_KB", "PYTHONHOME")}
    env["HOME"] = str(tmp_path / "home")
    (tmp_path / "home").mkdir()
    wheel = _build_wheel(tmp_path, env)

    # The example knowledge base ships whole: every file of knowledge/, byte for byte.
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for path in sorted((REPO / "knowledge").rglob("*")):
            if path.is_file():
                member = f"briefing/voorbeeld/{path.relative_to(REPO / 'knowledge').as_posix()}"
                assert member in names, f"{member} ontbreekt in het wiel"
                assert archive.read(member) == path.read_bytes(), member
        assert not any(n.startswith(("tests/", "knowledge/")) for n in names)
        # ... and so does the code with its styles (a .tcss outside a package is easy to lose).
        for path in sorted((REPO / "briefing").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                member = path.relative_to(REPO).as_posix()
                assert member in names, f"{member} ontbreekt in het wiel"

    bin_dir, package = _fresh_venv(tmp_path, wheel, env)
    briefing_cmd = str(bin_dir / "briefing")
    before = _tree(package)
    assert (package / "voorbeeld" / "dossiers").is_dir()
    empty = tmp_path / "leeg"
    empty.mkdir()
    seed = tmp_path / "aanlevering" / SEED.name
    seed.parent.mkdir()
    shutil.copy(SEED, seed)

    def run(*args: str, **extra: str):
        return _run([briefing_cmd, *args], empty, {**env, **extra}, timeout=120)

    done = _run([str(bin_dir / "python"), "-c", "import briefing; print(briefing.__file__)"],
                empty, env)
    assert Path(done.stdout.strip()).parent == package, done.stdout + done.stderr

    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"briefing {briefing.__version__}"

    # No knowledge base anywhere: the bundled example answers, and says that it is the example.
    done = run("ask", QUESTION, "--limit", "1")
    assert done.returncode == 0, done.stderr
    assert "Bureau Integriteit" in done.stdout
    assert "voorbeeldkennisbank" in done.stderr and "briefing init" in done.stderr

    # The live desk starts headless on the installed example and finds its engine.
    done = _run([str(bin_dir / "python"), "-m", "briefing.bench.startup", "--child",
                 str(package / "voorbeeld")], empty, env, timeout=180)
    assert done.returncode == 0 and '"error": null' in done.stdout, done.stdout + done.stderr

    # Writing into the example is refused, with the way out.
    done = run("import", str(seed))
    assert done.returncode == 1
    assert "voorbeeldkennisbank" in done.stderr and "briefing init" in done.stderr

    done = run("init", "mijn-kennisbank")
    assert done.returncode == 0, done.stderr
    done = run("check", "mijn-kennisbank")
    assert done.returncode == 0 and "in orde" in done.stdout, done.stdout + done.stderr

    done = run("import", str(seed), "--out", "mijn-kennisbank")
    assert done.returncode == 0, done.stderr
    written = sorted((empty / "mijn-kennisbank" / "dossiers").glob("*.yaml"))
    assert len(written) == 1

    # The same document again, also renamed and under another id: refused, naming the file.
    renamed = seed.with_name("kopie.txt")
    shutil.copy(seed, renamed)
    for args in ([str(seed)], [str(renamed), "--id", "andere-naam"]):
        done = run("import", *args, "--out", "mijn-kennisbank")
        assert done.returncode == 1, done.stdout
        assert "al geïmporteerd" in done.stderr and written[0].name in done.stderr
    done = run("import", str(seed), "--out", "mijn-kennisbank", "--force")
    assert done.returncode == 0, done.stderr
    assert sorted((empty / "mijn-kennisbank" / "dossiers").glob("*.yaml")) == written

    # The rule: BRIEFING_KB picks the new knowledge base; no example notice then.
    done = run("ask", "wethouder", "--limit", "1", BRIEFING_KB="mijn-kennisbank")
    assert done.returncode == 0 and "voorbeeld" not in done.stderr, done.stderr
    done = run("check", BRIEFING_KB="mijn-kennisbank")
    assert done.returncode == 0, done.stdout + done.stderr

    assert _tree(package) == before, "briefing heeft in zijn eigen installatie geschreven"
    assert sorted(p.name for p in empty.iterdir()) == ["mijn-kennisbank"]
