"""Start-up of the app: a worker whose parent already checked the index leaves the uploads folder alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from qa.settings import Settings
from tests.helpers.corpora import corpus_folder


@pytest.mark.parametrize(("build_on_start", "swept"), [(True, True), (False, False)])
def test_only_a_process_that_checks_the_index_sweeps_leftovers(tmp_path: Path, settings: Settings, service,
                                                               build_on_start: bool, swept: bool) -> None:
    corpus_folder(tmp_path, settings)
    own = Settings(seeds_dir=tmp_path / "seeds", index_dir=tmp_path / "index", backend="onnx",
                   build_on_start=build_on_start)
    half_written = own.uploads_folder() / ".harbor.txt.1.partial"  # a sibling worker's upload in progress
    half_written.parent.mkdir(parents=True, exist_ok=True)
    half_written.write_text("x")
    with TestClient(create_app(own)) as client:
        assert client.get("/health").status_code == 200
    assert half_written.exists() is not swept
