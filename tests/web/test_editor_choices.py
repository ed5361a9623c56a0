"""The editor's choices: how many questions of which kinds an import generates, a duplicate
import leading to the earlier quiz, and the edit form's key, cancel and taker's preview."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp import engine
from quizapp.extensions import db
from quizapp.models import ImportJob, Question, Quiz
from quizapp.services.articles import import_article
from quizapp.services.errors import ServiceError
from quizapp.services.quizzes import seed_text
from tests.factories import edit_form

# -- 15: generation choices -----------------------------------------------------------------


def _import(editor_client: FlaskClient, **data: object) -> object:
    return editor_client.post("/editor/import", data={"text": seed_text(), **data})


def test_the_import_page_offers_the_engines_kinds_and_the_apps_limit(
    editor_client: FlaskClient, app: Flask
) -> None:
    html = editor_client.get("/editor/import").get_data(as_text=True)
    limit = app.config["QUIZ_MAX_QUESTIONS"]
    assert re.search(rf'name="count"[^>]*value="{limit}"', html)
    assert f'max="{limit}"' in html and 'min="1"' in html
    for kind in engine.KINDS:
        assert re.search(rf'<input checked[^>]*name="kinds"[^>]*value="{kind}"', html), kind
    assert 'data-busy="Generating questions…"' in html


def test_count_and_kinds_reach_the_engine(editor_client: FlaskClient) -> None:
    # the seed has one recall item since engine 2.17.0 (its "_____'s H20 chip" item asked
    # the maker of a named chip) and many true/false ones: three of the two kinds are asked for
    response = _import(editor_client, count="3", kinds=["", "fact_recall", "true_false"])
    assert response.status_code == 303, response.get_data(as_text=True)  # type: ignore[attr-defined]
    quiz = db.session.execute(db.select(Quiz)).scalar_one()
    kinds = [q.kind for q in quiz.questions]
    assert len(kinds) == 3 and set(kinds) == {"fact_recall", "true_false"}, kinds


def test_without_choices_the_defaults_hold(editor_client: FlaskClient, app: Flask) -> None:
    """A form sent without the choices (an old page, a script) gets every kind, the limit."""
    assert _import(editor_client).status_code == 303  # type: ignore[attr-defined]
    quiz = db.session.execute(db.select(Quiz)).scalar_one()
    limit = app.config["QUIZ_MAX_QUESTIONS"]
    expected = engine.generate(seed_text(), max_questions=limit).questions
    assert [q.kind for q in quiz.questions] == [q.kind for q in expected]
    assert len({q.kind for q in quiz.questions}) > 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"count": "0"}, "between 1 and 15"),
        ({"count": "16"}, "between 1 and 15"),
        ({"count": "many"}, "integer"),
        ({"kinds": [""]}, "Choose at least one kind"),
        ({"kinds": ["", "riddle"]}, "not a valid choice"),
    ],
)
def test_choices_out_of_bounds_are_refused(
    editor_client: FlaskClient, data: dict[str, object], message: str
) -> None:
    response = _import(editor_client, **data)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert message in response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


def test_the_service_keeps_its_own_bounds(app: Flask) -> None:
    for count, kinds in ((0, None), (16, None), (3, ()), (3, ("riddle",))):
        with pytest.raises(ServiceError):
            import_article(seed_text(), max_questions=count, kinds=kinds)


@pytest.mark.app_config(IMPORT_BACKGROUND_CHARS=100, IMPORT_JOBS_INLINE=True)
def test_choices_reach_the_engine_through_a_background_job(editor_client: FlaskClient) -> None:
    response = _import(editor_client, count="4", kinds=["", "claim_verification", "true_false"])
    assert "/editor/imports/" in response.location  # type: ignore[attr-defined]
    job = db.session.execute(db.select(ImportJob)).scalar_one()
    assert (job.max_questions, job.kind_list) == (4, ["claim_verification", "true_false"])
    quiz = db.session.get(Quiz, job.quiz_id)
    assert quiz is not None and 0 < len(quiz.questions) <= 4
    assert {q.kind for q in quiz.questions} <= {"claim_verification", "true_false"}


@pytest.mark.parametrize("background", [False, True], ids=["inline", "job"])
def test_a_duplicate_import_links_to_the_earlier_quiz(
    editor_client: FlaskClient, app: Flask, background: bool
) -> None:
    _import(editor_client, title="First time")
    earlier = db.session.execute(db.select(Quiz)).scalar_one()
    if background:
        app.config.update(IMPORT_BACKGROUND_CHARS=100, IMPORT_JOBS_INLINE=True)
    again = _import(editor_client, title="Second time")
    assert again.status_code == 409  # type: ignore[attr-defined]
    html = again.get_data(as_text=True)  # type: ignore[attr-defined]
    assert "This article was imported before" in html
    assert f'href="/editor/quizzes/{earlier.id}">First time</a>' in html
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 1


# -- 12: the edit form ----------------------------------------------------------------------


def _question(quiz: Quiz) -> Question:
    return quiz.active_questions[1]


def test_each_option_has_its_key_choice_beside_it_and_a_cancel(
    editor_client: FlaskClient, quiz: Quiz
) -> None:
    question = _question(quiz)
    html = editor_client.get(f"/editor/questions/{question.id}/edit").get_data(as_text=True)
    rows = re.findall(r'<li class="option-row">(.*?)</li>', html, re.S)
    assert len(rows) == 4
    for i, row in enumerate(rows, start=1):
        assert f'id="option_{i}"' in row and f'value="{i}"' in row and "Correct answer" in row
    key = next(i for i, c in enumerate(question.choices, start=1) if c.is_correct)
    assert re.search(rf'checked[^>]*value="{key}"', rows[key - 1])
    assert f'href="/editor/quizzes/{quiz.id}#q{question.id}">Cancel</a>' in html


def test_preview_shows_the_takers_question_and_saves_nothing(
    editor_client: FlaskClient, quiz: Quiz
) -> None:
    question = _question(quiz)
    before = (question.stem, [(c.text, c.is_correct) for c in question.choices])
    response = editor_client.post(
        f"/editor/questions/{question.id}/edit",
        data=edit_form(
            question,
            stem="Which option is the new one?",
            option_2="A fresh option",
            action="preview",
        ),
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    preview = html.split('id="taker-preview"', 1)[1].split("</section>", 1)[0]
    assert "Question 2 of 3" in preview and "Which option is the new one?" in preview
    assert "A fresh option" in preview and 'type="radio"' in preview
    assert "Correct" not in preview  # the taker's view: no key shown
    # the form keeps what was typed, and nothing is saved
    form = html.split('id="taker-preview"', 1)[1].split("</section>")[1]
    assert re.search(
        r'<textarea id="option_2" name="option_2" rows="2">\s*A fresh option</textarea>', form
    )
    db.session.refresh(question)
    assert (question.stem, [(c.text, c.is_correct) for c in question.choices]) == before


def test_preview_of_an_invalid_form_shows_the_errors(
    editor_client: FlaskClient, quiz: Quiz
) -> None:
    question = _question(quiz)
    response = editor_client.post(
        f"/editor/questions/{question.id}/edit",
        data=edit_form(question, key="", action="preview"),
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Choose the correct option" in html and 'id="taker-preview"' not in html


def test_preview_of_a_new_question(editor_client: FlaskClient, quiz: Quiz) -> None:
    claim = quiz.article.claims[0]
    response = editor_client.post(
        f"/editor/quizzes/{quiz.id}/questions/new",
        data={
            "claim": str(claim.id),
            "kind": "fact_recall",
            "stem": "What does the article say?",
            "option_1": "One thing",
            "option_2": "Another thing",
            "option_3": "A third thing",
            "key": "1",
            "action": "preview",
        },
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Question 4 of 4" in html and "What does the article say?" in html
    assert len(quiz.active_questions) == 3


def test_the_engine_writes_only_the_kinds_asked_for() -> None:
    result = engine.generate(seed_text(), max_questions=5, kinds=["claim_verification"])
    assert result.questions and {q.kind for q in result.questions} == {"claim_verification"}
    for wrong in (["riddle"], []):
        with pytest.raises(ValueError, match="question kinds"):
            engine.generate(seed_text(), kinds=wrong)


def test_no_question_of_the_kinds_chosen_says_so(editor_client: FlaskClient) -> None:
    """An article without quoted remarks has no attribution question to give."""
    text = "The council approved the 6 million euro pier in 2026 by 11 votes to 2.\n"
    response = editor_client.post(
        "/editor/import", data={"text": text, "kinds": ["", "attribution"]}
    )
    assert response.status_code == 422
    assert "No question of the kinds chosen" in response.get_data(as_text=True)
