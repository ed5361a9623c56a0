"""Editors' authoring pages: import an article, review and fix its draft quiz, publish."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue

from quizapp.auth import editor_required
from quizapp.extensions import db
from quizapp.models import Claim, ImportJob, Question, Quiz
from quizapp.services import editing, jobs
from quizapp.services import verdicts as verdict_service
from quizapp.services.articles import import_article
from quizapp.services.errors import ServiceError
from quizapp.services.imports import text_from_paste, text_from_upload
from quizapp.services.quiz_files import import_quiz_file
from quizapp.services.quizzes import evidence_in_paragraph
from quizapp.web.editor_forms import (
    OPTION_SLOTS,
    ActionForm,
    ImportForm,
    ImportQuizForm,
    NewQuestionForm,
    QuestionForm,
    RegenerateForm,
    VerdictForm,
)

bp = Blueprint("authoring", __name__, url_prefix="/editor")


@bp.route("/import", methods=["GET", "POST"])
@editor_required
def import_article_view() -> ResponseReturnValue:
    """Paste or upload an article; the engine makes a draft quiz from it."""
    form = ImportForm()
    if form.validate_on_submit():
        max_chars = current_app.config["ARTICLE_MAX_CHARS"]
        upload = form.upload.data
        try:
            if upload and getattr(upload, "filename", ""):
                text, page_title = text_from_upload(
                    upload.filename, upload.read(), max_chars=max_chars
                )
            elif form.text.data and form.text.data.strip():
                text, page_title = text_from_paste(form.text.data, max_chars=max_chars), None
            else:
                form.text.errors.append("Paste the article's text or choose a file.")
                return render_template("editor/import.html", form=form), 400
            title = form.title.data or page_title
            source_url = form.source_url.data or None
            if len(text) >= current_app.config["IMPORT_BACKGROUND_CHARS"]:
                job = jobs.start_import(
                    text, title=title, source_url=source_url, publish=form.publish.data
                )
                return redirect(url_for("authoring.import_progress", token=job.token), code=303)
            quiz = import_article(
                text,
                title=title,
                source_url=source_url,
                seed=current_app.config["GENERATOR_SEED"],
                max_questions=current_app.config["QUIZ_MAX_QUESTIONS"],
                publish=form.publish.data,
            )
        except ServiceError as exc:
            form.text.errors.append(exc.message)
            return render_template("editor/import.html", form=form), exc.status_code
        flash(f"Imported “{quiz.title}”: {len(quiz.questions)} questions generated.", "info")
        return redirect(url_for("authoring.review", quiz_id=quiz.id), code=303)
    status = 400 if form.errors else 200
    return render_template("editor/import.html", form=form), status


@bp.route("/import-quiz", methods=["GET", "POST"])
@editor_required
def import_quiz_view() -> ResponseReturnValue:
    """Upload a GIFT, Moodle XML, QTI, Aiken or JSON quiz; it becomes a draft quiz."""
    form = ImportQuizForm()
    if form.validate_on_submit():
        upload = form.upload.data
        if not upload or not getattr(upload, "filename", ""):
            form.upload.errors.append("Choose a quiz file.")
            return render_template("editor/import_quiz.html", form=form), 400
        try:
            quiz = import_quiz_file(
                upload.read(), form.format.data or "", publish=form.publish.data
            )
        except ServiceError as exc:
            form.upload.errors.append(exc.message)
            return render_template("editor/import_quiz.html", form=form), exc.status_code
        flash(f"Imported “{quiz.title}” with {len(quiz.questions)} questions.", "info")
        return redirect(url_for("authoring.review", quiz_id=quiz.id), code=303)
    status = 400 if form.errors else 200
    return render_template("editor/import_quiz.html", form=form), status


@bp.get("/imports/<token>")
@editor_required
def import_progress(token: str) -> ResponseReturnValue:
    """The progress of a long article's generation (refreshes itself, with or without JS)."""
    job = _job(token)
    if job.status == "done" and job.quiz_id is not None:
        flash("The quiz is ready.", "info")
        return redirect(url_for("authoring.review", quiz_id=job.quiz_id), code=303)
    return render_template("editor/import_progress.html", job=job)


@bp.get("/imports/<token>.json")
@editor_required
def import_progress_json(token: str) -> ResponseReturnValue:
    """The same progress as JSON, for the page's script."""
    job = _job(token)
    return jsonify(
        status=job.status,
        progress=round(job.progress, 3),
        stage=job.stage,
        message=job.message,
        review_url=url_for("authoring.review", quiz_id=job.quiz_id) if job.quiz_id else None,
    )


@bp.get("/quizzes/<int:quiz_id>")
@editor_required
def review(quiz_id: int) -> ResponseReturnValue:
    """The draft review: every question with its evidence in context, kind and mutations."""
    quiz = _quiz(quiz_id)
    text = quiz.article.text
    contexts = {
        q.id: evidence_in_paragraph(text, q.evidence_start, q.evidence_end) for q in quiz.questions
    }
    return render_template(
        "editor/review.html",
        quiz=quiz,
        contexts=contexts,
        action=ActionForm(),
        has_attempts=editing.has_attempts(quiz),
        claims=sorted(quiz.article.claims, key=lambda c: c.start),
    )


