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


# formulas whose layout the browser is asked about, one per paragraph, at 40 px
SPACING_CASES = [r"\sin z", r"\sin{\left(z \right)}", r"f'(x)", r"\left( -2, \  -1\right)"]
BOXES = """
return Array.from(document.querySelectorAll('p')).map(p => Array.from(p.querySelectorAll('mi, mo, mn'))
  .filter(e => e.textContent.trim()).map(e => { const b = e.getBoundingClientRect();
    return [e.textContent, b.left, b.right, b.top, b.bottom]; }));
"""


def _laid_out(browser, tmp_path, to_mathml):
    em = 40
    body = "".join(f'<p style="font-size:{em}px">{to_mathml(case)}</p>' for case in SPACING_CASES)
    path = tmp_path / "spacing.html"
    path.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    browser.get(path.as_uri())
    boxes = []
    for row in browser.execute_script(BOXES):      # each text's first box, in em
        first: dict = {}
        for text, left, right, top, bottom in row:
            first.setdefault(text, (left / em, right / em, top / em, bottom / em))
        boxes.append(first)
    return boxes


def _spacing_faults(boxes) -> list[str]:
    """What a reader of TeX would call wrong in the four formulas, measured in em."""
    sin_z, sin_paren, prime, signs = boxes
    faults = []
    if sin_z["z"][0] - sin_z["sin"][1] < 0.1:
        faults.append("sin touches z")
    if sin_paren["("][1] - sin_paren["("][0] > 0.5:
        faults.append("the parenthesis around z stands apart from it")
    if prime["′"][3] < prime["f"][2] + 0.1:
        faults.append("the prime floats above f")
    if signs["2"][0] - signs["−"][1] > 0.1:
        faults.append("the minus of −2 is spaced as a subtraction")
    return faults


def test_names_primes_fences_and_signs_are_spaced_as_in_tex(browser, tmp_path):
    from latex2mathml.converter import convert

    from symnn.render.mathml import mathml
    # the measure itself: latex2mathml's own output has every fault
    assert _spacing_faults(_laid_out(browser, tmp_path, convert)) == [
        "sin touches z", "the parenthesis around z stands apart from it", "the prime floats above f",
        "the minus of −2 is spaced as a subtraction"]
    assert _spacing_faults(_laid_out(browser, tmp_path, mathml)) == []


@pytest.mark.parametrize("pid", ["4.3", "backprop-w1", "activations"])
def test_on_a_phone_punctuation_stays_with_its_formula(browser, pid, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(standalone(solve(pid), "html", lang="ru"), encoding="utf-8")
    browser.set_window_size(390, 844)
    try:
        browser.get(path.as_uri())
        pieces = browser.execute_script(
            "return Array.from(document.querySelectorAll('span.nowrap')).map(s => s.getClientRects().length)")
        browser.save_screenshot(str(artifacts() / f"html-{pid}-ru-phone.png"))
    finally:
        browser.set_window_size(1000, 1400)
    assert pieces and set(pieces) == {1}, "a formula and its full stop were broken across lines"


def test_no_line_of_a_key_hides_behind_a_scroll_bar(browser, tmp_path):
    """Long answers and points wrap between their pieces: no derivation line is wider than the page,
    on a narrow window as on paper; every line of a derivation starts at the left."""
    hidden, offsets = 0, []
    browser.set_window_size(700, 1400)
    try:
        for pid in ("delta-rule", "backprop-w1", "4.3"):     # 4.3: a derivation line of math alone
            path = tmp_path / f"{pid}.html"
            path.write_text(standalone(solve(pid), "html", detail="brief"), encoding="utf-8")
            browser.get(path.as_uri())
            hidden += browser.execute_script(
                "return Array.from(document.querySelectorAll('.step')).filter(s => s.scrollWidth > s.clientWidth).length")
            offsets += browser.execute_script(
                "return Array.from(document.querySelectorAll('.step')).filter(s => s.childNodes.length == 1 && "
                "s.firstChild.nodeName == 'math')"
                ".map(s => s.firstChild.getBoundingClientRect().left - s.getBoundingClientRect().left)")
    finally:
        browser.set_window_size(1000, 1400)
    assert hidden == 0
    assert offsets and set(offsets) == {0}
