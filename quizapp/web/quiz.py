"""Quiz taking: the list of quizzes, the quiz form, results, scores and the article."""

from __future__ import annotations

import secrets

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from quizapp.extensions import db, limiter, submit_limit
from quizapp.formats.claimreview import script_json
from quizapp.item_analysis import summarize
from quizapp.models import Attempt, Quiz
from quizapp.models.quiz import DisplayMode
from quizapp.security import parse_id
from quizapp.services import attempts as attempt_service
from quizapp.services import catalogue as catalogue_service
from quizapp.services import quiz_cache
from quizapp.services import results as result_service
from quizapp.services import score_card as card_service
from quizapp.services import stats as stats_service
from quizapp.services import verdicts as verdict_service
from quizapp.services.article_layout import article_blocks
from quizapp.services.errors import Forbidden, InvalidSubmission, NotFound
from quizapp.services.quizzes import QuizHead
from quizapp.web import browser_memory, charts, play
from quizapp.web.forms import TakeQuizForm, answered_question_ids, take_quiz_form
from quizapp.web.lookups import published_head_or_404, published_quiz_or_404

bp = Blueprint("quiz", __name__)

#: Highest page number of the scores list that is looked up at all.
MAX_PAGE = 1_000_000


@bp.get("/")
def index() -> ResponseReturnValue:
    """The home page: every published quiz, with what this browser scored on it."""
    cards = catalogue_service.quiz_cards(browser_memory.attempt_tokens())
    return render_template("quiz/index.html", cards=cards)


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
@limiter.limit(submit_limit, methods=["POST"])
def take(quiz_id: int) -> ResponseReturnValue:
    """Show the quiz form; on a valid POST store the attempt and redirect to its result_service."""
    head = published_head_or_404(quiz_id)
    browser_memory.taker_id()  # before the form is shown: its submission is bound to it
    if "retake" not in request.args and (
        head.display_mode == DisplayMode.ALL or request.method == "POST"
    ):
        fast = _take_fast(head)
        if fast is not None:
            return fast
    quiz = published_quiz_or_404(quiz_id)
    retake_of = _retake_parent(quiz)
    questions = attempt_service.questions_for(quiz, retake_of)
    if retake_of is not None and not questions:
        flash("You got every question right: there is nothing to retake.", "info")
        return redirect(url_for("quiz.result", token=retake_of.token), code=303)
    if quiz.display_mode == DisplayMode.ONE and retake_of is None and request.method == "GET":
        return play.first_question_page(quiz)
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
                attempt_service.refuse_stale_answers(quiz, answered_question_ids(request.form))
                attempt, created = attempt_service.record_attempt(
                    quiz,
                    form.name.data or "",
                    answers,
                    submission_id=_submission_key(form),
                    retake_of=retake_of,
                )
            except InvalidSubmission as exc:  # the form again, with the reason
                flash(exc.message, "error")
                return render_template("quiz/take.html", **page), exc.status_code
            return _after_submission(attempt, created, attempt.total - len(answers))
        return render_template("quiz/take.html", **page), 400
    if retake_of is not None and not form.name.data:
        form.name.data = retake_of.name
    reviews = verdict_service.claim_reviews(quiz.article)
    jsonld = script_json(reviews) if reviews else None
    return render_template("quiz/take.html", claim_review_jsonld=jsonld, **page)


def _take_fast(quiz: QuizHead) -> ResponseReturnValue | None:
    """The quiz page and its submission from the per-version cache, without the ORM graph.

    A GET renders the per-request parts (CSRF token, submission id, name field) around the
    cached question fieldsets. A POST checks the answers against the cached answer key and
    stores them. Anything else (errors to show, a refused submission) returns ``None``: the
    full form is then built as before, so chosen answers and messages appear exactly as usual.
    """
    if request.method == "GET":
        # Per site root: the JSON-LD holds absolute links (cheaper than building url_root).
        root = (request.scheme, request.host, request.root_path)
        fieldsets = quiz_cache.cached(quiz, "page", lambda: _question_fieldsets(quiz), root)
        submission_id = secrets.token_urlsafe(16)
        if not current_user.is_authenticated and "_flashes" not in session:
            # Anonymous, nothing flashed: the page differs between takers by its two tokens only.
            frame = quiz_cache.cached(quiz, "frame", lambda: _page_frame(quiz, fieldsets), root)
            if frame is not None:
                tokens = {"submission_id": submission_id}
                if "csrf_token" in frame.slots:
                    tokens["csrf_token"] = generate_csrf()
                return frame.fill(tokens)
        form = TakeQuizForm()
        form.submission_id.data = submission_id
        return _blank_page(quiz, form, fieldsets)
    # CSRFProtect has checked this POST's token already (it refuses the request otherwise):
    # the form need not sign a fresh one it would never show.
    form = TakeQuizForm(meta={"csrf": False}) if g.get("csrf_valid") else TakeQuizForm()
    key = quiz_cache.answer_key(quiz)
    answers = _checked_answers(key)
    if answers is None or not form.validate_on_submit():
        return None
    try:
        attempt, created = attempt_service.record_attempt(
            quiz, form.name.data or "", answers, submission_id=_submission_key(form)
        )
    except InvalidSubmission:
        return None  # the quiz changed since the page was read: the full form says what
    return _after_submission(attempt, created, attempt.total - len(answers))


