"""Quiz taking: the list of quizzes, the quiz form, results, scores and the article."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.services import attempts as attempt_service
from quizapp.services import quizzes as quiz_service
from quizapp.services.errors import InvalidSubmission, NotFound
from quizapp.web.forms import take_quiz_form

bp = Blueprint("quiz", __name__)

#: How many attempt tokens the signed session cookie remembers.
HISTORY_MAX = 50


@bp.get("/")
def index() -> ResponseReturnValue:
    """The home page: every published quiz."""
    return render_template("quiz/index.html", quizzes=quiz_service.published_quizzes())


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
def take(quiz_id: int) -> ResponseReturnValue:
    """Show the quiz form; on a valid POST store the attempt and redirect to its results."""
    quiz = _published_or_404(quiz_id)
    form = take_quiz_form(quiz)
    if request.method == "POST":
        if form.validate_on_submit():
            answers = {
                int(field.name[2:]): field.data
                for field in form.question_fields()
                if field.data is not None
            }
            try:
                attempt, created = attempt_service.record_attempt(
                    quiz, form.name.data or "", answers, submission_id=form.submission_id.data
                )
            except InvalidSubmission as exc:
                flash(exc.message, "error")
                return render_template("quiz/take.html", quiz=quiz, form=form), 400
            if attempt.token not in session.get("attempts", []):
                if not created:
                    # A replayed form from another browser does not reveal the stored answers.
                    abort(409, "This form was already submitted.")
                _remember(attempt.token)
            unanswered = attempt.total - len(answers)
            if created and unanswered:
                flash(
                    f"You left {unanswered} question{'s' if unanswered != 1 else ''} "
                    "unanswered; they count as wrong.",
                    "warning",
                )
            return redirect(url_for("quiz.result", token=attempt.token), code=303)
        return render_template("quiz/take.html", quiz=quiz, form=form), 400
    return render_template("quiz/take.html", quiz=quiz, form=form)


@bp.get("/attempts/<token>")
def result(token: str) -> ResponseReturnValue:
    """The results of one attempt: score, then each question against the article.

    Only the browser that made the attempt may see it: the answers are personal.
    """
    try:
        attempt = attempt_service.get_attempt(token)
    except NotFound:
        abort(404, "There is no such attempt.")
    if token not in session.get("attempts", []):
        abort(403, "Only the person who took this quiz can see these answers.")
    chosen = {r.question_id: r for r in attempt.responses}
    questions = [q for q in attempt.quiz.questions if q.status == "active" or q.id in chosen]
    return render_template(
        "quiz/result.html", attempt=attempt, quiz=attempt.quiz, questions=questions, chosen=chosen
    )


@bp.get("/quizzes/<int:quiz_id>/scores")
def scores(quiz_id: int) -> ResponseReturnValue:
    """Every attempt of a quiz, newest first, a page at a time."""
    quiz = _published_or_404(quiz_id)
    page = db.paginate(
        db.select(Attempt)
        .where(Attempt.quiz_id == quiz.id)
        .order_by(Attempt.finished_at.desc(), Attempt.id.desc()),
        per_page=current_app.config["SCORES_PER_PAGE"],
        max_per_page=100,
        error_out=True,
    )
    return render_template("quiz/scores.html", quiz=quiz, page=page)


@bp.get("/quizzes/<int:quiz_id>/article")
def article(quiz_id: int) -> ResponseReturnValue:
    """The article a quiz was made from, paragraph by paragraph."""
    quiz = _published_or_404(quiz_id)
    return render_template("quiz/article.html", quiz=quiz, article=quiz.article)


def _published_or_404(quiz_id: int) -> Quiz:
    try:
        return quiz_service.get_published_quiz(quiz_id)
    except NotFound as exc:
        abort(404, exc.message)


def _remember(token: str) -> None:
    """Keep the attempt's token in the signed session cookie (no account needed)."""
    tokens = [t for t in session.get("attempts", []) if t != token]
    session["attempts"] = (tokens + [token])[-HISTORY_MAX:]
