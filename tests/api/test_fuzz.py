"""Property-based API fuzzing: schemathesis generates requests from the app's own OpenAPI schema.

Valid and invalid requests for every operation, with and without the write key, against the real
model and a writable corpus: no response may be a 5xx, and every response must match the schema
(status documented, content type, body shape, headers). Failures are not retried from a database:
each run explores afresh, and at least MIN_CASES requests are made.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from tests.helpers.corpora import writable_service

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

KEY = "fuzz-key-0123456789abcdef"
MIN_CASES = 1000
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance, negative_data_rejection]
# Examples per operation and mode. Writes and batches cost most (an index rebuild, up to 100 questions).
EXAMPLES = {"POST /documents": 60, "DELETE /documents/{doc_id}": 60, "POST /reindex": 20, "POST /ask/batch": 50}
DEFAULT_EXAMPLES = 160


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory, service, settings, real_embedder):
    writable = writable_service(tmp_path_factory.mktemp("fuzz"), settings, real_embedder, api_keys=KEY,
                                rate_limit_exempt="testclient", max_upload_bytes=200_000)
    writable.queries.cache_size = 4096  # generated questions repeat; the cache keeps the run short
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(writable.settings, writable))


def test_generated_requests_never_fail_and_match_the_schema(schema) -> None:
    counts: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    started = time.monotonic()
    for result in schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(operation, mode, EXAMPLES.get(label, DEFAULT_EXAMPLES), counts, statuses, label)
    total = sum(counts.values())
    print(f"\nfuzzing: {total} requests in {time.monotonic() - started:.0f} s; by operation {dict(counts)}; "
          f"statuses {dict(sorted(statuses.items()))}")
    assert total >= MIN_CASES
    assert not any(status >= 500 for status in statuses)
    assert statuses[201] > 0 and statuses[200] > 0 and statuses[422] > 0  # both valid and invalid data got through


def _fuzz(operation, mode: GenerationMode, examples: int, counts: Counter, statuses: Counter, label: str) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                         suppress_health_check=list(HealthCheck), print_blob=True)
    def run(case) -> None:
        headers = {"X-API-Key": KEY} if counts[label] % 4 else {}  # most requests may write, some may not
        response = case.call_and_validate(checks=CHECKS, headers=headers)
        counts[label] += 1
        statuses[response.status_code] += 1

    try:
        run()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE  # an operation without inputs has no invalid requests
