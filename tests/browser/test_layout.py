"""Layout in a real Chromium: nothing overflows a phone, readable type; screenshots of each page.

Screenshots go to a temporary folder, or to the folder named by QUIZAPP_SCREENSHOTS
(``make screenshots`` writes docs/screenshots/, which the README shows).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser._site import PAGES, open_page

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
#: Pages whose screenshots are kept (phone and desktop); some also in the dark scheme.
SHOOT = {
    "home",
    "quiz",
    "quiz-errors",
    "result",
    "scores",
    "article",
    "login",
    "analysis",
    "one-feedback",
}
DARK = {"home", "quiz", "result"}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("QUIZAPP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _overflow(page: Any) -> list[str]:
    """Elements sticking out of the viewport to the right (empty when nothing scrolls sideways)."""
    return page.evaluate(
        """() => {
          const root = document.scrollingElement;
          if (root.scrollWidth <= innerWidth) return [];
          return [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
            .slice(0, 5)
            .map(e => `${e.tagName}.${e.className} ${e.getBoundingClientRect().right}`);
        }"""
    )


@pytest.mark.parametrize("name", PAGES)
def test_layout_and_screenshot(new_context: Any, live_server: Any, shots: Path, name: str) -> None:
    page = new_context(viewport=PHONE, color_scheme="light").new_page()
    open_page(name, page, live_server)
    for width in (375, 360):
        page.set_viewport_size({"width": width, "height": PHONE["height"]})
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), (
            f"{name} scrolls sideways at {width}px: {_overflow(page)}"
        )
    # Readable type: body text at least 16px, in both widths.
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    page.set_viewport_size(PHONE)
    if name not in SHOOT:
        return
    page.screenshot(path=shots / f"{name}-phone.png", animations="disabled")
    if name in DARK:
        page.emulate_media(color_scheme="dark")
        page.screenshot(path=shots / f"{name}-phone-dark.png", animations="disabled")
        page.emulate_media(color_scheme="light")
    page.set_viewport_size(DESKTOP)
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    page.screenshot(path=shots / f"{name}-desktop.png", animations="disabled")
