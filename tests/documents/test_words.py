"""Words and their repair: what a misspelt question is matched with."""

from __future__ import annotations

import pytest

from qa.documents.words import Speller, american, terms, unbroken, words

SPELLER = Speller("group allow where money check compress members members serial cash".split())


@pytest.mark.parametrize("typed, meant", [
    ("grup", "group"), ("alow", "allow"), ("mony", "money"),  # a short word lacking a letter
    ("compres", "compress"), ("membres", "members"), ("serail", "serial"),  # longer words: any one edit
    ("cash", "cash"), ("caes", "caes"), ("gruop", "group"),  # known; no near word; a swap in five letters
    ("grp", "grp"), ("v2", "v2"),  # too short, not a word
])
def test_the_speller_repairs_one_edit_and_a_short_word_only_by_its_missing_letter(typed: str, meant: str) -> None:
    assert SPELLER.correct(typed) == meant


def test_another_form_of_a_known_word_is_no_typo() -> None:
    speller = Speller("send spent speed months monty certified".split())
    assert [speller.correct(word) for word in ("spend", "month", "certify", "certifed")] == [
        "spend", "month", "certify", "certified"]  # "spent", "months", "certified" are known; "certifed" a typo


def test_a_one_letter_option_keeps_its_dash_and_a_hyphen_does_not() -> None:
    assert terms("What does sort's -s option do?") == ["sort", "-s", "option"]  # not the "s" of "sort's"
    assert terms("-s, --stable") == ["-s", "stabl"]
    assert "-mail" not in terms("e-mail") and terms("a - b") == ["b"]


@pytest.mark.parametrize("british, american_spelling", [
    ("licence", "license"), ("licences", "licenses"), ("colour", "color"), ("behaviour", "behavior"),
    ("organisation", "organization"), ("optimised", "optimized"), ("analyse", "analyze"), ("centre", "center"),
    ("catalogue", "catalog"), ("programme", "program"), ("defence", "defense"), ("grey", "gray"),
])
def test_british_spellings_match_american_ones(british: str, american_spelling: str) -> None:
    assert american(british) == american_spelling
    assert terms(british) == terms(american_spelling)


@pytest.mark.parametrize("word", ["hour", "four", "promise", "exercise", "advise", "precise", "genre", "analysis"])
def test_words_that_only_look_british_are_left_alone(word: str) -> None:
    assert american(word) == word


def test_a_documents_camel_case_name_is_also_read_word_by_word() -> None:
    assert words("Set maxResponseSize or ClientDestroyedError", humps=True) == [
        "set", "maxresponsesize", "max", "response", "size",
        "or", "clientdestroyederror", "client", "destroyed", "error"]
    assert set(terms("the response size")) <= set(terms("maxResponseSize", humps=True))
    assert not set(terms("the response size")) & set(terms("maxResponseSize"))  # a question's name stays whole


def test_a_questions_camel_case_name_stays_whole_and_other_words_are_not_split() -> None:
    assert words("What is keepAliveTimeout?") == ["what", "is", "keepalivetimeout"]  # meets the name, not its parts
    assert words("GPLv3, URL, iOS and Hello World", humps=True) == ["gplv3", "url", "ios", "and", "hello", "world"]


def test_a_word_broken_at_a_line_end_is_read_whole() -> None:
    # man(1) in UTF-8 breaks "default" with U+2010 and indents the next line; a soft hyphen breaks it the same way
    assert "default" in words("The de\u2010\n\t     fault is 22.")
    assert "default" in words("The de\u00ad\n  fault is 22.")
    # an ASCII hyphen may be the word's own, and a hyphen after a blank or a number breaks no word
    assert unbroken("authenticator-\n\t     hosted keys") == "authenticator-\n\t     hosted keys"
    assert unbroken("exit status of 1\u2010\n  2 means") == "exit status of 1\u2010\n  2 means"
    assert unbroken("see below \u2010\n  it") == "see below \u2010\n  it"


def test_two_words_the_corpus_writes_as_one_are_read_joined_as_well() -> None:
    speller = Speller("the loglevel option sets the loglevel of filenames and filenames in a takeover or a takeover "
                      "firstuid and firstuid and a useless flag".split())
    read = speller.repaired("What log level? Which file names? take over")
    assert read[:4] == ["what", "log", "level", "which"] and {"loglevel", "filenames"} <= set(read)
    assert "takeover" not in read  # "over" is a function word
    assert "firstuid" in speller.repaired("first uid") and "firstuid" not in speller.repaired("FIRST_UID")  # no blank
    assert "useless" not in speller.repaired("Does it use less memory?")  # written joined only once


def test_the_words_are_read_twice_never_held_whole() -> None:
    reads = []

    def words() -> list[str]:
        reads.append(1)
        return "the banaction and the banaction".split()

    assert "banaction" in Speller(words).repaired("ban action") and len(reads) == 2


def test_a_compound_the_corpus_mostly_writes_apart_is_not_joined() -> None:
    speller = Speller("the task force the task force the task force visit taskforce.example".split())
    assert "taskforce" not in speller.repaired("Who leads the task force?")


def test_an_acronym_s_plural_is_read_as_the_acronym() -> None:
    assert terms("KRLs, RPMs and CRCs") == terms("KRL, RPM and CRC")  # Snowball leaves these plurals whole
    for word in ("CVSS", "HTTPS", "mDNS", "MPLS", "pkgs"):  # words in capitals that end in S; no acronym
        assert terms(word) == [word.lower()]


def test_a_contraction_is_a_function_word_and_no_term() -> None:
    assert terms("What level does it use if I don't set one?") == terms("What level does it use if I set one?")
    assert terms("It doesn't, isn't, can't and won't cross; that's why you're here") == terms("cross why here")
    assert terms("Cantor's lets and sets") == terms("cantor let set")  # no contraction: a possessive, a verb
