from __future__ import annotations

import json
import os

import pytest

from qa.cli import main
from qa.settings import Settings


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, settings: Settings, service) -> None:
    monkeypatch.setenv("QA_SEEDS_DIR", str(settings.seeds_dir))
    monkeypatch.setenv("QA_INDEX_DIR", str(settings.index_dir))


def test_index_reports_up_to_date(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_ask_prints_answer_and_numbered_citations(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who leads Operation Sentinel?"]) == 0
    out = capsys.readouterr().out
    assert "National Targeting Center" in out.splitlines()[0] and "[1]" in out and "[2]" in out


def test_ask_json_is_the_http_shape(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "What is the capital of France?"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["answer"] is None and body["passages"]


def test_domain_errors_become_one_line_messages(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "   "]) == 1
    assert capsys.readouterr().err.splitlines()[-1].startswith("error: the question is empty")


def test_missing_seeds_folder_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path, capsys) -> None:
    monkeypatch.setenv("QA_SEEDS_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path / "index"))
    assert main(["index"]) == 1
    assert "QA_SEEDS_DIR" in capsys.readouterr().err


def test_public_surface_is_pinned() -> None:
    import qa

    assert sorted(qa.__all__) == sorted([
        "AnswerText", "Citation", "Cited", "DocumentNotFoundError", "GoldSetError", "IndexMismatchError",
        "IndexMissingError", "InvalidInputError", "QAError", "QuestionAnswerer", "Response", "Settings",
        "open_service"])


@pytest.mark.parametrize("value", ["0", "65", "two", "-1", "1.5"])
def test_serve_refuses_a_worker_count_it_cannot_run(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--workers", value])
    assert exit_.value.code == 2 and "expected a number from 1 to 64 or 'auto'" in capsys.readouterr().err


def test_serve_workers_auto_is_one_per_core() -> None:
    from qa.cli import _workers

    assert _workers("auto") == os.cpu_count() and _workers("3") == 3
