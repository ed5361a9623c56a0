"""The table of export/import formats, for views that offer a format picker."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .aiken import aiken_warnings, export_aiken, parse_aiken
from .gift import export_gift, parse_gift
from .json_format import export_json, parse_json
from .model import ExportQuiz
from .moodle_xml import export_moodle_xml, parse_moodle_xml
from .qti import export_qti, parse_qti


@dataclass(frozen=True)
class Format:
    """One file format: ``export`` always returns the file's bytes.

    ``extension`` includes the leading dot; ``parse`` takes the file's bytes (text
    formats also accept ``str``) and raises ImportFormatError, or is None where a
    format cannot be imported.  ``warnings`` (if any) names what an export of a quiz
    would not carry so that it reads back the same.
    """

    name: str
    label: str
    extension: str
    mimetype: str
    export: Callable[[ExportQuiz], bytes]
    parse: Callable[[bytes], ExportQuiz] | None
    warnings: Callable[[ExportQuiz], list[str]] | None = None

    def filename(self, quiz: ExportQuiz) -> str:
        """A safe download file name built from the quiz title."""
        slug = re.sub(r"[^A-Za-z0-9]+", "-", quiz.title).strip("-").lower()[:60] or "quiz"
        return slug + self.extension


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format(
            "gift", "Moodle GIFT", ".gift.txt", "text/plain; charset=utf-8", export_gift, parse_gift
        ),
        Format(
            "moodle-xml",
            "Moodle XML",
            ".moodle.xml",
            "application/xml",
            export_moodle_xml,
            parse_moodle_xml,
        ),
        Format(
            "aiken",
            "Aiken (no feedback)",
            ".aiken.txt",
            "text/plain; charset=utf-8",
            export_aiken,
            parse_aiken,
            aiken_warnings,
        ),
        Format("qti", "IMS QTI 2.1 package", ".qti.zip", "application/zip", export_qti, parse_qti),
        Format("json", "quizapp JSON", ".json", "application/json", export_json, parse_json),
    )
}