def _blank_page(quiz: QuizHead, form: TakeQuizForm, fieldsets: tuple[str, int, str | None]) -> str:
    """The quiz page with a blank form around the cached question fieldsets."""
    questions_html, count, jsonld = fieldsets
    return render_template(
        "quiz/take.html",
        quiz=quiz,
        form=form,
        retake_of=None,
        questions_html=questions_html,
        question_count=count,
        claim_review_jsonld=jsonld,
    )


def _page_frame(
    quiz: QuizHead, fieldsets: tuple[str, int, str | None]
) -> quiz_cache.PageFrame | None:
    """The whole blank quiz page of an anonymous taker, with slots for its two tokens.

    Rendered by take.html like any other page, with markers as token values; ``None``
    (render every time) if a marker does not come out exactly once.
    """
    form = TakeQuizForm()
    markers = {"submission_id": form.submission_id}
    if "csrf_token" in form._fields:
        markers["csrf_token"] = form._fields["csrf_token"]
    values = {name: f"frameslot{secrets.token_hex(12)}" for name in markers}
    for name, field in markers.items():
        if name == "csrf_token":
            field.current_token = values[name]
        else:
            field.data = values[name]
    return quiz_cache.PageFrame.split(_blank_page(quiz, form, fieldsets), values)


def _question_fieldsets(head: QuizHead) -> tuple[str, int, str | None]:
    """The blank question fieldsets of the quiz form, their count and the ClaimReview JSON-LD.

    The HTML comes from the autoescaping template ``quiz/_questions.html``, which take.html
    also uses when it renders the fields itself (after a failed POST, for a retake).
    """
    quiz = published_quiz_or_404(head.id)
    fields = take_quiz_form(quiz).question_fields()
    html = render_template("quiz/_questions.html", quiz=quiz, fields=fields)
    reviews = verdict_service.claim_reviews(quiz.article)
    return html, len(fields), script_json(reviews) if reviews else None


def _checked_answers(key: quiz_cache.AnswerKey) -> dict[int, int] | None:
    """The form's answers as {question id: choice id}, or ``None`` if one is not an option.

    Reads ``q_<id>`` like the form's radio groups do: a missing or empty value is unanswered,
    only the first value counts, and it must be a whole number naming one of the options.
    """
    for field in request.form:
        if field.startswith("q_") and parse_id(field[2:]) not in key.choices:
            # A question this process's copy of the quiz does not have: the taker's page came
            # from a newer version, or an older one, or the name is not an id at all. The full
            # form (built from the quiz as it is now) takes it and says what is wrong.
            return None
    answers: dict[int, int] = {}
    for question_id in key.order:
        values = request.form.getlist(f"q_{question_id}")
        if not values or values[0] == "":
            continue
        try:
            choice_id = int(values[0])
        except ValueError:
            return None
        if choice_id not in key.choices[question_id]:
            return None
        answers[question_id] = choice_id
    return answers


def _submission_key(form: TakeQuizForm) -> str:
    """The form's submission id, bound to this browser: a copy sent from elsewhere is another."""
    return attempt_service.submission_key(
        "web", browser_memory.taker_id(), form.submission_id.data or secrets.token_urlsafe(16)
    )


def _after_submission(attempt: Attempt, created: bool, unanswered: int) -> ResponseReturnValue:
    """Remember the stored attempt in this browser and go to its result_service.

    A replay (``created`` false) can only come from this browser: the submission id is bound
    to it (:func:`_submission_key`), so remembering the attempt reveals nothing new.
    """
    browser_memory.remember_attempt(attempt.token)
    if created and unanswered:
        flash(
            f"You left {unanswered} question{'s' if unanswered != 1 else ''} "
            "unanswered; they count as wrong.",
            "warning",
        )
    return redirect(url_for("quiz.result", token=attempt.token), code=303)


