"""The practice page in headless Chromium against a real `symnn serve` on the loopback, as a student
uses it: every bank problem's key typed into its page, in English and in Russian, and checked with
Ctrl+Enter; the preview in the student's notation; the answer kept across a language switch and a
submit; a Russian page with no English on it; tables that scroll on a phone. Screenshots at desktop
and phone width go to a temporary folder of the test run (printed, not kept in the repository)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from symnn.problems.bank import load_bank
from symnn.serve.rendering import problem_title
from tests.export.test_html_browser import MEASURE
from tests.export.tools import chromium_driver, need
from tests.serve.typed_keys import typed

pytest.importorskip("uvicorn")

PHONE, DESKTOP = (390, 844), (1000, 1400)
# Latin-script words a Russian page may hold: method and function names the course writes in Latin
# letters, product names, and the keys of the keyboard shortcut
LATIN_ALLOWED = {"softmax", "softsign", "softplus", "ReLU", "PReLU", "RReLU", "ELU", "ISRU", "arctg", "max", "sign", "sgn",
                 "Adam", "AdaGrad", "RMSprop", "MSE", "MAE", "RMSE", "MAPE", "BCE", "SGD", "XOR", "xor", "one-hot", "float64",
                 "symnn", "NumPy", "PyTorch", "Ctrl", "Enter", "SVM", "broadcasting"}
# the text of a page outside its mathematics, code, script, and what is marked as another language
PROSE = """
const copy = document.body.cloneNode(true);
for (const hidden of copy.querySelectorAll('math, code, script, textarea, [lang]:not([lang="ru"])')) hidden.remove();
const words = [], walk = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) words.push(walk.currentNode.nodeValue);
return words.join(' ');
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "symnn", "serve", "--port", str(port), "--workers", "2",
                                    "--timeout", "10"], stdout=out, stderr=out)
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
    yield url, log
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    yield from chromium_driver()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots in {folder}")
    return folder


