"""Quiz exports to the formats learning platforms use (GIFT, Moodle XML, Aiken, QTI, JSON)."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.engine.kinds import REGISTRY, QuestionKind
from quizapp.extensions import db
from quizapp.formats import (
    FORMATS,
    TRUE_FALSE,
    ExportOption,
    ExportQuestion,
    ExportQuiz,
    InvalidQuizError,
)
from quizapp.formats.model import FALSE_TEXT, TRUE_TEXT
from quizapp.formats.rich import MediaFile
from quizapp.models import Choice, Question, Quiz
from quizapp.services.errors import NotFound, ServiceError

#: The names of the formats a quiz can be exported in ("gift", "moodle-xml", ...).
EXPORT_FORMATS = tuple(FORMATS)

#: What a wrong option's feedback says about how it differs from the article.
MUTATION_FEEDBACK = {
    "number": "The article gives a different number.",
    "date": "The article gives a different date.",
    "entity": "The article names someone or something else here.",
    "two_facts": "The article gives other figures or names here.",
    "attribution": "Someone else in the article, not the person who said this.",
    "negation": "The article says the opposite: this statement negates it.",
    "antonym": "The article says the opposite: a word was replaced by its antonym.",
    "comparison": "The article makes the opposite comparison.",
    "quantifier": "The article says how many differently (all, some, only…).",
    "article_entity": "The article names this elsewhere, but not as the answer here.",
    "article_number": "This figure appears elsewhere in the article, not as the answer here.",
    "number_perturbation": "This figure is the article's, changed.",
    "typed_list": "The article does not say this.",
    "editor": "An editor wrote this wrong option.",
    "verdict": "The editors gave this claim another verdict.",
    "imported": "A wrong option from an imported quiz.",
}

#: What a key's feedback says when the quiz gives none of its own.
CORRECT_FEEDBACK = "Correct."

#: Question kinds travel in the question's name, e.g. "Q3 (claim verification)", which GIFT,
#: Moodle XML, QTI and JSON all keep, so a quiz exported and imported again keeps its kinds.
KIND_LABELS = {name: kind.label for name, kind in REGISTRY.items()}


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    filename: str
    mimetype: str
    #: What the format cannot carry so that the file reads back the same (may be empty).
    warnings: tuple[str, ...] = ()


def quiz_to_export(quiz: Quiz) -> ExportQuiz:
    """The quiz's active questions as the exporters' plain data."""
    return ExportQuiz(
        title=quiz.title,
        questions=tuple(
            _question(q, number) for number, q in enumerate(quiz.active_questions, start=1)
        ),
        source_url=quiz.article.source_url or "",
        article_title=quiz.article.title,
    )


def export_quiz(quiz_id: int, format_name: str) -> ExportFile:
    """Export a quiz in one format; unknown quiz → NotFound, unknown format → ServiceError."""
    fmt = FORMATS.get(format_name)
    if fmt is None:
        raise ServiceError(
            f"Unknown export format {format_name!r}; choose one of {', '.join(FORMATS)}."
        )
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None:
        raise NotFound(f"There is no quiz {quiz_id}.")
    plain = quiz_to_export(quiz)
    if not plain.questions:
        raise ServiceError("This quiz has no active question to export.")
    try:
        data = fmt.export(plain)
    except InvalidQuizError as exc:
        # quiz_to_export gives every format what it can hold, so this is a fault of ours:
        # said plainly, never a traceback.
        raise ServiceError(f"This quiz cannot be exported as {fmt.label}: {exc}.") from exc
    warnings = tuple(fmt.warnings(plain)) if fmt.warnings else ()
    return ExportFile(data, fmt.filename(plain), fmt.mimetype, warnings)


def _question(question: Question, number: int) -> ExportQuestion:
    kind = _export_kind(question)
    explanation = question.explanation
    evidence = question.evidence_text
    if " ".join(explanation.split()) == " ".join(evidence.split()):
        # The general feedback was the evidence (an imported quiz): carried once, not twice.
        evidence = ""
    return ExportQuestion(
        stem=question.stem,
        options=tuple(
            ExportOption(
                text=c.text,
                correct=c.is_correct,
                feedback=_feedback(c),
                text_html=c.text_html or "",
                feedback_html=(c.feedback_html or "") if c.feedback is not None else "",
            )
            for c in question.choices
        ),
        kind=TRUE_FALSE if kind == QuestionKind.TRUE_FALSE else "multiple_choice",
        explanation=explanation,
        evidence=evidence,
        name=question.name or f"Q{number} ({KIND_LABELS.get(kind, kind)})",
        stem_html=question.stem_html or "",
        explanation_html=question.explanation_html or "",
        media=tuple(MediaFile(m.name, m.mimetype, m.data) for m in question.media),
    )


def _export_kind(question: Question) -> str:
    """The stored kind, unless the options say otherwise: true/false needs True and False."""
    if question.kind != QuestionKind.TRUE_FALSE:
        return question.kind
    texts = sorted(c.text.strip().casefold() for c in question.choices)
    if texts == sorted([TRUE_TEXT.casefold(), FALSE_TEXT.casefold()]):
        return QuestionKind.TRUE_FALSE
    return QuestionKind.FACT_RECALL


def _feedback(choice: Choice) -> str:
    """The option's own feedback, else what quizapp says about how it was made."""
    if choice.feedback is not None:
        return choice.feedback
    if choice.is_correct:
        return CORRECT_FEEDBACK
    return MUTATION_FEEDBACK.get(choice.mutation or "", "")
