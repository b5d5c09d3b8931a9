"""Which FAISS index fits how many vectors: exact search while small, HNSW or IVF-PQ past a size.

Vectors are unit length, so inner product is cosine. `build_ann` picks and builds the index,
`describe` says what was built (for the manifest), `configure_search` re-applies the search-time
knobs after loading, and `load_ann` can memory-map the file so that worker processes share one
copy of the vectors in the page cache instead of each holding a private one.

Memory-mapping: faiss 1.15 maps every kind built here with `IO_FLAG_MMAP_IFC`: the vectors of
flat and HNSW, HNSW's neighbour lists (only ~12 bytes a vector of level data stay private), and
IVF-PQ's inverted lists and refine vectors. A faiss without that flag maps only IVF lists
(`IO_FLAG_MMAP`) and reads the rest privately. A mapped index is read-only: build a new one rather
than `add` to it; and its file must be replaced by rename, never rewritten in place.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Literal

import faiss
import numpy as np

from qa.settings import Settings

Kind = Literal["auto", "flat", "hnsw", "ivfpq"]
APPROXIMATE_DEFAULT = "hnsw"  # what "auto" builds past `exact_below`: see docs/scale/scale.md
IVF_FOURCC_PREFIX = b"Iw"  # IndexIVF* files ("IwPQ", "IwFl", ...): older faiss maps their lists only


@dataclass(frozen=True)
class AnnConfig:
    """How to index: exact below `exact_below` vectors, `kind` above ("flat" means always exact)."""

    kind: Kind = "auto"
    exact_below: int = 25_000
    hnsw_m: int = 32
    hnsw_ef_construction: int = 80
    hnsw_ef_search: int = 96
    ivf_nlist: int = 0  # 0: a power of two near 4·√n
    ivf_nprobe: int = 256
    pq_m: int = 48  # sub-vectors per code; must divide the dimension
    pq_bits: int = 8
    refine: bool = True  # re-rank IVF-PQ candidates by their exact vectors
    refine_k_factor: float = 16.0
    train_per_list: int = 50  # k-means sample: this many vectors per inverted list
    seed: int = 0


def ann_config(settings: Settings) -> AnnConfig:
    """The index type and parameters the settings ask for."""
    auto = settings.ann_kind == "auto"
    return AnnConfig(kind=settings.ann_large_kind if auto else settings.ann_kind,
                     exact_below=settings.ann_exact_below if auto else 0, hnsw_m=settings.hnsw_m,
                     hnsw_ef_construction=settings.hnsw_ef_construction, hnsw_ef_search=settings.hnsw_ef_search,
                     ivf_nlist=settings.ivf_nlist, ivf_nprobe=settings.ivf_nprobe, pq_m=settings.pq_m)


# What `configure_search` sets: changing these needs no rebuild, so they stay out of a rebuild key.
def chosen_kind(size: int, config: AnnConfig) -> str:
    """The index kind for `size` vectors: flat, hnsw or ivfpq."""
    if config.kind == "flat" or size < config.exact_below:
        return "flat"
    return APPROXIMATE_DEFAULT if config.kind == "auto" else config.kind


def nlist_for(size: int, config: AnnConfig) -> int:
    """The configured number of inverted lists, else the power of two nearest 4·√size."""
    if config.ivf_nlist:
        return config.ivf_nlist
    return max(16, 2 ** round(math.log2(4 * math.sqrt(max(size, 1)))))


def build_ann(vectors: np.ndarray, config: AnnConfig) -> faiss.Index:
    """An inner-product index over `vectors` (n × d, float32, unit rows) of the kind `config` picks."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    kind = chosen_kind(len(vectors), config)
    index = empty_ann(vectors.shape[1], kind, config, len(vectors))
    if kind == "ivfpq":
        train(index, vectors, config)
    index.add(vectors)
    return index


