"""Limits and headers: token buckets per client, body caps, security headers, CORS for the write API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.limits import TokenBucket, limited_client
from qa.settings import Settings

QUESTION = {"question": "who leads Operation Sentinel?"}


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_allows_a_burst_then_the_rate() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=2.0, burst=3, clock=clock)
    assert [bucket.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take("a") == pytest.approx(0.5)  # empty: one token comes back in 1/rate seconds
    assert bucket.take("b") == 0.0  # buckets are per client
    clock.now += 0.5
    assert bucket.take("a") == 0.0 and bucket.take("a") > 0
    clock.now += 100
    assert [bucket.take("a") for _ in range(4)].count(0.0) == 3  # refills to the burst, never beyond


def test_token_bucket_exemptions_off_switch_and_bounded_memory() -> None:
    assert all(TokenBucket(1.0, 1, exempt=["127.0.0.1"]).take("127.0.0.1") == 0 for _ in range(10))
    assert all(TokenBucket(0.0, 1).take("x") == 0 for _ in range(10))
    bucket = TokenBucket(1.0, 1, max_clients=100)
    for n in range(1000):
        bucket.take(f"10.0.{n // 256}.{n % 256}")
    assert len(bucket._buckets) == 100


@pytest.fixture(scope="module")
def limited(service, settings):
    strict = Settings.model_validate({**settings.model_dump(), "rate_limit_per_second": 0.5, "rate_limit_burst": 3,
                                      "max_body_bytes": 2048, "cors_origins": "http://site.example"})
    with TestClient(create_app(strict, service)) as client:
        yield client


def test_429_with_retry_after_once_the_burst_is_spent(limited: TestClient) -> None:
    statuses = [limited.post("/search", json={"query": "JTFA"}).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    response = limited.get("/health")
    assert response.status_code == 429 and int(response.headers["Retry-After"]) >= 1
    assert "retry in" in response.json()["detail"] and response.headers["x-request-id"]


def test_body_over_the_cap_is_413_from_content_length_or_stream(service, settings) -> None:
    capped = Settings.model_validate({**settings.model_dump(), "max_body_bytes": 2048,
                                      "rate_limit_exempt": "testclient"})
    with TestClient(create_app(capped, service)) as client:
        declared = client.post("/ask", content=b'{"question": "' + b"a" * 5000 + b'"}',
                               headers={"content-type": "application/json"})
        assert declared.status_code == 413 and "QA_MAX_BODY_BYTES" in declared.json()["detail"]

        def chunks():  # no Content-Length: the cap is enforced while the body streams in
            yield b'{"question": "'
            for _ in range(10):
                yield b"a" * 500
            yield b'"}'

        streamed = client.post("/ask", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413 and "QA_MAX_BODY_BYTES" in streamed.json()["detail"]
        assert client.post("/ask", json=QUESTION).status_code == 200


def test_demo_page_has_a_strict_content_security_policy(client_default: TestClient) -> None:
    headers = client_default.get("/").headers
    policy = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'self'"
    assert policy["connect-src"] == "'self'" and policy["style-src"].startswith("'self' 'sha256-")
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


def test_widget_script_stays_loadable_by_other_sites(client_default: TestClient) -> None:
    response = client_default.get("/widget.js")
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    assert "content-security-policy" not in response.headers and response.headers["x-content-type-options"] == "nosniff"


def test_cors_preflight_allows_the_write_api_for_listed_origins(limited: TestClient) -> None:
    preflight = limited.options("/documents/x", headers={"Origin": "http://site.example",
                                                          "Access-Control-Request-Method": "DELETE",
                                                          "Access-Control-Request-Headers": "x-api-key"})
    assert preflight.status_code == 200 and "DELETE" in preflight.headers["access-control-allow-methods"]
    assert "x-api-key" in preflight.headers["access-control-allow-headers"].lower()
    refused = limited.options("/documents/x", headers={"Origin": "http://evil.example",
                                                        "Access-Control-Request-Method": "DELETE"})
    assert "access-control-allow-origin" not in refused.headers


@pytest.fixture(scope="module")
def client_default(service, settings):
    with TestClient(create_app(settings, service)) as client:
        yield client


@pytest.mark.parametrize(("peer", "headers", "exempt", "expected"), [
    ("127.0.0.1", {}, True, None),                                   # a script on this machine
    ("::1", {}, True, None),
    ("127.0.0.1", {}, False, "127.0.0.1"),                           # QA_RATE_LIMIT_EXEMPT_LOOPBACK=false
    ("127.0.0.1", {"x-forwarded-for": "203.0.113.7, 10.0.0.1"}, True, "203.0.113.7"),  # behind a local proxy
    ("198.51.100.4", {}, True, "198.51.100.4"),                      # a remote client
    ("198.51.100.4", {"x-forwarded-for": "127.0.0.1"}, True, "198.51.100.4"),  # cannot claim to be local
])
def test_the_client_a_request_counts_against(peer, headers, exempt, expected) -> None:
    scope = {"type": "http", "client": (peer, 5000),
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    assert limited_client(scope, exempt) == expected
