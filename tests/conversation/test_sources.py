"""Which documents a conversation is about: the ones its earlier answers were quoted from."""

from __future__ import annotations

import pytest

from qa.conversation.followups import Turn, resolve
from qa.conversation.sources import documents_spoken_of, within_first
from qa.documents import uploads
from qa.documents.chunking import Passage
from qa.retrieval.search import Hit
from qa.service.answerer import QuestionAnswerer
from tests.helpers.corpora import writable_service

# Two notices about gates: the same words, each its own answer.
HARBOUR = "# Harbour notice\n\nThe harbour gate opens at 6 am. The gate is closed at 8 pm.\n"
LOCKS = ("# Lock rules\n\nThe lock keeper is Ines Vale, who lives beside the\nlower chamber. "
         "The gate closes at 10 pm in summer.\n")


@pytest.fixture(scope="module")
def gates(tmp_path_factory, settings, real_embedder) -> tuple[QuestionAnswerer, str, str]:
    """A service over the release and the two notices, and the notices' ids."""
    service = writable_service(tmp_path_factory.mktemp("gates"), settings, real_embedder)
    harbour = service.add_document(uploads.FileUpload("harbour.md", "text/markdown", HARBOUR.encode())).doc_id
    locks = service.add_document(uploads.FileUpload("locks.md", "text/markdown", LOCKS.encode())).doc_id
    return service, harbour, locks


def spoken_of(service: QuestionAnswerer, question: str, history: list[Turn]) -> frozenset[str]:
    snapshot = service.current()
    return documents_spoken_of(snapshot, history, resolve(question, history, snapshot.corpus))


def test_a_follow_up_is_about_the_document_its_previous_answer_was_quoted_from(gates) -> None:
    service, _, locks = gates
    assert spoken_of(service, "When does it close?", [Turn("Who keeps the gate?", "Ines Vale")]) == {locks}


def test_an_answer_is_found_whatever_its_line_breaks_and_typography(gates) -> None:
    service, _, locks = gates
    shown = "The lock keeper is Ines Vale, who lives beside the lower chamber."  # one line in the widget
    assert spoken_of(service, "When does it close?", [Turn("Who keeps the gate?", shown)]) == {locks}


@pytest.mark.parametrize(("question", "history"), [
    ("When does the harbour gate close?", [Turn("Who keeps the gate?", "Ines Vale")]),  # stands alone
    ("When does it close?", [Turn("Who keeps the gate?", "Olga Marsh")]),            # no document says it
    ("When does it close?", [Turn("Who keeps the gate?", None)]),                    # nothing was shown
    ("When does it close?", [Turn("Who keeps the gate?", "--")]),                    # nothing to find
    ("When does it close?", [Turn("When does the gate close?", "10")]),     # too short to tell where it came from
    ("When does it close?", [Turn("Who keeps the gate?", "Val")]),         # in the notice, but only inside a word
])
def test_no_document_is_spoken_of_without_an_answer_found_in_one(gates, question, history) -> None:
    service, _, _ = gates
    assert spoken_of(service, question, history) == frozenset()


def test_the_follow_up_is_answered_from_the_conversation_s_document(gates) -> None:
    service, harbour, locks = gates
    alone = service.ask("When does the gate close?")
    followed = service.ask("When does it close?", history=[Turn("Who keeps the gate?", "Ines Vale")])
    assert alone.answer is not None and alone.answer.citation.doc_id == harbour  # read alone: the other notice
    assert followed.answer is not None and followed.answer.citation.doc_id == locks
    assert "10 pm" in followed.answer.text


def _hit(doc_id: str, score: float) -> Hit:
    return Hit(Passage(0, doc_id, 0, 1, "x", 0, 0), score, None, None, None, None)


def test_within_first_puts_the_documents_hits_first_in_their_order_and_cuts_to_depth() -> None:
    hits = [_hit("a", 0.9), _hit("b", 0.8), _hit("a", 0.7), _hit("c", 0.6), _hit("b", 0.5)]
    assert [(h.passage.doc_id, h.score) for h in within_first(hits, frozenset({"b"}), 3)] == \
        [("b", 0.8), ("b", 0.5), ("a", 0.9)]
    assert within_first(hits, frozenset(), 2) == hits[:2]
