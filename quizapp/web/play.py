"""Taking a quiz one question at a time: the name and first answer, each next question,
feedback after every answer, and the results at the end (blueprint "play").

The quiz page (:mod:`quizapp.web.quiz`) shows :func:`first_question_page` for a quiz whose
display mode is "one"; each answer is stored as it is given (:mod:`quizapp.services.progress`)
and the finished attempt is reviewed like any other.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from quizapp.extensions import limiter, submit_limit
from quizapp.formats.claimreview import script_json
from quizapp.models import AttemptProgress, Question, Quiz
from quizapp.models.quiz import DisplayMode
from quizapp.services import progress as progress_service
from quizapp.services import quizzes as quiz_service
from quizapp.services import verdicts as verdict_service
from quizapp.services.errors import Conflict, Forbidden, InvalidSubmission, NotFound
from quizapp.web import browser_memory
from quizapp.web.forms import ActionForm, AnswerForm, answer_form
from quizapp.web.lookups import published_quiz_or_404

bp = Blueprint("play", __name__)


def first_question_page(quiz: Quiz) -> ResponseReturnValue:
    """The first step of a one-at-a-time quiz: the display name and the first question."""
    questions = quiz.active_questions
    if not questions:
        abort(404, "This quiz has no questions yet.")
    form = answer_form(questions[0], 1, start=True)
    reviews = verdict_service.claim_reviews(quiz.article)
    jsonld = script_json(reviews) if reviews else None
    return _question_page(quiz, questions[0], form, progress=None, claim_review_jsonld=jsonld)


@bp.post("/quizzes/<int:quiz_id>/start")
@limiter.limit(submit_limit)
def start(quiz_id: int) -> ResponseReturnValue:
    """Begin a one-at-a-time attempt: store the name and the first answer, then show feedback."""
    quiz = published_quiz_or_404(quiz_id)
    if quiz.display_mode != DisplayMode.ONE:
        abort(409, "This quiz shows all its questions on one page.")
    questions = quiz.active_questions
    if not questions:
        abort(404, "This quiz has no questions yet.")
    first = questions[0]
    if request.form.get("question", type=int) != first.id:
        abort(409, "This form is out of date: the quiz has changed. Reload the quiz.")
    form = answer_form(first, 1, start=True)
    if not form.validate_on_submit():
        return _question_page(quiz, first, form, progress=None), 400
    try:
        progress = progress_service.start(
            quiz, form["name"].data or "", first.id, form.choice_field().data
        )
    except InvalidSubmission as exc:
        flash(exc.message, "error")
        return _question_page(quiz, first, form, progress=None), 400
    browser_memory.remember_progress(progress.token)
    return redirect(url_for("play.feedback", token=progress.token, question_id=first.id), code=303)


@bp.get("/play/<token>")
def step(token: str) -> ResponseReturnValue:
    """The next unanswered question of a one-at-a-time attempt (or the way to the results)."""
    progress = _own_progress(token)
    if progress.attempt is not None:
        return redirect(url_for("quiz.result", token=progress.attempt.token), code=303)
    question = progress_service.next_question(progress)
    if question is None:
        return render_template(
            "quiz/one_done.html", progress=progress, quiz=progress.quiz, action=ActionForm()
        )
    number, _ = progress_service.position(progress.quiz, question)
    return _question_page(progress.quiz, question, answer_form(question, number), progress)


@bp.post("/play/<token>/questions/<int:question_id>")
def answer(token: str, question_id: int) -> ResponseReturnValue:
    """Store the answer to one question, then show whether it was right (303 to feedback)."""
    progress = _own_progress(token)
    question = _question_of(progress, question_id)
    number, _ = progress_service.position(progress.quiz, question)
    form = answer_form(question, number)
    if progress.attempt is not None:
        raise Conflict(
            "This attempt is finished: its answers cannot change.",
            link=url_for("quiz.result", token=progress.attempt.token),
            link_text="See your result",
        )
    if question_id in progress_service.answered(progress):
        raise Conflict(
            "You have already answered this question; an answer cannot be changed.",
            link=url_for("play.step", token=token),
            link_text="Go on with the quiz",
        )
    if not form.validate_on_submit():
        return _question_page(progress.quiz, question, form, progress), 400
    progress_service.answer(progress, question.id, form.choice_field().data)
    return redirect(url_for("play.feedback", token=token, question_id=question.id), code=303)


@bp.get("/play/<token>/questions/<int:question_id>/feedback")
def feedback(token: str, question_id: int) -> ResponseReturnValue:
    """Right or wrong, the evidence sentence and the explanation of an answered question."""
    progress = _own_progress(token)
    question = _question_of(progress, question_id)
    given = progress_service.answered(progress).get(question.id)
    if given is None:
        # The key of a question is shown only once it is answered.
        raise Conflict(
            "Answer this question first: its feedback comes after your answer.",
            link=url_for("play.step", token=token),
            link_text="Go to your current question",
        )
    number, total = progress_service.position(progress.quiz, question)
    answers = progress_service.answered(progress)
    return render_template(
        "quiz/one_feedback.html",
        quiz=progress.quiz,
        progress=progress,
        question=question,
        given=given,
        number=number,
        total=total,
        right_so_far=sum(a.is_correct for a in answers.values()),
        answered_count=len(answers),
        context=quiz_service.evidence_in_paragraph(
            progress.quiz.article.text, question.evidence_start, question.evidence_end
        ),
        is_last=progress_service.next_question(progress) is None,
        action=ActionForm(),
    )


@bp.post("/play/<token>/finish")
@limiter.limit(submit_limit)
def finish(token: str) -> ResponseReturnValue:
    """Store the finished attempt and go to its results (the usual review page)."""
    progress = _own_progress(token)
    if not ActionForm().validate_on_submit():
        abort(400, "The form could not be accepted.")
    attempt = progress_service.finish(progress)
    browser_memory.remember_attempt(attempt.token)
    return redirect(url_for("quiz.result", token=attempt.token), code=303)


def _question_page(
    quiz: Quiz,
    question: Question,
    form: AnswerForm,
    progress: AttemptProgress | None,
    claim_review_jsonld: str | None = None,
) -> str:
    """One question of a one-at-a-time quiz, with "Question N of M"."""
    number, total = progress_service.position(quiz, question)
    unfinished = None
    if progress is None:
        unfinished = _unfinished_progress(quiz)
    return render_template(
        "quiz/one_question.html",
        quiz=quiz,
        question=question,
        form=form,
        progress=progress,
        number=number,
        total=total,
        unfinished=unfinished,
        claim_review_jsonld=claim_review_jsonld,
    )


def _own_progress(token: str) -> AttemptProgress:
    """This browser's one-at-a-time attempt named by ``token`` (403 for anyone else's)."""
    progress = progress_service.get_progress(token)
    if not browser_memory.owns_progress(token):
        raise Forbidden(
            "This attempt is not yours: only the browser that started it can answer its questions.",
            link=url_for("quiz.take", quiz_id=progress.quiz_id)
            if progress.quiz.is_published
            else None,
            link_text="Take the quiz yourself",
        )
    if not progress.quiz.is_published:
        abort(404, "There is no such quiz.")
    return progress


def _question_of(progress: AttemptProgress, question_id: int) -> Question:
    question = next((q for q in progress.quiz.active_questions if q.id == question_id), None)
    if question is None:
        abort(404, "That question is not part of this quiz.")
    return question


def _unfinished_progress(quiz: Quiz) -> AttemptProgress | None:
    """This browser's latest unfinished one-at-a-time attempt of ``quiz``, if any."""
    for token in reversed(browser_memory.progress_tokens()):
        try:
            progress = progress_service.get_progress(token)
        except NotFound:
            continue
        if progress.quiz_id == quiz.id and progress.attempt_id is None:
            return progress
    return None
