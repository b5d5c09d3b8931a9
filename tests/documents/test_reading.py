"""Reading seed files: ids, titles, text as read (extracted for HTML and PDF), content blocks, furniture left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.documents.pdf import pdf_text
from qa.documents.reading import fold, load_documents, seed_hashes
from qa.documents.words import terms
from qa.errors import InvalidInputError
from tests.helpers.corpora import make_pdf
from tests.helpers.paths import RELEASE, SEEDS, shared


def test_release_is_a_byte_identical_copy_of_the_shared_seed() -> None:
    assert RELEASE.read_bytes() == shared("seeds", RELEASE.name).read_bytes()


def test_release_document_has_id_title_source() -> None:
    [document] = load_documents(SEEDS)
    assert document.doc_id == "dhs-human-smuggling-campaign"
    assert document.title == "DHS Launches Novel Campaign to Combat Human Smuggling Networks"
    assert document.source == RELEASE.name
    assert document.text == RELEASE.read_text(encoding="utf-8")


def _content(document) -> str:
    return "\n".join(document.text[b.start:b.end] for b in document.blocks)


def test_navigation_neighbouring_titles_and_the_title_line_are_not_content() -> None:
    [document] = load_documents(SEEDS)
    content = _content(document)
    assert content.rstrip().endswith("approximately 900 migrants each day.")
    for furniture in ("Previous", "Next", "TSP Board", "Retirement Legislation", document.title):
        assert furniture not in content


def test_navigation_words_inside_prose_are_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A title\n\nFirst paragraph of the note.\n\nNext, the agency acted. It said so.\n")
    [document] = load_documents(tmp_path)
    assert "Next, the agency acted. It said so." in _content(document)


def test_fold_keeps_length_and_maps_typography() -> None:
    text = "\u201cquoted\u201d\u00a0it\u2019s \u2014 done"
    assert len(fold(text)) == len(text)
    assert fold(text) == "\"quoted\" it's - done"


def test_an_ellipsis_between_numbers_folds_to_a_range_elsewhere_to_a_full_stop() -> None:
    assert fold("UIDs 1…999 are system users, and so on…") == "UIDs 1-999 are system users, and so on."


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
    assert set(seed_hashes(tmp_path)) == {"note.txt", "sub/note.md"}


def test_a_file_of_a_kind_not_read_is_named_in_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "questions.jsonl").write_text("{}")
    (tmp_path / ".notes.org").write_text("hidden")
    (tmp_path / "data.csv").write_text("a,b")
    (tmp_path / "note.txt").write_text("Title line\n\nBody.")
    with caplog.at_level("WARNING", logger="qa.documents"):
        assert [d.source for d in load_documents(tmp_path)] == ["note.txt"]
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == ["not read: data.csv"]
    assert ".rst" in caplog.records[0].getMessage()
    for number in range(7):
        (tmp_path / f"photo{number}.png").write_bytes(b"\x89PNG")
    caplog.clear()
    with caplog.at_level("WARNING", logger="qa.documents"):
        load_documents(tmp_path)
    (warning,) = caplog.records  # one line, however many files
    named = "not read: data.csv, photo0.png, photo1.png, photo2.png, photo3.png and 3 more"
    assert warning.getMessage().startswith(named)


def test_restructured_text_is_read_with_its_underlined_headings(tmp_path: Path) -> None:
    text = ("yq: Command-line YAML processor\n===============================\n\nInstallation\n------------\n::\n\n"
            "    pip3 install yq\n\nBefore using ``yq``, you also have to install ``jq``.\n")
    (tmp_path / "README.rst").write_text(text)
    (document,) = load_documents(tmp_path)
    assert (document.doc_id, document.title, document.text) == ("readme", "yq: Command-line YAML processor", text)
    headings = [document.text[b.start:b.end] for b in document.blocks if b.kind == "heading"]
    assert headings == ["Installation"]


def test_colliding_stems_keep_their_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Alpha.")
    (tmp_path / "a.md").write_text("# Alpha")
    assert sorted(d.doc_id for d in load_documents(tmp_path)) == ["a-md", "a-txt"]


def test_invalid_utf8_is_refused_with_advice(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 latin-1")
    with pytest.raises(InvalidInputError, match="UTF-8"):
        load_documents(tmp_path)


@pytest.mark.parametrize("declaration", [
    b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    b"<meta charset='windows-1252'>",
    b'<?xml version="1.0" encoding="iso-8859-1"?>',
])
def test_html_in_the_encoding_it_declares_is_read(tmp_path: Path, declaration: bytes) -> None:
    page = (b"<html><head>" + declaration + b"<title>Caf\xe9</title></head>"
            b"<body><p>A na\xefve \x93quote\x94\xa0here.</p>")
    (tmp_path / "old.html").write_bytes(page)
    document = load_documents(tmp_path)[0]
    assert document.title == "Caf\u00e9"
    assert "A na\u00efve \u201cquote\u201d here." in document.text  # as a browser shows it: windows-1252


def test_a_declaration_is_read_as_browsers_read_it(tmp_path: Path) -> None:
    (tmp_path / "wide.html").write_bytes(b'<!-- <meta charset="utf-8"> --><meta charset="iso-8859-1">'
                                         b"<p>caf\xe9 \x81\x93quoted\x94</p>")  # 0x81: undefined in windows-1252
    assert "caf\u00e9 \x81\u201cquoted\u201d" in load_documents(tmp_path)[0].text
    (tmp_path / "wide.html").write_bytes(b'<meta charset="gb2312"><p>\x95\x40</p>')  # GBK, as GB2312 pages use
    assert load_documents(tmp_path)[0].text == "\u65f2"


@pytest.mark.parametrize(("name", "page"), [
    ("undeclared.html", b"<p>caf\xe9</p>"),
    ("unknown.html", b'<meta charset="klingon"><p>caf\xe9</p>'),
    ("wrong.html", b'<meta charset="utf-8"><p>caf\xe9</p>'),
    ("declared.txt", b'<meta charset="latin-1"> caf\xe9'),  # only HTML declares its encoding in its text
    ("rot13.html", b'<meta charset="rot13"><p>caf\xe9</p>'),  # no text encoding: a 422, not a crash
    ("undefined.html", b'<meta charset="undefined"><p>caf\xe9</p>'),
    ("escape.html", b'<meta charset="unicode_escape"><p>\\x41 caf\xe9</p>'),
    ("scripted.html", b'<script>s = "<meta charset=koi8-r>"</script><p>caf\xe9</p>'),  # a script declares nothing
])
def test_text_in_an_undeclared_encoding_is_refused(tmp_path: Path, name: str, page: bytes) -> None:
    (tmp_path / name).write_bytes(page)
    with pytest.raises(InvalidInputError, match="UTF-8"):
        load_documents(tmp_path)


def test_html_is_read_as_its_main_text(tmp_path: Path) -> None:
    page = ("<html><head><title>Page &amp; title</title><style>p{}</style></head><body>"
            "<nav>Home | About</nav><h1>Agency</h1><p>The <b>agency</b> leads &amp;\n acts.</p>"
            "<footer>Copyright</footer><script>var x = 1;</script></body></html>")
    (tmp_path / "page.html").write_text(page)
    [document] = load_documents(tmp_path)
    assert document.title == "Page & title"
    assert document.text == "Agency\n\nThe agency leads & acts."
    assert [(b.kind, document.text[b.start:b.end]) for b in document.blocks] == [
        ("heading", "Agency"), ("text", "The agency leads & acts.")]


def test_a_typeset_pdf_s_ligatures_are_spelt_out_in_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf

    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda self, *a, **k: "The \ufb01le \ufb02ags, e\ufb00ort")
    assert pdf_text(make_pdf([["x"]]), "typeset.pdf") == "The file flags, effort"
    assert terms("\ufb01le") == ["file"]  # in a text file, matched as the word it spells


def test_a_pdf_seed_is_read_as_its_text_layer_and_an_uploads_pdf_beside_its_text_is_not(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(make_pdf([["Lock Report"], ["The lock opens at nine."]]))
    (tmp_path / "kept.pdf").write_bytes(make_pdf([["Kept"]]))
    (tmp_path / "kept.txt").write_text("Kept\n\nThe text of kept.pdf, extracted when it was uploaded.")
    documents = {d.doc_id: d for d in load_documents(tmp_path)}
    assert set(documents) == {"report", "kept"} and documents["kept"].source == "kept.txt"
    report = documents["report"]
    assert "\f" in report.text and "The lock opens at nine." in _content(report)
