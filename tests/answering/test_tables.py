"""A question that names a table's row and column is answered by the cell where they cross."""

from __future__ import annotations

from qa.answering import tables
from qa.answering.answer import may_answer
from qa.answering.questions import read_query
from qa.documents.uploads import FileUpload
from tests.helpers.corpora import corpus_with, eligible_for, scored_now

TIDE_OPTIONS = ("# Tide options\n\n## Gate options\n\nUsed by: `openGate()` and `closeGate()`\n\n"
                "| Name | Type | Default | Description |\n| ---- | ---- | ------- | ----------- |\n"
                "| ebbLevel | `string` | `'low'` | The tide level at which the outer gate opens. |\n"
                "| floodLevel | `string` | `'high'` | The tide level at which the outer gate closes. |\n\n"
                "## Harbours\n\n| Harbour | Default | Gates |\n| --- | --- | --- |\n| Kestrel | two | 4 |\n\n"
                "| Variable | Since | Default | Notes |\n| --- | --- | --- | --- |\n"
                "| `MAX_DEPTH` | 1.2 | `3` | none |\n")


def test_the_cell_of_the_named_row_under_the_named_column_answers(writable) -> None:
    writable.add_document(FileUpload("tide-options.md", "text/markdown", TIDE_OPTIONS.encode()))
    default = writable.ask("What is the default ebbLevel?", threshold=0.0).answer
    assert default is not None and default.text == "`'low'`"
    kind = writable.ask("What type is floodLevel?", threshold=0.0).answer
    assert kind is not None and kind.text == "`string`"
    document = writable.current().corpus.documents[default.citation.doc_id].text
    assert document[default.citation.start:default.citation.end] == default.text
    depth = writable.ask("What is the default MAX_DEPTH?", threshold=0.0).answer  # its own table's header
    assert depth is not None and depth.text == "`3`"
    assert writable.ask("How do I change the default ebbLevel?", threshold=0.0).answer.text != "`'low'`"


def test_a_row_named_by_a_plain_word_or_in_a_table_without_a_header_answers_as_it_is(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "tide-options.md", TIDE_OPTIONS, "What is the default Kestrel?")
    harbour = next(c for c in eligible if corpus.sentence_text(c.support).startswith("| Kestrel"))
    assert tables.named_cell(corpus, harbour, [harbour], query) == harbour  # "Kestrel" names no code
    row = next(s for s in corpus.sentences if corpus.sentence_text(s).startswith("| ebbLevel"))
    header_row = next(s for s in corpus.sentences if corpus.sentence_text(s).startswith("| Name"))
    assert tables._header(corpus, row) == tables._cells(corpus, header_row)
    assert tables._header(corpus, header_row) is None  # the first row has no header above it
    plain = "| ebbLevel | `string` | `'low'` |\n\n| floodLevel | `string` | `'high'` |\n"  # no separator line
    headless, doc_id = corpus_with(writable, "headless.md", "# Headless\n\n" + plain)
    headless_row = next(s for s in headless.sentences if s.doc_id == doc_id
                        and headless.sentence_text(s).startswith("| floodLevel"))
    assert tables._header(headless, headless_row) is None
    assert tables._cells(corpus, next(s for s in corpus.sentences if corpus.sentence_text(s).startswith("Used"))) == []
    corpus, _, eligible = eligible_for(writable, "tide-options-2.md", TIDE_OPTIONS + "\nSee also the gates.\n",
                                       "What does ebbLevel describe?")  # a line more: the same text is refused
    ebb = next(c for c in eligible if corpus.sentence_text(c.support).startswith("| ebbLevel"))
    described = read_query(corpus, "What does ebbLevel describe?", None)  # names no column
    assert tables.named_cell(corpus, ebb, [ebb], described) == ebb


PUMP_BENCHMARK = ("# Pump benchmark\n\n| Pump and setting | Ratio | Filling | Emptying |\n| --- | --- | --- | --- |\n"
                  "| **pump 1.5 -1** | 2.887 | 530 l/s | 1700 l/s |\n"
                  "| **pump 1.5 --fast=1** | 2.437 | 600 l/s | 2150 l/s |\n")


def test_a_row_whose_first_cell_has_several_words_is_named_by_all_of_them(writable) -> None:
    question = "How fast does pump 1.5 at level -1 go when emptying?"
    corpus, query, eligible = eligible_for(writable, "pumps.md", PUMP_BENCHMARK, question)
    fast = next(c for c in eligible if corpus.sentence_text(c.support).startswith("| **pump 1.5 --fast=1**"))
    chosen = tables.named_cell(corpus, fast, eligible, query)  # the best is the other row: "--fast=1" is not asked
    assert corpus.documents[chosen.support.doc_id].text[slice(*chosen.span)] == "1700 l/s"
    assert chosen.score == fast.score
    unnamed = read_query(corpus, "How fast does pump 1.5 go when emptying?", None)  # "-1" not said: no row named
    assert tables.named_cell(corpus, fast, eligible, unnamed) == fast


