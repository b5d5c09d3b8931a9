"""A bounded load test: a real `qa serve` on loopback answers thousands of mixed requests while
documents are added and removed through the API, with no error and bounded memory growth."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.helpers.corpora import corpus_folder
from tests.helpers.servers import WRITE, serving

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(300)]

REQUESTS = 5000
CONCURRENCY = 16
RSS_GROWTH_BOUND_MB = 150
QUESTIONS = ["who leads Operation Sentinel?", "When did the campaign begin?", "What is JTFA?",
             "How many smugglers were arrested?", "What is the capital of France?", "Who leads the NTC?",
             "what does the intelligence community do", "how much did law enforcement actions increase?"]


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def _read_request(n: int) -> tuple[str, str, dict | None]:
    """Mixed reads: asks (every fifth one new, so it is embedded), searches, document lists and texts."""
    question = QUESTIONS[n % len(QUESTIONS)] + (f" (variant {n})" if n % 5 == 0 else "")
    kind = n % 20
    if kind < 8:
        return "POST", "/ask", {"question": question}
    if kind < 13:
        return "POST", "/search", {"query": question, "top_k": 10}
    if kind < 17:
        return "GET", "/documents", None
    if kind < 19:
        return "GET", "/documents/dhs-human-smuggling-campaign", None
    return "GET", "/health", None


async def _load(url: str, pid: int) -> tuple[Counter, list[str], float, float, int]:
    statuses: Counter[int] = Counter()
    errors: list[str] = []
    counter = itertools.count()
    readers_done = asyncio.Event()
    writes = 0
    rss_start = 0.0

    async with httpx.AsyncClient(base_url=url, timeout=60,
                                 limits=httpx.Limits(max_connections=CONCURRENCY + 1)) as client:
        async def call(method: str, path: str, body: dict | None, ok: int = 200, headers: dict | None = None):
            try:
                response = await client.request(method, path, json=body, headers=headers)
            except httpx.HTTPError as error:
                errors.append(f"{method} {path}: {type(error).__name__} {error}")
                return None
            statuses[response.status_code] += 1
            if response.status_code != ok:
                errors.append(f"{method} {path}: {response.status_code} {response.text[:200]}")
            return response

        async def reader() -> None:
            nonlocal rss_start
            while (n := next(counter)) < REQUESTS - writes:
                if n == 500:
                    rss_start = rss_mb(pid)  # after warm-up: caches and allocator pools are filled
                await call(*_read_request(n))

        async def writer() -> None:
            nonlocal writes
            for n in itertools.count():
                if readers_done.is_set():
                    return
                note = {"title": f"Load notice {n}",
                        "text": f"Berth {n} is assigned to the tug Orla {n}. It sails daily."}
                added = await call("POST", "/documents", note, ok=201, headers=WRITE)
                writes += 1
                if added is not None and added.status_code == 201:
                    await call("DELETE", f"/documents/{added.json()['doc_id']}", None, headers=WRITE)
                    writes += 1

        writer_task = asyncio.create_task(writer())
        await asyncio.gather(*(reader() for _ in range(CONCURRENCY - 1)))
        readers_done.set()
        await writer_task
    return statuses, errors, rss_start, rss_mb(pid), writes


def test_mixed_load_with_live_writes_has_no_errors_and_bounded_memory(tmp_path: Path, service, settings) -> None:
    folder = corpus_folder(tmp_path, settings)
    with serving(folder, backend="torch") as server:
        started = time.monotonic()
        with ThreadPoolExecutor(1) as own_loop:  # the browser tests' Playwright keeps a loop on this thread
            statuses, errors, rss_start, rss_end, writes = own_loop.submit(asyncio.run,
                                                                           _load(server.url, server.pid)).result()
        seconds = time.monotonic() - started
        total = sum(statuses.values())
        print(f"\nload: {total} requests ({writes} writes) in {seconds:.1f} s = {total / seconds:.0f} req/s at "
              f"concurrency {CONCURRENCY}; statuses {dict(statuses)}; errors {len(errors)}; "
              f"server RSS {rss_start:.0f} -> {rss_end:.0f} MB ({rss_end - rss_start:+.0f} MB)")
        assert not errors, errors[:10]
        assert total >= REQUESTS and writes >= 20
        assert rss_end - rss_start < RSS_GROWTH_BOUND_MB
        listing = httpx.get(server.url + "/documents", timeout=30).json()
        assert [d["doc_id"] for d in listing] == ["dhs-human-smuggling-campaign"]  # every added note was removed
