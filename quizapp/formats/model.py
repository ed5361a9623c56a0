"""Plain data model shared by every quiz exporter and importer.

The model is deliberately free of Flask and SQLAlchemy: callers convert their own
objects into an :class:`ExportQuiz` and hand it to an exporter, and importers hand
an :class:`ExportQuiz` back.  All text fields are *plain text* (not HTML); the
formats that carry HTML escape it on the way out and decode it on the way in.  Beside
a text, an ``…_html`` field may hold the same text with its formatting and images as
sanitised rich HTML (see :mod:`.rich`; "" when the plain text says it all); formats
that carry HTML write it instead of the plain text, the others write the plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .rich import MediaFile

MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
QUESTION_KINDS = frozenset({MULTIPLE_CHOICE, TRUE_FALSE})

#: Option texts of a true/false question, in the order importers produce them.
TRUE_TEXT = "True"
FALSE_TEXT = "False"


class InvalidQuizError(ValueError):
    """An :class:`ExportQuiz` that no format can represent (raised by exporters)."""


@dataclass(frozen=True)
class ExportOption:
    """One answer option; ``feedback`` is shown to a student who picks it."""

    text: str
    correct: bool
    feedback: str = ""
    text_html: str = ""
    feedback_html: str = ""


@dataclass(frozen=True)
class ExportQuestion:
    """One single-answer question.

    ``kind`` is ``"multiple_choice"`` or ``"true_false"``; a true/false question has
    exactly the two options ``True`` and ``False`` (any case, any order).
    ``explanation`` is the general feedback, ``evidence`` the article sentence that
    proves the key, ``name`` the short id used by GIFT ``::name::`` and Moodle ``<name>``.
    ``media`` holds the images the rich HTML of the question and its options shows.
    """

    stem: str
    options: tuple[ExportOption, ...]
    kind: str = MULTIPLE_CHOICE
    explanation: str = ""
    evidence: str = ""
    name: str = ""
    stem_html: str = ""
    explanation_html: str = ""
    media: tuple[MediaFile, ...] = ()

    @property
    def key(self) -> ExportOption:
        """The single correct option (call :func:`validate_quiz` first)."""
        return next(option for option in self.options if option.correct)

    def is_true_key(self) -> bool:
        """For a true/false question: whether the statement is true."""
        return self.key.text.strip().casefold() == TRUE_TEXT.casefold()

    def truefalse_option(self, value: bool) -> ExportOption:
        """For a true/false question: the option whose text is True (or False)."""
        wanted = (TRUE_TEXT if value else FALSE_TEXT).casefold()
        return next(o for o in self.options if o.text.strip().casefold() == wanted)


@dataclass(frozen=True)
class SkippedQuestion:
    """A question of an imported file that was not imported, and why.

    ``number`` counts the file's questions from 1 (category entries and other
    non-questions are not counted); ``type`` is the question's type in the file's own
    words (``essay``, ``matching``, ``textEntryInteraction``…).
    """

    number: int
    name: str
    type: str
    reason: str
    line: int | None = None

    def describe(self) -> str:
        """One line of the import report."""
        name = f" “{self.name}”" if self.name else ""
        line = f", line {self.line}" if self.line is not None else ""
        return f"Question {self.number}{name} ({self.type}{line}) skipped: {self.reason}"


@dataclass(frozen=True)
class ImportNote:
    """Something an imported question lost on the way in (an image, audio, formatting)."""

    number: int
    name: str
    message: str

    def describe(self) -> str:
        """One line of the import report."""
        name = f" “{self.name}”" if self.name else ""
        return f"Question {self.number}{name}: {self.message}"


@dataclass(frozen=True)
class ExportQuiz:
    """A titled list of questions plus the article the quiz was generated from.

    An importer also fills ``skipped`` (questions of the file it could not import) and
    ``notes`` (what imported questions lost); neither takes part in comparisons, and
    exporters ignore both.
    """

    title: str
    questions: tuple[ExportQuestion, ...]
    source_url: str = ""
    article_title: str = ""
    skipped: tuple[SkippedQuestion, ...] = field(default=(), compare=False)
    notes: tuple[ImportNote, ...] = field(default=(), compare=False)

    def report(self) -> list[str]:
        """The import report: one line per skipped question, then one per note."""
        return [s.describe() for s in self.skipped] + [n.describe() for n in self.notes]


def validate_question(question: ExportQuestion, number: int = 1) -> None:
    """Raise :class:`InvalidQuizError` unless every export format can hold ``question``.

    Rules: a known kind, a non-blank stem, at least two options with non-blank text,
    exactly one correct option, at most 26 options (Aiken letters), and for a
    true/false question exactly the options True and False.
    """
    where = f"question {number}"
    if question.kind not in QUESTION_KINDS:
        raise InvalidQuizError(
            f"{where}: unknown kind {question.kind!r} "
            f"(expected one of {', '.join(sorted(QUESTION_KINDS))})"
        )
    if not question.stem.strip():
        raise InvalidQuizError(f"{where}: the question text is empty")
    if len(question.options) < 2:
        raise InvalidQuizError(f"{where}: a question needs at least two options")
    if len(question.options) > 26:
        raise InvalidQuizError(f"{where}: more than 26 options")
    for index, option in enumerate(question.options, start=1):
        if not option.text.strip():
            raise InvalidQuizError(f"{where}: option {index} has no text")
    correct = sum(1 for option in question.options if option.correct)
    if correct == 0:
        raise InvalidQuizError(f"{where}: no option is marked correct")
    if correct > 1:
        raise InvalidQuizError(
            f"{where}: {correct} options are marked correct; exactly one must be"
        )
    if question.kind == TRUE_FALSE:
        texts = sorted(option.text.strip().casefold() for option in question.options)
        if texts != sorted([TRUE_TEXT.casefold(), FALSE_TEXT.casefold()]):
            raise InvalidQuizError(
                f"{where}: a true/false question must have exactly the options True and False"
            )


def validate_quiz(quiz: ExportQuiz) -> None:
    """Raise :class:`InvalidQuizError` unless every question passes :func:`validate_question`."""
    if not quiz.questions:
        raise InvalidQuizError("the quiz has no questions")
    for number, question in enumerate(quiz.questions, start=1):
        validate_question(question, number)


def truefalse_options(
    true_is_key: bool, true_feedback: str = "", false_feedback: str = ""
) -> tuple[ExportOption, ExportOption]:
    """The canonical (True, False) option pair that importers build for true/false."""
    return (
        ExportOption(TRUE_TEXT, true_is_key, true_feedback),
        ExportOption(FALSE_TEXT, not true_is_key, false_feedback),
    )
