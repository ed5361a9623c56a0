"""Quiz exports to the formats learning platforms use (GIFT, Moodle XML, Aiken, QTI, JSON)."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.exporters import FORMATS, ExportOption, ExportQuestion, ExportQuiz
from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services.errors import NotFound, ServiceError

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

#: Question kinds travel in the question's name, e.g. "Q3 (claim verification)", which GIFT,
#: Moodle XML, QTI and JSON all keep, so a quiz exported and imported again keeps its kinds.
KIND_LABELS = {
    "fact_recall": "fact recall",
    "claim_verification": "claim verification",
    "attribution": "attribution",
    "true_false": "true/false",
    "verdict": "verdict",
}


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    filename: str
    mimetype: str


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
    return ExportFile(fmt.export(plain), fmt.filename(plain), fmt.mimetype)


def _question(question: Question, number: int) -> ExportQuestion:
    return ExportQuestion(
        stem=question.stem,
        options=tuple(
            ExportOption(
                text=c.text,
                correct=c.is_correct,
                feedback="Correct."
                if c.is_correct
                else MUTATION_FEEDBACK.get(c.mutation or "", ""),
            )
            for c in question.choices
        ),
        kind="true_false" if question.kind == "true_false" else "multiple_choice",
        explanation=question.explanation,
        evidence=question.evidence_text,
        name=f"Q{number} ({KIND_LABELS.get(question.kind, question.kind)})",
    )
