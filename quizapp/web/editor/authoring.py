"""Editors' authoring pages: review and fix a draft quiz, publish it."""

from __future__ import annotations

from flask import (
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue

from quizapp.engine.kinds import QuestionKind
from quizapp.extensions import db
from quizapp.models import Claim, Question
from quizapp.models.quiz import DisplayMode, QuestionStatus, QuizStatus
from quizapp.services import editing
from quizapp.services.errors import ServiceError
from quizapp.services.quizzes import evidence_in_paragraph
from quizapp.web.editor import bp
from quizapp.web.editor.forms import (
    OPTION_SLOTS,
    ActionForm,
    NewQuestionForm,
    QuestionForm,
    RegenerateForm,
    confirmed,
    require_action_form,
    taker_preview,
)
from quizapp.web.lookups import question_or_404, quiz_or_404


@bp.get("/quizzes/<int:quiz_id>")
def review(quiz_id: int) -> ResponseReturnValue:
    """The draft review: every question with its evidence in context, kind and mutations.

    ``?new=ID`` names a question just made (by Regenerate): it is highlighted, and the flash
    message is shown inside it rather than at the top, so both are in view at its anchor.
    """
    quiz = quiz_or_404(quiz_id)
    text = quiz.article.text
    contexts = {
        q.id: evidence_in_paragraph(text, q.evidence_start, q.evidence_end) for q in quiz.questions
    }
    new = request.args.get("new", type=int)
    return render_template(
        "editor/review.html",
        quiz=quiz,
        contexts=contexts,
        action=ActionForm(),
        has_attempts=editing.has_attempts(quiz),
        lean=editing.true_false_lean(quiz),
        claims=sorted(quiz.article.claims, key=lambda c: c.start),
        highlight=new if any(q.id == new for q in quiz.active_questions) else None,
    )


@bp.post("/quizzes/<int:quiz_id>/status")
def set_status(quiz_id: int) -> ResponseReturnValue:
    """Publish or unpublish."""
    quiz = quiz_or_404(quiz_id)
    require_action_form()
    status = editing.set_status(quiz, request.form.get("status", ""))
    flash(
        "Published: quiz takers can see it now."
        if status is QuizStatus.PUBLISHED
        else "Unpublished.",
        "info",
    )
    return redirect(url_for("editor.review", quiz_id=quiz.id), code=303)


@bp.post("/quizzes/<int:quiz_id>/display")
def set_display_mode(quiz_id: int) -> ResponseReturnValue:
    """All questions on one page, or one at a time with feedback after each answer."""
    quiz = quiz_or_404(quiz_id)
    require_action_form()
    mode = editing.set_display_mode(quiz, request.form.get("display_mode", ""))
    flash(
        "Quiz takers now see one question at a time, with feedback after each answer."
        if mode is DisplayMode.ONE
        else "Quiz takers now see every question on one page.",
        "info",
    )
    return redirect(url_for("editor.review", quiz_id=quiz.id), code=303)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: int) -> ResponseReturnValue:
    """Edit a question's stem, options and key; the quality gate checks the result.

    The form's second button, "Preview as a taker", shows the question as quiz takers would
    see it above the form again, with what the gate would refuse, and saves nothing.
    """
    question = question_or_404(question_id)
    form = QuestionForm()
    if request.method != "POST":
        form.stem.data = question.stem
        form.explanation.data = question.explanation
        for i, choice in enumerate(question.choices[:OPTION_SLOTS], start=1):
            getattr(form, f"option_{i}").data = choice.text
            if choice.is_correct:
                form.key.data = str(i)
    gate_errors: list[str] = []
    preview = None
    if form.validate_on_submit():
        if form.previewing():
            active = question.quiz.active_questions
            number = active.index(question) + 1 if question in active else len(active)
            problems = editing.edit_problems(question, *form.stem_and_options())
            preview = taker_preview(form, number, len(active), problems)
        else:
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
                    url_for("editor.review", quiz_id=saved.quiz_id, _anchor=f"q{saved.id}"),
                    code=303,
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
            preview=preview,
            cancel_url=url_for(
                "editor.review", quiz_id=question.quiz_id, _anchor=f"q{question.id}"
            ),
        ),
        status,
    )


@bp.route("/quizzes/<int:quiz_id>/questions/new", methods=["GET", "POST"])
def new_question(quiz_id: int) -> ResponseReturnValue:
    """Write a question by hand for one of the article's claims (with a taker's preview)."""
    quiz = quiz_or_404(quiz_id)
    form = NewQuestionForm()
    claims = sorted(quiz.article.claims, key=lambda c: c.start)
    form.claim.choices = [(c.id, c.text[:120]) for c in claims]
    gate_errors: list[str] = []
    preview = None
    if form.validate_on_submit():
        claim = db.session.get(Claim, form.claim.data)
        if claim is None:
            abort(400, "Choose one of the article's claims.")
        kind = form.kind.data or QuestionKind.FACT_RECALL
        if form.previewing():
            stem, options = form.stem_and_options()
            problems = editing.check(quiz, kind, stem, options, (claim.start, claim.end))
            total = len(quiz.active_questions) + 1
            preview = taker_preview(form, total, total, problems)
        else:
            try:
                question = editing.add_question(
                    quiz,
                    claim=claim,
                    kind=kind,
                    stem=form.stem.data or "",
                    options=form.options(),
                    explanation=form.explanation.data or "",
                )
            except editing.GateRejected as exc:
                gate_errors = exc.reasons
            else:
                flash("Question added.", "info")
                return redirect(
                    url_for("editor.review", quiz_id=quiz.id, _anchor=f"q{question.id}"),
                    code=303,
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
            preview=preview,
            cancel_url=url_for("editor.review", quiz_id=quiz.id),
        ),
        status,
    )


