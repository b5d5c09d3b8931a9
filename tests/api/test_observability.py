"""Operators' view: Prometheus metrics per route, status and stage; Server-Timing; request ids in JSON logs."""

from __future__ import annotations

import io
import json
import logging

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from api.app import create_app
from api.observability import JsonFormatter, server_timing
from qa.settings import Settings

QUESTION = {"question": "who leads Operation Sentinel?"}


@pytest.fixture(scope="module")
def client(service, settings):
    own = Settings.model_validate({**settings.model_dump(), "rate_limit_exempt": "testclient"})
    with TestClient(create_app(own, service)) as test_client:
        yield test_client


def _samples(client: TestClient) -> dict[tuple[str, frozenset], float]:
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(response.text) for s in family.samples}


def _value(samples: dict, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_metrics_count_requests_per_route_and_status(client: TestClient) -> None:
    before = _samples(client)
    client.post("/ask", json=QUESTION)
    client.post("/ask", json={"question": ""})
    client.get("/documents/nope")
    client.get("/documents/also-nope")
    after = _samples(client)
    for route, status, more in (("/ask", "200", 1), ("/ask", "422", 1), ("/documents/{doc_id}", "404", 2)):
        labels = {"method": "GET" if "doc_id" in route else "POST", "route": route, "status": status}
        counted = _value(after, "qa_http_requests_total", **labels) - _value(before, "qa_http_requests_total", **labels)
        assert counted == more
        assert _value(after, "qa_http_request_duration_seconds_count", **labels) == \
            _value(after, "qa_http_requests_total", **labels)
    assert not any(dict(labels).get("route") == "/documents/nope" for _, labels in after)  # templates, not paths


def test_metrics_time_each_stage_of_a_question(client: TestClient, service) -> None:
    before = _samples(client)
    client.post("/ask", json=QUESTION)
    after = _samples(client)
    for stage in ("embed", "search", "answer"):
        count = "qa_stage_duration_seconds_count"
        assert _value(after, count, stage=stage) - _value(before, count, stage=stage) == 1
        assert _value(after, "qa_stage_duration_seconds_sum", stage=stage) > 0
    assert _value(after, "qa_index_documents") == len(service.snapshot.corpus.documents)
    assert _value(after, "qa_index_info", version=service.snapshot.version) == 1


def test_ask_has_a_server_timing_header(client: TestClient) -> None:
    header = client.post("/ask", json=QUESTION).headers["server-timing"]
    timings = {part.split(";")[0].strip(): float(part.split("dur=")[1]) for part in header.split(",")}
    assert set(timings) == {"embed", "search", "answer", "total"}
    assert timings["total"] >= max(timings["embed"], timings["search"], timings["answer"]) > 0
    assert server_timing({"embed": 0.0123}) == "embed;dur=12.30"


def test_request_ids_are_echoed_or_generated(client: TestClient) -> None:
    assert client.get("/health", headers={"X-Request-ID": "abc-123.x"}).headers["x-request-id"] == "abc-123.x"
    generated = client.get("/health", headers={"X-Request-ID": "bad id\" <script>"}).headers["x-request-id"]
    assert len(generated) == 32 and generated.isalnum()
    assert client.get("/health").headers["x-request-id"] != client.get("/health").headers["x-request-id"]


def test_one_json_log_line_per_request_with_its_id(client: TestClient) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("qa.api")
    logger.addHandler(handler)
    try:
        client.post("/ask", json=QUESTION, headers={"X-Request-ID": "trace-42"})
        client.get("/documents/nope", headers={"X-Request-ID": "trace-43"})
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(e["request_id"], e["route"], e["status"], e["method"]) for e in lines] == [
        ("trace-42", "/ask", 200, "POST"), ("trace-43", "/documents/{doc_id}", 404, "GET")]
    assert all(e["msg"] == "request" and e["level"] == "info" and e["duration_ms"] >= 0 and e["ts"] for e in lines)