@bp.get("/share/<share_token>")
def share(share_token: str) -> ResponseReturnValue:
    """The public page of a result: who scored what on which quiz, never the answers."""
    attempt = _shared_attempt(share_token)
    return render_template(
        "quiz/share.html",
        attempt=attempt,
        quiz=attempt.quiz,
        percent=result_service.percent(attempt.score, attempt.total),
    )


@bp.get("/share/<share_token>/card.png")
def share_card(share_token: str) -> ResponseReturnValue:
    """The share page's picture for link previews: a PNG of what that page shows.

    Named by the public share token, like the page; cacheable by anyone for a day, and
    revalidated by its ETag (which changes when the name, score or quiz title would).
    """
    attempt = _shared_attempt(share_token)
    card = card_service.Card(
        name=attempt.name,
        score=attempt.score,
        total=attempt.total,
        percent=result_service.percent(attempt.score, attempt.total),
        title=attempt.quiz.title,
    )
    if card.etag in request.if_none_match:
        response = current_app.response_class(status=304)
    else:
        response = current_app.response_class(card_service.render_png(card), mimetype="image/png")
    response.set_etag(card.etag)
    response.cache_control.public = True
    response.cache_control.max_age = 86_400
    return response


def _shared_attempt(share_token: str) -> Attempt:
    """The attempt of a share link, while its quiz is published (404 otherwise)."""
    attempt = attempt_service.get_shared_attempt(share_token)
    if not attempt.quiz.is_published:
        abort(404, "This quiz is not available any more.")
    return attempt


@bp.get("/attempts/<token>")
def result(token: str) -> ResponseReturnValue:
    """The results of one attempt: score, then each question against the article.

    Only the browser that made the attempt may see it: the answers are personal.
    """
    attempt = attempt_service.get_attempt(token)
    if not browser_memory.owns_attempt(token):
        published = attempt.quiz.is_published
        raise Forbidden(
            "This result is not yours: it belongs to the person who took the quiz, and its "
            "answers open only in the browser they used.",
            link=url_for("quiz.take", quiz_id=attempt.quiz_id) if published else None,
            link_text="Take the quiz yourself",
        )
    chosen = {r.question_id: r for r in attempt.responses}
    asked = attempt_service.asked_question_ids(attempt) | set(chosen)
    questions = [q for q in attempt.quiz.questions if q.id in asked]
    taken = result_service.past_scores(browser_memory.attempt_tokens())
    return render_template(
        "quiz/result.html",
        attempt=attempt,
        quiz=attempt.quiz,
        items=result_service.review_items(questions, chosen, attempt.quiz.article.text),
        missed=attempt_service.missed_question_ids(attempt),
        percent=result_service.percent(attempt.score, attempt.total),
        verdict=result_service.verdict(attempt.score, attempt.total),
        standing=result_service.standing(attempt),
        next_quiz=result_service.next_quiz({*taken, attempt.quiz_id}),
        only_mistakes=request.args.get("mistakes") == "1",
    )


@bp.get("/history")
def history() -> ResponseReturnValue:
    """The attempts made from this browser, across quizzes (kept in the signed cookie)."""
    attempts = attempt_service.attempts_by_tokens(browser_memory.attempt_tokens())
    return render_template("quiz/history.html", attempts=attempts)


@bp.get("/quizzes/<int:quiz_id>/scores")
def scores(quiz_id: int) -> ResponseReturnValue:
    """The scoreboard: best score per name, summary statistics, histogram, every attempt."""
    quiz = published_quiz_or_404(quiz_id)
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
    """The article a quiz was made from: its headings, paragraphs and bullet lists."""
    quiz = published_quiz_or_404(quiz_id)
    blocks = article_blocks(quiz.article.text, quiz.article.title)
    return render_template("quiz/article.html", quiz=quiz, article=quiz.article, blocks=blocks)


def _retake_parent(quiz: Quiz) -> Attempt | None:
    """The attempt named by ``?retake=TOKEN``: it must be this browser's, of this quiz."""
    token = request.args.get("retake")
    if not token:
        return None
    whole = url_for("quiz.take", quiz_id=quiz.id)
    if not browser_memory.owns_attempt(token):
        raise Forbidden(
            "You can retake the questions you missed only in your own attempts, in the "
            "browser you took the quiz with.",
            link=whole,
            link_text="Take the whole quiz",
        )
    parent = attempt_service.get_attempt(token)
    if parent.quiz_id != quiz.id:
        raise NotFound(
            "That attempt is of another quiz, so its missed questions are not in this one.",
            link=whole,
            link_text="Take the whole quiz",
        )
    return parent