@bp.post("/questions/<int:question_id>/delete")
def delete_question(question_id: int) -> ResponseReturnValue:
    """Delete a question (retire it when the quiz has attempts), once confirmed."""
    question = question_or_404(question_id)
    require_action_form()
    quiz_id = question.quiz_id
    if not confirmed():
        kept = editing.has_attempts(question.quiz)
        return _confirmation(
            question,
            heading="Delete this question?",
            consequences=[
                "The quiz has attempts, so the question is retired, not erased: past scores "
                "and reviews keep it, and nobody is asked it again."
                if kept
                else "The question and its options are erased; this cannot be undone.",
                *_published_note(question),
            ],
            button="Delete the question",
            cancel_url=url_for("editor.review", quiz_id=quiz_id, _anchor=f"q{question.id}"),
        )
    editing.delete_question(question)
    flash("Question removed.", "info")
    return redirect(url_for("editor.review", quiz_id=quiz_id), code=303)


@bp.post("/questions/<int:question_id>/move")
def move_question(question_id: int) -> ResponseReturnValue:
    """Move a question up or down."""
    question = question_or_404(question_id)
    require_action_form()
    step = -1 if request.form.get("direction") == "up" else 1
    editing.move_question(question, step)
    return redirect(
        url_for("editor.review", quiz_id=question.quiz_id, _anchor=f"q{question.id}"), code=303
    )


@bp.post("/questions/<int:question_id>/regenerate")
def regenerate_question(question_id: int) -> ResponseReturnValue:
    """Replace a question with a new one from the same claim or another claim, once confirmed."""
    question = question_or_404(question_id)
    form = RegenerateForm()
    if not form.validate_on_submit():
        abort(400, "The form could not be accepted.")
    claim = None
    if form.claim.data:
        claim = db.session.get(Claim, form.claim.data)
        if claim is None or claim.article_id != question.quiz.article_id:
            abort(400, "Choose one of this article's claims.")
    quiz_id = question.quiz_id
    if not confirmed():
        source = (
            f"The engine writes a new question from the claim “{claim.text}”"
            if claim is not None
            else "The engine writes a new question from the same claim"
        )
        old = (
            "the current one is retired (the quiz has attempts: past scores keep it)."
            if editing.has_attempts(question.quiz)
            else "the current one is erased."
        )
        return _confirmation(
            question,
            heading="Replace this question with a new one?",
            consequences=[
                f"{source}, at the same place in the quiz; {old}",
                *_published_note(question),
            ],
            button="Regenerate the question",
            cancel_url=url_for("editor.review", quiz_id=quiz_id, _anchor=f"q{question.id}"),
            fields={"claim": str(claim.id) if claim is not None else ""},
        )
    try:
        new = editing.regenerate_question(question, claim)
    except ServiceError as exc:
        flash(exc.message, "error")
        return redirect(
            url_for("editor.review", quiz_id=quiz_id, _anchor=f"q{question.id}"), code=303
        )
    flash("A new question was generated. Check it before quiz takers see it.", "info")
    return redirect(
        url_for("editor.review", quiz_id=quiz_id, new=new.id, _anchor=f"q{new.id}"), code=303
    )


@bp.post("/questions/<int:question_id>/replace")
def retire_and_replace(question_id: int) -> ResponseReturnValue:
    """From the item analysis: retire a flagged question and generate a replacement, once
    confirmed."""
    question = question_or_404(question_id)
    require_action_form()
    if question.status != QuestionStatus.ACTIVE:
        abort(409, "This question is already retired.")
    if not confirmed():
        return _confirmation(
            question,
            heading="Retire this question and generate a replacement?",
            consequences=[
                "Nobody is asked this question again; past attempts keep it and their scores.",
                "The engine writes a replacement, from a claim no question covers yet when "
                "there is one; if it finds nothing new, the quiz has one question fewer.",
                *_published_note(question),
            ],
            button="Retire and replace",
            cancel_url=url_for(
                "editor.analysis", quiz_id=question.quiz_id, _anchor=f"q{question.id}-title"
            ),
        )
    new = editing.retire_and_replace(question)
    flash(
        "Retired; a replacement was generated."
        if new
        else "Retired; the engine had no new question to replace it.",
        "info",
    )
    return redirect(url_for("editor.analysis", quiz_id=question.quiz_id), code=303)


def _published_note(question: Question) -> list[str]:
    """A line for the confirmation page when takers will see the change at once."""
    if question.quiz.is_published:
        return ["The quiz is published: people taking it see the change at once."]
    return []


def _confirmation(
    question: Question,
    *,
    heading: str,
    consequences: list[str],
    button: str,
    cancel_url: str,
    fields: dict[str, str] | None = None,
) -> ResponseReturnValue:
    """The confirmation step of a destructive button, which works without JavaScript.

    The page names the question and what will happen, and offers the same POST again with
    ``confirm=yes`` (and the button's own fields) or a way back. Nothing is changed yet.
    """
    active = question.quiz.active_questions
    number = active.index(question) + 1 if question in active else None
    return render_template(
        "editor/confirm.html",
        quiz=question.quiz,
        question=question,
        number=number,
        heading=heading,
        consequences=consequences,
        button=button,
        cancel_url=cancel_url,
        fields=fields or {},
        action=ActionForm(),
    )
