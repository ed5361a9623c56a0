"""Images of imported questions, and the rich HTML that shows them on pages.

An image is served at a URL bound to its question (``/questions/<id>/media/<id>``) to
whoever may see the question: anyone for a published quiz, editors for a draft. The
content type is the one its bytes were checked to be when imported, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from flask import Blueprint, Flask, abort, make_response, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from markupsafe import Markup

from quizapp.extensions import db
from quizapp.formats.rich import IMAGE_TYPES, image_names, render_html
from quizapp.models import QuestionMedia

bp = Blueprint("media", __name__)

#: How long a browser may keep an image of a published quiz (its bytes never change: an
#: edited question keeps them, a new image is a new row with a new URL).
PUBLIC_MAX_AGE = 86400


@bp.get("/questions/<int:question_id>/media/<int:media_id>")
def image(question_id: int, media_id: int) -> ResponseReturnValue:
    """An image a question shows, with its checked content type; 404 for anyone else's."""
    media = db.session.get(QuestionMedia, media_id)
    if media is None or media.question_id != question_id:
        abort(404, "There is no such image.")
    published = media.question.quiz.is_published
    if not published and not getattr(current_user, "is_editor", False):
        abort(404, "There is no such image.")
    if media.mimetype not in IMAGE_TYPES:  # never served as anything but an image
        abort(404, "There is no such image.")
    response = make_response(media.data)
    response.headers["Content-Type"] = media.mimetype
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = f'inline; filename="{media.name}"'
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.set_etag(media.sha256)
    if published:
        response.headers["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response.headers["Cache-Control"] = "private, no-cache"
    return response.make_conditional(request)


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def id(self) -> int: ...


class _WithMedia(Protocol):
    """A question, or the taker's cached copy of one: its id and the images it carries."""

    @property
    def id(self) -> int: ...
    @property
    def media(self) -> Sequence[_Named]: ...


def rich(question: _WithMedia, html: str | None, text: str, inline: bool = True) -> Markup | str:
    """A text of ``question`` for a page: its rich HTML (sanitised again, images pointed at
    their URLs) where it has some, else the plain text (which Jinja escapes).

    ``inline`` keeps phrasing content only, for a heading, legend, label or paragraph.
    """
    if not html:
        return text
    urls: dict[str, str] = {}
    if image_names(html):
        urls = {
            m.name: url_for("media.image", question_id=question.id, media_id=m.id)
            for m in question.media
        }
    # Marked safe only as the sanitiser's output (render_html ends with nh3.clean).
    return Markup(render_html(html, urls.get, inline=inline))  # noqa: S704  # nosec


def init_app(app: Flask) -> None:
    """Register the blueprint and the ``rich`` template global."""
    app.register_blueprint(bp)
    app.jinja_env.globals["rich"] = rich
