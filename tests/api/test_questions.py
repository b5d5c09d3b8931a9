"""Questions over HTTP in process: /ask, /ask/batch, /search, /health, and the documented response shapes."""

from __future__ import annotations

import typing

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from api import schemas
from api.app import create_app
from tests.helpers.paths import RELEASE


@pytest.fixture(scope="module")
def client(service, settings):
    with TestClient(create_app(settings, service)) as test_client:
        yield test_client


def _slices(cited: dict) -> bool:
    text = (RELEASE.parent / cited["citation"]["source"]).read_text(encoding="utf-8")
    return text[cited["citation"]["start"]:cited["citation"]["end"]] == cited["text"]


def test_ask_answers_with_exact_citations(client) -> None:
    body = client.post("/ask", json={"question": "who leads Operation Sentinel?"}).json()
    assert "National Targeting Center" in body["answer"]["text"] and _slices(body["answer"])
    assert _slices(body["answer"]["sentence"])
    assert len(body["passages"]) == 5 and all(_slices(p) for p in body["passages"])
    scores = [p["score"] for p in body["passages"]]
    assert scores == sorted(scores, reverse=True)
    assert set(body["passages"][0]["citation"]) == {"doc_id", "title", "source", "start", "end"}
    assert "explain" not in body["passages"][0]


def test_unanswerable_question_has_null_answer(client) -> None:
    body = client.post("/ask", json={"question": "What is the capital of France?"}).json()
    assert body["answer"] is None and body["passages"]


def test_search_modes_and_explain(client) -> None:
    body = client.post("/search", json={"query": "JTFA", "top_k": 3, "mode": "bm25", "explain": True}).json()
    assert body["passages"][0]["text"].startswith("3. Joint Task Force Alpha")
    assert body["passages"][0]["explain"]["bm25_rank"] == 1


def test_batch_returns_one_ask_response_per_question(client) -> None:
    questions = [{"question": "who leads Operation Sentinel?"}, {"question": "capital of France?", "top_k": 2}]
    results = client.post("/ask/batch", json={"questions": questions}).json()["results"]
    assert [r["question"] for r in results] == ["who leads Operation Sentinel?", "capital of France?"]
    assert len(results[1]["passages"]) == 2
    assert client.post("/ask/batch", json={"questions": [{"question": "x"}] * 101}).status_code == 422


def test_documents_list_and_full_text(client) -> None:
    listing = client.get("/documents").json()
    assert listing == [{"doc_id": "dhs-human-smuggling-campaign", "title": listing[0]["title"],
                        "source": RELEASE.name, "length": len(RELEASE.read_text(encoding="utf-8"))}]
    document = client.get("/documents/dhs-human-smuggling-campaign").json()
    assert document["text"] == RELEASE.read_text(encoding="utf-8")


def test_unknown_document_is_404_with_message(client) -> None:
    response = client.get("/documents/nope")
    assert response.status_code == 404 and "GET /documents" in response.json()["detail"]


def test_health_reports_counts_version_and_model(client, service) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["documents"] == 1
    assert body["passages"] == len(service.snapshot.corpus.passages)
    assert body["index_version"] == service.snapshot.version and body["model"]


@pytest.mark.parametrize("payload", [
    {"question": ""}, {"question": "   "}, {"question": "a" * 10_000}, {"question": 42}, {"top_k": 3},
    {"question": "x", "top_k": 0}, {"question": "x", "top_k": 1000}, {"question": "x", "mode": "magic"},
    {"question": "x", "extra": 1}, {"question": None}, [], "text",
])
def test_bad_ask_input_is_422_with_a_message(client, payload) -> None:
    response = client.post("/ask", json=payload)
    assert response.status_code == 422 and response.json()["detail"]


