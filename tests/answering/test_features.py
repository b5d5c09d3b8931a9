"""The answer step's features: the per-version memo is safe across threads; a span is chosen by the question's
words near it; a sentence that defines what the question asks about is found and answers whole."""

from __future__ import annotations

import random
import sys
import threading

import pytest

from qa.answering import features
from qa.answering.answer import score_candidates
from qa.answering.features import defines_subject
from qa.answering.model import default_model
from qa.answering.questions import defined_subject, read_query
from qa.documents.chunking import Sentence
from qa.documents.uploads import FileUpload
from qa.documents.words import terms
from qa.retrieval.search import search
from qa.storage.corpus import Corpus
from tests.helpers.corpora import api_entry, corpus_with


def test_readings_of_many_versions_from_many_threads_raise_nothing() -> None:
    errors: list[str] = []

    def ask_for_versions(seed: int) -> None:
        versions = random.Random(seed)
        try:
            for _ in range(5000):
                features._readings(f"test-version-{versions.randrange(8)}")
        except Exception as error:  # any error is the finding
            errors.append(repr(error))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: the race shows within a few thousand calls
    try:
        threads = [threading.Thread(target=ask_for_versions, args=(seed,)) for seed in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not errors, errors[:3]
    assert len(features._READINGS) <= 4


def test_a_span_near_the_question_s_rare_word_beats_one_near_a_common_word() -> None:
    # "a Front-Cover Text of at most 5 words, and a Back-Cover Text of at most 25 words"
    sentence = "a Front-Cover Text of at most 5 words, and a Back-Cover Text of at most 25 words"
    anchors = [(sentence.index(word), frozenset({stem})) for word, stem in
               (("Front", "front"), ("Cover", "cover"), ("Text", "text"))]
    anchors += [(sentence.index("Cover", 30), frozenset({"cover"})), (sentence.index("Text", 30), frozenset({"text"}))]
    weights = {"front": 5.0, "cover": 2.0, "text": 1.0}
    five, twenty_five = (sentence.index("at most 5"), sentence.index("5 words") + 7), \
        (sentence.index("at most 25"), len(sentence))
    assert features._closeness(five, anchors, weights) > features._closeness(twenty_five, anchors, weights)
    assert features._closeness((0, len(sentence)), anchors, weights) == 0.0  # words inside a span do not count


def test_in_a_list_a_number_belongs_to_the_name_before_it() -> None:
    sentence = "The oldest versions known to work are: autoconf 2.69, automake 1.14, libtool 2.4.6."
    anchors = [(sentence.index(word), frozenset({word})) for word in ("oldest", "versions", "automake")]
    weights = {"oldest": 1.0, "versions": 1.0, "automake": 3.0}
    autoconf, automake = (sentence.index("2.69"), sentence.index("2.69") + 4), \
        (sentence.index("1.14"), sentence.index("1.14") + 4)
    assert features._closeness(automake, anchors, weights, inside=True, text=sentence) > \
        features._closeness(autoconf, anchors, weights, inside=True, text=sentence)
    assert features._closeness(automake, anchors, weights, inside=True) < \
        features._closeness(autoconf, anchors, weights, inside=True)  # read without the list, 2.69 was nearer


def test_a_quantity_counting_what_was_asked_beats_one_beside_it() -> None:
    sentence = "law enforcement have arrested nearly 2,000 smugglers in the last eight weeks"
    anchors = [(sentence.index("enforcement"), frozenset({"enforc"})), (sentence.index("smugglers"),
                                                                        frozenset({"smuggler"}))]
    weights = {"enforc": 1.0, "smuggler": 3.0}
    counted = (sentence.index("nearly"), sentence.index(" in the"))
    beside = (sentence.index("eight"), len(sentence))
    assert features._closeness(counted, anchors, weights, inside=True) > \
        features._closeness(beside, anchors, weights, inside=True)
    assert features._closeness(counted, anchors, weights) < features._closeness(beside, anchors, weights)


def _best_span(corpus: Corpus, holding: str, question: str) -> str:
    """The span `features.best_span` takes for `question` in the sentence that holds `holding`."""
    sentence = next(s for s in corpus.sentences if holding in corpus.sentence_text(s))
    start, end = features.best_span(corpus, sentence, read_query(corpus, question, None))
    return corpus.documents[sentence.doc_id].text[start:end]


def test_the_answer_span_counts_the_unit_of_a_quantity(service) -> None:
    span = _best_span(service.snapshot.corpus, "2,000 smugglers", "How many smugglers were convicted?")
    assert span == "nearly 2,000 smugglers"  # not "eight weeks"


def test_a_number_the_question_says_with_its_unit_is_no_answer_to_it(service) -> None:
    question = "How many smugglers were arrested in the last eight weeks?"
    assert _best_span(service.snapshot.corpus, "2,000 smugglers", question) == "nearly 2,000 smugglers"


def test_a_number_word_the_question_says_is_no_answer_however_it_spells_what_follows(writable) -> None:
    text = ("HARBOUR.CONF(5)\n\n       barge_max_per_dock\n\t      This is a numeric value which tells how many "
            "concurrent barges\n\t      from one IP address are allowed. The default is 1 and the maximum is 16.\n")
    writable.add_document(FileUpload("harbour.conf.5.txt", "text/plain", text.encode()))
    question = "How many concurrent barges from one IP adress can barge_max_per_dock allow?"  # "adress": misspelt
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and answer.text != "one IP address"


def test_a_name_in_a_list_speaks_of_its_own_item_not_of_the_one_before_it(writable) -> None:
    text = ("Harbour crew\n\nOther pilots have joined the crew later:\n  * Ada Quist (joined Sep 27 1994)\n"
            "  * Bo Lind (joined Jul 1996)\n  * Cy Moor (joined Nov 1 1996)\n")
    writable.add_document(FileUpload("crew.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus
    assert _best_span(corpus, "Bo Lind", "When did Cy Moor join the crew?") == "Nov 1 1996"
    assert _best_span(corpus, "Bo Lind", "When did Bo Lind join the crew?") == "Jul 1996"


def test_what_years_is_answered_by_every_range_listed_and_no_version(writable) -> None:
    text = ("Tide tables\n\nCopyright 1992-1993, 1996-2016 Harbour Guild. Released under version 3 of the guild "
            "licence.\n")
    writable.add_document(FileUpload("tides.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus
    assert _best_span(corpus, "Copyright 1992", "Which years does the copyright cover?") == "1992-1993, 1996-2016"
    assert _best_span(corpus, "Copyright 1992", "When was it written?") != "1992-1993, 1996-2016"  # one date


def test_a_sentence_that_leaves_its_subject_to_its_heading_is_read_with_it(writable) -> None:
    page = ("# Installs\n\n## Hash-checking\n\nHashes are written after each pinned version.\n\n"
            "```\nFoo == 1.2 --hash=sha256:2cf24dba\n```\n\nThis protects against a compromised index.\n")
    writable.add_document(FileUpload("installs.md", "text/markdown", page.encode()))
    question = "What does hash-checking protect against?"
    snapshot, vector = writable.current(), writable.queries.encode(question)
    query = read_query(snapshot.corpus, question, vector)
    found = score_candidates(snapshot.corpus, query, search(snapshot, question, vector, 10), default_model())
    said = {snapshot.corpus.sentence_text(c.sentence): c.features["with_heading_terms"] for c in found}
    # "protect" said here, "hash-checking" in the heading above
    assert said["This protects against a compromised index."] == pytest.approx(1.0)
    assert said["Hashes are written after each pinned version."] < 1.0


@pytest.mark.parametrize("question, subject", [
    ('What does "Share" mean in the Creative Commons licence?', ("share",)), ("Who is the Licensor?", ("licensor",)),
    ("What are Sui Generis Database Rights?", ("sui", "generi", "databas", "right")),
    ('What does "You" mean in this licence?', ("you",)), ("What is meant by a stanza?", ("stanza",)),
    ("Who leads Operation Sentinel?", ()), ("What does JTFA stand for?", ()), ("How is a stanza ended?", ()),
])
def test_a_definition_question_names_its_subject(question: str, subject: tuple[str, ...]) -> None:
    assert defined_subject(question) == subject


def test_the_sentence_that_defines_the_subject_answers_a_who_question_as_a_whole(writable) -> None:
    licence = ("Sample Public License\n\nSection 1 -- Definitions.\n\n"
               "  j. Licensor means the individual(s) or entity(ies) granting rights\n"
               "     under this Public License.\n\n"
               "  k. Share means to provide material to the public by any means.\n\n"
               "Section 2 -- Scope.\n\nThe Licensor grants You a worldwide license, as agreed with Alice Walker.\n")
    assert _answer_over(writable, "sample-license.txt", licence, "Who is the Licensor?").startswith(
        "j. Licensor means the individual(s)")
    snapshot = writable.current()
    defining = [s for s in snapshot.corpus.sentences
                if defines_subject(snapshot.corpus, s, read_query(snapshot.corpus, "What does Share mean?", None))]
    assert [snapshot.corpus.sentence_text(s)[:16] for s in defining] == ["k. Share means t"]


def test_a_term_named_in_quotes_in_parentheses_is_defined_by_its_sentence() -> None:
    assert features._defined_term('a copy of the software and documentation covered by this license (the\n'
                                  '"Software") to use') == ("softwar",)
    assert features._defined_term('Creative Commons Corporation ("Creative Commons") is not a law firm') == (
        "creativ", "common")
    assert features._defined_term("It is used (see below) by many.") == ()
    assert features._defined_term("$ DEBUG=foo node -e 'var dbg = require(\"debug\")'") == ()  # a call's argument


@pytest.mark.parametrize("sentence, term", [
    ('A "contribution" is the original software, or any additions', ("contribut",)),
    ('A "contributor" is any person that distributes its contribution', ("contributor",)),
    ('"Licensed patents" are a contributor\'s patent claims that read directly on it', ("licens", "patent")),
    ("The program is free software.", ()),
])
def test_a_definition_may_open_with_an_article_before_its_quoted_term(sentence: str, term: tuple[str, ...]) -> None:
    assert features._defined_term(sentence) == term


def test_in_a_list_of_definitions_the_entry_of_the_asked_term_answers(writable) -> None:
    licence = ("Sample Permissive License\n\n1. Definitions\n"
               'The terms "reproduce" and "distribution" have the same meaning here as under U.S. copyright law.\n'
               'A "contribution" is the original software, or any additions or changes to the software.\n'
               'A "contributor" is any person that distributes its contribution under this license.\n')
    answer = _answer_over(writable, "sample-permissive.txt", licence,
                          "What is a contribution under the Sample Permissive License?")
    assert answer.startswith('A "contribution" is the original software')


def _answer_over(writable, name: str, text: str, question: str) -> str:
    """The answer's text once a plain-text document is added ("" when withheld)."""
    writable.add_document(FileUpload(name, "text/plain", text.encode()))
    answer = writable.ask(question).answer
    return answer.text if answer is not None else ""


def test_a_heading_is_answered_by_the_text_past_the_label_under_it(writable) -> None:
    writable.add_document(api_entry("response.ok", "Convenience property: true when the status is from 200 to 299."))
    corpus = writable.current().corpus
    query = read_query(corpus, "What does response.ok mean?", None)
    by_text = {corpus.sentence_text(s): s for s in corpus.sentences}
    unit = features.answer_unit(corpus, by_text["response.ok"], query)
    assert corpus.sentence_text(unit.support).startswith("Convenience property")  # not the label


def test_a_number_word_the_question_says_is_no_answer_to_it(writable) -> None:
    text = "Rakai\n\nIn this district about 60,000 children\nhave lost one or both parents.\n"
    writable.add_document(FileUpload("rakai.txt", "text/plain", text.encode()))
    span = _best_span(writable.current().corpus, "60,000", "How many children have lost one or both parents?")
    assert span == "about 60,000"  # not "one"


def test_who_did_the_act_asked_is_the_agent_after_by_not_a_name_nearer_the_verb(writable) -> None:
    text = "Harbour news\n\n* Various lamp fixes for Kestrel Point, mostly suggested by Ines Vale.\n"
    writable.add_document(FileUpload("news.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus
    assert _best_span(corpus, "Kestrel Point", "Who suggested the lamp fixes?") == "Ines Vale"  # not the place
    text = "Harbour log\n\nAda Quist translated the lamp manual by Ines Vale into Welsh.\n"
    writable.add_document(FileUpload("log.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus  # "manual by": no agent of the verb asked
    assert _best_span(corpus, "Ada Quist translated", "Who translated the lamp manual?") == "Ada Quist"


def test_a_span_that_restates_the_question_in_a_name_s_humps_or_only_names_the_noun_asked_is_no_answer(
        writable) -> None:
    text = ("Harbour watch\n\nBy default WatchExcludeUsers lists Marta Lind, who keeps the lamp.\n\n"
            "Example: a watch file dawn.watch starts the matching unit dawn.service. The Unit to start may be set.\n")
    writable.add_document(FileUpload("watch.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus
    assert _best_span(corpus, "Marta Lind", "Which user is excluded from the watch by default?") == "Marta Lind"
    example = next(s for s in corpus.sentences if corpus.sentence_text(s).startswith("Example: a watch"))
    unit = read_query(corpus, "Which unit does dawn.watch start?", None)
    assert unit.wanted.name == "who" and features.best_span(corpus, example, unit) is None  # not "Unit": the sentence


def test_a_name_after_a_sentence_that_says_the_asked_act_without_its_doer_did_something_else(writable) -> None:
    text = ("Sample License\n\nThis license has been certified as open source. It has also been designated as\n"
            "GPL compatible by the Free Software Foundation.\n\nSample Guide\n\n2004, Oliver Elphick, Martin Pitt\n\n"
            "The guide was written for packagers.\n")
    corpus, _ = corpus_with(writable, "sample.txt", text)
    by_text = {corpus.sentence_text(s): s for s in corpus.sentences}
    certified = next(s for text, s in by_text.items() if text.startswith("This license has been"))

    def answered(sentence: Sentence, question: str) -> str | None:
        unit = features.answer_unit(corpus, sentence, read_query(corpus, question, None))
        return corpus.documents[sentence.doc_id].text[slice(*unit.span)] if unit.span else None

    assert answered(certified, "Who certified the license?") is None  # the next sentence names who designated it
    assert answered(certified, "Who designated the license GPL compatible?") == "Free Software Foundation"
    assert answered(by_text["Sample Guide"], "Who wrote the Sample Guide?") == "Oliver Elphick, Martin Pitt"  # a byline


def test_a_licences_title_line_answers_its_version_and_date_but_heads_no_other_answer(writable) -> None:
    text = ("Sample Software License - Version 1.0 - August 17th, 2003\n\n"
            "Permission is hereby granted to use and distribute the software.\n")
    writable.add_document(FileUpload("sample-license.txt", "text/plain", text.encode()))
    version = writable.ask("Which version of the Sample Software License is this?").answer
    published = writable.ask("When was the Sample Software License published?").answer
    assert version is not None and version.text == "Version 1.0"
    assert published is not None and published.text == "August 17th, 2003"  # a date before a version
    corpus = writable.current().corpus
    title = next(s for s in corpus.sentences if corpus.sentence_text(s).startswith("Sample Software License"))
    patents = read_query(corpus, "Does the Sample Software License cover patents?", None)
    assert features.answer_unit(corpus, title, patents).support == title  # the title heads the whole text
    meaning = read_query(corpus, "What is the Sample Software License?", None)
    assert corpus.sentence_text(features.answer_unit(corpus, title, meaning).support).startswith("Permission")


def test_an_address_whose_link_text_the_question_restates_is_no_answer_to_where() -> None:
    text = ("If it is [in scope for the Harbour Bounty Program](https://bounty.example.org/#scope), submit it "
            "through [Tidewatch](https://tidewatch.example.org/harbour); get [tide.py](https://example.org/tide.py).")
    asked = terms("Where should a finding in scope for the Harbour Bounty Program be submitted?")
    assert features._target_of_a_restated_link(text, text.index("https://bounty"), asked)
    assert not features._target_of_a_restated_link(text, text.index("https://tidewatch"), asked)
    named = terms("Where can I download tide.py?")  # a link named by its file still answers where it is
    assert not features._target_of_a_restated_link(text, text.index("https://example.org/tide.py"), named)


def test_a_question_about_a_default_takes_the_value_stated_as_the_default(writable) -> None:
    text = "Gate keys\n\nFor brass keys, the minimum length is 40 mm and the default is 65 mm. Keys wear out.\n"
    writable.add_document(FileUpload("keys.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus
    assert _best_span(corpus, "brass keys", "What is the default key length for brass keys?").startswith("65")
    assert _best_span(corpus, "brass keys", "What is the minimum key length for brass keys?").startswith("40")
    text = ("Gate releases\n\n* Raise the default number of gate workers to 8 workers, up from the default of 4 "
            "workers.\n\n* Increase the default lamp size to 30 watts (previously the default was 20 watts).\n")
    writable.add_document(FileUpload("gates.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus  # a former default, or one set against the new
    assert _best_span(corpus, "gate workers", "How many gate workers are used by default?").startswith("8")
    assert _best_span(corpus, "lamp size", "What is the default lamp size?").startswith("30")
    text = "Gate timers\n\nThe gate timeout can be set from 1 to 60 seconds; the default is 30 seconds.\n"
    writable.add_document(FileUpload("timers.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus  # "from" that sets no value against the default
    assert _best_span(corpus, "gate timeout", "How long is the default gate timeout?").startswith("30")


def test_a_capitalised_word_the_document_also_writes_in_lower_case_names_no_one(writable) -> None:
    text = ("Lamp options\n\n* `--disable-lamp-owner`\n\n  Use this option to leave the lamp files alone; you may\n"
            "  use the owner option to give them to one user.\n\nThe lamp options were designed by Kestrel.\n")
    writable.add_document(FileUpload("lamps.md", "text/markdown", text.encode()))
    corpus = writable.current().corpus
    opening = next(s for s in corpus.sentences if "Use this option" in corpus.sentence_text(s))
    query = read_query(corpus, "Who owns the lamp files?", None)
    assert features.best_span(corpus, opening, query) is None  # "Use" opens a line under the option; "use" is a word
    assert _best_span(corpus, "designed by", "Who designed the lamp options?") == "Kestrel"  # never "kestrel"
    text = ("Nest notes\n\nThe nests were counted by Kestrel.\n\nA kestrel nests on the tower; the kestrel hunts\n"
            "mice.\n\nThe tower is kept by Debian volunteers, and Debian pays for it; debian and ubuntu users visit.\n")
    writable.add_document(FileUpload("nests.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus
    counted = next(s for s in corpus.sentences if "counted by" in corpus.sentence_text(s))
    assert features.best_span(corpus, counted, read_query(corpus, "Who counted the nests?", None)) is None  # mostly
    # written "kestrel"; a name the text mostly capitalises stays a name in mid-sentence
    assert _best_span(corpus, "kept by", "Who keeps the tower?") == "Debian"


def test_the_question_s_own_acronym_spelt_out_is_no_answer_to_who(writable) -> None:
    text = ("Lock history\n\nTidal Lock Gates (TLGs) were proposed by Ines Vale\n[IV11] in 1911.\n\n"
            + "".join(f"A TLG of kind {n} opens at tide {n}; the TLG closes after it.\n\n" for n in range(8)))
    writable.add_document(FileUpload("locks.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus
    assert _best_span(corpus, "Tidal Lock Gates", "Who first proposed TLGs?") == "Ines Vale"
    text = "Lock campaign\n\nThe Harbour Safety Board (HSB) launched the lock campaign in 1911.\n"
    writable.add_document(FileUpload("campaign.txt", "text/plain", text.encode()))
    corpus = writable.current().corpus  # an acronym the question offers as a choice is what it asks
    question = "Which organisation launched the lock campaign, HSB or TLG?"
    assert _best_span(corpus, "Harbour Safety Board", question) == "Harbour Safety Board (HSB)"


def _features_said(writable, question: str) -> dict[str, dict[str, float]]:
    """Each candidate sentence's features for `question`, by the sentence's text."""
    snapshot, vector = writable.current(), writable.queries.encode(question)
    query = read_query(snapshot.corpus, question, vector)
    found = score_candidates(snapshot.corpus, query, search(snapshot, question, vector, 10), default_model())
    return {snapshot.corpus.sentence_text(c.sentence): c.features for c in found}


def test_a_sentence_stating_a_default_is_marked_for_a_question_about_the_default_only(writable) -> None:
    text = ("Gate lamp\n\nThe gate lamp lights the lock at night, in watts. The default is 30 watts.\n\n"
            "Gate bell\n\nThe gate bell rings by default when the lock opens.\n")
    writable.add_document(FileUpload("lamp.txt", "text/plain", text.encode()))
    said = _features_said(writable, "What is the default power of the gate lamp?")
    assert said["The default is 30 watts."]["states_default"] == 1.0
    assert said["The gate bell rings by default when the lock opens."]["states_default"] == 1.0
    assert said["The gate lamp lights the lock at night, in watts."]["states_default"] == 0.0
    said = _features_said(writable, "What does the gate lamp light?")  # no default asked
    assert all(found["states_default"] == 0.0 for found in said.values())


def test_an_acronym_spelt_out_in_a_sentence_is_marked_for_the_question_that_asks_it(writable) -> None:
    text = ("Harbour notes\n\nCID -- client ID.\n\nThe CID is printed on every ticket the harbour issues.\n")
    writable.add_document(FileUpload("notes.txt", "text/plain", text.encode()))
    said = _features_said(writable, "What does CID stand for?")
    assert said["CID -- client ID."]["acronym_spelled"] == 1.0
    assert said["The CID is printed on every ticket the harbour issues."]["acronym_spelled"] == 0.0
    said = _features_said(writable, "Where is the CID printed?")
    assert all(found["acronym_spelled"] == 0.0 for found in said.values())


@pytest.mark.parametrize("question, sentence, said", [
    ("Are license names case-sensitive?", "License names are case-insensitive.", True),
    ("Is the licence grant revocable?", "The grant is an irrevocable license.", True),
    ("Is it safe to add untrusted users to the staff group?", "Only add trusted users to this group.", True),
    ("Which patches aren't applied yet?", "List the unapplied patches.", True),
    ("How do I install the tool?", "Run the uninstall script to remove it.", False),  # no yes/no, no negation
    ("Can I undo a commit?", "Do it again.", False),  # "do" is too short a word to be opposed
    ("Can I give the keyserver a port number?", "Import the keys from the keyserver.", False),  # no opposite
    ("Does it inform the user?", "Fill in the form.", False),  # "in-" is no negation before a sound like "f"...
    ("Is the pattern regular?", "The pattern is irregular.", True),  # ... "ir-" is, before "r"
    ("Which patches does --no-apply skip?", "List the unapplied patches.", False),  # an option, no negation
    ("Are the integers signed?", "Store them as unsigned integers.", True),  # four letters after un-
    ("Is the file locked?", "The file is unlocked at exit.", True),
    ("Is less run at boot?", "Nothing runs unless you ask.", False),  # "unless" only looks prefixed
])
def test_a_yes_no_or_negated_question_s_word_is_said_by_its_opposite(service, question: str, sentence: str,
                                                                      said: bool) -> None:
    query = read_query(service.snapshot.corpus, question, None)
    present = frozenset(terms(sentence))
    added = features.said_terms(query, present) - present
    assert bool(added) is said, added
    assert added <= set(query.asked)


def test_a_yes_no_question_is_answered_by_the_sentence_that_says_the_opposite(writable) -> None:
    text = ("Grant\n\nThe Licensor grants You a worldwide, royalty-free, non-sublicensable, non-exclusive, "
            "irrevocable license to exercise the Licensed Rights.\n\nThe Licensor may stop distributing the Licensed "
            "Material at any time, and the grant of rights under this license terms continues.\n")
    corpus, _ = corpus_with(writable, "grant.txt", text)
    question = "Is the grant revocable?"
    vector = writable.queries.encode(question)
    query = read_query(corpus, question, vector)
    found = score_candidates(corpus, query, search(writable.current(), question, vector, 10), default_model())
    best = max(found, key=lambda c: c.logit)
    assert "irrevocable license" in corpus.sentence_text(best.sentence)  # not the heading, not the other sentence
