"""The five Milvus collections of a corpus, the rows written to them, and the client that reaches them."""

from __future__ import annotations

import functools
import json
import logging
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from qa.documents.reading import Document
from qa.errors import IndexMismatchError, StoreUnavailableError
from qa.settings import Settings

if TYPE_CHECKING:  # pymilvus is imported lazily, when the Milvus store is chosen
    from pymilvus import CollectionSchema, DataType, MilvusClient

log = logging.getLogger("qa.store")
TEXT_CHUNK = 16_000  # characters: at most 64,000 UTF-8 bytes, under VARCHAR's 65,535
PAD = [0.0, 0.0]  # Milvus wants a vector field in every collection; metadata collections carry this one
KINDS = ("passages", "sentences", "documents", "texts", "state")


# Whole seconds: pymilvus bounds its retries by `timeout` only when it is an int (a float retries ~75 times).
CALL_TIMEOUT = 3  # seconds a search or state query may take before the store counts as unavailable
CLIENT_TIMEOUT = 10  # any other call (writes, loading a version)
RETRY_AFTER = "retry in a few seconds; the service reconnects by itself when Milvus is back"

F = TypeVar("F", bound=Callable[..., Any])


def reachable(call: F) -> F:
    """Turn a Milvus that has gone away (connection refused, timeout, any RPC failure) into a
    StoreUnavailableError, which the API answers with 503 and Retry-After; other errors pass."""

    @functools.wraps(call)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except Exception as error:
            if not _outage(error):
                raise
            log.warning("Milvus does not answer: %s", " ".join(str(error).split())[:500])
            raise StoreUnavailableError(f"the Milvus store does not answer ({type(error).__name__}); "
                                        f"{RETRY_AFTER}") from None

    return cast(F, guarded)


def _outage(error: Exception) -> bool:
    """Whether `error` says the server is unreachable or failed, not that the call was wrong."""
    if isinstance(error, (ConnectionError, TimeoutError, OSError)):
        return True
    from pymilvus.exceptions import MilvusException

    try:
        import grpc

        rpc_failure: tuple[type[Exception], ...] = (grpc.RpcError,)
    except ImportError:  # pragma: no cover - pymilvus depends on grpc
        rpc_failure = ()
    return isinstance(error, (MilvusException, *rpc_failure))


def connect(uri: str, settings: Settings) -> MilvusClient:
    """A MilvusClient for a Lite file (created beside the index) or a server address."""
    if "://" not in uri:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    token = settings.milvus_token.get_secret_value() if settings.milvus_token else ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # milvus_lite imports pkg_resources, which warns that it is deprecated
            from pymilvus import MilvusClient  # lazy: pymilvus is slow to import and only this store needs it

            return MilvusClient(uri=uri, token=token, timeout=CLIENT_TIMEOUT)
    except Exception as error:
        raise StoreUnavailableError(f"cannot reach Milvus at {uri} ({type(error).__name__}: {error}); start it, "
                                    "or set QA_MILVUS_URI to a reachable server or a local .db file") from None


def create_collections(client: MilvusClient, name: Callable[[str], str], dimension: int) -> None:
    """Create the collections (named by `name(kind)`) unless they exist; refuse another vector size."""
    if client.has_collection(name("passages")):
        _check_dimension(client, name, dimension)
        return
    from pymilvus import DataType, Function, FunctionType

    integer, varchar = DataType.INT64, DataType.VARCHAR
    number: list[tuple[str, DataType, dict]] = [(f, integer, {}) for f in ("generation", "position", "start", "end")]
    text = {"max_length": 65_535}
    passages = _schema(client, [*number, ("first_sentence", integer, {}), ("last_sentence", integer, {}),
                                ("context", varchar, text),
                                ("text", varchar, {**text, "enable_analyzer": True,
                                                   "analyzer_params": {"type": "english"}}),
                                ("sparse", DataType.SPARSE_FLOAT_VECTOR, {})], "dense", dimension)
    passages.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"],
                                   output_field_names=["sparse"]))
    _create(client, name("passages"), passages, "dense", sparse="sparse")
    _create(client, name("sentences"), _schema(client, [*number, ("paragraph", integer, {}), ("heading", integer, {})],
                                               "vector", dimension), "vector")
    _create(client, name("documents"), _schema(client, [
        ("generation", integer, {}), ("doc_id", varchar, text), ("title", varchar, text), ("source", varchar, text),
        ("sha256", varchar, {"max_length": 64}), ("blocks", varchar, text)], "pad", 2), "pad")
    _create(client, name("texts"), _schema(client, [("generation", integer, {}), ("part", integer, {}),
                                                    ("text", varchar, text)], "pad", 2), "pad")
    state = client.create_schema(auto_id=False)
    state.add_field("seq", integer, is_primary=True)
    state.add_field("record", varchar, max_length=65_535)
    state.add_field("pad", DataType.FLOAT_VECTOR, dim=2)
    _create(client, name("state"), state, "pad")


def _check_dimension(client: MilvusClient, name: Callable[[str], str], dimension: int) -> None:
    field = next(f for f in client.describe_collection(name("passages"))["fields"] if f["name"] == "dense")
    if int(field["params"]["dim"]) != dimension:
        raise IndexMismatchError(
            f"the Milvus collections {name('*')} hold {field['params']['dim']}-dimensional vectors, the model "
            f"makes {dimension}; set QA_MILVUS_PREFIX to a new name and run `qa index`")


def _schema(client: MilvusClient, fields: list[tuple], vector_field: str, dimension: int) -> CollectionSchema:
    from pymilvus import DataType

    built = client.create_schema(auto_id=True)
    built.add_field("id", DataType.INT64, is_primary=True)
    for field, kind, options in fields:
        built.add_field(field, kind, **options)
    built.add_field(vector_field, DataType.FLOAT_VECTOR, dim=dimension)
    return built


def _create(client: MilvusClient, collection: str, schema: CollectionSchema, vector_field: str,
            sparse: str | None = None) -> None:
    index_params = client.prepare_index_params()
    index_params.add_index(vector_field, index_type="FLAT", metric_type="IP")  # exact: parity with FAISS
    if sparse is not None:
        index_params.add_index(sparse, index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    client.create_collection(collection, schema=schema, index_params=index_params, consistency_level="Strong")


def document_row(document: Document, generation: int) -> dict:
    return {"generation": generation, "doc_id": document.doc_id, "title": document.title[:16_000],
            "source": document.source, "sha256": document.sha256,
            "blocks": json.dumps([[b.start, b.end, b.kind, b.level] for b in document.blocks]),
            "pad": PAD}


def text_rows(document: Document, generation: int) -> Iterator[dict]:
    """The document's text in VARCHAR-sized parts."""
    for part, start in enumerate(range(0, max(len(document.text), 1), TEXT_CHUNK)):
        yield {"generation": generation, "part": part, "text": document.text[start:start + TEXT_CHUNK], "pad": PAD}
