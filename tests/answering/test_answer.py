"""The answer step on the real model and index: typed spans, acronyms, abstention, calibrated scores."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from qa.answering import answer as answer_module
from qa.answering import features as features_module
from qa.answering import naming as naming_module
from qa.answering import sections as sections_module
from qa.answering.answer import Candidate, may_answer
from qa.answering.features import STATES_A_DEFAULT, answer_unit, completed_by, follower, points_elsewhere
from qa.answering.questions import (
    coverage,
    defined_subject,
    document_asked_about,
    document_defined,
    read_query,
    referentless,
)
from qa.answering.sections import entry_name, names_by_its_section, names_one_of
from qa.answering.spans import (
    QUANTITY,
    QuestionType,
    address_only,
    asks_role_holder,
    candidate_spans,
    changed_value_asked,
    coordinated,
    counts_only,
    dated_only,
    dimension_only,
    is_address,
    money_only,
    person_only,
    question_type,
    wants_a_span,
)
from qa.documents.chunking import Sentence
from qa.documents.uploads import FileUpload
from qa.errors import InvalidInputError
from tests.helpers.corpora import (
    LOCKER_MAN_PAGE,
    PUMP_OPTIONS,
    VALVE_OPTIONS,
    api_entry,
    corpus_with,
    eligible_for,
    scored,
    scored_now,
    sentence_starting,
)
from tests.helpers.paths import RELEASE


def _slices(cited) -> bool:
    text = (RELEASE.parent / cited.citation.source).read_text(encoding="utf-8")
    return text[cited.citation.start:cited.citation.end] == cited.text


def test_sentinel_is_answered_by_the_national_targeting_center(service) -> None:
    response = service.ask("who leads Operation Sentinel?")
    assert response.answer is not None
    assert "National Targeting Center" in response.answer.text
    assert "leads this effort" in response.answer.sentence.text
    assert _slices(response.answer) and _slices(response.answer.sentence)
    c, s = response.answer.citation, response.answer.sentence.citation
    assert s.start <= c.start and c.end <= s.end


def test_off_topic_question_gets_no_answer_but_passages(service) -> None:
    response = service.ask("What is the capital of France?")
    assert response.answer is None and response.passages


@pytest.mark.parametrize("question, expected", [
    ("How many smugglers have been arrested?", "2,000"),
    ("When did the campaign officially begin?", "April"),
    ("Who leads Joint Task Force Alpha?", "Department of Justice"),
])
def test_typed_questions_get_tight_spans(service, question: str, expected: str) -> None:
    answer = service.ask(question).answer
    assert answer is not None and expected in answer.text and len(answer.text) < len(answer.sentence.text)


def test_every_citation_slices_the_file(service) -> None:
    for question in ["who leads Operation Sentinel?", "What does Operation Sentinel do?", "How much money?"]:
        response = service.ask(question, top_k=10)
        cited = response.passages + ([response.answer, response.answer.sentence] if response.answer else [])
        assert all(_slices(c) for c in cited)


@pytest.mark.parametrize("question, top_k", [("", 5), ("   ", 5), ("x" * 1001, 5), ("ok", 0), ("ok", 21)])
def test_bad_input_is_refused_by_the_library(service, question: str, top_k: int) -> None:
    with pytest.raises(InvalidInputError):
        service.ask(question, top_k=top_k)


@pytest.mark.parametrize("question, kind", [
    ("Who leads it?", "who"), ("How many people?", "quantity"), ("how much money", "quantity"),
    ("When did it begin?", "date"), ("Where are they?", "place"), ("What does it do?", "description"),
    ("What happens to those who hire smugglers?", "description"), ("Which department leads?", "who"),
    ("When the gate has no PURGE_DAYS line, are old records removed?", "yesno"),  # a condition, then yes or no
    ("If the token is not set, why do uploads fail?", "reason"),
])
def test_question_types(question: str, kind: str) -> None:
    assert question_type(question).name == kind


def test_quantity_spans_skip_list_numbers_and_keep_qualifiers() -> None:
    sentence = "2. Operation: arrested nearly 2,000 smugglers and spent over $50 million, a 600% rise."
    spans = [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("quantity"))]
    assert spans == ["nearly 2,000 smugglers", "over $50 million", "600%"]  # quantities keep their unit


@pytest.mark.parametrize("sentence, expected", [
    ("the first 128 bytes are checked for UTF-8 text", ["128 bytes"]),  # not "-8"
    ("68980 packages for amd64 in unstable", ["68980 packages"]),  # not "64"
    ("builds on x86_64 and i386 with MD5 sums under GPLv2", []),
    ("Format: https://www.debian.org/doc/copyright-format/1.0/ on page 10/20", []),  # a path, a fraction
    ("records of roughly 1KB, read at 530 MB/s or 1700MB/s", ["roughly 1KB", "530 MB/s", "1700MB/s"]),
    ("about five postings per day", ["about five postings per day"]),
    ("Only one exception is allowed, only one of them", ["Only one exception", "only one"]),
    ("from version 1.17.11 on", ["1.17.11"]),
    ("a file has two or more stanzas", ["two or more stanzas"]),
    ("at least ASN1_MAX_ERROR_DESCRIPTION_SIZE bytes, not ASN1_MAX_NAME_SIZE",
     ["at least ASN1_MAX_ERROR_DESCRIPTION_SIZE bytes"]),
    ("gzip 2.1 added it; use -1 instead", ["2.1", "-1"]),  # no noun after a decimal or a negative
    ("The fee is €20, or 20 EUR, 5 USD, £5 a month", ["€20", "20 EUR", "5 USD", "£5 a month"]),
    ("a 9 KByte binary of 12 kBytes", ["9 KByte", "12 kBytes"]),
    ("If max-procs is 0, xargs will run 1,000 jobs", ["0", "1,000 jobs"]),  # a comma ends a number
    ("roughly 10K records weighing about 1KB each", ["roughly 10K records", "about 1KB"]),
    ("Default: `30e3`, at most 1.5E-3 seconds, not the 2e edition", ["30e3", "at most 1.5E-3 seconds", "2"]),
    ("the optimal number is either 3 or 4, or 2-3 on X86", ["3 or 4", "2-3"]),  # a choice of two counts
    ("in 1.2 CPU cycles per byte, keeping 400 HTTP connections, for 5 USD", ["1.2 CPU cycles per byte",
                                                                             "400 HTTP connections", "5 USD"]),
    ("9.1  Who is SIL International and what do they do?", []),  # a section's number
    ("9  ABOUT SIL INTERNATIONAL", []),
    ("5.4 Am I allowed to use 2 names?", ["2 names"]),
    ("2.5 GB of memory are needed", ["2.5 GB"]), ("50.5 Hz is the mains frequency here.", ["50.5"]),
    ("Default: 86400 (24hours), or 30mins, or 3 days (72 hours)", ["86400 (24hours)", "30mins", "3 days (72 hours)"]),
    ("It uses 2 cores (4 threads), retries every 2 days (48 hours) at ATA register 80h",
     ["2 cores", "4 threads", "every 2 days (48 hours)", "80"]),  # another measure in brackets is another answer
    ("It read 10 (see below) lines in 2 (two) passes", ["10", "2 (two)"]),  # words in brackets: only a count
    ("Increase font size by 0,5pt, pad by 2px or 12 points", ["0,5pt", "2px", "12 points"]),  # type sizes
    ("Built-in crypto is 4x slower, 2 times faster", ["4x slower", "2 times faster"]),  # what a multiple compares
    ("It is only rated for 300,000 to\n\t      1,000,000 cycles", ["300,000 to\n\t      1,000,000 cycles"]),
])
def test_quantities_are_whole_numbers_with_what_they_count(sentence: str, expected: list[str]) -> None:
    spans = [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("quantity"))]
    assert spans == expected


def test_a_money_question_is_answered_by_a_sum_not_by_any_number() -> None:
    sentence = "Python 2.1 and newer cost $50 a year"
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in money_only("How much does it cost?", spans, sentence)] == ["$50 a year"]
    assert [sentence[a:b] for a, b in money_only("How much money is it?", spans, sentence)] == ["$50 a year"]
    assert money_only("How many investigations were opened?", spans, sentence) == spans
    assert money_only("How many people paid the fee?", spans, sentence) == spans  # a count, not a sum
    share = "Less than\n5% is used for administration, 3 people and $2 the rest."
    spans = candidate_spans(share, QuestionType("quantity"))
    assert [share[a:b] for a, b in money_only("How much of the money is used for it?", spans, share)] == [
        "Less than\n5%", "$2"]  # a share of the money answers too; "is" is no unit
    assert [share[a:b] for a, b in money_only("How much does it cost?", spans, share)] == ["$2"]  # a share is no price
    assert [m.group(0) for m in QUANTITY.finditer("A value of 0 means no limit; 3 files, 2 uses.")] == [
        "0", "3 files", "2"]  # a verb after a number is no unit


def test_a_range_is_one_quantity_and_its_unit_may_follow_on_the_next_line() -> None:
    sentence = "The wait for a reply is between two and three\n   seconds. It waits between 2 and 5 minutes more."
    assert [m.group(0) for m in QUANTITY.finditer(sentence)] == ["between two and three\n   seconds",
                                                                 "between 2 and 5 minutes"]
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in dimension_only("How long is the wait?", spans, sentence)] == [
        "between two and three\n   seconds", "between 2 and 5 minutes"]
    assert [m.group(0) for m in QUANTITY.finditer("The default is 2\n   Seconds are rounded up.")] == ["2"]
    assert [m.group(0) for m in QUANTITY.finditer("Between 2010 and 2015 there were 40 users")] == [
        "2010", "2015", "40 users"]  # years bound dates, not a quantity


@pytest.mark.parametrize("question, expected", [
    ("How large is each record?", ["about 1KB"]), ("How long does it take?", ["within 3 days"]),
    ("How many records are there?", ["roughly 10K records", "about 1KB", "within 3 days"]),
    ("How much memory does it need?", ["about 1KB"]),
])
def test_a_size_or_duration_question_is_answered_by_a_span_of_that_dimension(question: str,
                                                                            expected: list[str]) -> None:
    sentence = "roughly 10K records weighing about 1KB each, read within 3 days"
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in dimension_only(question, spans, sentence)] == expected


def test_a_multiple_keeps_what_it_multiplies() -> None:
    said = "The pool may need as much as twice the size of the file, and it fills 3 times as fast as it drains."
    assert [m.group(0) for m in QUANTITY.finditer(said)] == ["twice the size", "3 times as fast"]
    assert [m.group(0) for m in QUANTITY.finditer("Ring twice a day, or 5 times larger bells.")] == [
        "twice a day", "5 times larger"]  # a frequency stays one, and a multiple keeps what it compares


def test_a_percentage_question_is_answered_by_a_share_never_a_frequency() -> None:
    checked = "The gauge is read up to 10 times a second; below 10% of free water the pump starts."
    spans = candidate_spans(checked, QuestionType("quantity"))
    asked = "Below what percentage of free water does the pump start?"
    assert [checked[a:b] for a, b in dimension_only(asked, spans, checked)] == ["10%"]
    bare = "The pump starts when free water is below 10 and stops at 3 times the level."
    spans = candidate_spans(bare, QuestionType("quantity"))
    assert "3 times" not in " ".join(bare[a:b] for a, b in dimension_only(asked, spans, bare))  # a bare number, else


def test_who_holds_a_role_is_a_person_never_an_acronym_or_a_sentence() -> None:
    sentence = "The National Targeting Center, led by Ines Vale, works with CBP, not DHS."
    spans = candidate_spans(sentence, QuestionType("who"))
    asked = "Who is the director of the National Targeting Center?"
    assert [sentence[a:b] for a, b in person_only(asked, spans, sentence)] == ["National Targeting Center", "Ines Vale"]
    assert len(person_only("Who leads the effort?", spans, sentence)) == len(spans)  # no role: organisations too
    assert asks_role_holder("Who's the current maintainer of the package?")
    assert not asks_role_holder("Who leads Operation Sentinel?") and not asks_role_holder("Who is a Licensee?")


@pytest.mark.parametrize("question, named", [
    ("Who ported polkit to mozjs-102?", True), ("By whom was the first article written?", True),
    ("by who? was the very first article about python written?", True), ("Who was the guide written by?", True),
    ("Who is a Licensee?", False), ("Who can change the settings?", False), ("Who can the file be read by?", False),
])
def test_a_question_about_who_did_something_wants_a_name_active_or_passive(question: str, named: bool) -> None:
    assert wants_a_span(question, question_type(question)) is named


def test_a_duration_without_a_time_unit_is_written_with_digits_never_a_number_word() -> None:
    sentence = "You can report it in one of two ways; a name may hold 64 characters."
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in dimension_only("How long may a name be?", spans, sentence)] == ["64 characters"]
    assert len(dimension_only("How large is it?", spans, sentence)) == len(spans)  # a size may be any of them
    timed = "The timeout is five milliseconds, after 3 retries; it waited two decades."
    spans = candidate_spans(timed, QuestionType("quantity"))
    assert [timed[a:b] for a, b in dimension_only("How long is the timeout?", spans, timed)] == \
        ["five milliseconds", "two decades"]


def test_a_who_answer_never_opens_with_a_demonstrative() -> None:
    sentence = "1. This LICENSE AGREEMENT is between you and the Harbour Software Guild."
    spans = candidate_spans(sentence, QuestionType("who"))
    assert "This LICENSE AGREEMENT" in [sentence[a:b] for a, b in spans]
    assert [sentence[a:b] for a, b in person_only("Who signs it?", spans, sentence)] == ["Harbour Software Guild"]


def test_a_size_in_kbytes_is_a_size_and_a_bare_k_is_not() -> None:
    sentence = "with the default 900k block size it needs about 3700 kbytes"
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in spans] == ["900k", "about 3700 kbytes"]
    assert [sentence[a:b] for a, b in dimension_only("How much memory?", spans, sentence)] == ["about 3700 kbytes"]


def test_an_email_question_is_answered_by_an_address_and_an_online_one_by_a_url() -> None:
    sentence = "Report bugs to bug-grep@gnu.org; the list is at https://lists.gnu.org/bug-grep, see /usr/share/doc."
    spans = candidate_spans(sentence, QuestionType("place"))
    assert [sentence[a:b] for a, b in address_only("Where do I email bug reports?", spans, sentence)] == \
        ["bug-grep@gnu.org"]
    assert [sentence[a:b] for a, b in address_only("Where can I read it online?", spans, sentence)] == \
        ["https://lists.gnu.org/bug-grep"]
    assert address_only("Where are bugs reported?", spans, sentence) == spans
    assert address_only("Where is email delivered?", spans, sentence) == spans  # about e-mail, not where to write
    assert address_only("Where is the website's config file?", spans, sentence) == spans


def test_a_question_for_a_directory_or_a_file_is_answered_by_a_path_or_a_file_name() -> None:
    sentence = "Logs are kept in Harbour Gate under /var/log/gate; see https://example.org/gate or ops@example.org."
    spans = candidate_spans(sentence, QuestionType("place"))
    assert "Harbour Gate" in [sentence[a:b] for a, b in spans]
    for question in ("Which directory holds the logs?", "Which file do I read the logs in?"):
        assert [sentence[a:b] for a, b in address_only(question, spans, sentence)] == ["/var/log/gate"]
    assert address_only("Which file systems hold the logs?", spans, sentence) == spans  # no file is asked for
    terms_of = "The terms are in COPYING, the history in MIME and in NEWS."
    named = candidate_spans(terms_of, QuestionType("place"))
    assert [terms_of[a:b] for a, b in address_only("Which file holds the terms?", named, terms_of)] == [
        "COPYING", "NEWS"]  # a project's conventional files, not a name in capitals


def test_a_version_keeps_its_debian_revision() -> None:
    sentence = "Since keeper 0.29.0-1 the bell rings at noon; tide (1.6-2.1+deb12u1) fixed the clock."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("version"))] == [
        "0.29.0-1", "1.6-2.1+deb12u1"]
    for ending in ("This is keeper 0.29.0-1.", "Debian ships tide 1.6-2.1+deb12u1."):  # at a sentence's end too
        assert [ending[a:b] for a, b in candidate_spans(ending, QuestionType("version"))] == [ending.split()[-1][:-1]]
    two = "Releases 2.0-2.3 keep the old bell."  # two versions, no revision
    assert [two[a:b] for a, b in candidate_spans(two, QuestionType("version"))] == ["2.0", "2.3"]


def test_a_series_of_versions_is_a_version() -> None:
    sentence = "The keeper depends on libtide 2.x and on Python 3.11.x, available from:"
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("version"))] == ["2.x", "3.11.x"]


def test_a_snapshot_named_after_the_word_version_is_a_version() -> None:
    sentence = "As of version s20150815, the gate6 binary doesn't exist anymore; release r1234 merged it."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("version"))] == [
        "version s20150815", "release r1234"]
    plain = "The keeper reads version s2 of the tide table."  # too few digits to name a snapshot
    assert candidate_spans(plain, QuestionType("version")) == []


def test_a_digit_escaped_in_a_string_is_no_number() -> None:
    sentence = 'The log starts with the magic string "GATE-Magic\\0\\n", then 12 bytes.'
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("quantity"))] == ["12 bytes"]


def test_a_markdown_link_gives_its_url_without_brackets() -> None:
    sentence = "the official repository being located at\n[https://salsa.debian.org/apt-team/apt](https://x.org/a), " \
               "or `https://github.com/Debian/apt`, or **https://example.org/apt**."
    spans = candidate_spans(sentence, QuestionType("place"))
    assert [sentence[a:b] for a, b in spans] == ["https://salsa.debian.org/apt-team/apt", "https://x.org/a",
                                                  "https://github.com/Debian/apt", "https://example.org/apt"]


def test_an_iso_date_keeps_its_time() -> None:
    sentence = "stamps up to 2106-02-07   06:28:16 UTC, or 2020-01-05."
    spans = candidate_spans(sentence, QuestionType("date"))
    assert [sentence[a:b] for a, b in spans] == ["2106-02-07   06:28:16 UTC", "2020-01-05"]


@pytest.mark.parametrize("sentence, kind, item, expected", [
    ("It is used by Google, Yahoo, and Lucasfilm Ltd. internally", "who", 0, "Google, Yahoo, and Lucasfilm Ltd"),
    ("archives at <https://lore.kernel.org/git/>, <http://marc.info/?l=git> and other sites", "place", 1,
     "https://lore.kernel.org/git/>, <http://marc.info/?l=git"),
    ("written by Peter Bray; Colin Watson reviewed it", "who", 1, "Colin Watson"),  # clauses, not a list
    ("Peter Bray wrote it and Colin Watson tested it", "who", 0, "Peter Bray"),
    ('run "Peter Bray", "Colin Watson"', "who", 0, "Peter Bray"),  # quotes would be left unbalanced
])
def test_a_listed_answer_is_given_whole(sentence: str, kind: str, item: int, expected: str) -> None:
    spans = candidate_spans(sentence, QuestionType(kind))
    assert sentence[slice(*coordinated(sentence, spans, spans[item]))] == expected


def test_entity_spans_join_possessives_and_acronyms() -> None:
    sentence = "U.S. Customs and Border Protection's (CBP) National Targeting Center (NTC) leads this effort."
    spans = [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("who"))]
    assert spans[0] == "U.S. Customs and Border Protection's (CBP) National Targeting Center (NTC)"


def test_a_path_goes_on_after_a_wrapped_slash_and_stops_before_the_full_stop() -> None:
    sentence = "Wheels must be placed in the /\nusr/share/python-wheels directory, not in /usr/lib/python3."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("place"))] == [
        "/\nusr/share/python-wheels", "/usr/lib/python3"]
    prose = "Look in /usr/share/doc/\nand in /etc."  # a directory keeps its closing slash
    assert [prose[a:b] for a, b in candidate_spans(prose, QuestionType("place"))] == ["/usr/share/doc/", "/etc"]
    manual = "It is in /usr/share/doc/apache2-doc/manual/ or at http://localhost/manual/."
    places = [manual[a:b] for a, b in candidate_spans(manual, QuestionType("place"))]
    assert places == ["/usr/share/doc/apache2-doc/manual/", "http://localhost/manual/"]


def test_an_expansion_in_bold_is_given_without_its_markers() -> None:
    sentence = "The project takes part in a programme run by the **Open Harbour Fund** (OHF)."
    spans = candidate_spans(sentence, QuestionType("acronym", "OHF"))
    assert [sentence[a:b] for a, b in spans] == ["Open Harbour Fund"]


def test_a_name_written_as_code_can_answer_which_group() -> None:
    sentence = "There's one exception however: the `tty`\ngroup must have the GID 5."
    assert "tty" in [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("who"))]
    tools = "`libpkgconf` lets compilers and IDEs find libraries; Ariadne Conill wrote it."
    spans = candidate_spans(tools, QuestionType("who"))
    assert [tools[a:b] for a, b in spans] == ["Ariadne Conill", "libpkgconf"]  # "IDEs" is no name
    assert [tools[a:b] for a, b in person_only("Who wrote it?", spans, tools)] == ["Ariadne Conill"]
    group = "the `tty`\ngroup"
    assert person_only("Which group owns it?", candidate_spans(group, QuestionType("who")), group) != []
    assert candidate_spans("Run `make install` as root.", QuestionType("who")) == []  # a command, not a name


def test_a_called_name_and_an_opening_preposition_are_no_one() -> None:
    sentence = "Unlike SpareBuffer(), the caller of grab() must free it; Ines Vale wrote both."
    spans = candidate_spans(sentence, QuestionType("who"))
    assert [sentence[a:b] for a, b in spans] == ["SpareBuffer", "Ines Vale"]  # not "Unlike SpareBuffer"
    assert [sentence[a:b] for a, b in person_only("Who must free it?", spans, sentence)] == ["Ines Vale"]


def test_a_capital_inside_code_or_a_capitalised_small_word_is_no_name() -> None:
    sentence = "* `--enable-cache-owner[=ARG]`\n\n  By default, cache files are owned by Colin Watson."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("who"))] == ["Colin Watson"]
    nested = "* Update:\n    * Checkout your fork, then ask Yann Collet"  # an imperative opening a nested item
    assert [nested[a:b] for a, b in candidate_spans(nested, QuestionType("who"))] == ["Yann Collet"]


def test_a_month_is_a_date_not_a_name() -> None:
    sentence = "libpng versions 0.5, May 1995, through 0.88, January 1996, are\nCopyright (c) 1995 Guy Eric Schalnat."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("who"))] == ["Copyright",
                                                                                          "Guy Eric Schalnat"]


def test_a_named_version_answers_when_a_program_changed() -> None:
    sentence = "The ENGINE API was introduced in OpenSSL version 0.9.6 as a low level interface."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("date"))] == ["version 0.9.6"]
    assert candidate_spans("It needs zlib 1.2.11 or later.", QuestionType("date")) == []  # a bare number: no
    changes = "added: v0.1.29"
    assert [changes[a:b] for a, b in candidate_spans(changes, QuestionType("date"))] == ["v0.1.29"]
    added = "The `ensurepip` module was added to the standard library in Python 3.4."
    assert [added[a:b] for a, b in candidate_spans(added, QuestionType("date"))] == ["3.4"]  # after a name
    assert candidate_spans("The licenses granted in Section 2.1 take effect", QuestionType("date")) == []
    released = "Version 1.1-update2 came after 2.0-rc.1, in 3.4-style code"  # a pre-release or update is part of it
    assert [released[a:b] for a, b in candidate_spans(released, QuestionType("version"))] == [
        "Version 1.1-update2", "2.0-rc.1", "3.4"]
    named = "Gentium Release 1.03, after release 2"
    assert [named[a:b] for a, b in candidate_spans(named, QuestionType("version"))] == ["Release 1.03", "release 2"]


def test_a_number_inside_a_host_name_is_no_quantity_and_a_bare_fraction_of_a_second_is_one() -> None:
    sentence = "It uses `time[1-4].google.com`, which can be up to .5s off, or 2s at most."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("quantity"))] == ["up to .5s", "2s"]
    decade = "in the 1990s"
    assert [decade[a:b] for a, b in candidate_spans(decade, QuestionType("quantity"))] == ["1990"]  # not seconds


def test_a_number_that_opens_a_file_name_or_a_quoted_name_is_no_quantity() -> None:
    sentence = "'000-default.conf' is the default host; name it '000-default' so that it sorts first, for 30-day logs."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("quantity"))] == ["30"]


def test_a_manual_section_is_no_quantity_and_a_lone_year_does_not_count() -> None:
    sentence = "See adduser.conf(5) and useradd(8); 2004, Oliver Elphick; 5 users"
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in spans] == ["2004", "5 users"]
    assert [sentence[a:b] for a, b in counts_only("How many users?", spans, sentence)] == ["5 users"]
    assert counts_only("What is the number?", spans, sentence) == spans  # a value may be any number


def test_a_share_does_not_count_how_many_unless_the_question_asks_for_one() -> None:
    sentence = "The keepers rang 40 bells at dawn, a 300% rise, and 12 percent more at dusk."
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in counts_only("How many bells were rung?", spans, sentence)] == ["40 bells"]
    for asks_a_share in ("How many percent more bells were rung?", "How many times more bells were rung?"):
        assert counts_only(asks_a_share, spans, sentence) == spans
    assert counts_only("How much did the ringing rise?", spans, sentence) == spans  # no "how many"


def test_a_size_is_never_below_zero_and_the_pronoun_one_counts_nothing() -> None:
    sentence = "One can use xz -9 with 6 MiB blocks, and returns -1 on error."
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in spans] == ["-9", "6 MiB", "-1"]  # "One can": the pronoun
    assert [sentence[a:b] for a, b in counts_only("How big are the blocks?", spans, sentence)] == ["6 MiB"]
    assert counts_only("What value does it return on error?", spans, sentence) == spans  # a value may be negative


def test_a_word_inside_a_quoted_term_is_no_one() -> None:
    sentence = 'The maintainer sends the "What\'s cooking" reports, as Ines Vale said.'
    spans = candidate_spans(sentence, QuestionType("who"))
    assert "What's" in [sentence[a:b] for a, b in spans]
    assert [sentence[a:b] for a, b in person_only("Who sends those reports?", spans, sentence)] == ["Ines Vale"]
    for kept in ('"author": "Ines Vale <ines@example.org>"',  # an address, not a term
                 'The 3.5" drive was written by Ines Vale for the "floppy" subsystem.'):  # an inch mark
        spans = candidate_spans(kept, QuestionType("who"))
        assert "Ines Vale" in [kept[a:b] for a, b in person_only("Who wrote it?", spans, kept)], kept


def test_names_beyond_ascii_are_whole_and_a_qualified_acronym_is_no_one() -> None:
    sentence = "It is maintained by Björn Esser and Łukasz Nowak; the canonical repository URL is listed by the FSF."
    spans = candidate_spans(sentence, QuestionType("who"))
    assert [sentence[a:b] for a, b in spans] == ["Björn Esser and Łukasz Nowak", "URL", "FSF"]
    kept = person_only("Who maintains it?", spans, sentence)
    assert [sentence[a:b] for a, b in kept] == ["Björn Esser and Łukasz Nowak", "FSF"]


def test_a_handle_is_someone_but_an_e_mail_address_is_not_one() -> None:
    sentence = ("v1 was kept by [@bitinn](https://github.com/bitinn); v2 by [@TimothyGu](x), write to Bram@vim.org; "
                "npm i @types/node, @decorate(x), logo@2x.")
    spans = candidate_spans(sentence, QuestionType("who"))
    assert [sentence[a:b] for a, b in spans] == ["@bitinn", "@TimothyGu"]  # no scope, call or image size


def test_a_question_for_a_month_or_a_year_is_answered_by_a_date_that_names_one() -> None:
    sentence = "Since 1991 it has run; it began again in April, and on 5 May 2023."
    spans = candidate_spans(sentence, QuestionType("date"))
    assert [sentence[a:b] for a, b in dated_only("In which month did it begin?", spans, sentence)] == [
        "April", "5 May 2023"]
    assert [sentence[a:b] for a, b in dated_only("In what year did it start?", spans, sentence)] == [
        "1991", "5 May 2023"]
    assert dated_only("When did it start?", spans, sentence) == spans
    title = "Sample License - Version 1.0 - August 17th, 2003"
    dated = candidate_spans(title, QuestionType("date"))
    assert [title[a:b] for a, b in dated] == ["August 17th, 2003", "Version 1.0"]
    assert [title[a:b] for a, b in dated_only("When was it published?", dated, title)] == ["August 17th, 2003"]
    added = "Engine support was added in OpenSSL version 0.9.6, which you may use today."
    spans = candidate_spans(added, QuestionType("date"))
    assert dated_only("When was engine support added?", spans, added) == spans  # "today" has no year: both stay
    named = "Lockkeeper 1.19.1 is a bugfix release."
    spans = candidate_spans(named, QuestionType("date"))
    assert [named[a:b] for a, b in spans] == ["Lockkeeper 1.19.1"[11:]]
    assert dated_only("When did Lockkeeper 2.1.3 come out?", spans, named) == []  # it names the release it dates
    for asked in ("When did they release Lockkeeper 2.1.3?", "What is the release date of Lockkeeper 2.1.3?",
                  "When did Lockkeeper 2.1.3 ship?"):
        assert dated_only(asked, spans, named) == [], asked
    dropped = "Version 2.0 dropped support for Python 3.8."
    spans = candidate_spans(dropped, QuestionType("date"))  # a version names something else: a release answers
    assert "Version 2.0" in [dropped[a:b] for a, b in dated_only("When was support for Python 3.8 removed?", spans,
                                                                  dropped)]
    iso = "Released 2019-05-03, the 1990s code was gone."
    spans = candidate_spans(iso, QuestionType("date"))
    assert [iso[a:b] for a, b in dated_only("In which month was it released?", spans, iso)] == ["2019-05-03"]
    assert [iso[a:b] for a, b in dated_only("In which year was it released?", spans, iso)] == ["2019-05-03", "1990s"]


def test_a_question_about_where_a_range_of_dates_ends_or_starts_takes_that_end() -> None:
    kept = "Anna Berg kept the harbour gate from 1998 to 2011, and the bell since 2004."
    spans = candidate_spans(kept, QuestionType("date"))

    def dated(question: str) -> list[str]:
        return [kept[a:b] for a, b in dated_only(question, spans, kept)]

    assert dated("Until which year did Anna Berg keep the gate?") == ["2011", "since 2004"]
    assert dated("When did Anna Berg stop keeping the gate?") == ["2011", "since 2004"]
    assert dated("Since when did Anna Berg keep the gate?") == ["1998", "since 2004"]
    assert dated("In which year did Anna Berg keep the gate?") == ["1998", "2011", "since 2004"]  # no end asked
    assert dated("What years did Anna Berg keep the gate?") == ["1998 to 2011", "since 2004"]  # the whole range
    chain = "Copyright 2004-2010-2019 Harbour Guild."
    years = candidate_spans(chain, QuestionType("date"))
    assert [chain[a:b] for a, b in dated_only("What years does it cover?", years, chain)] == ["2004-2010-2019"]
    notice = "Copyright (c) 2000-2006, The Harbour Foundation."
    years = candidate_spans(notice, QuestionType("date"))
    assert [notice[a:b] for a, b in dated_only("What years does the notice cover?", years, notice)] == ["2000-2006"]


def test_a_term_the_sentence_defines_in_quotes_is_no_one() -> None:
    sentence = 'It applies to any work (the "Original Work") whose owner, Lawrence Rosen, licenses the Original Work.'
    spans = person_only("Who owns it?", candidate_spans(sentence, QuestionType("who")), sentence)
    assert [sentence[a:b] for a, b in spans] == ["Lawrence Rosen"]


def test_a_name_goes_on_over_a_line_break_and_a_justified_gap_but_not_over_a_blank_line() -> None:
    wrapped = "The python version was created by\t Anna\n       Berg."
    assert [wrapped[a:b] for a, b in candidate_spans(wrapped, QuestionType("who"))] == ["Anna\n       Berg"]
    justified = "The  first  keeper  was  Anna  Berg."
    assert [justified[a:b] for a, b in candidate_spans(justified, QuestionType("who"))] == ["Anna  Berg"]
    listed = "Kept by:\n    Anna Berg\n    Carl Dunn"  # a list: a name on each line
    assert [listed[a:b] for a, b in candidate_spans(listed, QuestionType("who"))] == ["Anna Berg", "Carl Dunn"]
    going_on = "Written by Anna Berg\n       Please report bugs to the keeper."  # the next line opens a sentence
    assert next(going_on[a:b] for a, b in candidate_spans(going_on, QuestionType("who"))) == "Anna Berg"


def test_in_a_sentence_written_in_capitals_a_capital_names_no_one() -> None:
    shouted = 'THE PROGRAM IS PROVIDED UNDER THE TERMS OF THIS ECLIPSE PUBLIC LICENSE ("AGREEMENT").'
    assert candidate_spans(shouted, QuestionType("who")) == []
    assert candidate_spans("It was written by Lawrence Rosen.", QuestionType("who")) != []


def test_a_numbered_part_of_a_text_is_a_place_in_it() -> None:
    sentence = "The term of this Public License is specified in Section\n   6(a), and see Article 11."
    places = [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("place"))]
    assert "Section\n   6(a)" in places and "Article 11" in places


def test_a_decade_and_part_of_a_year_are_dates() -> None:
    sentence = "The packages forked in the mid-1990s, were rewritten in the 2010s and, as of mid-2018, in 2012."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("date"))] == [
        "mid-1990s", "2010s", "mid-2018", "in 2012"]


@pytest.mark.parametrize("sentence, expected", [
    ("you can redistribute it under the terms of the MIT License.", ["MIT License"]),
    ("Copyright 2021 FSF, Inc. License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.",
     ["GPLv3+", "GNU GPL version 3 or later"]),
    ("released under the GNU Lesser General Public License version 2.1 or later; tools under GPL v3.",
     ["GNU Lesser General Public License version 2.1 or later", "GPL v3"]),
    ("This License applies to any program. The License grants you rights.", []),  # no licence named
    ("License", []),  # a heading
    ("must be a Creative Commons\n   license with the same elements, or a BY-SA Compatible License.",
     ["Creative Commons\n   license", "BY-SA Compatible License"]),
    ("granting rights under this Public License and the OpenLDAP Public License.", ["OpenLDAP Public License"]),
    ("The logo is licensed under a [Creative Commons Attribution-ShareAlike 4.0 International License](https://x).",
     ["Creative Commons Attribution-ShareAlike 4.0 International License"]),  # a version inside the name
    ("See Section 2.1 License Grant and Version 1.1 License Terms.", []),  # a part's number is not in a name
    ("under version 2 or greater of the GNU GPL.", ["version 2 or greater of the GNU GPL"]),  # the version first
    ("under the terms of version 2 of the Public License", []),  # a version first names no licence
])
def test_a_license_is_named_with_its_version(sentence: str, expected: list[str]) -> None:
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("license"))] == expected


def test_a_reference_to_a_table_section_or_citation_is_no_answer() -> None:
    sentence = "As table 3 shows, 4 streams win (section 4.11), found by Sarwate [Sar88] and Black [Bla93] [GGO+10]."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("quantity"))] == ["4 streams"]
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("who"))] == ["Sarwate", "Black"]


def test_a_port_is_a_whole_number_not_an_address() -> None:
    sentence = "allow UDP traffic to the multicast address `224.0.0.251` on port 5353."
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert [sentence[a:b] for a, b in dimension_only("Which port must I open?", spans, sentence)] == ["5353"]
    words = "By having two separate versions installed"
    assert dimension_only("What port does it use?", candidate_spans(words, QuestionType("quantity")), words) == []


def test_an_amount_of_memory_is_a_size_or_a_bare_number_never_a_count_of_times() -> None:
    slower = "It runs 20 to 30 times slower, in 64 of memory"
    spans = candidate_spans(slower, QuestionType("quantity"))
    assert [slower[a:b] for a, b in dimension_only("How much memory does it use?", spans, slower)] == ["64"]
    assert dimension_only("How big is it?", spans, slower) == spans  # a size may be given as anything


def test_a_path_may_start_at_a_home_directory_or_a_variable() -> None:
    sentence = "* `$HOME/.postgresqlrc`: per-user preferences; see ~/.profile, ${prefix}/lib, not $5/month."
    assert [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("place"))] == [
        "$HOME/.postgresqlrc", "~/.profile", "${prefix}/lib"]
    assert is_address("~/.profile") and is_address("$HOME/.postgresqlrc") and not is_address("HOME")


def test_an_address_may_end_in_the_file_the_question_names(writable) -> None:
    page = ("# get-pip.py\n\nA script that installs pip.\n\n"
            "- Download the script, from <https://example.org/get-pip.py>.\n")
    writable.add_document(FileUpload("get-pip.md", "text/markdown", page.encode()))
    answer = writable.ask("Where can I download get-pip.py?", threshold=0.0).answer
    assert answer is not None and answer.text == "https://example.org/get-pip.py"


@pytest.mark.parametrize("question, kind", [
    ("What does JTFA stand for?", "acronym"), ("What is the maximum value of X?", "quantity"),
    ("Is gzip faster than bzip2?", "yesno"),
    ("Why was Python created?", "reason"), ("How do I decompress a file?", "manner"),
    ("What is Operation Sentinel?", "definition"), ("Which version added the option?", "version"),
    ("What kind of tool is locker?", "definition"), ("Which type of gate opens first?", "description"),
    ("In what unit is the timeout given?", "description"), ("Which unit leads the harbour watch?", "who"),
    ("Who is the harbor master?", "who"), ("How long do I have to report it?", "quantity"),
    ("Which gzip version added the option?", "version"), ("In what libtasn1 release was it fixed?", "version"),
    ("What does the release say?", "description"), ("Which release notes mention it?", "description"),
    ("What uid does www-data have?", "quantity"), ("What about version 1.6?", "description"),
    ("What should version 2 users do?", "description"),
    ("What does the CDDL license short name stand for?", "acronym"), ("When does DHS plan to stand up a unit?", "date"),
    ("How does the GPL treat short excerpts?", "manner"),
    ("What does the LPPL short name mean?", "acronym"), ("What is the log level?", "definition"),
    ("What did the original name of the editor, TIP, stand for?", "acronym"),  # the acronym set apart by commas
    ("Which standard did the harbour adopt for TIP?", "description"), ("What did QRS stand for?", "acronym"),
    ("When did the name, PINE, stand for a mailer?", "date"),
    ("What does ncdu stand for?", "acronym"), ("what does it stand for?", "description"),  # a name in lower case too
    ("What is zstd short for?", "definition"),  # a clipped word ("Zstandard") more often than initials
    ("Who is a Licensee?", "definition"), ("Who is a member of the team that leads it?", "who"),
    ("What are the high level goals of the campaign?", "definition"), ("What is the buffer size?", "quantity"),
    ("What is the default compression level of gzip?", "quantity"), ("what's the maximum line length?", "quantity"),
    ("What is the default maximum command line length in xargs?", "quantity"),
    ("What is the maximum number of closures libffi allows?", "quantity"),
    ("What is the two-label limit heuristic?", "definition"),  # the limit names a heuristic, no count
    ("Which minimum Meson version is required?", "version"), ("What is the highest compression level?", "quantity"),
    ("What is the latest pkgconf release?", "version"), ("What is the latest release notes file?", "definition"),
    ("Which port does the IRC server use?", "quantity"), ("What port does it listen on?", "quantity"),
    ("Which license is libxml2 under?", "license"), ("What licence is nss-mdns distributed under?", "license"),
    ("Under which license exception can wrk be exported?", "description"), ("What license terms apply?", "description"),
    ("What is the yaml maintainer's email address?", "place"), ("What's their contact address?", "place"),
    ("What is the email policy?", "definition"), ("What is the address space limit?", "quantity"),
    ("What years does the copyright notice cover?", "date"), ("Which dates are holidays?", "date"),
    ("On which TCP port does the scache server listen?", "quantity"), ("What default port is used?", "quantity"),
    ("Whats the license of pv?", "license"), ("What is the licence for the fonts?", "license"),
    ("What is the license grant?", "definition"), ("What is the license for?", "definition"),
    ("What is the license of use of the docks?", "definition"),
])
def test_more_question_kinds(question: str, kind: str) -> None:
    assert question_type(question).name == kind


@pytest.mark.parametrize("sentence, thanked", [
    ("- Faster start-up (thanks to @rpm-maint)", ["@rpm-maint"]),
    ("- A Docker build (thanks, kpankonen!)", ["kpankonen"]),
    ("Start-up is faster, thanks to caching.", []), ("No thanks, really.", []), ("A fix, thanks to kpankonen.", []),
])
def test_a_credit_thanks_a_handle_only_where_a_credit_closes_or_an_at_sign_marks_it(sentence: str,
                                                                                   thanked: list[str]) -> None:
    spans = candidate_spans(sentence, QuestionType("who"))
    assert [sentence[a:b] for a, b in spans if sentence[a:b][0].islower() or sentence[a:b][0] == "@"] == thanked


@pytest.mark.parametrize("question, kind, expected", [
    ("What licence did the harbour kit switch to in 2015?", "license", "GPLv3"),  # the value it changed to
    ("Which licence does the harbour kit use?", "license", "GPLv3"),
    ("What licence was it under before that?", "license", "AGPLv3"),  # looking back: the value it changed from
    ("Which licence did it switch from?", "license", "AGPLv3"),
    ("Which licence was it relicensed from?", "license", "AGPLv3"),
])
def test_of_a_change_from_one_value_to_another_the_new_one_answers_unless_the_question_looks_back(
        question: str, kind: str, expected: str) -> None:
    sentence = "- The harbour kit's license has changed from AGPLv3 to GPLv3."
    spans = changed_value_asked(question, candidate_spans(sentence, QuestionType(kind)), sentence)
    assert [sentence[a:b] for a, b in spans] == [expected]


def test_two_values_that_no_change_joins_are_both_kept() -> None:
    sentence = "Released under the AGPLv3 or, at your option, under GPLv3."
    spans = candidate_spans(sentence, QuestionType("license"))
    assert changed_value_asked("Which licence did it switch to?", spans, sentence) == spans
    sentence = "Binaries from AGPLv3 to GPLv3 builds are listed."  # "from ... to" with no change said
    spans = candidate_spans(sentence, QuestionType("license"))
    assert changed_value_asked("Which licence does it use?", spans, sentence) == spans
    sentence = "Changed: supported Python versions now range from 3.8 to 3.12."  # the verb in another clause
    spans = candidate_spans(sentence, QuestionType("version"))
    assert changed_value_asked("What is the oldest supported version?", spans, sentence) == spans


@pytest.mark.parametrize("sentence, kind, acronym, expected", [
    ("at least three years after the release", "quantity", None, ["at least three years"]),
    ("must reply within 72 hours of a report", "quantity", None, ["within 72 hours"]),
    ("HSI has deployed more than 700 additional personnel", "quantity", None, ["more than 700 additional personnel"]),
    # either of two numbers is one estimate: a share, a number word, a decimal
    ("WAL might be 1% or 2% slower than before.", "quantity", None, ["1% or 2%"]),
    ("It takes one or two days.", "quantity", None, ["one or two days"]),
    ("The job reads 2.5 or 3.5 MB a second.", "quantity", None, ["2.5 or 3.5 MB a second"]),
    ("released on 13 November 2022 as version 1.5.7", "date", None, ["13 November 2022"]),
    ("The job runs daily at 6:25 am, the backup at 03:00 UTC.", "date", None, ["6:25 am", "03:00 UTC"]),
    ("The gate opens at 10 p.m. or at midnight, never at 5pm.", "date", None, ["10 p.m.", "midnight", "5pm"]),
    ("Released 2020-11-20 14:05 UTC; the gate shuts at 10:00 PM.", "date", None, ["2020-11-20 14:05 UTC", "10:00 PM"]),
    ("Use WPA (Wi-Fi Protected Access) here.", "acronym", "WPA", ["Wi-Fi Protected Access"]),  # "Wi-Fi" as one word
    ("ACLs (access control lists) are kept.", "acronym", "ACL", ["access control lists"]),  # a plural acronym
    ("libpipeline 1.5.4 requires Autoconf >= 2.64", "version", None, ["1.5.4", "2.64"]),
    ("Python versions 2.1 and newer, or GPL version 2 or later", "version", None, ["2.1 and newer",
                                                                                  "version 2 or later"]),
    ("| LPPL | LaTeX Project Public License 1.3c. |", "acronym", "LPPL", ["LaTeX Project Public License"]),
    ("3. Joint Task Force Alpha (JTFA): a taskforce", "acronym", "JTFA", ["Joint Task Force Alpha"]),
    # a letter from inside a word, a long form in lower case, after the acronym or before it
    ("Specifies the available KEX (Key Exchange) algorithms.", "acronym", "KEX", ["Key Exchange"]),
    ("Lists the MAC (message authentication code) algorithms.", "acronym", "MAC", ["message authentication code"]),
    ("every harbour keeps a tide gauge record (TGR) daily", "acronym", "TGR", ["tide gauge record"]),
    (" * Various fixes, mostly suggested by Peter Bray.", "who", None, ["Peter Bray"]),  # a bullet opens it
    # a credit in release notes names who was thanked, a handle in lower case too, and "thanks to" no place
    ("- A Docker build (thanks, kpankonen!)", "who", None, ["Docker", "kpankonen"]),
    ("- Fixed the parser (thanks to Antoine Rouyer)", "who", None, ["Antoine Rouyer"]),
    # a word that opens a clause is no name, wherever the clause starts ("9.2 When I start ...")
    ("9.2 When I start Midnight Commander, nothing happens!", "who", None, ["Midnight Commander"]),
    ("The licence may be revised by The Perl Foundation.", "who", None, ["The Perl Foundation"]),  # a name's "The"
    ("Users have reported corrupted databases since June of 2013.", "date", None, ["June of 2013"]),
    ("ncdu (NCurses Disk Usage) is a disk usage analyzer", "acronym", "ncdu", ["NCurses Disk Usage"]),
    # a word inside a URL names no one; a Debian sign-off names the one who signed, in whatever case
    ("Kept at http://git.example.org/?p=kit.git;a=blob;hb=HEAD by Ada Quist", "who", None, ["Ada Quist"]),
    (" -- martin f. krafft <madduck@debian.org>  Wed, 13 May 2009", "who", None, ["martin f. krafft"]),
    (" -- Marcelo Vieira (metal) <metal@example.org>, Tue, 12 Feb 2008", "who", None, ["Marcelo Vieira"]),
    # a label before its long form, after a dash or a colon; a bracket the spelling opens is closed
    ("|NFU - new feature (user requested) |A capability not yet provided", "acronym", "NFU",
     ["new feature (user requested)"]),
    ("|RR - refactor and re-engineer      |Results in", "acronym", "RR", ["refactor and re-engineer"]),
    ("| LTS: long-term support |", "acronym", "LTS", ["long-term support"]),
    # a label after a double dash; a word in capitals gives its letters ("client ID" spells CID)
    ("CID -- client ID.", "acronym", "CID", ["client ID"]),
    ("The QRS, which stood for quick reply service, was renamed.", "acronym", "QRS", ["quick reply service"]),
    # "is an abbreviation for" says what "stands for" says, the long form in quotes or not
    ('MD is an abbreviation for "multiple device" (also "multi-disk").', "acronym", "MD", ["multiple device"]),
    ("The TGR is an acronym for tide gauge record, kept daily.", "acronym", "TGR", ["tide gauge record"]),
    ("PINE (PINE Is Not Elm) is a mailer.", "acronym", "PINE", ["PINE Is Not Elm"]),  # a recursive acronym
    ("on Cloud Native Computing Foundation's (CNCF) slack", "acronym", "CNCF", ["Cloud Native Computing Foundation"]),
    # three letters or more spelt out in capitals need no mention beside them (the heading says "VCS limitations")
    ("Version Control Systems are designed to manage source code.", "acronym", "VCS", ["Version Control Systems"]),
    ("This idiom is called Decorate-Sort-Undecorate after its steps.", "acronym", "DSU", ["Decorate-Sort-Undecorate"]),
])
def test_typed_spans_keep_units_qualifiers_and_expansions(sentence: str, kind: str, acronym: str | None,
                                                          expected: list[str]) -> None:
    spans = candidate_spans(sentence, QuestionType(kind, acronym))
    assert [sentence[a:b] for a, b in spans][:len(expected)] == expected


@pytest.mark.parametrize("sentence, acronym", [
    ("KEX (see the section below) is negotiated first.", "KEX"),  # the bracket spells nothing out
    ("Keys are exchanged (KEX) at login.", "KEX"),  # "are" is no small word and gives no letter
    ("The TGR (tide of the gauge of the record) is daily.", "TGR"),  # it spells TGR, in more words than 2 × 3
    ("Logs are kept on the Mac (MAC) daily.", "MAC"),  # the first word must give the first letter: one word is none
    ("GPL - see the file COPYING for details.", "GPL"),  # what follows the dash does not spell it
    ("NFU - new feature, whatever users ask", "NFU"),  # a word's inner letters are no initials after a dash
    ("UI: update icons for the dark theme", "UI"),  # a change log's label: the words go on past the spelling
    ("Use Interactive mode for this.", "UI"),  # two letters spelt out without the acronym beside them: chance
    ("See Server Hardening for details.", "SSH"),  # an instruction, no name
    ("Neither the Font Software nor any of its parts", "NFS"),  # a sentence's frame, no name
    ("String ID of the Lock, at 51 Franklin St, Fifth Floor", "SIL"),  # a word in capitals
    ("51 Franklin St, Fifth Floor", "FSF"),  # a mark between the words
    ("Version control systems are designed for code.", "VCS"),  # not in capitals, and no mention beside it
    # a word in capitals gives its first letter or all of them, and a long form is no name in capitals
    ("HTTP -- HTTPS", "HTTP"), ("URL -- URI list", "URL"), ("USB -- USB", "USB"), ("LGPL -- LGPL-2.1", "LGPL"),
    # a run opening with a longer word the acronym begins names something else
    ("Pine (PINE Is Not Elm) was the mailer; PIN is its old name.", "PIN"), ("Boston, MA 02110 (Mass Ave)", "MA"),
])
def test_a_bracket_beside_an_acronym_that_does_not_spell_it_out_is_no_expansion(sentence: str, acronym: str) -> None:
    assert candidate_spans(sentence, QuestionType("acronym", acronym)) == []


def test_an_acronym_is_answered_by_its_expansion(service) -> None:
    answer = service.ask("What does JTFA stand for?").answer
    assert answer is not None and answer.text == "Joint Task Force Alpha" and _slices(answer)


def test_how_many_of_a_thing_is_answered_by_a_number_of_it_not_of_another_the_question_names(service) -> None:
    counted = service.ask("How many enforcement actions have been taken against the smugglers?").answer
    assert counted is not None and counted.text.startswith("30,000")  # not "nearly 2,000 smugglers"
    assert _slices(counted)
    people = service.ask("How many people has HSI deployed to the border?").answer  # "personnel" is not named
    assert people is not None and "700" in people.text
    assert answer_module._HOW_MANY.search("How many actions against smugglers were taken?").group(1) == "actions"


def test_what_time_of_day_is_answered_by_a_time_or_withheld(writable) -> None:
    corpus_with(writable, "gates.md", "# Gates\n\nA cron job closes the outer gate each day.\n")
    assert writable.ask("At what time of day does the cron job close the outer gate?", threshold=0.0).answer is None
    corpus_with(writable, "inner-gate.md", "# Inner gate\n\nThe inner gate opens at 6:25 am.\n")
    answer = writable.ask("At what time does the inner gate open?", threshold=0.0).answer
    assert answer is not None and answer.text == "6:25 am"
    assert candidate_spans("ratios 2.887, 1:2.39.5-0, 12:30:45.5, UTC+05:30 and -p 22:22", QuestionType("date")) == []
    stamp = "The page was last modified 2022-01-20 21:38:08 UTC."
    assert [stamp[a:b] for a, b in dated_only("At what time was it modified?", candidate_spans(
        stamp, QuestionType("date")), stamp)] == ["2022-01-20 21:38:08 UTC"]  # a date and time keeps its time


def test_an_acronym_no_sentence_spells_out_is_not_answered_by_a_sentence_that_uses_it(writable) -> None:
    corpus_with(writable, "paths.md", "# Paths\n\nIf $XDG_CONFIG_HOME is not set, $HOME/.config/tide is read.\n\n"
                "The tide gauge is read at dawn.\n")
    response = writable.ask("What does XDG stand for in XDG_CONFIG_HOME?", threshold=0.0)
    assert response.answer is None and response.passages  # the sentence uses XDG and says nothing of it


def test_an_example_is_answered_with_the_rule_it_illustrates(writable) -> None:
    corpus_with(writable, "patterns.md", "# Patterns\n\nA double star between slashes matches zero or more "
                "folders. For example, \"a/**/b\" matches \"a/b\" and \"a/x/y/b\".\n\nA blank line matches "
                "nothing.\n")
    answer = writable.ask('What does "a/**/b" match?', threshold=0.0).answer
    assert answer is not None and answer.text.startswith("A double star") and answer.text.endswith('"a/x/y/b".')
    document = writable.current().corpus.documents[answer.citation.doc_id]
    assert document.text[answer.citation.start:answer.citation.end] == answer.text
    corpus_with(writable, "gauges.md", "# Gauges\n\nEach gauge is read at dawn.\n\nFor example, the outer gauge "
                "logs the tide to save the keepers a climb.\n")
    alone = writable.ask("Why does the outer gauge log the tide?", threshold=0.0).answer
    assert alone is not None and alone.text.startswith("For example")  # it opens its paragraph: no rule before it


@pytest.mark.parametrize("question", ["Who leads it?", "What does it do?", "When did that happen?",
                                      "how many of them are there?", "And where is it?"])
def test_a_question_that_only_points_back_is_not_guessed_at(service, question: str) -> None:
    assert referentless(question)
    response = service.ask(question)
    assert response.answer is None and response.passages


@pytest.mark.parametrize("question", ["Who leads Operation Sentinel?", "What is it that JTFA does?",
                                      "How many smugglers were arrested?", "Is it true that DHS leads the effort?"])
def test_a_question_naming_its_subject_is_read_alone(question: str) -> None:
    assert not referentless(question)


def test_a_how_many_question_is_never_answered_without_a_number(service) -> None:
    for question in ("How many stash houses were raided?", "How many busses were impounded?"):
        answer = service.ask(question, threshold=0.0).answer
        assert answer is None or any(c.isdigit() for c in answer.text) or re.search(
            r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b", answer.text, re.I)


def test_a_present_when_question_may_be_answered_by_a_sentence_a_date_or_number_question_not(service) -> None:
    sentence = Sentence(0, "licence", 0, 60, 0)  # "The grants take effect on the date the work is first distributed."
    sentence_only = Candidate(sentence, 1.0, 0.7, {}, None, sentence)
    corpus = service.snapshot.corpus
    assert may_answer(sentence_only, read_query(corpus, "When do the grants take effect?", None))
    assert not may_answer(sentence_only, read_query(corpus, "How many grants are there?", None))
    for point_in_time in ("When did the grants take effect?", "In what year was it copyrighted?"):
        assert not may_answer(sentence_only, read_query(corpus, point_in_time, None))  # these want a date
    assert may_answer(sentence_only, read_query(corpus, "Who may distribute the work?", None))
    assert not may_answer(sentence_only, read_query(corpus, "Who is the director of the agency?", None))  # a name
    assert not may_answer(sentence_only, read_query(corpus, "Which license is it released under?", None))
    assert not may_answer(sentence_only, read_query(corpus, "Who ported it to mozjs-102?", None))  # someone did
    heading = replace(sentence, heading=True)
    assert not may_answer(replace(sentence_only, sentence=heading, support=heading),
                          read_query(corpus, "When do the grants take effect?", None))  # a heading never answers
    assert may_answer(replace(sentence_only, sentence=heading),  # but the sentence it heads may
                      read_query(corpus, "When do the grants take effect?", None))


SERVE_PAGE = ("# Serving\n\nRun the development server:\n\n```\n$ serve --app hello run\n * Running on "
              "http://127.0.0.1:5000/\n```\n\nDo not use the development server in production.\n")


def test_program_text_never_answers_a_yes_no_question(writable) -> None:
    corpus, doc_id = corpus_with(writable, "serving.md", SERVE_PAGE)
    session = sentence_starting(corpus, doc_id, "```")
    assert answer_module._marked_up_code(corpus, session)
    assert not answer_module._marked_up_code(corpus, sentence_starting(corpus, doc_id, "Do not use"))
    shown = Candidate(session, 1.0, 0.7, {}, None, session, program_text=True)
    assert not may_answer(shown, read_query(corpus, "Can I use serve run in production?", None))
    assert may_answer(shown, read_query(corpus, "How do I run the development server?", None))
    assert may_answer(replace(shown, program_text=False), read_query(corpus, "Can I use serve run in production?",
                                                                      None))
    answer = writable.ask("Can I use serve --app hello run in production?", threshold=0.0).answer
    assert answer is not None and answer.text == "Do not use the development server in production."


def test_the_score_is_a_probability_and_passages_follow_the_answer(service) -> None:
    response = service.ask("Which department leads the Financial Disruption pillar?")
    answer = response.answer
    assert answer is not None and 0.0 < answer.score < 1.0 and "Treasury Department" in answer.text
    first = response.passages[0].citation
    assert first.start <= answer.citation.start and answer.citation.end <= first.end  # the answering passage first


def test_a_sentence_answer_may_take_in_the_sentence_that_completes_it(service) -> None:
    response = service.ask("What do the law enforcement actions include?")
    assert response.answer is not None and "raiding stash houses" in response.answer.text
    assert _slices(response.answer) and _slices(response.answer.sentence)


def test_a_named_source_is_matched_against_titles_not_against_the_answering_sentence(service) -> None:
    query = read_query(service.snapshot.corpus, "According to the DHS press release, who leads Operation Sentinel?",
                       None)
    assert "releas" not in " ".join(query.asked) and any(t.startswith("releas") for t in query.naming)
    assert any(t.startswith("sentinel") for t in query.asked)
    plain = read_query(service.snapshot.corpus, "In 2023, who led Operation Sentinel?", None)
    assert plain.asked == plain.naming  # "In 2023" is no source
    closing = read_query(service.snapshot.corpus, "Who leads Operation Sentinel in the DHS smuggling campaign?", None)
    assert "campaign" not in closing.asked and "campaign" in closing.naming and "sentinel" in closing.asked
    place = read_query(service.snapshot.corpus, "Who leads Operation Sentinel in Mexico?", None)
    assert place.asked == place.naming  # every word of a source is in a title or file name; "Mexico" is not


def _heading_and_corpus(writable, markdown: str, heading_text: str) -> tuple:
    """(heading sentence, corpus) once `markdown` is among the documents."""
    corpus, _ = corpus_with(writable, "sections.md", markdown)
    heading = next(s for s in corpus.sentences if corpus.sentence_text(s) == heading_text)
    assert heading.heading
    return heading, corpus


def test_what_a_heading_names_is_answered_by_the_sentence_it_heads(writable) -> None:
    glossary = ("# Menu sections\n\n## Applications/Accessibility\n\nTools to aid people with disabilities.\n\n"
                "## Games/Tools\n\nServer browsers, configurators and editors.\n")
    heading, corpus = _heading_and_corpus(writable, glossary, "Applications/Accessibility")
    unit = answer_unit(corpus, heading, read_query(corpus, "What is the Applications/Accessibility section?", None))
    assert corpus.sentence_text(unit.support) == "Tools to aid people with disabilities."
    answer = writable.ask("What is the Applications/Accessibility section?", threshold=0.0).answer
    assert answer is not None and answer.text == "Tools to aid people with disabilities."


def test_a_when_question_no_date_answers_is_answered_by_the_sentence_a_heading_heads(writable) -> None:
    events = ("# Class: Valve\n\n## Instance Events\n\n### Event: `'flush'`\n\nEmitted when the buffer is empty.\n\n"
              "### Event: `'jam'`\n\nEmitted when a part sticks.\n")
    heading, corpus = _heading_and_corpus(writable, events, "Event: `'flush'`")
    unit = answer_unit(corpus, heading, read_query(corpus, "When is the flush event emitted?", None))
    assert corpus.sentence_text(unit.support) == "Emitted when the buffer is empty."
    past = answer_unit(corpus, heading, read_query(corpus, "When was the flush event added?", None))
    assert past.support == heading  # a past "when" wants a date: no sentence answers it


def test_a_why_question_takes_in_the_next_sentence_when_it_gives_the_reason(writable) -> None:
    page = ("# Reading input\n\nWe check for the end of the file with feof() instead of counting the bytes read. "
            "The reason is that a file whose length is an exact multiple of the buffer would be missed. "
            "The buffer holds 16K bytes.\n")
    writable.add_document(FileUpload("zpipe.md", "text/markdown", page.encode()))
    corpus = writable.snapshot.corpus
    first, reason, size = (next(s for s in corpus.sentences if corpus.sentence_text(s).startswith(opening))
                           for opening in ("We check", "The reason", "The buffer"))
    why = read_query(corpus, "Why does it use feof() instead of counting the bytes?", None)
    assert completed_by(corpus, first, reason, why)
    assert not completed_by(corpus, reason, size, why)  # no reason opens it
    assert not completed_by(corpus, first, reason, read_query(corpus, "What does it use feof() for?", None))


def test_a_sentence_that_only_says_what_the_question_asks_takes_in_the_next(writable) -> None:
    page = ("# Keys\n\nKey forwarding should be enabled with caution.  Anyone holding the handed-on key can open "
            "the gate.  Keys are cut by the keeper.\n")
    writable.add_document(FileUpload("keys.md", "text/markdown", page.encode()))
    corpus = writable.snapshot.corpus
    caution, anyone, cut = (next(s for s in corpus.sentences if corpus.sentence_text(s).startswith(opening))
                            for opening in ("Key forwarding", "Anyone holding", "Keys are cut"))
    why = read_query(corpus, "Why should key forwarding be enabled with caution?", None)
    assert completed_by(corpus, caution, anyone, why)
    assert not completed_by(corpus, anyone, cut, why)  # it says more than the question
    assert not completed_by(corpus, caution, anyone, read_query(corpus, "What should be enabled with caution?", None))


def test_a_how_question_takes_in_the_command_shown_after_the_prose(writable) -> None:
    page = ("# Symlink\n\nTo make pkg-config run pkgconf, install a symlink.\n\n"
            "    $ ln -sf pkgconf /usr/bin/pkg-config\n\nVendors decide this themselves.\n\nIt is not done for you.\n")
    writable.add_document(FileUpload("symlink.md", "text/markdown", page.encode()))
    corpus = writable.snapshot.corpus
    prose, command, vendors = (next(s for s in corpus.sentences if corpus.sentence_text(s).startswith(opening))
                               for opening in ("To make", "$ ln", "Vendors"))
    assert follower(corpus, prose) == command
    assert follower(corpus, vendors) is None  # prose after prose in another block: no follower
    how = read_query(corpus, "How do I make pkg-config run pkgconf?", None)
    assert completed_by(corpus, prose, command, how)
    assert not completed_by(corpus, prose, command, read_query(corpus, "What does a symlink do?", None))


def test_a_how_question_takes_in_the_command_shown_after_a_paragraph_of_prose(writable) -> None:
    page = ("# Symlink\n\nTo make pkg-config run pkgconf, install a symlink. Vendors decide this themselves.\n\n"
            "    $ ln -sf pkgconf /usr/bin/pkg-config\n\nThe `pkg-config` name is kept. Run `pkgconf` as it is.\n\n"
            "    $ pkgconf --version\n")
    corpus, doc_id = corpus_with(writable, "symlink.md", page)
    prose, vendors, command, kept, run = (sentence_starting(corpus, doc_id, opening)
                                          for opening in ("To make", "Vendors", "$ ln", "The `pkg", "Run `pkg"))
    how = read_query(corpus, "How do I make pkg-config run pkgconf?", None)
    assert features_module.through_the_command_shown(corpus, prose, vendors, how) == command
    # prose that writes code ("Run `pkgconf` ...") has no command for a follower: nothing more
    assert features_module.through_the_command_shown(corpus, kept, run, how) == run
    what = read_query(corpus, "What does a symlink do?", None)  # no how-question: the prose alone
    assert features_module.through_the_command_shown(corpus, prose, vendors, what) == vendors
    assert features_module.through_the_command_shown(corpus, prose, prose, how) == prose  # the next is prose


def test_prose_pointing_at_the_following_takes_in_the_block_it_points_at(writable) -> None:
    page = ("# Examples\n\nIn a shell, the following will store the tide height in a variable.\n\n"
            "    tide = base + 2 * swell\n\nThe following day the harbour closed.\n\n    closed\n")
    writable.add_document(FileUpload("tides.md", "text/markdown", page.encode()))
    corpus = writable.snapshot.corpus
    prose, line, day = (next(s for s in corpus.sentences if corpus.sentence_text(s).startswith(opening))
                        for opening in ("In a shell", "tide =", "The following day"))
    assert follower(corpus, prose) == line
    assert follower(corpus, day) is None  # "the following day" points at no block
    answer = writable.ask("How do I store the tide height in a shell variable?", threshold=0.0).answer
    assert answer is not None and answer.text.endswith("tide = base + 2 * swell")


def test_a_heading_over_program_text_is_answered_from_its_section(writable) -> None:
    page = ("<h1>Module gate</h1><h3>Function: gateAllow</h3>"
            "<pre>int\tgateAllow\t(gatePrefsPtr sec, const char * value)</pre>"
            "<p>Function used to always allow an operation</p><table><tr><td>sec:</td><td>the block to use</td>"
            "</tr><tr><td>Returns:</td><td>1 always</td></tr></table><h3>Function: gateForbid</h3>"
            "<pre>int\tgateForbid\t(gatePrefsPtr sec)</pre><p>Function used to always forbid an operation</p>"
            "<table><tr><td>Returns:</td><td>0 always</td></tr></table>")
    corpus, query, candidates = scored(writable, FileUpload("gate.html", "text/html", page.encode()),
                                       "What does gateAllow return?")
    heading = next(c for c in candidates if corpus.sentence_text(c.sentence) == "Function: gateAllow")
    assert corpus.sentence_text(heading.support).startswith("int\tgateAllow")  # the signature it heads
    eligible = [c for c in candidates if may_answer(c, query)]
    chosen = answer_module._in_section(corpus, heading, eligible)
    assert corpus.sentence_text(chosen.support) == "Returns:\t1 always" and chosen.score == heading.score


@pytest.mark.parametrize("heading, names", [
    ("Function: xsltSecurityForbid", True), ("Section 5 -- Disclaimer of Warranties.", True), ("Option --keep", True),
    ("OPTIONS", False), ("EXIT STATUS", False), ("Function reference", False),
    ("Class: AbortError", True), ("Event: `ClientError`", True), ("Class: Headers", False),  # "What error ...?"
])
def test_a_heading_names_one_thing_of_a_kind_by_a_name_or_number_after_it(heading: str, names: bool) -> None:
    kind = frozenset({"function", "section", "option", "exit", "error"})
    assert names_one_of(heading, kind) is names


def test_a_which_question_is_answered_with_the_heading_that_names_the_thing(writable) -> None:
    page = ("<h1>Module gate</h1><h3>Function: gateAllow</h3><pre>int\tgateAllow\t(gatePrefsPtr sec)</pre>"
            "<p>Function used to always allow an operation</p><h3>Function: gateForbid</h3>"
            "<pre>int\tgateForbid\t(gatePrefsPtr sec)</pre><p>Function used to always forbid an operation</p>")
    writable.add_document(FileUpload("gate.html", "text/html", page.encode()))
    answer = writable.ask("Which function always forbids an operation?").answer
    assert answer is not None and answer.text.startswith("Function: gateForbid")
    assert answer.text.endswith("Function used to always forbid an operation")


def test_the_heading_that_names_the_thing_is_found_past_the_label_under_it(writable) -> None:
    writable.add_document(api_entry("Class: AbortError", "An Error thrown when the request is aborted by its signal."))
    answer = writable.ask("What error is thrown when a request is aborted?").answer
    assert answer is not None and answer.text.startswith("Class: AbortError")


def test_a_list_entry_documents_the_name_set_off_at_its_start(writable) -> None:
    corpus, doc_id = corpus_with(writable, "pump.md", PUMP_OPTIONS)
    named = {corpus.sentence_text(s)[:18]: entry_name(corpus, s) for s in corpus.sentences if s.doc_id == doc_id}
    assert named["* **drainTimeout**"] == "drainTimeout" and named["Defaults to 90 sec"] == "drainMaxTimeout"
    assert named["Parameter: `PumpOp"] is None


HARBOUR_LICENCE = ("HARBOUR TOOLCHAIN RUNTIME PERMISSION\n\nVersion 2.4, 12 May 2015\n\n"
                   "Copyright (C) 2015 Lighthouse Software Guild <http://example.org/>\n\n"
                   "This Harbour Toolchain Runtime Permission is an extra permission under section 9 of the Harbour "
                   "Public License, version 3, published by the Open Tooling Foundation in 2011.\n\n"
                   "1. Grant.\n\nYou may convey programs built with the runtime under terms of your choice.\n")


@pytest.mark.parametrize("question, expected", [
    ("What version is the Harbour Toolchain Runtime Permission?", "Version 2.4"),
    ("When was the Harbour Toolchain Runtime Permission published?", "12 May 2015"),
    ("Who holds the copyright of the Harbour Toolchain Runtime Permission?", "Lighthouse Software Guild"),
])
def test_a_question_about_a_document_named_by_its_title_is_answered_from_its_opening(writable, question: str,
                                                                                    expected: str) -> None:
    writable.add_document(FileUpload("harbour-permission.txt", "text/plain", HARBOUR_LICENCE.encode()))
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and answer.text.startswith(expected)


def test_only_a_question_about_the_documents_own_version_date_or_author_is_asked_about_it(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-permission.txt", HARBOUR_LICENCE)
    assert document_asked_about(corpus, "Which version is the Harbour Toolchain Runtime Permission?") == doc_id
    assert document_asked_about(corpus, "When was HTRP 2.4 published?") == doc_id  # its initials, in capitals
    assert document_asked_about(corpus, "Who wrote the HTRP?") == doc_id
    for question in ("What version is the Harbour Toolchain?",  # not its whole title
                     "Which version of the Harbour Public License does the Harbour Toolchain Runtime Permission "
                     "extend?",  # more than the document's own version
                     "What does the Harbour Toolchain Runtime Permission allow?",  # not a version, date or author
                     "Who decides what the Harbour Toolchain Runtime Permission allows?",  # not its author
                     "When was htrp published?",  # initials in capitals only
                     "When was HTRP 3.0 published?"):  # a version its opening does not give: a later one
        assert document_asked_about(corpus, question) is None


HARBOUR_FAQ = ("HTRP FAQ - Frequently Asked Questions about the Harbour Toolchain Runtime Permission (HTRP)\n\n"
               "Version 2.4-update3 - 3 June 2016\n\n1.1  Can I sell programs built with the runtime?\n"
               "Yes, under terms of your choice.\n")


def test_of_two_documents_named_the_one_the_question_names_by_more_words_is_asked_about(writable) -> None:
    corpus, permission = corpus_with(writable, "harbour-permission.txt", HARBOUR_LICENCE)
    corpus, faq = corpus_with(writable, "harbour-faq.txt", HARBOUR_FAQ)
    assert document_asked_about(corpus, "What version is the HTRP FAQ?") == faq  # HTRP and FAQ, not HTRP alone
    assert document_asked_about(corpus, "Who wrote the HTRP?") is None  # both name it as much: which is unknown
    assert document_asked_about(corpus, "Which version is the Harbour Toolchain Runtime Permission?") == permission


def test_a_question_about_a_default_is_answered_through_the_sentence_that_states_it(writable) -> None:
    writable.add_document(FileUpload("valve.md", "text/markdown", VALVE_OPTIONS.encode()))
    answer = writable.ask("What is the default flowLimit?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("* **flowLimit**")
    assert answer.text.endswith("Defaults to 40 litres.")
    plain = writable.ask("What is the most a flowLimit lets through?", threshold=0.0).answer
    assert plain is not None and "Defaults to 40" not in plain.text  # only a question about the default


HARBOURD_CONF = ("HARBOURD.CONF(5)\n\nMODULE PARAMETERS\n       max boats\n\t      This parameter sets the most boats "
                 "moored at once.  Boats arriving when the harbour is full\n\t      are sent away.  The default is 0, "
                 "which means no limit.\n\n       lock file\n\t      This parameter names the file that keeps the max "
                 "boats limit.  The\n\t      default is /var/run/harbourd.lock.\n\n       listen backlog\n\t      You "
                 "can override the default backlog value when the keeper listens.\n\t      It defaults to 5.\n\n"
                 "       Note well\n       the keeper reads this file once.\n\n"
                 "       For example\n\t      harbour = north\n")


HARBOURD_JAIL = ("HARBOURD.JAIL(5)\n\n"
                 "DESCRIPTION\n       The harbourd daemon reads this file when it starts, and again when it is "
                 "told to reload the moorings of its boats.\n\n"
                 "USAGE\n       harbourd [--conf file] [--quiet] [--verbose] [--debug] the mooring\n\t\tof boats "
                 "[--help]\n\n"
                 "OPTIONS\n   Add a new mooring\n       If called with one name, a mooring is added for it.\n\n"
                 "       usedns use  DNS\tto  resolve the names of boats. By de\u2010\n\t      fault it is "
                 '"warn".\n\n'
                 "       dbfile Database filename. Default: /var/lib/harbourd.db\n\t      This keeps the moorings.\n")


def test_a_setting_on_its_texts_line_one_blank_before_the_column_the_text_hangs_at_is_an_entry(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbourd.jail.5.txt", HARBOURD_JAIL)
    starting = partial(sentence_starting, corpus, doc_id)
    assert entry_name(corpus, starting("usedns use")) == "usedns"
    assert entry_name(corpus, starting("By de")) == "usedns"
    assert entry_name(corpus, starting("dbfile Database")) == "dbfile"
    assert entry_name(corpus, starting("harbourd [--conf")) is None  # a synopsis, its options aligned by chance
    assert entry_name(corpus, starting("Add a new mooring")) is None  # a heading whose first word ends one blank
    # before the column of the text below it


def test_a_term_of_several_words_over_its_hanging_text_is_an_entry_whose_default_is_found(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbourd.conf.5.txt", HARBOURD_CONF)
    starting = partial(sentence_starting, corpus, doc_id)

    assert entry_name(corpus, starting("max boats")) == "max boats"
    assert entry_name(corpus, starting("The default is 0")) == "max boats"
    assert entry_name(corpus, starting("Note well")) is None  # the next line hangs no deeper: prose
    assert entry_name(corpus, starting("For example")) is None  # a function word opens it, no capital below it
    # the best match is the lock file's entry, which names the limit; the entry named word by word states the default
    limit = writable.ask("What is the default max boats of the harbour?", threshold=0.0).answer
    assert limit is not None and limit.text.startswith("max boats") and "which means no limit" in limit.text
    # a sentence that names a default ("the default backlog value") states none: the answer goes on to one that does
    backlog = writable.ask("What is the default listen backlog of the keeper?", threshold=0.0).answer
    assert backlog is not None and backlog.text.endswith("It defaults to 5.")


@pytest.mark.parametrize("sentence, states", [
    ("The default is 3.", True), ("It defaults to 5.", True), ("If set to ask (the default), it asks.", True),
    ("Default: 20", True), ("The default queue length is 100 jobs.", True), ("By default no options are set.", True),
    ("You can override the default backlog value.", False), ("Edit the default configuration file.", False),
    ("Default value: 3", True), ("Default port is 873.", True), ("The default value of this option is 3.", True),
    ("The default configuration file is read at start.", False),
    ("The default value of `StatHost` is `tide.stats`.", True),
    ("The default value of `Port` is read at start.", False),
])
def test_a_sentence_states_a_default_only_when_it_gives_one(sentence: str, states: bool) -> None:
    assert (STATES_A_DEFAULT.search(sentence) is not None) == states


VALVE_MAN_PAGE = ("VALVE_CONFIG(5)\n\nDESCRIPTION\n     GatewayVents\n\t     Specifies whether remote valves are "
                  "allowed to open local vents.\n\n     Vent    Specifies the vent number to open on the remote "
                  "valve.  The de\u2010\n\t     fault is 22.\n\n     VentForward\n\t     Specifies that a vent on "
                  "the local valve be opened over the channel.\n")


def test_a_default_stated_in_a_word_broken_at_a_line_end_is_found(writable) -> None:
    writable.add_document(FileUpload("valve_config.5.txt", "text/plain", VALVE_MAN_PAGE.encode()))
    answer = writable.ask("What is the default vent the valve opens on the remote valve?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("Vent") and answer.text.endswith("fault is 22.")


def test_a_heading_that_is_one_name_names_a_thing_of_the_kind_its_section_says(writable) -> None:
    codes = ("# pump\n\n## Error codes\n\nErrors may have a `.code` property:\n\n### PUMP_ERR_DRY_RUN\n\n"
             "The pump ran with no water in its chamber.\n\n### PUMP_ERR_OVERHEAT\n\nThe motor grew hotter than "
             "its rating allows.\n\n## Settings\n\n### maxFlow\n\nThe most water the pump moves.\n")
    corpus, _ = corpus_with(writable, "pump-codes.md", codes)
    heading = {corpus.sentence_text(s): s for s in corpus.sentences if s.heading}
    assert names_by_its_section(corpus, heading["PUMP_ERR_OVERHEAT"], frozenset({"error"}))
    for sentence in corpus.sentences:
        passage = corpus.passage_of(sentence)
        assert passage.first_sentence <= sentence.sentence_id <= passage.last_sentence
    assert not names_by_its_section(corpus, heading["maxFlow"], frozenset({"error"}))  # under "Settings"
    assert not names_by_its_section(corpus, heading["Error codes"], frozenset({"error"}))  # no name in code form
    answer = writable.ask("Which error code says the motor got too hot?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("PUMP_ERR_OVERHEAT")


def test_a_sentence_ending_in_a_colon_takes_in_what_follows_even_when_no_candidate(writable) -> None:
    page = ("Indemnity\n\nClaims are rare. In order to qualify, an Indemnified Contributor must:\n"
            "a) promptly notify the Commercial Contributor in writing of such claim, and\n"
            "b) allow the Commercial Contributor to control the defense.\n")
    corpus, query, candidates = scored(writable, FileUpload("indemnity.txt", "text/plain", page.encode()),
                                       "What must an Indemnified Contributor do?")
    colon = next(c for c in candidates if corpus.sentence_text(c.sentence).endswith("must:"))
    extended = answer_module._with_continuation(corpus, colon, [colon], 0.0, query)  # the item is no candidate here
    assert corpus.documents[extended.doc_id].text[extended.start:extended.end].endswith("of such claim, and")


def test_an_answer_taking_in_a_bare_introduction_takes_in_what_it_introduces(writable) -> None:
    page = ("Protocol 1\n\nThe old protocol is gone, so all the options related to it are now deprecated and "
            "should be removed from sshd_config. These are:\n\n  KeyRegenerationInterval\n  ServerKeyBits\n\n"
            "The Protocol option is silently ignored.\n")
    corpus, query, candidates = scored(writable, FileUpload("protocol.txt", "text/plain", page.encode()),
                                       "Which options are deprecated now that the old protocol is gone?")
    deprecated = next(c for c in candidates if "now deprecated" in corpus.sentence_text(c.sentence))
    extended = answer_module._with_continuation(corpus, deprecated, candidates, 100.0, query)  # any follower
    said = corpus.documents[extended.doc_id].text[extended.start:extended.end]
    assert said.endswith("KeyRegenerationInterval\n  ServerKeyBits") and "silently" not in said


class _MembershipOnly(frozenset):
    """Stems that may be asked about one by one but not walked: a walk would follow the process's hashing."""

    def __iter__(self):
        raise AssertionError("coverage walked the set: its sum would follow the process's string hashing")


