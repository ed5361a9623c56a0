"""The home page's cards and the article page's headings and lists."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.services.article_layout import article_blocks
from tests.factories import make_quiz


def test_cards_show_source_date_count_time_and_your_score(app: Flask, quiz: Quiz) -> None:
    quiz.article.source_url = "https://www.example.org/news/acme"
    db.session.commit()
    other = make_quiz(title="Other quiz")
    mine = app.test_client()
    q1 = quiz.questions[0]
    data = {
        "name": "Ann",
        "submission_id": "cards-0001",
        f"q_{q1.id}": q1.correct_choice.id,  # type: ignore[union-attr]
        "confirm_unanswered": "yes",
    }
    assert mine.post(f"/quizzes/{quiz.id}", data=data).status_code == 303
    html = mine.get("/").get_data(as_text=True)
    card = html[html.index("Acme quiz</h2>") :]
    assert "example.org" in card and "3 questions" in card and "about 2 min" in card
    assert "<time datetime=" in card
    assert "You scored 1/3" in card
    assert "Take it again" in card and 'class="button primary"' in card
    other_card = html[html.index("Other quiz</h2>") : html.index("Acme quiz</h2>")]
    assert "You scored" not in other_card and "Take the quiz" in other_card
    assert f'href="/quizzes/{other.id}"' in other_card
    # Another browser took nothing.
    assert "You scored" not in app.test_client().get("/").get_data(as_text=True)


def test_article_blocks_keep_headings_and_lists() -> None:
    text = (
        "Key points\n- First point.\n- Second point.\n"
        "A paragraph of the story, long enough to be one.\n"
        "What happened next\n1. One step.\n2. Another step.\n"
        "<b>Bold</b> claims stay text, said plainly in a sentence.\n"
    )
    blocks = article_blocks(text)
    assert [(b.kind, b.ordered) for b in blocks] == [
        ("heading", False),
        ("list", False),
        ("paragraph", False),
        ("heading", False),
        ("list", True),
        ("paragraph", False),
    ]
    assert blocks[1].items == ["First point.", "Second point."]
    assert blocks[4].items == ["One step.", "Another step."]
    assert blocks[5].text.startswith("<b>Bold</b>")


def test_article_page_renders_the_blocks_escaped(client: FlaskClient) -> None:
    text = (
        "Background\n- A <script>alert(1)</script> point.\n"
        "A <em>paragraph</em> that is a sentence of the story.\n"
    )
    quiz = make_quiz(title="Layout", text=text, n_questions=1)
    html = client.get(f"/quizzes/{quiz.id}/article").get_data(as_text=True)
    assert "<h2>Background</h2>" in html
    assert "<li>A &lt;script&gt;alert(1)&lt;/script&gt; point.</li>" in html
    assert "<p>A &lt;em&gt;paragraph&lt;/em&gt; that is a sentence of the story.</p>" in html
    assert "<script>alert" not in html
