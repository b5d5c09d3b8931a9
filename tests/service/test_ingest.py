"""Adding and removing documents in the library: checked uploads, durable originals, reused vectors."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from qa.documents import uploads
from qa.documents.pdf import PAGE_BREAK, page_of, pdf_text
from qa.documents.reading import matching_text, read_document
from qa.errors import (
    DuplicateDocumentError,
    InvalidInputError,
    ProtectedDocumentError,
    TooLargeError,
    UnsupportedMediaError,
    UnusableDocumentError,
)
from qa.service import ingest
from qa.service.answerer import QuestionAnswerer
from qa.settings import Settings
from qa.storage.faiss.folder import read_manifest
from tests.helpers.corpora import HARBOR, HARBOR_HTML, CountingEmbedder, files_of, make_pdf, slices_everywhere
from tests.helpers.paths import RELEASE

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
    (b"", UnusableDocumentError), (b"   \n\n  ", UnusableDocumentError),
    (b"\x00\x01\x02\x03 binary", UnsupportedMediaError),
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
    text = pdf_text(pdf, "report.pdf")
    assert text.count(PAGE_BREAK) == 2
    assert page_of(text, text.index("lamp")) == 3 and page_of(text, 0) == 1
    assert page_of("no pages here", 3) is None
    with pytest.raises(UnusableDocumentError, match="no text layer"):
        pdf_text(make_pdf([[]]), "scan.pdf")
    with pytest.raises(UnusableDocumentError, match="could not be read as a PDF"):
        pdf_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken.pdf")


# Changing the corpus: the real model and real FAISS indexes in temporary folders.

def test_added_note_is_answerable_at_once_and_cited_exactly(writable: QuestionAnswerer) -> None:
    before = writable.snapshot.version
    change = writable.add_document(uploads.Note("Harbor notice", HARBOR.split("\n\n", 1)[1]))
    assert change.changed and change.index_version != before
    assert change.doc_id == "uploads-harbor-notice" and change.source == "uploads/harbor-notice.txt"
    answer = writable.ask("Who is the harbor master?").answer
    assert answer is not None and answer.text == "Ada Quist" and answer.citation.doc_id == change.doc_id
    assert slices_everywhere(writable, "Who is the harbor master?")
    assert read_manifest(writable.settings.index_dir)["version"] == change.index_version  # on disk as well


def test_a_restructured_text_upload_is_kept_as_sent_and_answers(writable: QuestionAnswerer) -> None:
    text = "Harbor guide\n============\n\nKeepers\n-------\nThe lighthouse keeper is Tomas Brenner.\n"
    change = writable.add_document(uploads.FileUpload("guide.rst", "text/x-rst", text.encode()))
    assert change.source == "uploads/guide.rst" and change.title == "Harbor guide"
    assert (writable.settings.seeds_dir / change.source).read_text() == text
    answer = writable.ask("Who is the lighthouse keeper?").answer
    assert answer is not None and answer.text == "Tomas Brenner" and answer.citation.doc_id == change.doc_id
    writable.remove_document(change.doc_id)


def test_adding_a_document_embeds_only_that_document(writable: QuestionAnswerer) -> None:
    embedder = writable.embedder
    assert isinstance(embedder, CountingEmbedder)
    change = writable.add_document(uploads.FileUpload("harbor.txt", "text/plain", HARBOR.encode()))
    corpus = writable.snapshot.corpus
    own = [p for p in corpus.passages if p.doc_id == change.doc_id] + \
        [s for s in corpus.sentences if s.doc_id == change.doc_id]
    assert embedder.texts == change.embedded_texts == len(own) < (len(corpus.passages) + len(corpus.sentences)) / 4
    release = corpus.documents["dhs-human-smuggling-campaign"]
    fresh = embedder.inner.embed([matching_text(release)[s.start:s.end] for s in corpus.sentences[:5]])
    assert np.allclose(corpus.sentence_vectors[:5], fresh, atol=1e-4)  # reused rows still belong to their sentences


def test_html_upload_keeps_the_raw_page_and_cites_into_its_text(writable: QuestionAnswerer) -> None:
    change = writable.add_document(uploads.FileUpload("docks.html", "text/html", HARBOR_HTML.encode()))
    assert change.source is not None and change.doc_id is not None
    path = writable.settings.seeds_dir / change.source
    assert path.read_text(encoding="utf-8") == HARBOR_HTML and change.title == "Harbor and Docks"  # byte for byte
    answer = writable.ask("Who is the dock master?").answer
    assert answer is not None and answer.text == "Ines Vale"
    text = read_document(path, writable.settings.seeds_dir, change.doc_id).text  # the page read again from disk
    assert text == "Harbor & Docks\n\nThe dock master is Ines Vale. She opens the gate at 5 am."
    assert text[answer.citation.start:answer.citation.end] == "Ines Vale"
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
    version, files = writable.snapshot.version, files_of(writable)
    with pytest.raises(DuplicateDocumentError, match="already in the corpus"):
        writable.add_document(uploads.FileUpload("copy.md", "text/markdown", HARBOR.encode()))
    with pytest.raises(DuplicateDocumentError, match="remove 'uploads-harbor' first"):
        writable.add_document(uploads.FileUpload("harbor.md", "text/markdown", b"# Other\n\nDifferent words here."))
    with pytest.raises(DuplicateDocumentError):
        writable.add_document(uploads.FileUpload("release.txt", "text/plain", RELEASE.read_bytes()))
    assert writable.snapshot.version == version and files_of(writable) == files


def test_seed_files_and_the_last_document_are_protected(writable: QuestionAnswerer) -> None:
    with pytest.raises(ProtectedDocumentError, match="seed file"):
        writable.remove_document("dhs-human-smuggling-campaign")
    assert RELEASE.name in {p.name for p in writable.settings.seeds_dir.iterdir()}


def test_remove_then_reindex_picks_up_files_dropped_by_hand(writable: QuestionAnswerer) -> None:
    change = writable.add_document(uploads.FileUpload("harbor.txt", "text/plain", HARBOR.encode()))
    assert change.doc_id is not None
    removed = writable.remove_document(change.doc_id)
    assert removed.embedded_texts == 0 and change.doc_id not in writable.snapshot.corpus.documents
    assert writable.reindex().changed is False
    (writable.settings.seeds_dir / "dropped.txt").write_text(HARBOR, encoding="utf-8")
    assert writable.reindex().changed and "dropped" in writable.snapshot.corpus.documents


class FailingEmbedder(CountingEmbedder):
    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        raise RuntimeError("the embedder failed half-way")


def test_a_failed_change_puts_the_seeds_back(writable: QuestionAnswerer) -> None:
    version, files = writable.snapshot.version, files_of(writable)
    writable.embedder = FailingEmbedder(writable.embedder)
    with pytest.raises(RuntimeError):
        writable.add_document(uploads.FileUpload("harbor.txt", "text/plain", HARBOR.encode()))
    assert writable.snapshot.version == version and files_of(writable) == files


def test_leftovers_of_a_crash_are_removed_at_start(tmp_path: Path) -> None:
    settings = Settings(seeds_dir=tmp_path)
    folder = settings.uploads_folder()
    folder.mkdir()
    for name in (".a.txt.1.partial", ".b.txt.2.removed", "kept.txt"):
        (folder / name).write_text("x")
    assert {p.name for p in ingest.remove_leftovers(settings)} == {".a.txt.1.partial", ".b.txt.2.removed"}
    assert [p.name for p in folder.iterdir()] == ["kept.txt"]
