"""The results page: score bands, the standing among takers, the compact review, the card."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.services import results
from quizapp.services.results import differing_words, plain_explanation, verdict


def _take(
    client: FlaskClient, quiz: Quiz, name: str, right: int, sid: str, retake: str = ""
) -> Attempt:
    """Answer the first ``right`` questions right and the others wrong."""
    data = {"name": name, "submission_id": sid}
    for i, q in enumerate(quiz.questions):
        choice = q.correct_choice if i < right else next(c for c in q.choices if not c.is_correct)
        data[f"q_{q.id}"] = str(choice.id)  # type: ignore[union-attr]
    url = f"/quizzes/{quiz.id}" + (f"?retake={retake}" if retake else "")
    response = client.post(url, data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    token = response.location.rsplit("/", 1)[1]
    return db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()


@pytest.mark.parametrize(
    ("score", "total", "starts"),
    [
        (12, 12, "A perfect score"),
        (10, 12, "Sharp reading"),
        (6, 12, "More right than wrong"),
        (1, 12, "A tough one"),
        (0, 12, "None right"),
        (0, 0, "None right"),
    ],
)
def test_every_score_band_has_its_verdict(score: int, total: int, starts: str) -> None:
    assert verdict(score, total).startswith(starts)


def test_percent_and_time_estimate() -> None:
    assert results.percent(7, 12) == 58 and results.percent(0, 0) == 0
    assert results.minutes_to_take(12) == 6 and results.minutes_to_take(1) == 1


@pytest.mark.parametrize(
    ("text", "other", "marked"),
    [
        ("like Alibaba’s H20 chip", "like Huawei’s H20 chip", ["Alibaba’s"]),
        ("the big red car", "the small blue car", ["big red"]),
        ("True", "False", []),  # nothing shared: nothing to point at
        ("421,000", "316,000", []),
        ("same words", "same words", []),
    ],
)
def test_the_words_that_differ(text: str, other: str, marked: list[str]) -> None:
    parts = differing_words(text, other)
    assert "".join(part for part, _ in parts) == text  # nothing lost or added
    assert [part for part, differs in parts if differs] == marked


def test_explanation_without_what_the_review_shows() -> None:
    evidence = "Sales rose 5% in May."
    assert plain_explanation(f'True. The article says: "{evidence}"', evidence) == ""
    assert (
        plain_explanation(f'The article says: "{evidence}" So the answer is 5%.', evidence)
        == "So the answer is 5%."
    )
    negated = f'False. The article says: "{evidence}" The statement negated the claim.'
    assert plain_explanation(negated, evidence) == "The statement says the opposite."
    assert plain_explanation("An editor's own words.", evidence) == "An editor's own words."


def test_standing_is_hidden_below_five_other_attempts(app: Flask, quiz: Quiz) -> None:
    client = app.test_client()
    for i in range(4):
        _take(client, quiz, f"Early {i}", i % 4, f"standing-{i:04d}")
    mine = _take(client, quiz, "Me", 2, "standing-0100")
    assert results.standing(mine) is None
    html = client.get(f"/attempts/{mine.token}").get_data(as_text=True)
    assert "Better than" not in html


def test_standing_among_the_other_attempts(app: Flask, quiz: Quiz) -> None:
    client = app.test_client()
    for i, right in enumerate([0, 1, 1, 2, 3, 3]):
        _take(client, quiz, f"Other {i}", right, f"standing-{i:04d}")
    mine = _take(client, quiz, "Me", 2, "standing-0100")  # 2 / 3: better than 3 of 6
    assert results.standing(mine) == results.Standing(better_than=50, others=6)
    html = client.get(f"/attempts/{mine.token}").get_data(as_text=True)
    assert "Better than 50% of the 6 other attempts at this quiz." in html
    # An attempt from before the quiz changed counts by its share: 4 / 6 equals 2 / 3.
    mine.score, mine.total = 4, 6
    db.session.commit()
    assert results.standing(mine) == results.Standing(better_than=50, others=6)
    retake = _take(client, quiz, "Me", 3, "standing-0101", retake=mine.token)
    assert results.standing(retake) is None


def test_score_comes_before_the_unanswered_warning(client: FlaskClient, quiz: Quiz) -> None:
    q1 = quiz.questions[0]
    data = {
        "name": "Hasty",
        "submission_id": "hasty-0001",
        f"q_{q1.id}": q1.correct_choice.id,  # type: ignore[union-attr]
        "confirm_unanswered": "yes",
    }
    response = client.post(f"/quizzes/{quiz.id}", data=data)
    html = client.get(response.location).get_data(as_text=True)
    assert html.index('class="score"') < html.index("unanswered") < html.index('id="review"')
    assert "33%" in html and verdict(1, 3) in html


def test_mistakes_link_turns_the_filter_on(client: FlaskClient, quiz: Quiz) -> None:
    attempt = _take(client, quiz, "Ann", 1, "mistakes-0001")
    html = client.get(f"/attempts/{attempt.token}").get_data(as_text=True)
    assert "Show only my mistakes (2 of 3)" in html and " checked>" not in html
    assert f'href="/attempts/{attempt.token}?mistakes=1#review">Review my mistakes' in html
    filtered = client.get(f"/attempts/{attempt.token}?mistakes=1").get_data(as_text=True)
    assert 'id="only-mistakes" aria-controls="review-list" checked' in filtered


def test_no_generator_jargon_on_the_results_page(client: FlaskClient, quiz: Quiz) -> None:
    attempt = _take(client, quiz, "Ann", 0, "jargon-0001")
    html = client.get(f"/attempts/{attempt.token}").get_data(as_text=True)
    assert "made by a" not in html and "typed list" not in html


def test_share_page_has_a_large_image_preview(app: Flask, quiz: Quiz) -> None:
    attempt = _take(app.test_client(), quiz, "Ann", 2, "card-0001")
    html = app.test_client().get(f"/share/{attempt.share_token}").get_data(as_text=True)
    card = f"http://localhost/share/{attempt.share_token}/card.png"
    assert f'<meta property="og:image" content="{card}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{card}">' in html
    assert "67%" in html  # all the card shows is on the page


def test_score_card_is_a_cacheable_png(app: Flask, quiz: Quiz) -> None:
    attempt = _take(app.test_client(), quiz, "Ann", 2, "card-0002")
    stranger = app.test_client()
    response = stranger.get(f"/share/{attempt.share_token}/card.png")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert response.cache_control.public and response.cache_control.max_age == 86_400
    image = Image.open(io.BytesIO(response.data))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    etag = response.headers["ETag"]
    again = stranger.get(f"/share/{attempt.share_token}/card.png", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data
    # The title changes: so do the picture and its validator.
    quiz.title = "Acme quiz, revised"
    db.session.commit()
    changed = stranger.get(
        f"/share/{attempt.share_token}/card.png", headers={"If-None-Match": etag}
    )
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_score_card_is_named_by_the_public_token_only(client: FlaskClient, quiz: Quiz) -> None:
    attempt = _take(client, quiz, "Ann", 2, "card-0003")
    assert client.get(f"/share/{attempt.token}/card.png").status_code == 404
    assert client.get("/share/nope/card.png").status_code == 404
    quiz.status = "draft"
    db.session.commit()
    assert client.get(f"/share/{attempt.share_token}/card.png").status_code == 404
