"""The standalone HTML of several solutions, opened in headless Chromium: every <math> element is
laid out with a size, no raw LaTeX is visible, and the page needs no network. The screenshots
are kept in test-artifacts/."""

from __future__ import annotations

import pytest

from symnn.export import standalone
from symnn.problems.solve import solve

from .tools import artifacts, chromium_driver

PROBLEMS = ["4.3", "backprop-w1", "graph-exp", "activations", "delta-rule", "dot"]
MEASURE = """
return Array.from(document.querySelectorAll('math')).map(m => {
  const box = m.getBoundingClientRect(); return [box.width, box.height]; });
"""


@pytest.fixture(scope="module")
def browser():
    yield from chromium_driver()


@pytest.mark.parametrize("pid", PROBLEMS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_math_is_laid_out_and_no_latex_shows(browser, pid, lang, tmp_path):
    page = standalone(solve(pid), "html", lang=lang)
    assert "<script" not in page and "http" not in page.replace("http://www.w3.org/1998/Math/MathML", "")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())
    sizes = browser.execute_script(MEASURE)
    assert sizes, "the page has no <math>"
    assert all(width > 0 and height > 0 for width, height in sizes), f"{sum(1 for w, h in sizes if not w or not h)} empty"
    visible = browser.execute_script("return document.body.innerText")
    for raw in (r"\frac", r"\(", r"\left", r"\begin", "$"):
        assert raw not in visible
    browser.save_screenshot(str(artifacts() / f"html-{pid}-{lang}.png"))


def test_a_phone_sized_window_keeps_the_text_in_the_page(browser, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(standalone(solve("4.3"), "html"), encoding="utf-8")
    browser.set_window_size(390, 844)
    try:
        browser.get(path.as_uri())
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        browser.save_screenshot(str(artifacts() / "html-4.3-phone.png"))
    finally:
        browser.set_window_size(1000, 1400)
    assert overflow <= 0, "the page scrolls sideways on a phone; wide formulas should scroll in their own box"
