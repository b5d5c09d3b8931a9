from __future__ import annotations

from pathlib import Path

import pytest

from qa.documents.reading import fold, html_regions, load_documents, matching_text, strip_furniture
from qa.errors import InvalidInputError
from tests.helpers.paths import RELEASE, SEEDS, shared


def test_release_is_a_byte_identical_copy_of_the_shared_seed() -> None:
    assert RELEASE.read_bytes() == shared("seeds", RELEASE.name).read_bytes()


def test_release_document_has_id_title_source() -> None:
    [document] = load_documents(SEEDS)
    assert document.doc_id == "dhs-human-smuggling-campaign"
    assert document.title == "DHS Launches Novel Campaign to Combat Human Smuggling Networks"
    assert document.source == RELEASE.name
    assert document.text == RELEASE.read_text(encoding="utf-8")


def test_navigation_and_neighbouring_titles_are_not_content() -> None:
    [document] = load_documents(SEEDS)
    content = "".join(document.text[s:e] for s, e in document.regions)
    assert content.rstrip().endswith("approximately 900 migrants each day.")
    for furniture in ("Previous", "Next", "TSP Board", "Retirement Legislation"):
        assert furniture not in content


def test_navigation_words_inside_prose_are_kept() -> None:
    text = "First paragraph.\n\nNext, the agency acted. It said so in a long sentence here.\n"
    assert strip_furniture(text) == (0, len(text.rstrip()))


def test_fold_keeps_length_and_maps_typography() -> None:
    text = "\u201cquoted\u201d\u00a0it\u2019s \u2014 done"
    assert len(fold(text)) == len(text)
    assert fold(text) == "\"quoted\" it's - done"


def test_gold_folder_hidden_files_and_other_suffixes_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "q.txt").write_text("not a document")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "data.csv").write_text("a,b")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "note.md").write_text("# Heading here\n\nBody text.")
    (tmp_path / "note.txt").write_text("Title line\n\nBody.")
    documents = load_documents(tmp_path)
    assert [(d.doc_id, d.title, d.source) for d in documents] == [
        ("note", "Title line", "note.txt"), ("sub-note", "Heading here", "sub/note.md")]


def test_colliding_stems_keep_their_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Alpha.")
    (tmp_path / "a.md").write_text("# Alpha")
    assert sorted(d.doc_id for d in load_documents(tmp_path)) == ["a-md", "a-txt"]


def test_invalid_utf8_is_refused_with_advice(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 latin-1")
    with pytest.raises(InvalidInputError, match="UTF-8"):
        load_documents(tmp_path)


def test_html_keeps_main_text_and_drops_boilerplate(tmp_path: Path) -> None:
    page = ("<html><head><title>Page &amp; title</title><style>p{}</style></head><body>"
            "<nav>Home | About</nav><p>The <b>agency</b> leads &amp; acts.</p><footer>Copyright</footer>"
            "<script>var x = 1;</script></body></html>")
    (tmp_path / "page.html").write_text(page)
    [document] = load_documents(tmp_path)
    assert document.title == "Page & title"
    assert [page[s:e] for s, e in html_regions(page)] == ["The <b>agency</b> leads &amp; acts."]
    visible = matching_text(document)
    start, end = document.regions[0]
    assert len(visible) == len(page)
    assert " ".join(visible[start:end].split()) == "The agency leads & acts."