@bp.post("/quizzes/<int:quiz_id>/status")
@editor_required
def set_status(quiz_id: int) -> ResponseReturnValue:
    """Publish or unpublish."""
    quiz = _quiz(quiz_id)
    _require_action_form()
    status = request.form.get("status", "")
    try:
        editing.set_status(quiz, status)
    except ServiceError as exc:
        abort(exc.status_code, exc.message)
    flash(
        "Published: quiz takers can see it now." if status == "published" else "Unpublished.",
        "info",
    )
    return redirect(url_for("authoring.review", quiz_id=quiz.id), code=303)


@bp.post("/quizzes/<int:quiz_id>/display")
@editor_required
def set_display_mode(quiz_id: int) -> ResponseReturnValue:
    """All questions on one page, or one at a time with feedback after each answer."""
    quiz = _quiz(quiz_id)
    _require_action_form()
    mode = request.form.get("display_mode", "")
    try:
        editing.set_display_mode(quiz, mode)
    except ServiceError as exc:
        abort(exc.status_code, exc.message)
    flash(
        "Quiz takers now see one question at a time, with feedback after each answer."
        if mode == "one"
        else "Quiz takers now see every question on one page.",
        "info",
    )
    return redirect(url_for("authoring.review", quiz_id=quiz.id), code=303)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@editor_required
def edit_question(question_id: int) -> ResponseReturnValue:
    """Edit a question's stem, options and key; the quality gate checks the result."""
    question = _question(question_id)
    form = QuestionForm()
    if request.method == "GET":
        form.stem.data = question.stem
        form.explanation.data = question.explanation
        for i, choice in enumerate(question.choices[:OPTION_SLOTS], start=1):
            getattr(form, f"option_{i}").data = choice.text
            if choice.is_correct:
                form.key.data = str(i)
    gate_errors: list[str] = []
    if form.validate_on_submit():
        try:
            saved = editing.update_question(
                question,
                stem=form.stem.data or "",
                options=form.options(),
                explanation=form.explanation.data or "",
            )
        except editing.GateRejected as exc:
            gate_errors = exc.reasons
        else:
            flash(
                "Saved."
                if saved is question
                else "Saved as a new question; the old one is "
                "retired so past attempts keep their scores.",
                "info",
            )
            return redirect(
                url_for("authoring.review", quiz_id=saved.quiz_id, _anchor=f"q{saved.id}"), code=303
            )
    status = 400 if (form.errors or gate_errors) else 200
    return (
        render_template(
            "editor/question_form.html",
            form=form,
            quiz=question.quiz,
            question=question,
            gate_errors=gate_errors,
            evidence=question.evidence_text,
        ),
        status,
    )


@bp.route("/quizzes/<int:quiz_id>/questions/new", methods=["GET", "POST"])
@editor_required
def new_question(quiz_id: int) -> ResponseReturnValue:
    """Write a question by hand for one of the article's claims."""
    quiz = _quiz(quiz_id)
    form = NewQuestionForm()
    claims = sorted(quiz.article.claims, key=lambda c: c.start)
    form.claim.choices = [(c.id, c.text[:120]) for c in claims]
    gate_errors: list[str] = []
    if form.validate_on_submit():
        claim = db.session.get(Claim, form.claim.data)
        if claim is None:
            abort(400, "Choose one of the article's claims.")
        try:
            question = editing.add_question(
                quiz,
                claim=claim,
                kind=form.kind.data or "fact_recall",
                stem=form.stem.data or "",
                options=form.options(),
                explanation=form.explanation.data or "",
            )
        except editing.GateRejected as exc:
            gate_errors = exc.reasons
        except ServiceError as exc:
            abort(exc.status_code, exc.message)
        else:
            flash("Question added.", "info")
            return redirect(
                url_for("authoring.review", quiz_id=quiz.id, _anchor=f"q{question.id}"), code=303
            )
    status = 400 if (form.errors or gate_errors) else 200
    return (
        render_template(
            "editor/question_form.html",
            form=form,
            quiz=quiz,
            question=None,
            gate_errors=gate_errors,
            evidence=None,
        ),
        status,
    )


@bp.post("/questions/<int:question_id>/delete")
@editor_required
def delete_question(question_id: int) -> ResponseReturnValue:
    """Delete a question (retire it when the quiz has attempts)."""
    question = _question(question_id)
    _require_action_form()
    quiz_id = question.quiz_id
    editing.delete_question(question)
    flash("Question removed.", "info")
    return redirect(url_for("authoring.review", quiz_id=quiz_id), code=303)


