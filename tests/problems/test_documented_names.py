"""The names a teacher writes without seeing the code, as the authoring tutorials list them: each
matrix-identity, and each optimizer's settings (with their defaults) and state, against the tables the
bank is checked with and the optimizers themselves."""

import re
from pathlib import Path

import pytest

from symnn.nn.optimizers import OPTIMIZERS
from symnn.problems.answer_schema import MATRIX_IDENTITIES, OPTIMIZER_SETTINGS, OPTIMIZER_STATE

ROOT = Path(__file__).parents[2]
# (the tutorial, its words for settings and state)
TUTORIALS = [("docs/authoring.en.md", "settings", "state"), ("docs/authoring.ru.md", "настройки", "состояние")]


def sub_bullets(path: str, kind: str) -> list[str]:
    """The items of the list indented under a kind's line of the list of kinds, each joined into one line."""
    text = (ROOT / path).read_text(encoding="utf-8").split("\n## ")[-1]
    block = re.search(rf"^- `{kind}`:.*?(?=^- `)", text, re.M | re.S)[0]
    items = re.split(r"\n  - ", block)[1:]
    return [re.sub(r"\s*\n\s*", " ", item.strip()) for item in items]


@pytest.mark.parametrize(("path", "_settings", "_state"), TUTORIALS)
def test_every_identity_is_explained(path, _settings, _state):
    named = [re.match(r"`([a-z0-9-]+)`: \S", item)[1] for item in sub_bullets(path, "matrix-identity")]
    assert named == list(MATRIX_IDENTITIES)


def _number(text: str) -> float:
    return float(text.replace(",", "."))       # 0,1 in Russian


@pytest.mark.parametrize(("path", "settings_word", "state_word"), TUTORIALS)
def test_every_optimizer_lists_its_settings_and_state(path, settings_word, state_word):
    listed = {}
    for item in sub_bullets(path, "optimizer-step"):
        names = re.findall(r"`([a-z0-9-]+)`", item.split(":")[0])
        settings = re.search(rf"{settings_word}: (.*?)(?:; {state_word}:|\.$|$)", item)[1]
        pairs = re.findall(r"`(\w+)` = ([\d.,e-]+?)(?=,? `|$|;)", settings.strip())
        state = re.search(rf"{state_word}: (.*?)\.?$", item)
        for name in names:
            listed[name] = ({key: _number(value) for key, value in pairs},
                            tuple(re.findall(r"`(\w+)`", state[1])) if state else ())
    assert set(listed) == set(OPTIMIZER_SETTINGS)
    for name, (settings, state) in listed.items():
        assert tuple(settings) == OPTIMIZER_SETTINGS[name], name
        assert state == OPTIMIZER_STATE.get(name, ()), name
        defaults = {str(symbol): float(value) for symbol, value in OPTIMIZERS[name].defaults.items()}
        assert settings == defaults, name
