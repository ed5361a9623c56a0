"""axe-core inside every main page, in the light and the dark colour scheme.

axe-core comes with the axe-playwright-python package (no CDN). A page passes when axe finds
no violation of impact "serious" or "critical" (contrast, names, labels, landmarks, ARIA...).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser._site import PAGES, open_page

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def _axe(page: Any) -> list[dict[str, Any]]:
    """Serious and critical violations axe finds in the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(new_context: Any, live_server: Any, name: str) -> None:
    """Each page, opened in a light-scheme context, then switched to the dark scheme."""
    # Reduced motion: the option rows' colour transition would otherwise let axe measure the
    # contrast of a half-way colour right after the switch to dark (the end state is what counts).
    page = new_context(color_scheme="light", reduced_motion="reduce").new_page()
    open_page(name, page, live_server)
    light = _axe(page)
    # The same page in the dark scheme (the stylesheet follows prefers-color-scheme).
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    dark = _axe(page)
    assert not light, f"{name} (light):\n{_describe(light)}"
    assert not dark, f"{name} (dark):\n{_describe(dark)}"


def test_page_structure(page: Any, live_server: Any) -> None:
    """Landmarks, a skip link, one h1, a labelled radio group per question."""
    open_page("quiz", page, live_server)
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("contentinfo").count() == 1
    assert page.get_by_role("navigation", name="Main").count() == 1
    assert page.get_by_role("link", name="Skip to content").get_attribute("href") == "#main"
    assert page.get_by_role("heading", level=1).count() == 1
    groups = page.get_by_role("group")
    assert groups.count() == page.locator("fieldset.question").count() > 0
    for i in range(groups.count()):
        legend = groups.nth(i).locator("legend").inner_text()
        assert legend.strip(), "every radio group is named by its legend"
