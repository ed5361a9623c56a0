"""The editor's pages in Chromium: tables as cards on a phone (no sideways scrolling, every
scroll region reachable by keyboard), the edit form's key beside each option with Cancel and a
taker's preview, the item analysis's empty state and summary, and the import's choices of how
many questions of which kinds (with and without JavaScript)."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services.stats import quiz_stats
from tests.browser._site import UNTAKEN_QUIZ, hand_quiz, log_in, taken_quiz
from tests.browser.conftest import EDITOR
from tests.browser.test_editor_desk import ARTICLE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

#: Elements that scroll sideways, and whether the keyboard can reach them.
SCROLLERS = """() => [...document.querySelectorAll('body *')]
  .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
               && e.scrollWidth > e.clientWidth + 1)
  .map(e => ({tag: e.tagName, cls: e.className,
              focusable: e.tabIndex >= 0
                || !!e.querySelector('a, button, input, select, textarea')}))"""


def _editor(new_context: Any, live: Any, viewport: dict[str, int], **kwargs: Any) -> Any:
    page = new_context(viewport=viewport, **kwargs).new_page()
    log_in(page, live, *EDITOR)
    page.wait_for_url(live("/editor/"))
    return page


# -- 6: editor tables on phones -------------------------------------------------------------


@pytest.mark.parametrize("which", ["dashboard", "analysis"])
def test_editor_tables_are_cards_on_a_phone(new_context: Any, live_server: Any, which: str) -> None:
    page = _editor(new_context, live_server, PHONE)
    if which == "analysis":
        page.goto(live_server(f"/editor/quizzes/{taken_quiz(live_server).id}/analysis"))
    tables = page.locator("main table.table-cards")
    assert tables.count() >= 1
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    assert page.evaluate(SCROLLERS) == []
    # Each row is a card: the column headers are hidden, each cell says what it is.
    first = tables.first
    assert first.locator("thead").bounding_box()["height"] <= 1  # type: ignore[index]
    cells = first.locator("tbody td[data-label]")
    for i in range(min(cells.count(), 6)):
        cell = cells.nth(i)
        label = cell.evaluate("e => getComputedStyle(e, '::before').content")
        assert label.strip('"') == cell.get_attribute("data-label")
        box = cell.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    # At desktop width they are tables again, and whatever scrolls takes the keyboard focus.
    page.set_viewport_size(DESKTOP)
    assert first.locator("thead").bounding_box()["height"] > 10  # type: ignore[index]
    assert all(s["focusable"] for s in page.evaluate(SCROLLERS))


def test_a_table_region_is_reached_by_the_keyboard(new_context: Any, live_server: Any) -> None:
    page = _editor(new_context, live_server, DESKTOP)
    region = page.get_by_role("region", name="Quizzes")
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('table-wrap')")


# -- 12: the edit form ----------------------------------------------------------------------


def _choices(live: Any, question_id: int) -> list[tuple[str, bool]]:
    with live.app.app_context():
        question = db.session.get(Question, question_id)
        assert question is not None
        return [(c.text, c.is_correct) for c in question.choices]


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_edit_form_key_beside_each_option_preview_and_cancel(
    new_context: Any, live_server: Any, javascript: bool
) -> None:
    quiz = hand_quiz(live_server, f"Edit form {javascript}", display_mode="all", n=3)
    question = quiz.questions[1]
    before = _choices(live_server, question.id)
    page = _editor(new_context, live_server, DESKTOP, java_script_enabled=javascript)
    page.goto(live_server(f"/editor/questions/{question.id}/edit"))

    # The key choice sits beside each option's text, on its line.
    for i in range(1, 4):
        text = page.get_by_label(f"Option {i}", exact=True)
        key = page.get_by_label(f"Option {i}: Correct answer")
        t, k = text.bounding_box(), key.bounding_box()
        assert t is not None and k is not None
        assert (
            k["x"] > t["x"] + t["width"] - 1
            and abs((k["y"] + k["height"] / 2) - (t["y"] + t["height"] / 2)) < t["height"]
        ), f"option {i}: the key choice is not beside its text"
    correct = next(i for i, (_, right) in enumerate(before, start=1) if right)
    assert page.get_by_label(f"Option {correct}: Correct answer").is_checked()

    # Preview as a taker: the question as takers see it, nothing saved, the form kept.
    other = 3 if correct != 3 else 1
    page.get_by_label(f"Option {other}", exact=True).fill("A believable wrong answer")
    page.get_by_role("button", name="Preview as a taker").click()
    preview = page.get_by_role("region", name="Preview: what quiz takers see")
    preview.wait_for()
    group = preview.get_by_role("group")
    assert "question 2 of 3" in group.inner_text().lower()
    assert question.stem in group.inner_text()
    assert preview.get_by_role("radio", name="A believable wrong answer").count() == 1
    assert preview.get_by_role("radio").count() == 3
    assert "Correct answer" not in preview.inner_text()
    assert page.get_by_label(f"Option {other}", exact=True).input_value() == (
        "A believable wrong answer"
    )
    assert page.get_by_label(f"Option {correct}: Correct answer").is_checked()
    assert _choices(live_server, question.id) == before

    # Cancel: back to the review, at the question, still unchanged.
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_url(re.compile(rf".*/editor/quizzes/{quiz.id}#q{question.id}$"))
    assert _choices(live_server, question.id) == before


# -- 14: the item analysis ------------------------------------------------------------------


def test_analysis_before_any_attempt_is_an_empty_state(new_context: Any, live_server: Any) -> None:
    untaken = hand_quiz(live_server, UNTAKEN_QUIZ, display_mode="all", n=3)
    page = _editor(new_context, live_server, PHONE)
    page.goto(live_server(f"/editor/quizzes/{untaken.id}/analysis"))
    assert page.get_by_role("heading", name="Nobody has taken this quiz yet").is_visible()
    main = page.locator("main").inner_text()
    assert "0.0%" not in main and "Facility" not in main and "alpha" not in main
    assert page.locator("main svg").count() == 0
    assert page.get_by_role("link", name="Open the public quiz").count() == 1


def test_analysis_summary_explanations_and_chart(new_context: Any, live_server: Any) -> None:
    quiz = taken_quiz(live_server)
    with live_server.app.app_context():
        stored = db.session.get(Quiz, quiz.id)
        assert stored is not None
        flagged = [q.id for q in quiz_stats(stored).attention]
    assert flagged
    page = _editor(new_context, live_server, DESKTOP)
    page.goto(live_server(f"/editor/quizzes/{quiz.id}/analysis"))
    summary = page.get_by_role("region", name=re.compile(r"\d+ questions? needs? attention"))
    assert summary.get_by_role("heading").inner_text().startswith(f"{len(flagged)} question")
    # Each flagged question is named, with what to do and a link to do it.
    assert summary.get_by_role("link", name=re.compile(r"^(Edit|Regenerate) Q\d$")).count() >= len(
        flagged
    )
    summary.get_by_role("link").first.click()
    page.wait_for_url(re.compile(rf".*#q{flagged[0]}-title$"))
    item = page.locator(f"article:has(#q{flagged[0]}-title)")
    assert re.search(r"Facility \d+%: .+ of the takers got this right\.", item.inner_text())
    # Option shares as bars, with the share in words beside each bar.
    assert item.locator(".share-bar").count() == item.locator("tbody tr").count()
    assert re.search(r"\d+% \(\d+ of 24\)", item.locator(".share-cell").first.inner_text())
    assert page.locator("tr.non-functioning").first.get_by_text("Not working").is_visible()
    # Both axes are titled; no two point labels overlap, in the browser's own text layout.
    scatter = page.locator("#analysis-scatter-title + svg, figure:has(#analysis-scatter-title) svg")
    titles = scatter.first.locator(".axis-title").all_text_contents()
    assert titles == ["Facility: share of takers right", "Discrimination"]
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.point-label, .dot')].map(e => {
             const r = e.getBoundingClientRect();
             const name = e.classList.contains('dot') ? 'dot' : e.textContent;
             return [name, r.left, r.top, r.right, r.bottom];
           })"""
    )
    labels = [b for b in boxes if b[0] != "dot"]
    assert labels
    for a, b in itertools.combinations(boxes, 2):
        if a[0] == "dot" and b[0] == "dot":
            continue
        overlap = min(a[3], b[3]) - max(a[1], b[1]), min(a[4], b[4]) - max(a[2], b[2])
        assert not (overlap[0] > 0.5 and overlap[1] > 0.5), (a, b)