def test_the_weighted_share_of_asked_terms_is_summed_in_the_questions_order() -> None:
    """Replicas must answer alike: no sum may follow a set's order, which changes with each process's hashing."""
    asked = {f"term{i}": 0.1 * (i + 1) + 1e-3 * i for i in range(12)}
    present = _MembershipOnly(list(asked)[:7])
    assert coverage(asked, present) == sum(list(asked.values())[:7]) / sum(asked.values())


TIDEWATCH = ("Tidewatch\n=========\n\nThe complete tide planner for small harbours.\n\n## Support\n\n"
             "Tidewatch is supported on every harbour that keeps a tide table; older harbours use an older "
             "Tidewatch.\n")


def test_what_a_document_is_when_asked_by_its_whole_title_is_its_first_sentence(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "tidewatch.md", TIDEWATCH, "What is Tidewatch?")
    support = next(c for c in eligible if corpus.sentence_text(c.support).startswith("Tidewatch is supported"))
    chosen = answer_module._from_the_opening(corpus, support, eligible, query)
    assert corpus.sentence_text(chosen.support) == "The complete tide planner for small harbours."
    assert chosen.score == support.score
    other = read_query(corpus, "What is a tide table?", None)  # not the document: the best stays
    assert answer_module._from_the_opening(corpus, support, eligible, other) == support


