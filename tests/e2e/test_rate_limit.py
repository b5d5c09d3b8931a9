"""The default rate limit against a real server: scripts on the machine are never refused; clients a
local proxy forwards still are, and a 429 says where bulk work should go."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers.corpora import corpus_folder
from tests.helpers.servers import serving

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, settings):
    folder = corpus_folder(tmp_path_factory.mktemp("limits"), settings)
    with serving(folder, rate_limit_exempt="") as running:  # the defaults: 20/s, burst 100, loopback exempt
        yield running


def test_a_loopback_script_of_500_distinct_questions_is_never_refused(server) -> None:
    with httpx.Client(base_url=server.url, trust_env=False, timeout=30) as client:
        statuses = [client.post("/ask", json={"question": f"Who leads Operation Sentinel, part {n}?"}).status_code
                    for n in range(500)]
    assert statuses.count(200) == 500


def test_a_forwarded_client_over_the_limit_is_told_to_batch(server) -> None:
    forwarded = {"X-Forwarded-For": "203.0.113.7"}  # (uvicorn itself reads it from a loopback proxy)
    with httpx.Client(base_url=server.url, trust_env=False, timeout=30, headers=forwarded) as client:
        responses = [client.get("/health") for _ in range(160)]
        other = client.get("/health", headers={"X-Forwarded-For": "198.51.100.9"})
    refused = [r for r in responses if r.status_code == 429]
    assert responses[0].status_code == 200 and refused, "burst 100 at 20/s: 160 quick requests must meet the limit"
    assert int(refused[0].headers["Retry-After"]) >= 1
    assert "/ask/batch" in refused[0].json()["detail"] and "203.0.113.7" in refused[0].json()["detail"]
    assert other.status_code == 200  # each forwarded client has a bucket of its own
