"""Where the index lives: the `Store` protocol, the FAISS folder store and the Milvus store, chosen by settings."""

from __future__ import annotations

from qa.settings import Settings
from qa.storage.faiss.store import FaissStore
from qa.storage.protocol import Store


def open_store(settings: Settings) -> Store:
    """The store `QA_STORE` names: `faiss` (default) or `milvus` at `QA_MILVUS_URI`."""
    if settings.store == "milvus":
        from qa.storage.milvus.store import MilvusStore  # lazy: pymilvus takes a second to import

        return MilvusStore.connect(settings)
    return FaissStore(settings)
