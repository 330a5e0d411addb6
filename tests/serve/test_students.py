"""What students met on the practice page (issue 20's tester): a bank file that stops loading,
/api/solve for every bank problem, errors in the language the client asked for, a form refused
(429, 413) shown again with the answer kept, Russian plurals, Accept-Language, variant values
typeset as LaTeX, solutions that do not speak of the toolkit's internals."""

from __future__ import annotations

import logging
import re
import shutil

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from symnn.problems.bank import default_bank_dir, get_problem, load_bank  # noqa: E402
from symnn.problems.solve import answer_value, solve  # noqa: E402
from symnn.problems.variants import student_variant, variant_problem  # noqa: E402
from symnn.serve.app import create_app  # noqa: E402

TOO_MANY_RU = "Слишком много запросов; подождите немного и попробуйте снова."


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(workers=1, timeout=10.0, rate=1000, burst=1000), raise_server_exceptions=False,
                    client=("127.0.0.1", 50001)) as c:
        yield c


def test_a_bank_file_that_stops_loading_leaves_the_last_bank_served(tmp_path, caplog):
    for name in ("gradients.toml", "graphs.toml"):
        shutil.copy(default_bank_dir() / name, tmp_path / name)
    with TestClient(create_app(workers=1, bank=tmp_path), raise_server_exceptions=False) as c:
        c.app.state.bank.fresh = 0                       # look at the files on every request
        assert c.get("/problems/4.5").status_code == 200
        assert c.get("/healthz").json()["bank"] == "ok"
        served = [p["id"] for p in c.get("/api/problems").json()]
        assert served == list(load_bank(tmp_path))
        good = (tmp_path / "graphs.toml").read_text(encoding="utf-8")
        (tmp_path / "graphs.toml").write_text(good + '\n[[problem]]\nid = "half"\nkind = "halfwritten"\n',
                                              encoding="utf-8")
        with caplog.at_level(logging.ERROR, logger="symnn.serve"):
            assert c.get("/problems/4.5").status_code == 200
            assert c.get("/problems/graph-exp?lang=ru").status_code == 200
            listed = c.get("/api/problems")
            assert listed.status_code == 200 and [p["id"] for p in listed.json()] == served
            unknown = c.post("/api/check", json={"problem": "nope", "answer": "1", "lang": "ru"})
            assert unknown.status_code == 404 and unknown.json() == {"error": "Такой задачи нет."}
            right = c.post("/api/check", json={"problem": "4.5", "answer": str(solve("4.5").answer)})
            assert right.status_code == 200 and right.json()["correct"] is True
            health = c.get("/healthz")
            assert health.status_code == 200 and health.json()["status"] == "ok"
            assert health.json()["bank"].startswith("stale: ") and "half" in health.json()["bank"]
        failures = [r for r in caplog.records if "did not load" in r.getMessage()]
        assert len(failures) == 1                        # logged once, not on every request
        (tmp_path / "graphs.toml").write_text(good, encoding="utf-8")
        assert c.get("/healthz").json()["bank"] == "ok"


@pytest.mark.parametrize("problem_id", list(load_bank()))
def test_every_bank_problem_is_solved_by_the_api(client, problem_id):
    value = answer_value(solve(problem_id).answer)
    for query in ("", "?lang=ru"):
        reply = client.get(f"/api/solve/{problem_id}{query}")
        assert reply.status_code == 200, reply.text
        assert reply.json()["id"] == problem_id and reply.json()["value"] == value


@pytest.mark.parametrize("body, status, message", [
    ({"problem": "4.3", "answer": 5, "lang": "ru"}, 422, "Ответ должен быть текстом."),
    ({"answer": "1", "lang": "ru"}, 422, 'Укажите что-то одно: "problem" или "reference".'),
    ({"problem": "nope", "answer": "1", "lang": "ru"}, 404, "Такой задачи нет."),
    ({"problem": "nope", "answer": "1"}, 404, "There is no such problem."),
    ({"problem": "4.3", "answer": "1", "variant": -1, "lang": "ru"}, 422, "Вариант — это целое число от 1 до 1000000000."),
    ({"problem": "4.5", "answer": "1", "variant": 3, "lang": "ru"}, 422, "У этой задачи нет вариантов."),
    ({"problem": "4.3", "answer": "1" * 6001, "lang": "ru"}, 413,
     "Ответ слишком длинный: можно не больше 2000 символов, а в этом ответе 6001 символ."),
    ({"problem": "4.3", "answer": "1" * 2002, "lang": "en"}, 413,
     "The answer is too long: at most 2000 characters, and this one has 2002 characters."),
])
def test_api_errors_are_said_in_the_language_the_body_asks_for(client, body, status, message):
    reply = client.post("/api/check", json=body)
    assert reply.status_code == status and reply.json() == {"error": message}