TIDE_CLASS = ("# Class: Tide\n\nExtends: `events.EventEmitter`\n\nA tide table for one harbour, read hour by hour.\n\n"
              "## `new Tide(harbour)`\n\n* **harbour** `string` - The harbour whose tides are read.\n")


def test_a_page_titled_by_the_kind_and_name_of_a_thing_is_defined_past_its_field_lines(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "tide.md", TIDE_CLASS, "What is a Tide?")
    parameter = next(c for c in eligible if corpus.sentence_text(c.support).startswith("* **harbour**"))
    chosen = answer_module._from_the_opening(corpus, parameter, eligible, query)
    assert corpus.sentence_text(chosen.support) == "A tide table for one harbour, read hour by hour."
    assert chosen.score == parameter.score and chosen.span is None
    defining = replace(parameter, features={**parameter.features, "defines_subject": 1.0})
    assert answer_module._from_the_opening(corpus, defining, eligible, query) == defining  # it says what it is
    assert document_defined(corpus, read_query(corpus, "Who is the Tide?", None)) is None  # a name answers who
    assert answer_module._FIELD_LINE.match("Extends: `events.EventEmitter`")
    assert not answer_module._FIELD_LINE.match("Undici: an HTTP/1.1 client written for Node.js.")  # it says what


def test_a_man_page_is_defined_by_its_name_line_what_kind_of_thing_it_is_asks_the_same(writable) -> None:
    corpus, doc_id = corpus_with(writable, "locker.1.txt", LOCKER_MAN_PAGE)
    assert document_defined(corpus, read_query(corpus, "What is locker?", None)) == doc_id  # named before the dash
    assert document_defined(corpus, read_query(corpus, "What is a harbour gate?", None)) is None
    kind = read_query(corpus, "What kind of script is locker?", None)
    assert kind.subject == ("locker",) and "kind" not in kind.asked and kind.focus == frozenset({"script"})
    answer = writable.ask("What is locker?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("locker - a script to keep harbour gates shut")
    assert document_defined(corpus, read_query(corpus, "What does locker do?", None)) == doc_id  # what it does
    assert defined_subject("What kind of files are supported?") == ()  # what is supported, no definition
    corpus, both = corpus_with(writable, "ebb.1.txt", "EBB(1)\t\t User Commands\t\t EBB(1)\n\nNAME\n       ebb, "
                               "flood - turn the tide\n\nDESCRIPTION\n       Ebb turns the tide out.\n")
    assert document_defined(corpus, read_query(corpus, "What does flood do?", None)) == both  # one of its names
    assert document_defined(corpus, read_query(corpus, "What does the -ro option do?", None)) is None
    does = writable.ask("What does locker do?", threshold=0.0).answer
    assert does is not None and does.text.startswith("locker - a script to keep harbour gates shut")


TIDE_TIMER = ("TIDE.TIMER(5)\n\nOPTIONS\n       Persistent=\n\t   Takes a boolean argument. If true, the last high "
              "tide is stored on\n\t   disk. Defaults to false.\n\n       WakeHarbour=\n\t   Takes a boolean argument. "
              "If true, an elapsing tide will wake the\n\t   harbour from its sleep. Defaults to false.\n")


def test_a_settings_entry_is_answered_past_its_type_and_named_by_its_term(writable) -> None:
    corpus, doc_id = corpus_with(writable, "tide.timer.5.txt", TIDE_TIMER)
    persistent = next(s for s in corpus.sentences if s.doc_id == doc_id
                      and corpus.sentence_text(s).startswith("Persistent="))
    assert entry_name(corpus, persistent) == "Persistent"  # the equals sign is no part of the name
    does = writable.ask("What does Persistent= do?", threshold=0.0).answer
    assert does is not None and "stored on" in does.text  # "Takes a boolean argument." says only what it takes
    assert features_module._ONLY_ITS_TYPE.fullmatch("These options take boolean arguments.")
    assert not features_module._ONLY_ITS_TYPE.fullmatch("Takes the tide to the harbour.")
    which = writable.ask("Which option makes an elapsing tide wake the harbour from its sleep?", threshold=0.0).answer
    assert which is not None and which.text.startswith("WakeHarbour=")  # the answer is taken back to its term


KETTLED_README = ("Kettled, a boiling daemon\n\nTESTING\n\nEarly kettled releases boiled a test sample of 1MB of "
                  "water; this was raised to 16MB.\n\nRUNNING\n\nThe following arguments are available:\n\n"
                  "   --buffer     , -b [] Buffer size [KW] - default : 128\n"
                  "   --file       , -f [] Sample output file\n")


def test_a_default_question_takes_the_value_a_sentence_states_as_default_over_one_said_of_no_default(
        writable) -> None:
    question = "What is kettled's default buffer size?"
    corpus, query, eligible = eligible_for(writable, "kettled-README.txt", KETTLED_README, question)
    early = next(c for c in eligible if corpus.sentence_text(c.support).startswith("Early"))
    chosen = answer_module._value_stated_as_default(corpus, replace(early, score=0.9), [early, *eligible], query)
    assert corpus.sentence_text(chosen.support).lstrip().startswith("--buffer") and chosen.score == 0.9
    sample = read_query(corpus, "What sample size did early kettled releases boil?", None)  # asks no default
    assert answer_module._value_stated_as_default(corpus, early, [early, *eligible], sample) == early


GATE_STEPS = ("# Harbour gate\n\nThe gate is open by default.\n\nTo close the gate, edit /etc/gate.conf to have:\n\n"
              "    CLOSED=yes\n\nThen run:\n\n    gate reload\n")


def test_a_how_question_answered_by_a_later_step_is_taken_back_to_the_step_it_follows(writable) -> None:
    corpus, doc_id = corpus_with(writable, "gate.md", GATE_STEPS)
    starting = partial(sentence_starting, corpus, doc_id)

    then = starting("Then run:")
    how = read_query(corpus, "How do I close the gate?", None)
    assert answer_module._with_its_first_step(corpus, then, how).start == starting("To close the gate").start
    why = read_query(corpus, "Why is the gate reloaded?", None)  # no how-question: the step alone
    assert answer_module._with_its_first_step(corpus, then, why) == then
    opening = starting("The gate is open")  # no later step: as it is
    assert answer_module._with_its_first_step(corpus, opening, how) == opening


GUILD_RULES = ("# Harbour guild rules\n\n## Definitions\n\n\"Pilot\" refers to any captain, mate or other person who "
               "steers a ship into the harbour.\n\n## History\n\nThe guild was founded by Ada Quist, who wrote these "
               "rules for every pilot.\n")


def test_who_counts_as_a_defined_role_is_answered_by_its_definition(writable) -> None:
    question = "Who counts as a Pilot under the guild rules?"
    assert defined_subject(question) == ("pilot",) and defined_subject("What is considered a pilot?") == ("pilot",)
    corpus, query, eligible = eligible_for(writable, "guild.md", GUILD_RULES, question)
    named = next(c for c in eligible if c.span is not None and corpus.sentence_text(c.support).startswith("The guild"))
    chosen = answer_module._defining_neighbour(corpus, named, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith('"Pilot" refers to') and chosen.score == named.score
    founder = read_query(corpus, "Who founded the guild?", None)  # defines nothing: the name stays
    assert answer_module._defining_neighbour(corpus, named, eligible, founder) == named
    holder = read_query(corpus, "Who is the Pilot?", None)  # who holds the role: a name answers
    assert answer_module._defining_neighbour(corpus, named, eligible, holder) == named


def test_what_a_term_is_is_answered_by_its_definition_elsewhere_in_the_best_sentences_document(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "guild.md", GUILD_RULES, "What is a pilot?")
    history = next(c for c in eligible if corpus.sentence_text(c.support).startswith("The guild"))
    chosen = answer_module._defining_neighbour(corpus, history, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith('"Pilot" refers to') and chosen.score == history.score
    corpus, founded, candidates = scored_now(writable, "What is the guild's history?")
    eligible = [c for c in candidates if may_answer(c, founded)]
    history = next(c for c in eligible if corpus.sentence_text(c.support).startswith("The guild"))
    assert answer_module._defining_neighbour(corpus, history, eligible, founded) == history  # nothing defines it


def test_a_why_question_answered_by_a_sentence_that_restates_it_takes_in_the_reason_after_it(writable) -> None:
    text = ("# Harbour rules\n\nThe harbour's west gate opens for only a limited number of barges a day. This avoids "
            "wearing out the hinges.\n\nThe gate keeper logs every opening.\n")  # "west": one word not asked
    corpus_with(writable, "harbour-rules.md", text)
    answer = writable.ask("Why does the harbour gate open for only a limited number of barges a day?").answer
    assert answer is not None and answer.text.endswith("This avoids wearing out the hinges.")
    said = writable.ask("How many barges may pass the harbour gate a day?").answer  # no reason asked: one sentence
    assert said is None or "hinges" not in said.text


def test_the_default_of_a_setting_no_sentence_states_is_withheld(writable) -> None:
    text = ("# Tide cache\n\nThe tide cache keeps a gauge reading for a limited time. The time limit is set with the "
            "tide_cache_time_limit parameter.\n\nThe tide_cache_size parameter defaults to 40 readings.\n\n"
            "How the outer gate behaves is set with the tide_gate_mode parameter. By default this is set to 'shut'.\n")
    corpus_with(writable, "tide-cache.md", text)
    assert writable.ask("What is the default value of tide_cache_time_limit?").answer is None
    size = writable.ask("What is the default value of tide_cache_size?").answer
    assert size is not None and "40" in size.text
    mode = writable.ask("What is the default value of tide_gate_mode?").answer  # said in the sentence after
    assert mode is not None and "shut" in mode.text


@pytest.mark.parametrize("question, setting", [
    ("What is the default value of tide_cache_time_limit?", "tide_cache_time_limit"),
    ("What is core.editor's default?", "core.editor"), ("What does tide_cache_size default to?", "tide_cache_size"),
    ("Which unit does foo.timer activate by default?", None),  # a default asked of no setting's value
    ("Where did Ines Vale move 50-default.rules?", None),  # "default" inside a file's name asks no default
    ("What is the default value for e.g. the tide level?", None),  # an abbreviation names no setting
])
def test_the_default_of_a_setting_is_asked_by_its_name_written_as_code(question: str, setting: str | None) -> None:
    found = [m.group("name") or m.group("of") for m in answer_module._DEFAULT_OF_A_SETTING.finditer(question)]
    assert found == ([setting] if setting else [])


def test_a_setting_is_named_whole_and_a_reason_is_not_run_on_over_a_pointer(writable) -> None:
    text = ("# Packing\n\nThe gc.autoPackLimit parameter defaults to 50 packs.\n\n"
            "The gc.auto parameter sets when loose objects are packed.\n")
    corpus_with(writable, "packing.md", text)
    asked = "What is the default value of gc.auto, which sets when loose objects are packed?"
    assert writable.ask(asked).answer is None  # "gc.autoPackLimit" is another setting: no default stated
    assert features_module._GOES_ON_ABOUT_IT.match("This avoids triggering bugs.") is not None
    for pointer in ("This section describes the options.", "It can be disabled with -n.", "That said, it works."):
        assert features_module._GOES_ON_ABOUT_IT.match(pointer) is None  # no reason for what the sentence said


def test_a_misspelt_term_is_defined_as_the_term_spelt_right(writable) -> None:
    licensee = read_query(writable.current().corpus, "What is a Licensee?", None)
    assert licensee.subject == ("license",)  # a stem the corpus knows is no typo (not "licens")
    corpus, query, eligible = eligible_for(writable, "guild.md", GUILD_RULES, "What is a pliot?")
    assert query.subject == ("pilot",)  # repaired as the question's other terms are
    history = next(c for c in eligible if corpus.sentence_text(c.support).startswith("The guild"))
    chosen = answer_module._defining_neighbour(corpus, history, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith('"Pilot" refers to')


def test_a_term_asked_about_with_more_words_is_not_defined_from_elsewhere_in_the_document(writable) -> None:
    page = ("# Harbour tools\n\nSet `--port` to the port the tide server listens on; the port must be free.\n\n"
            "## Glossary of ships\n\nA port is the left side of a ship.\n")
    corpus, query, eligible = eligible_for(writable, "harbour-tools.md", page, "What is the port of the tide server?")
    assert query.subject == ("port",)  # "of the tide server" reads as where to look
    listens = next(c for c in eligible if corpus.sentence_text(c.sentence).startswith("Set `--port`"))
    assert answer_module._defining_neighbour(corpus, listens, eligible, query) == listens  # one port, not a ship's
    corpus, ships, candidates = scored_now(writable, "What is a port?")
    eligible = [c for c in candidates if may_answer(c, ships)]
    listens = next(c for c in eligible if corpus.sentence_text(c.sentence).startswith("Set `--port`"))
    chosen = answer_module._defining_neighbour(corpus, listens, eligible, ships)
    assert corpus.sentence_text(chosen.support) == "A port is the left side of a ship."  # the term alone: defined


GATE_OPTIONS = ("# Gate watcher\n\n## Options\n\n* `ebbMode` (default: `false`). If set to `true` the outer gate stays "
                "open while the tide ebbs, so barges may leave.\n* `floodMode` (default: `true`). If set to `false` "
                "the outer gate closes at high water.\n")


def test_an_entry_s_name_and_default_alone_are_answered_with_what_follows(writable) -> None:
    writable.add_document(FileUpload("gate-options.md", "text/markdown", GATE_OPTIONS.encode()))
    answer = writable.ask("What does ebbMode do?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("* `ebbMode` (default: `false`).")
    assert answer.text.endswith("so barges may leave.")
    assert features_module._ONLY_A_LABEL.fullmatch("- **depth** (optional).")
    assert not features_module._ONLY_A_LABEL.fullmatch("* `depth` limits how deep the watcher goes.")


HARBOUR_MASTER_FAQ = ("Harbour FAQ\n===========\n\nNow that the Lighthouse Guild has taken over the harbour, who "
                      "will be the next harbour master?\n\n\tMara Quist will remain as harbour master, helped by the "
                      "pilots.\n\nCan I moor a BGV (Big Grain Vessel) at the outer wall?\n\n"
                      "\tOnly with the harbour master's leave.\n")


def test_a_faq_s_question_gives_no_typed_answer_but_an_acronym_it_spells_out(writable) -> None:
    question = "Who will be the next harbour master?"
    corpus, _, eligible = eligible_for(writable, "harbour-faq.txt", HARBOUR_MASTER_FAQ, question)
    asking = [c for c in eligible if corpus.sentence_text(c.support).endswith("?")]
    assert asking == []  # "the Lighthouse Guild" is in the question: no answer
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and answer.text == "Mara Quist"
    spelled = writable.ask("What does BGV stand for?", threshold=0.0).answer
    assert spelled is not None and spelled.text == "Big Grain Vessel"


BARGE_NOTES = ("# Barge notes\n\nThe grain barges are very long, with three holds each. As a result, some locks cannot "
               "take them in one piece.\n")


def test_a_why_question_answered_by_a_consequence_takes_in_its_cause(writable) -> None:
    writable.add_document(FileUpload("barges.md", "text/markdown", BARGE_NOTES.encode()))
    answer = writable.ask("Why can some locks not take the grain barges in one piece?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("The grain barges are very long")
    assert answer.text.endswith("in one piece.")
    corpus = writable.current().corpus
    consequence = next(s for s in corpus.sentences if corpus.sentence_text(s).startswith("As a result, some locks"))
    plain = read_query(corpus, "What can some locks not do with the grain barges?", None)
    assert answer_module._with_its_cause(corpus, consequence, plain) == consequence  # not a why-question


UDEV_NOTES = ("# Locks and udev\n\nThe lock daemon currently waits for every queued gate event.\n\n"
              "This leads to a hang if you start the lock daemon from a gate rule.\n")


ORIGIN_NOTES = ("# Harbour history\n\nThe first keeper had worked for years at the Lowland canal office. This is the "
                "origin of many harbour customs, including the use of bells for the tides.\n")


def test_a_sentence_whose_subject_is_the_one_before_takes_it_in_for_any_question(writable) -> None:
    writable.add_document(FileUpload("origin.md", "text/markdown", ORIGIN_NOTES.encode()))
    answer = writable.ask("Where did the harbour get the use of bells for the tides from?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("The first keeper had worked")
    assert answer.text.endswith("bells for the tides.")


def test_only_a_demonstrative_with_a_verb_of_consequence_opens_a_consequence() -> None:
    consequence = answer_module._CONSEQUENCE
    assert all(consequence.match(text) for text in ("This leads to a hang.", "This causes a hang.",
                                                    "This can cause a hang.", "This results in a hang.",
                                                    "So there is a hard upper bound of 127.", "So, it hangs."))
    assert not any(consequence.match(text) for text in ("So far it works.", "So that it works, set it.",
                                                        "Some gates hang."))
    assert not any(consequence.match(text) for text in ("This trigger runs after every install.",
                                                        "That result is cached.", "This results from a stale lock."))


TERMS_NOTES = ("# Harbour limits\n\n## Maximum Number Of Barges In A Convoy\n\nA convoy is two or more barges "
               "tied together.\n\nThe lock keeper checks each convoy by hand.\n\nThe maximum number of barges is "
               "MAX_CONVOY which defaults to 12.\n\n## Tides\n\nThe tide turns twice a day.\n")


def test_a_default_stated_alone_in_a_short_section_answers_a_question_asking_it(writable) -> None:
    writable.add_document(FileUpload("limits.md", "text/markdown", TERMS_NOTES.encode()))
    answer = writable.ask("How many barges can a convoy hold by default?", threshold=0.0).answer
    assert answer is not None and answer.text == "12"
    assert question_type("Whats the maximum number of barges in a convoy?").name == "quantity"  # "what's"


def test_a_consequence_that_opens_a_paragraph_takes_in_the_cause_that_ends_the_one_before(writable) -> None:
    writable.add_document(FileUpload("udev.md", "text/markdown", UDEV_NOTES.encode()))
    answer = writable.ask("Why does the lock daemon hang when started from a gate rule?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("The lock daemon currently waits")
    assert answer.text.endswith("from a gate rule.")


def test_how_often_is_answered_by_a_frequency_and_nothing_else_is() -> None:
    assert question_type("How frequently are the tides logged?").name == "quantity"
    interval = "The keeper polls the gauge every 30 minutes."  # a frequency with a number: an interval too
    polled = candidate_spans(interval, QuestionType("quantity"))
    assert [interval[a:b] for a, b in dimension_only("How many minutes between polls?", polled, interval)] == [
        "every 30 minutes"]
    named = "Logs go to /etc/cron.daily and apt-daily.timer; every second line is blank."
    assert candidate_spans(named, QuestionType("quantity")) == []  # names, and lines counted: no frequency
    sentence = "By default the keeper rings the bell every day, twice a week in winter, and logs 3 tides hourly."
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert question_type("How often does the keeper ring the bell?").name == "quantity"
    assert sorted(sentence[a:b] for a, b in dimension_only("How often does the keeper ring the bell?", spans,
                                                           sentence)) == ["every day", "hourly", "twice a week"]
    assert [sentence[a:b] for a, b in dimension_only("How many tides are logged?", spans, sentence)] == ["3 tides"]
    plain = "The keeper rings the bell 3 times."
    counted = candidate_spans(plain, QuestionType("quantity"))  # no frequency: a number still answers
    assert [plain[a:b] for a, b in dimension_only("How often is the bell rung?", counted, plain)] == ["3 times"]


def test_a_sentence_saying_its_value_is_the_default_states_the_default() -> None:
    assert STATES_A_DEFAULT.search("A NUM of -1 means no end; this is the default.")
    assert STATES_A_DEFAULT.search("Gate mode ebb is the default for barges.")
    assert not STATES_A_DEFAULT.search("You can set the default gate in the keeper's file.")


def test_an_entry_s_name_and_type_alone_are_a_label_and_a_description_after_a_dash_is_not() -> None:
    assert features_module._ONLY_A_LABEL.fullmatch("* `Harbour::Bells` - boolean (default:True)")
    assert features_module._ONLY_A_LABEL.fullmatch("* `Harbour::Ships` - list of strings")
    assert features_module._ONLY_A_LABEL.fullmatch("* `Harbour::Mail` - string (default:\"\")")
    assert not features_module._ONLY_A_LABEL.fullmatch("* `Harbour::Bells` - rings the bells at dusk")
    assert features_module._ONLY_A_LABEL.fullmatch("- `Harbour::Bells` - Boolean")  # a type in any case


def test_a_paragraph_after_a_lone_command_is_not_taken_in_after_an_item_s_name_and_type_it_is(writable) -> None:
    page = ("# Keeper\n\nInstall it from the archive.\n\n`sudo apt install keeper`\n\nThe keeper then starts at dawn."
            "\n\n* `Keeper::Bells` - boolean (default:True)\n\n Ring the bells at dusk.\n")
    corpus, doc_id = corpus_with(writable, "keeper-install.md", page)
    starting = partial(sentence_starting, corpus, doc_id)
    assert features_module.follower(corpus, starting("`sudo apt")) is None  # a command alone says all it says
    assert features_module.follower(corpus, starting("* `Keeper::Bells`")) == starting("Ring the bells")


GATE_DEBUG = ("# Harbour gate\n\nIf the gate sticks, it is a good idea to run:\n\n```\n$ gate --trace --dry-run\n```\n"
              "and read the trace in /var/log/gate.log afterwards.\n\nTo close it, run:\n\n```\n$ gate --close\n```\n"
              "And now for something else.\n")


def test_the_rest_of_a_sentence_a_command_interrupts_is_taken_back_to_its_start(writable) -> None:
    corpus, doc_id = corpus_with(writable, "gate-debug.md", GATE_DEBUG)
    starting = partial(sentence_starting, corpus, doc_id)
    rest = starting("and read the trace")
    how = read_query(corpus, "How do I trace the gate?", None)
    assert answer_module._with_its_first_step(corpus, rest, how).start == starting("If the gate sticks").start
    capital = starting("And now for")  # a sentence of its own after a command, not the rest of one
    assert answer_module._with_its_first_step(corpus, capital, how) == capital


GATE_EXPORT = ("# Harbour gate\n\nThe gate log can be written as text (default) or as JSON:\n\n"
               "```\n$ gate log --since dawn > gate.txt\n```\n\n"
               + "```\n$ gate log --json --since dawn > gate.json\n```\n\n" * 3 +
               "```\n$ gate log --json --since noon > noon.json\n```\n\n"
               "```\ngate log --follow\n```\n\nEach log line carries the time the gate moved.\n")


def test_an_answer_introducing_commands_takes_in_those_shown_after_their_prompt_one_after_the_other(writable) -> None:
    corpus, doc_id = corpus_with(writable, "gate-export.md", GATE_EXPORT)
    starting = partial(sentence_starting, corpus, doc_id)
    first = starting("```\n$ gate log --since dawn")
    fourth = corpus.sentences[first.sentence_id + 3]
    assert corpus.sentence_text(fourth).startswith("```\n$ gate log --json --since dawn")
    assert features_module.through_the_commands(corpus, first) == fourth  # at most four: not the noon one
    assert features_module.through_the_list(corpus, first) == fourth
    noon = starting("```\n$ gate log --json --since noon")
    assert features_module.through_the_commands(corpus, noon) == noon  # the next one has no prompt
    answer = writable.ask("How do I write the gate log as JSON?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("The gate log can be written") and "--json" in answer.text


HARBOUR_BELLS = ("# Harbour bells\n\nThe harbour rings the following bells:\n\n* *dawn*\n* *noon*\n* *dusk*\n\n"
                 "Each bell is rung by hand.\n\nThe bell status value has the following meaning:\n\n"
                 "- *0*: silent\n- *1*: rung once\n- *2*: rung without pause\n")


def test_an_answer_introducing_a_list_takes_in_its_items_or_the_one_the_question_names(writable) -> None:
    corpus, doc_id = corpus_with(writable, "bells.md", HARBOUR_BELLS)
    starting = partial(sentence_starting, corpus, doc_id)
    assert features_module.through_the_list(corpus, starting("* *dawn*")) == starting("* *dusk*")
    assert features_module.through_the_list(corpus, starting("Each bell")) == starting("Each bell")  # no item
    which = writable.ask("Which bells does the harbour ring?", threshold=0.0).answer
    assert which is not None and which.text.startswith("The harbour rings") and which.text.endswith("* *dusk*")
    status = writable.ask("What does a bell status of 2 mean?", threshold=0.0).answer
    assert status is not None and status.text == "- *2*: rung without pause"  # the item the question names
    listed = starting("The bell status")
    whole = replace(listed, end=starting("- *2*").end)
    unnamed = read_query(corpus, "What does the bell status mean?", None)
    assert answer_module._the_item_named(corpus, whole, unnamed) == whole  # names no item: the list


BELL_SUFFIXES = ("<html><head><title>Bells</title></head><body><h1>Bells</h1><p>Dawn, noon and dusk bells have a "
                 "suffix of their own:</p><ul>"
                 "<li><p>The suffix for a dawn bell is “dN” for some small number N.</p></li>"
                 "<li><p>The suffix for a noon bell is “nN” for some small number N.</p></li>"
                 "<li><p>The suffix for a dusk bell is “kN” for some small number N.</p></li>"
                 "</ul><p>Harbour bells ring at sea.</p></body></html>")


def test_an_answer_introducing_an_html_list_takes_in_its_items_or_the_one_the_question_asks_of(writable) -> None:
    corpus, doc_id = corpus_with(writable, "bells.html", BELL_SUFFIXES)
    starting = partial(sentence_starting, corpus, doc_id)
    dusk = starting("The suffix for a dusk")
    assert features_module.through_the_list(corpus, starting("The suffix for a dawn")) == dusk  # items, unmarked
    assert features_module.through_the_list(corpus, starting("Harbour")) == starting("Harbour")  # no item
    whole = replace(starting("Dawn, noon"), end=dusk.end)
    asked = read_query(corpus, "What suffix does a dusk bell have?", None)
    assert answer_module._the_item_asked(corpus, whole, asked) == dusk  # the only item of dusk bells
    every = read_query(corpus, "What suffixes do the bells have?", None)
    assert answer_module._the_item_asked(corpus, whole, every) == whole  # no item holds words of its own
    apart = read_query(corpus, "What suffix do dawn and dusk bells have?", None)
    assert answer_module._the_item_asked(corpus, whole, apart) == whole  # two items do
    answer = writable.ask("What suffix does a dusk bell have?", threshold=0.0).answer
    assert answer is not None and answer.text == corpus.sentence_text(dusk)


BELL_STEPS = ("# Ringing the bells\n\nTo ring them:\n\n1. Unlock the tower: use the brass key.\n"
              "2. Pull the rope: twice for noon.\n3. Lock the tower: always.\n")


def test_steps_with_colons_are_no_labelled_values_and_no_item_is_taken_from_the_next_document(writable) -> None:
    corpus, doc_id = corpus_with(writable, "bell-steps.md", BELL_STEPS)
    opening = sentence_starting(corpus, doc_id, "To ring them")
    steps = replace(opening, end=sentence_starting(corpus, doc_id, "3. Lock").end)
    asked = read_query(corpus, "How do I pull the rope and lock the tower?", None)
    assert answer_module._the_item_named(corpus, steps, asked) == steps  # steps, not values: all of them
    corpus, bells = corpus_with(writable, "bells.md", HARBOUR_BELLS)
    last = corpus.sentences[max(s.sentence_id for s in corpus.sentences if s.doc_id == doc_id)]
    ending = replace(last, end=len(corpus.documents[bells].text))  # offsets past its end, as in the next document
    status = read_query(corpus, "What does a bell status of 2 mean?", None)
    assert answer_module._the_item_named(corpus, ending, status) == ending


TIDE_QUEUES = ("TIDE.CONF(5)\n\nOPTIONS\n       GateQueueSize=\n\t   Sets the size limit of the gate queue of each "
               "barge. Takes a size in bytes, to the\n\t   base 1024. Defaults to 10%.\n\n       GateQueueInodesMax=\n"
               "\t   Sets the limit on inodes of the gate queue. Defaults to\n\t   GateQueueSize= divided by 4096.\n")


def test_a_default_question_finds_the_default_of_the_entry_it_names_not_of_one_that_mentions_it(writable) -> None:
    corpus_with(writable, "tide.conf.5.txt", TIDE_QUEUES)
    corpus, query, candidates = scored_now(writable, "What is the default size of the gate queue?")
    mentions = next(c for c in candidates if corpus.sentence_text(c.support).startswith("Defaults to\n\t   GateQ"))
    ordered = [mentions, *(c for c in candidates if c is not mentions)]  # the best: the entry that mentions it
    eligible = [c for c in ordered if may_answer(c, query)]
    chosen = answer_module._default_in_the_entry(corpus, ordered, eligible, query)
    assert chosen is not None and corpus.sentence_text(chosen.support) == "Defaults to 10%."
    assert chosen.score == mentions.score
    ten = next(c for c in candidates if corpus.sentence_text(c.support) == "Defaults to 10%.")
    second = [mentions, ten, *(c for c in candidates if c is not mentions and c is not ten)]  # the default itself next
    chosen = answer_module._default_in_the_entry(corpus, second, [c for c in second if may_answer(c, query)], query)
    assert chosen is not None and chosen.support == ten.support and chosen.score == mentions.score
    answer = writable.ask("What is the default size of the gate queue?", threshold=0.0).answer
    assert answer is not None and answer.text == "10%"


LANTERN_FAQ = ("Harbour FAQ\n\n1. Mooring\n\n1.1. Does the harbour have a night mode?\n\nYes. With the lantern "
               "option the gates stay lit all night.\n\n1.2. What do lanterns need?\n\nFor the lanterns to work, you "
               "need the following three things\n\n  o a wick\n\n  o lamp oil\n\n  o a keeper on duty\n\n"
               "1.3. Can I moor at the outer wall at night when the gates are shut?\n\n"
               "1.4. Can I moor at the outer wall by day when the gates are open?\n\nOnly with the keeper's leave."
               "\n\n2. Tides\n\nWhen the storm was over, the old keeper left the harbour the following day\n\n"
               "  o in a rowing boat\n\nWhen the storm was over, the new keeper came to the harbour the following day"
               "\n\nThe tide turns twice a day.\n")


def test_a_faq_question_alone_is_answered_by_what_follows_it_and_a_bare_yes_takes_in_the_next(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-faq-plain.txt", LANTERN_FAQ)
    starting = partial(sentence_starting, corpus, doc_id)
    asked = starting("1.1. Does the harbour")
    assert features_module._answer_to_a_question_alone(corpus, asked) == starting("Yes.")
    assert features_module._answer_to_a_question_alone(corpus, starting("1.3. Can I moor")) is None  # a question next
    assert features_module._answer_to_a_question_alone(corpus, starting("1.4. Can I moor")) == starting("Only with")
    assert features_module._answer_to_a_question_alone(corpus, starting("The tide turns")) is None  # no question
    night = writable.ask("Does the harbour have a night mode?", threshold=0.0).answer
    assert night is not None and night.text.startswith("Yes. With the lantern option")


def test_an_answer_ending_on_the_following_things_takes_in_the_items_after_it(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-faq-plain.txt", LANTERN_FAQ)
    assert features_module.introduces(corpus, sentence_starting(corpus, doc_id, "For the lanterns"))
    assert not features_module.introduces(corpus, sentence_starting(corpus, doc_id, "When the storm was over, the new"))
    old_keeper = sentence_starting(corpus, doc_id, "When the storm was over, the old")
    assert features_module.introduces(corpus, old_keeper)  # worded so, and an item next: read as a list's opening
    item = sentence_starting(corpus, doc_id, "o in a rowing")
    assert features_module.through_the_list(corpus, item) == item  # the list ends where no item follows
    needs = writable.ask("What three things do the lanterns need?", threshold=0.0).answer
    assert needs is not None and needs.text.startswith("For the lanterns") and needs.text.endswith("a keeper on duty")


def test_a_count_keeps_its_thing_past_a_hyphenated_adjective() -> None:
    sentence = "Each record holds one entry per tide, in seven space-separated fields."
    spans = candidate_spans(sentence, QuestionType("quantity"))
    assert "seven space-separated fields" in [sentence[a:b] for a, b in spans]
    assert [m.group(0) for m in QUANTITY.finditer("a 64-bit value, 3 non-zero")] == ["64", "3"]  # no thing counted


TIDE_API = ("<html><body><h1>tide \u2014 Manage harbour tides</h1><h2>Python API</h2><p>The module defines two "
            "functions:</p><dl><dt>tide.get_height(harbour)</dt><dd><p>Return the height of the water at the harbour "
            "gate. If no gauge is fitted, return None.</p></dd><dt>tide.open_gate(harbour, hours=2)</dt><dd><p>Open "
            "the harbour gate for the given hours.</p></dd></dl></body></html>")


def test_a_which_function_question_is_answered_from_the_signature_over_the_answer(writable) -> None:
    corpus, doc_id = corpus_with(writable, "tide-api.html", TIDE_API)
    returns = sentence_starting(corpus, doc_id, "Return the height")
    signature = sentence_starting(corpus, doc_id, "tide.get_height(harbour)")
    assert sections_module._signature_above(corpus, returns, frozenset({"function"})) == signature
    assert sections_module._signature_above(corpus, returns, frozenset({"option"})) is None  # asks no function
    which = writable.ask("Which function returns the height of the water at the harbour gate?", threshold=0.0).answer
    assert which is not None and which.text.startswith("tide.get_height(harbour)")


HARBOUR_STASH = ("HARBOUR-STASH(1)\n\nNAME\n       harbour-stash - keep cargo aside for later\n\n"
                 "DESCRIPTION\n       The harbour stash keeps cargo aside while the dock is cleared. If no\n"
                 "       <option> is given, the default value of the listing is given by the cargo.showCount and\n"
                 "       cargo.showWeight config variables.\n\n"
                 "OPTIONS\n       -k, --keep-crane\n\t   This option is only valid for push and save commands.\n\n"
                 "\t   Every crate already on the crane is left hanging.\n\n"
                 "CONFIGURATION\n       cargo.showCount\n\t   If this is set to true, the listing shows how many "
                 "crates a stash holds.\n\t   Defaults to true.\n\n       cargo.showWeight\n\t   If this is set to "
                 "true, the listing shows their weight. Defaults to false.\n")


def test_an_option_whose_first_sentence_only_says_where_it_is_valid_takes_in_what_it_does(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-stash.1.txt", HARBOUR_STASH)
    valid = sentence_starting(corpus, doc_id, "-k, --keep-crane")
    assert corpus.sentence_text(follower(corpus, valid)).startswith("Every crate")  # the next paragraph
    query = read_query(corpus, "What does --keep-crane do?", None)
    assert completed_by(corpus, valid, follower(corpus, valid), query)
    answer = writable.ask("What does --keep-crane do when stashing?", threshold=0.0).answer
    assert answer is not None and answer.text.endswith("Every crate already on the crane is left hanging.")


def test_the_default_of_a_name_written_as_code_is_answered_from_its_entry(writable) -> None:
    corpus_with(writable, "harbour-stash.1.txt", HARBOUR_STASH)
    answer = writable.ask("What's the default value of cargo.showWeight?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("cargo.showWeight") and "Defaults to false" in answer.text


def test_where_something_is_saved_is_a_path_before_a_link() -> None:
    sentence = ("The crew ID is a random ID ([UUID v4](https://example.org/wiki/UUID)) made on the first run, and "
                "saved at `$HOME/.config/harbour/crew-id`.")
    spans = candidate_spans(sentence, QuestionType("place"))
    assert [sentence[a:b] for a, b in address_only("Where is the crew ID saved?", spans, sentence)] == [
        "$HOME/.config/harbour/crew-id"]
    assert len(address_only("Where is the crew ID explained?", spans, sentence)) == 2  # not asked where it is kept
    assert len(address_only("Where can I read about how the crew ID is saved?", spans, sentence)) == 2  # a clause


HARBOUR_API = ("# Harbour API\n\n## crane.lift()\n\nLifts a crate from the barge onto the quay and weighs it.\n\n"
               "## dock.lift()\n\nSee [`crane.lift()`](#cranelift) for details.\n\n## dock.moor()\n\n"
               "See how the dock moors a ship: it ties the bow first, then the stern.\n")


def test_a_sentence_that_only_sends_the_reader_elsewhere_never_answers(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-api.md", HARBOUR_API)
    assert points_elsewhere(corpus, sentence_starting(corpus, doc_id, "See [`crane.lift()`]"))
    assert not points_elsewhere(corpus, sentence_starting(corpus, doc_id, "See how the dock"))  # it says something
    answer = writable.ask("What does dock.lift do?", threshold=0.0).answer
    assert answer is None or "See [" not in answer.text
    where = writable.ask("Where is dock.lift described?", threshold=0.0).answer  # a place: the pointer may answer
    assert where is not None


HARBOUR_TIDE = ("HARBOUR-TIDE(1)\n\nNAME\n       harbour-tide - wait for the tide\n\nDESCRIPTION\n       The tide "
                "keeper waits for the water to rise before ships leave. The default value of --timeout is 30\n"
                "       minutes; the default value of --depth is 4 metres.\n\nOPTIONS\n       -t, --timeout\n"
                "\t   Sets how long harbour-tide waits for the water to rise.\n\n       -d, --depth\n"
                "\t   Sets how deep the water must be.\n")


def test_a_default_stated_outside_the_entry_is_kept_when_the_entry_states_none(writable) -> None:
    corpus_with(writable, "harbour-tide.1.txt", HARBOUR_TIDE)
    answer = writable.ask("What is the default value of --timeout?", threshold=0.0).answer
    assert answer is not None and "30" in answer.text


HARBOUR_SWING = ("HARBOUR-SWING(1)\n\nDESCRIPTION\n       The swing tool moves crates between the quays of the harbour."
                 "\n\nOPTIONS\n       -a, --all\n\t   Lift every crate on the quay. This option is only valid for the "
                 "lift and swing commands.\n\n       -x, --exact\n\t   This option is only valid for push commands.\n\n"
                 "       -b, --break\n\t   Drop the load at once and stop the crane.\n")


def test_only_an_entrys_opening_that_says_where_it_is_valid_takes_in_what_follows(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-swing.1.txt", HARBOUR_SWING)
    last = sentence_starting(corpus, doc_id, "This option is only valid for the lift")  # no entry's opening
    query = read_query(corpus, "Which commands is --all valid for?", None)
    assert not completed_by(corpus, last, corpus.sentences[last.sentence_id + 1], query)
    assert follower(corpus, sentence_starting(corpus, doc_id, "-x, --exact")) is None  # the next one is an entry


HARBOUR_NOTES = ("# Harbour notes\n\n--force overrides every safety check of the crane, so use it with care\n"
                 "when the quay is empty.\n")
HARBOUR_SYNC = ("HARBOUR-SYNC(1)\n\nDESCRIPTION\n       The sync tool copies the harbour's ledger to the quays.\n\n"
                "EXAMPLES\n       update the index first, then run:\n              tool --sync\n")


def test_an_option_or_a_word_before_an_example_is_no_aligned_term(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-notes.md", HARBOUR_NOTES)
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "--force overrides")) is None  # prose, no hang
    corpus, doc_id = corpus_with(writable, "harbour-sync.1.txt", HARBOUR_SYNC)
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "update the index")) is None  # an example follows


HARBOUR_CONF = ("HARBOUR.CONF(5)\n\nDESCRIPTION\n       harbour.conf is the configuration file for the harbour "
                "crane.\n\nRELATIONS\n       quay_ratio\n\t      This relation specifies the default percentage of "
                "quay space\n\t      kept free for the harbour master.\n\n       crane_speed\n\t      This relation "
                "sets how fast the crane swings.  Defaults to 4.\n\n       tide_wait\n\t      This relation sets how "
                "long the crane waits for the tide.  If this\n\t      relation is not specified, the crane does not "
                "wait.\n\n       opts.default\n\t      This relation holds the values every crane starts with.\n")


def test_a_default_the_entry_of_the_term_asked_never_states_is_withheld(writable) -> None:
    corpus_with(writable, "harbour.conf.5.txt", HARBOUR_CONF)
    assert writable.ask("What is the default quay_ratio?", threshold=0.0).answer is None  # it names one, states none
    stated = writable.ask("What is the default value of crane_speed?", threshold=0.0).answer
    assert stated is not None and "4" in stated.text
    unset = writable.ask("What is the default tide_wait?", threshold=0.0).answer  # what holds when it is not set
    assert unset is not None and "does not wait" in unset.text
    named = writable.ask("What does opts.default hold?", threshold=0.0).answer  # a term's name, no default asked
    assert named is not None and "values every crane starts with" in named.text
    corpus_with(writable, "harbour-rsync.1.txt", HARBOUR_PORTS)
    port = writable.ask("What is the default port of --port?", threshold=0.0).answer  # "rather than the default of"
    assert port is not None and "873" in port.text
    editor = writable.ask("How do I change the default editor with --editor?", threshold=0.0).answer
    assert editor is not None  # asks how, not the default's value


HARBOUR_MODULI = ("HARBOUR-KEYGEN(1)\n\nMODULI GENERATION\n     The following options are accepted:\n\n"
                  "     memory=mbytes\n\t     Specify the amount of memory to use (in megabytes) when generating\n"
                  "\t     candidate moduli for the harbour gates.\n\n     lines=number\n\t     Exit after screening "
                  "the specified number of lines.  The default is\n\t     100 lines.\n")


def test_a_term_written_with_the_placeholder_of_its_value_is_named_without_it(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour-keygen.1.txt", HARBOUR_MODULI)
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "memory=mbytes")) == "memory"
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "lines=number")) == "lines"
    assert writable.ask("What is the default value of the memory= option?", threshold=0.0).answer is None
    lines = writable.ask("What is the default value of the lines= option?", threshold=0.0).answer
    assert lines is not None and "100 lines" in lines.text


HARBOUR_DEFS = ("HARBOUR.DEFS(5)\n\nDESCRIPTION\n       The following configuration items are provided:\n\n"
                "       CRANE_MAX_DAYS (number)\n\t   The maximum number of days a crane may run between inspections. "
                "If the crane\n\t   is older than this, an inspection will be forced. If not\n\t   specified, -1 will "
                "be assumed (which disables the inspection).\n\n       PILOT_ROUTE (string)\n\t   If set, it will "
                "be used to define the route of the harbour pilot.\n\t   The value is a colon separated list of docks. "
                "The default value is\n\t   ROUTE=north:south.\n\n       GATE_GROUP (string), GATE_PERM (string)\n"
                "\t   The gate permissions: the gate will be owned by the\n\t   GATE_GROUP group, and the permissions "
                "will be set to GATE_PERM.\n\n\t   By default, the ownership of the gate is set to the keeper's\n\t   "
                "primary group and the permissions are set to 0600.\n\n\t   Otherwise leave GATE_GROUP commented out "
                "and assign\n\t   GATE_PERM to 622.\n")


def test_a_term_with_its_type_in_parentheses_names_its_entry(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbour.defs.5.txt", HARBOUR_DEFS)
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "CRANE_MAX_DAYS (number)")) == "CRANE_MAX_DAYS"
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "If not")) == "CRANE_MAX_DAYS"
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "GATE_GROUP (string)")) == "GATE_GROUP"
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "By default")) == "GATE_GROUP"


@pytest.mark.parametrize("question, left_alone", [
    ("If CRANE_MAX_DAYS is left out, what value is assumed?", True),
    ("When harbour.defs has no GATE_PERM line, what permissions does the gate get?", True),
    ("If GATE_PERM isn't set, what permissions does the gate get?", True),
    ("Which route does the pilot take if I don't change anything?", True),
    ("Which route does the pilot take if I don't pass --route?", True),
    ("Where does the crane keep its logs unless told otherwise?", True),
    ("If I leave out the GATE_PERM setting, what permissions does the gate get?", True),
    ("If I omit GATE_PERM, what permissions does the gate get?", True),
    ("If you leave the route out, which route does the pilot take?", True),
    ("If I leave the harbour, where does the pilot go?", False),  # no setting left out: a place left
    ("What happens if the keeper has no gate?", False),
    ("If the file is missing, what does the crane do?", False),
    ("If the lock file is not set, how do I enable locking?", False),  # how, why or whether: no value asked
    ("When the token is not set, why do uploads fail?", False),
    ("If the certificate is not given, does the client fail?", False),
    ("What does GATE_PERM set?", False)])
def test_a_question_about_a_setting_left_alone_asks_its_default(writable, question: str, left_alone: bool) -> None:
    corpus, _ = corpus_with(writable, "harbour.defs.5.txt", HARBOUR_DEFS)
    query = read_query(corpus, question, None)
    assert query.left_alone is left_alone and query.asks_default is left_alone
    assert "default" not in query.asked  # the word is not asked for: a sentence may say what holds in other words


@pytest.mark.parametrize("question, expected", [
    ("If CRANE_MAX_DAYS is left out, what value is assumed?", "-1 will be assumed"),
    ("Which route does the pilot take if I don't change anything?", "ROUTE=north:south"),
    ("If GATE_PERM isn't set, what permissions does the gate get?", "0600")])
def test_a_question_about_a_setting_left_alone_is_answered_by_what_holds_then(writable, question: str,
                                                                              expected: str) -> None:
    corpus_with(writable, "harbour.defs.5.txt", HARBOUR_DEFS)
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and expected in answer.text


HARBOUR_ALARMS = ("HARBOURD.CONF(5)\n\nSETTINGS\n       ALERT_CMD (string)\n\t   A command run when a firing "
                  "fails. Without ALERT_CMD, failures are\n\t   only written to the log.\n\n"
                  "       ALARM_HIGH (number), ALARM_LOW (number)\n\t   The temperatures at which the kiln raises an "
                  "alarm.\n\n\t   When ALARM_HIGH is unset, no alarm is raised for heat.\n\n\t   By default, ALARM_LOW "
                  "is 4 degrees.\n\n       Limits (per process)\n\t   At most 64 tallies are kept open at once.\n")


def test_a_setting_left_alone_is_answered_in_its_own_words_and_of_its_own_name(writable) -> None:
    corpus, doc_id = corpus_with(writable, "harbourd.conf.5.txt", HARBOUR_ALARMS)
    unsaid = writable.ask("If ALERT_CMD is not set, what happens when a firing fails?", threshold=0.0).answer
    assert unsaid is not None and "only written to the log" in unsaid.text  # no "default", yet it says what holds
    heat = writable.ask("If ALARM_HIGH is unset, what happens?", threshold=0.0).answer
    assert heat is not None and "no alarm is raised for heat" in heat.text  # not ALARM_LOW's default
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "Limits (per process)")) is None  # a remark, no type


