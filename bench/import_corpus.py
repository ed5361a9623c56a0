"""Import every quiz file of a folder as an editor would, and say what came in.

Usage: .venv/bin/python bench/import_corpus.py FOLDER [--verbose]

Each file (GIFT, Moodle XML, Aiken, QTI item or package, quizapp JSON: the format is told
from the content) is imported through the same service as the editor's upload, into a
throwaway SQLite database, then exported again in every format. One line per file:
questions accepted, questions skipped (with the reasons under --verbose), report lines,
and the outcome: ``ok``, ``refused`` (a readable message, as the editor would see) or
``CRASH`` (any other exception: a bug). The summary counts them all.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from quizapp.formats import FORMATS
from quizapp.models import Question
from quizapp.services.errors import ServiceError
from quizapp.services.exports import export_quiz
from quizapp.services.quiz_files import NothingImportable, import_quiz_file


def format_of(path: Path, data: bytes) -> str:
    """The import format of a file, told from its content (extensions vary too much)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"PK") or b"assessmentItem" in head or b"questestinterop" in head:
        return "qti"
    if head.startswith(b"<") and b"<quiz" in head:
        return "moodle-xml"
    if head.startswith(b"{") and b'"quizapp-quiz"' in data:
        return "json"
    text = data.decode("utf-8", "replace")
    if "ANSWER:" in text and "{" not in text:
        return "aiken"
    return "gift"


def _empty_database() -> None:
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


def _describe(question: Question) -> str:
    """One line per imported question: stem, options (key starred), feedback kept."""
    options = " | ".join(("*" if c.is_correct else "") + c.text[:25] for c in question.choices)
    feedback = sum(1 for c in question.choices if c.feedback)
    rich = "rich " if question.stem_html else ""
    media = f", {len(question.media)} image(s)" if question.media else ""
    general = ", general feedback" if question.explanation else ""
    return (
        f"+ [{question.kind}] {rich}{question.stem[:50]!r}: {options} "
        f"({feedback} option feedback{general}{media})"
    )


def run(folder: Path, verbose: bool) -> int:
    """Import every file under ``folder``; the number of crashes."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".py")
    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/corpus.db",
                "RATELIMIT_ENABLED": False,
            }
        )
        with app.app_context():
            upgrade()
            print(f"{'file':58} {'format':10} {'in':>3} {'skip':>4} {'notes':>5}  outcome")
            for path in files:
                data = path.read_bytes()
                name = format_of(path, data)
                label = str(path.relative_to(folder))
                accepted = skipped = notes = 0
                reasons: list[str] = []
                _empty_database()  # each file alone: files repeating others are not duplicates
                try:
                    quiz = import_quiz_file(data, name)
                    accepted = len(quiz.questions)
                    report = quiz.import_report or []
                    skipped = sum(1 for line in report if ") skipped: " in line)
                    notes = len(report) - skipped
                    reasons = [_describe(q) for q in quiz.questions] + report
                    for other in FORMATS:  # every export of what came in must work
                        export_quiz(quiz.id, other)
                    outcome = "ok"
                except NothingImportable as exc:
                    db.session.rollback()
                    skipped = len(exc.report)
                    reasons = exc.report
                    outcome = "refused: nothing importable"
                except ServiceError as exc:
                    db.session.rollback()
                    outcome = f"refused: {exc}"[:160]
                except Exception:  # noqa: BLE001 - a crash is what the bench looks for
                    db.session.rollback()
                    outcome = "CRASH"
                    reasons = traceback.format_exc().splitlines()[-3:]
                kind = outcome.split(":")[0]
                totals.update(
                    {"files": 1, kind: 1, "accepted": accepted, "skipped": skipped, "notes": notes}
                )
                print(f"{label:58} {name:10} {accepted:3} {skipped:4} {notes:5}  {outcome}")
                if verbose or kind == "CRASH":
                    for line in reasons:
                        print(f"    {line}")
    print()
    print(
        f"{totals['files']} files: {totals['ok']} imported, {totals['refused']} refused, "
        f"{totals['CRASH']} crashed; {totals['accepted']} questions accepted, "
        f"{totals['skipped']} skipped with a reason, {totals['notes']} report notes"
    )
    return totals["CRASH"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verbose", action="store_true", help="print every report line")
    args = parser.parse_args()
    sys.exit(1 if run(args.folder, args.verbose) else 0)


if __name__ == "__main__":
    main()
