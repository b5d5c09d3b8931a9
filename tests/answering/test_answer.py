from __future__ import annotations

import pytest

from qa.answering.spans import QuestionType, candidate_spans, question_type
from qa.errors import InvalidInputError
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
])
def test_question_types(question: str, kind: str) -> None:
    assert question_type(question).name == kind


def test_quantity_spans_skip_list_numbers_and_keep_qualifiers() -> None:
    sentence = "2. Operation: arrested nearly 2,000 smugglers and spent over $50 million, a 600% rise."
    spans = [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("quantity"))]
    assert spans == ["nearly 2,000", "over $50 million", "600%"]


def test_entity_spans_join_possessives_and_acronyms() -> None:
    sentence = "U.S. Customs and Border Protection's (CBP) National Targeting Center (NTC) leads this effort."
    spans = [sentence[a:b] for a, b in candidate_spans(sentence, QuestionType("who"))]
    assert spans[0] == "U.S. Customs and Border Protection's (CBP) National Targeting Center (NTC)"
