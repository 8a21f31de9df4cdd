"""The editor's page ships in the wheel: build it, install it into a fresh virtual environment, and
serve the page from there (a page file left out of the package data would only show up here)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from editor_support import aligned_po, running_editor

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "src" / "editflow" / "editor" / "static"


def _source_tree(dest: Path) -> Path:
    """What `pip wheel .` reads, copied, so that building leaves nothing in the working tree."""
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, dest / name)
    shutil.copytree(REPO / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return dest


def test_wheel_installed_in_a_fresh_venv_serves_the_page(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    source = _source_tree(tmp_path / "source")
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-w", str(dist)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next(dist.glob("editflow-*.whl"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # editflow itself comes from the wheel; its dependencies from this environment (a plain path
    # entry, so that the editable install's own .pth there is not read).
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "editflow-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import editflow.editor; print(editflow.editor.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    po = aligned_po(tmp_path / "desk")
    with running_editor(po, python=str(python), cwd=tmp_path) as ed:
        status, page = ed.request("GET", f"/?token={ed.token}", token=False)
        assert status == 200 and "/static/editor.js" in page
        for name in ("editor.js", "keys.js", "editor.css"):
            status, text = ed.request("GET", f"/static/{name}?token={ed.token}", token=False)
            assert status == 200 and text == (STATIC / name).read_text(encoding="utf-8"), name
        assert len(ed.state()["rows"]) > 5
        code, _ = ed.stop()
    assert code == 0, ed.stderr
