""""Who wrote tree?": the AUTHOR(S) section of the document the question names."""

from __future__ import annotations

from qa.answering.authors import authors_section
from tests.helpers.corpora import FROB, corpus_with


def test_who_wrote_a_named_man_page_is_answered_by_its_author_section_first_name(writable) -> None:
    corpus, doc_id = corpus_with(writable, "frob.1.txt", FROB)
    section = authors_section(corpus, "Who wrote frob?")
    assert section is not None and corpus.sentences[section.start].doc_id == doc_id
    assert "Nadia Oyelaran" in corpus.sentence_text(corpus.sentences[section.start])
    answer = writable.ask("Who wrote frob?", threshold=0.0).answer
    assert answer is not None and answer.text == "Nadia Oyelaran" and answer.citation.doc_id == doc_id


def test_no_authors_section_is_sought_without_a_named_document_a_who_question_or_the_asked_role(writable) -> None:
    corpus, _ = corpus_with(writable, "frob.1.txt", FROB)
    assert authors_section(corpus, "Who wrote it?") is None  # names no document
    assert authors_section(corpus, "When was frob written?") is None  # not a who-question
    assert authors_section(corpus, "Who maintains frob?") is None  # an AUTHOR section names no maintainer
    assert authors_section(corpus, "Who polishes frob?") is None  # asks no author
    assert authors_section(corpus, "Who writes the backup of frob?") is None  # "writes" asks no author either


def test_the_section_is_sought_in_the_document_named_best_and_under_an_authors_heading_only(writable) -> None:
    corpus_with(writable, "notes-readme.txt", "Harbor notes\n\nThe notes of the harbor.\n\nAuthors\n-------\n"
                "* Bo Lind\n")
    corpus, _ = corpus_with(writable, "README.md", "# Harbor tools\n\nTools for the harbor.\n\n"
                            "## Writing\n\nAda Quist keeps the tools writing their logs.\n")
    assert authors_section(corpus, "Who wrote the readme of the harbor tools?") is None  # README.md, no section
    assert authors_section(corpus, "Who wrote the harbor tools?") is None  # a "Writing" section is no authors'
    assert authors_section(corpus, "Who wrote the harbor notes?") is not None


def test_an_answer_that_already_says_who_wrote_the_program_is_kept(writable) -> None:
    page = FROB.replace("frob polishes each FILE in place.",
                        "frob was written by Ines Vale in 1994. frob polishes each FILE in place.")
    page = page.replace("Nadia Oyelaran (nadia@example.org)", "This manual page was contributed by Nadia Oyelaran.")
    corpus_with(writable, "frob.1.txt", page)
    answer = writable.ask("Who wrote frob?", threshold=0.0).answer
    assert answer is not None and answer.text == "Ines Vale"


def test_a_man_page_without_an_author_section_is_answered_by_its_copyright_holder(writable) -> None:
    page = FROB.replace("AUTHOR\n       Nadia Oyelaran (nadia@example.org)\n"
                        "       Colour output hacked by Tomas Brenner (tomas@example.org)\n"
                        "       Charsets and OS/2 support by Kyosuke Tokoro (tokoro@example.org)\n\n",
                        "COPYRIGHT\n       Copyright (c) 2006-2014 Ines Vale <ines@example.org>\n"
                        "       This program is free software.\n\n")
    corpus, doc_id = corpus_with(writable, "frob.1.txt", page)
    section = authors_section(corpus, "Who wrote frob?")
    assert section is not None and "Ines Vale" in corpus.sentence_text(corpus.sentences[section.start])
    assert authors_section(corpus, "Who maintains frob?") is None  # a copyright holder is no maintainer
    answer = writable.ask("Who wrote frob?", threshold=0.0).answer
    assert answer is not None and answer.text == "Ines Vale" and answer.citation.doc_id == doc_id
    owned = page.replace("Ines Vale <ines@example.org>", "Free Software Foundation, Inc.")
    corpus, _ = corpus_with(writable, "frob-gnu.1.txt", owned.replace("frob", "gnufrob"))
    assert authors_section(corpus, "Who wrote gnufrob?") is None  # an organisation holds the copyright, wrote nothing


def test_a_document_signed_once_the_debian_way_was_written_by_the_one_who_signed_it(writable) -> None:
    faq = ("Harbor kit FAQ\n\n1. How do I moor the kit?\n\n  Tie it to the north bollard.\n\n"
           "2. Where is the latest version?\n\n  http://git.example.org/?p=kit.git;a=blob_plain;f=FAQ;hb=HEAD\n\n"
           " -- ada quist <ada@example.org>  Wed, 13 May 2009 09:59:53 +0200\n")
    corpus, doc_id = corpus_with(writable, "harbor-kit-FAQ.txt", faq)
    section = authors_section(corpus, "Who wrote the harbor kit FAQ?")
    assert section is not None and "ada quist" in corpus.sentence_text(corpus.sentences[section.start])
    answer = writable.ask("Who wrote the harbor kit FAQ?", threshold=0.0).answer
    assert answer is not None and answer.text == "ada quist" and answer.citation.doc_id == doc_id
    twice = faq + "\n -- Bo Lind <bo@example.org>  Thu, 14 May 2009 10:00:00 +0200\n"
    corpus, _ = corpus_with(writable, "dock-kit-FAQ.txt", twice.replace("Harbor kit", "Dock kit"))
    assert authors_section(corpus, "Who wrote the dock kit FAQ?") is None  # signed by two: a log of changes, no author


def test_who_wrote_is_not_answered_by_a_name_the_document_gives_a_maker_of_something_else(writable) -> None:
    page = ("# Harbour bell\n\nThe harbour bell can be built with the ACME rope library or the Lindqvist chain "
            "library.\n\nThe bell rings at noon.\n")
    corpus_with(writable, "harbour-bell.md", page)
    assert writable.ask("Who wrote the harbour bell?", threshold=0.0).answer is None  # no one is said to
    corpus_with(writable, "harbour-horn.md", "# Harbour horn\n\nThe harbour horn was written by Ada Pike.\n\n"
                "The horn sounds in fog.\n")
    horn = writable.ask("Who wrote the harbour horn?", threshold=0.0).answer
    assert horn is not None and horn.text == "Ada Pike"


def test_who_wrote_is_answered_by_a_byline_or_a_name_under_an_author_label(writable) -> None:
    corpus_with(writable, "harbour-tides.md", "Harbour tides explained\n=======================\n2011, Ada Pike, "
                "Bo Lind\n\nThe tide turns twice a day.\n")
    byline = writable.ask("Who wrote Harbour tides explained?", threshold=0.0).answer
    assert byline is not None and byline.text == "Ada Pike, Bo Lind"
    page = ('<html><body><h1>Knots HOWTO</h1><dl class="field-list"><dt>Author<span>:</span></dt><dd><p>Cleo Marsh'
            '</p></dd><dt>Release<span>:</span></dt><dd><p>0.2</p></dd></dl><p>A knot holds a boat.</p></body></html>')
    corpus_with(writable, "knots-howto.html", page)
    labelled = writable.ask("Who wrote the Knots HOWTO?", threshold=0.0).answer
    assert labelled is not None and labelled.text == "Cleo Marsh"
