"""The pages students use: the problems by topic, and a problem page with an answer box, a live
preview of how the answer is read, the verdict and its feedback, and the solution behind a
"show" (a <details>, no script). Server-rendered, math as MathML, nothing loaded from outside;
one small inline script asks /api/read for the preview as the student types.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..export.documents import PAGE_STYLE
from ..lang import LANGUAGES, phrase
from ..problems.bank import BankError, load_bank
from ..render import render
from ..render.html import HtmlPrinter
from .api import MAX_ANSWER, ApiError, solution_of, variant_of
from .checking import Busy

EXTRA_STYLE = """
textarea { width: 100%; font-size: 1.1rem; padding: .4rem; box-sizing: border-box; }
button { font-size: 1rem; padding: .4rem 1rem; margin-top: .4rem; }
.preview { min-height: 2.2em; padding: .3rem 0; color: #333; } .error { color: #b00020; }
.verdict { padding: .5rem .8rem; margin: .8rem 0; border-radius: .3rem; }
.right { background: #e6f4ea; } .wrong { background: #fdecea; }
nav a { margin-right: .8rem; } li { margin: .3rem 0; } details { margin-top: 1rem; }
"""
PREVIEW_SCRIPT = """
<script>
(() => {
  const box = document.getElementById('answer'), out = document.getElementById('preview');
  let timer;
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!box.value.trim()) { out.textContent = ''; return; }
      const reply = await fetch('/api/read', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                body: JSON.stringify({answer: box.value, known: KNOWN, lang: document.documentElement.lang})});
      const read = await reply.json();
      if (read.ok) { out.innerHTML = read.mathml; out.className = 'preview'; }
      else { out.textContent = read.error || ''; out.className = 'preview error'; }
    }, 250);
  });
})();
</script>
"""


def _page(title: str, body: str, lang: str, script: str = "") -> HTMLResponse:
    return HTMLResponse(f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
                        '<meta name="viewport" content="width=device-width, initial-scale=1">'
                        f"<title>{html.escape(title)}</title><style>{PAGE_STYLE}{EXTRA_STYLE}</style></head>"
                        f"<body>{body}{script}</body></html>\n")


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def _switch(request: Request) -> str:
    links = []
    for lang in LANGUAGES:
        query = urlencode({**request.query_params, "lang": lang})
        links.append(f'<a href="{html.escape(request.url.path)}?{html.escape(query)}">{lang}</a>')
    return '<nav><a href="/?lang=' + _lang(request) + '">symnn</a> ' + " ".join(links) + "</nav>"


async def index(request: Request) -> HTMLResponse:
    lang = _lang(request)
    printer = HtmlPrinter(lang=lang)
    topics: dict = {}
    for problem in load_bank(request.app.state.bank).values():
        topics.setdefault(problem.topic_title.get(lang) or problem.topic, []).append(problem)
    sections = []
    for title, problems in topics.items():
        items = "".join(f'<li><a href="/problems/{html.escape(p.id)}?lang={lang}">{html.escape(p.id)}</a> '
                        f"{printer.rich_text(p.text(lang))}</li>" for p in problems)
        sections.append(f"<h2>{html.escape(title)}</h2><ul>{items}</ul>")
    heading = phrase(lang, "serve.problems")
    return _page(heading, f"{_switch(request)}<h1>{html.escape(heading)}</h1>{''.join(sections)}", lang)


async def problem_page(request: Request) -> HTMLResponse:
    lang = _lang(request)
    state = request.app.state
    try:
        from ..problems.bank import get_problem
        problem = get_problem(request.path_params["id"], state.bank)
    except BankError as error:
        raise ApiError(404, str(error)) from None
    student = (request.query_params.get("student") or "")[:200] or None
    variant = variant_of(problem, student, None, state.seed)
    solution = solution_of(problem.id, state.bank, variant)
    shown = solution.problem
    answer, verdict = "", ""
    if request.method == "POST":
        form = await request.form()
        answer = str(form.get("answer", ""))[:MAX_ANSWER]
        verdict = await _verdict(state.checker, answer, lang, problem.id, variant)
    printer = HtmlPrinter(lang=lang)
    known = sorted({s.name for s in getattr(solution.answer, "free_symbols", set())} |
                   {s.name for a in (solution.answer if isinstance(solution.answer, tuple) else ())
                    for s in getattr(a, "free_symbols", set())})
    query = urlencode({k: v for k, v in (("lang", lang), ("student", student)) if v})
    body = (f"{_switch(request)}<h1>{html.escape(phrase(lang, 'problem'))} {html.escape(problem.id)}</h1>"
            f"<p>{printer.rich_text(shown.text(lang))}</p>"
            + (f"<p><small>{html.escape(phrase(lang, 'serve.variant', variant=variant))}</small></p>" if variant else "")
            + f'<form method="post" action="/problems/{html.escape(problem.id)}?{html.escape(query)}">'
            f'<label for="answer">{html.escape(phrase(lang, "sheet.answer.here"))}</label>'
            f'<textarea id="answer" name="answer" rows="2" maxlength="{MAX_ANSWER}">{html.escape(answer)}</textarea>'
            f'<div id="preview" class="preview" aria-live="polite"></div>'
            f'<button type="submit">{html.escape(phrase(lang, "serve.check"))}</button></form>'
            f"{verdict}<details><summary>{html.escape(phrase(lang, 'serve.solution'))}</summary>"
            f"{render(solution, 'html', lang=lang)}</details>")
    script = PREVIEW_SCRIPT.replace("KNOWN", repr(known).replace("'", '"'))
    return _page(f"{phrase(lang, 'problem')} {problem.id}", body, lang, script)


async def _verdict(checker, answer: str, lang: str, problem_id: str, variant) -> str:
    if not answer.strip():
        return f'<div class="verdict wrong">{html.escape(phrase(lang, "serve.empty"))}</div>'
    try:
        verdict = await checker.check(answer, lang, problem=problem_id, variant=variant)
    except Busy:
        return f'<div class="verdict wrong">{html.escape(phrase(lang, "serve.busy"))}</div>'
    except (ValueError, LookupError) as error:
        return f'<div class="verdict wrong">{html.escape(str(error))}</div>'
    first, *rest = verdict["feedback"]
    kind = "right" if verdict["correct"] else "wrong"
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in rest)
    if verdict["answer"]:
        lines += f"<p><small>{html.escape(phrase(lang, 'check.read'))}: <code>{html.escape(verdict['answer'])}</code></small></p>"
    return f'<div class="verdict {kind}" id="verdict"><strong>{html.escape(first)}</strong>{lines}</div>'
