"""Every error the service answers: ``{"error": message}`` for the API, a short page in the
student's language for the pages. Messages come from the catalogues (``serve.error.*``).

>>> response = error_response({"path": "/api/check", "query_string": b""}, 415, "serve.error.type", type="text/plain")
>>> response.status_code, response.body.decode()
(415, '{"error":"the body must be application/json, not text/plain"}')
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs

from starlette.responses import HTMLResponse, JSONResponse, Response

from ..lang import LANGUAGES, phrase


def lang_of(scope) -> str:
    """The language the request asked for: ``?lang=``, else the browser's Accept-Language, else English.

    >>> lang_of({"query_string": b"", "headers": [(b"accept-language", b"de;q=0.9, ru-RU;q=0.8, en;q=0.5")]})
    'ru'
    >>> lang_of({"query_string": b"lang=en", "headers": [(b"accept-language", b"ru")]})
    'en'
    """
    asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [None])[-1]
    if asked in LANGUAGES:
        return asked
    accepted = b",".join(v for k, v in scope.get("headers", ()) if k == b"accept-language").decode("latin-1")
    ranked = []
    for position, item in enumerate(accepted.split(",")[:20]):
        tag, _, weight = item.strip().partition(";q=")
        try:
            ranked.append((-float(weight or 1), position, tag.strip().split("-")[0].lower()))
        except ValueError:
            continue
    return next((tag for _, _, tag in sorted(ranked) if tag in LANGUAGES), "en")


def is_page(path: str) -> bool:
    return path == "/" or path.startswith("/problems/")


def error_response(scope, status: int, key: str, headers: dict | None = None, lang: str | None = None,
                   **values) -> Response:
    """The error ``key`` in ``lang`` (by default the language the request asked for)."""
    lang = lang or lang_of(scope)
    if key == "serve.error.type":
        values["wanted"] = "application/json" if scope["path"].startswith("/api/") else \
            "application/x-www-form-urlencoded"
    message = phrase(lang, key, **values)
    if is_page(scope["path"]):
        return error_page(status, message, lang, headers)
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def error_page(status: int, message: str, lang: str, headers: dict | None = None) -> HTMLResponse:
    title = phrase(lang, "page.error", status=status)
    body = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{html.escape(title)}</title><link rel="stylesheet" href="/static/page.css"></head>'
            f'<body><h1>{html.escape(title)}</h1><p role="alert">{html.escape(message)}</p>'
            f'<p><a href="/?lang={lang}">{html.escape(phrase(lang, "page.all problems"))}</a></p></body></html>\n')
    return HTMLResponse(body, status_code=status, headers=headers)
