"""The service through Starlette's test client: every endpoint, every error code, the hostile
corpus through /api/check (each case's expected outcome, or a clear 4xx), and no traceback ever."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from symnn.problems.bank import load_bank  # noqa: E402
from symnn.serve.app import create_app  # noqa: E402
from tests.hostile.corpus import cases  # noqa: E402


@pytest.fixture(scope="module")
def client():
    # the loopback's address, as a browser on this machine has; a generous time limit: the corpus is
    # about verdicts, and the machine may be busy
    with TestClient(create_app(workers=2, timeout=5.0, rate=1000, burst=1000), raise_server_exceptions=False,
                    client=("127.0.0.1", 50000)) as c:
        yield c


def test_check_a_bank_answer_and_a_reference(client):
    right = client.post("/api/check", json={"problem": "4.3", "answer": r"\left(60, -162, 1\right)"})
    assert right.status_code == 200 and right.json()["correct"] is True and right.json()["score"] == 1.0
    wrong = client.post("/api/check", json={"problem": "4.6", "answer": "(45, 10)", "lang": "ru"}).json()
    assert wrong["correct"] is False and any("переставлены" in f for f in wrong["feedback"])
    free = client.post("/api/check", json={"reference": "x*exp(x)", "answer": "e^x x", "options": {}}).json()
    assert free["correct"] is True and free["answer"] == "x*exp(x)"


def test_a_students_variant_is_checked_as_theirs(client):
    from symnn.problems.bank import get_problem
    from symnn.problems.solve import solve
    from symnn.problems.variants import student_variant, variant_problem
    problem = variant_problem(get_problem("4.6"), student_variant(0, "4.6", "ann"))
    own = str(solve(problem).answer).replace(" ", "")
    assert client.post("/api/check", json={"problem": "4.6", "student": "ann", "answer": own}).json()["correct"]
    assert own != "(10,45)"          # ann's point is not the course's (5, 10): the course's answer is not hers
    assert not client.post("/api/check", json={"problem": "4.6", "student": "ann", "answer": "(10, 45)"}).json()["correct"]


@pytest.mark.parametrize("body, status, words", [
    (b"not json", 400, "not JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b'{"problem": "4.3"}', 422, "answer"),
    (b'{"problem": "4.3", "answer": 5}', 422, "answer"),
    (b'{"answer": "1"}', 422, "either"),
    (b'{"problem": "4.3", "reference": "1", "answer": "1"}', 422, "either"),
    (b'{"problem": "nope", "answer": "1"}', 404, "There is no such problem."),
    (b'{"problem": "4.3", "answer": "1", "lang": "fr"}', 400, "language"),
    (b'{"problem": "4.3", "answer": "1", "variant": "x"}', 422, "A variant is a whole number from 1 to 1000000000."),
    (b'{"problem": "4.3", "answer": "1", "variant": -1}', 422, "A variant is a whole number from 1 to 1000000000."),
    (b'{"problem": "4.5", "answer": "1", "variant": 3}', 422, "This problem has no variants."),
    (b'{"reference": "1/0 +", "answer": "1"}', 422, "reference"),
    (b'{"reference": "x", "answer": "x", "options": {"absolute": -1}}', 422, "absolute"),
    (b'{"reference": "x", "answer": "x", "options": {"nonsense": 1}}', 422, "unknown"),
    (b'{"problem": "4.3", "answer": ' + b"[" * 20_000 + b"]" * 20_000 + b"}", 400, "nested"),
    (b'{"problem": "4.3", "answer": "1", "x": ' + b"{\"a\": " * 6_000 + b"1" + b"}" * 6_000 + b"}", 400, "nested"),
    (b'{"problem": "4.3", "answer": "1"', 400, "not JSON"),
    (b"\xff\xfe", 400, "not JSON"),
])
def test_every_error_is_a_clear_4xx(client, body, status, words):
    reply = client.post("/api/check", content=body, headers={"Content-Type": "application/json"})
    assert reply.status_code == status and words.lower() in reply.json()["error"].lower(), reply.text


def test_a_body_too_large_is_413_and_a_long_answer_too(client):
    assert client.post("/api/check", content=b"x" * 70_000).status_code == 413
    reply = client.post("/api/check", json={"problem": "4.5", "answer": "1" * 30_000})
    assert reply.status_code == 413


def test_problems_solve_health_metrics_and_openapi(client):
    listed = client.get("/api/problems?lang=ru").json()
    assert len(listed) == len(load_bank()) and listed[0]["statement"]
    assert client.get("/api/problems/4.3").json()["variants"] is True
    assert client.get("/api/problems/nope").status_code == 404
    solved = client.get("/api/solve/4.3").json()
    assert solved["id"] == "4.3" and solved["value"] == [60, -162, 1]
    assert r"\begin{align*}" in client.get("/api/solve/4.3?format=latex&lang=ru").text
    assert "<math" in client.get("/api/solve/4.3?format=html").text
    assert client.get("/api/solve/4.3?format=pdf").status_code == 400
    assert client.get("/api/solve/4.6?variant=5").json()["value"] != [10, 45]
    assert client.get("/healthz").json()["status"] == "ok"
    client.post("/api/check", json={"reference": "x", "answer": "x"})
    metrics = client.get("/metrics").text                  # the loopback may read them
    assert 'symnn_requests_total{route="/api/check",status="200"}' in metrics and "symnn_worker_restarts_total" in metrics
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.") and "/api/check" in schema["paths"]
    assert client.get("/no/such/page").status_code == 404


def test_pages_list_check_preview_and_show_the_solution(client):
    index = client.get("/?lang=ru").text
    assert "Градиент функции в точке" in index and "<math" in index and "http" not in index.replace(
        "http://www.w3.org/1998/Math/MathML", "")
    page = client.get("/problems/4.6").text
    assert "<textarea" in page and "<details>" in page and "<math" in page
    answered = client.post("/problems/4.6", data={"answer": "(10, 45)"}).text
    assert 'class="verdict right"' in answered and "(10, 45)</textarea>" in answered      # the answer stays
    assert 'class="verdict wrong"' in client.post("/problems/4.6", data={"answer": "(45, 10)"}).text
    preview = client.post("/api/read", json={"answer": "x1^2"}).json()
    assert preview["ok"] and "<math" in preview["mathml"] and "x_{1}" in preview["latex"]
    assert client.post("/api/read", json={"answer": "(("}).json()["ok"] is False
    typed = client.post("/api/read", json={"answer": "0,0215", "lang": "ru"}).json()
    assert typed["latex"] == "0{,}0215" and typed["notes"] == []            # as typed, not 43/2000
    joined = client.post("/api/read", json={"answer": "12 12 17", "lang": "en"}).json()
    assert joined["notes"] == ["12 12 17 was read as one number, 121217; separate numbers with commas or semicolons."]
    power = client.post("/api/read", json={"answer": "sin x^2", "lang": "ru"}).json()
    assert power["notes"] == ["sin x^2 прочитано как sin(x^2): степень относится к аргументу."]
    student = client.get("/problems/4.6?student=ann").text
    assert "variant" in student.lower()
    assert client.get("/problems/nope").status_code == 404


def test_the_rate_limit_answers_429_with_retry_after():
    # one token in 100 s: the buckets cannot refill while the test runs, however slow the machine
    with TestClient(create_app(workers=1, rate=0.01, burst=2)) as limited:
        codes = [limited.post("/api/check", json={"reference": "x", "answer": "x"}).status_code for _ in range(4)]
        assert codes[:2] == [200, 200] and 429 in codes
        reply = limited.post("/api/check", json={"reference": "x", "answer": "x"})
        assert reply.status_code == 429 and reply.headers["Retry-After"] and "too many" in reply.json()["error"].lower()
        assert limited.get("/healthz").status_code == 200          # health is never limited
        # previews and page views have buckets of their own (five times the checks'), also limited
        assert limited.post("/api/read", json={"answer": "x"}).status_code == 200
        pages = [limited.get("/?lang=ru").status_code for _ in range(12)]
        assert pages[:10] == [200] * 10 and pages[-1] == 429
        refused = limited.get("/problems/4.5?lang=ru")
        assert refused.status_code == 429 and "Слишком много запросов" in refused.text and "<html" in refused.text


def test_a_full_queue_answers_503_with_retry_after_never_a_verdict(monkeypatch):
    from symnn.serve import checking
    monkeypatch.setattr(checking, "QUEUE_PER_WORKER", 0)
    with TestClient(create_app(workers=1)) as busy:
        reply = busy.post("/api/check", json={"problem": "4.5", "answer": "(1, 2)"})
        assert reply.status_code == 503 and reply.headers["Retry-After"] == "2"
        assert set(reply.json()) == {"error"}
        page = busy.post("/problems/4.5?lang=ru", data={"answer": "(1, 2)"})
        assert page.status_code == 503 and page.headers["Retry-After"] == "2"
        assert "ответ не проверен" in page.text and "verdict right" not in page.text and "verdict wrong" not in page.text


# the limits are the server's, not the caller's: cases about a caller's own timeout or memory do not apply
# (and JSON has no infinite or NaN numbers to send)
CORPUS = [c for c in cases() if not (c["expect"] == "error" and {"timeout", "memory_mb"} & set(c["options"]))
          and all(not isinstance(v, float) or math.isfinite(v) for v in c["options"].values())]


def _reference(reference) -> str:
    return "(" + ", ".join(map(str, reference)) + ")" if isinstance(reference, list) else str(reference)


def _marked(case):
    return pytest.param(case, marks=pytest.mark.xfail(reason=case["gap"], strict=True)) if case.get("gap") else case


@pytest.mark.parametrize("case", [_marked(c) for c in CORPUS], ids=[c["id"] for c in CORPUS])
def test_the_hostile_corpus_through_the_api(client, case):
    options = {k: v for k, v in case["options"].items() if k != "timeout"}
    target = {"problem": case["problem"]} if case.get("problem") else {"reference": _reference(case["reference"])}
    reply = client.post("/api/check", json={**target, "answer": case["answer"], "options": options})
    assert reply.status_code < 500, reply.text
    assert "Traceback" not in reply.text
    if case["expect"] == "error":
        assert 400 <= reply.status_code < 500, (case["why"], reply.text)
    elif reply.status_code == 200:
        assert reply.json()["correct"] is (case["expect"] == "correct"), (case["why"], reply.json()["feedback"])
    else:
        assert case["expect"] == "wrong" and reply.status_code in (413, 422), (case["why"], reply.text)
