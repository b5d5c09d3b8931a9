"""Document structure: headings, paragraphs, items and entries found by shape; furniture left out; HTML as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa.documents.chunking import split_document
from qa.documents.html import read_html
from qa.documents.markdown import markdown_blocks
from qa.documents.reading import Document, load_documents
from qa.documents.structure import FAQ_LEVEL, text_blocks
from tests.helpers.paths import ROOT

CORPUS = ROOT / "datasets" / "crossdoc" / "documents"


def _blocks(text: str, reader=text_blocks) -> list[tuple[str, int, str]]:
    _, blocks = reader(text)
    return [(b.kind, b.level, text[b.start:b.end]) for b in blocks]


def test_headings_are_recognised_by_their_shape() -> None:
    text = ("Field Guide\n\nAn introduction that says what the guide is for.\n\n"
            "Overview\n========\n\nThe first section, hard-wrapped at a narrow\nwidth, is one paragraph.\n\n"
            "1. Definitions.\n\nTerms used below.\n\n1.5. Licensor\n\nThe one who grants the licence.\n\n"
            "OPTIONS\n       -k --keep\n              Keep the input files.\n")
    blocks = _blocks(text)
    assert ("heading", 1, "Overview") in blocks
    assert ("heading", 1, "1. Definitions.") in blocks and ("heading", 2, "1.5. Licensor") in blocks
    definition = '2.1. Affiliate.  "Affiliate" means an entity that\n     controls that party.'
    assert _blocks(f"Terms\n\n{definition}\n") == [("entry", 0, definition)]  # a sentence, not a heading
    term = '1.1. "Contributor"\n    means each person who adds code to the work.'  # the term, its definition below
    assert _blocks(f"Terms\n\n{term}\n\nNAME\n       grep - print lines\n") == [
        ("entry", 0, term), ("heading", 1, "NAME"), ("text", 0, "grep - print lines")]
    assert ("heading", 1, "OPTIONS") in blocks
    assert ("text", 0, "The first section, hard-wrapped at a narrow\nwidth, is one paragraph.") in blocks
    assert ("entry", 0, "-k --keep\n              Keep the input files.") in blocks
    assert not any("Field Guide" in b[2] or "=====" in b[2] for b in blocks)  # the title and the underline


def test_an_examples_line_and_a_lone_then_are_no_headings() -> None:
    text = ("Sections\n\n   Applications/Shells\n\n      Various shells.\n\n      Examples: bash, ksh, zsh\n\n"
            "   Applications/Sound\n\n      Players.\n\n      gzip -c a > foo.gz\n\n   Then\n\n      gunzip -c foo\n")
    blocks = _blocks(text)
    assert ("text", 0, "Examples: bash, ksh, zsh") in blocks
    assert ("label", 0, "Then") in blocks


def test_a_numbered_sentence_is_an_item_not_a_heading() -> None:
    text = ("Licence\n\nConditions follow.\n\n2. License Grants and Conditions.\n\n"
            "3. Redistributions must contain a verbatim copy of this document.\n\nThe Foundation may revise it.\n")
    blocks = _blocks(text)
    assert ("heading", 1, "2. License Grants and Conditions.") in blocks  # title case: a heading
    assert not any(kind == "heading" and "Redistributions" in said for kind, _, said in blocks)


def test_a_list_of_problems_written_6_close_bracket_heads_each_remedy_but_a_list_of_items_stays_items() -> None:
    problem = "6) Apache does not pass Authorization header to CGI scripts"
    wrapped = '9) A PUT with mod_dav_fs fails with "Unable to PUT new contents"\neven if Apache can write the file.'
    text = (f"Common Problems\n===============\n\n{problem}\n\nThis is intentional, to avoid security holes.\n\n"
            f"{wrapped}\n\nApache also needs write permission to the directory.\n")
    blocks = _blocks(text)
    assert ("heading", 9, problem) in blocks and ("heading", 9, wrapped) in blocks
    assert ("text", 0, "This is intentional, to avoid security holes.") in blocks
    steps = "Steps:\n\n1) Install the package\n\n2) Start the service\n\n3) Then check that it works:\n\nIt is up.\n"
    assert not any(kind == "heading" for kind, _, _ in _blocks(steps))  # over items, or a colon asking for more
    arguments = "1) the subject of the message\n2) the recipient.\n\nThe command must then read a message.\n"
    assert not any(kind == "heading" for kind, _, _ in _blocks(arguments))  # two items on two lines
    last_step = "Steps\n\n1) Install it\n\n2) Configure it\n\n3) Start the service\n\nThen visit the page.\n"
    assert not any(kind == "heading" for kind, _, _ in _blocks(last_step))  # after an item: a list's last step
    asked_for = "Usage\n\nThe command takes:\n\n1) the subject of the message\n\nIt reads the body.\n"
    assert not any(kind == "heading" for kind, _, _ in _blocks(asked_for))  # what a colon asks for


def test_a_number_over_its_indented_meaning_is_a_term_but_a_lone_number_a_page_number() -> None:
    text = ("EXIT VALUES\n       The command exits with the following values:\n\n       0\n\t   success\n\n"
            "       4\n\t   UID already in use (and no -o)\n\n       12\n\t   can't create home directory\n")
    said = [text for _, _, text in _blocks(text)]
    assert any(block.startswith("4\n") and block.endswith("UID already in use (and no -o)") for block in said)
    assert any(block.startswith("12\n") for block in said)
    paged = "A first page of text that runs on.\n\n                 12\n\fA second page of text.\n"  # still dropped
    assert not any(block.strip() == "12" or block.startswith("12") for block in [b for _, _, b in _blocks(paged)])


def test_a_term_alone_on_its_line_opens_an_entry_with_the_text_indented_below_it_after_a_blank_line() -> None:
    text = ("README\n\nHow this server is set up.\n\nFiles and Directories\n---------------------\n\n"
            "apache2.conf\n\n\tThis is the main configuration file.\n\n"
            "\tIf you want to extend it, include files.\n\nports.conf\n\n\tDirectives for ports.\n\n"
            "   Applications/Shells\n\n      Various shells.\n\nmagic\n\nPatterns at the same indent.\n")
    blocks = _blocks(text)
    assert ("entry", 0, "apache2.conf\n\n\tThis is the main configuration file.") in blocks
    assert ("text", 0, "If you want to extend it, include files.") in blocks  # its second paragraph
    assert ("entry", 0, "ports.conf\n\n\tDirectives for ports.") in blocks
    assert ("heading", 2, "Applications/Shells") in blocks  # shaped as a heading: it heads, as before
    assert ("text", 0, "magic") in blocks and ("text", 0, "Patterns at the same indent.") in blocks  # not below it
    sentences, _ = split_document(Document("d", "t", "d.txt", text, text_blocks(text)[1], "sha"))
    assert "apache2.conf\n\n\tThis is the main configuration file." in [text[s.start:s.end] for s in sentences]


def test_what_a_colon_introduces_indented_below_it_is_shown_text_never_a_heading() -> None:
    text = ("README\n\nHow this server is set up.\n\nTo restore the upstream default, add this to ssh_config:\n\n"
            "  IPQoS af21 cs1\n\nFor further discussion, see:\n\nKerberos Support\n\nssh is built with Kerberos.\n")
    blocks = _blocks(text)
    assert ("text", 0, "IPQoS af21 cs1") in blocks  # indented below the colon: what it introduces
    assert ("heading", 1, "Kerberos Support") in blocks  # at the colon's own indent: a heading still
    table = "README\n\nHow it went.\n\nThe results are:\n\n  | run | time |\n  |-----+------|\n  | one | 3 s  |\n"
    assert ("row", 0, "| one | 3 s  |") in _blocks(table)  # a table a colon introduces keeps its rows


def test_a_tab_indents_to_the_next_multiple_of_eight() -> None:
    term = "       -r, --system\n\t   Create a system account."  # man(1) through col -b: blanks, then a tab
    assert _blocks(f"OPTIONS\n{term}\n") == [("heading", 1, "OPTIONS"), ("entry", 0, term.strip(" "))]


def test_a_wrapped_line_that_opens_with_a_section_number_is_no_heading() -> None:
    prose = "Cyclic redundancy checks detect corrupted messages sent over a noisy channel, as\n" * 10
    text = ("Related work\n" + prose + "The classic algorithm described in section\n"
            "4.6 was published by Sarwate in 1988.\n"
            + prose + "4.6 Computing a CRC byte by byte\n" + prose + "It reads a byte.\n")  # a PDF: no blank lines
    blocks = _blocks(text)
    assert not any(kind == "heading" and "Sarwate" in said for kind, _, said in blocks)
    assert ("heading", 2, "4.6 Computing a CRC byte by byte") in blocks


def test_a_title_wrapped_over_two_lines_is_one_heading_but_two_short_lines_are_not() -> None:
    wrapped = "Creative Commons Attribution-ShareAlike 4.0 International Public\nLicense"
    blocks = _blocks(f"Preface\n\nThe licence follows below.\n\n{wrapped}\n\nBy exercising the rights, You agree.\n")
    assert ("heading", 1, wrapped) in blocks
    holders = "Copyright 2008 John Smith\nCopyright 2009 Angela Watts"
    assert ("text", 0, holders) in _blocks(f"Preface\n\nThe licence follows below.\n\n{holders}\n")


def test_a_sentence_opening_with_the_article_a_is_no_lettered_heading() -> None:
    blocks = _blocks("Terms\n\nIntro text here.\n\nA Contributor distributes the Program.\n\nB. Limits\n\nNone.\n")
    assert ("text", 0, "A Contributor distributes the Program.") in blocks
    assert any(kind == "heading" and said == "B. Limits" for kind, _, said in blocks)


def test_a_faqs_questions_head_their_answers() -> None:
    text = ("Tool FAQ\n========\n\nQ:  What do the letters mean?\n\nA:  Nothing. They are two letters.\n\n"
            "Q:  I have a script that runs the tool. It fails. Can I make it\n    work without changing it?\n\n"
            "A:  Set a default limit.\n\nHow do I extract an archive?\n\nRun the tool with -d.\n\n"
            "This is a statement. Is it a question?\n")
    blocks = _blocks(text)
    assert ("heading", 9, "Q:  What do the letters mean?") in blocks
    marked = "Q:  I have a script that runs the tool. It fails. Can I make it\n    work without changing it?"
    assert ("heading", 9, marked) in blocks  # a question that first states something is still one when marked
    assert ("heading", 9, "How do I extract an archive?") in blocks  # a paragraph of questions only
    assert ("text", 0, "This is a statement. Is it a question?") in blocks
    title, found = text_blocks(text)
    document = Document("faq", title, "faq.txt", text, found, "sha")
    sentences, passages = split_document(document)
    answer = next(p for p in passages if "Set a default limit." in p.text)
    assert answer.text.startswith("Q:  I have a script") and answer.context.endswith("without changing it?")
    assert all(s.heading for s in sentences if document.text[s.start:s.end].startswith(("Q:", "How do I")))


PUMP_FAQ = ("PUMP FAQ\n========\n\n 1. GENERAL QUESTIONS\n\n   1.1) What is the pump?\n   1.2) The pump rattles at\n"
            "        night. Why is this?\n\n 2. REPAIRS\n\n   2.1) How do I change the seal?\n   2.2) Spare parts\n\n"
            "1. GENERAL QUESTIONS\n====================\n\n1.1) What is the pump?\n\nA.   A pump moves water.\n\n"
            "1.2) The pump rattles at night. Why is this?\n\nA.   The seal is worn.\n\n2. REPAIRS\n==========\n\n"
            "2.1) How do I change the seal?\n\nA.   Unscrew the lid.\n\n2.2) Where can I buy spare parts?\n\n"
            "A.   From the maker.\n\nSteps:\n\n1. Stop the pump.\n2. Drain it.\n3. Stop the pump.\n")


def test_a_table_of_contents_without_leaders_is_no_block_and_the_sections_it_lists_are() -> None:
    text = PUMP_FAQ
    said = [b[2] for b in _blocks(text)]
    assert said[:4] == ["1. GENERAL QUESTIONS", "1.1) What is the pump?", "A.   A pump moves water.",
                        "1.2) The pump rattles at night. Why is this?"]  # the FAQ's, not its contents' lines
    assert "2.2) Spare parts" not in said and "2.2) Where can I buy spare parts?" in said  # worded otherwise
    assert said[-3:] == ["1. Stop the pump.", "2. Drain it.", "3. Stop the pump."]  # a step said again: no contents


def test_a_question_marked_q_over_an_answer_marked_a_heads_it_whatever_it_ends_with() -> None:
    text = ("Pump FAQ\n\nQ: Why doesn't the pump start/why can't I get any pressure\n   from the valve.\n\n"
            "A: Probably because the relief valve is open.\n\n"
            "Q: Pumping works with the old hose but nothing else is fine.\n\nA: Replace the seal.\n\n"
            "Q: The pump is loud.\nIt rattles at night.\n\nNobody knows why.\n")
    blocks = _blocks(text)
    assert ("heading", 9, "Q: Why doesn't the pump start/why can't I get any pressure\n   from the valve.") in blocks
    assert ("heading", 9, "Q: Pumping works with the old hose but nothing else is fine.") in blocks
    assert ("text", 0, "Q: The pump is loud.\nIt rattles at night.") in blocks  # no answer marked "A:" under it


def test_a_question_marked_q_heads_the_answer_marked_a_in_the_same_paragraph() -> None:
    text = ("Pump FAQ\n\nQ) Help! I'm getting the error message \"dry run\".\nA) The pump is protecting itself. "
            "Fill the tank.\n\nQ) Help! What are the risks of the\n\"high_flow\" setting?\nA1) It wears the seal."
            "\nA2) It is loud.\n\nQ) The pump is loud.\nIt rattles at night.\n")
    blocks = _blocks(text)
    assert ("heading", 9, "Q) Help! I'm getting the error message \"dry run\".") in blocks
    assert ("text", 0, "A) The pump is protecting itself. Fill the tank.") in blocks
    assert ("heading", 9, "Q) Help! What are the risks of the\n\"high_flow\" setting?") in blocks  # two lines
    assert ("heading", 9, "Q) The pump is loud.") not in blocks  # no answer marked under it
    keys = _blocks("Keys\n\nQ: Quit the program now\nA: Select all processes\nD: Delete the process\n")
    assert not any(kind == "heading" and text.startswith("Q:") for kind, _, text in keys)  # a list of keys
    cited = _blocks("References\n\nQ. Zhang and Y. Li. Fast hashing.\nA. Smith. Slow hashing.\n")
    assert not any(kind == "heading" and text.startswith("Q.") for kind, _, text in cited)  # authors cited


def test_a_numbered_question_on_the_line_above_its_answer_heads_it() -> None:
    text = ("Harbour FAQ\r\n\r\n1  MOORING\r\n\r\n1.1  Can I moor at the outer wall overnight? Even in winter?\r\n"
            "Yes, from May to September. Ask the harbour master first.\r\n\r\n"
            "1.2  Why? Because the wall is closed. Is that clear?\r\nThat is all.\r\n")
    blocks = _blocks(text)
    assert ("heading", 9, "1.1  Can I moor at the outer wall overnight? Even in winter?") in blocks
    assert ("text", 0, "Yes, from May to September. Ask the harbour master first.") in blocks
    # a numbered line that states something besides asking is text
    assert not any(kind == "heading" and part.startswith("1.2") for kind, _, part in blocks)


def test_a_short_line_in_capitals_heads_the_paragraph_under_it_but_a_term_or_a_shouted_sentence_does_not() -> None:
    text = ("HARBOUR LICENCE\n\nPREAMBLE\nThe goals of this licence are to keep the harbour open.\n\n"
            "THE HARBOUR IS PROVIDED AS IS,\nWITHOUT WARRANTY OF ANY KIND.\n\n"
            "TERMINATION\nThis licence ends when a condition is broken.\n\n"
            "       HARBOUR_MODE\n              If set, the gate stays open.\n")
    blocks = _blocks(text)
    assert ("heading", 1, "PREAMBLE") in blocks and ("heading", 1, "TERMINATION") in blocks
    assert ("text", 0, "The goals of this licence are to keep the harbour open.") in blocks
    assert not any(kind == "heading" and "PROVIDED" in part for kind, _, part in blocks)  # shouted, all capitals
    assert not any(kind == "heading" and "HARBOUR_MODE" in part for kind, _, part in blocks)  # a term over its body


def test_a_question_that_states_something_first_heads_the_answer_indented_below_it() -> None:
    text = ("Harbour FAQ\n\nSome barges are not fitting the locks, and if two arrive together they\nwait for hours. "
            "Why is that?\n\n\tThe locks were built for the old barges.\n\n"
            "The harbour is busy. Who knows why?\n\nIt has always been so.\n\n"
            "Did you know the lock is fast? It lifts 2 barges an hour. Why?\n\n\tIts pumps are new.\n")
    blocks = _blocks(text)
    asked = "Some barges are not fitting the locks, and if two arrive together they\nwait for hours. Why is that?"
    assert ("heading", 9, asked) in blocks
    assert ("text", 0, "The harbour is busy. Who knows why?") in blocks  # the text after it is not indented
    assert not any(kind == "heading" and "2 barges" in part for kind, _, part in blocks)  # it asks twice


def test_a_man_pages_numbered_lines_at_its_text_margin_are_rows_and_examples_not_sections() -> None:
    page = ("GATE(1)            General Commands Manual            GATE(1)\n\nNAME\n       gate - open locks\n\n"
            "DESCRIPTION\n       An example crontab:\n\n\t   0 */4 * * *\t       /usr/bin/gate open\n\n"
            "EXIT VALUES\n\t   0  The gate opened\n\n\t   1  A fatal error occurred\n\n"
            "\t   2  Some warnings occurred, but the gate still opened\n\n1 NOTES\n       Oil the hinges.\n")
    blocks = _blocks(page)
    assert ("text", 0, "1  A fatal error occurred") in blocks
    assert ("text", 0, "2  Some warnings occurred, but the gate still opened") in blocks
    assert not any(kind == "heading" and part.startswith("0 */4") for kind, _, part in blocks)
    assert ("heading", 1, "1 NOTES") in blocks  # at the margin a numbered line still heads its section


def test_a_man_page_is_titled_by_its_name_line_else_by_its_header() -> None:
    header = "XARGS(1)            General Commands Manual            XARGS(1)\n\n"
    page = header + "NAME\n       xargs - build and execute command lines\n\nDESCRIPTION\n       It reads items.\n"
    assert text_blocks(page)[0] == "xargs - build and execute command lines"
    assert text_blocks(header + "DESCRIPTION\n       It reads items.\n")[0] == "XARGS(1) General Commands Manual"
    assert text_blocks("Notes\n\nNAME\n       xargs - build command lines\n")[0] == "Notes"  # no man page
    hyphen = header + "NAME\n       xargs \u2010 build and execute command lines\n"  # groff's U+2010 hyphen
    assert text_blocks(hyphen)[0] == "xargs \u2010 build and execute command lines"


def test_an_underlined_title_heads_the_text_that_follows_it_without_a_blank_line() -> None:
    text = ("Tool\n====\n\nXML support\n-----------\nThe tool also reads XML. It writes it back.\n\n"
            "Bugs\n~~~~\nReport them on the tracker.\n\n"
            "A sentence that wraps and\nends here.\n----------\n\nThe last words.\n")
    blocks = _blocks(text)
    assert blocks[:4] == [("heading", 1, "XML support"), ("text", 0, "The tool also reads XML. It writes it back."),
                          ("heading", 1, "Bugs"), ("text", 0, "Report them on the tracker.")]
    # the last line of a paragraph over a rule is no title: reStructuredText's rule, a blank line above a title
    assert ("text", 0, "A sentence that wraps and\nends here.") in blocks
    assert not any("-----" in b[2] or "~~~~" in b[2] for b in blocks)
    sentence = "Notes\n\nThe rest of this file lists the changes.\n" + "-" * 40 + "\n\nMore.\n"
    assert _blocks(sentence) == [("text", 0, "The rest of this file lists the changes."), ("text", 0, "More.")]
    link = "Notes\n\nhttps://example.org/a/page\n--------------------------\nMore text here.\n"
    assert _blocks(link) == [("text", 0, "More text here.")]  # the rule under a dropped line is dropped too
    wide = "Notes\n\n软件包安装与配置说明文档\n" + "=" * 24 + "\n步骤如下。\n"  # 12 wide characters, 24 columns
    assert _blocks(wide)[0] == ("heading", 1, "软件包安装与配置说明文档")


def test_info_node_lines_and_restructured_text_images_are_no_text() -> None:
    text = ("Ed manual\n\n\x1f\nFile: ed.info,  Node: Overview,  Next: Invoking ed,  Prev: Top,  Up: Top\n\n"
            "1 Overview\n**********\n\nGNU ed is a line-oriented text editor.\n\n"
            ".. image:: https://img.example.org/badge.svg\n        :target: https://example.org/ci\n\n"
            "The end of the page.\n\x1f\nTag Table:\nNode: Top\x7f210\nNode: Overview\x7f1024\n\x1f\nEnd Tag Table\n")
    blocks = _blocks(text)
    assert blocks == [("heading", 1, "1 Overview"), ("text", 0, "GNU ed is a line-oriented text editor."),
                      ("text", 0, "The end of the page.")]


def test_list_items_urls_rules_and_tables() -> None:
    text = ("Notes\n\nThe list:\n\n * first item, which wraps\n   onto a second line\n * second item\n\n"
            "https://example.org/only-a-link\n\n--------------------\n\n"
            "| name | meaning |\n|------+---------|\n| GPL  | General Public License |\n|------+---------|\n")
    blocks = _blocks(text)
    assert ("item", 0, "* first item, which wraps\n   onto a second line") in blocks
    assert ("item", 0, "* second item") in blocks
    assert ("row", 0, "| GPL  | General Public License |") in blocks
    assert not any("example.org" in b[2] or "-----" in b[2] for b in blocks)
    spaced = "Notes\n\nFirst part.\n\n\t- - - - -\n\nSecond part.\n\n* * *\n\n- a list item\n"
    assert _blocks(spaced) == [("text", 0, "First part."), ("text", 0, "Second part."), ("item", 0, "- a list item")]
    run_on = "Notes\n\nIt is also available from the mirrors at\nhttps://example.org/notes/.\n"
    assert _blocks(run_on)[-1] == ("text", 0, "It is also available from the mirrors at\nhttps://example.org/notes/.")


def test_a_pdf_text_layer_without_blank_lines_gets_paragraphs_and_loses_its_running_headers() -> None:
    body = "This line is wrapped at the width of the page like the other lines of text here\n" * 3
    pages = [f"Chapter 1: Basics {n}\n1.{n} Topic {n}\n{body}The paragraph ends here.\nA new one starts.\n"
             f"{n}" for n in range(1, 7)]
    text = "\n\n\f".join(pages)
    blocks = _blocks(text)
    assert ("heading", 2, "1.3 Topic 3") in blocks
    assert not any(b[2].startswith("Chapter 1: Basics") for b in blocks)
    assert any(b[2].endswith("The paragraph ends here.") for b in blocks)


def test_markdown_blocks_come_from_its_source_map_and_badges_are_dropped() -> None:
    text = ("[![CI](https://ci.example/badge.svg)](https://ci.example)\n\nTool - does things\n"
            "==================\n\nIntro paragraph\nwrapped.\n\n## Install\n\n- run `make`\n- run `make install`\n")
    title, blocks = markdown_blocks(text)
    assert title == "Tool - does things"
    assert [(b.kind, text[b.start:b.end]) for b in blocks] == [
        ("heading", "Tool - does things"), ("text", "Intro paragraph\nwrapped."), ("heading", "Install"),
        ("item", "- run `make`"), ("item", "- run `make install`")]
    assert markdown_blocks("# Learn C#\n\nBody text.\n")[0] == "Learn C#"  # a closing # of the name stays
    assert markdown_blocks("Intro text first.\n\n## Benchmarks\n\nBody.\n")[0] == ""  # a section, not the title


def test_a_markdown_title_is_its_words_without_images_badges_or_link_addresses() -> None:
    logo = "# ![Logo: a kettle with a spout](icons/kettle.png) kettle\n\nThe small kettle daemon.\n"
    assert markdown_blocks(logo)[0] == "kettle"
    badged = "# kettled <sup>[![Version](https://badge.example/v.svg)][npm]</sup> [![CI](https://ci.example/b.svg)](x)\n"
    assert markdown_blocks(badged + "\nBody.\n")[0] == "kettled"
    assert markdown_blocks("# The [Kettle](https://kettle.example) guide\n\nBody.\n")[0] == "The Kettle guide"
    assert markdown_blocks("# [![kettle logo](kettle.png)](https://kettle.example)\n\nBody.\n")[0] == "kettle logo"


def test_a_markdown_list_of_links_is_navigation_but_an_item_with_words_of_its_own_stays() -> None:
    text = ("# Tool\n\n- [License](#license)\n- [Install](#install)\n  1. [From source](#source)\n\n"
            "## License\n\n- [LGPL](https://lgpl.example) applies to the library\n- see [COPYING](COPYING)\n")
    _, blocks = markdown_blocks(text)
    assert [(b.kind, text[b.start:b.end]) for b in blocks] == [
        ("heading", "Tool"), ("heading", "License"), ("item", "- [LGPL](https://lgpl.example) applies to the library"),
        ("item", "- see [COPYING](COPYING)")]


def test_a_numbered_question_over_an_answer_marked_a_heads_it_and_the_answers_opening_heads_nothing() -> None:
    text = ("Kettle FAQ\n==========\n\n3.9) I boil water and the kettle hums in a strange\n     way. Why is this?\n\n"
            "A.   The element is cooling unevenly. It is harmless.\n\n3.10) The lid sticks. What now?\n\n"
            "A.   You have a choice:\n\n         oil the hinge, or\n\n     Replace the lid.\n")
    blocks = _blocks(text)
    asked = "3.9) I boil water and the kettle hums in a strange\n     way. Why is this?"
    assert ("heading", FAQ_LEVEL, asked) in blocks
    assert ("heading", FAQ_LEVEL, "3.10) The lid sticks. What now?") in blocks
    assert ("text", 0, "A.   You have a choice:") in blocks  # an answer's opening line, no heading or label


def test_asciidoc_section_titles_are_headings_whatever_they_end_with() -> None:
    text = ("== What do the bell levels mean?\n\nLevel 5 rings everything.\n\n"
            "== Help! Why do all my bells now ring twice ?!\n\nThe rope is doubled.\n\n"
            "=== My tower has bells that I just realized I don't need back\n\nRemove them.\n\n"
            "a == b\n\nThe line above is text.\n")
    blocks = _blocks(text)
    assert blocks[:6] == [("heading", 2, "== What do the bell levels mean?"), ("text", 0, "Level 5 rings everything."),
                          ("heading", 2, "== Help! Why do all my bells now ring twice ?!"),
                          ("text", 0, "The rope is doubled."),
                          ("heading", 3, "=== My tower has bells that I just realized I don't need back"),
                          ("text", 0, "Remove them.")]
    assert ("heading", 2, "a == b") not in blocks and ("heading", 1, "a == b") not in blocks


OLD_HTML = """<HTML><HEAD><TITLE>Old &amp; Plain</TITLE></HEAD><BODY CLASS="BOOK"><DIV CLASS="NAVHEADER">
<TABLE><TR><TD><A HREF="a.html">Prev</A></TD><TD><A HREF="b.html">Next</A></TD></TR></TABLE></DIV>
<DIV CLASS="TOC"><DL><DT>1. <A HREF="#x">Intro</A></DT></DL></DIV><H1
><A NAME="X"></A>Chapter 1. Intro</H1
><DL><DT>shadow</DT><DD><P>The <TT
CLASS="FILENAME">/etc/shadow</TT
> file is readable by this group.</P></DD></DL></BODY></HTML>"""


def test_old_html_with_upper_case_tags_split_across_lines_reads_as_clean_text() -> None:
    page = read_html(OLD_HTML)
    assert page.title == "Old & Plain"
    assert page.text == "Chapter 1. Intro\n\nshadow\n\nThe /etc/shadow file is readable by this group."
    assert [b.kind for b in page.blocks] == ["heading", "label", "text"]  # the term opens its definition


def test_a_page_header_that_opens_with_the_page_title_is_read_and_a_header_of_links_is_not() -> None:
    manual = read_html('<body><div id="header"><h1>frob(1) Manual Page</h1><h2>NAME</h2><div class="sectionbody">'
                       '<p>frob - polish files</p></div></div><div id="content"><h2>SYNOPSIS</h2><p>frob FILE</p>'
                       '</div></body>')
    assert manual.text == "frob(1) Manual Page\n\nNAME\n\nfrob - polish files\n\nSYNOPSIS\n\nfrob FILE"
    for header in ('<div class="header"><p>Next: <a href="b.html">Closure Example</a>, Up: <a href="u.html">Using '
                   'it</a></p></div>',  # Texinfo's: links before the title
                   '<header><a href="/">Home</a><p>The harbour site</p></header>',
                   '<div id="header" role="banner"><h1>Harbour site</h1></div>',
                   '<div class="header nav"><h1>Harbour site</h1></div>'):
        page = read_html(f"<body>{header}<h3>2.5 The Closure API</h3><p>Free the memory.</p></body>")
        assert page.text == "2.5 The Closure API\n\nFree the memory."
    banner = read_html('<header class="site-header"><h1><a href="/">Harbour Blog</a></h1></header><article><h2>Install '
                       'guide</h2><p>Run it.</p></article>')  # a site's name linked home
    assert banner.text == "Install guide\n\nRun it."
    before = read_html('<p>Quick start</p><header><p><a href="/">Home</a> <a href="/a">About</a></p><p>Welcome to '
                       'the harbour</p></header><p>Body.</p>')  # no caption of the header's links before it
    assert before.text == "Quick start\n\nBody."
    inline = read_html('<p>The default is <span class="header">X-Token</span> for all requests.</p>')
    assert [b.kind for b in inline.blocks] == ["text"]  # an inline element named "header" splits no paragraph


def test_html_text_inside_a_definition_is_marked_as_under_its_term() -> None:
    page = read_html("<dl><dt>crane.lift(weight)</dt><dd><p>Lift a crate.</p><p>New in version 3.4.</p></dd></dl>"
                     "<p>Crates wait in the yard.</p>")
    assert [(b.kind, b.level) for b in page.blocks] == [("label", 0), ("text", 1), ("text", 1), ("text", 0)]


def test_a_paragraph_opening_a_list_item_is_the_item_and_the_paragraphs_after_it_are_text() -> None:
    page = read_html("<p>Bells have a suffix:</p><ul><li><p>The suffix for dawn is “d”.</p></li>"
                     "<li><p>The suffix for dusk is “k”.</p><p>Dusk rings twice.</p></li><li>Noon has none.</li></ul>"
                     "<dl><dt>ring</dt><dd><p>Ring a bell.</p></dd></dl>")
    kinds = [(page.text[b.start:b.end], b.kind) for b in page.blocks]
    assert kinds == [("Bells have a suffix:", "text"), ("The suffix for dawn is “d”.", "item"),
                     ("The suffix for dusk is “k”.", "item"), ("Dusk rings twice.", "text"),
                     ("Noon has none.", "item"), ("ring", "label"), ("Ring a bell.", "text")]


def test_a_definition_term_opens_its_definition_and_is_no_heading_of_what_follows_the_list() -> None:
    page = read_html("<h2>2.5 The Closure API</h2><dl><dt>Function: ffi_closure_free (void *writable)</dt>"
                     "<dd><p>Free the memory.</p></dd></dl><p>Once you have the memory, prepare the closure.</p>")
    _, passages = split_document(Document("api", "API", "api.html", page.text, page.blocks, "sha"))
    assert [(p.text, p.context) for p in passages] == [
        ("2.5 The Closure API\n\nFunction: ffi_closure_free (void *writable)\n\nFree the memory.",
         "API › 2.5 The Closure API"),
        ("Once you have the memory, prepare the closure.", "API › 2.5 The Closure API")]


def test_a_paragraph_of_a_few_words_all_in_bold_is_the_heading_of_what_follows() -> None:
    page = read_html("<h1>Limits</h1><ol><li><p><b>Maximum Length Of A Rope</b></p><p>A rope is at most 1 billion "
                     "bytes. It <b>defaults</b> to 1.</p></li><li><p><strong>Mooring lines are short.</strong></p>"
                     "<p><b>Note:</b></p><p><b>Knots</b> hold.</p><p><strong><code>git clone https://example.org/rope"
                     "</code></strong></p></li></ol>")
    kinds = {page.text[b.start:b.end]: (b.kind, b.level) for b in page.blocks}
    assert kinds["Maximum Length Of A Rope"] == ("heading", 6)
    assert kinds["A rope is at most 1 billion bytes. It defaults to 1."] == ("text", 0)  # bold in part
    assert kinds["Mooring lines are short."] == ("item", 0)  # a sentence, opening its item
    assert kinds["Note:"] == ("text", 0) and kinds["Knots hold."] == ("text", 0)
    assert kinds["git clone https://example.org/rope"] == ("text", 0)  # a command in bold


def test_main_content_and_pilcrows() -> None:
    page = read_html('<body><div role="navigation"><p>Menu</p></div><div role="main"><h2>Why?'
                     '<a class="headerlink" href="#why">¶</a></h2><p>Because.</p></div><p>Footer text</p></body>')
    assert page.text == "Why?\n\nBecause."


def test_the_caption_of_a_box_of_links_is_navigation_too() -> None:
    page = read_html("<table><tr><td><center><b>API Menu</b></center></td></tr><tr><td><ul>"
                     '<li><a href="a.html">Main Menu</a></li><li><a href="b.html">ChangeLog</a></li></ul></td></tr>'
                     "</table><p>Related work</p><p>The security framework restricts access.</p>")
    assert page.text == "Related work\n\nThe security framework restricts access."  # no links: no caption


HTML_PAGES = sorted(p.name for p in CORPUS.glob("*.html"))


@pytest.mark.parametrize("name", HTML_PAGES)
def test_no_markup_reaches_a_passage_of_a_real_page(name: str) -> None:
    """No tag of the page's source, no entity reference and no pilcrow is in any passage or sentence (text that
    the page shows, such as an escaped "<MIT License>", stays)."""
    raw = (CORPUS / name).read_text(encoding="utf-8")
    tags = set(re.findall(r"</?[A-Za-z][^<>]*>", raw))
    entities = set(re.findall(r"&(?:[A-Za-z]+|#\d+);", raw))
    [document] = [d for d in load_documents(CORPUS) if d.source == name]
    sentences, passages = split_document(document)
    assert passages and document.title
    for unit in [p.text for p in passages] + [document.text[s.start:s.end] for s in sentences]:
        found = [piece for piece in tags | entities | {"¶"} if piece in unit]
        assert not found, (found[:3], unit[:200])
    assert all(document.text[p.start:p.end] == p.text for p in passages)


def test_several_real_html_pages_are_read() -> None:
    assert len(HTML_PAGES) >= 4  # old DocBook, DocBook XSL and Sphinx pages


def test_headings_never_stand_alone_as_passages_and_open_their_section() -> None:
    for document in load_documents(CORPUS):
        sentences, passages = split_document(document)
        headings = {(s.start, s.end) for s in sentences if s.heading}
        for passage in passages:
            assert (passage.start, passage.end) not in headings, (document.doc_id, passage.text)
        assert all(p.context.startswith(document.title) for p in passages)


def test_passages_carry_their_title_and_heading_path(tmp_path: Path) -> None:
    (tmp_path / "spec.md").write_text("# Spec\n\n## Fields\n\n### Format\n\nThe format field names the version.\n")
    [document] = load_documents(tmp_path)
    _, [passage] = split_document(document)
    assert passage.context == "Spec › Fields › Format"
    assert passage.text == "Format\n\nThe format field names the version."


def test_a_title_blocks_status_and_version_open_the_first_passage() -> None:
    text = ("Supporting rootless builds\n==========================\n\nStatus: recommendation, stable\nVersion: 1.0\n\n"
            "Background\n----------\n\nTraditionally, packages needed root to build.\n")
    title, blocks = text_blocks(text)
    assert title == "Supporting rootless builds"
    assert ("lead", 0, "Status: recommendation, stable\nVersion: 1.0") in _blocks(text)
    sentences, passages = split_document(Document("spec", title, "spec.txt", text, blocks, "sha"))
    assert passages[0].text.startswith("Status: recommendation, stable") and passages[0].text.endswith("build.")
    assert not next(s for s in sentences if text[s.start:s.end].startswith("Status")).heading  # an answer may be here


def test_an_opening_paragraph_that_reads_as_prose_is_text_and_a_colon_line_labels_what_follows() -> None:
    text = ("This package was originally debianized by Jane Roe <jane@example.org>\nfrom sources at "
            "http://example.org/src\n\nCopyright:\n\nThis software is copyrighted by the Regents.\n\nSee also:\n")
    title, blocks = text_blocks(text)
    assert title == ""  # the loader names the document after its file
    assert ("text", 0, text[:text.index("\n\n")]) in _blocks(text)
    assert ("label", 0, "Copyright:") in _blocks(text)
    sentences, passages = split_document(Document("pkg", "pkg", "pkg.txt", text, blocks, "sha"))
    assert [p.text for p in passages][1] == "Copyright:\n\nThis software is copyrighted by the Regents."
    assert next(s for s in sentences if text[s.start:s.end] == "Copyright:").heading  # context, never the answer
    assert not any("See also" in p.text for p in passages)  # a label with nothing after it labels nothing


def test_markdown_front_matter_names_the_document_and_is_no_passage() -> None:
    text = ("---\ntitle: Users and Groups\nlayout: default\nSPDX-License-Identifier: LGPL-2.1-or-later\n---\n\n"
            "# Users and Groups on Linux\n\nUID 0 is the super-user.\n")
    title, _ = markdown_blocks(text)
    assert title == "Users and Groups"
    assert _blocks(text, markdown_blocks) == [("heading", 1, "Users and Groups on Linux"),
                                              ("text", 0, "UID 0 is the super-user.")]
    assert markdown_blocks("---\n\nA rule, then text.\n\n---\n")[0] == ""  # no YAML: rules, not front matter


def test_a_markdown_paragraph_of_emphasis_alone_labels_the_next_one(tmp_path: Path) -> None:
    text = ("# Triage\n\n**needs rebase**\n\n: marks pull requests with merge conflicts\n\n**Status:**\n\n"
            "[![Build](https://ci.example.org/badge.svg)](https://ci.example.org)\n\n## Labels\n\nSome *words* here.\n")
    assert ("label", 0, "**needs rebase**") in _blocks(text, markdown_blocks)
    assert _blocks("**Please only use forward-slashes.**\n", markdown_blocks) == [
        ("text", 0, "**Please only use forward-slashes.**")]  # a sentence in bold says something itself
    (tmp_path / "triage.md").write_text(text)
    [document] = load_documents(tmp_path)
    _, passages = split_document(document)
    assert [p.text for p in passages] == ["Triage\n\n**needs rebase**\n\n: marks pull requests with merge conflicts",
                                          "Labels\n\nSome *words* here."]  # a label before a heading labels nothing


def test_a_markdown_paragraph_of_html_tags_alone_is_no_passage_and_tagged_emphasis_is_a_label() -> None:
    text = ('# API\n\n<a id="class-response"></a>\n### response.ok\n\n<small>*(spec-compliant)*</small>\n\n'
            "True if the status is 2xx.\n\nUse <b>bold</b> words and 1 < 2 > 0.\n")
    assert _blocks(text, markdown_blocks) == [("heading", 1, "API"), ("heading", 3, "response.ok"),
                                              ("label", 0, "<small>*(spec-compliant)*</small>"),
                                              ("text", 0, "True if the status is 2xx."),
                                              ("text", 0, "Use <b>bold</b> words and 1 < 2 > 0.")]


def test_a_markdown_line_of_a_few_words_over_a_code_block_is_its_label_and_a_myst_note_is_prose() -> None:
    text = ("# Gate\n\nenable automatic startup when booting\n\n    systemctl enable gate.service\n\n"
            "Run the following:\n\n```\ngate --check\n```\n\nThe gate opens at dawn.\n\n    gate --open\n\n"
            "start it now\n\nThe gate closes at dusk.\n\nopen it by hand\n\n```{note}\nThe gate is heavy.\n```\n")
    assert _blocks(text, markdown_blocks) == [("heading", 1, "Gate"),
                                              ("label", 0, "enable automatic startup when booting"),
                                              ("code", 0, "systemctl enable gate.service"),
                                              ("text", 0, "Run the following:"),  # introduces it, as before
                                              ("code", 0, "```\ngate --check\n```"),
                                              ("text", 0, "The gate opens at dawn."),  # a sentence
                                              ("code", 0, "gate --open"),
                                              ("text", 0, "start it now"),  # over no code
                                              ("text", 0, "The gate closes at dusk."),
                                              ("text", 0, "open it by hand"),  # over a note, not code
                                              ("text", 0, "```{note}\nThe gate is heavy.\n```")]  # prose


FROB_EXIT = ("FROB(1)                    User Commands                    FROB(1)\n\n"
             "NAME\n       frob - polish files until they shine\n\n"
             "OPTIONS\n       -v, --version\n\t      Display version information and exit.\n"
             "EXIT STATUS\n\t      0\t     Success.\n\t      2\t     Forking the polisher\n\t\t     failed.\n"
             "ENVIRONMENT\n       FROB_LEVEL\n\t      How hard frob polishes.\n")


def test_a_man_page_section_heading_right_under_indented_text_starts_a_section() -> None:
    blocks = _blocks(FROB_EXIT)
    assert ("heading", 1, "EXIT STATUS") in blocks and ("heading", 1, "ENVIRONMENT") in blocks
    assert ("entry", 0, "-v, --version\n\t      Display version information and exit.") in blocks
    heredoc = _blocks("Write the file:\n\n    cat > /etc/pump.conf <<EOF\n    speed 3\nEOF\n\nThen restart it.\n")
    assert not any(kind == "heading" for kind, _, _ in heredoc)  # not a man page: "EOF" heads nothing


def test_the_rows_of_a_table_set_with_tabs_are_rows_of_their_own() -> None:
    blocks = _blocks(FROB_EXIT)
    assert ("row", 0, "0\t     Success.") in blocks
    assert ("row", 0, "2\t     Forking the polisher\n\t\t     failed.") in blocks  # its meaning wrapped below it
    closing = _blocks(FROB_EXIT.replace("failed.\n", "failed.\n\t      Other values are reserved.\n"))
    assert ("row", 0, "2\t     Forking the polisher\n\t\t     failed.") in closing  # the sentence at the rows' indent
    assert ("text", 0, "Other values are reserved.") in closing                 # closes the table, in no row
    lone = _blocks("Notes\n\n       2\t     One value alone is no table.\n       It goes on here.\n")
    assert not any(kind == "row" for kind, _, _ in lone)
    justified = _blocks("OPTIONS\n       copytruncate\n\t      Truncate\tthe original log file to zero size.\n"
                        "\t      Copy\tit first, then truncate it.\n")  # words before tabs: justified text
    assert not any(kind == "row" for kind, _, _ in justified)


def test_an_indented_line_of_title_cased_words_over_deeper_text_is_a_man_page_subsection_heading() -> None:
    page = ("LOCKER(1)            General Commands Manual            LOCKER(1)\n\nDESCRIPTION\n       Locks.\n\n"
            "   Environment Variables\n       Only LOCKER_LEVEL is read.  It sets the level.\n\n"
            "   --rsyncable\n       Keep the lock in step.\n\n   StrictLocking\n       Check every lock.\n")
    _, blocks = text_blocks(page)
    kinds = {page[b.start:b.end].strip(): (b.kind, b.level) for b in blocks}
    assert kinds["Environment Variables"] == ("heading", 2) and kinds["DESCRIPTION"] == ("heading", 1)
    assert "--rsyncable" not in kinds and "StrictLocking" not in kinds  # terms of entries, no headings



LOCK_NEWS = ("Lockkeeper NEWS -- history of user-visible changes.\n\n"
             "* Noteworthy changes in release 2.1.3 (2022-02-26)\n\n** Fix the tide table on big-endian systems.\n\n"
             "* Changes in Lockkeeper 2.1\n\n** Add support for sluices through --sluice.\n\n"
             "** Recursive gates have been revamped:\n\n*** The outer gate is shut first.\n\n"
             "* Changes in Lockkeeper 2.0.5\n\n* Fix the barge counter (CVE-2018-0494)\n\n"
             "* Lockkeeper 2.0.4 is a bugfix release with no user-visible changes.\n")


def test_a_text_written_as_an_outline_has_its_starred_lines_as_headings() -> None:
    blocks = _blocks(LOCK_NEWS)
    headings = [(level, said) for kind, level, said in blocks if kind == "heading"]
    assert headings == [(1, "* Noteworthy changes in release 2.1.3 (2022-02-26)"), (1, "* Changes in Lockkeeper 2.1"),
                        (2, "** Recursive gates have been revamped:"),
                        (1, "* Changes in Lockkeeper 2.0.5")]  # over a note at its depth: the shape of the others
    assert ("item", 0, "** Add support for sluices through --sluice.") in blocks
    assert ("item", 0, "* Fix the barge counter (CVE-2018-0494)") in blocks  # a note, not the shape of a heading
    assert ("item", 0, "* Lockkeeper 2.0.4 is a bugfix release with no user-visible changes.") in blocks


def test_an_outline_reads_older_release_labels_as_headings_and_each_starred_note_apart() -> None:
    text = ("* Noteworthy changes in release 1.9 (2018-03-12)\n\n** Improvements\n\n"
            "* Noteworthy changes in release 1.8 (2017-11-07)\n\n** Licensing\n\n"
            "Major changes in version 1.7:\n\n* Reports memory use on SunOS,\n  Ultrix and Sony NEWS.\n"
            "* Documentation reorganized.\n")
    blocks = _blocks(text)
    assert ("heading", 1, "Major changes in version 1.7:") in blocks  # its notes are not release 1.8's
    assert ("item", 0, "* Reports memory use on SunOS,\n  Ultrix and Sony NEWS.") in blocks
    assert ("item", 0, "* Documentation reorganized.") in blocks  # not merged into the note above


@pytest.mark.parametrize("label", ["User-visible changes in version 2.8.6:", "Version 2.4:",
                                   "Major changes in Gzip 1.3.12 (2007-04-13)", "Major changes from 1.3.4 to 1.3.5"])
def test_older_release_labels_of_several_spellings_head_their_notes(label: str) -> None:
    text = ("* Noteworthy changes in release ?.? (????-??-??) [?]\n\n** Bug fixes\n\n"  # a release in the making
            "* Noteworthy changes in release 2.9 (2010-02-11)\n\n** Licensing\n\n"
            f"{label}\n\n* The sluice counter works again.\n")
    blocks = _blocks(text)
    assert ("heading", 1, "* Noteworthy changes in release ?.? (????-??-??) [?]") in blocks
    assert ("heading", 1, label) in blocks


def test_a_release_label_after_each_form_feed_is_no_running_header() -> None:
    releases = "".join(f"\f\nMajor changes in version 1.{n}:\n\n* Fix number {n}.\n" for n in range(6, 0, -1))
    text = ("* Noteworthy changes in release 1.9 (2018-03-12)\n\n** Improvements\n\n"
            "* Noteworthy changes in release 1.8 (2017-11-07)\n\n** Licensing\n" + releases)
    headings = [said for kind, _, said in _blocks(text) if kind == "heading"]
    assert headings[2:] == [f"Major changes in version 1.{n}:" for n in range(6, 0, -1)]


def test_starred_sections_under_unstarred_releases_make_no_outline() -> None:
    text = ("version 1.26 - Sergey, 2011-03-12\n\n* Bug fixes\n\n** Sparse files with large data\n\n"
            "version 1.25 - Sergey, 2010-11-07\n\n* Bug fixes\n\n** Fix the --verify option.\n")
    assert not [said for kind, _, said in _blocks(text) if kind == "heading" and said.startswith("*")]


def test_one_starred_line_over_a_deeper_one_makes_no_outline() -> None:
    text = "Shopping\n\n* Bread\n\n** Rye, sliced.\n\n* Milk\n"  # a list, however nested
    assert [kind for kind, _, _ in _blocks(text)] == ["item", "text", "item"]


def test_an_html_table_row_whose_cells_hold_paragraphs_is_one_row_of_tab_separated_cells() -> None:
    page = read_html("<h2>Locks</h2><table><tr><th><p>type</p></th><th><p>default</p></th></tr><tr><td><p>integer</p>"
                     "</td><td><p>600</p><p>or less</p></td></tr><tr><td><p><b>Menu</b></p></td></tr></table>"
                     "<table><tr><td><h3>Layout</h3><p>A page laid out in a table.</p></td><td><p>Its side.</p>"
                     "</td></tr></table>")
    blocks = [(b.kind, page.text[b.start:b.end]) for b in page.blocks]
    assert ("row", "type\tdefault") in blocks and ("row", "integer\t600 or less") in blocks
    assert ("heading", "Menu") in blocks  # a row of one cell: its blocks as they are
    assert ("heading", "Layout") in blocks and ("text", "A page laid out in a table.") in blocks  # a heading: layout
    assert ("text", "Its side.") in blocks


def test_a_markdown_paragraph_over_its_answer_marked_a_is_a_faq_question() -> None:
    faq = ("## Questions about tides\n\n**[1. Tides](#tides)**\n\n[1.1.](#1_1) The gate complains ...  \n"
           "[1.2.](#1_2) My gate doesn't open at night...\n\n"
           "1.1.<a name=\"1_1\"></a> The gate complains with the following message:\n\n"
           "```\nTide too low\n```\n\nA: Wait for the flood.\n\n1.2.<a name=\"1_2\"></a> My gate doesn't open at"
           " night...\n\nA: Night mode is off by default.\n\nA plain paragraph.\n\nAnother one.\n")
    blocks = _blocks(faq, reader=markdown_blocks)
    assert ("heading", 9, '1.1.<a name="1_1"></a> The gate complains with the following message:') in blocks
    assert ("heading", 9, '1.2.<a name="1_2"></a> My gate doesn\'t open at night...') in blocks
    assert ("code", 0, "```\nTide too low\n```") in blocks and ("text", 0, "A: Wait for the flood.") in blocks
    assert ("text", 0, "A plain paragraph.") in blocks  # no answer under it
    assert not any("](#" in text for _, _, text in blocks)  # the table of contents is navigation


def test_a_numbered_question_that_also_states_something_heads_its_indented_answer() -> None:
    faq = ("Lock FAQ\n\n1. I installed the gate, but how am I supposed to\n   open it?  When I push it nothing happens."
           "\n\n\tYou are not supposed to push it: it opens with the tide.\n\n"
           "2. Install the gate.\n\n\tIt comes in two parts.\n\n3. The gate is stuck.  What now?\n\n\tOil it.\n")
    blocks = _blocks(faq)
    assert ("heading", 9, "1. I installed the gate, but how am I supposed to\n   open it?  When I push it nothing "
            "happens.") in blocks
    assert ("heading", 9, "2. Install the gate.") not in blocks  # a step over its text asks nothing
    assert ("heading", 9, "3. The gate is stuck.  What now?") in blocks
