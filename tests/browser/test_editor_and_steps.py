"""The editor's whole path, one question at a time (with and without JavaScript), sharing."""

from __future__ import annotations

import re
from typing import Any

import pytest

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.browser._site import HandQuiz, hand_quiz, log_in, seed_quiz, take_quiz
from tests.browser.conftest import EDITOR

pytestmark = pytest.mark.browser

#: A short, made-up article for the editor's import (no real event, no copied text).
ARTICLE = (
    "Harbourview council voted on Tuesday to build a new public library on Quay Street.\n"
    "The library will cost 14 million euros and is due to open in 2027.\n"
    "Mayor Ingrid Solberg said the building would hold 120,000 books.\n"
    "The council approved the plan by 9 votes to 4 after a three-hour debate.\n"
    "Construction firm Nordlys Bygg won the contract against five other bidders.\n"
    "The old library on Market Square closed in 2019 after a flood damaged 30,000 books.\n"
)
TITLE = "Harbourview library vote"


def test_editor_imports_reviews_edits_publishes_and_a_reader_takes_it(
    new_context: Any, live_server: Any
) -> None:
    editor = new_context().new_page()
    log_in(editor, live_server, *EDITOR)
    editor.goto(live_server("/editor/import"))
    editor.get_by_label("Title").fill(TITLE)
    editor.get_by_label("Article text").fill(ARTICLE)
    editor.get_by_role("button", name="Import and generate the quiz").click()
    editor.wait_for_url(re.compile(r".*/editor/quizzes/\d+$"), timeout=60_000)
    assert editor.get_by_role("heading", level=1).inner_text() == TITLE
    assert "Imported" in editor.get_by_role("status").inner_text()
    assert "draft" in editor.locator(".lede").inner_text()
    items = editor.locator(".review > li.review-item")
    assert items.count() >= 2
    assert items.first.locator("mark").count() == 1  # the evidence, highlighted

    # Edit one question that is not true/false: the stem gets a new opening.
    kinds = [items.nth(i).locator(".meta").inner_text() for i in range(items.count())]
    index = next(i for i, kind in enumerate(kinds) if "true false" not in kind)
    item = items.nth(index)
    old_stem = item.locator(".q-stem").inner_text().strip()
    new_stem = "According to the article, " + old_stem[0].lower() + old_stem[1:]
    item.get_by_role("link", name=re.compile(r"^Edit")).click()
    editor.get_by_role("heading", level=1, name="Edit question").wait_for()
    editor.get_by_label("Question", exact=True).fill(new_stem)
    editor.get_by_role("button", name="Save").click()
    editor.wait_for_url(re.compile(r".*/editor/quizzes/\d+(#q\d+)?$"))
    assert "Saved" in editor.get_by_role("status").inner_text()
    assert new_stem in editor.locator(".review").inner_text()

    editor.get_by_role("button", name="Publish").click()
    assert "Published" in editor.get_by_role("status").inner_text()
    assert "published" in editor.locator(".lede").inner_text()
    quiz_id = int(editor.url.split("/editor/quizzes/")[1].split("#")[0])

    with live_server.app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz is not None and quiz.is_published
        keys = {q.id: q.correct_choice.id for q in quiz.active_questions}  # type: ignore[union-attr]
        assert new_stem in [q.stem for q in quiz.active_questions]

    reader = new_context().new_page()  # a fresh context: no editor cookie
    reader.goto(live_server("/"))
    reader.locator(".card").filter(has_text=TITLE).get_by_role("link", name="Take the quiz").click()
    assert reader.get_by_role("heading", level=1).inner_text() == TITLE
    assert new_stem in reader.locator("main").inner_text()
    reader.get_by_label("Your display name").fill("Reader")
    for question_id, choice_id in keys.items():
        reader.locator(f"input[name=q_{question_id}][value='{choice_id}']").check()
    reader.get_by_role("button", name="Submit my answers").click()
    reader.wait_for_url("**/attempts/*")
    assert reader.locator(".score strong").inner_text().strip() == f"{len(keys)} / {len(keys)}"
    assert reader.locator(".review-item .evidence").count() == len(keys)


