"""A change note in release notes is answered with the release its section's heading names."""

from __future__ import annotations

import pytest

from qa.answering import releases
from qa.documents.uploads import FileUpload
from tests.helpers.corpora import corpus_with, scored

NEWS = ("# Lockkeeper release notes\n\n"
        "## lockkeeper 42\n\n### Changes since lockkeeper 41:\n\n"
        "- Add the --tide option to print the tide table.\n- Fix a crash when the harbour file is empty.\n\n"
        "## lockkeeper 41\n\n"
        "- Add the --wide option to print wide tables of the sluices.\n- Update the licence text.\n\n"
        "## Upgrading\n\nThe gate keeper reads its settings from the harbour file on start-up.\n")


def test_a_which_version_question_about_a_change_note_is_answered_with_its_release(writable) -> None:
    writable.add_document(FileUpload("lockkeeper-news.md", "text/markdown", NEWS.encode()))
    tide = writable.ask("In which version of lockkeeper was the --tide option added?", threshold=0.0).answer
    assert tide is not None and tide.text == "42"  # its release, not the one it counts changes since
    document = writable.current().corpus.documents[tide.citation.doc_id].text
    assert document[tide.citation.start:tide.citation.end] == tide.text
    assert tide.sentence is not None and "--tide" in tide.sentence.text  # the note is shown beside it
    wide = writable.ask("Which lockkeeper release added the --wide option?", threshold=0.0).answer
    assert wide is not None and wide.text == "41"
    prose = writable.ask("Which version of lockkeeper reads the harbour file on start-up?", threshold=0.0).answer
    assert prose is None or prose.text not in ("41", "42")  # prose under a heading of no release


def test_a_paragraph_of_a_release_s_section_is_a_change_note_too(writable) -> None:
    notes = ("# v0.3.0\n\n## Features\n\n- Add the --tide option.\n\n## `lockkeeper` as a library\n\n"
             "Beginning with this release, `lockkeeper` can be used as a library to steer the sluices.\n\n"
             "# v0.2.0\n\n## Features\n\n- Add the --wide option.\n")
    writable.add_document(FileUpload("lockkeeper-CHANGELOG.md", "text/markdown", notes.encode()))
    library = writable.ask("Since which version can lockkeeper steer the sluices as a library?", threshold=0.0).answer
    assert library is not None and library.text == "v0.3.0"


def test_the_note_that_writes_the_option_asked_about_gives_the_release(writable) -> None:
    notes = ("# v0.3.0\n\n## `lockkeeper` as a library\n\n"
             "Beginning with this release, `lockkeeper` can be used as a library, see #423.\n\n"
             "# v0.2.0\n\n## Features\n\n- Add a new `--tide`/`-t` option that shows the tide, see #410.\n")
    upload = FileUpload("lockkeeper-CHANGELOG.md", "text/markdown", notes.encode())
    corpus, query, candidates = scored(writable, upload, "Which lockkeeper release added the --tide option?")
    library = next(c for c in candidates if corpus.sentence_text(c.support).startswith("Beginning"))
    ranked = [library, *(c for c in candidates if c is not library)]  # a note on something else ranked first
    noted = releases.release_of_the_note(corpus, ranked, [], query)
    assert noted is not None and corpus.documents[noted.support.doc_id].text[slice(*noted.span)] == "v0.2.0"


def test_a_change_note_answered_with_its_release_is_scored_as_an_answer_that_holds_one(writable) -> None:
    writable.add_document(FileUpload("lockkeeper-news.md", "text/markdown", NEWS.encode()))
    tide = writable.ask("In which version of lockkeeper was the --tide option added?").answer  # the threshold fitted
    assert tide is not None and tide.text == "42"  # the release found is the span asked for, not one missing


DATED = ("# Lockkeeper changelog\n\n## v2.1.0 - 2024-05-01\n### Added\n- The --tide option prints the tide table.\n\n"
         "## v2.0.0 - 2023-11-20\n### Added\n- The --wide option prints wide tables of the sluices.\n\n"
         "## v1.0.0\n### Added\n- The first release reads the harbour file.\n")


@pytest.mark.parametrize("question, date", [
    ("When was lockkeeper 2.0.0 released?", "2023-11-20"), ("When did Lockkeeper v2.1.0 come out?", "2024-05-01")])
def test_a_question_when_a_named_release_came_out_is_answered_by_the_date_its_heading_gives(
        writable, question: str, date: str) -> None:
    writable.add_document(FileUpload("lockkeeper-changelog.md", "text/markdown", DATED.encode()))
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and answer.text == date  # not a date a sentence gives, nor another release's
    document = writable.current().corpus.documents[answer.citation.doc_id].text
    assert document[answer.citation.start:answer.citation.end] == date
    assert answer.sentence is not None and answer.sentence.text.startswith("v") and date in answer.sentence.text


def test_a_release_its_heading_leaves_undated_or_another_product_s_takes_no_date_from_it(writable) -> None:
    writable.add_document(FileUpload("lockkeeper-changelog.md", "text/markdown", DATED.encode()))
    answer = writable.ask("When was lockkeeper 1.0.0 released?", threshold=0.0).answer
    assert answer is None or answer.text not in ("2023-11-20", "2024-05-01")
    answer = writable.ask("When was gatekeeper 2.0.0 released?", threshold=0.0).answer  # not the lockkeeper's 2.0.0
    assert answer is None or answer.text != "2023-11-20"
    answer = writable.ask("Which document says when lockkeeper 2.0.0 was released?", threshold=0.0).answer
    assert answer is None or answer.text != "2023-11-20"  # a which-document question is answered with a name


