"""Every language has every sentence, with the same placeholders as English."""

import string

import pytest

from symnn.lang import CATALOGUES, LANGUAGES, SOURCE, phrase, rule_title

SOURCE_CATALOGUE = CATALOGUES[SOURCE]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_english_comes_first_and_russian_is_there():
    assert LANGUAGES[0] == "en" and "ru" in LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_and_key_of_english_is_in_every_language(lang):
    catalogue = CATALOGUES[lang]
    for table in ("phrases", "functions", "activations", "activation_notes"):
        assert set(catalogue[table]) == set(SOURCE_CATALOGUE[table]), (lang, table)
    assert {"latex_names", "text_names"} <= set(catalogue)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_english(lang):
    for key, text in SOURCE_CATALOGUE["phrases"].items():
        assert placeholders(CATALOGUES[lang]["phrases"][key]) == placeholders(text), (lang, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_value_is_a_string_and_only_notes_may_be_empty(lang):
    for table, entries in CATALOGUES[lang].items():
        for key, text in entries.items():
            assert isinstance(text, str), (lang, table, key)
            assert text or table == "activation_notes", (lang, table, key)


def test_lookups():
    assert phrase("ru", "title.chain") == "Производная сложной функции"
    assert rule_title("en", "sin") == "Derivative of sine"
    assert rule_title("ru", "sin") == "Производная синуса"
    with pytest.raises(ValueError, match="unknown language 'de'"):
        phrase("de", "title.chain")
