"""Importing a quiz file (GIFT, Moodle XML, QTI, Aiken, JSON) as a draft quiz.

A quiz made elsewhere has no article. The article of an imported quiz is made of the
sentences the file gives: each question's evidence (quizapp's own exports carry it)
or, failing that, its general feedback, one per line, in order; each becomes a claim
and the evidence span of its question. A question with neither is imported
*unsourced*: no claim, an empty evidence span, shown as not fact-checked, reviewed
with the feedback it has. A quiz none of whose questions gives a sentence gets an
empty article of its own: two unrelated imports never share one.

Every supported question of the file is imported (single-answer multiple choice and
true/false); the others are skipped. The import report (skipped questions with their
number, name, type and reason, then what imported questions lost) is stored on the
quiz and shown on its review page; a file with nothing importable is refused with it.
"""

from __future__ import annotations

import hashlib
import json
import re

from quizapp.engine.kinds import QuestionKind
from quizapp.extensions import db
from quizapp.formats import FORMATS, ExportOption, ExportQuestion, ExportQuiz, ImportFormatError
from quizapp.formats.errors import NothingToImport
from quizapp.formats.rich import image_names
from quizapp.models import Article, Choice, Claim, Question, QuestionMedia, Quiz, QuizStatus
from quizapp.models.article import TITLE_MAX
from quizapp.models.quiz import QUESTION_NAME_MAX
from quizapp.services.articles import sha256_of, slug_for
from quizapp.services.errors import DuplicateArticle, ServiceError
from quizapp.services.exports import CORRECT_FEEDBACK, KIND_LABELS, MUTATION_FEEDBACK
from quizapp.services.validation import check_url

#: Formats that can be read back.
IMPORTABLE = tuple(name for name, fmt in FORMATS.items() if fmt.parse is not None)
#: (name, label) of each importable format, for a format picker.
IMPORTABLE_LABELS = tuple((name, FORMATS[name].label) for name in IMPORTABLE)
#: The title of the empty article of an imported quiz that gives no sentence at all.
NO_ARTICLE_TITLE = "No article: imported without evidence"

_MUTATION_OF_FEEDBACK = {text: name for name, text in MUTATION_FEEDBACK.items()}
_KIND_OF_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
#: The names quizapp's exports give ("Q3 (claim verification)"): they carry the kind.
_EXPORT_NAME = re.compile(r"^Q\d+ \(([^()]+)\)$")
# NUL cannot be stored by PostgreSQL; lone surrogates cannot be encoded at all.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class NothingImportable(ServiceError):
    """A readable file none of whose questions can be imported; ``report`` says why."""

    status_code = 422

    def __init__(self, message: str, report: list[str]) -> None:
        super().__init__(message)
        self.report = report


class DuplicateQuiz(DuplicateArticle):
    """The same quiz (same questions and options) was imported before."""


def import_quiz_file(data: bytes, format_name: str, *, publish: bool = False) -> Quiz:
    """Store the importable questions of ``data`` (a ``format_name`` file) as a new quiz.

    The quiz's ``import_report`` lists what was skipped or lost (None when nothing was).
    Raises :class:`ServiceError` for an unreadable file or a bad source URL,
    :class:`NothingImportable` when no question can be imported and
    :class:`DuplicateQuiz` when the very same quiz was imported before.
    """
    fmt = FORMATS.get(format_name)
    if fmt is None or fmt.parse is None:
        raise ServiceError(f"Quizzes can be imported from {', '.join(IMPORTABLE)} files.")
    try:
        parsed = fmt.parse(data)
    except NothingToImport as exc:
        report = [s.describe() for s in exc.skipped]
        raise NothingImportable(
            f"No question of this {fmt.label} file can be imported: only single-answer "
            "multiple-choice and true/false questions can.",
            report,
        ) from exc
    except ImportFormatError as exc:
        raise ServiceError(f"The file could not be read as {fmt.label}: {exc}") from exc
    if not parsed.questions:
        raise ServiceError("The file has no question.")
    _check_storable(parsed)
    source_url = check_url(parsed.source_url, "The file's source URL")

    lines: list[str] = []
    for question in parsed.questions:
        line = _evidence_line(question)
        if line and line not in lines:
            lines.append(line)
    text = "\n".join(lines) + "\n" if lines else ""
    title = (parsed.title or parsed.article_title or "Imported quiz")[:TITLE_MAX]
    # The same evidence makes the same article: a second quiz on it shares the article and its
    # claims. A quiz without sentences gets an empty article of its own, keyed by its questions.
    # Either way the very same quiz imported again is refused.
    wanted = _questions_signature(parsed.questions)
    key = _article_key(text, wanted)
    article = db.session.execute(
        db.select(Article).where(Article.sha256 == key)
    ).scalar_one_or_none()
    if article is None:
        article = Article(
            title=(parsed.article_title or title)[:TITLE_MAX] if text else NO_ARTICLE_TITLE,
            source_url=source_url if text else None,
            text=text,
            sha256=key,
        )
    else:
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
    report = parsed.report()
    quiz = Quiz(
        article=article,
        title=title,
        slug=slug_for(title),
        status=QuizStatus.PUBLISHED if publish else QuizStatus.DRAFT,
        generator_version="",
        seed=0,
        import_report=report or None,
    )
    for position, question in enumerate(parsed.questions):
        claim = claims.get(_evidence_line(question))
        quiz.questions.append(
            Question(
                claim=claim,
                kind=_kind(question),
                name=_name(question),
                stem=question.stem,
                stem_html=question.stem_html or None,
                explanation=question.explanation,
                explanation_html=question.explanation_html or None,
                evidence_start=claim.start if claim else 0,
                evidence_end=claim.end if claim else 0,
                position=position,
                choices=[_choice(option, i) for i, option in enumerate(question.options)],
                media=_media(question),
            )
        )
    db.session.add(quiz)
    db.session.commit()
    return quiz


