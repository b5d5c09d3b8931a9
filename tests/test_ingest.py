"""Adding and removing documents in the library: checked uploads, durable originals, reused vectors."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from qa import ingest, uploads
from qa.documents import matching_text
from qa.embedding import Embedder
from qa.errors import (
    DuplicateDocumentError,
    InvalidInputError,
    ProtectedDocumentError,
    TooLargeError,
    UnsupportedMediaError,
    UnusableDocumentError,
)
from qa.service import QuestionAnswerer, open_service
from qa.settings import Settings
from qa.store import load_index
from tests.conftest import RELEASE

HARBOR = "Harbor notice\n\nThe harbor master is Ada Quist. The harbor closes at 6 pm on Sundays.\n"
HARBOR_HTML = """<!doctype html><html><head><title>Harbor and Docks</title><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<main><h1>Harbor &amp; Docks</h1><p>The dock master is Ines Vale. She opens the gate at 5&nbsp;am.</p></main>
<footer>Copyright 2026 Harbor Board</footer></body></html>"""


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF: one Helvetica line per string, one page per list; an empty list is a page without text."""
    objects: list[str | bytes] = ["<< /Type /Catalog /Pages 2 0 R >>", "",
                                  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
        ops = ["BT /F1 12 Tf 72 720 Td 14 TL", *(f"({line}) Tj T*" for line in escaped), "ET"] if lines \
            else ["0 0 1 rg 72 600 200 100 re f"]  # a filled box: a page with drawing but no text layer
        stream = "\n".join(ops).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       f">> /Contents {len(objects)} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode()) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def writable_service(folder: Path, settings: Settings, embedder: Embedder, **overrides) -> QuestionAnswerer:
    """A service over a seeds folder of its own (the release), starting from a copy of the session index."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    shutil.copy(RELEASE, seeds / RELEASE.name)
    shutil.copytree(settings.index_dir, folder / "index")
    own = Settings(seeds_dir=seeds, index_dir=folder / "index", **overrides)
    return open_service(own, embedder=embedder, cache_size=0)


def slices_everywhere(service: QuestionAnswerer, question: str) -> bool:
    """Every citation of an answer slices the stored original file to its text."""
    response = service.ask(question)
    cited = list(response.passages) + ([response.answer, response.answer.sentence] if response.answer else [])
    return all((service.settings.seeds_dir / c.citation.source).read_text(encoding="utf-8")
               [c.citation.start:c.citation.end] == c.text for c in cited if c is not None)


def files_of(service: QuestionAnswerer) -> dict[str, bytes]:
    """Every file under the service's seeds folder, with its bytes."""
    seeds = service.settings.seeds_dir
    return {str(p.relative_to(seeds)): p.read_bytes() for p in sorted(seeds.rglob("*")) if p.is_file()}


class CountingEmbedder(Embedder):
    """The real embedder, counting the texts it is asked to embed (the reuse oracle)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dimension, self.texts = inner, inner.name, inner.dimension, 0

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self.texts += len(texts)
        return self.inner.embed(texts, batch_size, progress)


@pytest.fixture
def writable(tmp_path: Path, service, settings: Settings, real_embedder: Embedder) -> QuestionAnswerer:
    return writable_service(tmp_path, settings, CountingEmbedder(real_embedder))


# Checking uploads: no model needed.

@pytest.mark.parametrize("name", ["../etc/passwd.txt", "a/b.txt", "a\\b.txt", "x\x00.txt", ".hidden.txt", "", "  ",
                                  "bell\x07.txt", "x" * 300 + ".txt"])
def test_unsafe_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidInputError):
        uploads.safe_name(name)


def test_names_become_slugs_and_unknown_kinds_are_415() -> None:
    assert uploads.safe_name("My Report (final).PDF") == ("my-report-final", ".pdf")
    with pytest.raises(UnsupportedMediaError):
        uploads.safe_name("photo.png")


@pytest.mark.parametrize("data, error", [
    (b"", UnusableDocumentError), (b"   \n\n  ", UnusableDocumentError), (b"\x00\x01\x02\x03 binary", UnsupportedMediaError),
    (b"\x89PNG\r\n\x1a\n....", UnsupportedMediaError), (b"%PDF-1.4 renamed", UnsupportedMediaError),
    (b"caf\xe9 au lait is not UTF-8.", InvalidInputError), (b"\xff\xfeh\x00i\x00", UnsupportedMediaError),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 5 + b"some words.", UnsupportedMediaError),
])
def test_bad_text_files_are_refused(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        uploads.from_file("notes.txt", "text/plain", data, Settings())


def test_size_cap_and_content_type_mismatch() -> None:
    with pytest.raises(TooLargeError, match="QA_MAX_UPLOAD_BYTES"):
        uploads.from_file("big.txt", "text/plain", b"word. " * 100, Settings(max_upload_bytes=100))
    with pytest.raises(UnsupportedMediaError, match="image/png"):
        uploads.from_file("notes.txt", "image/png", HARBOR.encode(), Settings())
    assert uploads.from_file("notes.txt", "application/octet-stream", HARBOR.encode(), Settings()).name == "notes.txt"


def test_html_without_main_text_is_unusable() -> None:
    page = b"<html><head><title>Menu</title></head><body><nav>Home | News</nav><script>x()</script></body></html>"
    with pytest.raises(UnusableDocumentError, match="no text to index"):
        uploads.from_file("menu.html", "text/html", page, Settings())


def test_note_becomes_a_text_file_whose_first_line_is_the_title() -> None:
    original = uploads.from_note("  Harbor   notice ", "The harbor master is Ada Quist.\n", Settings())
    assert original.name == "harbor-notice.txt" and original.title == "Harbor notice"
    assert original.data.decode().splitlines()[0] == "Harbor notice"
    for title, text in [("", "text."), ("t" * 201, "text."), ("Title", "  "), ("Title", "nul\x00"), ("Ti\x00", "x.")]:
        with pytest.raises(InvalidInputError):
            uploads.from_note(title, text, Settings())


def test_pdf_text_keeps_page_breaks_and_refuses_scans_and_damage() -> None:
    pdf = make_pdf([["Lighthouse report."], [], ["The lamp was replaced in 2019."]])
    text = uploads.pdf_text(pdf, "report.pdf")
    assert text.count(uploads.PAGE_BREAK) == 2
    assert uploads.page_of(text, text.index("lamp")) == 3 and uploads.page_of(text, 0) == 1
    assert uploads.page_of("no pages here", 3) is None
    with pytest.raises(UnusableDocumentError, match="no text layer"):
        uploads.pdf_text(make_pdf([[]]), "scan.pdf")
    with pytest.raises(UnusableDocumentError, match="could not be read as a PDF"):
        uploads.pdf_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken.pdf")


# Changing the corpus: the real model and real FAISS indexes in temporary folders.

def test_added_note_is_answerable_at_once_and_cited_exactly(writable: QuestionAnswerer) -> None:
    before = writable.index.version
    change = writable.add_document(uploads.Note("Harbor notice", HARBOR.split("\n\n", 1)[1]))
    assert change.changed and change.index_version != before
    assert change.doc_id == "uploads-harbor-notice" and change.source == "uploads/harbor-notice.txt"
    answer = writable.ask("Who is the harbor master?").answer
    assert answer is not None and answer.text == "Ada Quist" and answer.citation.doc_id == change.doc_id
    assert slices_everywhere(writable, "Who is the harbor master?")
    assert load_index(writable.settings.index_dir).version == change.index_version  # on disk as well


def test_adding_a_document_embeds_only_that_document(writable: QuestionAnswerer) -> None:
    embedder = writable.embedder
    assert isinstance(embedder, CountingEmbedder)
    change = writable.add_document(uploads.FileUpload("harbor.txt", "text/plain", HARBOR.encode()))
    index = writable.index
    own = [p for p in index.passages if p.doc_id == change.doc_id] + \
        [s for s in index.sentences if s.doc_id == change.doc_id]
    assert embedder.texts == change.embedded_texts == len(own) < (len(index.passages) + len(index.sentences)) / 4
    release = index.documents["dhs-human-smuggling-campaign"]
    fresh = embedder.inner.embed([matching_text(release)[s.start:s.end] for s in index.sentences[:5]])
    assert np.allclose(index.sentence_vectors[:5], fresh, atol=1e-4)  # reused rows still belong to their sentences


def test_html_upload_keeps_the_raw_page_and_cites_into_it(writable: QuestionAnswerer) -> None:
    change = writable.add_document(uploads.FileUpload("docks.html", "text/html", HARBOR_HTML.encode()))
    assert change.source is not None
    stored = (writable.settings.seeds_dir / change.source).read_text(encoding="utf-8")
    assert stored == HARBOR_HTML and change.title == "Harbor and Docks"
    answer = writable.ask("Who is the dock master?").answer
    assert answer is not None and answer.text == "Ines Vale"
    assert stored[answer.citation.start:answer.citation.end] == "Ines Vale"
    texts = [p.text for p in writable.search("Home News Copyright Harbor Board", top_k=20)]
    assert not any("Copyright" in t or "News" in t for t in texts)  # navigation and footer are not indexed


def test_pdf_upload_is_cited_with_its_page(writable: QuestionAnswerer) -> None:
    pdf = make_pdf([["Lighthouse annual report."], ["Keeping the light."],
                    ["The lighthouse keeper is Margaret Oyelaran.", "She inspects the lamp every Tuesday."]])
    change = writable.add_document(uploads.FileUpload("lighthouse.pdf", "application/pdf", pdf))
    folder = writable.settings.uploads_folder()
    assert change.source == "uploads/lighthouse.txt" and (folder / "lighthouse.pdf").read_bytes() == pdf
    answer = writable.ask("Who is the lighthouse keeper?").answer
    assert answer is not None and "Margaret Oyelaran" in answer.text and answer.citation.page == 3
    assert slices_everywhere(writable, "Who is the lighthouse keeper?") and change.doc_id is not None
    writable.remove_document(change.doc_id)
    assert not (folder / "lighthouse.pdf").exists() and not (folder / "lighthouse.txt").exists()


def test_duplicates_by_content_or_name_are_409_and_change_nothing(writable: QuestionAnswerer) -> None:
    writable.add_document(uploads.FileUpload("harbor.txt", "text/plain", HARBOR.encode()))
    version, files = writable.index.version, files_of(writable)
    with pytest.raises(DuplicateDocumentError, match="already in the corpus"):
        writable.add_document(uploads.FileUpload("copy.md", "text/markdown", HARBOR.encode()))
    with pytest.raises(DuplicateDocumentError, match="DELETE /documents/uploads-harbor"):
        writable.add_document(uploads.FileUpload("harbor.md", "text/markdown", b"# Other\n\nDifferent words here."))
    with pytest.raises(DuplicateDocumentError):
        writable.add_document(uploads.FileUpload("release.txt", "text/plain", RELEASE.read_bytes()))
    assert writable.index.version == version and files_of(writable) == files


def test_seed_files_and_the_last_document_are_protected(writable: QuestionAnswerer) -> None:
    with pytest.raises(ProtectedDocumentError, match="seed file"):
        writable.remove_document("dhs-human-smuggling-campaign")
    assert RELEASE.name in {p.name for p in writable.settings.seeds_dir.iterdir()}


def test_remove_then_reindex_picks_up_files_dropped_by_hand(writable: QuestionAnswerer) -> None:
    change = writable.add_document(uploads.FileUpload("harbor.txt", "text/plain", HARBOR.encode()))
    assert change.doc_id is not None
    removed = writable.remove_document(change.doc_id)
    assert removed.embedded_texts == 0 and change.doc_id not in writable.index.documents
    assert writable.reindex().changed is False
    (writable.settings.seeds_dir / "dropped.txt").write_text(HARBOR, encoding="utf-8")
    assert writable.reindex().changed and "dropped" in writable.index.documents


class FailingEmbedder(CountingEmbedder):
    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        raise RuntimeError("the embedder failed half-way")


def test_a_failed_change_puts_the_seeds_back(writable: QuestionAnswerer) -> None:
    version, files = writable.index.version, files_of(writable)
    writable.embedder = FailingEmbedder(writable.embedder)
    with pytest.raises(RuntimeError):
        writable.add_document(uploads.FileUpload("harbor.txt", "text/plain", HARBOR.encode()))
    assert writable.index.version == version and files_of(writable) == files


def test_leftovers_of_a_crash_are_removed_at_start(tmp_path: Path) -> None:
    settings = Settings(seeds_dir=tmp_path)
    folder = settings.uploads_folder()
    folder.mkdir()
    for name in (".a.txt.1.partial", ".b.txt.2.removed", "kept.txt"):
        (folder / name).write_text("x")
    assert {p.name for p in ingest.remove_leftovers(settings)} == {".a.txt.1.partial", ".b.txt.2.removed"}
    assert [p.name for p in folder.iterdir()] == ["kept.txt"]
