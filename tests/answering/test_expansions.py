"""An acronym question brings in the passage that spells the acronym out when retrieval missed it, a question
about a document's own date, version or author its opening passage, and "Who wrote frob?" its AUTHOR section."""

from __future__ import annotations

from qa.answering import expansions
from qa.answering.authors import authors_section
from qa.answering.expansions import (
    _entry_of,
    spells_out,
    with_authors,
    with_definition,
    with_expansion,
    with_opening,
)
from qa.answering.spans import question_type
from qa.retrieval.search import lexical_hits
from tests.helpers.corpora import FROB, corpus_with

RELEASE_ID = "dhs-human-smuggling-campaign"


def test_the_passage_that_spells_an_acronym_out_comes_first_when_no_hit_does(service) -> None:
    snapshot = service.snapshot
    wanted = question_type("What does JTFA stand for?")
    missed = [hit for hit in lexical_hits(snapshot, "migrants border enforcement", 20)
              if not spells_out(snapshot.corpus, hit, wanted)][:5]
    assert len(missed) == 5
    found = with_expansion(snapshot, "What does JTFA stand for?", missed)
    assert len(found) == 5 and spells_out(snapshot.corpus, found[0], wanted)
    assert "Joint Task Force Alpha" in found[0].passage.text and found[1:] == missed[:4]
    assert found[0].score == missed[0].score  # ranked as the best hit was


def test_other_questions_and_hits_that_spell_it_out_are_left_alone(service) -> None:
    snapshot = service.snapshot
    hits = lexical_hits(snapshot, "migrants border enforcement", 5)
    assert with_expansion(snapshot, "Who leads Operation Sentinel?", hits) == hits
    spelled = lexical_hits(snapshot, "JTFA", 3)
    wanted = question_type("What does JTFA stand for?")
    assert any(spells_out(snapshot.corpus, hit, wanted) for hit in spelled)
    assert with_expansion(snapshot, "What does JTFA stand for?", spelled) == spelled


def test_a_question_about_a_named_document_brings_in_its_opening_when_no_hit_holds_it(service) -> None:
    snapshot = service.snapshot
    document = snapshot.corpus.documents[RELEASE_ID]
    opening = snapshot.corpus.openings[RELEASE_ID]
    question = f"When was the {document.title} published?"  # its whole title: a question about the release itself
    missed = [hit for hit in lexical_hits(snapshot, "migrants border enforcement", 20) if hit.passage != opening][:5]
    found = with_opening(snapshot, question, missed)
    assert found[:4] == missed[:4] and found[4].passage == opening
    assert found[4].score == missed[4].score  # ranked as the hit whose place it takes
    assert with_opening(snapshot, question, found) == found  # already there
    assert with_opening(snapshot, "When was the campaign launched?", missed) == missed  # names no document


def test_a_named_documents_opening_is_brought_in_even_when_bm25_ranks_it_low_too(service, monkeypatch) -> None:
    snapshot = service.snapshot
    opening = snapshot.corpus.openings[RELEASE_ID]
    question = f"When was the {snapshot.corpus.documents[RELEASE_ID].title} published?"
    missed = [hit for hit in lexical_hits(snapshot, "migrants border enforcement", 20) if hit.passage != opening][:5]
    monkeypatch.setattr(expansions, "lexical_hits", lambda *_args, **_kwargs: [])  # not among BM25's best either
    found = with_opening(snapshot, question, missed)
    assert found[:4] == missed[:4] and found[4].passage == opening and found[4].score == missed[4].score


def test_who_wrote_a_named_document_brings_in_its_authors_section_after_the_hits_when_they_miss_it(writable) -> None:
    corpus, _ = corpus_with(writable, "frob.1.txt", FROB)
    snapshot = writable.current()
    section = authors_section(corpus, "Who wrote frob?")
    assert section is not None
    wanted = corpus.passage_of(corpus.sentences[section.start]).passage_id
    missed = [hit for hit in lexical_hits(snapshot, "polish files", 20) if hit.passage.passage_id != wanted][:3]
    found = with_authors(snapshot, "Who wrote frob?", missed)
    assert found[:3] == missed and found[3].passage.passage_id == wanted and found[3].score == missed[2].score
    assert with_authors(snapshot, "Who wrote frob?", found) == found  # already there
    assert with_authors(snapshot, "Who polishes frob?", missed) == missed


def test_a_what_is_question_brings_in_the_passage_that_defines_its_term_when_no_hit_does(writable) -> None:
    opening = "tidekeeper is a set of tools to log tides in a harbour. It keeps one file per gauge."
    later = "\n\n".join(f"## Step {n}\n\nRun tidekeeper {n} times to check gauge {n} of the tidekeeper log."
                        for n in range(1, 40))
    corpus_with(writable, "tidekeeper.md", f"{opening}\n\n{later}\n")
    snapshot = writable.current()
    missed = [hit for hit in lexical_hits(snapshot, "tidekeeper gauge", 40)
              if "set of tools" not in hit.passage.text][:5]
    found = with_definition(snapshot, "What is tidekeeper?", missed)
    assert "set of tools" in found[0].passage.text and found[1:] == missed[:4] and found[0].score == missed[0].score
    assert with_definition(snapshot, "What is tidekeeper?", found) == found  # a hit defines it already
    assert with_definition(snapshot, "Who runs tidekeeper?", missed) == missed  # asks no definition
    answer = writable.ask("What is tidekeeper?").answer
    assert answer is not None and answer.text.startswith("tidekeeper is a set of tools")
    corpus_with(writable, "gauges.md", "# Gauges\n\nEvery gauge is checked.\n\n" + "\n\n".join(
        f"## Gauge {n}\n\nGauge {n} is read at dawn." for n in range(1, 12)) + "\n\n## Floats\n\n"
        "A floatgauge is a hollow ball.\n\nIf the floatgauge is a spare, keep it dry.\n")
    snapshot = writable.current()
    others = lexical_hits(snapshot, "gauge dawn", 5)
    assert with_definition(snapshot, "What is a floatgauge?", others) == others  # said far from the top: not brought


def test_an_acronym_spelt_out_only_before_its_plural_is_found(writable) -> None:
    text = ("Harbour tools\n\nThe harbour office manages Sluice Revocation Lists (SRLs).\n\n"
            + "".join(f"- An SRL of gate {n} lists the sluices closed at gate {n}.\n\n" for n in range(10)))
    corpus, _ = corpus_with(writable, "srl.txt", text)
    snapshot = writable.current()
    wanted = question_type("What does SRL stand for?")
    missed = [hit for hit in lexical_hits(snapshot, "gate sluices", 10) if not spells_out(corpus, hit, wanted)][:5]
    found = with_expansion(snapshot, "What does SRL stand for?", missed)
    assert spells_out(corpus, found[0], wanted) and "Sluice Revocation Lists" in found[0].passage.text


def test_an_options_entry_is_the_passage_whose_term_line_names_it_in_its_case() -> None:
    assert _entry_of("-i interval\n\t   Wait interval seconds between bells.", "-i")
    assert not _entry_of("-I interface\n\t   interface is a gate name.", "-i")  # another option
    assert _entry_of("OPTIONS\n       -x, --one-gate\n\t   Do not ring past the first gate.", "-x")  # under a heading
    assert _entry_of("-x, --one-gate\n\t   Do not ring past the first gate.", "--one-gate")
    assert not _entry_of("lockping -x -c 3 north-gate", "-x")  # an example uses it
    assert not _entry_of("SYNOPSIS\n       lockping [-aqx] [-i interval] gate", "-i")
