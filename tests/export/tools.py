"""What the export tests need from the machine: a tool on PATH, or a clear reason to skip.

CI installs every tool (``.ci/run``); on a developer's machine without one, the tests
that need it are skipped and say which package brings it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

PACKAGES = {"pdflatex": "texlive-latex-recommended texlive-lang-cyrillic", "dot": "graphviz",
            "chromium": "chromium", "chromedriver": "chromium-driver", "pdftotext": "poppler-utils"}


def need(tool: str) -> str:
    """The path of ``tool``; the test is skipped when it is missing (never in CI, which installs it)."""
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing in CI: .ci/run installs {PACKAGES[tool]}")
        pytest.skip(f"{tool} is not installed (Debian: apt-get install {PACKAGES[tool]})")
    return path


def artifacts() -> Path:
    """Where tests keep what a person may want to look at afterwards (screenshots, PDFs)."""
    folder = Path(os.environ.get("SYMNN_TEST_ARTIFACTS", Path(__file__).parents[2] / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def chromium_driver():
    """Headless Debian chromium driven by selenium through chromedriver (a generator: quits at the end)."""
    chromium, chromedriver = need("chromium"), need("chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1000,1400"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=chromedriver), options=options)
    try:
        yield driver
    finally:
        driver.quit()


# a hook put before a deck's \begin{document}: every table the slides let TeX shrink to the line (``\resizebox``) writes
# its natural width and the line's to the log, and is set as before
_SHRINK_LOG = r"""\let\symnnresizebox\resizebox
\renewcommand{\resizebox}[3]{\sbox0{#3}\typeout{shrunk table: \the\wd0\space to \the\linewidth}\symnnresizebox{#1}{#2}{\usebox0}}
"""


def logging_shrinks(tex: Path) -> None:
    """Make the deck ``tex`` write how far each table it shrinks is shrunk to its log (``table_scales``)."""
    text = tex.read_text(encoding="utf-8")
    tex.write_text(text.replace("\\begin{document}", _SHRINK_LOG + "\\begin{document}", 1), encoding="utf-8")


def table_scales(log: str) -> list[float]:
    """The scale of each table TeX shrank to the line (1 where it was no wider), read from a log (``logging_shrinks``)."""
    return [min(1.0, float(line) / float(natural))
            for natural, line in re.findall(r"shrunk table: ([\d.]+)pt to ([\d.]+)pt", log.replace("\n", ""))]
