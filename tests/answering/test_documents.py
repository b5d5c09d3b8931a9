"""A which-document question is answered by the name of the document that says it."""

from __future__ import annotations

import pytest

from qa.answering.documents import document_name, names_a_document, what_a_document_says
from tests.helpers.corpora import corpus_with

HARBOUR_GUIDE = ("# Harbour Pilots' Handbook\n\nEvery pilot logs the tide gauge at dawn.\n\n"
                 "## Storms\n\nWhen the storm flag flies, the outer gate stays shut and barges wait in the lee.\n")


@pytest.mark.parametrize("question, claim", [
    ("Which document tells me to run npm test before a pull request?", "run npm test before a pull request"),
    ("Which of the two documents mentions Happy Eyeballs?", "Happy Eyeballs"),
    ("Which document explains how to choose the SSL cipher suites?", "how to choose the SSL cipher suites"),
    ("What page talks about sorting?", "sorting"),
    ("Which document root does suexec work with?", None),  # no verb of saying: a root, not a document, is asked
    ("Which specification describes a version?", None),  # a specification the text names, not one of ours
    ("Which document says?", None),  # nothing asked of it
    ("Which text documents are indexed?", None),  # "documents" is the noun here, no verb of saying
    ("Which document describes US export rules?", "US export rules"),  # "US" is no pronoun handing it over
    ("Which manual page says a backslash gives undefined behaviour?", "a backslash gives undefined behaviour"),
    ("Which FAQ mentions Junio C Hamano?", "Junio C Hamano"),
    ("Which of the READMEs explains the build?", "the build"),
    ("In which release notes is the new parser described?", None),  # the verb of saying must follow the noun
    ("Which licence covers the fonts?", None),  # a licence the text names, not one of ours
    ("Which man page version does it describe?", None),
])
def test_a_which_document_question_asks_what_the_document_says(question: str, claim: str | None) -> None:
    assert what_a_document_says(question) == claim


def test_the_document_that_says_it_is_named_by_its_title_cited_exactly(writable) -> None:
    corpus_with(writable, "harbour-guide.md", HARBOUR_GUIDE)
    answer = writable.ask("Which document says that barges wait in the lee when the storm flag flies?").answer
    assert answer is not None and answer.text == "Harbour Pilots' Handbook"
    document = writable.current().corpus.documents[answer.citation.doc_id]
    assert document.text[answer.citation.start:answer.citation.end] == answer.text
    assert answer.sentence is not None and "storm flag" in answer.sentence.text  # the support shows where
    plain = writable.ask("What happens to barges when the storm flag flies?").answer
    assert plain is not None and "storm flag" in plain.text  # a question about the text is answered from it


def test_a_document_whose_title_is_not_in_its_text_is_named_by_its_first_heading(writable) -> None:
    corpus, doc_id = corpus_with(writable, "tides.html", "<html><head><title>Tides | Harbour site</title></head>"
                                 "<body><h1>Tide tables</h1><p>High water comes twice a day.</p></body></html>")
    start, end = document_name(corpus, doc_id)
    assert corpus.documents[doc_id].text[start:end] == "Tide tables"


def test_a_document_titled_by_its_file_name_is_named_by_the_part_its_text_says(writable) -> None:
    corpus, doc_id = corpus_with(writable, "tidekeeper-README.md", "tidekeeper is a set of tools to log tides.\n\n"
                                 "## Security warnings\n\nThe log is world readable.\n")
    start, end = document_name(corpus, doc_id)
    assert (corpus.documents[doc_id].title, corpus.documents[doc_id].text[start:end]) == \
        ("tidekeeper-readme", "tidekeeper")  # not its first heading
    corpus, doc_id = corpus_with(writable, "tide-security.md", "This security note covers tidekeeper's logs.\n\n"
                                 "## Reporting\n\nMail the harbour master.\n")
    start, end = document_name(corpus, doc_id)  # "tide" is in another title, "security" names a kind of document
    assert corpus.documents[doc_id].text[start:end] == "Reporting"


def test_a_sentence_naming_a_manual_page_answers_which_page_describes_it(writable) -> None:
    corpus_with(writable, "harbour-guide.md", HARBOUR_GUIDE + "\n## Locks\n\nThe lock gates are described in "
                "the gates(5) manual page, which lists every sluice.\n")
    answer = writable.ask("Which manual page describes the lock gates?").answer
    assert answer is not None and "gates(5)" in answer.text  # the page the sentence names, not this guide's title
    assert answer.text != "Harbour Pilots' Handbook"


@pytest.mark.parametrize("sentence, names", [
    ("Options are described in crypttab(5).", True),
    ("See acl(5) and setfacl(1) for details.", True),
    ("Copy the sample tide table from the README before the watch.", False),  # a passing mention
    ("The script calls time.sleep(5) between gates.", False),  # a method's call
    ("This manual page documents the gate keeper.", False),  # the page itself
])
def test_a_sentence_names_a_manual_page_of_its_own(sentence: str, names: bool) -> None:
    assert names_a_document(sentence) is names
