"""The OpenAPI description of the JSON API, served at /openapi.json."""

from __future__ import annotations

from .. import __version__

_VERDICT = {"type": "object", "required": ["correct", "score", "feedback"], "properties": {
    "correct": {"type": "boolean"}, "score": {"type": "number", "minimum": 0, "maximum": 1},
    "feedback": {"type": "array", "items": {"type": "string"}},
    "decided_by": {"type": "string", "description": "the check that decided"},
    "answer": {"type": ["string", "null"], "description": "the answer as read"}}}
_ERROR = {"type": "object", "required": ["error"], "properties": {
    "error": {"type": "string"},
    "decided_by": {"type": "string", "description": "on a 422 for a check that ran out of time or memory: "
                                                    "timeout or crashed (not a verdict)"}}}
_PROBLEM = {"type": "object", "properties": {k: {"type": t} for k, t in (
    ("id", "string"), ("topic", "string"), ("title", "string"), ("statement", "string"), ("kind", "string"),
    ("variants", "boolean"))}}


def _errors(*codes: int) -> dict:
    return {str(code): {"description": "an error", "content": {"application/json": {"schema": _ERROR}}} for code in codes}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}


_LANG = {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["en", "ru"]}}
_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "symnn", "version": __version__,
             "description": "Check answers to the problems of a course on the mathematics of neural networks."},
    "paths": {
        "/api/check": {"post": {
            "summary": "Check an answer against a bank problem (a student's variant) or a reference",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["answer"], "properties": {
                    "problem": {"type": "string"}, "reference": {"type": "string"}, "answer": {"type": "string"},
                    "student": {"type": "string"}, "variant": {"type": "integer"},
                    "lang": {"type": "string", "enum": ["en", "ru"]}}}}}},
            "responses": {**_json(_VERDICT, "the verdict"), **_errors(400, 404, 408, 413, 415, 422, 429, 503)}}},
        "/api/read": {"post": {"summary": "How an answer is read (the page's preview)",
                               "responses": {**_json({"type": "object"}), **_errors(400, 408, 413, 415, 422, 429, 503)}}},
        "/api/problems": {"get": {"summary": "The bank's problems", "parameters": [_LANG],
                                  "responses": _json({"type": "array", "items": _PROBLEM})}},
        "/api/problems/{id}": {"get": {"summary": "One problem", "parameters": [_ID, _LANG],
                                       "responses": {**_json(_PROBLEM), **_errors(404)}}},
        "/api/solve/{id}": {"get": {
            "summary": "The worked solution", "parameters": [_ID, _LANG, {"name": "format", "in": "query", "schema": {
                "type": "string", "enum": ["json", "latex", "html", "md", "text"]}},
                {"name": "variant", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "the solution in the format asked"}, **_errors(400, 404)}}},
        "/healthz": {"get": {"summary": "The service is up", "responses": _json({"type": "object"})}},
        "/metrics": {"get": {"summary": "Prometheus metrics (the loopback, or the bearer token of --metrics-token)",
                             "responses": {"200": {"description": "text format"}, **_errors(401, 404)}}},
    },
}