def empty_ann(dimension: int, kind: str, config: AnnConfig, size: int = 0) -> faiss.Index:
    """An empty (untrained, for IVF-PQ) index of `kind`, search knobs set; `size` sizes IVF's lists."""
    index: faiss.Index
    if kind == "flat":
        return faiss.IndexFlatIP(dimension)
    if kind == "hnsw":
        hnsw = faiss.IndexHNSWFlat(dimension, config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = config.hnsw_ef_construction
        index = hnsw
    elif kind == "ivfpq":
        if dimension % config.pq_m:
            raise ValueError(f"pq_m={config.pq_m} must divide the dimension {dimension}")
        recipe = f"IVF{nlist_for(size, config)},PQ{config.pq_m}x{config.pq_bits}" + (",RFlat" if config.refine else "")
        index = faiss.index_factory(dimension, recipe, faiss.METRIC_INNER_PRODUCT)
        # The factory turns on polysemous training (minutes of annealing) for a Hamming filter we never use.
        _ivfpq(index).do_polysemous_training = False  # type: ignore[attr-defined]  # missing from faiss's stubs
    else:
        raise ValueError(f"unknown index kind {kind!r}; use flat, hnsw or ivfpq")
    configure_search(index, config)
    return index


def train(index: faiss.Index, vectors: np.ndarray, config: AnnConfig) -> None:
    """Fit IVF-PQ's centroids and codebooks on a seeded sample of `vectors`."""
    wanted = faiss.extract_index_ivf(index).nlist * config.train_per_list
    rows = np.random.default_rng(config.seed).permutation(len(vectors))[:wanted]
    index.train(vectors[np.sort(rows)])


def configure_search(index: faiss.Index, config: AnnConfig) -> faiss.Index:
    """Apply the search-time knobs (efSearch, nprobe, refine k_factor); they may differ from build time."""
    view = faiss.downcast_index(index)  # a view: return `index`, which owns the memory
    if isinstance(view, faiss.IndexHNSW):
        view.hnsw.efSearch = config.hnsw_ef_search
    if isinstance(view, faiss.IndexRefine):
        view.k_factor = config.refine_k_factor
    if _kind(view) == "ivfpq":
        _ivfpq(view).nprobe = config.ivf_nprobe
    return index


def describe(index: faiss.Index) -> dict:
    """Kind, size and parameters of `index`, named like `AnnConfig` fields: for the manifest."""
    view = faiss.downcast_index(index)  # a view: `index` must stay referenced, it owns the memory
    kind = _kind(view)
    found: dict[str, object] = {}
    if isinstance(view, faiss.IndexHNSW):
        m = view.hnsw.nb_neighbors(1)  # type: ignore[attr-defined]  # missing from faiss's stubs
        found = {"hnsw_m": m, "hnsw_ef_construction": view.hnsw.efConstruction,
                 "hnsw_ef_search": view.hnsw.efSearch}
    elif kind == "ivfpq":
        ivf = _ivfpq(view)
        found = {"ivf_nlist": ivf.nlist, "ivf_nprobe": ivf.nprobe, "pq_m": ivf.pq.M, "pq_bits": ivf.pq.nbits,
                 "refine": isinstance(view, faiss.IndexRefine),
                 "refine_k_factor": float(view.k_factor) if isinstance(view, faiss.IndexRefine) else None}
    metric = "inner_product" if view.metric_type == faiss.METRIC_INNER_PRODUCT else "l2"
    return {"kind": kind, "size": int(view.ntotal), "dimension": int(view.d), "metric": metric,
            "parameters": found}


def stored_vectors(index: faiss.Index) -> np.ndarray:
    """Every vector of `index`, exactly as added: what lets a rebuild reuse vectors instead of embedding."""
    view = faiss.downcast_index(index)
    if _kind(view) == "ivfpq" and not isinstance(view, faiss.IndexRefine):
        raise TypeError("an IVF-PQ index without refine keeps only lossy codes; rebuild with refine on")
    return index.reconstruct_n(0, index.ntotal)


def config_from(description: dict, base: AnnConfig | None = None) -> AnnConfig:
    """The `AnnConfig` that rebuilds a described index: `describe`'s inverse, other fields from `base`."""
    known = {f.name for f in fields(AnnConfig)}
    values = {**asdict(base or AnnConfig()), **{k: v for k, v in description["parameters"].items()
                                                 if k in known and v is not None}}
    values.update(kind=description["kind"], exact_below=0 if description["kind"] != "flat" else values["exact_below"])
    return AnnConfig(**values)


def _kind(index: faiss.Index) -> str:
    if isinstance(index, faiss.IndexHNSW):
        return "hnsw"
    if isinstance(index, (faiss.IndexRefine, faiss.IndexIVFPQ)):
        _ivfpq(index)
        return "ivfpq"
    if isinstance(index, faiss.IndexFlat):
        return "flat"
    raise TypeError(f"{type(index).__name__} is not an index qa.ann builds; rebuild the index")


def _ivfpq(index: faiss.Index) -> faiss.IndexIVFPQ:
    """The IVF-PQ inside `index` (itself, or the base of a refine step), as a view."""
    ivf = faiss.downcast_index(faiss.extract_index_ivf(index))
    if not isinstance(ivf, faiss.IndexIVFPQ):
        raise TypeError(f"{type(ivf).__name__} is not an index qa.ann builds; rebuild the index")
    return ivf


def load_ann(path: Path, mmap: bool = False, config: AnnConfig | None = None) -> faiss.Index:
    """Read an index written by `faiss.write_index`; `mmap` maps its vectors from the page cache.

    With `config`, its search knobs replace the ones saved in the file.
    """
    flags = mmap_flags(path) if mmap else 0
    index = faiss.read_index(str(path), flags)
    return configure_search(index, config) if config is not None else index


def mmap_flags(path: Path) -> int:
    """The read flags that map this file's bulk from the page cache instead of copying it."""
    if hasattr(faiss, "IO_FLAG_MMAP_IFC"):
        return faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY
    with open(path, "rb") as handle:
        ivf = handle.read(4).startswith(IVF_FOURCC_PREFIX)
    return faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY if ivf else 0
