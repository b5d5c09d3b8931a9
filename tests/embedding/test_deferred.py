"""DeferredEmbedder: deciding that an index is current needs no model; the first embed loads the real one."""

from __future__ import annotations

import numpy as np

from qa.embedding import DeferredEmbedder, load_embedder
from qa.service.startup import ensure_index
from qa.settings import Settings


def test_an_up_to_date_index_is_checked_without_loading_the_model(settings: Settings, service) -> None:
    deferred = DeferredEmbedder(settings)
    manifest, built = ensure_index(settings, deferred)
    assert not built and manifest["version"] == service.snapshot.version
    assert deferred._loaded is None


def test_the_first_embed_loads_the_backend_the_settings_name(settings: Settings) -> None:
    deferred = DeferredEmbedder(settings)
    texts = ["who leads Operation Sentinel?", "a second text"]
    expected = load_embedder(settings).embed(texts)
    assert np.allclose(deferred.embed(texts), expected, atol=1e-6)
    assert deferred.dimension == expected.shape[1] and deferred.name == settings.model
