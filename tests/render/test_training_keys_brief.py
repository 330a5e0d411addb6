"""A brief training key shows what its statement asks: no loss log and no table of the trained weights
unless ``find`` names the loss or a weight (a full key keeps them); a run worked step by step never repeats
its last weights in a table; the start is said without a table that is not there. Exact lines, en and ru."""

from __future__ import annotations

import dataclasses

import pytest

from symnn import render, solve
from symnn.problems.bank import load_bank


def key(problem, lang: str = "en", format: str = "text", detail: str = "brief") -> list[str]:
    return render(solve(problem), format, lang=lang, detail=detail).splitlines()


def asked(problem_id: str, find: list[str]):
    problem = load_bank()[problem_id]
    return dataclasses.replace(problem, data={**problem.data, "find": find})


LOG = ("Training loss", "Loss after each epoch", "Ошибка на обучающей выборке", "Ошибка после каждой эпохи")
TABLE = ("The weights and biases at the start", "Веса и смещения в начале обучения", "after the last epoch",
         "после последней эпохи", "the table at the end", "таблицы в конце", "таблице в конце")


# xor-lab (a task), xor-lab-loop and gender-train ask the outputs: a brief key has no loss log, no table of
# weights, and says the start it takes without pointing at a table
@pytest.mark.parametrize("problem_id", ["xor-lab", "xor-lab-loop", "gender-train"])
@pytest.mark.parametrize("lang, start", [
    ("en", "The weights and biases start from (w_1, w_2, b_1, w_3, w_4, b_2, w_5, w_6, b_3) = "),
    ("ru", "Начальные веса и смещения (w_1; w_2; b_1; w_3; w_4; b_2; w_5; w_6; b_3) = "),
])
def test_a_key_asking_the_outputs_shows_no_loss_and_no_weights(problem_id, lang, start):
    lines = key(problem_id, lang)
    assert not [line for line in lines if line.startswith(LOG) or any(t in line for t in TABLE)], lines
    said = [line for line in lines if line.startswith(start)]
    assert len(said) == 1 and said[0].endswith(
        "numbers drawn once from the standard normal distribution N(0, 1) and rounded to 4 decimal places." if lang == "en"
        else "— числа, один раз взятые из стандартного нормального распределения N(0; 1) и округлённые до 4 знаков после запятой.")


def test_the_start_said_is_the_statements():
    # the oracle: the statement's own w_1 = 0.1257, …, b_3 = -0.7037
    line = next(line for line in key("gender-train") if line.startswith("The weights and biases start from"))
    assert "= (0.1257, -0.1321, 0.6404, 0.1049, -0.5357, 0.3616, 1.304, 0.9471, -0.7037):" in line


# a full key keeps the log and the table, and then points at it
@pytest.mark.parametrize("lang, lines_shown", [
    ("en", ["Training loss: 0.1506 at the start, 0.00218 after the last epoch.",
            "The weights and biases at the start and after the last epoch:",
            "The weights and biases start from the values in the table at the end: numbers drawn once from the "
            "standard normal distribution N(0, 1) and rounded to 4 decimal places."]),
    ("ru", ["Ошибка на обучающей выборке: 0,1506 в начале, 0,00218 после последней эпохи.",
            "Веса и смещения в начале обучения и после последней эпохи:",
            "Начальные веса и смещения — числа из таблицы в конце: они один раз взяты из стандартного нормального "
            "распределения N(0; 1) и округлены до 4 знаков после запятой."]),
])
def test_a_full_key_keeps_the_log_and_the_table(lang, lines_shown):
    lines = key("gender-train", lang, detail="full")
    assert all(line in lines for line in lines_shown)


# find names the loss: its log, not the table; find names a weight: the table, not the log
@pytest.mark.parametrize("find, log, table", [(["loss"], True, False), (["w5"], False, True)])
def test_what_find_names_is_shown(find, log, table):
    lines = key(asked("gender-train", find))
    assert ("Training loss: 0.1506 at the start, 0.00218 after the last epoch." in lines) == log
    assert ("The weights and biases at the start and after the last epoch:" in lines) == table
    assert ("w_5        1.304         3.2483" in lines) == table       # the course's four places


# lms-apple-orange: W(2) is worked step by step, so no table repeats it (brief or full); the ADALINE has no
# bias, so the start names the weights alone
@pytest.mark.parametrize("lang, start", [
    ("en", "The weights start from the values the problem gives: (w_1, w_2, w_3) = (0, 0, 0); nothing is drawn at random."),
    ("ru", "Обучение начинается с весов, заданных в условии: (w_1; w_2; w_3) = (0; 0; 0); случайных чисел нет."),
])
@pytest.mark.parametrize("detail", ["brief", "full"])
def test_the_lms_key_does_not_repeat_w2(lang, start, detail):
    lines = key("lms-apple-orange", lang, detail=detail)
    assert start in lines
    assert not [line for line in lines if any(t in line for t in TABLE) or "0.1600" in line or "0,1600" in line]
    loss = ("Training loss: 1.0000 at the start, 0.1040 after the epoch." if lang == "en"       # one epoch
            else "Ошибка на обучающей выборке: 1,0000 в начале, 0,1040 после эпохи.")
    assert (loss in lines) == (detail == "full")
    assert not [line for line in lines if line.startswith(LOG) and line != loss]


