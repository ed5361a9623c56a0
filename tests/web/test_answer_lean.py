"""The review page tells the editor when a quiz's true/false answers lean one way.

Blind judges of the generated quizzes said, packet after packet, that nearly every true/false
answer was "True", so a reader who always picks True scores on them (issue 15). The engine
makes a false statement only where a figure or name can change; the editor is told, with the
questions concerned, and can edit one into a false statement or delete one.
"""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Choice, Quiz
from quizapp.services.editing import true_false_lean
from tests.factories import make_quiz


def _as_true_false(quiz: Quiz, keys: list[str]) -> None:
    """Make the quiz's first questions true/false ones answered as ``keys`` says."""
    for question, key in zip(quiz.questions, keys, strict=False):
        question.kind = "true_false"
        question.choices = [
            Choice(text="True", is_correct=key == "True", position=0),
            Choice(text="False", is_correct=key == "False", position=1, mutation="negation"),
        ]
    db.session.commit()


def test_a_quiz_whose_true_false_answers_are_all_true_leans(app: Flask) -> None:
    quiz = make_quiz(n_questions=5)
    _as_true_false(quiz, ["True", "True", "True"])
    lean = true_false_lean(quiz)
    assert lean is not None
    assert (lean.side, lean.total) == ("True", 3)
    assert [n for n, _ in lean.questions] == [1, 2, 3]
    assert [qid for _, qid in lean.questions] == [q.id for q in quiz.active_questions[:3]]


def test_three_of_four_still_lean_but_two_of_three_do_not(app: Flask) -> None:
    quiz = make_quiz(n_questions=5)
    _as_true_false(quiz, ["False", "False", "True", "False"])
    lean = true_false_lean(quiz)
    assert lean is not None and lean.side == "False" and len(lean.questions) == 3
    _as_true_false(quiz, ["False", "True", "True", "False"])
    assert true_false_lean(quiz) is None
    other = make_quiz(n_questions=4, title="Other")
    _as_true_false(other, ["True", "True", "False"])
    assert true_false_lean(other) is None


def test_two_true_false_questions_are_too_few_to_tell(app: Flask) -> None:
    quiz = make_quiz(n_questions=4)
    _as_true_false(quiz, ["True", "True"])
    assert true_false_lean(quiz) is None


def test_a_deleted_question_no_longer_counts(app: Flask) -> None:
    quiz = make_quiz(n_questions=4)
    _as_true_false(quiz, ["True", "True", "True", "False"])
    assert true_false_lean(quiz) is not None
    quiz.questions[0].status = "retired"
    db.session.commit()
    assert true_false_lean(quiz) is None  # two True, one False


def test_the_review_page_names_the_questions_and_what_to_do(editor_client: FlaskClient) -> None:
    quiz = make_quiz(n_questions=5, status="draft")
    _as_true_false(quiz, ["True", "True", "True", "True"])
    page = editor_client.get(f"/editor/quizzes/{quiz.id}").get_data(as_text=True)
    assert 'id="answer-lean"' in page
    assert "All 4 of this quiz's 4 true/false questions are answered True" in page
    for q in quiz.active_questions[:4]:
        assert f'href="#q{q.id}"' in page and f'id="q{q.id}"' in page
    assert "always picks True gets them all right" in page
    # one edit leaves 3 of 4 (still three quarters), one deletion 3 of 3: two are needed
    assert "Edit 2 of them into false statements" in page
    assert "or delete 2 of them" in page
    # balanced: no notice
    _as_true_false(quiz, ["True", "False", "True", "False"])
    page = editor_client.get(f"/editor/quizzes/{quiz.id}").get_data(as_text=True)
    assert 'id="answer-lean"' not in page


def test_the_advice_follows_the_lean(editor_client: FlaskClient) -> None:
    quiz = make_quiz(n_questions=5, status="draft")
    _as_true_false(quiz, ["False", "False", "True", "False", "False"])
    page = editor_client.get(f"/editor/quizzes/{quiz.id}").get_data(as_text=True)
    assert "4 of this quiz's 5 true/false questions are answered False" in page
    assert "gets 4 of the 5 right" in page
    assert "Edit one of them into a true statement" in page


def test_keys_written_as_a_quiz_file_writes_them_count(app: Flask) -> None:
    quiz = make_quiz(n_questions=4)
    _as_true_false(quiz, ["True", "True", "True"])
    for question in quiz.questions[:3]:
        question.choices[0].text = " true "
        question.choices[1].text = "FALSE"
    db.session.commit()
    lean = true_false_lean(quiz)
    assert lean is not None and lean.side == "True" and lean.total == 3
    assert (lean.to_edit, lean.to_delete) == (1, 1)
