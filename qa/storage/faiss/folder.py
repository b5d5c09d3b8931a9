"""FAISS version folders: each version is written beside the live one, then `CURRENT` is swapped in one rename.

    index/CURRENT                 the name of the live version folder
    index/v-<version>-<pid>-<t>/  manifest.json, documents.json, sentences.json, passages.json,
                                  passages.faiss (the passage vectors), sentences.npy

A reader sees the old version or the new one, never a mix; a crash mid-write leaves only a hidden
`.building-*` folder, removed by the next write.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import faiss
import numpy as np

from qa.documents.chunking import Passage, Sentence
from qa.documents.reading import Document
from qa.documents.structure import Block
from qa.errors import IndexMismatchError, IndexMissingError
from qa.storage.build import check_build
from qa.storage.corpus import Corpus
from qa.storage.faiss.ann import AnnConfig, build_ann, describe, load_ann

POINTER = "CURRENT"


@dataclass(frozen=True)
class Version:
    """What a version folder holds: the corpus and the FAISS index of its passage vectors."""

    corpus: Corpus
    passage_vectors: faiss.Index


def read_manifest(index_dir: Path) -> dict | None:
    """The manifest of the current version, or None when there is none."""
    folder = current_folder(index_dir)
    if folder is None:
        return None
    manifest: dict = json.loads((folder / "manifest.json").read_text())
    return manifest


def current_folder(index_dir: Path) -> Path | None:
    pointer = index_dir / POINTER
    if not pointer.is_file():
        return None
    folder = index_dir / pointer.read_text().strip()
    return folder if (folder / "manifest.json").is_file() else None


def read_version(index_dir: Path, expected: dict | None = None, ann: AnnConfig | None = None,
                 mmap: bool = False) -> Version:
    """Load the current version; with `expected`, refuse one built differently.

    `ann` sets the search knobs (efSearch, nprobe); `mmap` maps the vectors from the page cache so
    worker processes share one copy.
    """
    folder = current_folder(index_dir)
    if folder is None:
        raise IndexMissingError(f"no index in {index_dir}; run `qa index` to build it")
    manifest = json.loads((folder / "manifest.json").read_text())
    if expected is not None:
        _check_fits(manifest, expected)
    documents = [Document(**{**d, "blocks": tuple(Block(**b) for b in d["blocks"])})
                 for d in json.loads((folder / "documents.json").read_text())]
    by_id = {d.doc_id: d for d in documents}
    sentences = [Sentence(**s) for s in json.loads((folder / "sentences.json").read_text())]
    passages = [Passage(**p, text=by_id[p["doc_id"]].text[p["start"]:p["end"]])
                for p in json.loads((folder / "passages.json").read_text())]
    corpus = Corpus(manifest, by_id, sentences, passages, np.load(folder / "sentences.npy"))
    return Version(corpus, load_ann(folder / "passages.faiss", mmap, ann))


def _check_fits(manifest: dict, expected: dict) -> None:
    check_build(manifest, expected, "in this folder")
    if manifest.get("seeds") != expected["seeds"]:
        raise IndexMismatchError("the seed documents changed since the index was built; run `qa index` to rebuild it")


def write_version(index_dir: Path, manifest: dict, documents: list[Document], sentences: list[Sentence],
                  passages: list[Passage], passage_vectors: np.ndarray, sentence_vectors: np.ndarray,
                  ann: AnnConfig, before_pointer: Callable[[], None] | None = None) -> dict:
    """Write a version folder beside the live one, then swap `CURRENT`; returns `manifest` with the index type.

    `before_pointer` runs once the new version is on disk and before `CURRENT` moves (a test seam).
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=index_dir))
    vectors = build_ann(passage_vectors, ann) if len(passage_vectors) else faiss.IndexFlatIP(manifest["dimension"])
    manifest = {**manifest, "ann": describe(vectors)}
    faiss.write_index(vectors, str(staging / "passages.faiss"))
    np.save(staging / "sentences.npy", sentence_vectors)
    _write_json(staging / "documents.json", [asdict(d) for d in documents])
    _write_json(staging / "sentences.json", [asdict(s) for s in sentences])
    _write_json(staging / "passages.json", [{k: v for k, v in asdict(p).items() if k != "text"} for p in passages])
    _write_json(staging / "manifest.json", manifest)
    fsync_folder(staging)
    final = index_dir / f"v-{manifest['version']}-{os.getpid()}-{datetime.now().strftime('%Y%m%d%H%M%S%f')}"
    staging.rename(final)
    fsync_folder(index_dir)
    if before_pointer is not None:
        before_pointer()
    _point_at(index_dir, final.name)
    _remove_old_versions(index_dir, keep=final.name)
    return manifest


def _write_json(path: Path, value: object) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file inside `folder` durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _point_at(index_dir: Path, name: str) -> None:
    """Replace the pointer file in one rename, so readers see the old version or the new one."""
    temporary = index_dir / f".{POINTER}.{os.getpid()}"
    temporary.write_text(name)
    with open(temporary) as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, index_dir / POINTER)
    fsync_folder(index_dir)


def _remove_old_versions(index_dir: Path, keep: str) -> None:
    for folder in index_dir.iterdir():
        if folder.is_dir() and folder.name != keep and folder.name.startswith(("v-", ".building-")):
            shutil.rmtree(folder, ignore_errors=True)