def test_the_start_in_latex():
    lines = key("lms-apple-orange", "ru", "latex")
    assert any(r"Обучение начинается с весов, заданных в условии: ${(w_{1}; \  w_{2}; \  w_{3})} = {(0; \  0; \  0)}$; "
               in line for line in lines), [line for line in lines if "условии" in line]


# the XOR keys name their outputs alike, ŷ at the input as the statements write ŷ: the task of xor-lab as the
# data run of xor-lab-loop (the oracle: XOR's truth table, which both statements publish)
@pytest.mark.parametrize("problem_id", ["xor-lab", "xor-lab-loop"])
@pytest.mark.parametrize("lang, format, answer", [
    ("en", "text", "Answer: ŷ(0, 0) = 0; ŷ(0, 1) = 1; ŷ(1, 0) = 1; ŷ(1, 1) = 0"),
    ("ru", "text", "Ответ: ŷ(0; 0) = 0; ŷ(0; 1) = 1; ŷ(1; 0) = 1; ŷ(1; 1) = 0"),
    ("en", "latex", r"{\noindent \textbf{Answer:} $\hat{y}{(0, \  0)} = 0$; $\hat{y}{(0, \  1)} = 1$; "
                    r"$\hat{y}{(1, \  0)} = 1$; $\hat{y}{(1, \  1)} = 0$\par}"),
])
def test_both_xor_keys_answer_in_one_form(problem_id, lang, format, answer):
    assert answer in key(problem_id, lang, format)


# a notation that renames the output neuron (o1 = "a", as an ADALINE's statement writes a) names the answer so
def test_the_output_takes_the_statements_name():
    problem = load_bank()["xor-lab-loop"]
    problem = dataclasses.replace(problem, data={**problem.data, "notation": {"o1": "a"}})
    assert "Answer: a(0, 0) = 0; a(0, 1) = 1; a(1, 0) = 1; a(1, 1) = 0" in key(problem)


# gender-train: the target column is headed y, the statement's name (not the label "woman"); the means are
# said once each, without a second colon; the answer names the class the statement asks beside each number
# (the oracle for the classes: the outputs 0.9630 and 0.0544 round to 1 and 0, and y = 1 for a woman)
@pytest.mark.parametrize("lang, header, means, answer", [
    ("en", "weight  height  x_1 = weight − 57  x_2 = height − 171  y",
     "The inputs are centred: each input column minus its mean over the table. The means: weight 57, height 171.",
     "Answer: ŷ(50, 168) ≈ 0.9630 (woman); ŷ(77, 173) ≈ 0.0544 (man)"),
    ("ru", "вес  рост  x_1 = вес − 57  x_2 = рост − 171  y",
     "Входы центрированы: из каждого входного столбца вычтено его среднее по таблице. Средние: вес 57; рост 171.",
     "Ответ: ŷ(50; 168) ≈ 0,9630 (девушка); ŷ(77; 173) ≈ 0,0544 (парень)"),
])
def test_the_gender_key_names_the_target_the_means_and_the_class(lang, header, means, answer):
    lines = key("gender-train", lang)
    assert header in lines and means in lines and answer in lines
    assert not any("woman" in line.split() or "девушка" in line.split() for line in lines[1:9])   # the table: no labelled y


def test_the_class_in_latex():
    lines = key("gender-train", "ru", "latex")
    assert (r"{\raggedright \noindent \textbf{Ответ:} $\hat{y}{(50; \  168)} \approx 0{,}9630$ (девушка); "
            r"$\hat{y}{(77; \  173)} \approx 0{,}0544$ (парень)\par}") in lines


# classes are refused, with the field named, unless each language names one class per rounded value
@pytest.mark.parametrize("classes, refused", [
    ({"en": ["man", "woman"], "ru": ["парень", "девушка"]}, False),
    ({"en": ["woman"]}, True),                       # a one-output network tells two classes, 0 and 1
    (["man", "woman"], True),                        # not per language
])
def test_classes_are_checked(classes, refused):
    from symnn.problems.schema import problem_errors
    entry = {"id": "x", "kind": "training", "inputs": [[0, 0], [1, 1]], "targets": [0, 1], "layers": [2, 1],
             "predict": [[0, 1]], "tolerance": {"absolute": 0.1}, "classes": classes, "statement": {"en": "s", "ru": "s"}}
    assert bool([e for e in problem_errors(entry) if e.startswith("classes")]) == refused