HARBOUR_TIDES = ("# tidepool\n\ntidepool copies photos from a camera card to a library folder.\n\n## Configuration\n\n"
                 "tidepool reads `~/.config/tidepool/config.toml`. Every key is optional.\n\n- `library` \u2014 the "
                 "folder photos are copied to. If it is not set, photos go to `~/Pictures/tidepool`.\n- `archive` "
                 "\u2014 the folder originals are moved to after import; the photos in `library` are never touched. "
                 "Ignored when `library` is not set.\n- `threads` \u2014 how many copies run at once.\n")


def test_a_setting_left_alone_is_not_answered_by_what_holds_when_another_is_unset(writable) -> None:
    corpus_with(writable, "tidepool.md", HARBOUR_TIDES)
    answer = writable.ask("What folder are originals moved to when `archive` is not set?", threshold=0.0).answer
    assert answer is None or "Ignored when `library`" not in answer.text


REVIEWED = Path(__file__).parent / "documents"  # written by a reviewer of the left-alone rules, to find misfires


@pytest.mark.parametrize("document, question, expected", [
    ("spoold.conf.5.txt", "What is the job timeout if JOB_TIMEOUT is not set?", "600 seconds"),  # not its opening
    ("brewd.conf.5.txt", "If PURGE_DAYS is not set, how long are records kept?", None),  # the page does not say
    ("brewd.conf.5.txt", "Which group owns new records if OWNER_GROUP is not set?", None),
    ("driftwood.1.txt", "What User-Agent header is sent if --user-agent is not given?", "DRIFTWOOD_AGENT"),
    ("tidewater-README.md", "What happens if `remote` is not set?", "asks for it"),
])
def test_a_setting_left_alone_is_answered_by_what_holds_then_or_withheld(writable, document: str, question: str,
                                                                          expected: str | None) -> None:
    corpus_with(writable, document, (REVIEWED / document).read_text(encoding="utf-8"))
    answer = writable.ask(question, threshold=0.0).answer
    assert (answer is None) if expected is None else (answer is not None and expected in " ".join(answer.text.split()))