HEADINGS = {'Major changes between "lockkeeper" versions 530 and 551': "551", "lockkeeper 122": "122",
            "Version 2.4.1 (2024-05-01)": "Version 2.4.1", "1.2.0 (2024.01.15)": "1.2.0",
            "3.0.1 (bug fixes from 3.0)": "3.0.1", "lockkeeper 2.0 (requires Python 3.8)": "2.0",
            "Changes since lockkeeper 121:": None,  # counts from the release before
            "Gate defaults reverted to pre-7.8 values": None,
            "3.1. Versions": None, "Chapter 3": None, "Upgrading": None}  # a section's number; a part; no number


def test_a_heading_names_its_release_by_its_first_version_or_the_last_of_a_range(writable) -> None:
    notes = "".join(f"## {heading}\n\n- Add the --tide option.\n\n" for heading in HEADINGS)
    corpus, doc_id = corpus_with(writable, "notes.md", notes)
    text = corpus.documents[doc_id].text
    named = {}
    for block in corpus.documents[doc_id].blocks:
        if block.kind == "heading":
            span = releases.release_named(text, block)
            named[text[block.start:block.end]] = text[slice(*span)] if span else None
    assert named == HEADINGS


GATEKEEPER = ("# Gatekeeper changes\n\n## [Unreleased]\n\n- Add the --moon option.\n\n"
              "## [2.1.0] - 2024-03-02\n\n- Add the --tide option.\n\n## [2.0.0] - 2023-11-20\n\n"
              "- Add the --wide option.\n\n## Windows 2000\n\n- Add the --legacy option.\n\n"
              "## Windows 2003\n\n- Add the --server option.\n")


def test_release_headings_of_one_family_differ_in_their_versions_and_parenthesised_dates(writable) -> None:
    notes = ("# Lockkeeper changes\n\n## 3.0\n\n- Add --tide.\n\n## 2.1.1 (2024-05-01)\n\n- Add --wide.\n\n"
             "## v2.0.0-rc.1\n\n- Add --moon.\n\n## Version 1.2 (May 2024)\n\n- Add --sun.\n\n"
             "## Version 1.1 (January 2024)\n\n- Add --star.\n")
    corpus, doc_id = corpus_with(writable, "lockkeeper-changes.md", notes)
    document = corpus.documents[doc_id]
    found = releases.release_headings(document.text, document.blocks, corpus.source_terms[doc_id])
    assert sorted(document.text[slice(*span)] for span in found.values()) == [
        "2.1.1", "3.0", "Version 1.1", "Version 1.2", "v2.0.0-rc.1"]


def test_only_a_release_of_the_document_in_a_family_of_release_headings_answers(writable) -> None:
    writable.add_document(FileUpload("gatekeeper-changes.md", "text/markdown", GATEKEEPER.encode()))
    tide = writable.ask("In which version of gatekeeper was the --tide option added?", threshold=0.0).answer
    assert tide is not None and tide.text == "2.1.0"
    for option, question in (("--moon", "In which version of gatekeeper was the --moon option added?"),  # unreleased
                             ("--legacy", "In which version of gatekeeper was the --legacy option added?"),  # Windows
                             ("--wide", "Which version of the POSIX standard does the --wide option follow?")):
        answer = writable.ask(question, threshold=0.0).answer  # no release read off the note's heading
        assert answer is None or answer.sentence is None or option not in answer.sentence.text, question


OUTLINE_NEWS = ("Lockkeeper NEWS -- history of user-visible changes.\n\n"
                "* Changes in Lockkeeper 2.2\n\n** Add support for sluices through --sluice.\n\n"
                "** Remove the barge counter.\n\n"
                "* Changes in Lockkeeper 2.1\n\n** Add the --tide option to print the tide table.\n\n"
                "** Fix a crash when the harbour file is empty.\n")


def test_a_change_note_of_an_outline_is_answered_with_the_release_its_starred_heading_names(writable) -> None:
    writable.add_document(FileUpload("lockkeeper-NEWS.txt", "text/plain", OUTLINE_NEWS.encode()))
    tide = writable.ask("Which Lockkeeper version added the --tide option?", threshold=0.0).answer
    assert tide is not None and tide.text == "2.1"
    sluices = writable.ask("Which Lockkeeper version added support for sluices?", threshold=0.0).answer
    assert sluices is not None and sluices.text == "2.2"


GATE_OPTIONS = ("<html><head><title>gate-build</title></head><body><h1>gate-build</h1><h2>Options</h2><dl>"
                "<dt>-M gatename</dt><dd><p>Alternative to -b. Runs the gate through the make mode.</p>"
                "<p>Important</p><p>The keeper only recognizes the -M option if it is placed first.</p>"
                "<p>New in version 1.2.1.</p></dd>"
                "<dt>-t tide</dt><dd><p>Define the tide. The keeper only opens gates marked for it.</p></dd>"
                "<dt>-q</dt><dd><p>Do not print the gates opened. The keeper is quiet otherwise too.</p>"
                "<p>New in version 0.6.</p></dd></dl></body></html>")


def test_a_which_version_question_is_answered_by_the_note_that_closes_the_entry(writable) -> None:
    writable.add_document(FileUpload("gate-build.html", "text/html", GATE_OPTIONS.encode()))
    placed = writable.ask("Since which version is there a -M option in gate-build?", threshold=0.0).answer
    assert placed is not None and placed.text == "1.2.1"
    document = writable.current().corpus.documents[placed.citation.doc_id].text
    assert document[placed.citation.start:placed.citation.end] == "1.2.1"
    quiet = writable.ask("Since when does gate-build have the -q option?", threshold=0.0).answer  # a version says
    assert quiet is not None and quiet.text == "0.6"
    tide = writable.ask("Since which version of gate-build can I define the tide?", threshold=0.0).answer
    assert tide is None or tide.text not in ("1.2.1", "0.6")  # its entry has no note: none of another's