def _wait(browser, condition, seconds: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(browser, seconds).until(condition)


def _check(browser, answer: str):
    """Type ``answer`` into the box and check it with Ctrl+Enter; the verdict box."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    box = browser.find_element(By.ID, "answer")
    box.clear()
    box.send_keys(answer)
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    return _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#verdict .verdict"))[0]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("problem_id", list(load_bank()))
def test_every_bank_problem_accepts_its_key_typed_as_a_student_would(server, browser, problem_id, lang):
    need("chromium")
    browser.set_window_size(*DESKTOP)
    browser.get(f"{server[0]}/problems/{problem_id}?lang={lang}")
    assert browser.title == problem_title(load_bank()[problem_id], lang)
    # the CSP allows no inline style or script: the page has none
    source = urllib.request.urlopen(f"{server[0]}/problems/{problem_id}?lang={lang}").read().decode()
    assert not [inline for inline in (" style=", "<style", "<script>") if inline in source]
    verdict = _check(browser, typed(problem_id, lang))
    word = {"en": "Correct", "ru": "Верно"}[lang]
    assert "right" in verdict.get_attribute("class") and word in verdict.text, verdict.text
    if lang == "ru":
        prose = browser.execute_script(PROSE)
        english = set(re.findall(r"(?<![\w-])[A-Za-z][A-Za-z0-9'-]{2,}", prose)) - LATIN_ALLOWED
        assert not english, english


@pytest.mark.parametrize("path", ["/?lang=ru", "/problems/nope?lang=ru"])
def test_the_index_and_an_error_page_in_russian_have_no_english(server, browser, path):
    browser.get(server[0] + path)
    prose = browser.execute_script(PROSE)
    assert len(prose) > 20 and not set(re.findall(r"(?<![\w-])[A-Za-z][A-Za-z0-9'-]{2,}", prose)) - LATIN_ALLOWED


def test_the_page_states_the_form_and_is_made_for_typing(server, browser):
    from selenium.webdriver.common.by import By
    browser.set_window_size(*DESKTOP)
    browser.get(server[0] + "/problems/4.3?lang=ru")
    assert "Ответ — набор из 3 чисел" in browser.find_element(By.ID, "form").text
    box = browser.find_element(By.ID, "answer")
    assert box.get_dom_attribute("spellcheck") == "false" and box.get_dom_attribute("autocapitalize") == "off"
    assert browser.find_element(By.ID, "verdict").get_attribute("role") == "status"


def test_the_preview_keeps_the_students_notation_and_says_what_it_joined(server, browser, shots):
    from selenium.webdriver.common.by import By
    browser.set_window_size(*DESKTOP)
    browser.get(server[0] + "/problems/backprop-w1?lang=ru")
    box = browser.find_element(By.ID, "answer")
    box.send_keys("0,0215")
    preview = _wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "#preview math"))
    assert preview.text.replace("\n", "") == "0,0215"            # typeset as typed: not 43/2000
    assert "Прочитано как" in browser.find_element(By.ID, "preview").text
    browser.get(server[0] + "/problems/conv-3x3?lang=ru")
    browser.find_element(By.ID, "answer").send_keys("12 12 17")
    note = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#preview .note"))[0]
    assert note.text == "12 12 17 прочитано как одно число 121217; разделяйте числа запятыми или точками с запятой."
    browser.save_screenshot(str(shots / "preview-ru-desktop.png"))


def test_the_answer_survives_a_language_switch_and_a_submit(server, browser, shots):
    from selenium.webdriver.common.by import By
    browser.set_window_size(*DESKTOP)
    browser.get(server[0] + "/problems/4.6?lang=en")
    browser.find_element(By.ID, "answer").send_keys("(45, 10)")
    browser.find_element(By.ID, "lang-ru").click()
    _wait(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru")
    assert browser.find_element(By.ID, "answer").get_attribute("value") == "(45, 10)"
    _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#preview math"))       # shown at once
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    verdict = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#verdict .verdict"))[0]
    assert "Неверно" in verdict.text and "переставлены" in verdict.text
    assert browser.find_element(By.ID, "answer").get_attribute("value") == "(45, 10)"
    _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#preview math"))       # and after the submit
    browser.save_screenshot(str(shots / "verdict-ru-desktop.png"))


def test_the_answer_is_there_again_after_back(server, browser):
    from selenium.webdriver.common.by import By
    browser.set_window_size(*DESKTOP)
    browser.get(server[0] + "/problems/4.5?lang=ru")
    browser.find_element(By.ID, "answer").send_keys("(1, 2)")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#verdict .verdict"))
    browser.back()                                                           # to the page before the check
    _wait(browser, lambda b: not b.find_elements(By.CSS_SELECTOR, "#verdict .verdict"))
    _wait(browser, lambda b: b.find_element(By.ID, "answer").get_attribute("value") == "(1, 2)")
    browser.get(server[0] + "/problems/4.5?lang=ru")                       # a new visit starts empty
    assert browser.find_element(By.ID, "answer").get_attribute("value") == ""


@pytest.mark.parametrize("size, name", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_the_solution_is_laid_out_and_its_tables_scroll_on_a_phone(server, browser, shots, size, name):
    from selenium.webdriver.common.by import By
    browser.set_window_size(*size)
    browser.get(server[0] + "/problems/graph-exp?lang=ru")
    browser.find_element(By.TAG_NAME, "summary").click()
    sizes = browser.execute_script(MEASURE)
    assert len(sizes) > 10 and all(w > 0 and h > 0 for w, h in sizes)
    # the page itself never scrolls sideways; a table wider than the screen does, with a cue
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    wide = browser.execute_script("return [...document.querySelectorAll('.table')]"
                                  ".filter(t => t.scrollWidth > t.clientWidth + 2).length")
    cues = [c for c in browser.find_elements(By.CLASS_NAME, "scroll-cue") if c.is_displayed()]
    if name == "phone":
        assert wide > 0 and cues and cues[0].text == "Таблица шире экрана: прокрутите её вбок →"
        table = browser.execute_script("return arguments[0].nextElementSibling", cues[0])
        assert "table" in table.get_attribute("class") and cues[0].location["y"] < table.location["y"]  # above it
        assert not browser.find_element(By.ID, "hint").is_displayed()     # no Ctrl+Enter on a phone
        browser.execute_script("arguments[0].scrollIntoView()", cues[0])
    browser.save_screenshot(str(shots / f"solution-ru-{name}.png"))
    browser.get(server[0] + "/problems/optimizers?lang=ru")
    _check(browser, typed("optimizers", "ru"))                   # a long answer: the box grows, the page stays
    _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#preview math"))
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    browser.save_screenshot(str(shots / f"problem-ru-{name}.png"))


def test_the_server_logged_no_traceback(server):
    time.sleep(0.5)
    assert "Traceback" not in server[1].read_text()
