"""One settings object for the whole service, read from `QA_*` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic import field_validator
from typing_extensions import Annotated

PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Every knob of the pipeline; built at the edges (CLI, app factory) and passed down."""

    model_config = SettingsConfigDict(env_prefix="QA_", extra="ignore")

    seeds_dir: Path = Path("seeds")
    index_dir: Path = Path("index")
    gold_dirname: str = "gold"

    model: str = Field(PACKAGED_MODEL, description="a local sentence-transformers folder, or the packaged model")
    backend: Literal["torch", "onnx"] = "torch"

    chunk_sentences: int = Field(3, ge=1, le=20)
    chunk_overlap: int = Field(1, ge=0, le=19)
    chunk_max_chars: int = Field(700, ge=100, le=20_000)

    mode: Literal["dense", "bm25", "hybrid"] = "hybrid"
    rrf_k: int = Field(60, ge=1)
    top_k: int = Field(5, ge=1, le=20)
    abstain_threshold: float = 0.6  # see README "Abstention": risk/coverage on the gold set

    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: Annotated[list[str], NoDecode] = []

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    def chunking(self) -> dict[str, int]:
        """The settings that shape passages; a change means a rebuild."""
        return {
            "sentences": self.chunk_sentences,
            "overlap": self.chunk_overlap,
            "max_chars": self.chunk_max_chars,
        }