@pytest.mark.parametrize("body, message", [
    (b"not json", "Тело запроса — не JSON."),
    (b"\xff\xfe", "Тело запроса — не JSON: его байты не читаются как текст."),
    (b'{"answer": ' + b"[" * 30 + b"]" * 30 + b"}", "В JSON больше 20 уровней вложенности."),
])
def test_a_body_that_cannot_be_read_is_answered_in_the_querys_language(client, body, message):
    reply = client.post("/api/check?lang=ru", content=body, headers={"Content-Type": "application/json"})
    assert reply.status_code == 400 and reply.json() == {"error": message}


def test_the_rate_limit_speaks_the_bodys_language():
    with TestClient(create_app(workers=1, rate=0.01, burst=1)) as limited:
        limited.post("/api/check", json={"reference": "x", "answer": "x", "lang": "ru"})
        reply = limited.post("/api/check", json={"reference": "x", "answer": "x", "lang": "ru"})
        assert reply.status_code == 429 and reply.json() == {"error": TOO_MANY_RU}


def test_a_construct_the_reader_refuses_is_named_in_russian(client):
    verdict = client.post("/api/check", json={"problem": "linreg-matrix-grad", "answer": "X.T @ a", "lang": "ru"})
    assert verdict.json()["feedback"] == ["Не удалось прочитать ответ: обращение через точку (как в X.T; "
                                          "транспонирование пишите X^T) не допускается в выражении"]


def _answer_box(page: str) -> str:
    return re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S)[1]


def test_a_form_over_the_rate_is_shown_again_with_the_answer_kept():
    with TestClient(create_app(workers=1, rate=0.01, burst=1)) as limited:
        assert limited.post("/problems/4.6?lang=ru", data={"answer": "(10, 45)"}).status_code == 200
        refused = limited.post("/problems/4.6?lang=ru", data={"answer": "(10, 45)"})
        assert refused.status_code == 429 and refused.headers["Retry-After"]
        assert _answer_box(refused.text) == "(10, 45)" and "<form" in refused.text
        assert f'<div class="verdict unchecked"><strong>{TOO_MANY_RU}</strong></div>' in refused.text


def test_a_form_too_long_is_shown_again_with_the_answer_and_the_readers_limit(client):
    page = client.get("/problems/4.6?lang=ru").text
    assert 'maxlength="2000"' in page                     # the reader's own limit
    long = client.post("/problems/4.6?lang=ru", data={"answer": "1" * 6001})
    assert long.status_code == 413 and _answer_box(long.text) == "1" * 2000
    assert ("<strong>Ответ слишком длинный: можно не больше 2000 символов, а в этом ответе 6001 символ.</strong>"
            in long.text)
    huge = client.post("/problems/4.6?lang=ru", data={"answer": "1" * 70_000})     # past the body's cap
    assert huge.status_code == 413 and _answer_box(huge.text) == "1" * 2000 and "<form" in huge.text
    assert "<strong>Ответ слишком длинный: можно не больше 2000 символов.</strong>" in huge.text


def test_the_browsers_language_is_honoured_without_lang(client):
    assert '<html lang="ru">' in client.get("/problems/4.3", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
    assert '<html lang="en">' in client.get("/problems/4.3?lang=en", headers={"Accept-Language": "ru"}).text
    assert '<html lang="en">' in client.get("/problems/4.3", headers={"Accept-Language": "de"}).text


def test_a_students_variant_values_are_typeset(client):
    problem = variant_problem(get_problem("4.3"), student_variant(0, "4.3", "alice"))
    assert dict(problem.parameters)["z0"] == "pi"         # alice's z is π: the case the tester saw
    assert r"$z = \pi$" in problem.text("ru")
    page = client.get("/problems/4.3?lang=ru&student=alice").text
    statement = re.search(r'<p class="statement">(.*?)</p>', page, re.S)[1]
    assert "<mi>π</mi>" in statement and "<mi>p</mi>" not in statement


def test_the_russian_solution_does_not_speak_of_the_toolkit(client):
    solution = client.get("/api/solve/activations?lang=ru&format=text").text
    assert "Функции активации и их производные, с кодом NumPy" in solution      # the full view: the code column
    assert "symnn" not in solution and "sympy" not in solution.lower()
