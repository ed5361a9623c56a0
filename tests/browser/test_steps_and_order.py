"""One question at a time answered in place with JavaScript (and the same steps without it),
the first page sent again, and each attempt's own option order, stored and reviewed."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Question, StepwiseAttempt
from tests.browser._site import hand_quiz, seed_quiz

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _rgb(page: Any, variable: str) -> str:
    """The computed colour of a CSS custom property, as an element's background shows it."""
    return str(
        page.evaluate(
            """name => {
              const probe = document.createElement('div');
              probe.style.background = `var(${name})`;
              document.body.appendChild(probe);
              const colour = getComputedStyle(probe).backgroundColor;
              probe.remove();
              return colour;
            }""",
            variable,
        )
    )


def _option_item(page: Any, value: int) -> Any:
    return page.locator(f"ul.options li:has(input[name=choice][value='{value}'])")


def test_answering_in_place_on_a_phone(new_context: Any, live_server: Any) -> None:
    """With JavaScript: no page load per answer; the tapped option turns green or red (and the
    key green), the feedback appears under it with the focus, and Next is on the screen."""
    quiz = hand_quiz(live_server, "In place steps quiz", display_mode="one", n=3)
    page = new_context(viewport=PHONE, color_scheme="light", reduced_motion="reduce").new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill("In Place")
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    right_bg, wrong_bg = _rgb(page, "--right-bg"), _rgb(page, "--wrong-bg")
    for i, q in enumerate(quiz.questions, start=1):
        assert f"Question {i} of 3" in page.locator(".step-count").inner_text()
        assert page.locator(".step-feedback .feedback").count() == 0  # no key on the page yet
        right = i != 2
        choice = q.key if right else q.wrong
        url = page.url
        loads.clear()
        _option_item(page, choice).locator("label").click()
        page.get_by_role("button", name="Check my answer").click()
        feedback = page.locator(".step-feedback .feedback")
        feedback.wait_for()
        assert page.url == url and loads == []  # answered in place, no page load
        chosen, key = _option_item(page, choice), _option_item(page, q.key)
        assert "is-chosen" in (chosen.get_attribute("class") or "")
        assert "is-key" in (key.get_attribute("class") or "")
        colour = chosen.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour == (right_bg if right else wrong_bg)
        assert key.evaluate("e => getComputedStyle(e).backgroundColor") == right_bg
        assert ("Correct" if right else "Wrong") in feedback.locator(".badge").inner_text()
        assert " ".join(q.evidence.split()) in feedback.locator("mark").inner_text()
        # The feedback is announced (a live region) and holds the keyboard focus.
        assert page.locator("[data-step-feedback]").get_attribute("aria-live") == "polite"
        assert page.evaluate("document.activeElement.id") == "feedback-heading"
        assert page.locator("input[name=choice]:enabled").count() == 0
        assert not page.get_by_role("button", name="Check my answer").is_visible()
        # Next (or the results button) is on the screen without scrolling.
        name = "Next question" if i < 3 else "See my results"
        role = "link" if i < 3 else "button"
        box = page.get_by_role(role, name=name).bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
        page.get_by_role(role, name=name).click()
        page.wait_for_url("**/play/*" if i < 3 else "**/attempts/*")
    assert page.locator(".score strong").inner_text().strip() == "2 / 3"


def test_the_in_place_answer_is_stored_like_a_plain_one(new_context: Any, live_server: Any) -> None:
    """An answer sent in place is the one stored; sending the answered question again (a
    second tab) leads to the current question, told why, as without JavaScript."""
    quiz = hand_quiz(live_server, "In place twice quiz", display_mode="one", n=3)
    context = new_context()
    tab = context.new_page()
    tab.goto(live_server(f"/quizzes/{quiz.id}"))
    tab.get_by_label("Your display name").fill("Two Tabs In Place")
    first, second = quiz.questions[:2]
    _option_item(tab, first.key).locator("label").click()
    tab.get_by_role("button", name="Check my answer").click()
    tab.get_by_role("link", name="Next question").click()
    tab.wait_for_url("**/play/*")
    other = context.new_page()
    other.goto(tab.url)
    _option_item(tab, second.wrong).locator("label").click()
    tab.get_by_role("button", name="Check my answer").click()
    tab.locator(".step-feedback .feedback").wait_for()
    _option_item(other, second.key).locator("label").click()
    other.get_by_role("button", name="Check my answer").click()
    other.locator(".flashes").wait_for()
    assert "already answered that question" in other.locator(".flashes").inner_text()
    assert other.locator(".flashes li, .flashes p").count() <= 1  # said once
    assert "Question 3 of" in other.locator(".step-count").inner_text()
    with live_server.app.app_context():
        stepwise = db.session.execute(
            db.select(StepwiseAttempt).where(StepwiseAttempt.name == "Two Tabs In Place")
        ).scalar_one()
        assert {a.question_id: a.choice_id for a in stepwise.answers} == {
            first.id: first.key,
            second.id: second.wrong,
        }


