"""Taking a quiz one question at a time: the name and first answer, each next question,
feedback after every answer, and the results at the end (blueprint "play").

The quiz page (:mod:`quizapp.web.quiz`) shows :func:`first_question_page` for a quiz whose
display mode is "one"; each answer is stored as it is given (:mod:`quizapp.services.stepwise`)
and the finished attempt is reviewed like any other.

With JavaScript, the page's script sends an answer with ``fetch`` and the header
:data:`IN_PLACE_HEADER`: the answer is stored exactly as a plain post is, and the answer is
its feedback as an HTML fragment (``quiz/_feedback.html``) instead of a redirect to the
feedback page. Anything else (a form error, a step sent again) is answered as for a plain post,
except that a step sent again is 409 without a message, so that the script sends the form
the plain way and the taker lands, told why, where the attempt is.
"""

from __future__ import annotations

import re
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue

from quizapp.extensions import db, limit_submissions
from quizapp.formats.claimreview import script_json
from quizapp.models import Question, Quiz, StepwiseAttempt
from quizapp.models.quiz import DisplayMode
from quizapp.services import quizzes as quiz_service
from quizapp.services import results as result_service
from quizapp.services import stepwise as stepwise_service
from quizapp.services import taking
from quizapp.services import verdicts as verdict_service
from quizapp.services.errors import Conflict, Forbidden, InvalidSubmission, NotFound
from quizapp.web import browser_memory
from quizapp.web.forms import ActionForm, AnswerForm, answer_form
from quizapp.web.lookups import published_quiz_or_404

bp = Blueprint("play", __name__)

#: Sent by the page's script when it answers in place, and returned with the feedback fragment.
IN_PLACE_HEADER = "X-Quizapp-In-Place"
_START_ID = re.compile(taking.SUBMISSION_ID_PATTERN)


def _in_place() -> bool:
    """Whether the page's script sent this answer, to show its feedback in place."""
    return request.headers.get(IN_PLACE_HEADER) == "1"


def first_question_page(quiz: Quiz) -> ResponseReturnValue:
    """The first step of a one-at-a-time quiz: the display name and the first question.

    Each view of it has its own start id (posted back): its options' order, and what tells
    this page sent again from a new start. While this browser has an unfinished attempt of
    the quiz, the page is that attempt's first page again, with its start id (Back to the
    first question reloads this page): sending it leads to the attempt's current question.
    Only "Start again" (``?new=`` that start id) shows a page that starts a new attempt.
    """
    questions = quiz.active_questions
    if not questions:
        abort(404, "This quiz has no questions yet.")
    unfinished = _unfinished_stepwise(quiz)
    if (
        unfinished is not None
        and unfinished.start_id
        and (request.args.get("new") != unfinished.start_id)
    ):
        start_id = unfinished.start_id
    else:
        start_id = taking.new_submission_id()
    form = answer_form(
        questions[0],
        1,
        start=True,
        order=stepwise_service.options_in_order(start_id, questions[0]),
        start_id=start_id,
    )
    reviews = verdict_service.claim_reviews(quiz.article)
    jsonld = script_json(reviews) if reviews else None
    return _question_page(
        quiz, questions[0], form, stepwise=None, claim_review_jsonld=jsonld, unfinished=unfinished
    )


@bp.post("/quizzes/<int:quiz_id>/start")
@limit_submissions
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
    posted = request.form.get("start_id", "")
    if _START_ID.fullmatch(posted):
        # The first page sent again (Back, a double click): on to where its attempt is now.
        replayed = stepwise_service.replayed_start(quiz, posted, browser_memory.stepwise_tokens())
        if replayed is not None:
            return _to_current(
                replayed, ALREADY_FINISHED if replayed.attempt is not None else ALREADY_ANSWERED
            )
        start_id = posted
    else:  # a form without one (from before start ids): a new one, shown if it comes back
        start_id = taking.new_submission_id()
    form = answer_form(
        first, 1, start=True, order=stepwise_service.options_in_order(start_id, first)
    )
    form["start_id"].data = start_id
    if not form.validate_on_submit():
        return _question_page(quiz, first, form, stepwise=None), 400
    try:
        stepwise = stepwise_service.start(
            quiz, form["name"].data or "", first.id, form.choice_field().data, start_id
        )
    except InvalidSubmission as exc:
        flash(exc.message, "error")
        return _question_page(quiz, first, form, stepwise=None), 400
    browser_memory.remember_stepwise(stepwise.token)
    return _answered(stepwise, first)


