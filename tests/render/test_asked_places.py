"""tolerance = { decimals = N } rounds the key's answer to N places, while its work keeps the course's four: a
terminating decimal of the work is written exactly (−0.11326), with its four-place rounding beside when it has
more places than five (0.226989 ≈ 0.2270), and is put into later lines as that exact decimal, so each line's
result follows from the numbers it shows. Exact strings in plain text, English and Russian; the numbers are worked here
with Decimal (HMKCode's 2-2-1 linear network, no biases, E = ½(out − target)²)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from symnn import render
from symnn.problems.solve import solve

I1, I2, TARGET, ETA = Decimal(2), Decimal(3), Decimal(1), Decimal("0.05")
W = [Decimal(w) for w in ("0.11", "0.21", "0.12", "0.08", "0.14", "0.15")]

BANK = f"""[[problem]]
id = "two-places"
kind = "network"
layers = [2, 2, 1]
inputs = [{I1}, {I2}]
targets = [{TARGET}]
weights = [[[{W[0]}, {W[1]}], [{W[2]}, {W[3]}]], [[{W[4]}, {W[5]}]]]
biases = "none"
activation = "identity"
loss = "half-se"
learning_rate = {ETA}
find = ["o1", "w1+", "w2+"]
tolerance = {{ decimals = 2 }}
statement.en = 'Find the prediction and w1, w2 after one step.'
statement.ru = 'Найдите предсказание и w1, w2 после одного шага.'
"""


def text(x: Decimal, lang: str) -> str:
    s = format(x.normalize(), "f")
    return s.replace(".", ",") if lang == "ru" else s


def two(x: Decimal, lang: str) -> str:
    return text(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), lang)


def work(x: Decimal, lang: str) -> str:
    """A value of the work: exact, with its rounding to four places beside when it has more than five."""
    if -x.normalize().as_tuple().exponent <= 5:
        return text(x, lang)
    four = format(x.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), "f")        # its zeros kept: 0.2270
    return f"{text(x, lang)} ≈ {four.replace('.', ',') if lang == 'ru' else four}"


def bracket(x: Decimal, lang: str) -> str:
    return f"({text(x, lang)})" if x < 0 else text(x, lang)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_value_put_in_is_written_as_its_row_writes_it(tmp_path, lang):
    (tmp_path / "net.toml").write_text(BANK, encoding="utf-8")
    h1, h2 = W[0] * I1 + W[1] * I2, W[2] * I1 + W[3] * I2
    out = W[4] * h1 + W[5] * h2
    d_out = out - TARGET
    d_h1 = d_out * W[4]
    g1, g2 = d_h1 * I1, d_h1 * I2
    w1, w2 = W[0] - ETA * g1, W[1] - ETA * g2
    lines = [" ".join(line.split()) for line in
             render(solve("two-places", tmp_path), "text", lang=lang, detail="brief").splitlines()]
    # δ_h1's row: its exact decimal, five places, alone
    assert f"δ_h1 δ_o1·w5 {bracket(d_out, lang)}·{text(W[4], lang)} {work(d_h1, lang)}" in lines
    # …put into the gradients as its row writes it: (−0.11326)·3 = −0.33978
    assert f"w1 δ_h1·x1 {bracket(d_h1, lang)}·{I1} {work(g1, lang)}" in lines
    assert f"w2 δ_h1·x2 {bracket(d_h1, lang)}·{I2} {work(g2, lang)}" in lines
    eta = text(ETA, lang)
    assert f"w2⁺ w2 - η·g_t {text(W[1], lang)} - {eta}·{bracket(g2, lang)} {work(w2, lang)}" in lines
    # the answer: the exact decimals with their rounding to two places
    answer = "Answer" if lang == "en" else "Ответ"
    assert lines[-1] == (f"{answer}: o1 = {text(out, lang)}; w1⁺ = {text(w1, lang)} ≈ {two(w1, lang)}; "
                         f"w2⁺ = {text(w2, lang)} ≈ {two(w2, lang)}")
