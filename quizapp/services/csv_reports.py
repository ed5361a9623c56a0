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

#: A cell a spreadsheet may run as a formula (CSV injection), read after NFKC folding (so the
#: full-width "＝SUM(1,2)" is "=SUM(1,2)"): one that starts with = + - @ (after blanks), or
#: tab or CR, or that has one after a separator of some locale's CSV (, ; tab | or a line
#: break), where that locale would start a new cell.
_FORMULA = re.compile(r"\A[\t\r]|\A\s*[=+\-@]|[,;\t|\r\n]\s*[=+\-@]")
#: Plain numbers ("-0.1234", a negative discrimination) are numbers, not formulas.
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value: object) -> object:
    """``value`` as a CSV cell no spreadsheet runs: a risky text gets a leading ``'``.

    Every text cell is also written quoted (:func:`_rows_to_csv`), so a reader splitting on
    another separator still sees one cell, starting with the ``'``.
    """
    if not isinstance(value, str) or _NUMBER.fullmatch(value):
        return value
    if _FORMULA.search(unicodedata.normalize("NFKC", value)):
        return "'" + value
    return value


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
