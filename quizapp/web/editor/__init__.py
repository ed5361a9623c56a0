"""The editor's desk: one blueprint under ``/editor``, for editors only.

Every route of the blueprint is guarded once, by :func:`quizapp.identity.require_editor`
run before each request, so no view repeats the check. The views are split by what the
editor is doing:

- :mod:`.desk`: the quiz list, the item analysis, CSV reports and exports;
- :mod:`.authoring`: reviewing, fixing, regenerating and publishing a quiz's questions;
- :mod:`.imports`: importing an article or a quiz file, and the import jobs;
- :mod:`.verdicts`: fact-check verdicts on the article's claims.
"""

from __future__ import annotations

from flask import Blueprint

from quizapp.identity import require_editor

bp = Blueprint("editor", __name__, url_prefix="/editor")
bp.before_request(require_editor)

# The view modules add their routes to ``bp`` when imported.
from quizapp.web.editor import authoring, desk, imports, verdicts  # noqa: E402, F401