# -- 15: generation choices -----------------------------------------------------------------


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_choices_reach_the_engine_and_a_duplicate_links_back(
    new_context: Any, live_server: Any, javascript: bool
) -> None:
    text = ARTICLE + f"This note is about the choices test ({javascript}).\n"
    page = _editor(new_context, live_server, DESKTOP, java_script_enabled=javascript)
    page.goto(live_server("/editor/import"))
    page.get_by_label("Title").fill(f"Three recall questions {javascript}")
    page.get_by_label("Article text").fill(text)
    page.get_by_label("How many questions").fill("3")
    kinds = page.get_by_role("group", name="Kinds of question").get_by_role("checkbox")
    assert kinds.count() == 4 and all(kinds.nth(i).is_checked() for i in range(4))
    for i in range(kinds.count()):
        if not kinds.nth(i).get_attribute("value") == "fact_recall":
            kinds.nth(i).uncheck()
    if javascript:  # note the page's state as the form goes (sessionStorage outlives the page)
        page.evaluate(
            """() => document.querySelector('form[data-busy]').addEventListener('submit', () => {
                 const button = document.querySelector('[data-busy-button]');
                 sessionStorage.setItem('busy', JSON.stringify({
                   disabled: button.disabled, text: button.textContent,
                   status: document.querySelector('[data-busy-status]').textContent,
                   busy: document.querySelector('form[data-busy]').getAttribute('aria-busy')}));
               })"""
        )
    page.get_by_role("button", name="Import and generate the quiz").click()
    page.wait_for_url(re.compile(r".*/editor/quizzes/\d+$"))
    quiz_id = int(page.url.rsplit("/", 1)[1])
    if javascript:
        busy = page.evaluate("JSON.parse(sessionStorage.getItem('busy'))")
        assert busy["disabled"] and busy["text"] == "Generating questions…", busy
        assert busy["status"].startswith("Generating questions…") and busy["busy"] == "true"
    with live_server.app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz is not None
        assert [q.kind for q in quiz.questions] == ["fact_recall"] * 3
        title = quiz.title

    # The same text again: the page says so and links to the quiz made the first time.
    page.goto(live_server("/editor/import"))
    page.get_by_label("Article text").fill(text)
    page.get_by_role("button", name="Import and generate the quiz").click()
    alert = page.get_by_role("alert").filter(has_text="This article was imported before")
    alert.wait_for()
    alert.get_by_role("link", name=title).click()
    page.wait_for_url(live_server(f"/editor/quizzes/{quiz_id}"))
