"""Importing a quiz file (GIFT, Moodle XML, QTI, Aiken, JSON) as a draft quiz.

A quiz made elsewhere has no article, and every question here must point at the
sentence that proves it. The article of an imported quiz is therefore made of
the questions' evidence sentences (or, failing that, their general feedback),
one per line, in order; each becomes a claim and the evidence span of its question.
"""

from __future__ import annotations

import hashlib
import re

from quizapp.exporters import FORMATS, ExportQuestion, ImportFormatError
from quizapp.extensions import db
from quizapp.models import Article, Choice, Claim, Question, Quiz
from quizapp.services.articles import find_article, slug_for
from quizapp.services.errors import DuplicateArticle, ServiceError
from quizapp.services.exports import KIND_LABELS, MUTATION_FEEDBACK

#: Formats that can be read back.
IMPORTABLE = tuple(name for name, fmt in FORMATS.items() if fmt.parse is not None)

_MUTATION_OF_FEEDBACK = {text: name for name, text in MUTATION_FEEDBACK.items()}
_KIND_OF_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
_KIND_IN_NAME = re.compile(r"\(([^()]+)\)\s*$")


def import_quiz_file(data: bytes, format_name: str, *, publish: bool = False) -> Quiz:
    """Store the quiz in ``data`` (a ``format_name`` file), its article made of its evidence."""
    fmt = FORMATS.get(format_name)
    if fmt is None or fmt.parse is None:
        raise ServiceError(f"Quizzes can be imported from {', '.join(IMPORTABLE)} files.")
    try:
        parsed = fmt.parse(data)
    except ImportFormatError as exc:
        raise ServiceError(f"The file could not be read as {fmt.label}: {exc}") from exc
    if not parsed.questions:
        raise ServiceError("The file has no question.")
    lines: list[str] = []
    for number, question in enumerate(parsed.questions, start=1):
        line = _evidence_line(question)
        if not line:
            raise ServiceError(
                f"Question {number} has neither evidence nor feedback: every question needs the "
                "sentence that proves its answer."
            )
        if line not in lines:
            lines.append(line)
    text = "\n".join(lines) + "\n"
    title = (parsed.title or parsed.article_title or "Imported quiz")[:300]
    # The same evidence makes the same article: a second quiz on it shares the article and its
    # claims; the very same quiz imported again is refused.
    article = find_article(text)
    if article is None:
        article = Article(
            title=(parsed.article_title or title)[:300],
            source_url=parsed.source_url or None,
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
    else:
        wanted = _questions_signature(parsed.questions)
        for other in article.quizzes:
            if _stored_signature(other) == wanted:
                raise DuplicateQuiz(f"This quiz was imported before (quiz {other.id}).", article.id)
    spans = {(c.start, c.end): c for c in article.claims}
    claims: dict[str, Claim] = {}
    offset = 0
    for index, line in enumerate(lines):
        claims[line] = spans.get((offset, offset + len(line))) or Claim(
            article=article,
            text=line,
            start=offset,
            end=offset + len(line),
            sentence_index=index,
            score=0.5,
        )
        offset += len(line) + 1
    quiz = Quiz(
        article=article,
        title=title,
        slug=slug_for(title),
        status="published" if publish else "draft",
        generator_version="",
        seed=0,
    )
    for position, question in enumerate(parsed.questions):
        claim = claims[_evidence_line(question)]
        quiz.questions.append(
            Question(
                claim=claim,
                kind=_kind(question),
                stem=question.stem,
                explanation=question.explanation,
                evidence_start=claim.start,
                evidence_end=claim.end,
                position=position,
                choices=[
                    Choice(
                        text=option.text,
                        is_correct=option.correct,
                        mutation=_mutation(option.correct, option.feedback),
                        position=i,
                    )
                    for i, option in enumerate(question.options)
                ],
            )
        )
    db.session.add(quiz)
    db.session.commit()
    return quiz


class DuplicateQuiz(DuplicateArticle):
    """The same quiz (same questions and options) was imported before."""


def _questions_signature(questions: tuple[ExportQuestion, ...]) -> list[tuple[object, ...]]:
    return [(q.stem, [(o.text, o.correct) for o in q.options]) for q in questions]


def _stored_signature(quiz: Quiz) -> list[tuple[object, ...]]:
    return [(q.stem, [(c.text, c.is_correct) for c in q.choices]) for q in quiz.active_questions]


def _mutation(correct: bool, feedback: str) -> str | None:
    """How a wrong option was made, read back from its feedback (None when nothing says)."""
    if correct or not feedback:
        return None
    return _MUTATION_OF_FEEDBACK.get(feedback, "imported")


def _kind(question: ExportQuestion) -> str:
    """The kind named in the question's name by quizapp's exports, else the closest one."""
    found = _KIND_IN_NAME.search(question.name)
    if found and found.group(1) in _KIND_OF_LABEL:
        return _KIND_OF_LABEL[found.group(1)]
    return "true_false" if question.kind == "true_false" else "fact_recall"


def _evidence_line(question: ExportQuestion) -> str:
    # An article is read line by line: the evidence must be one line.
    return " ".join((question.evidence or question.explanation).split())