@bp.get("/play/<token>")
def step(token: str) -> ResponseReturnValue:
    """The next unanswered question of a one-at-a-time attempt (or the way to the results)."""
    stepwise = _own_stepwise(token)
    if stepwise.attempt is not None:
        return redirect(url_for("quiz.result", token=stepwise.attempt.token), code=303)
    question = stepwise_service.next_question(stepwise)
    if question is None:
        return render_template(
            "quiz/one_done.html", stepwise=stepwise, quiz=stepwise.quiz, action=ActionForm()
        )
    number, _ = stepwise_service.position(stepwise.quiz, question)
    return _question_page(
        stepwise.quiz, question, _answer_form(stepwise, question, number), stepwise
    )


@bp.post("/play/<token>/questions/<int:question_id>")
def answer(token: str, question_id: int) -> ResponseReturnValue:
    """Store the answer to one question, then show whether it was right (303 to feedback)."""
    stepwise = _own_stepwise(token)
    question = _question_of(stepwise, question_id)
    number, _ = stepwise_service.position(stepwise.quiz, question)
    form = _answer_form(stepwise, question, number)
    # Back, then an answer sent again: nothing changes, and the taker goes on from where
    # they are (the results, once the quiz is finished).
    if stepwise.attempt is not None:
        return _to_current(stepwise, ALREADY_FINISHED)
    if question_id in stepwise_service.answered(stepwise):
        return _to_current(stepwise, ALREADY_ANSWERED)
    if not form.validate_on_submit():
        return _question_page(stepwise.quiz, question, form, stepwise), 400
    try:
        stepwise_service.answer(stepwise, question.id, form.choice_field().data)
    except Conflict as exc:  # out of order, or the same answer stored by a request racing this
        db.session.rollback()
        return _to_current(stepwise, exc.message)
    return _answered(stepwise, question)


def _answer_form(stepwise: StepwiseAttempt, question: Question, number: int) -> AnswerForm:
    """The form answering ``question``, its options in this attempt's order."""
    order = stepwise_service.options_in_order(stepwise.start_id, question)
    return answer_form(question, number, order=order)


def _answered(stepwise: StepwiseAttempt, question: Question) -> ResponseReturnValue:
    """After an answer is stored: 303 to its feedback page, or in place (the page's script)
    the feedback itself, as a fragment."""
    if _in_place():
        context = {**_feedback_context(stepwise, question), "in_place": True}
        fragment = render_template("quiz/_feedback.html", **context)
        response = make_response(fragment)
        response.headers[IN_PLACE_HEADER] = "feedback"
        return response
    return redirect(
        url_for("play.feedback", token=stepwise.token, question_id=question.id), code=303
    )


#: What a taker who sends an answer again is told, on the page they are sent to.
ALREADY_ANSWERED = (
    "You had already answered that question: your first answer is recorded and cannot "
    "change. Here is where you are."
)
ALREADY_FINISHED = (
    "You had already finished this quiz: your answers are recorded and cannot change. "
    "Here is your result."
)


def _to_current(stepwise: StepwiseAttempt, message: str) -> ResponseReturnValue:
    """303 to where ``stepwise`` is now (its current question, or its results once finished),
    with ``message`` shown there: a step sent again is never an error page.

    Sent in place, it is 409 without a message: the script then sends the form the plain way,
    and that request is the one that says it (a message flashed now would be shown twice).
    """
    if _in_place():
        return "", 409
    flash(message, "info")
    return redirect(url_for("play.step", token=stepwise.token), code=303)


