"""Reading an article from what an editor sends: pasted text or an uploaded file."""

from __future__ import annotations

import re
from pathlib import PurePath

from quizapp.services.errors import ServiceError

#: Most punctuation marks and symbols an article may have in a row, with no letter, digit or
#: space between them. spaCy's tokenizer peels such characters off a word one at a time, in
#: time that grows with the square of the run: 2,000 ``=`` or ``(`` take seconds, 9,000 over
#: a minute, and the parse holds its process all along. Rules and heading underlines in
#: Markdown stay well below it; a run at the limit costs about a hundredth of a second.
MAX_SYMBOL_RUN = 100
_SYMBOL_RUN = re.compile(r"(?:[^\w\s]|_)+")

#: File types an editor may upload, by extension.
TEXT_TYPES = {".txt": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html"}


class ImportRefused(ServiceError):
    """Input that is not an article we can read; the message says why."""

    status_code = 400


class TooLarge(ImportRefused):
    status_code = 413


def text_from_paste(raw: str, *, max_chars: int) -> str:
    """Pasted text, with browser line endings (CRLF) turned into plain newlines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return _check_text(text, max_chars=max_chars)


def text_from_upload(filename: str, data: bytes, *, max_chars: int) -> tuple[str, str | None]:
    """The article text and (for HTML) the page title from an uploaded file.

    ``.txt`` and ``.md`` files are stored as they are (line endings aside);
    the main text of an ``.html`` page is extracted with trafilatura, which
    drops navigation, scripts and boilerplate.
    """
    suffix = PurePath(filename or "").suffix.lower()
    kind = TEXT_TYPES.get(suffix)
    if kind is None:
        raise ImportRefused(
            f"Upload a .txt, .md or .html file; {suffix or 'a file without extension'} is not read."
        )
    if not data.strip():
        raise ImportRefused("The file is empty.")
    if b"\x00" in data[:8192]:
        raise ImportRefused("This is a binary file, not text: upload the article as text or HTML.")
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"The file is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8."
        ) from exc
    if kind == "html":
        return _from_html(decoded, max_chars=max_chars)
    return text_from_paste(decoded, max_chars=max_chars), None


def _from_html(html: str, *, max_chars: int) -> tuple[str, str | None]:
    import trafilatura  # imported on use: only HTML uploads need it

    extracted = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    if not extracted or not extracted.strip():
        raise ImportRefused("No article text could be found in this HTML page.")
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title.strip() if metadata is not None and metadata.title else None
    return _check_text(extracted, max_chars=max_chars), title


def _check_text(text: str, *, max_chars: int) -> str:
    if not text.strip():
        raise ImportRefused("The article is empty: paste its text or upload a file.")
    if len(text) > max_chars:
        raise TooLarge(f"The article has {len(text):,} characters; the limit is {max_chars:,}.")
    if "\x00" in text:
        raise ImportRefused("The text contains null bytes; paste plain text.")
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t")
    if bad > len(text) // 100:
        raise ImportRefused("The text is full of control characters; is it really an article?")
    _check_symbol_runs(text)
    return text


def _check_symbol_runs(text: str) -> None:
    """Refuse a run of punctuation or symbols too long for the parser (see MAX_SYMBOL_RUN)."""
    for match in _SYMBOL_RUN.finditer(text):
        length = match.end() - match.start()
        if length > MAX_SYMBOL_RUN:
            line = text.count("\n", 0, match.start()) + 1
            raise ImportRefused(
                f"Line {line} has a run of {length:,} punctuation marks or symbols "
                f"(“{match.group()[:12]}…”) with no letter or space between them; at most "
                f"{MAX_SYMBOL_RUN} in a row can be read. Remove the run or break it up."
            )