def test_a_setting_typed_as_a_measure_names_its_entry(writable) -> None:
    corpus, doc_id = corpus_with(writable, "wharf.conf.5.txt", "WHARF.CONF(5)\n\nSETTINGS\n       cost_factor "
                                 "(floating point)\n\t   The weight of a page in the queue's order.\n\n\t   The "
                                 "default is 1.5.\n\n       idle_timeout (seconds)\n\t   How long an idle crane "
                                 "waits.\n")
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "cost_factor")) == "cost_factor"
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "idle_timeout")) == "idle_timeout"


HARBOUR_CRANE = ("CRANE(1)\n\nCOMMANDS\n       lift [--depth=N]\n\n\t   Lift the top crate off the stack.\n\n"
                 "\t   --depth=N\n\n\t       Set the maximum lift depth (default: 2).\n\nENVIRONMENT\n"
                 "       CRANE_COLORS\n\t   The colours of the crane's messages:\n\n\t   stack_depth\n\t\t     Used in "
                 "'crane lift' to color the stack depth information.\n\t\t     Defaults to 35 (purple).\n\n"
                 "       Example\n\n\t   The crane lifts three crates at most.\n")


def test_an_option_over_a_blank_line_and_its_text_names_its_entry(writable) -> None:
    corpus, doc_id = corpus_with(writable, "crane.1.txt", HARBOUR_CRANE)
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "--depth=N")) == "--depth"
    assert entry_name(corpus, sentence_starting(corpus, doc_id, "The crane lifts")) is None  # a word is no option
    question = "What is the deepest lift depth crane lift accepts if I don't pass --depth?"
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and "default: 2" in answer.text


