"""The installed package runs: the wheel carries its migrations and finds them itself.

``migrations/`` stays at the top of the repository and ships inside the package as
``quizapp/migrations`` (``package-dir`` in pyproject.toml); ``migrations_directory`` finds
whichever of the two exists, through the package, never through the working directory.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tomllib
from contextlib import closing
from pathlib import Path

import pytest

from quizapp.extensions import migrations_directory
from tests import ROOT
from tests.conftest import POSTGRES


def _pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def test_every_package_is_listed_for_the_wheel() -> None:
    """pyproject.toml lists the packages (find cannot add quizapp.migrations): none is missed."""
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "quizapp").rglob("__init__.py")
    }
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    assert listed == found | {"quizapp.migrations"}


def test_the_source_tree_uses_the_top_level_migrations() -> None:
    assert migrations_directory() == ROOT / "migrations"
    assert (migrations_directory() / "env.py").is_file()


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and console script
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.slow
@pytest.mark.skipif(POSTGRES, reason="about packaging, not the database: the SQLite pass runs it")
def test_the_built_wheel_upgrades_and_seeds_outside_the_repository(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh venv, run ``quizapp db upgrade`` and ``seed``.

    What this does, and why:

    * The sources (pyproject.toml, README.md, quizapp/, migrations/) are copied to a temporary
      folder and built there with ``pip wheel --no-deps`` (no new dependency; the build backend
      comes from pip's usual index), so no stale ``build/`` folder of the checkout leaks in.
    * The venv is made with ``venv --without-pip`` and the wheel is installed into it, without
      its dependencies, by this interpreter's pip (``pip --python NEW/bin/python``).
    * The dependencies (Flask, SQLAlchemy, spaCy and its model, ...) are large, so instead of
      installing them again, a ``.pth`` file in the new venv appends the site-packages of the
      interpreter running the tests. A ``.pth`` line only appends a folder to ``sys.path``: the
      ``.pth`` files inside that folder, such as the editable install's finder that points at
      this checkout, are not run, so the repository stays invisible; the test checks that
      ``quizapp`` and its migrations are imported from the new venv.
    * ``quizapp db upgrade && quizapp seed`` run in an empty folder outside the repository, on a
      temporary SQLite database; the package's instance folder is inside the temporary venv.
    """
    src = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("quizapp", "migrations"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, src, cwd=tmp_path)
    (wheel,) = wheels.glob("quizapp-*.whl")

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    pip_install = ["-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index"]
    _run(sys.executable, *pip_install, "-q", wheel, cwd=tmp_path)
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run(python, "-c", purelib, cwd=tmp_path).strip())
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "_quizapp_test_dependencies.pth").write_text("\n".join(ours) + "\n")

    work = tmp_path / "elsewhere"
    work.mkdir()
    assert not work.resolve().is_relative_to(ROOT)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZAPP_", "FLASK_"))}
    env.pop("PYTHONPATH", None)
    database = work / "quizapp.db"
    env["QUIZAPP_SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{database}"

    locate = "import quizapp.extensions as e; print(e.__file__); print(e.migrations_directory())"
    where = _run(python, "-c", locate, cwd=work, env=env)
    module_file, migrations = (Path(line) for line in where.splitlines())
    assert module_file.is_relative_to(site), module_file
    assert migrations == site / "quizapp" / "migrations"

    quizapp_cli = venv / "bin" / "quizapp"
    _run(quizapp_cli, "db", "upgrade", cwd=work, env=env)
    output = _run(quizapp_cli, "seed", cwd=work, env=env)
    assert "Imported the seed article" in output

    with closing(sqlite3.connect(database)) as connection:
        (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        (published,) = connection.execute(
            "SELECT count(*) FROM quiz WHERE status = 'published'"
        ).fetchone()
    assert version and published == 1
