from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qa.documents.chunking import passage_input, readable, split_document, title_acronyms
from qa.documents.markdown import markdown_blocks
from qa.documents.reading import Document, load_documents, read_document
from qa.documents.structure import Block, text_blocks
from tests.helpers.paths import ROOT, SEEDS


def _document(text: str) -> Document:
    """The whole text as one paragraph block (what the sentence splitting sees)."""
    stripped = text.strip()
    start = text.find(stripped[:1]) if stripped else 0
    blocks = (Block(start, start + len(stripped), "text"),) if stripped else ()
    return Document("doc", "title", "doc.txt", text, blocks, "sha")


def test_release_passages_slice_exactly_and_pillars_stay_whole() -> None:
    [document] = load_documents(SEEDS)
    _sentences, passages = split_document(document)
    assert all(document.text[p.start:p.end] == p.text for p in passages)
    for number in range(1, 6):
        items = [p for p in passages if p.text.startswith(f"{number}. ")]
        assert len(items) == 1, f"pillar {number} must be one passage"
    sentinel = next(p for p in passages if p.text.startswith("2. Operation Sentinel"))
    assert sentinel.text.rstrip("\u00a0 ").endswith("partnerships with other agencies.")


def test_abbreviations_and_list_numbers_do_not_end_sentences() -> None:
    text = "1. Led by U.S. Customs and Border Protection's NTC. Another sentence follows here."
    sentences, _ = split_document(_document(text))
    assert [text[s.start:s.end] for s in sentences] == [
        "1. Led by U.S. Customs and Border Protection's NTC.", "Another sentence follows here."]
    dotless = "It runs much slower (eg. 20 to 30 times) than normal. Addresses (ie. 0x804838F) rarely matter."
    sentences, _ = split_document(_document(dotless))
    assert [dotless[s.start:s.end] for s in sentences] == [
        "It runs much slower (eg. 20 to 30 times) than normal.", "Addresses (ie. 0x804838F) rarely matter."]


def test_a_full_stop_inside_brackets_that_close_just_after_it_ends_no_sentence() -> None:
    text = ("The default value for GID_MIN (resp.  GID_MAX) is 1000 (resp.  60000). The mode is 022 (see Notes. "
            "They say more.) Then it ends.")
    sentences, _ = split_document(_document(text))
    assert [text[s.start:s.end] for s in sentences] == [
        "The default value for GID_MIN (resp.  GID_MAX) is 1000 (resp.  60000).",
        "The mode is 022 (see Notes. They say more.)", "Then it ends."]
    unclosed = "A bracket (never closed. Two sentences follow it (really). Third one."
    sentences, _ = split_document(_document(unclosed))
    assert len(sentences) == 3  # the bracket that closes soon after is another one


def test_windows_overlap_by_the_configured_sentences() -> None:
    text = " ".join(f"Sentence number {word} is here." for word in ["one", "two", "three", "four", "five"])
    _, passages = split_document(_document(text), sentences_per_passage=2, overlap=1)
    assert [(p.first_sentence, p.last_sentence) for p in passages] == [(0, 1), (1, 2), (2, 3), (3, 4)]


def test_max_chars_bounds_a_window_but_keeps_one_sentence() -> None:
    text = "Short one. " + "Long " * 100 + "sentence. Tail."
    _, passages = split_document(_document(text), sentences_per_passage=3, overlap=0, max_chars=120)
    assert all(len(p.text) <= 120 or p.first_sentence == p.last_sentence for p in passages)


_alphabet = st.sampled_from([*"abcXYZ .,!?:;\n\n\t\xa0’“”-0123456789", "é", "日本", "🙂", "U.S.", "  1. ", "\r\n"])
texts = st.lists(_alphabet, max_size=300).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=texts, size=st.integers(1, 5), overlap=st.integers(0, 4), max_chars=st.integers(100, 800))
def test_every_offset_slices_back_to_its_text(text: str, size: int, overlap: int, max_chars: int) -> None:
    document = _document(text)
    sentences, passages = split_document(document, size, min(overlap, size - 1), max_chars)
    for passage in passages:
        assert document.text[passage.start:passage.end] == passage.text
        assert passage.text and not passage.text[0].isspace() and not passage.text[-1].isspace()
        assert sentences[passage.first_sentence].start == passage.start
        assert sentences[passage.last_sentence].end == passage.end
    for sentence in sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_every_content_character_is_in_some_sentence(text: str) -> None:
    document = _document(text)
    sentences, _ = split_document(document)
    covered = set()
    for s in sentences:
        covered.update(range(s.start, s.end))
    assert all(i in covered for b in document.blocks for i in range(b.start, b.end) if not text[i].isspace())


def test_what_is_embedded_reads_as_prose_and_knows_where_it_sits() -> None:
    assert readable("compres\u2010\n       sion of [INSTALL][] and | cells |") == "compression of INSTALL and cells"
    document = Document("d", "Manual", "d.md", "# Manual\n\n## Options\n\nKeep the files.",
                        (Block(2, 8, "heading", 1), Block(13, 20, "heading", 2), Block(22, 37, "text")), "sha")
    _, [passage] = split_document(document)
    assert passage.context == "Manual › Options"
    assert passage_input(passage, passage.text) == "Options: Options Keep the files."
    assert passage_input(passage, passage.text, lexical=True) == "Manual › Options: Options Keep the files."


_LINES = st.sampled_from(["Field Guide", "=====", "Status: draft", "Version: 1.0", "The list:", "1. Scope",
                          "* an item that wraps", "  onto a second line.", "A sentence ends here. Another one",
                          "continues on this line.", "", ""])


