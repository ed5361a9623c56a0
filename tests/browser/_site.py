"""What the browser tests know about the seed quiz, read from the live server's database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from tests.factories import make_quiz


@dataclass(frozen=True)
class SeedQuestion:
    id: int
    stem: str
    key: int  # id of the correct choice
    choices: tuple[int, ...]
    evidence: str

    @property
    def wrong(self) -> int:
        return next(c for c in self.choices if c != self.key)


def questions_of(quiz: Quiz) -> tuple[SeedQuestion, ...]:
    """What the browser tests need to know of a stored quiz's active questions."""
    return tuple(
        SeedQuestion(
            id=q.id,
            stem=q.stem,
            key=q.correct_choice.id,  # type: ignore[union-attr]
            choices=tuple(c.id for c in q.choices),
            evidence=q.evidence_text,
        )
        for q in quiz.active_questions
    )


@dataclass(frozen=True)
class SeedQuiz:
    id: int
    title: str
    questions: tuple[SeedQuestion, ...]


def seed_quiz(live: Any) -> SeedQuiz:
    """The published seed quiz with its keys (never shown to the browser before answering)."""
    with live.app.app_context():
        quiz = (
            db.session.execute(db.select(Quiz).where(Quiz.status == "published").order_by(Quiz.id))
            .scalars()
            .first()
        )
        assert quiz is not None, "the seed quiz was not imported"
        questions = questions_of(quiz)
        return SeedQuiz(id=quiz.id, title=quiz.title, questions=questions)


def take_quiz(page: Any, live: Any, quiz: SeedQuiz, name: str = "Ada") -> str:
    """Answer every question right (quickly: the flow tests click) and submit; return the URL."""
    page.goto(live(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill(name)
    page.evaluate(
        "ids => ids.forEach(([q, c]) =>"
        " { document.querySelector(`input[name=q_${q}][value='${c}']`).checked = true; })",
        [[q.id, q.key] for q in quiz.questions],
    )
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url("**/attempts/*")
    return str(page.url)


@dataclass(frozen=True)
class HandQuiz:
    """A small quiz written by hand on the live server (not the seed quiz)."""

    id: int
    title: str
    questions: tuple[SeedQuestion, ...]


def hand_quiz(live: Any, title: str, *, display_mode: str = "one", n: int = 4) -> HandQuiz:
    """The published quiz called ``title``, made by hand the first time it is asked for."""
    with live.app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.title == title)).scalar_one_or_none()
        if quiz is None:
            quiz = make_quiz(n_questions=n, title=title, display_mode=display_mode)
        questions = questions_of(quiz)
        return HandQuiz(id=quiz.id, title=quiz.title, questions=questions)


#: The one-at-a-time quiz the page checks open.
ONE_QUIZ = "Stepwise quiz"
#: A quiz nobody has taken (the item analysis's empty state), and one taken 24 times with
#: flagged questions (the analysis with its summary of what needs attention).
UNTAKEN_QUIZ = "Untaken quiz"
TAKEN_QUIZ = "Much taken quiz"


def taken_quiz(live: Any) -> HandQuiz:
    """A published quiz with 24 attempts: Q1 always right (too easy), Q4 almost never (too
    hard), and distractors nobody chooses."""
    from tests.factories import submit_attempt

    quiz = hand_quiz(live, TAKEN_QUIZ, display_mode="all", n=4)
    with live.app.app_context():
        stored = db.session.get(Quiz, quiz.id)
        assert stored is not None
        if not db.session.scalar(db.select(db.func.count()).where(Attempt.quiz_id == quiz.id)):
            for i in range(24):
                answers = {}
                for n, q in enumerate(quiz.questions):
                    wrong = (n == 3 and i > 1) or (n in (1, 2) and i % 3 == 0)
                    answers[q.id] = q.wrong if wrong else q.key
                submit_attempt(stored, f"Taker {i}", answers)
    return quiz


def import_job(live: Any, token: str, **fields: Any) -> str:
    """An import job in the state ``fields`` describe (made once), for its progress page."""
    from quizapp.models import ImportJob

    with live.app.app_context():
        job = db.session.execute(
            db.select(ImportJob).where(ImportJob.token == token)
        ).scalar_one_or_none()
        if job is None:
            db.session.add(ImportJob(token=token, **fields))
            db.session.commit()
    return f"/editor/imports/{token}"


