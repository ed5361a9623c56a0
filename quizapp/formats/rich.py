"""Formatted text and images that imported questions keep.

A quiz file's HTML is kept, beside the plain text every format can hold, as *rich
HTML*: the output of the nh3 (ammonia) sanitiser with only :data:`RICH_TAGS` allowed,
no attribute but an image's ``src`` and ``alt``, and every ``src`` the name of an
image the question carries (:class:`MediaFile`), never a URL.  Whatever else the
fragment had is dropped by the sanitiser: scripts, styles, event handlers, links.

Images are kept only when the file carries their bytes and those bytes are a PNG,
JPEG, GIF or WebP image by their magic number (:func:`sniff_image`), whatever name or
type the file gives them; SVG is refused because it can carry script.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote

import nh3

#: The formatting kept: paragraphs, line breaks, bold, italics, lists, and images.
RICH_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "img"})
#: Tags that make a fragment worth keeping as HTML; paragraphs and line breaks alone
#: are kept by the plain text's newlines.
_FORMATTING_TAGS = RICH_TAGS - {"p", "br"}
#: The phrasing tags a rich fragment keeps where only phrasing content may stand (a
#: heading, a legend, a label): paragraphs and list items become line breaks.
_INLINE_TAGS = frozenset({"br", "strong", "b", "em", "i", "img"})
_IMAGE_ATTRIBUTES = {"img": {"src", "alt"}}

#: Image types kept, by magic number.
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
#: The largest image kept, in bytes.
MAX_IMAGE_BYTES = 2 * 1024 * 1024
#: The longest media name kept.
MEDIA_NAME_MAX = 200
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_WHITESPACE = re.compile(r"\s+")
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")


@dataclass(frozen=True)
class MediaFile:
    """An image a question carries: its name (as rich HTML's ``src``), type and bytes."""

    name: str
    mimetype: str
    data: bytes = b""


def sniff_image(data: bytes) -> str | None:
    """The MIME type of a PNG, JPEG, GIF or WebP image by its first bytes, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if len(data) >= 12 and data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_image(name: str, data: bytes) -> MediaFile | str:
    """A kept image, or the reason it is not kept (a sentence for the import report)."""
    if len(data) > MAX_IMAGE_BYTES:
        return f"larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB"
    mimetype = sniff_image(data)
    if mimetype is None:
        if name.lower().endswith((".svg", ".svgz")) or b"<svg" in data[:1024]:
            return "SVG images are not kept (they can carry script)"
        return "not a PNG, JPEG, GIF or WebP image"
    return MediaFile(safe_media_name(name), mimetype, data)


def safe_media_name(name: str) -> str:
    """A file name safe in a URL and a zip: the last path part, odd characters as ``-``."""
    base = posixpath.basename(unquote(name).replace("\\", "/")).strip()
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = _UNSAFE_NAME.sub("-", stem).strip("-.") or "image"
    extension = _UNSAFE_NAME.sub("", extension)[:10]
    return (stem[: MEDIA_NAME_MAX - 11] + ("." + extension if extension else "")).lower()


def clean_html(fragment: str, image_src: Callable[[str], str | None] = lambda _s: None) -> str:
    """Sanitised rich HTML of ``fragment``; ``image_src`` maps each ``<img src>`` to a name.

    An image whose ``src`` maps to None is removed (with its ``alt``).
    """
    if not fragment.strip():
        return ""

    def attribute(tag: str, name: str, value: str) -> str | None:
        if tag == "img" and name == "src":
            return image_src(value)
        return value

    cleaned = nh3.clean(
        fragment,
        tags=set(RICH_TAGS),
        attributes={k: set(v) for k, v in _IMAGE_ATTRIBUTES.items()},
        clean_content_tags={"script", "style", "title", "head"},
        # Every image source reaches image_src, which keeps names only, never a URL.
        url_schemes={"http", "https", "ftp", "file", "data"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=attribute,
    )
    return _EMPTY_PARAGRAPH.sub("", _Rewriter.run(cleaned, lambda src: src)).strip()


def is_rich(fragment: str) -> bool:
    """Whether sanitised HTML holds formatting or an image that plain text cannot."""
    return bool(_Tags.of(fragment).tags & _FORMATTING_TAGS)


def image_names(fragment: str) -> list[str]:
    """The ``src`` of every image of a rich fragment, in order."""
    return _Tags.of(fragment).sources


def render_html(fragment: str, image_url: Callable[[str], str | None], inline: bool) -> str:
    """Rich HTML for a page: images pointed at ``image_url(name)``, sanitised once more.

    ``inline`` keeps only phrasing content (for a heading, legend or label): paragraphs
    and list items become line breaks.
    """
    rewritten = _Rewriter.run(fragment, image_url, inline=inline)
    return nh3.clean(
        rewritten,
        tags=set(_INLINE_TAGS if inline else RICH_TAGS),
        attributes={k: set(v) for k, v in _IMAGE_ATTRIBUTES.items()},
        clean_content_tags={"script", "style"},
        url_schemes={"https", "http"},
        link_rel=None,
        strip_comments=True,
    ).strip()


def rebase_images(fragment: str, image_src: Callable[[str], str | None]) -> str:
    """Rich HTML with each image's ``src`` replaced (for an export's own references)."""
    return _Rewriter.run(fragment, image_src)


class _Tags(HTMLParser):
    """The tags of a fragment, and the images' sources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.sources: list[str] = []

    @classmethod
    def of(cls, fragment: str) -> _Tags:
        parser = cls()
        parser.feed(fragment)
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "img":
            self.sources.extend(v for k, v in attrs if k == "src" and v)


class _Rewriter(HTMLParser):
    """Re-serialises sanitised HTML: image sources mapped (an image mapped to None is
    removed), and in ``inline`` mode blocks turned into line breaks.

    Every text and attribute value is escaped on the way out; the tags are those of the
    input, which the sanitiser has already limited.
    """

    _VOID = frozenset({"br", "img"})

    def __init__(self, image_src: Callable[[str], str | None], inline: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.image_src = image_src
        self.inline = inline
        self.out: list[str] = []
        self.started = False  # some content was written (inline: a break is needed)

    @classmethod
    def run(
        cls, fragment: str, image_src: Callable[[str], str | None], inline: bool = False
    ) -> str:
        rewriter = cls(image_src, inline)
        rewriter.feed(fragment)
        rewriter.close()
        return "".join(rewriter.out)

    def _break(self) -> None:
        if self.started and not (self.out and self.out[-1] == "<br>"):
            self.out.append("<br>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            given = values.get("src")
            src = self.image_src(given) if given else None
            if not src:
                return
            alt = values.get("alt") or ""
            self.out.append(f'<img src="{html.escape(src)}" alt="{html.escape(alt)}">')
            self.started = True
            return
        if self.inline and tag in ("p", "ul", "ol", "li"):
            self._break()
            if tag == "li":
                self.out.append("• ")
            return
        self.out.append(f"<{tag}>")
        if tag == "br":
            self.started = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._VOID:
            return
        if self.inline and tag in ("p", "ul", "ol", "li"):
            self._break()
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.started = True
        # Whitespace runs show as one space in HTML (no <pre> is kept): stored as one, also
        # where a removed image stood between two of them.
        text = _WHITESPACE.sub(" ", data)
        if text.startswith(" ") and self.out and self.out[-1].endswith(" "):
            text = text[1:]
        if text:
            self.out.append(html.escape(text, quote=False))

    def close(self) -> None:
        super().close()
        if self.inline:
            while self.out and self.out[-1] == "<br>":
                self.out.pop()
