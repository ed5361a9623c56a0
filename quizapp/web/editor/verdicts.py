"""Editors' verdicts on an article's claims, and the questions built from them."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from quizapp.services import verdicts as verdict_service
from quizapp.web.editor import bp
from quizapp.web.editor.forms import ActionForm, VerdictForm, require_action_form
from quizapp.web.lookups import claim_or_404, quiz_or_404


@bp.route("/quizzes/<int:quiz_id>/claims", methods=["GET"])
def claims(quiz_id: int) -> ResponseReturnValue:
    """The article's claims, each with the editor's verdict form."""
    quiz = quiz_or_404(quiz_id)
    forms = {}
    for claim in sorted(quiz.article.claims, key=lambda c: c.start):
        form = VerdictForm(prefix=f"c{claim.id}")
        form.verdict.data = claim.verdict or ""
        form.note.data = claim.verdict_note or ""
        form.url.data = claim.verdict_url or ""
        forms[claim.id] = (claim, form)
    return render_template("editor/claims.html", quiz=quiz, forms=forms, action=ActionForm())


@bp.post("/quizzes/<int:quiz_id>/claims/<int:claim_id>/verdict")
def set_verdict(quiz_id: int, claim_id: int) -> ResponseReturnValue:
    """Record an editor's verdict on a claim."""
    claim = claim_or_404(quiz_or_404(quiz_id), claim_id)
    form = VerdictForm(prefix=f"c{claim.id}")
    if not form.validate_on_submit():
        messages = "; ".join(e for errors in form.errors.values() for e in errors)
        abort(400, f"The verdict was not saved: {messages}")
    verdict_service.set_verdict(
        claim, form.verdict.data or None, form.note.data or "", form.url.data or ""
    )
    flash("Verdict saved." if form.verdict.data else "Verdict cleared.", "info")
    return redirect(url_for("editor.claims", quiz_id=quiz_id, _anchor=f"claim{claim.id}"), code=303)


@bp.post("/quizzes/<int:quiz_id>/claims/<int:claim_id>/question")
def add_verdict_question(quiz_id: int, claim_id: int) -> ResponseReturnValue:
    """Add "Is this claim from the article accurate?" built from the claim's verdict."""
    quiz = quiz_or_404(quiz_id)
    require_action_form()
    claim = claim_or_404(quiz, claim_id)
    question = verdict_service.add_verdict_question(quiz, claim)
    flash("Verdict question added.", "info")
    return redirect(url_for("editor.review", quiz_id=quiz.id, _anchor=f"q{question.id}"), code=303)
