"""The one exception every importer raises for input it cannot read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import SkippedQuestion


class ImportFormatError(ValueError):
    """Malformed or unsupported import data.

    ``str(error)`` is a sentence meant for the person who uploaded the file; ``line``
    is the 1-based line number (or ``None`` where the format has no useful line).
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


class UnsupportedQuestion(ImportFormatError):
    """One question of a file that cannot be imported; the rest of the file can.

    ``qtype`` names the question's type as the file does (``essay``, ``matching``…).
    """

    def __init__(self, qtype: str, message: str, line: int | None = None) -> None:
        super().__init__(message, line)
        self.qtype = qtype


class NothingToImport(ImportFormatError):
    """A readable file none of whose questions can be imported; ``skipped`` says why."""

    def __init__(self, what: str, skipped: tuple[SkippedQuestion, ...]) -> None:
        lines = "; ".join(s.describe() for s in skipped[:20])
        more = f"; and {len(skipped) - 20} more" if len(skipped) > 20 else ""
        super().__init__(f"no question of the {what} file can be imported: {lines}{more}")
        self.skipped = skipped
