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

from quizapp.exporters.claimreview import script_json
from quizapp.extensions import db, limiter, submit_limit
from quizapp.models import Attempt, Quiz
from quizapp.scoring import summarize
from quizapp.services import attempts as attempt_service
from quizapp.services import quizzes as quiz_service
from quizapp.services import stats as stats_service
from quizapp.services import verdicts as verdict_service
from quizapp.services.errors import InvalidSubmission, NotFound
from quizapp.web import charts
from quizapp.web.forms import take_quiz_form

bp = Blueprint("quiz", __name__)

#: How many attempt tokens the signed session cookie remembers.
HISTORY_MAX = 50
#: Highest page number of the scores list that is looked up at all.
MAX_PAGE = 1_000_000


@bp.get("/")
def index() -> ResponseReturnValue:
    """The home page: every published quiz."""
    return render_template("quiz/index.html", quizzes=quiz_service.published_quizzes())


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
@limiter.limit(submit_limit, methods=["POST"])
def take(quiz_id: int) -> ResponseReturnValue:
    """Show the quiz form; on a valid POST store the attempt and redirect to its results."""
    quiz = _published_or_404(quiz_id)
    retake_of = _retake_parent(quiz)
    questions = attempt_service.questions_for(quiz, retake_of)
    if retake_of is not None and not questions:
        flash("You got every question right: there is nothing to retake.", "info")
        return redirect(url_for("quiz.result", token=retake_of.token), code=303)
    form = take_quiz_form(quiz, questions)
    page = {"quiz": quiz, "form": form, "retake_of": retake_of}
    if request.method == "POST":
        if form.validate_on_submit():
            answers = {
                int(field.name[2:]): field.data
                for field in form.question_fields()
                if field.data is not None
            }
            try:
                attempt, created = attempt_service.record_attempt(
                    quiz,
                    form.name.data or "",
                    answers,
                    submission_id=form.submission_id.data,
                    retake_of=retake_of,
                )
            except InvalidSubmission as exc:
                flash(exc.message, "error")
                return render_template("quiz/take.html", **page), 400
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
        return render_template("quiz/take.html", **page), 400
    if retake_of is not None and not form.name.data:
        form.name.data = retake_of.name
    reviews = verdict_service.claim_reviews(quiz.article)
    jsonld = script_json(reviews) if reviews else None
    return render_template("quiz/take.html", claim_review_jsonld=jsonld, **page)


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
    asked = attempt_service.asked_question_ids(attempt) | set(chosen)
    questions = [q for q in attempt.quiz.questions if q.id in asked]
    text = attempt.quiz.article.text
    contexts = {
        q.id: quiz_service.evidence_in_paragraph(text, q.evidence_start, q.evidence_end)
        for q in questions
    }
    return render_template(
        "quiz/result.html",
        attempt=attempt,
        quiz=attempt.quiz,
        questions=questions,
        chosen=chosen,
        contexts=contexts,
        missed=attempt_service.missed_question_ids(attempt),
    )


@bp.get("/history")
def history() -> ResponseReturnValue:
    """The attempts made from this browser, across quizzes (kept in the signed cookie)."""
    attempts = attempt_service.attempts_by_tokens(list(session.get("attempts", [])))
    return render_template("quiz/history.html", attempts=attempts)


@bp.get("/quizzes/<int:quiz_id>/scores")
def scores(quiz_id: int) -> ResponseReturnValue:
    """The scoreboard: best score per name, summary statistics, histogram, every attempt."""
    quiz = _published_or_404(quiz_id)
    number = request.args.get("page", 1, type=int)
    if not 0 < number <= MAX_PAGE:  # a huge page number overflows the SQL OFFSET
        abort(404, "There is no such page.")
    page = db.paginate(
        db.select(Attempt)
        .where(Attempt.quiz_id == quiz.id, Attempt.retake_of_id.is_(None))
        .order_by(Attempt.finished_at.desc(), Attempt.id.desc()),
        page=number,
        per_page=current_app.config["SCORES_PER_PAGE"],
        max_per_page=100,
        error_out=True,
    )
    histogram = stats_service.score_histogram(quiz.id)
    return render_template(
        "quiz/scores.html",
        quiz=quiz,
        page=page,
        leaders=stats_service.leaderboard(quiz.id, limit=10),
        summary=summarize(histogram),
        histogram=charts.histogram(histogram, len(quiz.active_questions)),
    )


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


def _retake_parent(quiz: Quiz) -> Attempt | None:
    """The attempt named by ``?retake=TOKEN``: it must be this browser's, of this quiz."""
    token = request.args.get("retake")
    if not token:
        return None
    if token not in session.get("attempts", []):
        abort(403, "You can only retake the questions of your own attempts.")
    try:
        parent = attempt_service.get_attempt(token)
    except NotFound:
        abort(404, "There is no such attempt.")
    if parent.quiz_id != quiz.id:
        abort(404, "That attempt belongs to another quiz.")
    return parent


def _remember(token: str) -> None:
    """Keep the attempt's token in the signed session cookie (no account needed)."""
    tokens = [t for t in session.get("attempts", []) if t != token]
    session["attempts"] = (tokens + [token])[-HISTORY_MAX:]
