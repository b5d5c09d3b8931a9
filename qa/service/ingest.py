"""Change the live corpus: keep originals durably, then build the next index version beside the current one.

A change runs in this order; what a crash (even SIGKILL) at each step leaves after a restart:

    1. the original goes to a hidden temporary file, fsynced         -> old corpus (the file is removed)
    2. it is renamed into the uploads folder, the folder fsynced      -> new corpus (start-up sees changed
       (a removal instead renames the file to a hidden name)             seeds and rebuilds the index)
    3. the next index version is written beside the current one      -> new corpus (rebuilt at start-up)
    4. `CURRENT` is replaced in one rename                            -> new corpus (loaded as it is)
    5. the caller swaps its in-memory index for the loaded one         -> new corpus

Callers serialise changes (one writer at a time); readers keep the index they started with.

With a shared store (`QA_STORE=milvus`) steps 3 and 4 are: insert the new document's rows, then
insert one version record (the commit); the original still goes to this replica's uploads folder,
and its text goes to Milvus, so every replica can cite it.
"""

from __future__ import annotations

import logging
import os
import signal
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePath

from qa.documents.reading import SUFFIXES, Document, load_documents, slug
from qa.documents.uploads import Original
from qa.embedding.base import Embedder
from qa.errors import DocumentNotFoundError, DuplicateDocumentError, ProtectedDocumentError
from qa.settings import Settings
from qa.storage.build import expected_manifest, fits
from qa.storage.faiss.folder import fsync_folder
from qa.storage.protocol import Snapshot, Store

log = logging.getLogger("qa.ingest")

_PARTIAL, _REMOVED = ".partial", ".removed"


@dataclass(frozen=True)
class Change:
    """The outcome of a change: the next version (loaded, not yet serving) and the document touched."""

    snapshot: Snapshot
    document: Document | None
    embedded: int
    changed: bool


def add_original(settings: Settings, embedder: Embedder, current: Snapshot, original: Original,
                 store: Store) -> Change:
    """Keep `original` in the uploads folder and build the index that includes it."""
    target = settings.uploads_folder() / original.name
    refuse_duplicates(settings, current, original, target)
    written = []
    try:
        for name, data in (*original.side_files, (original.name, original.data)):
            write_durably(target.parent / name, data, settings)
            written.append(target.parent / name)
        crash_point(settings, "after-original")
        source = _source(settings, target)
        snapshot, embedded = rebuild(settings, embedder, current, store, adding=source)
    except BaseException:
        _undo(written, [])
        raise
    document = next((d for d in snapshot.corpus.documents.values() if d.source == source), None)
    return Change(snapshot, document, embedded, True)


def remove_original(settings: Settings, embedder: Embedder, current: Snapshot, doc_id: str,
                    store: Store) -> Change:
    """Take an uploaded document out of the corpus: its file (and any PDF beside it) goes first.

    With a shared store the file may be on another replica, which keeps it as an archive; the
    document leaves the store all the same.
    """
    document = current.corpus.documents.get(doc_id)
    if document is None:
        raise DocumentNotFoundError(f"no document with id {doc_id!r}; list the documents to see their ids",
                                    "list_documents")
    path = settings.seeds_dir / document.source
    if not path.resolve().is_relative_to(settings.uploads_folder().resolve()):
        raise ProtectedDocumentError(f"{doc_id!r} is a seed file ({document.source}), not an upload; remove it from "
                                     "the seeds folder, then reindex", "reindex")
    if len(current.corpus.documents) == 1:
        raise ProtectedDocumentError(f"{doc_id!r} is the last document and an index cannot be empty; add another "
                                     "document first")
    side = [path.with_suffix(".pdf")] if path.suffix == ".txt" else []
    moved = [(p, p.with_name(f".{p.name}.{uuid.uuid4().hex}{_REMOVED}")) for p in [path, *side] if p.exists()]
    for live, hidden in moved:
        os.replace(live, hidden)
    if moved:  # with a shared store the original may be on the replica that received it
        fsync_folder(path.parent)
    try:
        crash_point(settings, "after-remove")
        snapshot, embedded = rebuild(settings, embedder, current, store, removing=doc_id)
    except BaseException:
        _undo([], moved)
        raise
    for _, hidden in moved:
        hidden.unlink(missing_ok=True)
    return Change(snapshot, document, embedded, True)


def reindex(settings: Settings, embedder: Embedder, current: Snapshot, store: Store) -> Change:
    """Rebuild from the seeds folder as it is on disk (files added or removed by hand)."""
    snapshot, embedded = rebuild(settings, embedder, current, store, rescan=True)
    return Change(snapshot, None, embedded, snapshot is not current)


