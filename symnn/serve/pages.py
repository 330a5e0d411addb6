"""The pages students use: the problems by topic, and a problem page with the statement, the form
the answer takes, an answer box, a live preview of how the answer is read, the verdict and its
feedback, and the solution behind a "show" (a <details>). Server-rendered, math as MathML, every
sentence in the page's language; the page's only script and stylesheet are /static/'s.

The parts that cost SymPy work come from the page cache (``rendering``); a page view only
assembles strings.
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..lang import LANGUAGES, count, phrase
from .api import MAX_ANSWER, ApiError, busy, client_of, variant_of
from .bodies import BodyError, read_form
from .checking import NotFinished, NotStarted
from .errors import lang_of

__all__ = ["index", "phrase", "problem_page"]

LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}


def _page(title: str, body: str, lang: str, data: dict, status: int = 200, headers: dict | None = None) -> HTMLResponse:
    attributes = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in data.items())
    return HTMLResponse(f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
                        '<meta name="viewport" content="width=device-width, initial-scale=1">'
                        f'<title>{html.escape(title)}</title><link rel="stylesheet" href="/static/page.css"></head>'
                        f'<body {attributes}>{body}<script src="/static/page.js"></script></body></html>\n',
                        status_code=status, headers=headers)


def _page_data(lang: str) -> dict:
    """The sentences the page's script shows, in the page's language."""
    return {"read": phrase(lang, "page.read as"), "offline": phrase(lang, "page.offline"),
            "scroll": phrase(lang, "page.scroll")}


def _lang(request: Request) -> str:
    """``?lang=``, else the browser's Accept-Language, else English."""
    return lang_of(request.scope)


def _nav(request: Request, lang: str) -> str:
    links = [f'<a href="/?lang={lang}">{html.escape(phrase(lang, "page.all problems"))}</a>']
    for other in LANGUAGES:
        if other != lang:
            query = urlencode({**request.query_params, "lang": other})
            links.append(f'<a href="{html.escape(request.url.path)}?{html.escape(query)}" hreflang="{other}" '
                         f'lang="{other}" id="lang-{other}">{LANGUAGE_NAMES.get(other, other)}</a>')
    return "<nav>" + " ".join(links) + "</nav>"


async def index(request: Request) -> HTMLResponse:
    lang = _lang(request)
    topics = await request.app.state.pages.index(lang)
    sections = []
    for title, problems in topics:
        items = "".join(f'<li><a href="/problems/{html.escape(pid)}?lang={lang}">{html.escape(name)}</a>: '
                        f"{statement}</li>" for pid, name, statement in problems)
        sections.append(f"<h2>{html.escape(title)}</h2><ul>{items}</ul>")
    heading = phrase(lang, "serve.problems")
    return _page(heading, f"{_nav(request, lang)}<h1>{html.escape(heading)}</h1>{''.join(sections)}", lang,
                 _page_data(lang))


async def problem_page(request: Request) -> HTMLResponse:
    lang = _lang(request)
    state = request.app.state
    problem = state.bank.problem(request.path_params["id"])
    if problem is None:
        raise ApiError(404, "no such problem", key="serve.error.no problem")
    student = (request.query_params.get("student") or "")[:200] or None
    variant = variant_of(problem, student, None, state.seed)
    parts = await state.pages.parts(problem, lang, variant)
    answer, verdict, status, headers = "", "", 200, None
    if request.method == "POST":
        answer, verdict, status, headers = await _posted(request, problem, lang, variant)
    query = urlencode({k: v for k, v in (("lang", lang), ("student", student)) if v})
    known = html.escape(json.dumps(list(parts.known)))
    body = (f"{_nav(request, lang)}<main><h1>{html.escape(parts.title)}</h1>"
            f'<p class="statement">{parts.statement}</p>'
            f'<p class="form" id="form">{parts.form}</p>'
            + (f"<p><small>{html.escape(phrase(lang, 'serve.variant', variant=variant))}</small></p>" if variant else "")
            + f'<form method="post" action="/problems/{html.escape(problem.id)}?{html.escape(query)}">'
            f'<label for="answer">{html.escape(phrase(lang, "sheet.answer.here"))}</label>'
            f'<textarea id="answer" name="answer" rows="3" maxlength="{MAX_ANSWER}" spellcheck="false" '
            f'autocapitalize="off" autocomplete="off" autocorrect="off" aria-describedby="form hint" '
            f'data-known="{known}" data-problem="{html.escape(problem.id)}">{html.escape(answer)}</textarea>'
            f'<p class="hint keys" id="hint">{html.escape(phrase(lang, "page.hint"))}</p>'
            f'<div id="preview" class="preview" aria-live="polite"></div>'
            f'<button type="submit">{html.escape(phrase(lang, "serve.check"))}</button></form>'
            f'<div id="verdict" role="status" aria-live="polite">{verdict}</div>'
            f"<details><summary>{html.escape(phrase(lang, 'serve.solution'))}</summary>"
            f"{parts.solution}</details></main>")
    return _page(parts.title, body, lang, _page_data(lang), status, headers)


async def _posted(request: Request, problem, lang: str, variant) -> tuple:
    """(the answer, the verdict's HTML, the status, headers) of a form sent: the answer is always
    shown again, also when it could not be checked (too many requests, too long, every checker busy)."""
    refused = request.scope.get("symnn.refused")
    try:
        answer = read_form(await request.body()).get("answer", "")
    except BodyError:
        if not refused:
            raise ApiError(400, "the form cannot be read", key="serve.error.form") from None
        answer = ""                                   # a refused body cut short: nothing of it can be kept
    most = count(lang, MAX_ANSWER, "character")
    if refused:
        status, key, headers = refused
        return answer[:MAX_ANSWER], _box("unchecked", phrase(lang, key, most=most)), status, headers
    if len(answer) > MAX_ANSWER:
        message = phrase(lang, "serve.error.answer long", most=most, given=count(lang, len(answer), "character"))
        return answer[:MAX_ANSWER], _box("unchecked", message), 413, None
    try:
        verdict = await _verdict(request.app.state.checker, answer, lang, problem, variant, client_of(request))
    except NotStarted:
        error = busy(lang)
        return answer, _box("unchecked", phrase(lang, "serve.busy")), error.status, error.headers
    return answer, verdict, 200, None


def _box(kind: str, first: str, rest: str = "") -> str:
    return f'<div class="verdict {kind}"><strong>{html.escape(first)}</strong>{rest}</div>'


async def _verdict(checker, answer: str, lang: str, problem, variant, client: str) -> str:
    if not answer.strip():
        return _box("unchecked", phrase(lang, "serve.empty"))
    try:
        verdict = await checker.check(answer, lang, problem=problem, variant=variant, client=client)
    except NotFinished as error:                   # the check ran out of time or memory: not a verdict
        return _box("unchecked", error.message)
    except (ValueError, LookupError):              # the problem's key cannot be checked here
        return _box("unchecked", phrase(lang, "page.cannot check"))
    first, *rest = verdict["feedback"]
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in rest)
    return _box("right" if verdict["correct"] else "wrong", first, lines)
