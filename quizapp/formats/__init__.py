"""Quiz export and import: GIFT, Moodle XML, Aiken, QTI 2.1 and quizapp JSON.

Pure Python (no Flask, no database).  Build an :class:`ExportQuiz`, then::

    data = FORMATS["gift"].export(quiz)          # bytes, for every format
    quiz = FORMATS["gift"].parse(data)           # ImportFormatError on bad input

Exporters raise :class:`InvalidQuizError` (a ValueError) for a quiz no format can
hold (see :func:`validate_quiz`); importers raise only :class:`ImportFormatError`
(a ValueError) for a file they cannot read.  A readable file's unsupported questions
are skipped, not refused: the quiz lists them in ``skipped`` (and what imported
questions lost in ``notes``).  What each format keeps and loses is documented in
its module.
"""

from .aiken import aiken_warnings, export_aiken, normalise_aiken_text, parse_aiken
from .errors import ImportFormatError, NothingToImport, UnsupportedQuestion
from .gift import export_gift, parse_gift
from .json_format import export_json, parse_json, quiz_from_dict, quiz_to_dict
from .model import (
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    ExportOption,
    ExportQuestion,
    ExportQuiz,
    ImportNote,
    InvalidQuizError,
    SkippedQuestion,
    truefalse_options,
    validate_quiz,
)
from .moodle_xml import export_moodle_xml, parse_moodle_xml
from .qti import export_qti, parse_qti
from .registry import FORMATS, Format

__all__ = [
    "FORMATS",
    "ImportNote",
    "NothingToImport",
    "SkippedQuestion",
    "UnsupportedQuestion",
    "aiken_warnings",
    "MULTIPLE_CHOICE",
    "TRUE_FALSE",
    "ExportOption",
    "ExportQuestion",
    "ExportQuiz",
    "Format",
    "ImportFormatError",
    "InvalidQuizError",
    "export_aiken",
    "export_gift",
    "export_json",
    "export_moodle_xml",
    "export_qti",
    "normalise_aiken_text",
    "parse_aiken",
    "parse_gift",
    "parse_json",
    "parse_moodle_xml",
    "parse_qti",
    "quiz_from_dict",
    "quiz_to_dict",
    "truefalse_options",
    "validate_quiz",
]
