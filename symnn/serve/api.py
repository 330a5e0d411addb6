"""The JSON API for course platforms: check an answer, list and solve the bank's problems.

``POST /api/check`` takes ``{"problem": ID, "answer": ..., "student": ..., "variant": K, "lang": ...}``
or ``{"reference": ..., "answer": ...}`` and answers the verdict of design.md
(``correct``, ``score``, ``feedback``, with ``decided_by`` and the answer as read).
Errors are ``{"error": message}`` with a 4xx status; nothing ever shows a traceback.
"""

from __future__ import annotations

import functools
import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..lang import LANGUAGES, phrase
from ..problems.bank import BankError, load_bank
from ..problems.solve import answer_value, solve
from ..problems.variants import student_variant
from .bodies import BodyError, read_json
from .checking import NotFinished, NotStarted

MAX_ANSWER = 20_000          # characters; the checker refuses more than its own limit with a verdict
RETRY_AFTER = 2              # seconds a client is asked to wait when every worker is taken


@functools.lru_cache(maxsize=512)
def solution_of(problem_id: str, bank, variant: int | None):
    """A problem's worked solution, solved once per server (a training problem takes seconds)."""
    return solve(problem_id, bank, variant)


class ApiError(Exception):
    """An error answered to the client; ``key`` and ``values``: its sentence for a page, in the page's language."""

    def __init__(self, status: int, message: str, headers: dict | None = None, key: str | None = None, **values):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}
        self.key, self.values, self.extra = key, values, {}


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse({"error": error.message, **error.extra}, status_code=error.status, headers=error.headers)


def busy(lang: str) -> ApiError:
    """A check that could not start in time: come back later (never a verdict)."""
    return ApiError(503, phrase(lang, "serve.busy"), {"Retry-After": str(RETRY_AFTER)}, key="serve.busy")


def not_finished(error: NotFinished) -> ApiError:
    """The check ran out of time or memory in its worker: the answer is too heavy to check, not wrong."""
    found = ApiError(422, error.message)
    found.extra = {"decided_by": error.kind}
    return found


async def json_body(request: Request):
    try:
        return read_json(await request.body())
    except BodyError as error:
        raise ApiError(400, str(error)) from None


def client_of(request: Request) -> str:
    return request.scope.get("symnn.client", "-")


def _lang(value) -> str:
    lang = value or "en"
    if lang not in LANGUAGES:
        raise ApiError(400, f"unknown language {str(lang)[:20]!r}; use one of {', '.join(LANGUAGES)}")
    return lang


def problem_summary(problem, lang: str) -> dict:
    return {"id": problem.id, "topic": problem.topic, "title": problem.topic_title.get(lang, problem.topic),
            "statement": problem.text(lang), "kind": problem.kind, "variants": bool(problem.variants)}


def variant_of(problem, student: str | None, variant, seed: int) -> int | None:
    """The variant to check against: the one given, or the student's own (when the problem has variants)."""
    if variant is not None:
        if isinstance(variant, bool) or not isinstance(variant, int):
            raise ApiError(400, "variant: expected a whole number")
        return variant
    if student and problem.variants:
        return student_variant(seed, problem.id, student)
    return None


async def check(request: Request) -> JSONResponse:
    body = await json_body(request)
    if not isinstance(body, dict):
        raise ApiError(400, "the body is a JSON object: {\"problem\": ID, \"answer\": ...}")
    answer = body.get("answer")
    if not isinstance(answer, str):
        raise ApiError(422, "answer: expected text")
    if len(answer) > MAX_ANSWER:
        raise ApiError(413, f"answer: at most {MAX_ANSWER} characters")
    lang = _lang(body.get("lang"))
    checker = request.app.state.checker
    has_problem, has_reference = "problem" in body, "reference" in body
    if has_problem == has_reference:
        raise ApiError(422, "give either problem or reference")
    try:
        if has_problem:
            if not isinstance(body["problem"], str):
                raise ApiError(422, "problem: expected an id")
            problem = request.app.state.pages.problem(body["problem"])
            student = body.get("student")
            if student is not None and not isinstance(student, str):
                raise ApiError(422, "student: expected text")
            variant = variant_of(problem, student, body.get("variant"), request.app.state.seed)
            verdict = await checker.check(answer, lang, problem=problem.id, variant=variant, client=client_of(request))
        else:
            reference = body["reference"]
            if not isinstance(reference, str) or len(reference) > MAX_ANSWER:
                raise ApiError(422, "reference: expected text of at most 20000 characters")
            options = body.get("options") or {}
            if not isinstance(options, dict):
                raise ApiError(422, "options: expected an object of check options")
            lang = _lang(body.get("lang") or options.get("lang"))
            verdict = await checker.check(answer, lang, answer_reference=reference, options=options,
                                          client=client_of(request))
    except BankError as error:
        raise ApiError(404, str(error)) from None
    except LookupError as error:
        raise ApiError(404, str(error)) from None
    except ValueError as error:                      # a reference that cannot be read, a variant out of range
        raise ApiError(422, str(error)[:300]) from None
    except NotStarted:
        raise busy(lang) from None
    except NotFinished as error:
        raise not_finished(error) from None
    return JSONResponse(verdict)


async def preview(request: Request) -> JSONResponse:
    """``{"answer": ..., "problem": ID, "lang": ...}``: how the answer is read, typeset as the student wrote it."""
    body = await json_body(request)
    answer = body.get("answer") if isinstance(body, dict) else None
    if not isinstance(answer, str) or len(answer) > MAX_ANSWER:
        raise ApiError(422, "answer: expected text")
    lang = _lang(body.get("lang"))
    known = body.get("known") or []
    if not isinstance(known, list) or not all(isinstance(k, str) and len(k) < 40 for k in known):
        raise ApiError(422, "known: expected a list of names")
    try:
        read = await request.app.state.checker.preview(answer, tuple(known[:50]), lang, client=client_of(request))
    except NotStarted:
        raise busy(lang) from None
    return JSONResponse(read)


async def problems(request: Request) -> JSONResponse:
    lang = _lang(request.query_params.get("lang"))
    return JSONResponse([problem_summary(p, lang) for p in load_bank(request.app.state.bank).values()])


def _problem(request: Request):
    try:
        return request.app.state.pages.problem(request.path_params["id"])
    except BankError as error:
        raise ApiError(404, str(error)) from None


async def problem(request: Request) -> JSONResponse:
    return JSONResponse(problem_summary(_problem(request), _lang(request.query_params.get("lang"))))


SOLVE_FORMATS = {"json": "application/json", "latex": "text/plain; charset=utf-8", "html": "text/html; charset=utf-8",
                 "md": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8"}


async def solved(request: Request) -> Response:
    found = _problem(request)
    lang = _lang(request.query_params.get("lang"))
    format = request.query_params.get("format", "json")
    if format not in SOLVE_FORMATS:
        raise ApiError(400, f"format: one of {', '.join(SOLVE_FORMATS)}")
    variant = request.query_params.get("variant")
    if variant is not None and not variant.isdigit():
        raise ApiError(400, "variant: expected a whole number")
    try:
        text, answer = await request.app.state.pages.solved(found.id, int(variant) if variant else None, format, lang)
    except ValueError as error:                  # BankError: a variant the problem does not have
        raise ApiError(404, str(error)[:300]) from None
    if format == "json":
        body = json.loads(text)
        body.setdefault("value", answer_value(answer))
        return JSONResponse(body)
    return Response(text, media_type=SOLVE_FORMATS[format])


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok", "workers": request.app.state.checker.workers})