HARBOUR_KEEPERADD = ("KEEPERADD(8)\n\nOPTIONS\n       -g, --gid GROUP\n\t   The group name or number of the new "
                     "keeper's primary group.\n\n\t   If not specified, the behavior of keeperadd will depend on the\n"
                     "\t   KEEPER_GROUPS_ENAB variable in /etc/harbour.defs. If the variable is set to no, keeperadd "
                     "will set the primary group\n\t   of the new keeper to the value specified by the GROUP variable, "
                     "or 100 by default.\n\nCONFIGURATION\n       KEEPER_GROUPS_ENAB (boolean)\n\t   If set to yes, "
                     "keeperdel will remove the keeper's group if it has no\n\t   more members, and keeperadd will "
                     "create by default a group with\n\t   the name of the keeper.\n")


def test_a_name_set_as_a_condition_is_not_the_entry_asked_about(writable) -> None:
    corpus_with(writable, "keeperadd.8.txt", HARBOUR_KEEPERADD)
    question = "Which primary group does a new keeper get when KEEPER_GROUPS_ENAB is no and GROUP is not set?"
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and "100 by default" in answer.text
    asked = writable.ask("What does KEEPER_GROUPS_ENAB do?", threshold=0.0).answer  # the name asked about
    assert asked is not None and "keeperdel will remove" in asked.text


