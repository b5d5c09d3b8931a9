"""`qa bench` runs end to end against a real server and writes a complete result; no timing assertions."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
from pydantic import SecretStr

from qa.benchmarks import cli, harness, measure, report
from qa.settings import Settings
from tests.helpers.paths import ROOT


def _snapshot(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*")} if folder.exists() else {}


@pytest.fixture(scope="module")
def quick_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path, tuple[dict, dict]]:
    """One quick run; also the repository's index/ folder before and after it."""
    out = tmp_path_factory.mktemp("bench")
    settings = Settings(seeds_dir=ROOT / "seeds", index_dir=ROOT / "index")
    before = _snapshot(settings.index_dir)
    code = cli.main(["--quick", "--backend", "onnx", "--seconds", "1", "--out", str(out)], settings)
    assert code == 0
    return json.loads((out / "bench-onnx-quick.json").read_text()), out, (before, _snapshot(settings.index_dir))


@pytest.mark.slow
@pytest.mark.e2e
def test_quick_bench_writes_every_measure_without_errors(quick_result: tuple[dict, Path, tuple[dict, dict]]) -> None:
    result, out, _ = quick_result
    assert {"meta", "encode_ms", "build", "ask_in_process_ms", "http_ask_ms", "throughput", "server", "ratios",
            "targets", "regressions"} <= result.keys()
    assert result["meta"]["backend"] == "onnx" and result["meta"]["quick"] is True
    assert {"onnx", "torch"} <= result["encode_ms"].keys()
    for table in (result["ask_in_process_ms"], result["http_ask_ms"]):
        assert table["uncached"]["n"] == table["cached"]["n"] == result["meta"]["questions"] > 0
    assert result["http_ask_ms"]["with_history"]["n"] == result["meta"]["questions"]
    assert result["ratios"]["http_with_history_over_without"] > 0
    assert [level["concurrency"] for level in result["throughput"]] == [1, 4, 16]
    assert all(level["errors"] == 0 and level["requests"] > 0 for level in result["throughput"])
    assert result["build"]["onnx"]["texts"] > 0
    assert result["server"]["peak_rss_mb"] > 0 and result["server"]["start_to_ready_s"] > 0
    assert result["server"]["imports_torch"] is False  # the ONNX server runs torch-free
    processes = result["throughput_processes"]
    assert processes["processes"] == os.cpu_count() and processes["start_to_ready_s"] > 0
    assert [level["concurrency"] for level in processes["levels"]] == [1, 4, 16]
    assert all(level["errors"] == 0 and level["requests"] > 0 for level in processes["levels"])
    where = f" ({os.cpu_count()} processes)"
    assert set(result["targets"]) == {"http_p50_within_1.5x_encode_plus_1ms",
                                      "c16_zero_errors_and_p99_under_10x_p50", "build_at_least_90pct_of_encode",
                                      "http_p50_with_4_turns_within_1.2x", f"c16_at_least_0.7_of_compute_limit{where}",
                                      f"c16_at_least_2x_c1{where}", f"c16_p99_within_3x_p50{where}",
                                      f"zero_errors_under_load{where}", f"c1_p50{where}_within_10pct_of_one_process"}
    lone = processes["lone_client"]  # one client on one process and on the workers, in turns
    assert lone["rounds"] >= 3 and lone["one_process_p50_ms"] > 0 and lone["processes_p50_ms"] > 0
    ratio = result["targets"][f"c1_p50{where}_within_10pct_of_one_process"]["value"]
    assert ratio == round(lone["processes_p50_ms"] / lone["one_process_p50_ms"], 2)
    share = result["targets"][f"c16_at_least_0.7_of_compute_limit{where}"]["value"]
    limit_rate = result["compute_limit"]["limit_requests_per_s"]
    assert share == round(processes["levels"][-1]["requests_per_s"] / limit_rate, 2)
    assert all(level["generator"] == "wrk" for level in result["throughput"])  # .ci/run installs wrk
    assert result["throughput"][-1]["time_shares"] and result["throughput"][-1]["client_cpu_cores"] >= 0
    limit = result["compute_limit"]
    assert limit["limit_requests_per_s"] > 0 and str(limit["best_batch"]) in limit["per_question_ms"]
    assert set(result["server"]["startup_seconds"]) >= {"interpreter and imports", "model", "index load", "total"}
    assert (out / "bench-onnx-quick.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
@pytest.mark.e2e
def test_bench_leaves_the_real_index_alone(quick_result: tuple[dict, Path, tuple[dict, dict]]) -> None:
    _, _, (before, after) = quick_result
    assert after == before


@pytest.mark.slow
@pytest.mark.e2e
def test_baseline_flags_only_what_got_worse(quick_result: tuple[dict, Path, tuple[dict, dict]]) -> None:
    result, _, _ = quick_result
    assert report.regressions(result, result, 0.2) == []
    better = copy.deepcopy(result)
    better["ratios"]["http_p50_over_encode_p50"] /= 2  # the baseline was twice as good
    better["throughput"][2]["requests_per_s"] *= 2
    flagged = report.regressions(result, better, 0.2)
    assert flagged == ["HTTP /ask p50 ÷ encode p50", "req/s at 16 clients"]
    result = {**result, "regressions": flagged}
    assert report.markdown(result, better, 0.2).count("**REGRESSION**") == 2


def test_server_gets_exactly_the_bench_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = Settings(seeds_dir=tmp_path / "seeds", index_dir=tmp_path / "index", backend="onnx", top_k=7,
                        cors_origins=["http://a.example", "http://b.example"],
                        api_keys=[SecretStr("k1"), SecretStr("k2")])
    for name, value in harness.server_env(settings).items():
        if name.startswith("QA_"):
            monkeypatch.setenv(name, value)
    assert Settings().model_copy(update={"host": settings.host, "port": settings.port}) == settings


def test_the_bench_server_measures_the_service_not_its_guards(tmp_path: Path) -> None:
    settings = Settings(seeds_dir=tmp_path / "seeds", read_api_keys=[SecretStr("reader")],
                        rate_limit_per_second=5)
    served = measure.bench_server_settings(settings)
    assert served.rate_limit_per_second == 0 and served.read_api_keys == []
    assert served.model_copy(update={"rate_limit_per_second": 5, "read_api_keys": settings.read_api_keys}) == settings


def test_uncached_questions_never_repeat() -> None:
    questions = ["who leads Operation Sentinel?", "What does JTFA do?", "How many arrests were made?"]
    texts = measure._distinct(questions, rounds=3) + [measure.next_variant(questions) for _ in range(3000)]
    assert texts[:3] == questions
    assert len(texts) == len(set(texts))
    assert max(map(len, texts)) < 200  # far below the 1000-character limit


def test_a_variant_costs_the_encode_of_its_question(onnx_embedder) -> None:
    tokenizer = onnx_embedder.tokenizer
    for question in ("who leads Operation Sentinel?", "Who leads Joint Task Force Alpha?"):
        for number in (1, 5, 17, 4095, 99_999):
            changed = measure.variant(question, number)
            assert changed != question and changed.split() == question.split()
            assert tokenizer.encode(changed).ids == tokenizer.encode(question).ids


@pytest.fixture(scope="module")
def onnx_embedder():
    from qa.embedding.onnx_backend import OnnxEmbedder

    return OnnxEmbedder()
