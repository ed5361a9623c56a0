"""CSV exports of attempts and item statistics, streamed row by row."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import groupby

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response
from quizapp.services.stats import quiz_stats

#: What starts a formula in a spreadsheet cell (after NFKC folding: the full-width "＝" too).
FORMULA_START = frozenset("=+-@")
#: What ends a cell in some locale's reading of a CSV file: after one of these, a new cell
#: (and so a formula) may start.
SEPARATORS = frozenset(",;\t|\r\n")
#: ASCII text with none of the risks below (most cells): kept as it is without a closer look.
_ASCII_RISK = re.compile(r"\A[\t\r]|(?:\A|[,;\t|\r\n])\s*[=+\-@]")
#: Plain numbers ("-0.1234", a negative discrimination) are numbers, not formulas.
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def safe_cell(value: object) -> object:
    """``value`` as a CSV cell that no spreadsheet, in any locale, runs as a formula.

    A ``'`` goes before every character that could start one: at the start of the cell, or
    after a separator of some locale (blanks between count as nothing), whether it is ASCII
    ("=", "+", "-", "@") or a full-width or other form that folds to one ("＝SUM(1,2)").
    A cell starting with a tab or CR gets one too. Text cells are also written quoted
    (:func:`_rows_to_csv`).
    """
    if not isinstance(value, str) or _NUMBER.fullmatch(value):
        return value
    if value.isascii() and not _ASCII_RISK.search(value):
        return value
    out = ["'"] if value[:1] in ("\t", "\r") else []
    cell_starts = True
    for char in value:
        folded = unicodedata.normalize("NFKC", char)
        if cell_starts and folded[:1] in FORMULA_START:
            out.append("'")
        out.append(char)
        if folded in SEPARATORS:
            cell_starts = True
        elif not folded.isspace():
            cell_starts = False
    return "".join(out)


def _rows_to_csv(rows: Iterator[Sequence[object]]) -> Iterator[str]:
    buffer = io.StringIO()
    # Texts quoted, numbers not: a quoted cell is one cell whatever separator a locale uses.
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def attempts_csv(quiz: Quiz) -> Iterator[str]:
    """One row per attempt, one column per active question (its item score 1 or 0)."""
    questions = quiz.active_questions

    def rows() -> Iterator[Sequence[object]]:
        yield ["attempt_id", "name", "finished_at", "score", "total"] + [
            f"Q{i} (id {q.id})" for i, q in enumerate(questions, start=1)
        ]
        # One query: each attempt joined to its right answers, grouped as it streams.
        right_answers = db.session.execute(
            db.select(Attempt.id, Attempt.name, Attempt.finished_at, Response.question_id)
            .outerjoin(
                Response,
                (Response.attempt_id == Attempt.id) & Response.is_correct.is_(True),
            )
            .where(Attempt.quiz_id == quiz.id, Attempt.retake_of_id.is_(None))
            .order_by(Attempt.id)
            .execution_options(yield_per=2000)
        )
        for (attempt_id, name, finished_at), group in groupby(
            right_answers, key=lambda row: (row[0], row[1], row[2])
        ):
            right = {row[3] for row in group}
            items = [1 if q.id in right else 0 for q in questions]
            yield [attempt_id, name, finished_at.isoformat(), sum(items), len(questions), *items]

    return _rows_to_csv(rows())


def items_csv(quiz: Quiz) -> Iterator[str]:
    """One row per question: facility, discrimination, SD, flags and each option's count."""
    stats = quiz_stats(quiz)

    def fmt(value: float | None) -> str:
        return "" if value is None else f"{value:.4f}"

    def rows() -> Iterator[Sequence[object]]:
        yield [
            "position",
            "question_id",
            "kind",
            "stem",
            "facility",
            "discrimination",
            "sd",
            "flags",
            "option",
            "option_text",
            "correct",
            "mutation",
            "count",
            "share",
        ]
        for q in stats.questions:
            for letter, option in zip("ABCDEFGH", q.options, strict=False):
                yield [
                    q.position + 1,
                    q.id,
                    q.kind,
                    q.stem,
                    fmt(q.facility),
                    fmt(q.discrimination),
                    fmt(q.sd),
                    "; ".join(q.flags),
                    letter,
                    option.text,
                    int(option.correct),
                    option.mutation or "",
                    option.count,
                    fmt(option.share),
                ]

    return _rows_to_csv(rows())
