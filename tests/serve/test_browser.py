"""The practice page in headless Chromium against a real `symnn serve` on the loopback: open a
problem, type an answer, see the preview, check it, reveal the solution; every <math> is laid
out. Screenshots are kept in test-artifacts/."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.export.test_html_browser import MEASURE
from tests.export.tools import artifacts, chromium_driver, need

pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "symnn", "serve", "--port", str(port), "--workers", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("symnn serve did not start")
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    yield from chromium_driver()


def test_a_student_checks_an_answer_and_reveals_the_solution(server, browser):
    need("chromium")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(server + "/problems/4.6")
    box = browser.find_element(By.ID, "answer")
    box.send_keys("(10, 45)")
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "preview").find_elements(By.TAG_NAME, "math"))
    browser.save_screenshot(str(artifacts() / "serve-preview.png"))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    verdict = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "verdict"))
    assert "Correct" in verdict.text
    browser.find_element(By.TAG_NAME, "summary").click()
    sizes = browser.execute_script(MEASURE)
    assert len(sizes) > 20 and all(w > 0 and h > 0 for w, h in sizes)
    visible = browser.execute_script("return document.body.innerText")
    assert "\\frac" not in visible and "$" not in visible
    browser.save_screenshot(str(artifacts() / "serve-verdict.png"))


def test_a_wrong_answer_in_russian_gets_its_feedback(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(server + "/problems/4.6?lang=ru")
    browser.find_element(By.ID, "answer").send_keys("(45, 10)")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    verdict = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "verdict"))
    assert "Неверно" in verdict.text and "переставлены" in verdict.text