def test_back_to_the_first_question_and_answering_it_again(
    new_context: Any, live_server: Any
) -> None:
    """Without JavaScript: answer two questions, go Back to the first page and send it again.
    No new attempt: the taker is at the attempt's current question, told why."""
    quiz = hand_quiz(live_server, "Back to the first quiz", display_mode="one", n=4)
    first, second = quiz.questions[:2]
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    fields = {
        name: page.locator(f"form.one-question-form input[name={name}]").get_attribute("value")
        for name in ("question", "start_id", "csrf_token")
        if page.locator(f"form.one-question-form input[name={name}]").count()
    }
    assert fields["start_id"]
    page.get_by_label("Your display name").fill("Back To First")
    page.locator(f"input[name=choice][value='{first.key}']").check()
    page.get_by_role("button", name="Check my answer").click()
    page.wait_for_url("**/feedback")
    page.get_by_role("link", name="Next question").click()
    page.wait_for_url("**/play/*")
    token = page.url.rsplit("/", 1)[1]
    page.locator(f"input[name=choice][value='{second.key}']").check()
    page.get_by_role("button", name="Check my answer").click()
    page.wait_for_url("**/feedback")

    # Back to the first page (Chromium keeps it: the quiz page is not private) and send it.
    page.go_back()
    page.go_back()
    page.go_back()
    page.wait_for_url(f"**/quizzes/{quiz.id}")
    page.get_by_label("Your display name").fill("Back To First")
    page.locator(f"input[name=choice][value='{first.wrong}']").check()
    page.get_by_role("button", name="Check my answer").click()
    page.wait_for_url(f"**/play/{token}")
    assert "already answered" in page.locator(".flashes").inner_text()
    assert "Question 3 of 4" in page.locator(".step-count").inner_text()

    # The same first form sent by a browser that kept it: the same answer.
    again = page.context.request.post(
        live_server(f"/quizzes/{quiz.id}/start"),
        form={**fields, "name": "Back To First", "choice": str(first.wrong)},  # type: ignore[dict-item]
        max_redirects=0,
    )
    assert again.status == 303 and again.headers["location"].endswith(f"/play/{token}")
    with live_server.app.app_context():
        attempts = db.session.scalars(
            db.select(StepwiseAttempt).where(StepwiseAttempt.name == "Back To First")
        ).all()
        assert len(attempts) == 1  # no second, unfinished attempt
        assert {a.question_id: a.choice_id for a in attempts[0].answers} == {
            first.id: first.key,
            second.id: second.key,
        }


def _review_texts(item: Any) -> list[str]:
    """The option texts of one reviewed question, in order (without "Your answer" notes)."""
    texts = item.locator(".review-options .opt-text").evaluate_all(
        """els => els.map(e => [...e.childNodes]
             .filter(n => !(n.classList && n.classList.contains('opt-note')))
             .map(n => n.textContent).join(''))"""
    )
    return [" ".join(t.split()) for t in texts]


def _orders(page: Any) -> dict[int, list[str]]:
    """Each question's option texts, in the order the quiz page shows them."""
    found: dict[int, list[str]] = {}
    for group in page.locator("fieldset.question").all():
        qid = int(str(group.get_attribute("id")).removeprefix("q_"))
        found[qid] = [
            " ".join(t.split()) for t in group.locator("ul.options label").all_inner_texts()
        ]
    return found


