"""Editors' changes to a quiz: edit, delete, reorder, regenerate, add, publish.

A quiz that already has attempts is never rewritten under them: an edited or
deleted question is retired (kept for old attempts' reviews and scores) and an
edited one is replaced by a new question at the same position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizapp.engine.kinds import QuestionKind
from quizapp.engine.select import answers_lean
from quizapp.extensions import db
from quizapp.formats.model import FALSE_TEXT, TRUE_TEXT
from quizapp.models import (
    Attempt,
    Choice,
    Claim,
    DisplayMode,
    Question,
    QuestionMedia,
    QuestionStatus,
    Quiz,
    QuizStatus,
    StepwiseAttempt,
)
from quizapp.services.articles import question_from_engine
from quizapp.services.errors import ServiceError

if TYPE_CHECKING:
    from quizapp.engine.types import Question as EngineQuestion


class GateRejected(ServiceError):
    """The edited question fails the quality gate; ``reasons`` lists why."""

    status_code = 400

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("The question does not pass the quality gate: " + "; ".join(reasons) + ".")
        self.reasons = reasons


def has_attempts(quiz: Quiz) -> bool:
    """Whether anyone has answered this quiz, or is answering it one question at a time (then
    its questions are retired, not rewritten: an answer given, and the key it was shown, stay
    with the question they were about)."""
    answered = db.select(Attempt.id).where(Attempt.quiz_id == quiz.id)
    under_way = db.select(StepwiseAttempt.id).where(StepwiseAttempt.quiz_id == quiz.id)
    return db.session.execute(answered.union_all(under_way).limit(1)).first() is not None


@dataclass(frozen=True)
class AnswerLean:
    """A quiz's true/false questions that share one answer: ``side`` ("True" or "False") is the
    answer of ``len(questions)`` of its ``total`` true/false questions; ``questions`` pairs each
    one's number in the quiz (from 1) with its id. ``to_edit`` of them made into statements of
    the other answer, or ``to_delete`` of them deleted, end the lean."""

    side: str
    total: int
    questions: tuple[tuple[int, int], ...]
    to_edit: int
    to_delete: int


def true_false_lean(quiz: Quiz) -> AnswerLean | None:
    """The side a quiz's true/false answers lean to, if they lean enough to be guessed (the
    engine's rule, :func:`quizapp.engine.select.answers_lean`, which generation also follows
    where it can). A key is read as a quiz file may write it ("true", " TRUE ")."""
    sides = {text.casefold(): text for text in (TRUE_TEXT, FALSE_TEXT)}
    by_side: dict[str, list[tuple[int, int]]] = {text: [] for text in sides.values()}
    for number, q in enumerate(quiz.active_questions, start=1):
        key = q.correct_choice
        side = sides.get(key.text.strip().casefold()) if key else None
        if q.kind == QuestionKind.TRUE_FALSE and side is not None:
            by_side[side].append((number, q.id))
    total = sum(len(v) for v in by_side.values())
    side = max(by_side, key=lambda k: len(by_side[k]))
    same = len(by_side[side])
    if not answers_lean(same, total):
        return None
    to_edit = next(k for k in range(1, same + 1) if not answers_lean(same - k, total))
    to_delete = next(k for k in range(1, same + 1) if not answers_lean(same - k, total - k))
    return AnswerLean(side, total, tuple(by_side[side]), to_edit, to_delete)


def check(
    quiz: Quiz, kind: str, stem: str, options: Sequence[tuple[str, bool]], span: tuple[int, int]
) -> list[str]:
    """The quality gate's reasons against this question, as generation applies them."""
    from quizapp.engine.gate import check_question

    return check_question(kind, stem, list(options), span, quiz.article.text)