def test_malformed_json_is_a_4xx(client) -> None:
    response = client.post("/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500 and response.json()["detail"]


def test_503_while_no_index_is_loaded(settings) -> None:
    app = create_app(settings, service=None)
    test_client = TestClient(app)  # not entered: the lifespan never loads, as in the start-up window
    response = test_client.get("/health")
    assert response.status_code == 503 and "loading" in response.json()["detail"]


def test_openapi_docs_have_examples(client) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["components"]["schemas"]["AskRequest"]["examples"]
    assert client.get("/docs").status_code == 200


def test_cross_origin_is_refused_by_default(client) -> None:
    response = client.options("/ask", headers={"Origin": "http://elsewhere.example",
                                               "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in response.headers


def _fields_match(model: type[BaseModel], body: object) -> None:
    """`body` validates against `model` and carries no field the model does not declare (nested too)."""
    model.model_validate(body)
    if isinstance(body, dict):
        assert set(body) <= set(model.model_fields), (model.__name__, set(body) - set(model.model_fields))
        for name, value in body.items():
            nested = _model_of(model.model_fields[name].annotation)
            if nested is not None and value is not None:
                for item in value if isinstance(value, list) else [value]:
                    _fields_match(nested, item)


def _model_of(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in typing.get_args(annotation) if (m := _model_of(arg)) is not None), None)


@pytest.mark.parametrize(("method", "path", "route", "body", "model"), [
    ("POST", "/ask", "/ask", {"question": "who leads Operation Sentinel?", "explain": True}, schemas.AskResponse),
    ("POST", "/ask", "/ask", {"question": "What is the capital of France?"}, schemas.AskResponse),
    ("POST", "/ask/batch", "/ask/batch", {"questions": [{"question": "When did the campaign begin?"}]},
     schemas.BatchResponse),
    ("POST", "/search", "/search", {"query": "JTFA", "explain": True}, schemas.SearchResponse),
    ("GET", "/documents/dhs-human-smuggling-campaign", "/documents/{doc_id}", None, schemas.DocumentOut),
    ("GET", "/health", "/health", None, schemas.HealthOut),
])
def test_bodies_rendered_without_fastapi_match_their_response_model(client, method: str, path: str, route: str,
                                                                    body: dict | None, model: type[BaseModel]) -> None:
    """Routes render with orjson and skip FastAPI's validation: the documented models must still be the truth."""
    response = client.request(method, path, json=body)
    assert response.status_code == 200
    _fields_match(model, response.json())
    openapi = client.get("/openapi.json").json()["paths"][route][method.lower()]["responses"]["200"]
    assert openapi["content"]["application/json"]["schema"]["$ref"].endswith(model.__name__)


def test_document_list_matches_its_response_model(client) -> None:
    listing = client.get("/documents").json()
    assert listing and all(set(d) == set(schemas.DocumentSummary.model_fields) for d in listing)


SENTINEL_TURN = {"question": "What is Operation Sentinel?", "answer": None}


def test_a_follow_up_is_read_with_its_history(client) -> None:
    alone = client.post("/ask", json={"question": "Who leads it?"}).json()
    assert alone["answer"] is None and alone["clarify"]["message"] == "Which one do you mean?"
    assert alone["clarify"]["candidates"] and alone["resolved"] == {"query": "Who leads it?", "from_turns": []}
    body = client.post("/ask", json={"question": "Who leads it?", "history": [SENTINEL_TURN]}).json()
    assert "National Targeting Center" in body["answer"]["text"] and _slices(body["answer"])
    assert body["resolved"] == {"query": "Who leads Operation Sentinel?", "from_turns": [0]}
    assert body["clarify"] is None and body["question"] == "Who leads it?"


def test_explain_shows_the_words_each_turn_lent(client) -> None:
    body = client.post("/ask", json={"question": "Who leads it?", "history": [SENTINEL_TURN],
                                     "explain": True}).json()
    assert body["resolved"]["taken"] == [{"turn": 0, "words": ["Operation", "Sentinel"]}]


def test_each_batch_item_carries_its_own_history(client) -> None:
    body = client.post("/ask/batch", json={"questions": [
        {"question": "Who leads it?", "history": [SENTINEL_TURN]}, {"question": "Who leads it?"}]}).json()
    first, second = body["results"]
    assert first["answer"] is not None and second["answer"] is None and second["clarify"]


@pytest.mark.parametrize(("history", "names"), [
    ([SENTINEL_TURN] * 11, "history"),                               # more than 10 turns
    ([{"question": "   "}], "question"),                             # a turn without text
    ([{"question": "x" * 1300}], "question"),                        # a turn's question too long
    ([{"question": "What is it?", "answer": 5}], "answer"),          # not a string
    ([{"question": "What is it?", "said": "hi"}], "said"),           # unknown field
    ([{"answer": "the NTC"}], "question"),                           # no question
    ("What is Operation Sentinel?", "history"),                      # not a list
])
def test_invalid_history_is_a_422_that_names_the_field(client, history, names) -> None:
    response = client.post("/ask", json={"question": "Who leads it?", "history": history})
    assert response.status_code == 422
    assert names in response.text
