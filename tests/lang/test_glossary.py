"""The Russian terminology of symnn, reviewed once by a reader of Russian and kept here as a glossary.

Each entry names an English term, the Russian term symnn uses for it, and the variants a Russian
text of symnn must not use (calques, slang, a term of another field, a spelling without ё). The
tests scan every Russian phrase of the catalogue, every Russian text of the problem bank and the
Russian tutorial for those variants, and check that every statement of the bank gives its command
in the polite imperative (Найдите), as a Russian problem book does, never in the infinitive (Найти).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
import tomllib

from symnn.lang import CATALOGUES
from symnn.problems.bank import CHECKOUT_BANK


@dataclass(frozen=True)
class Term:
    english: str
    russian: str
    forbidden: tuple[str, ...]      # regular expressions, matched case-insensitively at word boundaries


GLOSSARY = [
    # a node of a computational graph: "вершина" is the word of graph theory, the course says "узел"
    Term("node (of a graph)", "узел", (r"вершин\w*",)),
    # the method is Nesterov's, not a "moment" of his
    Term("Nesterov momentum", "метод Нестерова", (r"момент\w* Нестерова", r"импульс\w* Нестерова")),
    # momentum is "момент" in the course (метод моментов); "импульс" is physics
    Term("momentum", "метод моментов", (r"импульс\w*",)),
    # a few samples per step; "пакет" is a parcel or a software package
    Term("mini-batch", "мини-батч", (r"мини-пакет\w*", r"пакет(?:а|у|ом|е|ы|ов|ам|ами|ах)?", r"минибатч\w*")),
    # Kingma and Ba correct the bias of the moments; "поправка" reads as a small amendment
    Term("bias correction", "коррекция смещения", (r"поправк\w* смещени\w*",)),
    # the bias of a neuron, as in the course; "сдвиг" and "порог" are other things
    Term("bias", "смещение", (r"сдвиг(?:а|у|ом|е|и|ов)?", r"байас\w*")),
    # as in the course; "темп" and "коэффициент обучения" are older or rarer
    Term("learning rate", "скорость обучения", (r"темп\w* обучения", r"коэффициент\w* обучения")),
    # the course's term; "функция ошибки" is the error function erf, "стоимость" a calque of cost
    Term("loss function", "функция потерь", (r"функци\w* ошибк\w*", r"функци\w* стоимост\w*", r"лосс\w*")),
    # the rule for a composite function, as the catalogue names it
    # "правило цепочки" is a calque: Russian textbooks say "производная сложной функции"
    Term("chain rule", "производная сложной функции", (r"цепно\w* правил\w*", r"цепочечн\w* правил\w*",
                                                        r"правил\w* цепочки")),
    # backpropagation, not slang
    Term("backpropagation", "обратное распространение", (r"бэкпроп\w*", r"бекпроп\w*")),
    # written with ё, like every Russian word of symnn
    Term("cross-entropy", "перекрёстная энтропия", (r"кросс-энтроп\w*", r"перекрестн\w*")),
    # the usual order of words
    Term("activation function", "функция активации", (r"активационн\w* функци\w*",)),
    # "тренировочный" is a calque of training
    Term("training set", "обучающая выборка", (r"тренировочн\w*", r"тренировк\w*")),
    # "якобиан" is, in Russian, the determinant: the matrix is "матрица Якоби", its determinant "определитель Якоби"
    Term("Jacobian (matrix)", "матрица Якоби", (r"якобиан\w*",)),
    # likewise "гессиан" is the determinant; the step size 1/λ_max comes from the matrix
    Term("Hessian (matrix)", "матрица Гессе", (r"гессиан\w*",)),
    # the error of an approximation or of rounding is "погрешность"; "ошибка" is the network's loss
    Term("approximation error", "погрешность",
         (r"относительн\w* ошибк\w*", r"ошибк\w* округлени\w*", r"ошибк\w* аппроксимаци\w*", r"ошибка/ε²")),
    # |x| is written with bars, the signs of the modulus, not brackets
    Term("absolute-value bars", "знак модуля", (r"скобк\w* модуля",)),
    # padding of a convolution, not a transliteration
    Term("padding", "дополнение нулями", (r"паддинг\w*",)),
    # stride of a convolution
    Term("stride", "шаг", (r"страйд\w*",)),
    # the label of a class, said in Russian
    # ("унитарный" is a unitary matrix's word)
    Term("one-hot vector", "вектор с единицей на месте класса", (r"one-hot", r"ван-хот\w*", r"унитарн\w*")),
    # the sign of a number, as Russian textbooks write it
    Term("sign function", "sgn", (r"sign",)),
    # the name of the activation in the course's table
    Term("leaky ReLU", "ReLU с утечкой", (r"leaky", r"дыряв\w*")),
    # an abbreviation the Russian text spells out
    Term("GD (gradient descent)", "градиентный спуск", (r"GD",)),
]


def _strings(value, path):
    """Every (path, string) of a parsed TOML value whose last key is "ru"."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, (*path, key))
    elif isinstance(value, list):
        for item in value:
            name = item.get("id") if isinstance(item, dict) else None
            yield from _strings(item, (*path, name) if name else path)
    elif isinstance(value, str) and path and path[-1] == "ru":
        yield ".".join(map(str, path)), value