def test_each_attempt_has_its_own_option_order_and_its_review_shows_it(
    new_context: Any, live_server: Any
) -> None:
    """Two takers of the seed quiz see its options in different orders, true/false always
    "True" then "False"; the order is stored with the attempt and the review shows it."""
    quiz = seed_quiz(live_server)
    with live_server.app.app_context():
        questions = {
            q.id: q
            for q in db.session.scalars(
                db.select(Question).where(Question.id.in_([q.id for q in quiz.questions]))
            )
        }
        canonical = {
            qid: [" ".join(c.text.split()) for c in q.choices] for qid, q in questions.items()
        }
        fixed = {qid for qid, q in questions.items() if q.kind == "true_false"}
        shuffled = {
            qid for qid, q in questions.items() if q.kind != "true_false" and len(q.choices) > 2
        }
    assert shuffled, "the seed quiz has questions with shuffled options"

    # Each view draws its order at random, and a seed quiz with few shuffled questions gives
    # two views the same order now and then (1 in 144 with a four- and a three-option
    # question): up to six takers, so that the test fails only when orders never vary.
    pages, seen = [], []
    for _ in range(6):
        page = new_context().new_page()
        page.goto(live_server(f"/quizzes/{quiz.id}"))
        pages.append(page)
        seen.append(_orders(page))
        if len({repr(o) for o in seen}) > 1 and any(
            o[qid] != canonical[qid] for o in seen for qid in shuffled
        ):
            break
    for order in seen:
        assert {qid: sorted(texts) for qid, texts in order.items()} == {
            qid: sorted(canonical[qid]) for qid in order
        }
        for qid in fixed:
            assert order[qid] == canonical[qid] == ["True", "False"]
    assert len({repr(o) for o in seen}) > 1, "every page view, one order"
    assert any(o[qid] != canonical[qid] for o in seen for qid in shuffled), "never shuffled"

    # The first taker answers, and the review lists each question's options as they saw them.
    page = pages[0]
    page.get_by_label("Your display name").fill("Shuffled Reader")
    for q in quiz.questions:
        page.locator(f"input[name=q_{q.id}][value='{q.key}']").check()
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url("**/attempts/*")
    reviewed = [_review_texts(item) for item in page.locator("li.review-item").all()]
    assert reviewed == [seen[0][q.id] for q in quiz.questions]
    token = page.url.rsplit("/", 1)[1]
    with live_server.app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        stored = attempt.option_order
        assert stored is not None
        texts = {c.id: " ".join(c.text.split()) for q in questions.values() for c in q.choices}
        assert {int(k): [texts[c] for c in v] for k, v in stored.items()} == seen[0]


def test_a_one_at_a_time_attempt_keeps_its_order_to_the_review(
    new_context: Any, live_server: Any
) -> None:
    """Without JavaScript: each question of a one-at-a-time attempt in the attempt's order,
    stored when it finishes, and the review in that order."""
    quiz = hand_quiz(live_server, "Ordered steps quiz", display_mode="one", n=3)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill("Step Order")
    shown = []
    for i, q in enumerate(quiz.questions, start=1):
        values = page.locator("input[name=choice]").evaluate_all("l => l.map(e => Number(e.value))")
        assert sorted(values) == sorted(q.choices)
        shown.append(values)
        page.locator(f"input[name=choice][value='{q.key}']").check()
        page.get_by_role("button", name="Check my answer").click()
        page.wait_for_url("**/feedback")
        if i < len(quiz.questions):
            page.get_by_role("link", name="Next question").click()
        else:
            page.get_by_role("button", name="See my results").click()
    page.wait_for_url("**/attempts/*")
    token = page.url.rsplit("/", 1)[1]
    with live_server.app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        assert attempt.option_order == {
            str(q.id): s for q, s in zip(quiz.questions, shown, strict=True)
        }
        texts = {c.id: " ".join(c.text.split()) for c in attempt.quiz.questions[0].choices}
        for q in attempt.quiz.questions:
            texts.update({c.id: " ".join(c.text.split()) for c in q.choices})
    reviewed = [_review_texts(item) for item in page.locator("li.review-item").all()]
    assert reviewed == [[texts[c] for c in s] for s in shown]
