"""Forms of the editors' pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, request
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    Field,
    Form,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.engine.kinds import GENERATED
from quizapp.models import VERDICTS
from quizapp.models.article import TITLE_MAX
from quizapp.services.articles import question_kinds, question_limit
from quizapp.services.quiz_files import IMPORTABLE_LABELS
from quizapp.services.validation import InvalidURL, check_url
from quizapp.web.forms import ActionForm

OPTION_SLOTS = 4


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _one_line(value: Any) -> Any:
    """An option's text on one line: the spaces and line breaks of a text area made single."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _http_url(form: FlaskForm, field: StringField) -> None:
    """The services' one URL rule (http/https, length-capped), as a form validator."""
    try:
        check_url(field.data)
    except InvalidURL as exc:
        raise ValidationError(exc.message) from None


#: What each kind of generated question asks, for the import page's choice of kinds.
KIND_HINTS = {
    "fact_recall": "Fact recall: a name, number or date the article gives",
    "claim_verification": "Claim verification: which statement the article supports",
    "attribution": "Attribution: who said a quoted remark",
    "true_false": "True or false: a statement from the article, or one changed",
}


class CheckboxesField(SelectMultipleField):
    """Several choices as a list of checkboxes (not a multiple select).

    Its template puts an empty hidden value before the boxes, so that a form sent with every
    box unticked still names the field: ``data`` is then ``[]``, and ``None`` only when the
    field was not sent at all (a client that never showed it), which means "the default".
    """

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
    data: list[Any] | None

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist:
            self.data = None
            return
        super().process_formdata([value for value in valuelist if value != ""])

    def pre_validate(self, form: Any) -> None:
        if self.data is not None:
            super().pre_validate(form)


class ImportForm(FlaskForm):
    """Paste an article or upload a .txt, .md or .html file; choose how many questions of
    which kinds the engine writes."""

    title = StringField(
        "Title",
        filters=[_strip],
        validators=[Optional(), Length(max=TITLE_MAX)],
        description="Optional: taken from the text or the HTML page when left empty.",
    )
    source_url = StringField(
        "Source URL",
        filters=[_strip],
        validators=[Optional(), _http_url],
    )
    text = TextAreaField("Article text", description="Paste the article here…")
    upload = FileField("…or upload a file", description=".txt, .md or .html, UTF-8")
    count = IntegerField("How many questions", validators=[Optional()])
    kinds = CheckboxesField("Kinds of question")
    publish = BooleanField("Publish at once (otherwise it stays a draft you can review)")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The bounds and kinds are the service's, read when the form is made (never repeated).
        self.limit = limit = question_limit()
        self.count.validators = [
            *self.count.validators,
            NumberRange(1, limit, f"Ask for between 1 and {limit} questions."),
        ]
        self.count.description = (
            f"1 to {limit}; left empty, {limit}. A short article may give fewer."
        )
        self.kinds.choices = [
            SelectChoice(value=k, label=KIND_HINTS.get(k, k.replace("_", " ")))
            for k in question_kinds()
        ]
        if not self.is_submitted():
            self.count.data = limit
            self.kinds.data = list(question_kinds())

    def validate_kinds(self, field: CheckboxesField) -> None:
        if field.data is not None and not field.data:
            raise ValidationError("Choose at least one kind of question.")


class ImportQuizForm(FlaskForm):
    """Upload a quiz file exported from quizapp or a learning platform."""

    upload = FileField("Quiz file")
    format = SelectField(
        "Format",
        choices=[SelectChoice(value=name, label=label) for name, label in IMPORTABLE_LABELS],
    )
    publish = BooleanField("Publish at once")


class QuestionForm(FlaskForm):
    """Edit or write a question: stem, up to four options, which one is the key."""

    stem = TextAreaField(
        "Question", filters=[_strip], validators=[DataRequired("Write the question.")]
    )
    option_1 = TextAreaField("Option 1", filters=[_one_line])
    option_2 = TextAreaField("Option 2", filters=[_one_line])
    option_3 = TextAreaField("Option 3", filters=[_one_line])
    option_4 = TextAreaField("Option 4", filters=[_one_line])
    key = RadioField(
        "Correct option",
        choices=[
            SelectChoice(value=str(i), label=f"Option {i}") for i in range(1, OPTION_SLOTS + 1)
        ],
        validators=[DataRequired("Choose the correct option.")],
    )
    explanation = TextAreaField("Explanation", filters=[_strip])

    def previewing(self) -> bool:
        """Whether the "Preview as a taker" button sent the form (rather than Save)."""
        return request.form.get("action") == "preview"

    def stem_and_options(self) -> tuple[str, list[tuple[str, bool]]]:
        """The stem and the filled-in options, as the services take them."""
        return self.stem.data or "", self.options()

    def options(self) -> list[tuple[str, bool]]:
        """The filled-in options with their correct flags, in order."""
        chosen = self.key.data
        result = []
        for i in range(1, OPTION_SLOTS + 1):
            text = getattr(self, f"option_{i}").data or ""
            if text:
                result.append((text, str(i) == chosen))
        return result

    def validate_key(self, field: RadioField) -> None:
        slot = getattr(self, f"option_{field.data}", None)
        if slot is not None and not slot.data:
            raise ValidationError("The correct option is empty.")


@dataclass
class TakerPreview:
    """A question not saved yet, as quiz takers would see it: the taker's radio group, its
    number in the quiz, the explanation shown after answering, what the gate would refuse."""

    field: Field
    number: int
    total: int
    explanation: str
    problems: list[str]


class _PreviewForm(Form):
    """The taker's radio group for a preview (outside any form: nothing to submit)."""

    preview = RadioField()


def taker_preview(form: QuestionForm, number: int, total: int, problems: list[str]) -> TakerPreview:
    """The preview of ``form``'s question, number ``number`` of ``total`` in its quiz."""
    stem, options = form.stem_and_options()
    group = _PreviewForm()
    field = group.preview
    field.label.text = f"{number}. {stem}"
    field.choices = [SelectChoice(value=str(i), label=text) for i, (text, _) in enumerate(options)]
    return TakerPreview(
        field=field,
        number=number,
        total=total,
        explanation=form.explanation.data or "",
        problems=problems,
    )


class NewQuestionForm(QuestionForm):
    """A question written by hand, grounded in one of the article's claims."""

    claim = SelectField("Claim it tests (its sentence is the evidence)", coerce=int)
    kind = SelectField(
        "Kind", choices=[SelectChoice(value=k.name, label=k.label) for k in GENERATED]
    )


class RegenerateForm(FlaskForm):
    """Regenerate from the same claim (empty) or from another claim."""

    claim = IntegerField("Claim", validators=[Optional()])


class VerdictForm(FlaskForm):
    """An editor's verdict on one claim."""

    verdict = SelectField(
        "Verdict",
        choices=[SelectChoice(value="", label="no verdict")]
        + [SelectChoice(value=v, label=v) for v in VERDICTS],
    )
    note = TextAreaField(
        "Note (shown as the explanation)", filters=[_strip], validators=[Length(max=2000)]
    )
    url = StringField(
        "Source of the verdict",
        filters=[_strip],
        validators=[Optional(), _http_url],
    )


def require_action_form() -> None:
    """Refuse a button POST whose CSRF token is missing or wrong."""
    if not ActionForm().validate_on_submit():
        abort(400, "The form could not be accepted.")


def confirmed() -> bool:
    """Whether a destructive button's POST comes from its confirmation page (``confirm=yes``).

    The first POST of such a button only shows what will happen; the CSRF token is checked
    on both.
    """
    return request.form.get("confirm") == "yes"