def russian_texts() -> dict[str, str]:
    """Every Russian text of symnn, by where it is: catalogue key, or bank file, problem and field."""
    texts = {f"ru.toml [{table}] {key}": text for table, entries in CATALOGUES["ru"].items()
             for key, text in entries.items()}
    for file in sorted(CHECKOUT_BANK.glob("*.toml")):
        with file.open("rb") as handle:
            texts.update({f"{file.name}: {where}": text for where, text in _strings(tomllib.load(handle), ())})
    return texts


TEXTS = russian_texts()
TUTORIAL = CHECKOUT_BANK.parent / "docs" / "tutorial.ru.md"       # prose and console output: terms only
SCANNED = {**TEXTS, **({TUTORIAL.name: TUTORIAL.read_text(encoding="utf-8")} if TUTORIAL.exists() else {})}
STATEMENTS = {where: text for where, text in TEXTS.items()
              if ".statement." in where or where.endswith(".statement.ru")}


def matches(pattern: str, text: str) -> list[str]:
    return re.findall(rf"(?<![\w-])(?:{pattern})(?![\w-])", text, re.IGNORECASE)


def test_the_texts_are_found():
    assert len(TEXTS) > 400 and len(STATEMENTS) > 40
    assert "ru.toml [phrases] opt.name.nesterov" in TEXTS
    assert "training.toml: problem.optimizers.statement.ru" in STATEMENTS
    assert "gradients.toml: problem.4.3.variants.statement.ru" in STATEMENTS


