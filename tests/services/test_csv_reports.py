"""CSV exports: no cell that a spreadsheet, in any locale, would run as a formula (issue 11,
finding 13)."""

from __future__ import annotations

import csv
import io

import pytest
from flask.testing import FlaskClient

from quizapp.models import Quiz
from quizapp.services.csv_reports import safe_cell
from tests.factories import make_quiz, submit_attempt

#: What a spreadsheet starts a formula with, once full-width forms are folded.
TRIGGERS = ("=", "+", "-", "@")

#: (value, as written)
HOSTILE = [
    "=1+1",
    "+1",
    "-1+1",
    "@SUM(1,2)",
    "\t=1",
    "\r=1",
    " =1+1",
    "＝SUM(1,2)",  # full-width equals sign (U+FF1D)
    "＋1",
    "－1+1",
    "＠A1",
    "a;=1+1;b",
    "a,=1+1",
    "a\t=1+1",
    "a|+1",
    "a\n=1+1",
    "a; ＝1+1",
]


def _dangerous(cell: str) -> bool:
    import unicodedata

    folded = unicodedata.normalize("NFKC", cell)
    return folded.lstrip().startswith(TRIGGERS) or folded[:1] in ("\t", "\r")


WRITTEN = {
    "=1+1": "'=1+1",
    "+1": "'+1",
    "-1+1": "'-1+1",
    "@SUM(1,2)": "'@SUM(1,2)",
    "\t=1": "'\t'=1",
    "\r=1": "'\r'=1",
    " =1+1": " '=1+1",
    "＝SUM(1,2)": "'＝SUM(1,2)",
    "＋1": "'＋1",
    "－1+1": "'－1+1",
    "＠A1": "'＠A1",
    "a;=1+1;b": "a;'=1+1;b",
    "a,=1+1": "a,'=1+1",
    "a\t=1+1": "a\t'=1+1",
    "a|+1": "a|'+1",
    "a\n=1+1": "a\n'=1+1",
    "a; ＝1+1": "a; '＝1+1",
}


@pytest.mark.parametrize("value", HOSTILE)
def test_risky_text_is_prefixed(value: str) -> None:
    assert safe_cell(value) == WRITTEN[value]


@pytest.mark.parametrize("value", ["Ada", "-0.1234", "0.5000", "x-y", "a, b", 3, None])
def test_plain_values_are_kept(value: object) -> None:
    assert safe_cell(value) == value


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_no_cell_starts_a_formula_whatever_the_separator(
    editor_client: FlaskClient, separator: str
) -> None:
    """The file read back with each locale's separator: every cell it yields is safe."""
    quiz: Quiz = make_quiz()
    for number, name in enumerate(HOSTILE):
        submit_attempt(
            quiz, name.replace("\n", " ").strip() or "x", {}, submission_id=f"csv-row-{number:04}"
        )
    body = editor_client.get(f"/editor/quizzes/{quiz.id}/attempts.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body), delimiter=separator))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if _dangerous(cell)]
    if separator == ",":
        names = [row[1] for row in rows[1:]]
        assert "a;'=1+1;b" in names and "'＝SUM(1,2)" in names
