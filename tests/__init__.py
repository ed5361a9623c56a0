"""The test suite, laid out like the package: engine/, exporters/, models/, services/, web/,
api/, plus ops/ (command line, migrations, packaging, serving) and browser/ (Chromium)."""

from pathlib import Path

#: The repository's top folder (pyproject.toml, migrations/, gunicorn.conf.py).
ROOT = Path(__file__).resolve().parent.parent
