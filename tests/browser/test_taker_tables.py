"""Taker tables on phones (history, scoreboard), the scoreboard's ranks, the home cards."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser._site import hand_quiz

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _take(page: Any, live: Any, quiz: Any, name: str, right: int) -> None:
    """Answer the first ``right`` questions right, the others wrong, and submit."""
    page.goto(live(f"/quizzes/{quiz.id}"))
    page.get_by_label("Your display name").fill(name)
    for i, q in enumerate(quiz.questions):
        page.locator(f"input[name=q_{q.id}][value='{q.key if i < right else q.wrong}']").check()
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url("**/attempts/*")


def _cells_fit(page: Any) -> bool:
    return bool(page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"))


@pytest.mark.parametrize("width", [360, 390])
def test_history_rows_are_cards_on_a_phone(new_context: Any, live_server: Any, width: int) -> None:
    quiz = hand_quiz(live_server, "Tables quiz", display_mode="all", n=3)
    page = new_context(viewport={"width": width, "height": 844}).new_page()
    _take(page, live_server, quiz, "A rather long display name here", 2)
    page.goto(live_server("/history"))
    row = page.locator("table.stack tbody tr").first
    assert page.evaluate("e => getComputedStyle(e).display", row.element_handle()) == "block"
    # The column name stands before each value; the Review link is in view, no scrolling.
    date = row.locator("td[data-label=Date]")
    label = page.evaluate("e => getComputedStyle(e, '::before').content", date.element_handle())
    assert label == '"Date"'
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d", date.inner_text().strip())
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", date.locator("time").get_attribute("datetime")
    )
    review = row.get_by_role("link", name=re.compile("^Review"))
    box = review.bounding_box()
    assert box["x"] + box["width"] <= width
    assert _cells_fit(page)


def test_tables_are_tables_on_a_desktop(new_context: Any, live_server: Any) -> None:
    quiz = hand_quiz(live_server, "Tables quiz", display_mode="all", n=3)
    page = new_context().new_page()
    _take(page, live_server, quiz, "Desk", 1)
    page.goto(live_server("/history"))
    row = page.locator("table.stack tbody tr").first
    assert page.evaluate("e => getComputedStyle(e).display", row.element_handle()) == "table-row"


def test_scroll_regions_take_keyboard_focus(new_context: Any, live_server: Any) -> None:
    quiz = hand_quiz(live_server, "Tables quiz", display_mode="all", n=3)
    page = new_context(viewport=PHONE).new_page()
    _take(page, live_server, quiz, "Keys", 1)
    for path in ("/history", f"/quizzes/{quiz.id}/scores"):
        page.goto(live_server(path))
        regions = page.locator(".table-wrap")
        assert regions.count() >= 1
        for i in range(regions.count()):
            assert regions.nth(i).get_attribute("tabindex") == "0"
            assert regions.nth(i).get_attribute("role") == "region"
        assert _cells_fit(page)


def test_scoreboard_ranks_every_attempt_and_ties_share_a_rank(
    new_context: Any, live_server: Any
) -> None:
    quiz = hand_quiz(live_server, "Ranked quiz", display_mode="all", n=3)
    for name, right in (("Ana", 3), ("Ana", 3), ("Bo", 1)):
        _take(new_context().new_page(), live_server, quiz, name, right)
    page = new_context(viewport=PHONE).new_page()
    page.goto(live_server(f"/quizzes/{quiz.id}/scores"))
    rows = page.get_by_role("region", name="Top scores").locator("tbody tr")
    cells = [
        (
            r.locator("td[data-label=Rank]").inner_text(),
            r.locator("td[data-label=Name]").inner_text(),
        )
        for r in rows.all()
    ]
    assert cells == [("1", "Ana"), ("1", "Ana"), ("3", "Bo")]
    assert _cells_fit(page)


def test_home_card_says_what_this_browser_scored(new_context: Any, live_server: Any) -> None:
    quiz = hand_quiz(live_server, "Home card quiz", display_mode="all", n=3)
    page = new_context(viewport=PHONE).new_page()
    page.goto(live_server("/"))
    card = page.locator(".card", has=page.get_by_role("heading", name="Home card quiz"))
    assert "about 2 min" in card.inner_text() and "3 questions" in card.inner_text()
    assert card.get_by_role("link", name="Take the quiz").get_attribute("class") == "button primary"
    _take(page, live_server, quiz, "Homer", 2)
    page.goto(live_server("/"))
    assert "You scored 2/3" in card.inner_text()
    assert _cells_fit(page)


def test_article_page_keeps_headings_and_lists(page: Any, live_server: Any) -> None:
    from tests.browser._site import seed_quiz

    page.goto(live_server(f"/quizzes/{seed_quiz(live_server).id}/article"))
    article = page.locator("article")
    assert article.get_by_role("heading", level=2).count() >= 3
    assert article.get_by_role("list").first.get_by_role("listitem").count() >= 3