def edit_problems(question: Question, stem: str, options: Sequence[tuple[str, bool]]) -> list[str]:
    """What the quality gate refuses in this edit of ``question`` (nothing is saved): the
    check :func:`update_question` makes, for a preview too."""
    from quizapp.engine.gate import R_EVIDENCE

    span = (question.evidence_start, question.evidence_end)
    reasons = check(question.quiz, question.kind, stem, options, span)
    if not question.is_sourced:
        # Imported without evidence: it stays unsourced (and marked so) when edited.
        reasons = [reason for reason in reasons if reason != R_EVIDENCE]
    return reasons


def update_question(
    question: Question,
    *,
    stem: str,
    options: Sequence[tuple[str, bool]],
    explanation: str,
) -> Question:
    """Save an edited question (gate-checked). Returns the question now in the quiz."""
    quiz = question.quiz
    reasons = edit_problems(question, stem, options)
    if reasons:
        raise GateRejected(reasons)
    mutations = {c.text: c.mutation for c in question.choices}
    feedback = {c.text: (c.feedback, c.feedback_html) for c in question.choices}
    # Formatting a quiz file gave (rich HTML) stays with each text the editor left as it was.
    text_html = {c.text: c.text_html for c in question.choices}
    stem_html = question.stem_html if stem == question.stem else None
    explanation_html = question.explanation_html if explanation == question.explanation else None
    retire = has_attempts(quiz)
    # Read before anything changes: a lazy load then would flush (and count) a change twice.
    media = (
        [
            QuestionMedia(
                name=m.name, mimetype=m.mimetype, size=m.size, sha256=m.sha256, data=m.data
            )
            for m in question.media
        ]
        if retire
        else []
    )
    if retire:
        question.status = QuestionStatus.RETIRED
        target = Question(
            quiz=quiz,
            claim=question.claim,
            kind=question.kind,
            name=question.name,
            evidence_start=question.evidence_start,
            evidence_end=question.evidence_end,
            position=question.position,
            media=media,
        )
        db.session.add(target)
    else:
        target = question
        target.choices.clear()
    target.stem = stem
    target.stem_html = stem_html
    target.explanation = explanation
    target.explanation_html = explanation_html
    target.choices = [
        Choice(
            text=text,
            is_correct=correct,
            mutation=None if correct else mutations.get(text, "editor"),
            feedback=feedback.get(text, (None, None))[0],
            feedback_html=feedback.get(text, (None, None))[1],
            text_html=text_html.get(text),
            position=i,
        )
        for i, (text, correct) in enumerate(options)
    ]
    db.session.commit()
    return target


def add_question(
    quiz: Quiz,
    *,
    claim: Claim,
    kind: str,
    stem: str,
    options: Sequence[tuple[str, bool]],
    explanation: str,
) -> Question:
    """Add a question written by hand, grounded in one of the article's claims."""
    if claim.article_id != quiz.article_id:
        raise ServiceError("That claim belongs to another article.")
    reasons = check(quiz, kind, stem, options, (claim.start, claim.end))
    if reasons:
        raise GateRejected(reasons)
    question = Question(
        quiz=quiz,
        claim=claim,
        kind=kind,
        stem=stem,
        explanation=explanation or f"The article says: “{claim.text}”",
        evidence_start=claim.start,
        evidence_end=claim.end,
        position=_next_position(quiz),
        choices=[
            Choice(text=t, is_correct=c, mutation=None if c else "editor", position=i)
            for i, (t, c) in enumerate(options)
        ],
    )
    db.session.add(question)
    db.session.commit()
    return question


def delete_question(question: Question) -> None:
    """Remove a question; once the quiz has attempts it is retired instead."""
    if has_attempts(question.quiz):
        question.status = QuestionStatus.RETIRED
    else:
        db.session.delete(question)
    db.session.commit()


def move_question(question: Question, step: int) -> None:
    """Move a question up (step −1) or down (+1) among the active ones."""
    active = question.quiz.active_questions
    index = active.index(question)
    other = index + step
    if not 0 <= other < len(active):
        return
    active[index], active[other] = active[other], active[index]
    for position, q in enumerate(active):
        q.position = position
    db.session.commit()