def rebuild(settings: Settings, embedder: Embedder, current: Snapshot, store: Store,
            adding: str | None = None, removing: str | None = None, rescan: bool = False) -> tuple[Snapshot, int]:
    """The index of the corpus, loaded and warmed; `current` itself when nothing changed."""
    documents = corpus_documents(settings, store, current, adding, removing, rescan)
    expected = expected_manifest(settings, documents, embedder.name)
    if fits(current.manifest, expected):
        return current, 0
    manifest = store.sync(documents, settings, embedder, previous=current,
                          before_commit=lambda: crash_point(settings, "after-index-write"))
    snapshot = store.load(expected).warmed()
    crash_point(settings, "before-swap")
    log.info("index version %s built: %d documents, %d texts embedded", snapshot.version, len(documents),
             manifest["counts"]["embedded"])
    return snapshot, manifest["counts"]["embedded"]


def corpus_documents(settings: Settings, store: Store, current: Snapshot | None, adding: str | None = None,
                     removing: str | None = None, rescan: bool = False) -> list[Document]:
    """What the index should hold. A private store holds the seeds folder. A shared store (Milvus) holds
    this replica's seed files plus every upload in the store, whichever replica received it: local
    uploads join only when added now (`adding`) or on a rescan (a reindex)."""
    local = load_documents(settings.seeds_dir, settings.gold_dirname)
    if not store.shared:
        return local
    uploads = PurePath(_relative_uploads(settings))

    def is_upload(source: str) -> bool:
        return PurePath(source).is_relative_to(uploads)

    chosen = [d for d in local if rescan or not is_upload(d.source) or d.source == adding]
    sources = {d.source for d in chosen}
    if current is not None:
        chosen += [d for d in current.corpus.documents.values() if is_upload(d.source) and d.source not in sources]
    return sorted((d for d in chosen if d.doc_id != removing), key=lambda d: PurePath(d.source))


def _relative_uploads(settings: Settings) -> str:
    return _source(settings, settings.uploads_folder())


def refuse_duplicates(settings: Settings, current: Snapshot, original: Original, target: Path) -> None:
    """409 material: the same bytes already indexed, or a document that would take the same id."""
    same = next((d for d in current.corpus.documents.values() if d.sha256 == original.sha256), None)
    if same is not None:
        raise DuplicateDocumentError(f"this content is already in the corpus as {same.doc_id!r} ({same.source}); "
                                     "nothing was added")
    doc_id = slug(str(PurePath(_source(settings, target)).with_suffix("")))
    taken = {slug(str(PurePath(d.source).with_suffix(""))): d.doc_id for d in current.corpus.documents.values()}
    if doc_id in taken:
        raise DuplicateDocumentError(f"a document named {target.stem!r} exists ({taken[doc_id]!r}); remove "
                                     f"{taken[doc_id]!r} first, or choose another file name or title",
                                     "remove_document", taken[doc_id])
    if any(p.suffix.lower() in SUFFIXES for p in target.parent.glob(f"{target.stem}.*")):
        raise DuplicateDocumentError(f"a file named {target.stem!r} is in {target.parent} but not indexed; "
                                     "reindex to index it, or rename the file", "reindex")


def write_durably(path: Path, data: bytes, settings: Settings) -> None:
    """Write `path` so that it is complete or absent after any crash: temporary file, fsync, rename."""
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        fsync_folder(path.parent.parent)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}{_PARTIAL}")  # hidden: never read as a seed
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        crash_point(settings, "before-original")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def remove_leftovers(settings: Settings) -> list[Path]:
    """Delete what a crash mid-change left in the uploads folder: unfinished writes and finished removals."""
    folder = settings.uploads_folder()
    if not folder.is_dir():
        return []
    leftovers = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith((_PARTIAL, _REMOVED))]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def crash_point(settings: Settings, point: str) -> None:
    """Test seam: die here, as abruptly as a power cut, when QA_TEST_CRASH_AT names this point."""
    if settings.test_crash_at == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _undo(written: list[Path], moved: list[tuple[Path, Path]]) -> None:
    """Put the seeds folder back as it was when a change fails half-way (the index never moved)."""
    for path in written:
        path.unlink(missing_ok=True)
    for live, hidden in moved:
        os.replace(hidden, live)
    folders = {p.parent for p in written} | {live.parent for live, _ in moved}
    for folder in folders:
        fsync_folder(folder)


def _source(settings: Settings, path: Path) -> str:
    """A file's `source` as `load_documents` writes it: its path relative to the seeds folder."""
    return str(path.resolve().relative_to(settings.seeds_dir.resolve()))
