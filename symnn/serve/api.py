"""The JSON API for course platforms: check an answer, list and solve the bank's problems.

``POST /api/check`` takes ``{"problem": ID, "answer": ..., "student": ..., "variant": K, "lang": ...}``
or ``{"reference": ..., "answer": ...}`` and answers the verdict of design.md
(``correct``, ``score``, ``feedback``, with ``decided_by`` and the answer as read).
Errors are ``{"error": message}`` with a 4xx status, in the language the body's "lang" (else
``?lang=``) asks for; nothing ever shows a traceback or a file of the bank.
"""

from __future__ import annotations

import functools
import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..answers.read import MAX_LENGTH
from ..lang import LANGUAGES, count, phrase
from ..problems.bank import BankError
from ..problems.solve import answer_value, solve
from ..problems.variants import MAX_VARIANT, student_variant
from .bodies import BodyError, read_json
from .checking import NotFinished, NotStarted
from .errors import lang_of

MAX_ANSWER = MAX_LENGTH      # characters: as many as the answer reader reads
RETRY_AFTER = 2              # seconds a client is asked to wait when every worker is taken


@functools.lru_cache(maxsize=512)
def solution_of(problem, variant: int | None):
    """A problem's worked solution, solved once per server (a training problem takes seconds)."""
    return solve(problem, variant=variant)


class ApiError(Exception):
    """An error answered to the client; ``key`` and ``values``: its sentence for a page, in the page's language."""

    def __init__(self, status: int, message: str, headers: dict | None = None, key: str | None = None, **values):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}
        self.key, self.values, self.extra = key, values, {}


def refused(status: int, lang: str, key: str, headers: dict | None = None, **values) -> ApiError:
    """An error whose sentence is ``key`` in the catalogues, in the client's language."""
    return ApiError(status, phrase(lang, key, **values), headers, key=key, **values)


def too_long(lang: str, given: int) -> ApiError:
    return refused(413, lang, "serve.error.answer long", most=count(lang, MAX_ANSWER, "character"),
                   given=count(lang, given, "character"))


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse({"error": error.message, **error.extra}, status_code=error.status, headers=error.headers)


def busy(lang: str) -> ApiError:
    """A check that could not start in time: come back later (never a verdict)."""
    return refused(503, lang, "serve.busy", {"Retry-After": str(RETRY_AFTER)})


def not_finished(error: NotFinished) -> ApiError:
    """The check ran out of time or memory in its worker: the answer is too heavy to check, not wrong."""
    found = ApiError(422, error.message)
    found.extra = {"decided_by": error.kind}
    return found


async def json_body(request: Request):
    try:
        return read_json(await request.body())
    except BodyError as error:                  # the body's "lang" cannot be read: the query's, or the browser's
        raise refused(400, lang_of(request.scope), error.key, **error.values) from None


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


def variant_of(problem, student: str | None, variant, seed: int, lang: str = "en") -> int | None:
    """The variant to check against: the one given, or the student's own (when the problem has variants)."""
    if variant is not None:
        if isinstance(variant, bool) or not isinstance(variant, int) or not 1 <= variant <= MAX_VARIANT:
            raise refused(422, lang, "serve.error.variant", most=MAX_VARIANT)
        if not problem.variants:
            raise refused(422, lang, "serve.error.no variants")
        return variant
    if student and problem.variants:
        return student_variant(seed, problem.id, student)
    return None


def body_lang(request: Request, body) -> str:
    """The language the client asked for: the body's "lang", else the query's, else English."""
    asked = body.get("lang") if isinstance(body, dict) else None
    if asked is None and isinstance(body, dict) and isinstance(body.get("options"), dict):
        asked = body["options"].get("lang")
    return _lang(asked or request.query_params.get("lang"))


def asked_problem(request: Request, problem_id, lang: str):
    """The bank's problem ``problem_id``; a 404 in the client's language if there is none."""
    if not isinstance(problem_id, str):
        raise refused(422, lang, "serve.error.problem id", field='"problem"')
    found = request.app.state.bank.problem(problem_id)
    if found is None:
        raise refused(404, lang, "serve.error.no problem")
    return found