@bp.get("/play/<token>/questions/<int:question_id>/feedback")
def feedback(token: str, question_id: int) -> ResponseReturnValue:
    """Right or wrong, the evidence sentence and the explanation of an answered question."""
    stepwise = _own_stepwise(token)
    question = _question_of(stepwise, question_id)
    given = stepwise_service.answered(stepwise).get(question.id)
    if given is None:
        # The key of a question is shown only once it is answered.
        return _to_current(
            stepwise, "Answer this question first: its feedback comes after your answer."
        )
    return render_template("quiz/one_feedback.html", **_feedback_context(stepwise, question))


def _feedback_context(stepwise: StepwiseAttempt, question: Question) -> dict[str, Any]:
    """What the feedback on an answered question shows, on its page or in place."""
    answers = stepwise_service.answered(stepwise)
    given = answers[question.id]
    number, total = stepwise_service.position(stepwise.quiz, question)
    context = quiz_service.evidence_in_paragraph(
        stepwise.quiz.article.text, question.evidence_start, question.evidence_end
    )
    return dict(
        quiz=stepwise.quiz,
        stepwise=stepwise,
        question=question,
        given=given,
        number=number,
        total=total,
        right_so_far=sum(a.is_correct for a in answers.values()),
        answered_count=len(answers),
        context=context,
        # Without the evidence sentence the feedback shows highlighted just above it.
        explanation=result_service.plain_explanation(question.explanation, context[1]),
        is_last=stepwise_service.next_question(stepwise) is None,
        action=ActionForm(),
        in_place=False,
    )


@bp.post("/play/<token>/finish")
@limit_submissions
def finish(token: str) -> ResponseReturnValue:
    """Store the finished attempt and go to its results (the usual review page)."""
    stepwise = _own_stepwise(token)
    if not ActionForm().validate_on_submit():
        abort(400, "The form could not be accepted.")
    try:
        attempt = stepwise_service.finish(stepwise)
    except Conflict as exc:  # a question still open (one added since): it is the next step
        db.session.rollback()
        return _to_current(stepwise, exc.message)
    browser_memory.remember_attempt(attempt.token)
    return redirect(url_for("quiz.result", token=attempt.token), code=303)


def _question_page(
    quiz: Quiz,
    question: Question,
    form: AnswerForm,
    stepwise: StepwiseAttempt | None,
    claim_review_jsonld: str | None = None,
    unfinished: StepwiseAttempt | None = None,
) -> str:
    """One question of a one-at-a-time quiz, with "Question N of M" (the first, with this
    browser's ``unfinished`` attempt of the quiz offered to continue)."""
    number, total = stepwise_service.position(quiz, question)
    if stepwise is None and unfinished is None:
        unfinished = _unfinished_stepwise(quiz)
    return render_template(
        "quiz/one_question.html",
        quiz=quiz,
        question=question,
        form=form,
        stepwise=stepwise,
        number=number,
        total=total,
        unfinished=unfinished,
        claim_review_jsonld=claim_review_jsonld,
    )


def _own_stepwise(token: str) -> StepwiseAttempt:
    """This browser's one-at-a-time attempt named by ``token`` (403 for anyone else's)."""
    stepwise = stepwise_service.get_stepwise(token)
    if not browser_memory.owns_stepwise(token):
        raise Forbidden(
            "This attempt is not yours: only the browser that started it can answer its questions.",
            link=url_for("quiz.take", quiz_id=stepwise.quiz_id)
            if stepwise.quiz.is_published
            else None,
            link_text="Take the quiz yourself",
        )
    if not stepwise.quiz.is_published:
        abort(404, "There is no such quiz.")
    return stepwise


def _question_of(stepwise: StepwiseAttempt, question_id: int) -> Question:
    question = next((q for q in stepwise.quiz.active_questions if q.id == question_id), None)
    if question is None:
        abort(404, "That question is not part of this quiz.")
    return question


def _unfinished_stepwise(quiz: Quiz) -> StepwiseAttempt | None:
    """This browser's latest unfinished one-at-a-time attempt of ``quiz``, if any."""
    for token in reversed(browser_memory.stepwise_tokens()):
        try:
            stepwise = stepwise_service.get_stepwise(token)
        except NotFound:
            continue
        if stepwise.quiz_id == quiz.id and stepwise.attempt_id is None:
            return stepwise
    return None
