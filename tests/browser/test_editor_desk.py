"""The editor's desk: login lands there, destructive buttons confirm first (with and without
JavaScript, on a phone and a desktop), a regenerated question is shown highlighted with its
message, and every form control is styled with text of at least 16px."""

from __future__ import annotations

import re
from typing import Any

import pytest

from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services.articles import import_article
from tests.browser._site import log_in, seed_quiz
from tests.browser.conftest import EDITOR
from tests.browser.test_accessibility import _axe, _describe

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
SMALL_PHONE = {"width": 360, "height": 740}

#: A made-up article for these tests' own quizzes (no real event, no copied text).
ARTICLE = (
    "Lakeside town council voted on Monday to rebuild the old ferry pier on Harbour Road.\n"
    "The new pier will cost 6 million euros and is due to open in 2028.\n"
    "Councillor Petra Lind said the pier would carry 300 passengers an hour.\n"
    "The council approved the plan by 11 votes to 2 after a two-hour debate.\n"
    "Shipyard Vestkyst won the contract against three other bidders.\n"
    "The old pier closed in 2021 after a storm broke its northern end.\n"
)


def _quiz(live: Any, title: str) -> int:
    """A published quiz of its own, made by the engine from ARTICLE (once per title)."""
    with live.app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.title == title)).scalar_one_or_none()
        if quiz is None:
            quiz = import_article(
                ARTICLE + f"This note is about {title}.\n", title=title, publish=True
            )
        return quiz.id


def _active(live: Any, quiz_id: int) -> list[int]:
    with live.app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz is not None
        return [q.id for q in quiz.active_questions]


def _in_view(page: Any, selector: str) -> bool:
    """Whether the element is wholly inside the viewport (no page script: works without JS)."""
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


# -- 10: login lands on the editor's desk --------------------------------------------------


def test_login_lands_on_the_editor_desk(page: Any, live_server: Any) -> None:
    log_in(page, live_server, *EDITOR)
    page.wait_for_url(live_server("/editor/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Editor"
    assert "Logged in as editor" in page.get_by_role("status").inner_text()


def test_login_goes_back_to_the_page_asked_for(page: Any, live_server: Any) -> None:
    quiz = seed_quiz(live_server)
    page.goto(live_server(f"/editor/quizzes/{quiz.id}/analysis"))
    assert "/login?next=" in page.url
    page.get_by_label("User name").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server(f"/editor/quizzes/{quiz.id}/analysis"))
    assert page.get_by_role("heading", level=1).inner_text() == "Item analysis"


def test_login_never_leaves_the_site(page: Any, live_server: Any) -> None:
    page.goto(live_server("/login?next=//example.org/x"))
    page.get_by_label("User name").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server("/editor/"))


# -- 11: destructive actions confirm first ---------------------------------------------------


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_delete_asks_first_and_cancel_keeps_the_question(
    new_context: Any, live_server: Any, javascript: bool
) -> None:
    quiz_id = _quiz(live_server, f"Pier delete {javascript}")
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    log_in(page, live_server, *EDITOR)
    page.goto(live_server(f"/editor/quizzes/{quiz_id}"))
    before = _active(live_server, quiz_id)
    stem = page.locator(".review-item .q-stem").nth(1).inner_text()

    page.get_by_role("button", name="Delete question 2").click()
    page.get_by_role("heading", level=1, name="Delete this question?").wait_for()
    assert stem in page.locator("main").inner_text()
    assert "published" in page.locator(".consequences").inner_text()
    assert _active(live_server, quiz_id) == before  # nothing changed yet
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_url(re.compile(rf".*/editor/quizzes/{quiz_id}#q{before[1]}$"))
    assert _active(live_server, quiz_id) == before

    page.get_by_role("button", name="Delete question 2").click()
    page.get_by_role("button", name="Delete the question").click()
    page.wait_for_url(re.compile(rf".*/editor/quizzes/{quiz_id}$"))
    assert "Question removed" in page.get_by_role("status").inner_text()
    assert _active(live_server, quiz_id) == [before[0], *before[2:]]
    assert stem not in page.locator(".review").inner_text()


