"""Vectors for the scale benchmark: real passages from installed documentation, embedded and cached, then grown.

Real passages are runs of up to three sentences (at most 600 characters) from the prose
paragraphs of Python docstrings (`ast.get_docstring`) and .md/.rst/.txt files under the venv's
lib/ and /usr/share/doc, deduplicated and shuffled with a fixed seed. They are embedded with the
int8 ONNX MiniLM in cached chunks under /tmp/qa-scale-cache, so a rerun embeds nothing.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import json
import multiprocessing
import os
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

if TYPE_CHECKING:
    from qa.embedding.onnx_backend import OnnxEmbedder


CACHE = Path("/tmp/qa-scale-cache")
SOURCES = (Path(sys.prefix) / "lib", Path("/usr/share/doc"))
TEXT_SUFFIXES = (".md", ".rst", ".txt", ".md.gz", ".txt.gz", ".rst.gz")
PASSAGE_SENTENCES, PASSAGE_CHARS, SHORTEST = 3, 600, 80
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9`\"'(])")
CHUNK = 5_000  # passages per cached vector file: a larger --real reuses the smaller run's files


def real_passages() -> list[str]:
    """Every distinct prose passage of the installed documentation, in a fixed shuffled order."""
    seen: dict[str, str] = {}
    for path in _corpus_files():
        for text in _texts(path):
            for passage in passages_of(text):
                seen.setdefault(passage.casefold(), passage)
    passages = sorted(seen.values())
    random.Random(0).shuffle(passages)
    return passages


def _corpus_files() -> Iterator[Path]:
    for root in SOURCES:
        for folder, subfolders, files in os.walk(root):
            subfolders.sort()
            for name in sorted(files):
                if name.endswith(".py") or name.lower().endswith(TEXT_SUFFIXES) or name.startswith("README"):
                    yield Path(folder) / name


def _texts(path: Path) -> Iterator[str]:
    """Docstrings of a Python file, else the whole text of a documentation file."""
    try:
        if path.stat().st_size > 2_000_000:
            return
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile):
        return
    if path.suffix != ".py":
        yield text
        return
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            docstring = ast.get_docstring(node)
            if docstring:
                yield docstring


def passages_of(text: str) -> Iterator[str]:
    """Runs of up to three sentences, at most 600 characters, from the prose paragraphs of `text`."""
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split())
        if not _is_prose(flat):
            continue
        sentences = SENTENCE_END.split(flat)
        for start in range(0, len(sentences), PASSAGE_SENTENCES):
            passage = " ".join(sentences[start:start + PASSAGE_SENTENCES])
            if len(passage) > PASSAGE_CHARS:
                passage = passage[:PASSAGE_CHARS].rsplit(" ", 1)[0]
            if len(passage) >= SHORTEST:
                yield passage


def _is_prose(paragraph: str) -> bool:
    """Mostly letters and spaces, several words: not code, tables or parameter lists."""
    if len(paragraph) < SHORTEST or paragraph.count(" ") < 8:
        return False
    letters = sum(c.isalpha() or c == " " for c in paragraph)
    return letters / len(paragraph) >= 0.85


def corpus_key(passages: list[str]) -> str:
    return hashlib.sha256("\n".join(passages).encode()).hexdigest()[:12]


def real_vectors(count: int, workers: int = 2) -> np.ndarray:
    """MiniLM vectors of the first `count` corpus passages, embedded once and cached under /tmp."""
    passages = cached_passages()
    if len(passages) < count:
        raise SystemExit(f"the installed documentation gives {len(passages)} passages; ask for --real {len(passages)}")
    chunks = [passages[start:start + CHUNK] for start in range(0, count, CHUNK)]
    chunks[-1] = chunks[-1][:count - CHUNK * (len(chunks) - 1)]
    paths = [CACHE / f"vectors-{corpus_key(chunk)}.npy" for chunk in chunks]
    missing = [(chunk, path) for chunk, path in zip(chunks, paths, strict=False) if not path.exists()]
    if missing:
        print(f"embedding {sum(len(c) for c, _ in missing)} passages with {workers} processes", flush=True)
        with multiprocessing.get_context("fork").Pool(workers, initializer=_start_embedder) as pool:
            for done, _ in enumerate(pool.imap_unordered(_embed_chunk, missing), 1):
                print(f"  {done}/{len(missing)} chunks", flush=True)
    return np.concatenate([np.load(path) for path in paths])


def cached_passages() -> list[str]:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "passages.json"
    if not path.exists():
        print("cutting passages from the installed documentation (a few minutes, once)", flush=True)
        _save_atomically(path, lambda handle: handle.write(json.dumps(real_passages()).encode()))
    return json.loads(path.read_text())


_embedder: OnnxEmbedder | None = None  # one per pool process


def _start_embedder() -> None:
    global _embedder
    from qa.embedding.onnx_backend import OnnxEmbedder

    _embedder = OnnxEmbedder()  # one intra-op thread: the pool's processes are the parallelism


def _embed_chunk(job: tuple[list[str], Path]) -> None:
    chunk, path = job
    assert _embedder is not None, "_start_embedder runs first, in each pool process"
    vectors = _embedder.embed(chunk, batch_size=128)
    _save_atomically(path, lambda handle: np.save(handle, vectors))


def _save_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        write(handle)
    os.replace(temporary, path)


def grown(real: np.ndarray, size: int, seed: int = 0) -> tuple[np.ndarray, dict]:
    """`real` followed by synthetic vectors up to `size` rows, and how the synthetic ones were made.

    Each synthetic vector is a random real one plus noise from N(0, Σ) (Σ: covariance of the real
    vectors, so the noise stays in their subspace), scaled so the median cosine to its parent is
    the median cosine of a real vector to its nearest real neighbour, then renormalised.
    """
    neighbour_cosine = _median_neighbour_cosine(real)
    covariance = np.cov(real, rowvar=False)
    values, vectors = np.linalg.eigh(covariance)
    root = (vectors * np.sqrt(np.clip(values, 0, None))).astype(np.float32)  # root @ root.T == Σ
    # cos(parent, parent + s·n) ≈ 1 / sqrt(1 + s²·trace Σ) when n is nearly orthogonal to the unit parent
    scale = float(np.sqrt((1 / neighbour_cosine ** 2 - 1) / np.trace(covariance)))
    rng = np.random.default_rng(seed)
    corpus = np.empty((max(size, len(real)), real.shape[1]), np.float32)
    corpus[:len(real)] = real
    for start in range(len(real), size, 100_000):
        stop = min(start + 100_000, size)
        rows = real[rng.integers(0, len(real), stop - start)]
        rows = rows + scale * (rng.standard_normal((stop - start, real.shape[1]), np.float32) @ root.T)
        corpus[start:stop] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    made = {"real": len(real), "synthetic": max(size - len(real), 0), "noise_scale": round(scale, 4),
            "median_neighbour_cosine": round(neighbour_cosine, 4),
            "method": "real vector + N(0, covariance of real vectors) noise, renormalised"}
    return corpus[:size], made


def _median_neighbour_cosine(vectors: np.ndarray, sample: int = 2_000) -> float:
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    rows = np.random.default_rng(0).permutation(len(vectors))[:sample]
    scores, _ = index.search(vectors[rows], 2)  # the first hit is the vector itself
    return float(np.median(scores[:, 1]))


def clustered(count: int, dimension: int = 384, seed: int = 0) -> np.ndarray:
    """Unit vectors around 200 random directions: a stand-in for real embeddings in --quick runs."""
    centres = np.random.default_rng(12345).standard_normal((200, dimension))
    rng = np.random.default_rng(seed)
    rows = centres[rng.integers(0, len(centres), count)] + rng.standard_normal((count, dimension))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
