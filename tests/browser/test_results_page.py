"""The results page on a phone: the score reveal, a compact review, mistakes only, sharing.

The review is measured on a quiz of twelve questions made of the seed quiz's own (real
generated text, long statements included): folded, it fits in five phone screens.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from quizapp.extensions import db
from quizapp.models import Choice, Question, Quiz
from tests.browser._site import HandQuiz, questions_of, seed_quiz

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TWELVE = "Twelve seed questions"


def twelve_questions(live: Any) -> HandQuiz:
    """A published quiz of twelve questions copied from the seed quiz (made once)."""
    with live.app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.title == TWELVE)).scalar_one_or_none()
        if quiz is None:
            seed = db.session.get(Quiz, seed_quiz(live).id)
            assert seed is not None
            source = seed.active_questions
            quiz = Quiz(article=seed.article, title=TWELVE, slug="twelve-seed", status="published")
            db.session.add(quiz)
            for i in range(12):
                q = source[i % len(source)]
                quiz.questions.append(
                    Question(
                        kind=q.kind,
                        stem=q.stem,
                        explanation=q.explanation,
                        evidence_start=q.evidence_start,
                        evidence_end=q.evidence_end,
                        position=i,
                        choices=[
                            Choice(text=c.text, is_correct=c.is_correct, mutation=c.mutation)
                            for c in q.choices
                        ],
                    )
                )
            db.session.commit()
        questions = questions_of(quiz)
        return HandQuiz(id=quiz.id, title=quiz.title, questions=questions)


def _answer(page: Any, live: Any, quiz: HandQuiz, wrong: set[int], name: str = "Phone") -> None:
    """Take the quiz: the questions at the indexes in ``wrong`` wrong, the others right."""
    page.goto(live(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill(name)
    picks = [[q.id, q.wrong if i in wrong else q.key] for i, q in enumerate(quiz.questions)]
    page.evaluate(
        "ids => ids.forEach(([q, c]) =>"
        " { document.querySelector(`input[name=q_${q}][value='${c}']`).checked = true; })",
        picks,
    )
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url("**/attempts/*")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_twelve_questions_fit_in_five_phone_screens(
    new_context: Any, live_server: Any, scheme: str
) -> None:
    quiz = twelve_questions(live_server)
    page = new_context(viewport=PHONE, color_scheme=scheme).new_page()
    _answer(page, live_server, quiz, wrong={1, 4, 7, 10})
    assert page.locator(".review-item").count() == 12
    assert page.locator("details.review-more[open]").count() == 0  # folded
    height = page.evaluate("document.scrollingElement.scrollHeight")
    print(f"results page, 12 questions, 390px wide ({scheme}): {height}px")
    assert height <= 5 * PHONE["height"], f"{height}px is more than five phone screens"
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")


def test_review_marks_options_once_and_folds_the_evidence(
    new_context: Any, live_server: Any
) -> None:
    quiz = twelve_questions(live_server)
    page = new_context(viewport=PHONE).new_page()
    _answer(page, live_server, quiz, wrong={4})
    item = page.locator("#question-5")
    assert "✗ Wrong" in item.get_by_role("heading", level=3).inner_text()
    options = item.locator(".review-options li")
    assert options.count() == len(quiz.questions[4].choices)  # each option once
    assert item.locator("li.is-key .opt-mark").inner_text() == "✓"
    assert item.locator("li.is-chosen .opt-mark").inner_text() == "✗"
    # The evidence is folded; opened, it is highlighted in its paragraph.
    evidence = item.locator("blockquote mark")
    assert not evidence.is_visible()
    item.locator("summary").click()
    assert evidence.is_visible() and evidence.inner_text() == quiz.questions[4].evidence
    assert "made by a" not in page.locator("main").inner_text()  # no generator jargon


def test_the_words_that_differ_are_highlighted(new_context: Any, live_server: Any) -> None:
    """A wrong statement and the article's differ in a name: only that name is marked."""
    quiz = twelve_questions(live_server)
    with live_server.app.app_context():
        statements = [
            i
            for i, q in enumerate(quiz.questions)
            if db.session.get(Question, q.id).kind == "claim_verification"  # type: ignore[union-attr]
        ]
    if not statements:
        pytest.skip("the seed quiz has no statement question")
    page = new_context(viewport=PHONE).new_page()
    _answer(page, live_server, quiz, wrong={statements[0]})
    item = page.locator(f"#question-{statements[0] + 1}")
    chosen = item.locator("li.is-chosen mark.diff")
    key = item.locator("li.is-key mark.diff")
    assert chosen.count() >= 1 and key.count() >= 1
    chosen_text = item.locator("li.is-chosen .opt-text").inner_text()
    assert len(chosen.first.inner_text()) < len(chosen_text) / 2  # a few words, not all