def test_a_row_is_named_without_its_version_when_no_other_row_is(writable) -> None:
    question = "How fast does pump at level -1 go when emptying?"  # "1.5" left out, as a follow-up leaves it
    corpus, query, eligible = eligible_for(writable, "pumps.md", PUMP_BENCHMARK, question)
    fast = next(c for c in eligible if corpus.sentence_text(c.support).startswith("| **pump 1.5 --fast=1**"))
    chosen = tables.named_cell(corpus, fast, eligible, query)
    assert corpus.documents[chosen.support.doc_id].text[slice(*chosen.span)] == "1700 l/s"
    other = read_query(corpus, "How fast does pump 2.0 at level -1 go when emptying?", None)
    assert tables.named_cell(corpus, fast, eligible, other) == fast  # a version asked names no row of another
    alike = PUMP_BENCHMARK + "| pump 1.4 -1 | 2.5 | 400 l/s | 1200 l/s |\n"  # two rows named but for the version
    corpus, query, eligible = eligible_for(writable, "pumps-two.md", alike, question)
    fast = next(c for c in eligible if corpus.sentence_text(c.support).startswith("| **pump 1.5 --fast=1**"))
    assert tables.named_cell(corpus, fast, eligible, query) == fast  # which of them is unknown


LOCK_MODULE = ("<html><head><title>imlock: Lock Input Module</title></head><body><h1>imlock: Lock Input Module</h1>"
               "<table><tr><td><p><strong>Available since:</strong></p></td><td><p>4.2.7</p></td></tr></table>"
               "<h2>Parameters</h2><h3>Tide.Interval</h3><table><thead><tr><th><p>type</p></th><th><p>default</p>"
               "</th><th><p>mandatory</p></th></tr></thead><tbody><tr><td><p>integer</p></td><td><p>600</p></td>"
               "<td><p>no</p></td></tr></tbody></table><p>The interval in seconds over which gates are counted.</p>"
               "<h3>Tide.Burst</h3><table><thead><tr><th><p>type</p></th><th><p>default</p></th><th><p>mandatory"
               "</p></th></tr></thead><tbody><tr><td><p>integer</p></td><td><p>20000</p></td><td><p>no</p></td>"
               "</tr></tbody></table><p>The most gates opened in one interval.</p>"
               "<h3>Lock Sizes</h3><table><tr><th><p>type</p></th><th><p>default</p></th></tr><tr><td><p>small</p>"
               "</td><td><p>12 m</p></td></tr><tr><td><p>large</p></td><td><p>40 m</p></td></tr></table>"
               "</body></html>")


def test_a_table_of_one_row_under_a_name_in_code_form_is_named_by_that_heading(writable) -> None:
    writable.add_document(FileUpload("imlock.html", "text/html", LOCK_MODULE.encode()))
    interval = writable.ask("What is the default value of Tide.Interval?", threshold=0.0).answer
    assert interval is not None and interval.text == "600"
    burst = writable.ask("What is Tide.Burst's default?", threshold=0.0).answer
    assert burst is not None and burst.text == "20000"
    document = writable.current().corpus.documents[burst.citation.doc_id].text
    assert document[burst.citation.start:burst.citation.end] == "20000"


def test_rows_of_tab_separated_cells_have_cells_and_a_header_that_reads_as_one(writable) -> None:
    _, doc_id = corpus_with(writable, "imlock.html", LOCK_MODULE)
    corpus, query, candidates = scored_now(writable, "What is the default Lock Sizes?")
    eligible = [c for c in candidates if may_answer(c, query)]
    text = corpus.documents[doc_id].text
    rows = {text[s.start:s.end]: s for s in reversed(corpus.sentences)  # the first of rows alike
            if s.doc_id == doc_id and "\t" in text[s.start:s.end]}
    assert set(rows) >= {"Available since:\t4.2.7", "type\tdefault\tmandatory", "integer\t600\tno", "small\t12 m"}
    assert [text[a:b] for a, b in tables._cells(corpus, rows["integer\t600\tno"])] == ["integer", "600", "no"]
    assert tables._header(corpus, rows["integer\t600\tno"]) == tables._cells(corpus, rows["type\tdefault\tmandatory"])
    assert tables._header(corpus, rows["type\tdefault\tmandatory"]) is None  # the header heads, has none
    assert tables._header(corpus, rows["Available since:\t4.2.7"]) is None   # a row alone
    small = next(c for c in eligible if c.support == rows["small\t12 m"])
    assert tables.named_cell(corpus, small, eligible, query) == small  # two rows: "Lock Sizes" names no one of them