def log_in(page: Any, live: Any, username: str, password: str) -> None:
    """Log in through the login form."""
    page.goto(live("/login"))
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def open_page(name: str, page: Any, live: Any) -> None:
    """Bring ``page`` to one of the app's main pages, in the state a person would see it."""
    from tests.browser.conftest import EDITOR

    quiz = seed_quiz(live)
    if name == "home":
        page.goto(live("/"))
    elif name == "quiz":
        page.goto(live(f"/quizzes/{quiz.id}"))
    elif name == "quiz-errors":
        page.goto(live(f"/quizzes/{quiz.id}"))
        page.get_by_role("button", name="Submit my answers").click()
        page.get_by_role("alert").wait_for()
    elif name == "quiz-unanswered":  # the confirmation step: some questions left open
        page.goto(live(f"/quizzes/{quiz.id}"))
        page.get_by_label("Your display name").fill("Hasty")
        first = quiz.questions[0]
        page.locator(f"input[name=q_{first.id}][value='{first.key}']").check()
        page.get_by_role("button", name="Submit my answers").click()
        page.get_by_role("button", name="Submit anyway").wait_for()
    elif name == "result":
        take_quiz(page, live, quiz, name="Reviewer")
    elif name == "scores":
        page.goto(live(f"/quizzes/{quiz.id}/scores"))
    elif name == "article":
        page.goto(live(f"/quizzes/{quiz.id}/article"))
    elif name == "history":
        take_quiz(page, live, quiz, name="Historian")
        page.goto(live("/history"))
    elif name == "login":
        page.goto(live("/login"))
    elif name == "login-error":
        log_in(page, live, EDITOR[0], "wrong password")
        page.locator(".error").first.wait_for()
    elif name == "error":
        response = page.goto(live("/quizzes/987654"))
        assert response is not None and response.status == 404
    elif name == "editor":
        log_in(page, live, *EDITOR)
        page.goto(live("/editor/"))
    elif name == "analysis":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/quizzes/{taken_quiz(live).id}/analysis"))
    elif name == "analysis-empty":
        log_in(page, live, *EDITOR)
        untaken = hand_quiz(live, UNTAKEN_QUIZ, display_mode="all", n=3)
        page.goto(live(f"/editor/quizzes/{untaken.id}/analysis"))
    elif name == "edit-question":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/questions/{quiz.questions[0].id}/edit"))
    elif name == "edit-preview":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/questions/{quiz.questions[0].id}/edit"))
        page.get_by_role("button", name="Preview as a taker").click()
        page.get_by_role("heading", name="Preview: what quiz takers see").wait_for()
    elif name == "new-question":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/quizzes/{quiz.id}/questions/new"))
    elif name == "import-duplicate":
        from quizapp.services.quizzes import seed_text

        log_in(page, live, *EDITOR)
        page.goto(live("/editor/import"))
        page.get_by_label("Article text").fill(seed_text())
        page.get_by_role("button", name="Import and generate the quiz").click()
        page.get_by_role("heading", name="This article was imported before").wait_for()
    elif name == "import-progress":
        log_in(page, live, *EDITOR)
        page.goto(
            live(
                import_job(
                    live, "progress-page", status="running", progress=0.4, stage="Finding claims"
                )
            )
        )
    elif name == "import-failed":
        log_in(page, live, *EDITOR)
        page.goto(
            live(
                import_job(
                    live,
                    "failed-page",
                    status="failed",
                    stage="Generation failed",
                    message="No question could be made from this text.",
                )
            )
        )
    elif name == "confirm-regenerate":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/quizzes/{quiz.id}"))
        page.get_by_role("button", name="Regenerate question 1").click()
        page.get_by_role(
            "heading", level=1, name="Replace this question with a new one?"
        ).wait_for()
    elif name == "confirm-replace":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/quizzes/{quiz.id}/analysis"))
        page.get_by_role("button", name="Retire and generate a replacement for Q1").click()
        page.get_by_role(
            "heading", level=1, name="Retire this question and generate a replacement?"
        ).wait_for()
    elif name == "editor-import":
        log_in(page, live, *EDITOR)
        page.goto(live("/editor/import"))
    elif name == "editor-import-quiz":
        log_in(page, live, *EDITOR)
        page.goto(live("/editor/import-quiz"))
    elif name == "editor-review":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/quizzes/{quiz.id}"))
    elif name == "confirm-delete":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/quizzes/{quiz.id}"))
        page.get_by_role("button", name="Delete question 1").click()
        page.get_by_role("heading", level=1, name="Delete this question?").wait_for()
    elif name == "claims":
        log_in(page, live, *EDITOR)
        page.goto(live(f"/editor/quizzes/{quiz.id}/claims"))
    elif name == "one-question":
        page.goto(live(f"/quizzes/{hand_quiz(live, ONE_QUIZ).id}"))
    elif name in ("one-feedback", "one-feedback-page"):
        # With JavaScript the feedback comes in place, under the question; its own page is
        # what a browser without it sees (and where its link leads).
        one = hand_quiz(live, ONE_QUIZ)
        page.goto(live(f"/quizzes/{one.id}"))
        page.get_by_label("Your display name").fill("Stepper")
        first = one.questions[0]
        page.locator(f"input[name=choice][value='{first.wrong}']").check()
        page.get_by_role("button", name="Check my answer").click()
        page.locator(".step-feedback .feedback").wait_for()
        if name == "one-feedback-page":
            next_url = page.get_by_role("link", name="Next question").get_attribute("href")
            page.goto(live(f"{next_url}/questions/{first.id}/feedback"))
            page.locator(".feedback .badge").wait_for()
    elif name == "share":
        take_quiz(page, live, quiz, name="Sharer")
        page.goto(str(page.locator("#share-url").input_value()))
    else:
        raise ValueError(name)
    page.wait_for_load_state("load")


PAGES = [
    "home",
    "quiz",
    "quiz-errors",
    "quiz-unanswered",
    "result",
    "scores",
    "article",
    "history",
    "login",
    "login-error",
    "error",
    "editor",
    "analysis",
    "analysis-empty",
    "edit-question",
    "edit-preview",
    "new-question",
    "editor-import",
    "import-duplicate",
    "import-progress",
    "import-failed",
    "editor-import-quiz",
    "editor-review",
    "confirm-delete",
    "confirm-regenerate",
    "confirm-replace",
    "claims",
    "one-question",
    "one-feedback",
    "one-feedback-page",
    "share",
]
