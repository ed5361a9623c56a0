"""Forms of the quiz-taking pages."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import Field, HiddenField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Regexp

from quizapp.models import Question, Quiz
from quizapp.security import parse_id
from quizapp.services.errors import InvalidSubmission
from quizapp.web.media import rich


def _strip(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


class OptionalRadioField(RadioField):
    """A radio group that may be left unanswered; an answer must be one of its options."""

    def pre_validate(self, form: Any) -> None:
        if self.data is None:
            return
        super().pre_validate(form)

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist or valuelist[0] == "":
            self.data = None  # an empty value is an unanswered question
            return
        # A value that is not a whole number is simply not one of the options.
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = -1


class TakeQuizForm(FlaskForm):
    """The quiz page: a display name and one radio group per question (added per quiz)."""

    name = StringField(
        "Your display name",
        filters=[_strip],
        validators=[
            DataRequired("Please enter a display name."),
            Length(max=40, message="The display name can have at most 40 characters."),
        ],
        description="Shown on the scores page, 1 to 40 characters.",
    )
    submission_id = HiddenField(
        validators=[DataRequired(), Regexp(r"^[A-Za-z0-9_-]{8,64}$", message="Bad form id.")]
    )

    def question_fields(self) -> list[Field]:
        """The radio groups, in question order."""
        return [f for f in self if f.name.startswith("q_")]


def answered_question_ids(formdata: Mapping[str, str]) -> set[int]:
    """The question ids of the ``q_<id>`` fields that carry an answer.

    A ``q_`` field whose name is not an id is :class:`InvalidSubmission` (the form again, 400).
    """
    ids = set()
    for name, value in formdata.items():
        if not name.startswith("q_") or value == "":
            continue
        question_id = parse_id(name[2:])
        if question_id is None:
            raise InvalidSubmission(f"The form field {name[:40]!r} is not a question of this quiz.")
        ids.add(question_id)
    return ids


def _stem_label(number: int, question: Question) -> Markup:
    """``"N. stem"``, the stem with the formatting a quiz file gave it (see web.media.rich)."""
    return Markup("{}. ").format(number) + rich(question, question.stem_html, question.stem)


def _choices(question: Question) -> list[SelectChoice]:
    return [
        SelectChoice(value=c.id, label=rich(question, c.text_html, c.text))
        for c in question.choices
    ]


def take_quiz_form(
    quiz: Quiz, questions: list[Question] | None = None, **kwargs: Any
) -> TakeQuizForm:
    """A :class:`TakeQuizForm` with a radio group per question (default: every active one)."""

    class _Form(TakeQuizForm):
        pass

    for number, question in enumerate(
        questions if questions is not None else quiz.active_questions, start=1
    ):
        field = OptionalRadioField(
            _stem_label(number, question),
            choices=_choices(question),
            coerce=int,
            validate_choice=True,
            invalid_choice_message="That option does not belong to this question.",
        )
        setattr(_Form, f"q_{question.id}", field)
    form = _Form(**kwargs)
    if not form.submission_id.data:
        form.submission_id.data = secrets.token_urlsafe(16)
    return form


class AnswerForm(FlaskForm):
    """One question of a one-at-a-time quiz: a radio group named ``choice`` (added per question)."""

    def choice_field(self) -> Field:
        return self["choice"]


class StartForm(AnswerForm):
    """The first step of a one-at-a-time quiz: the display name and the first answer."""

    name = TakeQuizForm.name


def answer_form(
    question: Question, number: int, *, start: bool = False, **kwargs: Any
) -> AnswerForm:
    """The form answering ``question`` (with the display name on the first step)."""

    base: type[AnswerForm] = StartForm if start else AnswerForm
    choice = OptionalRadioField(
        _stem_label(number, question),
        choices=_choices(question),
        coerce=int,
        validate_choice=True,
        validators=[DataRequired("Choose one of the options.")],
        invalid_choice_message="That option does not belong to this question.",
    )
    form_class = type("_AnswerForm", (base,), {"choice": choice})
    return form_class(**kwargs)


class LoginForm(FlaskForm):
    """The editors' login form."""

    username = StringField(
        "User name", filters=[_strip], validators=[DataRequired("Enter your user name.")]
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])


class ActionForm(FlaskForm):
    """A button that changes something: only its CSRF token matters."""