@pytest.mark.parametrize("term", GLOSSARY, ids=[term.english for term in GLOSSARY])
def test_no_forbidden_variant(term):
    found = [f"{where}: {word!r} (say {term.russian!r})" for where, text in SCANNED.items()
             for pattern in term.forbidden for word in matches(pattern, text)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("pattern, text, found", [
    (r"вершин\w*", "δ_потребителя · ∂потребитель/∂вершина:", ["вершина"]),   # after a slash
    (r"пакет(?:а|у|ом|е|ы|ов|ам|ами|ах)?", "по пакетам из 32", ["пакетам"]),  # an inflected form
    (r"пакет(?:а|у|ом|е|ы|ов|ам|ами|ах)?", "пакетный градиентный спуск", []),  # the adjective of the course is fine
    (r"GD", "шагов GD", ["GD"]),
    (r"GD", "SGD и AdaGrad", []),                                   # only the word, not a part of one
    (r"сдвиг(?:а|у|ом|е|и|ов)?", "она скрывает или сдвигает написанное", []),   # the verb is fine
])
def test_a_forbidden_variant_is_found_as_a_word(pattern, text, found):
    assert matches(pattern, text) == found


# the verbs a statement gives its command with, in the infinitive; the polite imperative is the rule
INFINITIVE = re.compile(r"(?<!\w)(Найти|Вычислить|Доказать|Показать|Построить|Выполнить|Решить|Оценить|Сравнить|"
                        r"Записать|Умножить|Применить|Обучить|Сделать|Объяснить|Проверить|Выразить|Продифференцировать)"
                        r"(?!\w)", re.IGNORECASE)
# a polite imperative: Найдите, Вычислите, Постройте, Умножьте, Сделайте
IMPERATIVE = re.compile(r"(?<!\w)[а-яё]+(?:ите|йте|ьте)(?!\w)", re.IGNORECASE)
# the familiar imperative of the same verbs, as unfit for a statement as the infinitive
FAMILIAR = re.compile(r"(?<!\w)(Найди|Вычисли|Докажи|Покажи|Построй|Выполни|Реши|Оцени|Сравни|Запиши|Умножь|Примени|"
                      r"Обучи|Сделай|Объясни|Проверь|Вырази)(?!\w)", re.IGNORECASE)


@pytest.mark.parametrize("where", sorted(STATEMENTS))
def test_a_statement_commands_in_the_polite_imperative(where):
    prose = re.sub(r"\$[^$]*\$", " ", STATEMENTS[where])
    assert not INFINITIVE.findall(prose), f"{where}: infinitive {INFINITIVE.findall(prose)}"
    assert not FAMILIAR.findall(prose), f"{where}: familiar imperative {FAMILIAR.findall(prose)}"
    assert IMPERATIVE.search(prose), f"{where}: no command in the polite imperative (Найдите, Вычислите, ...)"


@pytest.mark.parametrize("text, polite", [
    ("Найдите градиент функции $F$ в точке $(1, 2)$.", True),
    ("Найти градиент функции $F$ в точке $(1, 2)$.", False),                # the infinitive
    ("Один шаг градиентного спуска с $a = 0.5$ из точки $(1, 2)$.", False),  # no command at all
    ("Умножьте строку $(1, 2, 3)$ на матрицу.", True),
    ("Сделай один шаг градиентного спуска.", False),                       # the familiar form
])
def test_the_imperative_check_tells_a_command_from_none(text, polite):
    prose = re.sub(r"\$[^$]*\$", " ", text)
    told = bool(IMPERATIVE.search(prose)) and not INFINITIVE.search(prose) and not FAMILIAR.search(prose)
    assert told is polite


# Latin-script words a Russian text may hold outside its formulas: names of methods, functions and
# losses Russian keeps, product and format names, LaTeX environments and commands named in a hint, the
# course's names of functions, and the keys of a keyboard shortcut
LATIN_KEPT = {
    "tolerance", "decimals",                       # field names of a problem file, written as the file has them
    "ADALINE", "LMS",                              # names of methods, kept in Russian texts
    "Adam", "AdaGrad", "RMSprop", "ReLU", "PReLU", "RReLU", "ELU", "ISRU", "softmax", "softsign", "softplus",
    "broadcasting",                                # NumPy's term, named in English beside Транслирование once
    "Softsign", "Softplus", "Softmax", "MSE", "MAE", "MAPE", "BCE", "RMSE", "SVM", "XOR", "SymPy", "NumPy", "PyTorch", "symnn", "LaTeX", "JSON",
    "NUL", "float64", "cases", "pmatrix", "vmatrix", "mathbb", "Ctrl", "Enter",
    "sin", "cos", "exp", "ln", "log", "log_a", "max", "min", "abs", "sgn", "tg", "ctg", "th", "cth", "sh", "ch",
    "arcsin", "arccos", "arctg", "arcctg", "sigma", "sum_", "dx", "Xw", "s_i", "s_k", "y_i", "y_k", "lo", "hi", "tol",
}


def test_no_english_word_outside_formulas():
    found = []
    for where, text in TEXTS.items():
        prose = re.sub(r"\{[^{}]*\}", " ", re.sub(r"\$[^$]*\$", " ", text))     # formulas and placeholders left out
        found += [f"{where}: {word!r}" for word in re.findall(r"[A-Za-z][A-Za-z0-9_\-]+", prose)
                  if word not in LATIN_KEPT]
    assert not found, "\n".join(found)