def test_a_name_set_to_a_value_is_a_condition_and_one_left_unset_is_what_is_asked_about(writable) -> None:
    corpus, _ = corpus_with(writable, "keeperadd.8.txt", HARBOUR_KEEPERADD)
    valued = read_query(corpus, "Which primary group does a new keeper get when KEEPER_GROUPS_ENAB is no?", None)
    assert naming_module._set_as_conditions(valued) == {"keeper_groups_enab"}
    unset = read_query(corpus, "Which group file is used if GROUP_FILE is not set?", None)
    assert naming_module._set_as_conditions(unset) == set()


HARBOUR_PORTS = ("HARBOUR-RSYNC(1)\n\nOPTIONS\n       --port=PORT\n              This specifies an alternate TCP port "
                 "number to use rather\n              than the default of 873.\n\n       --editor=NAME\n"
                 "              Sets the editor the harbour master edits the ledger with.\n")


def test_a_day_of_the_month_is_a_date_and_a_number_after_version_is_a_version() -> None:
    shipped = "We ship a minor update on the 15th of every month and a fix on the 1st of March 2024."
    assert [shipped[a:b] for a, b in candidate_spans(shipped, QuestionType("date"))] == [
        "15th of every month", "1st of March 2024"]
    protocol = "The supported protocol version is 13."
    assert [protocol[a:b] for a, b in candidate_spans(protocol, QuestionType("version"))] == ["13"]
    aged = "The conversion is 3 times faster; this version is 2 years old."
    assert candidate_spans(aged, QuestionType("version")) == []
    wrapped = "Updates ship on the 15th of\n    every month."
    assert [wrapped[a:b] for a, b in candidate_spans(wrapped, QuestionType("date"))] == ["15th of\n    every month"]
    assert candidate_spans("The crane lifted 13 crates.", QuestionType("version")) == []


