"""Quiz taking: the list of quizzes, the quiz form, results, scores and the article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    get_template_attribute,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from markupsafe import Markup
from wtforms import Field

from quizapp.extensions import db, limit_submissions
from quizapp.formats.claimreview import script_json
from quizapp.item_analysis import summarize
from quizapp.models import Attempt
from quizapp.models.quiz import DisplayMode
from quizapp.services import attempts as attempt_service
from quizapp.services import catalogue as catalogue_service
from quizapp.services import option_order, quiz_cache, taking
from quizapp.services import results as result_service
from quizapp.services import score_card as card_service
from quizapp.services import stats as stats_service
from quizapp.services import verdicts as verdict_service
from quizapp.services.article_layout import article_blocks
from quizapp.services.errors import Forbidden, InvalidSubmission, NotFound
from quizapp.web import browser_memory, charts, play
from quizapp.web.forms import TakeQuizForm, posted_answers, take_quiz_form, take_quiz_form_class
from quizapp.web.lookups import published_quiz_or_404

bp = Blueprint("quiz", __name__)

#: Highest page number of the scores list that is looked up at all.
MAX_PAGE = 1_000_000


@bp.get("/")
def index() -> ResponseReturnValue:
    """The home page: every published quiz, with what this browser scored on it."""
    cards = catalogue_service.quiz_cards(browser_memory.attempt_tokens())
    return render_template("quiz/index.html", cards=cards)


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
@limit_submissions
def take(quiz_id: int) -> ResponseReturnValue:
    """Show the quiz form; on a valid POST store the attempt and redirect to its results.

    ``?retake=TOKEN`` asks only the questions that attempt of this browser missed.
    """
    page = taking.quiz_page(quiz_id)
    retake_of = _retake_parent(page)
    questions = page.questions
    if retake_of is not None:
        missed = attempt_service.missed_question_ids(retake_of)
        questions = tuple(q for q in page.questions if q.id in missed)
        if not questions:
            flash("You got every question right: there is nothing to retake.", "info")
            return redirect(url_for("quiz.result", token=retake_of.token), code=303)
    elif page.display_mode == DisplayMode.ONE and request.method != "POST":
        return play.first_question_page(published_quiz_or_404(quiz_id))
    owner = browser_memory.taker_id()  # before the form is shown: its submission is bound to it
    if request.method != "POST" and retake_of is None:
        # A blank form around the question list every taker of this version shares, its
        # options in the order this form's submission id gives them.
        form = TakeQuizForm()
        return _take_page(
            page, form, retake_of, _question_list(page), orders=_orders(form, questions)
        )
    if retake_of is None:  # the form class of this version, built once per process
        form = quiz_cache.cached(
            page.id, page.version, "form", lambda: take_quiz_form_class(page.questions)
        )()
    else:
        form = take_quiz_form(questions)
    orders = _orders(form, questions)
    if request.method != "POST":  # a retake, named as the attempt it retakes
        form.name.data = retake_of.name if retake_of is not None else None
        return _take_page(
            page, form, retake_of, jsonld=_question_list(page).claim_review_jsonld, orders=orders
        )
    if not form.validate_on_submit():
        return _take_page(page, form, retake_of, orders=orders), 400
    try:
        answers = taking.parse_answers(posted_answers(request.form), text=True)
        taking.require_an_answer(answers)
        unanswered = form.unanswered()
        # Answers to questions the form no longer has (an editor changed the quiz) are the
        # service's to judge first: it says what changed, and that says more than a summary.
        on_form = {int(field.name[2:]) for field in form.question_fields()}
        if unanswered and form.confirm_unanswered.data != "yes" and on_form >= answers.keys():
            # Nothing stored yet: the form again, its answers checked, the questions left
            # open listed at the top with "Submit anyway" (the same submission id goes with it).
            return _take_page(page, form, retake_of, unanswered=unanswered, orders=orders)
        submission = taking.submit(
            page.id,
            answers,
            form.name.data,
            form.submission_id.data,
            origin="web",
            owner=owner,
            retake_of=retake_of,
            option_order=orders,
        )
    except InvalidSubmission as exc:  # the form again, with the reason and the answers given
        flash(exc.message, "error")
        return _take_page(page, form, retake_of, orders=orders), exc.status_code
    # A replay can only come from this browser: its submission id is bound to it, so
    # remembering the attempt reveals nothing new.
    browser_memory.remember_attempt(submission.attempt.token)
    if submission.created and submission.unanswered:
        n = submission.unanswered
        flash(
            f"You left {n} question{'s' if n != 1 else ''} unanswered; they count as wrong.",
            "warning",
        )
    return redirect(url_for("quiz.result", token=submission.attempt.token), code=303)


def _orders(
    form: TakeQuizForm, questions: Sequence[taking.QuestionItem]
) -> option_order.OptionOrder:
    """The order the options of ``form``'s page are shown in: drawn from its submission id,
    issued per page view and posted back, so the form sent back, a replay and the stored
    attempt all have the order the taker saw."""
    seed = form.submission_id.data
    return option_order.order_of(seed if isinstance(seed, str) and seed else None, questions)


def _take_page(
    page: taking.QuizPage,
    form: TakeQuizForm,
    retake_of: Attempt | None,
    question_list: QuestionList | None = None,
    jsonld: str | None = None,
    unanswered: list[tuple[int, Field]] | None = None,
    orders: option_order.OptionOrder | None = None,
) -> str:
    """The quiz page: the form with the shared question list, or with the form's own fields
    (a retake, or a form sent back with its errors and the answers given), each question's
    options in ``orders``.

    ``unanswered`` (numbered fields) makes it the confirmation step: those questions are
    listed at the top, with "Submit anyway" and a way back to the first of them.
    """
    return render_template(
        "quiz/take.html",
        quiz=page,
        form=form,
        retake_of=retake_of,
        question_list=question_list,
        question_html=question_list.html_in(orders or {}) if question_list else None,
        orders=orders,
        unanswered=unanswered or [],
        unanswered_ids={field.id for _, field in unanswered or []},
        claim_review_jsonld=question_list.claim_review_jsonld if question_list else jsonld,
    )


@dataclass(frozen=True)
class QuestionPieces:
    """One blank question fieldset, rendered in parts: its opening (legend), each option's
    list item by option id, and its end."""

    id: int
    head: str
    options: Mapping[int, str]
    tail: str


@dataclass(frozen=True)
class QuestionList:
    """The blank question fieldsets of a quiz version, and its ClaimReview markup.

    The pieces come from the autoescaping macros of ``_macros.html`` that
    ``quiz/_questions.html`` uses when take.html renders a form's own fields; only putting the
    options in each form's own order is left for the request (:meth:`html_in`).
    """

    questions: tuple[QuestionPieces, ...]
    count: int
    claim_review_jsonld: str | None

    def html_in(self, orders: Mapping[int, Sequence[int]]) -> Markup:
        """The question list with each question's options in ``orders`` (option ids; a
        question it does not name keeps its own order)."""
        parts: list[str] = []
        for question in self.questions:
            parts.append(question.head)
            order = orders.get(question.id) or question.options.keys()
            parts.extend(question.options[option] for option in order)
            parts.append(question.tail)
        # Each part is a macro's autoescaped output (joined as text: Markup.join would escape
        # each part again, a third of this page's per-view cost).
        return Markup("".join(parts))  # noqa: S704  # nosec B704


def _question_list(page: taking.QuizPage) -> QuestionList:
    """The rendered question list of ``page``'s quiz version, built once per process.

    Per site root too: the JSON-LD holds absolute links.
    """
    return quiz_cache.cached(
        page.id, page.version, "questions", lambda: _render_question_list(page), request.url_root
    )


def _render_question_list(page: taking.QuizPage) -> QuestionList:
    fields = take_quiz_form(page.questions).question_fields()
    head = get_template_attribute("_macros.html", "radio_group_open")
    option = get_template_attribute("_macros.html", "radio_option")
    tail = get_template_attribute("_macros.html", "radio_group_close")
    article_url = url_for("quiz.article", quiz_id=page.id)
    total = len(fields)
    pieces = tuple(
        QuestionPieces(
            id=question.id,
            head=str(head(field, number, total)),
            options={choice.data: str(option(choice)) for choice in field},
            tail=str(tail(field, number, article_url)),
        )
        for number, (question, field) in enumerate(zip(page.questions, fields, strict=True), 1)
    )
    reviews = verdict_service.claim_reviews(published_quiz_or_404(page.id).article)
    return QuestionList(pieces, total, script_json(reviews) if reviews else None)


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
    questions = attempt_service.reviewed_questions(attempt)
    taken = result_service.past_scores(browser_memory.attempt_tokens())
    return render_template(
        "quiz/result.html",
        attempt=attempt,
        quiz=attempt.quiz,
        items=result_service.review_items(
            questions, chosen, attempt.quiz.article.text, attempt.option_order
        ),
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


def _retake_parent(quiz: taking.QuizPage) -> Attempt | None:
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
