"""Taking the seed quiz in a real Chromium: by mouse, by keyboard only, without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser._site import seed_quiz

pytestmark = pytest.mark.browser


def _check_result(page: Any, score: int, total: int, name: str) -> None:
    """The results page shows the score, then every question with its evidence."""
    page.wait_for_url("**/attempts/*")
    assert page.locator(".score strong").inner_text().strip() == f"{score} / {total}"
    assert page.locator(".review-item").count() == total
    assert page.locator(".review-item .evidence").count() == total
    assert name in page.locator("main").inner_text()


def test_take_the_seed_quiz_by_clicking(page: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    n = len(quiz.questions)
    assert n >= 4
    page.goto(live_server("/"))
    card = page.locator(".card").filter(has_text=quiz.title)
    card.get_by_role("link", name="Take the quiz").click()
    assert page.get_by_role("heading", level=1).inner_text() == quiz.title
    legends = page.locator("fieldset.question legend")
    assert legends.count() == n
    assert f"Question 1 of {n}" in (legends.first.text_content() or "")

    page.get_by_label("Your display name").fill("Clicker")
    right = quiz.questions[: n // 2]
    wrong = quiz.questions[n // 2 : -1]
    for q in right:
        radio = page.locator(f"input[name=q_{q.id}][value='{q.key}']")
        page.locator(f"label[for='{radio.get_attribute('id')}']").click()  # click the text
    for q in wrong:
        page.locator(f"input[name=q_{q.id}][value='{q.wrong}']").check()
    # JavaScript shows how many questions are answered.
    progress = page.locator("[data-quiz-progress]")
    assert progress.is_visible()
    assert f"Answered {n - 1} of {n}" in progress.inner_text()
    page.get_by_role("button", name="Submit my answers").click()
    # The last question is open: the form asks first, and "Submit anyway" stores it.
    summary = page.locator(".confirm-unanswered")
    assert f"Question {n} is unanswered" in " ".join(summary.inner_text().split())
    page.get_by_role("button", name="Submit anyway").click()

    _check_result(page, len(right), n, "Clicker")
    assert "1 question unanswered" in page.get_by_role("status").inner_text()
    review = page.locator(".review-item")
    assert review.nth(0).locator(".badge").inner_text() == "✓ Correct"
    assert review.nth(n - 2).locator(".badge").inner_text() == "✗ Wrong"
    assert review.nth(n - 1).locator(".badge").inner_text() == "Not answered"
    # The evidence sentence of each question is on the review page, folded under "Why?".
    assert page.locator("details.review-more[open]").count() == 0
    for summary in page.locator("details.review-more summary").all():
        summary.click()
    main_text = page.locator("main").inner_text()
    for q in quiz.questions:
        assert " ".join(q.evidence.split()) in " ".join(main_text.split())

    page.goto(live_server(f"/quizzes/{quiz.id}/scores"))
    row = page.locator("table tr", has_text="Clicker").first
    assert f"{len(right)} / {n}" in row.inner_text()


def test_take_the_quiz_with_the_keyboard_only(page: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    page.goto(live_server(f"/quizzes/{quiz.id}"))

    def focused() -> Any:
        return page.evaluate(
            "() => { const e = document.activeElement; return e && {tag: e.tagName,"
            " name: e.name || '', type: e.type || '', value: e.value || '', id: e.id,"
            " text: (e.textContent || '').trim(), outline: getComputedStyle(e).outlineStyle}; }"
        )

    def tab_to(predicate: Any, limit: int = 40) -> dict[str, str]:
        for _ in range(limit):
            page.keyboard.press("Tab")
            element = focused()
            if predicate(element):
                # Whatever has keyboard focus shows a visible focus ring.
                assert element["outline"] != "none", element
                return element
        raise AssertionError("Tab never reached the expected element")

    # The first Tab stop is the skip link, and it works.
    page.keyboard.press("Tab")
    assert focused()["text"] == "Skip to content"
    page.keyboard.press("Enter")
    assert focused()["id"] == "main"

    tab_to(lambda e: e["name"] == "name")
    page.keyboard.type("Keys Only")
    expected = 0
    for i, q in enumerate(quiz.questions):
        element = tab_to(lambda e, q=q: e["name"] == f"q_{q.id}")
        assert element["type"] == "radio"
        if i % 2 == 0:
            # Space picks the focused option; arrows move through the group to the key.
            page.keyboard.press("Space")
            for _ in range(len(q.choices)):
                if focused()["value"] == str(q.key):
                    break
                page.keyboard.press("ArrowDown")
            expected += 1
        else:
            page.keyboard.press("ArrowDown")  # moves to, and checks, the second option
        checked = page.locator(f"input[name=q_{q.id}]:checked")
        assert checked.count() == 1
        if i % 2 == 0:
            assert checked.get_attribute("value") == str(q.key)
        elif checked.get_attribute("value") == str(q.key):
            expected += 1
    tab_to(lambda e: e["tag"] == "BUTTON" and "Submit" in e["text"])
    page.keyboard.press("Enter")
    _check_result(page, expected, len(quiz.questions), "Keys Only")


def test_take_the_quiz_without_javascript(new_context: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    # A blank name is refused by the server, with the errors announced.
    page.get_by_label("Your display name").fill("   ")
    first = quiz.questions[0]
    page.locator(f"input[name=q_{first.id}][value='{first.key}']").check()
    page.get_by_role("button", name="Submit my answers").click()
    assert not page.locator("[data-quiz-progress]").is_visible()  # it needs JavaScript
    alert = page.get_by_role("alert")
    assert "Please enter a display name." in alert.inner_text()
    # The answer given is kept when the form comes back.
    assert page.locator(f"input[name=q_{first.id}][value='{first.key}']").is_checked()
    assert page.get_by_label("Your display name").get_attribute("aria-invalid") == "true"
    page.get_by_label("Your display name").fill("No Script")
    for q in quiz.questions:
        page.locator(f"input[name=q_{q.id}][value='{q.key}']").check()
    page.get_by_role("button", name="Submit my answers").click()
    n = len(quiz.questions)
    _check_result(page, n, n, "No Script")


def test_article_is_one_click_away_and_answers_are_kept(page: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    first = quiz.questions[0]
    page.locator(f"input[name=q_{first.id}][value='{first.key}']").check()
    links = page.locator("fieldset.question a[target=_blank]")
    assert links.count() == len(quiz.questions)
    assert "noopener" in (links.first.get_attribute("rel") or "")
    with page.context.expect_page() as opened:
        links.nth(1).click()
    article = opened.value
    article.wait_for_load_state()
    assert article.url.endswith(f"/quizzes/{quiz.id}/article")
    assert article.get_by_role("heading", level=1).inner_text()
    article.close()
    assert page.locator(f"input[name=q_{first.id}][value='{first.key}']").is_checked()


def _count_on_scoreboard(page: Any, live_server: Any, quiz_id: int, name: str) -> int:
    page.goto(live_server(f"/quizzes/{quiz_id}/scores"))
    return page.locator("table tr", has_text=name).count()


@pytest.mark.parametrize("javascript", [False, True])
def test_unanswered_questions_are_confirmed_before_they_are_stored(
    new_context: Any, live_server: Any, javascript: bool
) -> None:
    quiz = seed_quiz(live_server)
    n = len(quiz.questions)
    name = f"Partial {'JS' if javascript else 'No JS'}"
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill(name)
    answered = quiz.questions[1]
    page.locator(f"input[name=q_{answered.id}][value='{answered.key}']").check()
    page.get_by_role("button", name="Submit my answers").click()

    summary = page.locator(".confirm-unanswered")
    summary.wait_for()
    text = " ".join(summary.inner_text().split())
    assert f"{n - 1} questions are not answered yet" in text
    assert "Question 1, Question 3" in text and f"Question {n} are unanswered" in text
    # Each listed question links to its fieldset; "Go back" goes to the first of them.
    first = quiz.questions[0]
    link = summary.get_by_role("link", name="Question 1", exact=True)
    assert link.get_attribute("href") == f"#q_{first.id}"
    assert page.locator(f"input[name=q_{answered.id}][value='{answered.key}']").is_checked()
    assert page.locator("fieldset.question.unanswered").count() == n - 1
    summary.get_by_role("link", name="Go back and answer them").click()
    assert page.url.endswith(f"#q_{first.id}")
    assert _count_on_scoreboard(new_context().new_page(), live_server, quiz.id, name) == 0

    page.get_by_role("button", name="Submit anyway").click()
    page.wait_for_url("**/attempts/*")
    _check_result(page, 1, n, name)
    assert _count_on_scoreboard(page, live_server, quiz.id, name) >= 1


def test_a_form_without_any_answer_is_not_stored(new_context: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill("Empty Hands")
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_load_state("load")
    assert "/attempts/" not in page.url
    assert "not answered any question, so nothing was stored" in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Submit anyway").count() == 0
    assert page.get_by_label("Your display name").input_value() == "Empty Hands"
    assert _count_on_scoreboard(page, live_server, quiz.id, "Empty Hands") == 0


def test_a_missing_name_says_the_answers_are_kept(new_context: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    first = quiz.questions[0]
    page.locator(f"input[name=q_{first.id}][value='{first.key}']").check()
    page.get_by_role("button", name="Submit my answers").click()
    alert = page.locator(".form-errors")
    assert "Enter a display name to submit" in alert.inner_text()
    assert "Your answers are kept below" in alert.inner_text()
    assert "not saved" not in page.locator("main").inner_text()
    assert page.locator(f"input[name=q_{first.id}][value='{first.key}']").is_checked()