@pytest.mark.parametrize(
    ("viewport", "javascript"),
    [(SMALL_PHONE, False), ({"width": 1280, "height": 800}, True)],
    ids=["phone-no-js", "desktop-js"],
)
def test_regenerate_on_a_published_quiz_confirms_and_highlights_the_new_question(
    new_context: Any, live_server: Any, viewport: dict[str, int], javascript: bool
) -> None:
    quiz_id = _quiz(live_server, f"Pier regenerate {viewport['width']}")
    page = new_context(viewport=viewport, java_script_enabled=javascript).new_page()
    log_in(page, live_server, *EDITOR)
    page.goto(live_server(f"/editor/quizzes/{quiz_id}"))
    before = _active(live_server, quiz_id)
    index = len(before) - 1  # the last one: the page must scroll to it
    page.get_by_role("button", name=f"Regenerate question {index + 1}").click()
    page.get_by_role("heading", level=1, name="Replace this question with a new one?").wait_for()
    assert "The quiz is published" in page.locator(".consequences").inner_text()
    assert _active(live_server, quiz_id) == before
    page.get_by_role("button", name="Regenerate the question").click()
    page.wait_for_url(re.compile(r".*\?new=\d+#q\d+$"))

    new_id = int(page.url.rsplit("#q", 1)[1])
    after = _active(live_server, quiz_id)
    assert new_id in after and before[index] not in after and len(after) == len(before)
    item = f"#q{new_id}"
    assert page.locator(f"{item}.is-new:target").count() == 1
    message = page.locator(f"{item} .flash")
    assert "A new question was generated" in message.inner_text()
    assert _in_view(page, f"{item} .flash"), "the message is in view"
    assert _in_view(page, f"{item} .q-stem"), "the new question is in view"
    if javascript:  # the highlight is drawn, and axe (a script) finds nothing serious
        assert page.eval_on_selector(item, "e => getComputedStyle(e).boxShadow") != "none"
        violations = _axe(page)
        assert not violations, _describe(violations)
    with live_server.app.app_context():
        question = db.session.get(Question, new_id)
        assert question is not None and question.status == "active"


def test_retire_and_replace_asks_first(new_context: Any, live_server: Any) -> None:
    quiz_id = _quiz(live_server, "Pier replace")
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    log_in(page, live_server, *EDITOR)
    page.goto(live_server(f"/editor/quizzes/{quiz_id}/analysis"))
    before = _active(live_server, quiz_id)
    page.get_by_role("button", name="Retire and generate a replacement for Q1").click()
    page.get_by_role(
        "heading", level=1, name="Retire this question and generate a replacement?"
    ).wait_for()
    assert _active(live_server, quiz_id) == before
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_url(re.compile(rf".*/editor/quizzes/{quiz_id}/analysis#q{before[0]}-title$"))
    assert _active(live_server, quiz_id) == before

    page.get_by_role("button", name="Retire and generate a replacement for Q1").click()
    page.get_by_role("button", name="Retire and replace").click()
    page.wait_for_url(re.compile(rf".*/editor/quizzes/{quiz_id}/analysis$"))
    assert "Retired" in page.get_by_role("status").inner_text()
    assert before[0] not in _active(live_server, quiz_id)


# -- 13: every control styled, text at least 16px -------------------------------------------

CONTROLS = """() => [...document.querySelectorAll('main input, main select, main textarea')]
  .filter(e => e.type !== 'hidden')
  .map(e => {
    const s = getComputedStyle(e);
    const file = e.type === 'file' ? getComputedStyle(e, '::file-selector-button') : null;
    return {id: e.id || e.name, type: e.type, font: parseFloat(s.fontSize),
            width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height,
            border: s.borderTopStyle, buttonFont: file ? parseFloat(file.fontSize) : null,
            buttonBorder: file ? file.borderTopColor : null};
  })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_is_styled_with_16px_text(
    new_context: Any, live_server: Any, scheme: str
) -> None:
    quiz = seed_quiz(live_server)
    page = new_context(viewport=SMALL_PHONE, color_scheme=scheme).new_page()
    page.goto(live_server("/login"))
    seen: set[str] = set()
    checks = [live_server("/login")]
    log_in(page, live_server, *EDITOR)
    checks += [
        live_server(path)
        for path in (
            "/editor/import",
            "/editor/import-quiz",
            f"/editor/quizzes/{quiz.id}",
            f"/editor/quizzes/{quiz.id}/claims",
            f"/editor/questions/{quiz.questions[0].id}/edit",
            f"/editor/quizzes/{quiz.id}/questions/new",
        )
    ]
    for url in checks:
        page.goto(url)
        for control in page.evaluate(CONTROLS):
            seen.add(control["type"])
            where = f"{url} {control}"
            if control["type"] in ("checkbox", "radio"):
                assert control["width"] >= 17 and control["height"] >= 17, where
                continue
            assert control["font"] >= 16, where
            assert control["height"] >= 40, where  # a finger-sized target
            assert control["border"] != "none", where
            if control["type"] == "file":
                assert control["buttonFont"] >= 16, where
    assert {
        "text",
        "password",
        "url",
        "number",
        "checkbox",
        "radio",
        "file",
        "select-one",
        "textarea",
    } <= seen
