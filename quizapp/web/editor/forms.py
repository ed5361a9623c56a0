"""Forms of the editors' pages."""

from __future__ import annotations

from typing import Any

from flask import abort, request
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from quizapp.engine.kinds import GENERATED
from quizapp.models import VERDICTS
from quizapp.models.article import TITLE_MAX
from quizapp.services.quiz_files import IMPORTABLE_LABELS
from quizapp.services.validation import InvalidURL, check_url
from quizapp.web.forms import ActionForm

OPTION_SLOTS = 4


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _http_url(form: FlaskForm, field: StringField) -> None:
    """The services' one URL rule (http/https, length-capped), as a form validator."""
    try:
        check_url(field.data)
    except InvalidURL as exc:
        raise ValidationError(exc.message) from None


class ImportForm(FlaskForm):
    """Paste an article or upload a .txt, .md or .html file."""

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
    publish = BooleanField("Publish at once (otherwise it stays a draft you can review)")


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
    option_1 = StringField("Option 1", filters=[_strip])
    option_2 = StringField("Option 2", filters=[_strip])
    option_3 = StringField("Option 3", filters=[_strip])
    option_4 = StringField("Option 4", filters=[_strip])
    key = RadioField(
        "Correct option",
        choices=[
            SelectChoice(value=str(i), label=f"Option {i}") for i in range(1, OPTION_SLOTS + 1)
        ],
        validators=[DataRequired("Choose the correct option.")],
    )
    explanation = TextAreaField("Explanation", filters=[_strip])

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