def _check_storable(parsed: ExportQuiz) -> None:
    texts = [parsed.title, parsed.source_url, parsed.article_title]
    for question in parsed.questions:
        texts += [question.stem, question.explanation, question.evidence, question.name]
        texts += [question.stem_html, question.explanation_html]
        texts += [
            t for o in question.options for t in (o.text, o.feedback, o.text_html, o.feedback_html)
        ]
    if any(_UNSTORABLE.search(text) for text in texts):
        raise ServiceError(
            "The file contains characters that cannot be stored (NUL or a lone surrogate)."
        )


def _media(question: ExportQuestion) -> list[QuestionMedia]:
    """The images the question's rich HTML shows (the others are not stored)."""
    html = [question.stem_html, question.explanation_html]
    html += [h for o in question.options for h in (o.text_html, o.feedback_html)]
    shown = {name for fragment in html for name in image_names(fragment)}
    return [
        QuestionMedia(
            name=m.name,
            mimetype=m.mimetype,
            size=len(m.data),
            sha256=hashlib.sha256(m.data).hexdigest(),
            data=m.data,
        )
        for m in question.media
        if m.name in shown
    ]


def _choice(option: ExportOption, position: int) -> Choice:
    """An imported option; feedback that quizapp writes itself is read back as such."""
    mutation = None
    feedback: str | None = option.feedback
    if option.correct and option.feedback == CORRECT_FEEDBACK:
        feedback = None
    elif not option.correct and option.feedback in _MUTATION_OF_FEEDBACK:
        mutation, feedback = _MUTATION_OF_FEEDBACK[option.feedback], None
    elif not option.correct and option.feedback:
        mutation = "imported"
    return Choice(
        text=option.text,
        text_html=option.text_html or None,
        is_correct=option.correct,
        mutation=mutation,
        feedback=feedback,
        feedback_html=(option.feedback_html or None) if feedback is not None else None,
        position=position,
    )


def _article_key(text: str, signature: list[tuple[object, ...]]) -> str:
    """The ``sha256`` an imported quiz's article is stored under.

    An article with text is keyed by its text (as every article is); an empty one by the
    quiz's questions, so that only the very same quiz would find it again.
    """
    if text:
        return sha256_of(text)
    return sha256_of(json.dumps(["quizapp: imported quiz without sentences", signature]))


def _questions_signature(questions: tuple[ExportQuestion, ...]) -> list[tuple[object, ...]]:
    return [(q.stem, [(o.text, o.correct) for o in q.options]) for q in questions]


def _stored_signature(quiz: Quiz) -> list[tuple[object, ...]]:
    return [(q.stem, [(c.text, c.is_correct) for c in q.choices]) for q in quiz.active_questions]


def _kind(question: ExportQuestion) -> str:
    """The kind a quizapp export names, if the question's structure allows it.

    True/false comes only from the structure: a multiple-choice question named
    "… (true/false)" stays multiple choice, so every export of it still works.
    """
    if question.kind == "true_false":  # the file's structure (exporters' own kinds)
        return QuestionKind.TRUE_FALSE
    found = _EXPORT_NAME.match(question.name)
    kind = _KIND_OF_LABEL.get(found.group(1)) if found else None
    return (
        kind if kind is not None and kind != QuestionKind.TRUE_FALSE else QuestionKind.FACT_RECALL
    )


def _name(question: ExportQuestion) -> str:
    """The source's name for the question; quizapp's own "Q3 (kind)" names are rebuilt."""
    if _EXPORT_NAME.match(question.name):
        return ""
    return question.name.strip()[:QUESTION_NAME_MAX]


def _evidence_line(question: ExportQuestion) -> str:
    # An article is read line by line: the evidence must be one line.
    return " ".join((question.evidence or question.explanation).split())
