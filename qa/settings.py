"""One settings object for the whole service, read from `QA_*` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"
CRASH_POINTS = ("before-original", "after-original", "after-remove", "after-index-write", "before-swap")

Mode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[Mode, ...] = get_args(Mode)
Fusion = Literal["weighted", "rrf"]
Backend = Literal["torch", "onnx"]
StoreKind = Literal["faiss", "milvus"]

# Limits of a question: checked by the library, declared by the HTTP schema; `top_k` below uses the cap.
MAX_QUESTION_CHARS = 1000
MAX_ANSWER_CHARS = 5000  # an earlier turn's answer, as the client showed it
MAX_TOP_K = 20


def _comma_list(value: object) -> object:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Every knob of the pipeline; built at the edges (CLI, app factory) and passed down."""

    model_config = SettingsConfigDict(env_prefix="QA_", extra="ignore", populate_by_name=True)

    seeds_dir: Path = Path("seeds")
    index_dir: Path = Path("index")
    gold_dirname: str = "gold"
    uploads_dir: Path | None = Field(default=None, description="inside seeds_dir; default <seeds_dir>/uploads")

    model: str = Field(default=PACKAGED_MODEL,
                       description="a local sentence-transformers folder, or the packaged model")
    # onnx: the int8 model gives the same answers as torch on all 85 gold questions, 2-3x faster (README).
    backend: Backend = "onnx"

    chunk_sentences: int = Field(default=3, ge=1, le=20)
    chunk_overlap: int = Field(default=1, ge=0, le=19)
    chunk_max_chars: int = Field(default=700, ge=100, le=20_000)

    # Where the index lives: FAISS files in index_dir (one process), or Milvus (shared by any number of replicas).
    store: StoreKind = "faiss"
    milvus_uri: str | None = Field(default=None, description="a local .db file (Milvus Lite) or http://host:19530; "
                                   "default <index_dir>/milvus.db")
    milvus_token: SecretStr | None = None
    milvus_prefix: str = Field(default="qa", pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,40}$",
                               description="collection name prefix: several corpora can share one Milvus")
    # How often a process checks the store for a version another worker or replica committed.
    refresh_seconds: float = Field(default=1.0, ge=0, validation_alias=AliasChoices(
        "QA_REFRESH_SECONDS", "QA_MILVUS_REFRESH_SECONDS"))

    # FAISS index type by size (measured up to 1M passages: docs/scale/scale.md).
    ann_kind: Literal["auto", "flat", "hnsw", "ivfpq"] = "auto"
    ann_exact_below: int = Field(default=25_000, ge=0, description="with auto: exact search below this many passages")
    ann_large_kind: Literal["hnsw", "ivfpq"] = "hnsw"
    hnsw_m: int = Field(default=32, ge=4, le=128)
    hnsw_ef_construction: int = Field(default=80, ge=8)
    hnsw_ef_search: int = Field(default=96, ge=8)
    ivf_nlist: int = Field(default=0, ge=0, description="0: a power of two near 4*sqrt(n)")
    ivf_nprobe: int = Field(default=256, ge=1)
    pq_m: int = Field(default=48, ge=1)
    index_mmap: bool = Field(default=False, description="map the FAISS file from the page cache (shared by workers)")
    # `qa serve --workers N` checks (and builds) the index once, in the parent, and turns this off for the
    # workers: a worker that starts late must not sweep up the half-written files of a sibling's upload.
    build_on_start: bool = Field(default=True, description="build the index at start-up when missing or stale")

    mode: Mode = "hybrid"
    # Weighted fusion beat reciprocal-rank fusion on the gold set (README, "Retrieval"), on either store.
    fusion: Fusion = Field(default="weighted", validation_alias=AliasChoices("QA_FUSION", "QA_MILVUS_RANKER"))
    dense_weight: float = Field(default=0.7, ge=0, le=1, description="weighted fusion: the cosine's share")
    rrf_k: int = Field(default=60, ge=1)
    top_k: int = Field(default=5, ge=1, le=MAX_TOP_K)
    # Micro-batching of question encodes (qa.embedding.batching): at most this many texts per model call,
    # this many calls at once (0 = one per core), and an optional wait for company while another runs.
    encode_batch_size: int = Field(default=16, ge=1, le=256)
    encode_workers: int = Field(default=0, ge=0, le=64)
    encode_wait_ms: float = Field(default=0.0, ge=0, le=50)
    abstain_threshold: float | None = Field(default=None, ge=0, le=1, description="answers whose score (the "
                                            "probability they are right) is below it become null; default: the "
                                            "threshold fitted with the answer model on the dev documents")

    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: Annotated[list[str], NoDecode] = []

    # Access: writes need one of `api_keys`; reads need a key only when `read_api_keys` is set.
    api_keys: Annotated[list[SecretStr], NoDecode] = []
    read_api_keys: Annotated[list[SecretStr], NoDecode] = []

    # Limits: generous enough that the widget and the test suite never meet them.
    max_upload_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, description="cap on every other request body")
    rate_limit_per_second: float = Field(default=20.0, ge=0, description="per client IP; 0 = no limit")
    rate_limit_burst: int = Field(default=100, ge=1)
    rate_limit_exempt: Annotated[list[str], NoDecode] = Field(default=[], description="client IPs never limited")
    rate_limit_exempt_loopback: bool = Field(default=True, description="clients on this machine (127.0.0.0/8, ::1: "
                                             "scripts, evaluation) are not limited; a request a local proxy "
                                             "forwards (X-Forwarded-For) is limited by its original client")

    # Test seam for the crash tests: the server SIGKILLs itself at this point of a corpus change.
    test_crash_at: Literal[CRASH_POINTS] | None = None  # type: ignore[valid-type]

    @field_validator("cors_origins", "api_keys", "read_api_keys", "rate_limit_exempt", mode="before")
    @classmethod
    def _split_lists(cls, value: object) -> object:
        return _comma_list(value)

    @model_validator(mode="after")
    def _uploads_inside_seeds(self) -> Settings:
        """Uploads must be seeds that `load_documents` finds: the index stays derived from seeds/."""
        uploads, seeds = self.uploads_folder().resolve(), self.seeds_dir.resolve()
        parts = uploads.relative_to(seeds).parts if uploads.is_relative_to(seeds) else ()
        if not parts or parts[0] == self.gold_dirname or any(part.startswith(".") for part in parts):
            raise ValueError(f"QA_UPLOADS_DIR={self.uploads_dir} must be a visible folder inside QA_SEEDS_DIR="
                             f"{self.seeds_dir} (not {self.gold_dirname}/): the seeds folder is the source of truth")
        return self

    def uploads_folder(self) -> Path:
        """Where uploaded originals are written: `uploads_dir`, else `<seeds_dir>/uploads`."""
        return self.uploads_dir if self.uploads_dir is not None else self.seeds_dir / "uploads"

    def milvus_address(self) -> str:
        """`milvus_uri`, else a Milvus Lite file beside the FAISS index."""
        return self.milvus_uri or str(self.index_dir / "milvus.db")

    def chunking(self) -> dict[str, int]:
        """The settings that shape passages; a change means a rebuild."""
        return {
            "sentences": self.chunk_sentences,
            "overlap": self.chunk_overlap,
            "max_chars": self.chunk_max_chars,
        }
