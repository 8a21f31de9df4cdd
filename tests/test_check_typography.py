"""Tests for the typography.* checks (editflow.checks.typography)."""

from __future__ import annotations

import pytest

from editflow.checks import CheckContext, make_entry, run_checks
from editflow.checks.typography import bracket_problems, quote_problems
from editflow.config import Style

UK = "Мер сказав, що місто готове до зими."


def _found(pairs, code="typography", ctx=None):
    entries = [make_entry(i, s, t) for i, (s, t) in enumerate(pairs)]
    return run_checks(entries, ctx, select=[code])


def _spans(findings, text):
    return [text[f.target_span[0]:f.target_span[1]] for f in findings]


def test_ukrainian_quotes_left_in_the_english_are_a_warning_with_the_fix() -> None:
    en = "The mayor called the plan «a disgrace» on Monday."
    (f,) = _found([(UK, en)], "typography.quotes")
    assert f.severity == "warning"
    assert _spans([f], en) == ["«a disgrace»"]
    assert f.suggestion == "“a disgrace”"


def test_straight_quotes_are_info_and_follow_the_house_quotes() -> None:
    en = 'The mayor called the plan "a disgrace" and said "no".'
    found = _found([(UK, en)], "typography.straight-quotes")
    assert [f.severity for f in found] == ["info", "info"]
    assert _spans(found, en) == ['"a disgrace"', '"no"']
    # A house that wants straight quotes is happy with them, and flags curly ones.
    assert _found([(UK, en)], "typography", CheckContext(style=Style(quotes='""'))) == []
    curly = "The mayor called the plan “a disgrace”."
    (f,) = _found([(UK, curly)], "typography.quotes", CheckContext(style=Style(quotes='""')))
    assert f.suggestion == '"a disgrace"'


@pytest.mark.parametrize("en", [
    "The mayor doesn't think Kyiv's budget will cover it.",
    "It was rock 'n' roll in the '90s, he recalled.",
    "A 5' concrete wall and a 12\" pipe were damaged.",
    "The students' union and the teachers' pay were discussed.",
    "He said they'd 'em ready by noon.",
])
def test_apostrophes_and_measurements_are_not_quotes(en: str) -> None:
    assert _found([(UK, en)]) == []


def test_straight_single_quotes_used_as_quotation_marks() -> None:
    en = "“He told me: 'we will rebuild the bridge', and left,” she said."
    (f,) = _found([(UK, en)], "typography.straight-quotes")
    assert _spans([f], en) == ["'we will rebuild the bridge'"]
    assert f.suggestion == "‘we will rebuild the bridge’"


def test_unbalanced_brackets_and_quotes() -> None:
    en = "The council (meeting on Friday voted “for the plan."
    found = _found([(UK, en)], "typography.unbalanced")
    assert sorted(_spans(found, en)) == ["(", "“"]
    assert bracket_problems("a ( b [ c ) d") == [(6, "“[” never closed")]
    assert bracket_problems("x ) y") == [(2, "“)” with no opening bracket")]


def test_list_items_and_smileys_are_not_unbalanced() -> None:
    en = "The plan has two parts: 1) repairs and 2) heating :) Both start (in May)."
    assert _found([(UK, en)], "typography.unbalanced") == []


def test_quote_running_on_into_the_next_paragraph_news_style() -> None:
    pairs = [("Він сказав: «Ми відбудуємо міст.", "He said: “We will rebuild the bridge."),
             ("Ми почнемо навесні».", "“We will start in spring.”")]
    # The Ukrainian leaves its quote open too, so nothing is said either way...
    assert _found(pairs, "typography.unbalanced") == []
    # ...and with a balanced Ukrainian, the news convention is still accepted.
    pairs[0] = (UK, pairs[0][1])
    assert _found(pairs, "typography.unbalanced") == []
    # But an opening quote nobody closes, followed by plain text, is flagged.
    pairs[1] = ("Ми почнемо навесні.", "Work starts in spring.")
    (f,) = _found(pairs, "typography.unbalanced")
    assert f.index == 0 and "never closed" in f.message


def test_curly_quotes_nest_and_a_double_quote_in_place_of_an_apostrophe_is_flagged() -> None:
    assert quote_problems("“They said “no” twice,” he wrote.") == ([], None)
    en = "The mayor” said it was ready."
    (f,) = _found([(UK, en)], "typography.unbalanced")
    assert "no opening quote" in f.message  # ” before a space is a stray closing quote
    en = "The mayor said: “I”ll be there.”"
    (f,) = _found([(UK, en)], "typography.unbalanced")
    assert "apostrophe" in f.message and f.suggestion == "’"


def test_an_imbalance_the_ukrainian_has_too_is_the_originals_shape() -> None:
    uk = "Він сказав: «Ми відбудуємо міст. Навесні."
    en = "He said: “We will rebuild the bridge. In spring."
    assert _found([(uk, en), ("Далі.", "Then.")], "typography.unbalanced") == []


def test_double_space() -> None:
    en = "The mayor  said it was over."
    (f,) = _found([(UK, en)], "typography.double-space")
    assert f.target_span == (9, 11) and f.suggestion == " "


@pytest.mark.parametrize("en, doubled", [
    ("Access to the the towns is limited.", "the the"),
    ("The The mayor spoke.", "The The"),
    ("He said it to to the press.", "to to"),
    ("He had had enough, and said that that was final.", None),
    ("Bora Bora and Walla Walla are far away.", None),
    ("It was very, very cold; la-la-la la-la-la.", None),
])
def test_doubled_words(en: str, doubled: str | None) -> None:
    found = _found([(UK, en)], "typography.doubled-word")
    assert _spans(found, en) == ([doubled] if doubled else [])


def test_space_before_punctuation_but_not_before_a_note() -> None:
    en = "It was unusual , by any standard ."
    found = _found([(UK, en)], "typography.space-before-punct")
    assert _spans(found, en) == [" ,", " ."]
    en = "Each family gets 10,000 liras (about $500 – ed.), officials said."
    assert _found([(UK, en)], "typography.space-before-punct") == []


def test_spaced_hyphen_as_a_dash_is_info() -> None:
    en = "The plant - which makes buses - closed. A well-known 10-year-old - no."
    found = _found([(UK, en)], "typography.dash")
    assert [f.severity for f in found] == ["info"] * 3
    assert all(f.suggestion == " – " for f in found)
    assert _found([(UK, "- The first item")], "typography.dash") == []


def test_notes_are_exempt() -> None:
    en = "They [Russians “so-called – ed.] left."
    assert _found([("Вони (росіяни – ред.) пішли.", en)], "typography.unbalanced") == []


def test_a_double_quote_after_a_plural_is_an_apostrophe_slip() -> None:
    en = "The farmers\" protest blocked the road."
    (f,) = _found([(UK, en)], "typography.unbalanced")
    assert "apostrophe" in f.message and f.suggestion == "’"
    assert en[f.target_span[0]:f.target_span[1]] == '"'


def test_a_note_between_two_words_does_not_make_them_doubled() -> None:
    en = "They reached the [Antonivskyi – ed.] the bridge, and the the road."
    found = _found([(UK, en)], "typography.doubled-word")
    assert _spans(found, en) == ["the the"] and found[0].target_span[0] > en.index("bridge")
