"""`wrk` load scripts and the side-by-side with txtai: requests carry the questions intact, tables add up."""

from __future__ import annotations

import http.server
import json
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from qa.benchmarks import peers
from qa.benchmarks.throughput import Target, have_wrk, wrk_duration, wrk_run
from qa.errors import QAError

# Six word gaps or more each: 8 ** 6 spacing patterns per question, far more than a fast machine sends in a second.
QUESTIONS = ["Who leads Operation Sentinel at the border?", "What does JTFA stand for & why is it so?",
             "Is it 100% “safe”, café, for everyone?", 'A "quoted" question with a back\\slash in it']


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []  # each test server's handler class gets its own list

    def do_GET(self) -> None:
        query = urllib.parse.urlsplit(self.path).query
        self._record(urllib.parse.parse_qs(query)["query"][0])

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self._record(json.loads(body)["question"])

    def _record(self, question: str) -> None:
        self.seen.append(question)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: tuple) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # wrk drops its connections when its time is up
            super().handle_error(request, client_address)


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str]]]:
    seen: ClassVar[list[str]] = []  # each test server's handler class gets its own list
    handler = type("Handler", (_Recorder,), {"seen": seen, "protocol_version": "HTTP/1.1"})
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


@pytest.mark.skipif(not have_wrk(), reason="needs Debian's wrk (.ci/run installs it)")
@pytest.mark.parametrize("make_target", [lambda url: Target(url, lambda: 0.0),
                                         lambda url: peers.search_target(url, lambda: 0.0)],
                         ids=["POST json", "GET url"])
def test_every_wrk_request_carries_a_question_intact(recorder: tuple[str, list[str]], tmp_path: Path,
                                                    make_target: Callable[[str], Target]) -> None:
    url, seen = recorder
    runs = [wrk_run(make_target(url), QUESTIONS, concurrency, 1, tmp_path) for concurrency in (4, 2)]
    assert all(run["errors"] == 0 for run in runs) and len(seen) > 2 * len(QUESTIONS)
    assert {" ".join(question.split()) for question in seen} == set(QUESTIONS)  # the words, unchanged
    # but every text new, across wrk's threads and from one run to the next: no cache can answer
    assert len(set(seen)) == len(seen)


@pytest.mark.skipif(not have_wrk(), reason="needs Debian's wrk (.ci/run installs it)")
def test_a_fraction_of_a_second_still_runs_wrk(recorder: tuple[str, list[str]], tmp_path: Path) -> None:
    url, seen = recorder  # `qa bench --seconds 10` gives the lone-client rounds 2.5 s, which wrk refused
    run = wrk_run(Target(url, lambda: 0.0), QUESTIONS, 1, 1.4, tmp_path)
    assert run["requests"] > 0 and run["p50_ms"] is not None and seen


def test_wrk_durations_are_whole_seconds() -> None:
    assert [wrk_duration(s) for s in (0.2, 2.5, 3.4, 20)] == ["1s", "2s", "3s", "20s"]


def test_a_wrk_that_fails_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("qa.benchmarks.throughput.wrk_duration", lambda seconds: "2.5s")  # as wrk refuses it
    if not have_wrk():
        pytest.skip("needs Debian's wrk (.ci/run installs it)")
    with pytest.raises(QAError, match="wrk failed"):
        wrk_run(Target("http://127.0.0.1:9", lambda: 0.0), QUESTIONS, 1, 1, tmp_path)


def _runs(*rates: float) -> list[dict]:
    return [{"requests_per_s": rate, "p50_ms": 10.0, "p99_ms": 20.0, "errors": 0, "server_cpu_cores": 1.0}
            for rate in rates]


def test_peer_table_gives_each_service_its_multiple_of_the_fastest_txtai() -> None:
    names = ["qa serve (1 process)", "txtai API, hybrid", "txtai API, dense"]
    result = {"clients": 8, "rounds": 3, "seconds": 10, "passages": 13, "cpus": 2,
              "start_to_ready_s": dict.fromkeys(names, 1.0),
              "runs": {names[0]: _runs(150, 140, 160), names[1]: _runs(20, 30, 25), names[2]: _runs(40, 50, 45)}}
    table = peers.markdown(result)
    rows = {line.split(" | ")[0].strip("| "): line.split(" | ") for line in table.splitlines()
            if line.startswith(("| qa", "| txtai"))}
    assert rows[names[0]][1:3] == ["150", "3.3"]  # medians: 150 ÷ 45, the faster txtai
    assert rows[names[1]][1:3] == ["25", "0.6"] and rows[names[2]][1:3] == ["45", "1.0"]
    assert "the fastest txtai (txtai API, dense)" in table


def test_peer_comparison_says_how_to_install_txtai(tmp_path: Path) -> None:
    with pytest.raises(QAError, match="bench/txtai/install"):
        peers.main(["--txtai-venv", str(tmp_path / "missing")])