async def check(request: Request) -> JSONResponse:
    body = await json_body(request)
    lang = body_lang(request, body)
    if not isinstance(body, dict):
        raise refused(400, lang, "serve.error.body object")
    answer = body.get("answer")
    if not isinstance(answer, str):
        raise refused(422, lang, "serve.error.answer text")
    if len(answer) > MAX_ANSWER:
        raise too_long(lang, len(answer))
    checker = request.app.state.checker
    has_problem, has_reference = "problem" in body, "reference" in body
    if has_problem == has_reference:
        raise refused(422, lang, "serve.error.either", problem='"problem"', reference='"reference"')
    try:
        if has_problem:
            problem = asked_problem(request, body["problem"], lang)
            student = body.get("student")
            if student is not None and not isinstance(student, str):
                raise refused(422, lang, "serve.error.student", field='"student"')
            variant = variant_of(problem, student, body.get("variant"), request.app.state.seed, lang)
            verdict = await checker.check(answer, lang, problem=problem, variant=variant, client=client_of(request))
        else:
            reference = body["reference"]
            if not isinstance(reference, str) or len(reference) > MAX_ANSWER:
                raise refused(422, lang, "serve.error.reference", field='"reference"', most=count(lang, MAX_ANSWER, "character"))
            options = body.get("options") or {}
            if not isinstance(options, dict):
                raise refused(422, lang, "serve.error.options", field='"options"')
            verdict = await checker.check(answer, lang, answer_reference=reference, options=options,
                                          client=client_of(request))
    except LookupError:                              # the problem's key cannot be checked here
        raise refused(422, lang, "page.cannot check") from None
    except ValueError as error:                      # a reference that cannot be read (said in ``lang``)
        raise ApiError(422, str(error)[:300]) from None
    except NotStarted:
        raise busy(lang) from None
    except NotFinished as error:
        raise not_finished(error) from None
    return JSONResponse(verdict)


async def preview(request: Request) -> JSONResponse:
    """``{"answer": ..., "problem": ID, "lang": ...}``: how the answer is read, typeset as the student wrote it."""
    body = await json_body(request)
    lang = body_lang(request, body)
    answer = body.get("answer") if isinstance(body, dict) else None
    if not isinstance(answer, str):
        raise refused(422, lang, "serve.error.answer text")
    if len(answer) > MAX_ANSWER:
        raise too_long(lang, len(answer))
    known = body.get("known") or []
    if not isinstance(known, list) or not all(isinstance(k, str) and len(k) < 40 for k in known):
        raise refused(422, lang, "serve.error.known", field='"known"')
    try:
        read = await request.app.state.checker.preview(answer, tuple(known[:50]), lang, client=client_of(request))
    except NotStarted:
        raise busy(lang) from None
    return JSONResponse(read)


async def problems(request: Request) -> JSONResponse:
    lang = _lang(request.query_params.get("lang"))
    return JSONResponse([problem_summary(p, lang) for p in request.app.state.bank.problems().values()])


async def problem(request: Request) -> JSONResponse:
    lang = _lang(request.query_params.get("lang"))
    return JSONResponse(problem_summary(asked_problem(request, request.path_params["id"], lang), lang))


SOLVE_FORMATS = {"json": "application/json", "latex": "text/plain; charset=utf-8", "html": "text/html; charset=utf-8",
                 "md": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8"}


async def solved(request: Request) -> Response:
    lang = _lang(request.query_params.get("lang"))
    found = asked_problem(request, request.path_params["id"], lang)
    format = request.query_params.get("format", "json")
    if format not in SOLVE_FORMATS:
        raise refused(400, lang, "serve.error.format", formats=", ".join(SOLVE_FORMATS))
    variant = request.query_params.get("variant")
    if variant is not None:
        variant = variant_of(found, None, int(variant) if variant.isdigit() else -1, 0, lang)
    try:
        text, answer = await request.app.state.pages.solved(found, variant, format, lang)
    except BankError:                            # no variant found in its draws
        raise refused(422, lang, "serve.error.variant", most=MAX_VARIANT) from None
    if format == "json":
        body = json.loads(text)
        body.setdefault("value", answer_value(answer))
        return JSONResponse(body)
    return Response(text, media_type=SOLVE_FORMATS[format])


async def healthz(request: Request) -> JSONResponse:
    """"ok" while the service answers; "bank" says "stale: <reason>" while a newer bank fails to load
    (the last bank that loaded is served meanwhile)."""
    return JSONResponse({"status": "ok", "workers": request.app.state.checker.workers,
                         "bank": request.app.state.bank.health()})