def set_status(quiz: Quiz, status: str) -> QuizStatus:
    """Publish or unpublish; a quiz needs an active question to be published."""
    if status not in set(QuizStatus):
        raise ServiceError(f"Unknown status {status!r}.")
    new = QuizStatus(status)
    if new is QuizStatus.PUBLISHED and not quiz.active_questions:
        raise ServiceError("A quiz needs at least one question to be published.")
    quiz.status = new
    db.session.commit()
    return new


def set_display_mode(quiz: Quiz, mode: str) -> DisplayMode:
    """Show the quiz all on one page or one question at a time (see :class:`DisplayMode`)."""
    if mode not in set(DisplayMode):
        raise ServiceError(f"Unknown display mode {mode!r}.")
    quiz.display_mode = DisplayMode(mode)
    db.session.commit()
    return quiz.display_mode


def regenerate_question(question: Question, claim: Claim | None = None) -> Question:
    """Replace a question with a new one generated from the same claim or from ``claim``.

    The engine is run again with other seeds until it gives, for that claim, a
    question that is not already in the quiz (same stem and options). The old question is retired
    when the quiz has attempts and deleted otherwise.
    """
    quiz = question.quiz
    target = claim or question.claim
    span = (
        (target.start, target.end)
        if target is not None
        else (question.evidence_start, question.evidence_end)
    )
    candidate = _generate_for_span(
        quiz, span, exclude={_signature_of(q) for q in quiz.active_questions}
    )
    if candidate is None:
        raise ServiceError("The engine could not make another question from this claim.")
    replacement = _store_engine_question(quiz, candidate, target, question.position)
    if has_attempts(quiz):
        question.status = QuestionStatus.RETIRED
    else:
        db.session.delete(question)
    db.session.commit()
    return replacement


def retire_and_replace(question: Question) -> Question | None:
    """From the item analysis: retire a question and add a fresh one in one step.

    The replacement comes from a claim no active question covers yet when there
    is one, otherwise from the same claim; ``None`` when the engine has nothing new.
    """
    quiz = question.quiz
    question.status = QuestionStatus.RETIRED
    covered = {(q.evidence_start, q.evidence_end) for q in quiz.active_questions}
    claims = sorted(quiz.article.claims, key=lambda c: -c.score)
    spans = [(c.start, c.end) for c in claims if (c.start, c.end) not in covered]
    spans.append((question.evidence_start, question.evidence_end))
    exclude = {_signature_of(q) for q in quiz.questions}
    for span in spans:
        candidate = _generate_for_span(quiz, span, exclude=exclude)
        if candidate is not None:
            claim = next((c for c in claims if (c.start, c.end) == span), question.claim)
            replacement = _store_engine_question(quiz, candidate, claim, question.position)
            db.session.commit()
            return replacement
    db.session.commit()
    return None


Signature = tuple[str, tuple[str, ...]]


def _signature_of(question: Question) -> Signature:
    """What makes two questions the same: the stem and the set of options."""
    return question.stem, tuple(sorted(c.text for c in question.choices))


def _generate_for_span(
    quiz: Quiz, span: tuple[int, int], exclude: set[Signature]
) -> EngineQuestion | None:
    """A gate-passing engine question on the claim at ``span`` that the quiz does not have."""
    from quizapp.engine.candidates import candidates_for_span

    for offset in range(1, 4):
        for candidate in candidates_for_span(quiz.article.text, span, seed=quiz.seed + offset):
            signature = (candidate.stem, tuple(sorted(o.text for o in candidate.options)))
            if signature not in exclude:
                return candidate
    return None


def _store_engine_question(
    quiz: Quiz, candidate: EngineQuestion, claim: Claim | None, position: int
) -> Question:
    question = question_from_engine(candidate, claim, position)
    question.quiz = quiz
    db.session.add(question)
    return question


def _next_position(quiz: Quiz) -> int:
    return max((q.position for q in quiz.questions), default=-1) + 1