def _switch_to_one_at_a_time(new_context: Any, live_server: Any, quiz: HandQuiz) -> None:
    """The editor picks "one at a time" on the review page."""
    editor = new_context().new_page()
    log_in(editor, live_server, *EDITOR)
    editor.goto(live_server(f"/editor/quizzes/{quiz.id}"))
    assert editor.get_by_label("All on one page, answers shown at the end").is_checked()
    editor.get_by_label("One at a time, with feedback after each answer").check()
    editor.get_by_role("button", name="Save the display mode").click()
    assert "one question at a time" in editor.get_by_role("status").inner_text()
    assert editor.get_by_label("One at a time, with feedback after each answer").is_checked()


def _take_one_at_a_time(
    page: Any, live_server: Any, quiz: HandQuiz, name: str, *, in_place: bool = False
) -> int:
    """Answer every question by clicking, checking the feedback each time; return the score.

    ``in_place``: with JavaScript, the feedback comes under the question and the page stays;
    without it, each answer opens its feedback page.
    """
    n = len(quiz.questions)
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill(name)
    score = 0
    for i, q in enumerate(quiz.questions, start=1):
        assert f"Question {i} of {n}" in page.locator(".step-count").inner_text()
        assert page.locator("fieldset.question").count() == 1
        assert q.stem in page.locator("fieldset.question legend").inner_text()
        if i > 1:
            assert page.get_by_label("Your display name").count() == 0
        right = i % 2 == 1
        choice = q.key if right else q.wrong
        radio = page.locator(f"input[name=choice][value='{choice}']")
        page.locator(f"label[for='{radio.get_attribute('id')}']").click()
        before = page.url
        page.get_by_role("button", name="Check my answer").click()
        if in_place:
            page.locator(".step-feedback .feedback").wait_for()
            assert page.url == before
        else:
            page.wait_for_url(f"**/questions/{q.id}/feedback")
        badge = page.locator(".feedback .badge").inner_text()
        assert badge.removeprefix("✓ ").removeprefix("✗ ") == ("Correct" if right else "Wrong")
        assert " ".join(q.evidence.split()) in page.locator(".feedback mark").inner_text()
        score += right
        assert f"{score} right out of {i} so far" in page.locator("main").inner_text()
        if i < n:
            page.get_by_role("link", name="Next question").click()
            page.wait_for_url("**/play/*")
        else:
            page.get_by_role("button", name="See my results").click()
    page.wait_for_url("**/attempts/*")
    assert page.locator(".score strong").inner_text().strip() == f"{score} / {n}"
    assert name in page.locator("main").inner_text()
    return score


def test_one_at_a_time_by_clicking(new_context: Any, live_server: Any) -> None:
    quiz = hand_quiz(live_server, "Clicking steps quiz", display_mode="all")
    _switch_to_one_at_a_time(new_context, live_server, quiz)
    page = new_context().new_page()
    _take_one_at_a_time(page, live_server, quiz, "Step Clicker", in_place=True)
    page.goto(live_server(f"/quizzes/{quiz.id}/scores"))
    assert "Step Clicker" in page.locator("table").first.inner_text()


def test_one_at_a_time_without_javascript(new_context: Any, live_server: Any) -> None:
    quiz = hand_quiz(live_server, "No script steps quiz", display_mode="one")
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    # No option chosen: the server says so and keeps the name.
    page.get_by_label("Your display name").fill("No Script Steps")
    page.get_by_role("button", name="Check my answer").click()
    assert "Choose one of the options." in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Your display name").input_value() == "No Script Steps"
    _take_one_at_a_time(page, live_server, quiz, "No Script Steps")