HARBOUR_BUILD = ("# Building the crane controller\n\nThe controller is written in C++. The current source code "
                 "requires a C++11 aware compiler, and the crane firmware speaks utf8-12.1 only.\n\nThe gcc-12.2 "
                 "compiler builds it.\n")


def test_a_number_glued_to_another_name_answers_no_version_or_count(writable) -> None:
    corpus_with(writable, "building.md", HARBOUR_BUILD)
    minimum = writable.ask("What minimum version of g++ is needed to build the crane controller?", threshold=0.0)
    assert minimum.answer is None or "11" not in minimum.answer.text  # C++11 is a standard, not a version of g++
    encoding = writable.ask("Which version of the firmware encoding is used?", threshold=0.0).answer
    assert encoding is None or encoding.text != "12.1"  # utf8-12.1 names an encoding
    named = writable.ask("Which gcc version builds the crane controller?", threshold=0.0).answer
    assert named is not None and "12.2" in named.text  # the name the question asks about
    corpus_with(writable, "requirements.md", "# Requirements\n\nThe crane controller requires Python-3.8 or later.\n")
    python = writable.ask("What is the minimum supported version of the crane controller?", threshold=0.0).answer
    assert python is not None and "3.8" in python.text  # a version of a plain name is its version


PUMP_FAQ = ("Pump FAQ\n\nQ) Help! Can I limit the pump's flow?\nA) Yes. See the settings \"flow_max\" and "
            "\"flow_min\".\n\nQ) Help! The pump rattles at night.\nA) Tighten the seal. Then fill the tank.\n")


def test_a_marked_bare_yes_takes_in_the_sentence_after_it(writable) -> None:
    corpus_with(writable, "pump-faq.txt", PUMP_FAQ)
    answer = writable.ask("Can I limit the flow of the pump?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("A) Yes.") and "flow_max" in answer.text


CRANE_SETTINGS = ("<html><head><title>Crane settings</title></head><body><h1>Crane settings</h1><dl>"
                  "<dt><code>hook_permissions</code> (<code>integer</code>)</dt><dd><p>Sets the access permissions "
                  "of the crane hook. The hook uses the usual permission set of the quay.</p><p>The default "
                  "permissions are 0770, meaning the crew can lift.</p><p>This can only be set at start.</p></dd>"
                  "<dt><code>hook_depth</code> (<code>integer</code>)</dt><dd><p>Sets how deep the hook goes.</p>"
                  "<p>The default is 9 metres.</p></dd></dl></body></html>")


def test_a_default_stated_in_a_later_paragraph_under_the_same_label_answers(writable) -> None:
    writable.add_document(FileUpload("crane-settings.html", "text/html", CRANE_SETTINGS.encode()))
    answer = writable.ask("What permissions does the crane hook get by default?", threshold=0.0).answer
    assert answer is not None and "0770" in answer.text and "9 metres" not in answer.text
    notes = ("# Crane notes\n\n**Options:**\n\nThe cache lives in ~/.cache/crane and is flushed on exit.\n\n"
             "The worker pool is started lazily. The default is 4 workers.\n")
    writable.add_document(FileUpload("crane-notes.md", "text/markdown", notes.encode()))
    cache = writable.ask("Where is the crane cache kept by default?", threshold=0.0).answer
    assert cache is not None and "4 workers" not in cache.text  # Markdown's "Options:" names no term


# AsciiDoc's HTML of a manual page: its title and NAME section in a page header, options and variables as terms.
FROB_HTML = ('<html><head><title>frob(1)</title></head><body class="manpage"><div id="header"><h1>frob(1) Manual '
             'Page</h1><h2>NAME</h2><div class="sectionbody"><p>frob - text-mode polisher for harbour files</p></div>'
             '</div><div id="content"><h2>EXAMPLES</h2><p>Polish the current folder:</p><pre>$ frob</pre>'
             '<p>Polish one file:</p><pre>$ frob -- README</pre><h2>OPTIONS</h2><dl><dt>-C &lt;path&gt;</dt><dd><p>'
             'Run as if frob was started in &lt;path&gt; instead of the current working directory.</p></dd>'
             '<dt>-v, --version</dt><dd><p>Show version and exit.</p></dd></dl><h2>ENVIRONMENT VARIABLES</h2><dl>'
             '<dt>FROBRC_SYSTEM</dt><dd><p>Path of the system wide configuration file.</p></dd></dl></div></body>'
             '</html>')


def test_a_manual_page_in_html_says_what_its_program_is_from_its_name_line(writable) -> None:
    corpus, doc_id = corpus_with(writable, "frob.1.html", FROB_HTML)
    assert corpus.plain_title_terms[doc_id] == frozenset({"frob"})  # "(1)" is the manual's section, no name
    answer = writable.ask("What is frob?", threshold=0.0).answer
    assert answer is not None and answer.text == "frob - text-mode polisher for harbour files"


def test_a_which_option_or_variable_question_is_answered_from_the_definition_term(writable) -> None:
    corpus_with(writable, "frob.1.html", FROB_HTML)
    option = writable.ask("Which option changes the working directory?", threshold=0.0).answer
    assert option is not None and option.text.startswith("-C <path>\n\nRun as if frob was started")
    variable = writable.ask("Which environment variable names the system-wide configuration file?",
                            threshold=0.0).answer
    assert variable is not None and variable.text == "FROBRC_SYSTEM\n\nPath of the system wide configuration file."
    told = writable.ask("What does the system wide configuration file hold?", threshold=0.0).answer
    assert told is not None and not told.text.startswith("FROBRC_SYSTEM")  # no name asked: the sentence alone
    assert not sections_module.asks_for_a_term(frozenset(), "How do I see what environment variables frob reads?")
    assert sections_module.asks_for_a_term(frozenset(), "Which command line option prints the version?")
    writable.add_document(FileUpload("notes.html", "text/html", b"<dl><dt>Note</dt><dd><p>The FROBRC_HOME variable "
                                     b"moves the polishing folder.</p></dd></dl>"))
    noted = writable.ask("Which environment variable moves the polishing folder?", threshold=0.0).answer
    assert noted is not None and noted.text.startswith("The FROBRC_HOME")  # "Note" names no term
    writable.add_document(api_entry("body.cache", "The option that keeps fetched bodies for later reads."))
    markdown = writable.ask("Which option keeps fetched bodies for later reads?", threshold=0.0).answer
    assert markdown is not None and markdown.text.startswith("The option")  # Markdown's label names no term


HARBOUR_GATES = ("HARBOUR-GATES(5)\n\nDESCRIPTION\n       Lines beginning with \"no-auto-close\" are used to identify "
                 "gates that\n       should not be closed by the command \"gatectl -a\".  Its main use is to keep a "
                 "gate\n       open during a storm, for example when boats must still reach the harbour.\n")


def test_a_which_question_answered_by_a_sentence_pointing_back_at_its_kind_takes_the_one_before_in(writable) -> None:
    corpus_with(writable, "harbour-faq.txt", "Harbour FAQ\n\n6.6 The pilot console gives me no prompt.\n\n"
                "   Only bash, tcsh and zsh can be used as pilot shells.  Use one of those\n   shells as your login "
                "shell, and the pilot console will use it.\n")
    answer = writable.ask("Which shells can the pilot console use?", threshold=0.0).answer
    assert answer is not None and "bash, tcsh and zsh" in answer.text and "Use one of those" in answer.text
    how = writable.ask("How do I make the pilot console use my login shell?", threshold=0.0).answer
    assert how is not None and "bash, tcsh and zsh" not in how.text  # no which-question, no kind pointed back at


def test_a_which_question_answered_by_a_sentence_about_it_takes_the_one_naming_it_in(writable) -> None:
    corpus_with(writable, "harbour-upgrades.txt", "Harbour upgrades\n\nChanges that need manual steps are announced "
                "in the tide notes. Installing the tide-reader package is recommended. It will display the tide "
                "notes before upgrades.\n\nThe sluice filter matches names by glob. It's also the quickest filter "
                "of the three.\n")
    package = writable.ask("Which package shows the tide notes before an upgrade?", threshold=0.0).answer
    assert package is not None and "tide-reader" in package.text and "It will display" in package.text
    filter_ = writable.ask("Which sluice filter is the quickest?", threshold=0.0).answer
    assert filter_ is not None and "matches names by glob" in filter_.text
    when = writable.ask("When are the tide notes displayed?", threshold=0.0).answer  # no which-question: as it was
    assert when is not None and "tide-reader" not in when.text


def test_a_which_name_question_answered_about_what_the_sentence_before_names_takes_it_in(writable) -> None:
    corpus_with(writable, "harbour-gates.5.txt", HARBOUR_GATES)
    answer = writable.ask("Which keyword keeps a gate open during a storm when boats must reach the harbour?",
                          threshold=0.0).answer
    assert answer is not None and "no-auto-close" in answer.text and "storm" in answer.text
    why = writable.ask("Why would a gate be kept open during a storm?", threshold=0.0).answer  # asks for no name
    assert why is not None and "no-auto-close" not in why.text
    corpus_with(writable, "gatectl-readme.md", "# gatectl\n\n## Storms\n\nEnter the following line when a storm "
                "warning comes in:\n\n```\ngatectl seal --all\n```\n\nThis will close every sluice of the harbour "
                "and lock the outer gate until the warning ends.\n")
    command = writable.ask("Which gatectl command closes every sluice and locks the outer gate?", threshold=0.0).answer
    assert command is not None and "gatectl seal --all" in command.text  # the command the sentence follows
    corpus_with(writable, "gatectl-docker.md", "# gatectl in a container\n\n```\n$ docker run -it gatectl\n"
                "root@4a2b:/# gatectl seal\n```\n\nIt is also possible to run the gatectl container as a harbour "
                "pilot rather than as root.\n")
    pilot = writable.ask("Which docker option runs the gatectl container as a harbour pilot?", threshold=0.0).answer
    assert pilot is not None and "docker run" not in pilot.text  # "It is possible": no name before; a session


DOCK_SECTIONS = ("# Dock sections\n\n## Harbour/Cranes\n\nMachines that lift containers off ships and onto the "
                 "quay.\n\nExamples: gantry, jib, luffing\n\n## Harbour/Tugs\n\nBoats that push or tow larger vessels "
                 "through narrow water.\n\nExamples: tractor, stern-drive, pusher\n")


def test_a_line_labelled_with_what_is_asked_answers_in_place_of_the_description_above_it(writable) -> None:
    writable.add_document(FileUpload("dock-sections.md", "text/markdown", DOCK_SECTIONS.encode()))
    examples = writable.ask("Which examples are given for Harbour/Tugs?", threshold=0.0).answer
    assert examples is not None and examples.text == "Examples: tractor, stern-drive, pusher"
    described = writable.ask("What goes in Harbour/Tugs?", threshold=0.0).answer
    assert described is not None and "narrow water" in described.text  # no label asked: the description


SOUNDER = ("SOUNDER(8)\n\nNAME\n       sounder - measure the depth under a hull\n\nOPTIONS\n"
           "       -s PINGSIZE, --psize PINGSIZE\n\t      This  option  sets  the  ping size used for sounding.  "
           "It is in\n\t      bytes.\n\n       -c COUNT, --cycles COUNT\n\t      Use this option to set the "
           "number of soundings.  The default is 10.\n\n       -q     Print nothing but the depth.\n")


def test_an_option_written_with_its_argument_before_each_name_opens_an_entry(writable) -> None:
    corpus, doc_id = corpus_with(writable, "sounder.8.txt", SOUNDER)
    named = {corpus.sentence_text(s)[:12]: entry_name(corpus, s) for s in corpus.sentences if s.doc_id == doc_id}
    assert named["-s PINGSIZE,"] == "--psize" and named["The default "] == "--cycles"


def test_a_default_its_entry_does_not_state_is_withheld_though_the_question_names_no_option(writable) -> None:
    corpus_with(writable, "sounder.8.txt", SOUNDER)
    assert writable.ask("What ping size does sounder use by default?", threshold=0.0).answer is None
    cycles = writable.ask("How many soundings does sounder take by default?", threshold=0.0).answer
    assert cycles is not None and "10" in cycles.text
    corpus_with(writable, "chimer.8.txt", "CHIMER(8)\n\nOPTIONS\n       -r RING, --ring RING\n\t      Sets the "
                "options passed to the chime program.  The default, for brass(1), is \"-3\".\n")
    chime = writable.ask("Which options are passed to the chime program by default?", threshold=0.0).answer
    assert chime is not None and "chime program" in chime.text  # its entry names a default in words of its own


TOLLER = ("TOLLER(8)\n\nNAME\n       toller - ring the harbour bells\n\nDESCRIPTION\n       As toller starts, it "
          "rings the first bell to wake the keepers, then the others in turn.\n\nOPTIONS\n"
          "       -f NUM, --first-bell NUM\n\t      Specifies with what bell to start.  Defaults to 2.\n\n"
          "       -q     Ring quietly.\n")


def test_a_default_question_takes_the_entry_that_states_it_over_prose_that_states_none(writable) -> None:
    corpus_with(writable, "toller.8.txt", TOLLER)
    answer = writable.ask("Which bell does toller start with by default?", threshold=0.0).answer
    assert answer is not None and answer.text.endswith("Defaults to 2.")


def test_a_how_many_default_stated_in_words_answers(writable) -> None:
    corpus_with(writable, "plumb.1.txt", "PLUMB(1)\n\nOPTIONS\n       -w, --workers num\n\t      Set number of workers "
                "to use for sounding (default:\n\t      number of available hulls).\n\n       -q     Sound quietly.\n")
    answer = writable.ask("How many workers does plumb use if I don't set -w?", threshold=0.0).answer
    assert answer is not None and "number of available hulls" in answer.text


def test_a_default_whose_word_a_typesetter_broke_across_lines_is_still_stated(writable) -> None:
    corpus_with(writable, "dredge.1.txt", "DREDGE(1)\n\nOPTIONS\n       -w, --wrecks num\n\t      Set number of wrecks "
                "to raise per dive (de\u2010\n\t      fault: every wreck in reach).\n\n       -q     Dredge quietly.\n")
    answer = writable.ask("How many wrecks does dredge raise per dive if I don't set -w?", threshold=0.0).answer
    assert answer is not None and "every wreck in reach" in answer.text


GATE_WATCH = ("GATEWATCH README\n\nGatewatch keeps a gate open.\n\nStartup\n-------\n\n"
              "GATEWATCH_GRACE sets how long gatewatch waits after a failed first check. Default is 30 seconds.\n\n"
              "Checks\n------\n\nPeriodically (by default every 10 minutes), gatewatch checks the gate.\n")


def test_a_dimension_question_answered_by_a_span_measured_otherwise_takes_the_one_measured_in_it(writable) -> None:
    corpus, doc_id = corpus_with(writable, "gatewatch.txt", GATE_WATCH)
    grace = sentence_starting(corpus, doc_id, "Default is 30")
    checks = sentence_starting(corpus, doc_id, "Periodically")
    text = corpus.documents[doc_id].text
    span_of = {s: (text.index(value, s.start), text.index(value, s.start) + len(value))
               for s, value in ((grace, "30 seconds"), (checks, "every 10 minutes"))}
    seconds, minutes = (Candidate(s, 1.0 - i, 0.6 - i / 10, {}, span_of[s], s) for i, s in enumerate((grace, checks)))
    often = read_query(corpus, "How often does gatewatch check the gate by default?", None)
    chosen = answer_module.the_dimension_asked(corpus, seconds, [seconds, minutes], often)
    assert chosen.support == checks and chosen.span == span_of[checks] and chosen.score == seconds.score
    long = read_query(corpus, "How long does gatewatch wait after a failed first check?", None)
    assert answer_module.the_dimension_asked(corpus, seconds, [seconds, minutes], long) == seconds  # measured so
    named = read_query(corpus, "What does gatewatch check?", None)
    assert answer_module.the_dimension_asked(corpus, seconds, [seconds, minutes], named) == seconds  # no dimension
