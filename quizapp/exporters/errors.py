"""The one exception every importer raises for input it cannot read."""

from __future__ import annotations


class ImportFormatError(ValueError):
    """Malformed or unsupported import data.

    ``str(error)`` is a sentence meant for the person who uploaded the file; ``line``
    is the 1-based line number (or ``None`` where the format has no useful line).
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)