def test_answering_a_question_twice_from_two_tabs_leads_to_the_current_question(
    new_context: Any, live_server: Any
) -> None:
    quiz = hand_quiz(live_server, "Twice steps quiz", display_mode="one")
    first, second = quiz.questions[:2]
    context = new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server(f"/quizzes/{quiz.id}"))
    tab.get_by_label("Your display name").fill("Two Tabs")
    tab.locator(f"input[name=choice][value='{first.key}']").check()
    tab.get_by_role("button", name="Check my answer").click()
    tab.wait_for_url("**/feedback")
    tab.get_by_role("link", name="Next question").click()
    tab.wait_for_url("**/play/*")
    other = context.new_page()  # the same question open in a second tab
    other.goto(tab.url)
    tab.locator(f"input[name=choice][value='{second.wrong}']").check()
    tab.get_by_role("button", name="Check my answer").click()
    tab.wait_for_url("**/feedback")
    assert tab.locator(".feedback .badge").inner_text() == "Wrong"

    other.locator(f"input[name=choice][value='{second.key}']").check()
    with other.expect_response(lambda r: r.request.method == "POST") as posted:
        other.get_by_role("button", name="Check my answer").click()
    assert posted.value.status == 303  # no error page: on to the question the taker is at
    token = re.search(r"/play/([^/]+)/", tab.url)[1]  # type: ignore[index]
    other.wait_for_url(f"**/play/{token}")
    assert "already answered that question" in other.locator(".flashes").inner_text()
    assert "Question 3 of" in other.locator(".step-count").inner_text()
    tab.reload()
    assert tab.locator(".feedback .badge").inner_text() == "Wrong"  # unchanged


def test_share_page(new_context: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    page = new_context().new_page()
    take_quiz(page, live_server, quiz, name="Proud Sharer")
    box = page.get_by_role("region", name="Share your score")
    link = box.get_by_label("Link to share your score").input_value()
    assert "/share/" in link and "/attempts/" not in link
    assert box.get_by_role("button", name="Copy the link").is_visible()  # with JavaScript

    friend = new_context().new_page()  # someone else, no cookie
    friend.goto(link)
    n = len(quiz.questions)
    heading = " ".join(friend.get_by_role("heading", level=1).inner_text().split())
    assert heading == f"Proud Sharer scored {n} / {n} on {quiz.title}"
    og = friend.locator("meta[property='og:title']").get_attribute("content")
    assert og == f"Proud Sharer scored {n} / {n} on {quiz.title}"
    main = friend.locator("main").inner_text()
    assert quiz.questions[0].stem not in main and "Your answer" not in main
    friend.get_by_role("link", name="Take the quiz").click()
    friend.wait_for_url(f"**/quizzes/{quiz.id}")
    assert friend.get_by_role("heading", level=1).inner_text() == quiz.title


def test_back_and_answer_again_lands_on_the_current_question(
    new_context: Any, live_server: Any
) -> None:
    """Without JavaScript: answer question 2, go Back, and send question 2's form again.
    No error page: the first answer stands, and the taker is at question 3, told why."""
    quiz = hand_quiz(live_server, "Back steps quiz", display_mode="one")
    first, second = quiz.questions[:2]
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill("Back Button")
    page.locator(f"input[name=choice][value='{first.key}']").check()
    page.get_by_role("button", name="Check my answer").click()
    page.wait_for_url("**/feedback")
    page.get_by_role("link", name="Next question").click()
    page.wait_for_url("**/play/*")
    action = page.locator("form.one-question-form").get_attribute("action")
    assert action and action.endswith(f"/questions/{second.id}")
    form = page.locator("form.one-question-form input[name=csrf_token]")
    csrf = form.get_attribute("value") if form.count() else None
    page.locator(f"input[name=choice][value='{second.wrong}']").check()
    page.get_by_role("button", name="Check my answer").click()
    page.wait_for_url(f"**/questions/{second.id}/feedback")

    # Back: Chromium asks for the question page again, and it is the current one.
    page.go_back()
    assert "Question 3 of" in page.locator(".step-count").inner_text()
    # A browser that kept question 2's page sends its form again (with this browser's cookie).
    again = page.context.request.post(
        live_server(action),
        form={"choice": str(second.key), **({"csrf_token": csrf} if csrf else {})},
        max_redirects=0,
    )
    assert again.status == 303 and re.search(r"/play/[^/]+$", again.headers["location"])
    page.goto(live_server(again.headers["location"]))
    assert "already answered that question" in page.locator(".flashes").inner_text()
    assert "Question 3 of" in page.locator(".step-count").inner_text()
    with live_server.app.app_context():
        from quizapp.models import StepwiseAnswer

        given = db.session.execute(
            db.select(StepwiseAnswer.choice_id).where(StepwiseAnswer.question_id == second.id)
        ).scalar_one()
    assert given == second.wrong  # the first answer stands
