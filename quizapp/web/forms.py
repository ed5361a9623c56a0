"""Forms of the quiz-taking pages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import Field, HiddenField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional, Regexp, ValidationError

from quizapp.models import Question
from quizapp.services import taking
from quizapp.services.errors import InvalidSubmission
from quizapp.services.option_order import arrange
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


class DisplayName:
    """The display-name rule of :func:`quizapp.services.taking.clean_name`, as a validator."""

    def __call__(self, form: Any, field: Field) -> None:
        try:
            field.data = taking.clean_name(field.data)
        except InvalidSubmission as exc:
            raise ValidationError(exc.message) from None


def _name_field() -> StringField:
    return StringField(
        "Your display name",
        validators=[DisplayName()],
        description=f"Shown on the scores page, {taking.NAME_RULE}.",
        render_kw={"maxlength": taking.NAME_MAX, "required": True, "autocomplete": "nickname"},
    )


class TakeQuizForm(FlaskForm):
    """The quiz page: a display name and one radio group per question (added per quiz)."""

    name = _name_field()
    submission_id = HiddenField(
        default=taking.new_submission_id,
        validators=[
            DataRequired("Bad form id."),
            Regexp(f"^{taking.SUBMISSION_ID_PATTERN}$", message="Bad form id."),
        ],
    )

    #: "yes" from the "Submit anyway" button of the confirmation step: store the attempt
    #: although some questions are unanswered.
    confirm_unanswered = HiddenField()

    def question_fields(self) -> list[Field]:
        """The radio groups, in question order."""
        return [f for f in self if f.name.startswith("q_")]

    def unanswered(self) -> list[tuple[int, Field]]:
        """The radio groups left unanswered, each with its number on the page."""
        return [
            (number, field)
            for number, field in enumerate(self.question_fields(), start=1)
            if field.data is None
        ]


def posted_answers(formdata: Mapping[str, str]) -> dict[str, str]:
    """The ``q_<id>`` fields of a posted quiz form as ``{"<id>": value}``, for
    :func:`quizapp.services.taking.parse_answers` (which says what is not an id)."""
    return {name[2:]: value for name, value in formdata.items() if name.startswith("q_")}


def _stem_label(number: int, question: taking.QuestionItem) -> Markup:
    """``"N. stem"``, the stem with the formatting a quiz file gave it (see web.media.rich)."""
    return Markup("{}. ").format(number) + rich(question, question.stem_html, question.stem)


def _choices(
    question: taking.QuestionItem, order: Sequence[int] | None = None
) -> list[SelectChoice]:
    """The options of ``question`` as a radio group's choices, in ``order`` (option ids) when
    given."""
    html = question.option_html or (None,) * len(question.options)
    choices = [
        SelectChoice(value=option_id, label=rich(question, option_html, text))
        for (option_id, text), option_html in zip(question.options, html, strict=True)
    ]
    return arrange(choices, [option_id for option_id, _ in question.options], order)


def in_option_order(field: Field, order: Sequence[int] | None) -> list[Any]:
    """The radio buttons of ``field`` in ``order`` (option ids), for templates
    (``field|in_option_order(order)``)."""
    options = list(field)
    return arrange(options, [option.data for option in options], order)


def take_quiz_form(questions: Iterable[taking.QuestionItem], **kwargs: Any) -> TakeQuizForm:
    """A :class:`TakeQuizForm` with a radio group per question, numbered in order."""
    return take_quiz_form_class(questions)(**kwargs)


def take_quiz_form_class(questions: Iterable[taking.QuestionItem]) -> type[TakeQuizForm]:
    """The :class:`TakeQuizForm` class of these questions (a class holds no request data, so
    one serves every taker of a quiz version)."""

    class _Form(TakeQuizForm):
        pass

    for number, question in enumerate(questions, start=1):
        field = OptionalRadioField(
            _stem_label(number, question),
            choices=_choices(question),
            coerce=int,
            validate_choice=True,
            invalid_choice_message="That option does not belong to this question.",
        )
        setattr(_Form, f"q_{question.id}", field)
    return _Form


class AnswerForm(FlaskForm):
    """One question of a one-at-a-time quiz: a radio group named ``choice`` (added per question)."""

    def choice_field(self) -> Field:
        return self["choice"]


class StartForm(AnswerForm):
    """The first step of a one-at-a-time quiz: the display name and the first answer.

    ``start_id`` is issued per page view and posted back: the seed of the attempt's option
    order, and what tells this page sent again (Back, a double click) from a new start.
    """

    name = _name_field()
    start_id = HiddenField(
        validators=[
            Optional(),  # a form from before it existed: a new seed, and no replay check
            Regexp(f"^{taking.SUBMISSION_ID_PATTERN}$", message="Bad form id."),
        ],
    )


def answer_form(
    question: Question,
    number: int,
    *,
    start: bool = False,
    order: Sequence[int] | None = None,
    **kwargs: Any,
) -> AnswerForm:
    """The form answering ``question`` (with the display name on the first step), its
    options in ``order`` (option ids; this attempt's order)."""

    base: type[AnswerForm] = StartForm if start else AnswerForm
    item = taking.question_item(question)
    choice = OptionalRadioField(
        _stem_label(number, item),
        choices=_choices(item, order),
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
