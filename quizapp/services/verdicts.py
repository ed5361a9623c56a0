"""Editors' verdicts on claims, the questions built from them, and ClaimReview markup."""

from __future__ import annotations

from flask import current_app, url_for

from quizapp.engine.kinds import QuestionKind
from quizapp.extensions import db
from quizapp.formats.claimreview import RATINGS, ReviewedClaim, claim_review
from quizapp.models import (
    VERDICTS,
    Article,
    Choice,
    Claim,
    Question,
    QuestionStatus,
    Quiz,
    QuizStatus,
)
from quizapp.models.base import utcnow
from quizapp.services.errors import ServiceError
from quizapp.services.validation import check_url

VERDICT_KIND = QuestionKind.VERDICT
VERDICT_STEM = "Is this claim from the article accurate? “{claim}”"


def set_verdict(claim: Claim, verdict: str | None, note: str, url: str) -> None:
    """Record (or clear, with ``None``) an editor's verdict on a claim."""
    if verdict is not None and verdict not in VERDICTS:
        raise ServiceError(f"Unknown verdict {verdict!r}.")
    url = check_url(url, "The verdict's source URL") or ""
    claim.verdict = verdict
    claim.verdict_note = note or None
    claim.verdict_url = url or None
    claim.verdict_at = utcnow() if verdict else None
    db.session.commit()


def add_verdict_question(quiz: Quiz, claim: Claim) -> Question:
    """Add "Is this claim from the article accurate?" with the editor's verdict as key."""
    if claim.article_id != quiz.article_id:
        raise ServiceError("That claim belongs to another article.")
    if not claim.verdict:
        raise ServiceError("Record a verdict on this claim first.")
    if any(q.kind == VERDICT_KIND and q.claim_id == claim.id for q in quiz.active_questions):
        raise ServiceError("The quiz already asks about this claim's verdict.")
    labels = [RATINGS[v][1] for v in VERDICTS]
    question = Question(
        quiz=quiz,
        claim=claim,
        kind=VERDICT_KIND,
        stem=VERDICT_STEM.format(claim=claim.text),
        explanation=claim.verdict_note or f"The editors rated this claim {claim.verdict}.",
        evidence_start=claim.start,
        evidence_end=claim.end,
        position=max((q.position for q in quiz.questions), default=-1) + 1,
        choices=[
            Choice(
                text=label,
                is_correct=v == claim.verdict,
                mutation=None if v == claim.verdict else "verdict",
                position=i,
            )
            for i, (v, label) in enumerate(zip(VERDICTS, labels, strict=True))
        ],
    )
    db.session.add(question)
    db.session.commit()
    return question


def claims_asked_for_verdict(article: Article) -> set[int]:
    """The claims of ``article`` whose verdict a published quiz asks takers to give."""
    return set(
        db.session.scalars(
            db.select(Question.claim_id)
            .join(Quiz, Question.quiz_id == Quiz.id)
            .where(
                Quiz.article_id == article.id,
                Quiz.status == QuizStatus.PUBLISHED,
                Question.status == QuestionStatus.ACTIVE,
                Question.kind == VERDICT_KIND,
                Question.claim_id.is_not(None),
            )
        )
    )


def claim_reviews(article: Article) -> list[dict[str, object]]:
    """ClaimReview JSON-LD objects for the article's claims that have a verdict.

    A claim whose verdict a published quiz asks about is left out: its rating is that
    question's key. Takers see the verdict with its question once they have answered (the
    feedback and results pages).
    """
    publisher = current_app.config["PUBLISHER_NAME"]
    asked = claims_asked_for_verdict(article)
    quiz = next((q for q in article.quizzes if q.is_published), None)
    page = url_for("quiz.article", quiz_id=quiz.id, _external=True) if quiz else ""
    return [
        claim_review(
            ReviewedClaim(
                text=claim.text,
                verdict=claim.verdict,
                note=claim.verdict_note or "",
                verdict_url=claim.verdict_url or "",
                reviewed_at=claim.verdict_at,
                article_title=article.title,
                article_url=article.source_url or "",
                review_page_url=page,
            ),
            publisher,
        )
        for claim in article.claims
        if claim.verdict and claim.id not in asked
    ]