@bp.post("/questions/<int:question_id>/move")
@editor_required
def move_question(question_id: int) -> ResponseReturnValue:
    """Move a question up or down."""
    question = _question(question_id)
    _require_action_form()
    step = -1 if request.form.get("direction") == "up" else 1
    editing.move_question(question, step)
    return redirect(
        url_for("authoring.review", quiz_id=question.quiz_id, _anchor=f"q{question.id}"), code=303
    )


@bp.post("/questions/<int:question_id>/regenerate")
@editor_required
def regenerate_question(question_id: int) -> ResponseReturnValue:
    """Replace a question with a new one from the same claim or another claim."""
    question = _question(question_id)
    form = RegenerateForm()
    if not form.validate_on_submit():
        abort(400, "The form could not be accepted.")
    claim = None
    if form.claim.data:
        claim = db.session.get(Claim, form.claim.data)
        if claim is None or claim.article_id != question.quiz.article_id:
            abort(400, "Choose one of this article's claims.")
    quiz_id = question.quiz_id
    try:
        new = editing.regenerate_question(question, claim)
    except ServiceError as exc:
        flash(exc.message, "error")
        return redirect(url_for("authoring.review", quiz_id=quiz_id), code=303)
    flash("A new question was generated.", "info")
    return redirect(url_for("authoring.review", quiz_id=quiz_id, _anchor=f"q{new.id}"), code=303)


@bp.post("/questions/<int:question_id>/replace")
@editor_required
def retire_and_replace(question_id: int) -> ResponseReturnValue:
    """From the item analysis: retire a flagged question and generate a replacement."""
    question = _question(question_id)
    _require_action_form()
    if question.status != "active":
        abort(409, "This question is already retired.")
    new = editing.retire_and_replace(question)
    flash(
        "Retired; a replacement was generated."
        if new
        else "Retired; the engine had no new question to replace it.",
        "info",
    )
    return redirect(url_for("editor.analysis", quiz_id=question.quiz_id), code=303)


@bp.route("/quizzes/<int:quiz_id>/claims", methods=["GET"])
@editor_required
def claims(quiz_id: int) -> ResponseReturnValue:
    """The article's claims, each with the editor's verdict form."""
    quiz = _quiz(quiz_id)
    forms = {}
    for claim in sorted(quiz.article.claims, key=lambda c: c.start):
        form = VerdictForm(prefix=f"c{claim.id}")
        form.verdict.data = claim.verdict or ""
        form.note.data = claim.verdict_note or ""
        form.url.data = claim.verdict_url or ""
        forms[claim.id] = (claim, form)
    return render_template("editor/claims.html", quiz=quiz, forms=forms, action=ActionForm())


@bp.post("/quizzes/<int:quiz_id>/claims/<int:claim_id>/verdict")
@editor_required
def set_verdict(quiz_id: int, claim_id: int) -> ResponseReturnValue:
    """Record an editor's verdict on a claim."""
    quiz = _quiz(quiz_id)
    claim = db.session.get(Claim, claim_id)
    if claim is None or claim.article_id != quiz.article_id:
        abort(404, "There is no such claim in this article.")
    form = VerdictForm(prefix=f"c{claim.id}")
    if not form.validate_on_submit():
        messages = "; ".join(e for errors in form.errors.values() for e in errors)
        abort(400, f"The verdict was not saved: {messages}")
    try:
        verdict_service.set_verdict(
            claim, form.verdict.data or None, form.note.data or "", form.url.data or ""
        )
    except ServiceError as exc:
        abort(exc.status_code, exc.message)
    flash("Verdict saved." if form.verdict.data else "Verdict cleared.", "info")
    return redirect(
        url_for("authoring.claims", quiz_id=quiz.id, _anchor=f"claim{claim.id}"), code=303
    )


@bp.post("/quizzes/<int:quiz_id>/claims/<int:claim_id>/question")
@editor_required
def add_verdict_question(quiz_id: int, claim_id: int) -> ResponseReturnValue:
    """Add "Is this claim from the article accurate?" built from the claim's verdict."""
    quiz = _quiz(quiz_id)
    _require_action_form()
    claim = db.session.get(Claim, claim_id)
    if claim is None or claim.article_id != quiz.article_id:
        abort(404, "There is no such claim in this article.")
    try:
        question = verdict_service.add_verdict_question(quiz, claim)
    except ServiceError as exc:
        abort(exc.status_code, exc.message)
    flash("Verdict question added.", "info")
    return redirect(
        url_for("authoring.review", quiz_id=quiz.id, _anchor=f"q{question.id}"), code=303
    )


def _require_action_form() -> None:
    if not ActionForm().validate_on_submit():
        abort(400, "The form could not be accepted.")


def _job(token: str) -> ImportJob:
    try:
        return jobs.get_job(token)
    except ServiceError as exc:
        abort(exc.status_code, exc.message)


def _quiz(quiz_id: int) -> Quiz:
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None:
        abort(404, "There is no such quiz.")
    return quiz


def _question(question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None:
        abort(404, "There is no such question.")
    return question