@pytest.mark.parametrize("javascript", [True, False])
def test_show_only_my_mistakes(new_context: Any, live_server: Any, javascript: bool) -> None:
    quiz = twelve_questions(live_server)
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    _answer(page, live_server, quiz, wrong={0, 5}, name="Mistaken")
    items = page.locator(".review-item")
    assert sum(items.nth(i).is_visible() for i in range(12)) == 12
    page.get_by_label(re.compile("Show only my mistakes")).check()
    visible = [i for i in range(12) if items.nth(i).is_visible()]
    assert visible == [0, 5]
    page.get_by_label(re.compile("Show only my mistakes")).uncheck()
    assert sum(items.nth(i).is_visible() for i in range(12)) == 12
    # The "Review my mistakes" next step opens the page with the filter on.
    page.get_by_role("link", name="Review my mistakes").click()
    page.wait_for_url("**mistakes=1#review")
    assert [i for i in range(12) if items.nth(i).is_visible()] == [0, 5]


def test_score_reveal_verdict_and_standing(new_context: Any, live_server: Any) -> None:
    quiz = twelve_questions(live_server)
    page = new_context(viewport=PHONE).new_page()
    for n in range(5):  # five others first, scoring 0 to 4 wrong
        _answer(page, live_server, quiz, wrong=set(range(n)), name=f"Other {n}")
    _answer(page, live_server, quiz, wrong={0, 1, 2}, name="Standing")
    assert page.locator(".score strong").inner_text() == "9 / 12"
    assert page.locator(".score-percent").inner_text() == "75%"
    assert page.locator(".score-verdict").inner_text().strip()
    standing = page.locator(".standing").inner_text()
    assert re.fullmatch(r"Better than \d+% of the \d+ other attempts at this quiz\.", standing)
    # The warning about unanswered questions never stands above the score.
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill("Hasty")
    q = quiz.questions[0]
    page.locator(f"input[name=q_{q.id}][value='{q.key}']").check()
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_role("button", name="Submit anyway").click()  # the unanswered summary first
    page.wait_for_url("**/attempts/*")
    warning = page.locator(".flash-warning")
    assert "unanswered" in warning.inner_text()
    score_y = page.locator(".score").bounding_box()["y"]
    assert warning.bounding_box()["y"] > score_y
    steps = page.get_by_role("navigation", name="What next")
    assert steps.get_by_role("link", name=re.compile("Retake the 11 questions I missed")).count()
    assert steps.get_by_role("link", name=re.compile("Another quiz")).count() == 1


def test_share_uses_the_share_sheet_where_there_is_one(new_context: Any, live_server: Any) -> None:
    """With the Web Share API the Share button opens it; without, Copy the link is offered."""
    quiz = twelve_questions(live_server)
    context = new_context(viewport=PHONE)
    context.add_init_script(
        "window.__shared = null;"
        "Object.defineProperty(navigator, 'share', {value: d => {"
        " window.__shared = d; return Promise.resolve(); }});"
    )
    page = context.new_page()
    _answer(page, live_server, quiz, wrong=set(), name="Sheet")
    box = page.get_by_role("region", name="Share your score")
    assert box.get_by_role("button", name="Copy the link").is_hidden()
    box.get_by_role("button", name="Share").click()
    shared = page.evaluate("window.__shared")
    assert shared["url"] == box.get_by_label("Link to share your score").input_value()
    assert "/share/" in shared["url"] and "12 / 12" in shared["text"]

    plain = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    _answer(plain, live_server, quiz, wrong=set(), name="No script")
    box = plain.get_by_role("region", name="Share your score")
    assert box.get_by_role("button").count() == 0  # both buttons need the script
    assert box.get_by_role("link", name="Open the share page").is_visible()


def test_share_page_link_preview_has_the_score_card(new_context: Any, live_server: Any) -> None:
    quiz = twelve_questions(live_server)
    page = new_context().new_page()
    _answer(page, live_server, quiz, wrong={3}, name="Previewed")
    link = page.get_by_label("Link to share your score").input_value()
    friend = new_context().new_page()
    friend.goto(link)
    image = friend.locator("meta[property='og:image']").get_attribute("content")
    assert image == link + "/card.png"  # absolute, named by the public share token only
    card = friend.locator("meta[name='twitter:card']").get_attribute("content")
    assert card == "summary_large_image"
    response = friend.request.get(image)
    assert response.status == 200
    assert response.headers["content-type"] == "image/png"
    assert "public" in response.headers["cache-control"]
    assert response.body()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_pages_opened_up_pass_axe(new_context: Any, live_server: Any, scheme: str) -> None:
    """The review with every "Why?" open and the filter on, the history as cards, the home
    page with a score on its card: no serious or critical violation, light and dark."""
    from tests.browser.test_accessibility import _axe, _describe

    quiz = twelve_questions(live_server)
    page = new_context(viewport=PHONE, color_scheme=scheme, reduced_motion="reduce").new_page()
    _answer(page, live_server, quiz, wrong={2, 4}, name="Axe")
    for summary in page.locator("details.review-more summary").all():
        summary.click()
    page.get_by_label(re.compile("Show only my mistakes")).check()
    for where in ("result", "history", "home"):
        if where != "result":
            page.goto(live_server("/history" if where == "history" else "/"))
        found = _axe(page)
        assert not found, f"{where} ({scheme}):\n{_describe(found)}"