@settings(max_examples=200, deadline=None)
@given(text=st.lists(_LINES, min_size=1, max_size=24).map("\n".join))
def test_structured_text_keeps_every_block_in_a_passage_but_headings_and_labels_of_nothing(text: str) -> None:
    """Headings are context (one followed by another is only that); a label before a heading or at the end labels
    nothing; everything else, leads included, is in a passage."""
    title, blocks = text_blocks(text)
    _, passages = split_document(Document("doc", title or "doc", "doc.txt", text, blocks, "sha"))
    assert all(text[p.start:p.end] == p.text for p in passages)
    covered = {i for p in passages for i in range(p.start, p.end)}
    following = {b: next((later for later in blocks if later.start > b.start and later.kind != "label"), None)
                 for b in blocks}
    closing = {b for b in blocks if b.kind == "label" and (following[b] is None or following[b].kind == "heading")}
    assert all(i in covered for b in blocks if b.kind != "heading" and b not in closing
               for i in range(b.start, b.end)), blocks


def test_a_heading_with_markup_before_its_text_stays_context_out_of_the_passage() -> None:
    text = ("# Widgets\n\n## `create(name)`\n\n<!-- YAML\nadded: v0.1.29\n-->\n\nCreates a widget.\n\n"
            "## `remove(name)`\n\nRemoves a widget.\n")
    title, blocks = markdown_blocks(text)
    _, passages = split_document(Document("api", title, "api.md", text, blocks, "sha"))
    created = next(p for p in passages if "Creates" in p.text)
    assert created.text == "Creates a widget." and created.context.endswith("`create(name)`")
    removed = next(p for p in passages if "Removes" in p.text)  # nothing between: the heading opens its passage
    assert removed.text.startswith("`remove(name)`") and "Removes a widget." in removed.text
    assert not any("<!--" in p.text for p in passages)


def test_a_title_is_also_known_by_its_initials_on_the_lexical_side() -> None:
    assert title_acronyms("Eclipse Public License - v 1.0") == ["epl"]
    assert "gpl" in title_acronyms("GNU GENERAL PUBLIC LICENSE") and title_acronyms("Apache License") == []
    assert "ofl" in title_acronyms("SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007")
    text = "Eclipse Public License - v 1.0\n\n1. DEFINITIONS\n\nA Contributor distributes the Program.\n"
    title, blocks = text_blocks(text)
    _, [passage] = split_document(Document("epl", title, "epl.txt", text, blocks, "sha"))
    assert passage_input(passage, passage.text, lexical=True).startswith("Eclipse Public License - v 1.0 epl › ")
    assert "epl" not in passage_input(passage, passage.text)  # the embedding gets the headings only


def test_a_numbered_items_title_case_opening_is_a_heading_of_it() -> None:
    text = ("Licence\n\n1) Grant of Copyright License. Licensor hereby grants You a license.\n\n"
            "2. Try it out. Run the tool once.\n\n3) No Title Here Either\n")
    title, blocks = text_blocks(text)
    sentences, _ = split_document(Document("l", title, "l.txt", text, blocks, "sha"))
    flagged = {text[s.start:s.end]: s.heading for s in sentences}
    assert flagged["1) Grant of Copyright License."] and not flagged["Licensor hereby grants You a license."]
    assert not flagged["2. Try it out."]  # a step, not a title


def test_a_plain_texts_title_line_heads_its_first_passage_and_a_title_inside_a_block_does_not() -> None:
    text = "Sample Public License - Version 1.0 - August 17th, 2003\n\nPermission is hereby granted.\n"
    title, blocks = text_blocks(text)
    sentences, [passage] = split_document(Document("l", title, "l.txt", text, blocks, "sha"))
    assert passage.text == text.strip() and sentences[0].heading  # context and a place for a typed span
    manual = read_document(ROOT / "datasets" / "crossdoc" / "documents" / "gzip-manual.txt", ROOT, "gzip")
    assert manual.title == "gzip, gunzip, zcat - compress or expand files"
    assert split_document(manual)[1][0].text.startswith("NAME")  # the NAME section's text holds the title


def test_the_headings_under_the_title_before_any_text_are_its_title_block() -> None:
    text = ("The Harbour Licence\n===================\n\nVersion 2.4  2015-05-12\n\nCopyright 2015 Lighthouse Guild\n\n"
            "Everyone may copy this licence.\n\nTERMS\n=====\n\nOne\n===\n\nYou may use the work.\n")
    title, blocks = text_blocks(text)
    sentences, passages = split_document(Document("l", title, "l.txt", text, blocks, "sha"))
    assert title == "The Harbour Licence"
    opening = [text[s.start:s.end] for s in sentences if s.start < passages[0].end]
    assert opening == ["Version 2.4  2015-05-12", "Copyright 2015 Lighthouse Guild", "Everyone may copy this licence."]
    assert sentences[0].heading and passages[0].text.startswith("Version 2.4")  # the title itself is context only
    assert "TERMS" not in [text[s.start:s.end] for s in sentences]  # past the first text, a bare heading is dropped


def test_only_version_date_and_copyright_lines_before_the_first_text_make_a_title_block() -> None:
    text = "Pump Kit\n\nInstallation\n\nFrom source\n\nRun make.\n"  # section headings, not a title block
    title, blocks = text_blocks(text)
    sentences, _ = split_document(Document("p", title, "p.txt", text, blocks, "sha"))
    assert "Installation" not in [text[s.start:s.end] for s in sentences]
