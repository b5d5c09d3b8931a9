"""The scale benchmark in its quick form: every index kind built, timed and scored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT


@pytest.mark.slow
def test_the_quick_scale_benchmark_reports_every_index_kind(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "qa.benchmarks.scale", "--quick", "--out", str(tmp_path)],
                   check=True, cwd=ROOT, capture_output=True, timeout=300)
    report = json.loads((tmp_path / "scale.json").read_text())
    assert {"machine", "config", "vectors", "results", "target", "workers"} <= report.keys()
    assert {r["kind"] for r in report["results"]} == {"flat", "hnsw", "ivfpq"}
    measured = {"size", "build_s", "p50_ms", "p99_ms", "recall@10", "bytes_per_vector", "rss_bytes_per_vector"}
    assert all(measured <= row.keys() for row in report["results"])
    assert (tmp_path / "scale.md").is_file() and (tmp_path / "scale.png").is_file()
