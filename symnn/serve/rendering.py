"""What the pages show, rendered once and kept: SymPy's solving and printing take from milliseconds to
seconds, so they run in a thread (never on the event loop), each key at most once at a time, and
the result is cached per problem, language and variant (and format, for /api/solve).

A page view then costs a dictionary look-up and string assembly.
"""

from __future__ import annotations

import asyncio
import re
from collections import OrderedDict
from dataclasses import dataclass

import anyio

from ..export.answer_forms import form_of, precision, stated
from ..export.worksheets import heading
from ..lang import phrase
from ..problems.bank import load_bank
from ..render import render
from ..render.html import HtmlPrinter
from .api import solution_of
from .live_bank import LiveBank
from .static import DEPTHS

MAX_ENTRIES = 512
TAG_STYLE = re.compile(r'<([a-z]+)([^<>]*?)\s+style="([^"]*)"([^<>]*)>')


@dataclass(frozen=True)
class ProblemParts:
    """A problem page's parts that do not depend on the student's answer."""

    title: str            # plain text, for <title> and the heading
    statement: str        # HTML
    form: str             # HTML: the form the answer takes
    solution: str         # HTML
    known: tuple          # the names the answer may use (the preview reads wx as w·x)


def without_inline_style(text: str) -> str:
    """The printers' style attributes as the stylesheet's classes: the CSP allows no inline style.

    >>> without_inline_style('<div class="step" style="margin-left:3em;margin-block:.4em">x</div>')
    '<div class="depth-2 block-space step">x</div>'
    >>> without_inline_style('<span class="nowrap" style="white-space:nowrap">(a,</span>')
    '<span class="nowrap">(a,</span>'
    """
    def restyled(match) -> str:
        tag, attributes, style = match[1], match[2] + match[4], match[3]
        found = []
        for declaration in style.split(";"):
            name, _, value = (part.strip() for part in declaration.partition(":"))
            if name == "margin-left" and value.endswith("em"):
                found.append(f"depth-{min(DEPTHS - 1, round(float(value[:-2] or 0) / 1.5))}")
            elif name == "margin-block":
                found.append("block-space")          # white-space:nowrap is the class nowrap already
        if found and 'class="' in attributes:
            attributes = attributes.replace('class="', 'class="' + " ".join(found) + " ", 1)
        elif found:
            attributes += f' class="{" ".join(found)}"'
        return f"<{tag}{attributes}>"
    return TAG_STYLE.sub(restyled, text)


def problem_title(problem, lang: str, bank: dict | None = None) -> str:
    """The problem's heading as a worksheet numbers it (its course number, else its place in its topic;
    never a slug) and its topic's title: "Problem 4.3: Gradients at a point"."""
    return phrase(lang, "page.title", heading=_heading(problem, lang, bank), topic=problem.topic_title.get(lang) or problem.topic)


def _heading(problem, lang: str, bank: dict | None) -> str:
    """"Problem 4.3", or "Problem 2" for the second problem of its topic (``bank``: the problems by id)."""
    topic = [p.id for p in (load_bank() if bank is None else bank).values() if p.topic == problem.topic]
    return heading(topic.index(problem.id) + 1 if problem.id in topic else 1, problem, lang)


def stated_form(solution, lang: str) -> str:
    """The sentence saying what form the answer takes: the problem's own, else read off the answer's shape."""
    declared = solution.problem.answer_form(lang)
    if declared:
        more = precision(form_of(solution, lang), lang)
        return phrase(lang, "sheet.answer.form", form=declared) + (" " + more if more else "")
    return stated(form_of(solution, lang), lang)


def _known(answer) -> tuple:
    parts = answer if isinstance(answer, tuple) else (answer,)
    return tuple(sorted({s.name for part in parts for s in getattr(part, "free_symbols", ())}))


def build_parts(problem, lang: str, variant: int | None, bank: dict) -> ProblemParts:
    solution = solution_of(problem, variant)
    printer = HtmlPrinter(lang=lang)
    return ProblemParts(problem_title(solution.problem, lang, bank),
                        without_inline_style(printer.rich_text(solution.problem.text(lang))),
                        without_inline_style(printer.rich_text(stated_form(solution, lang))),
                        without_inline_style(render(solution, "html", lang=lang)), _known(solution.answer))


def build_index(lang: str, bank: dict) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The topics in order, each with its problems' (id, heading, statement as HTML)."""
    printer = HtmlPrinter(lang=lang)
    topics: dict = {}
    for problem in bank.values():
        topics.setdefault(problem.topic_title.get(lang) or problem.topic, []).append(
            (problem.id, _heading(problem, lang, bank), without_inline_style(printer.rich_text(problem.text(lang)))))
    return list(topics.items())


class PageCache:
    def __init__(self, bank: LiveBank, entries: int = MAX_ENTRIES):
        self.bank, self.entries = bank, entries
        self._done: OrderedDict = OrderedDict()
        self._pending: dict = {}
        self._limiter = anyio.CapacityLimiter(1)      # one rendering thread: the event loop keeps its share

    async def get(self, key: tuple, build, *args):
        """``build(*args)``, computed in a thread once per ``key`` and kept (the oldest forgotten past ``entries``)."""
        if key in self._done:
            self._done.move_to_end(key)
            return self._done[key]
        if key in self._pending:
            return await asyncio.shield(self._pending[key])
        future = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            value = await anyio.to_thread.run_sync(lambda: build(*args), limiter=self._limiter)
        except BaseException as error:
            future.set_exception(error)
            future.exception()                      # marked as retrieved: waiters re-raise it
            raise
        finally:
            del self._pending[key]
        future.set_result(value)
        self._done[key] = value
        if len(self._done) > self.entries:
            self._done.popitem(last=False)
        return value

    async def parts(self, problem, lang: str, variant: int | None) -> ProblemParts:
        bank = self.bank.problems()
        return await self.get(("page", problem, lang, variant, id(bank)), build_parts, problem, lang, variant, bank)

    async def index(self, lang: str):
        bank = self.bank.problems()
        return await self.get(("index", lang, id(bank)), build_index, lang, bank)

    async def solved(self, problem, variant: int | None, format: str, lang: str) -> tuple:
        """(the solution in ``format``, its answer) for /api/solve."""
        def build():
            solution = solution_of(problem, variant)
            return render(solution, format, lang=lang), solution.answer
        return await self.get(("solve", problem, variant, format, lang), build)
