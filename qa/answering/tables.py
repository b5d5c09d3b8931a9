"""A question that names a table's row and one of its columns ("What is the default logLevel?" over a table whose
header reads "| Name | Type | Default | Description |" and whose row reads "| logLevel | ... | `'warn'` | ..."):
the cell where they cross answers, with the best candidate's score (the passage was right, the cell is the part
of it asked for). Rows of tab-separated cells (an HTML table's, as read) are rows too, the first of a run of them
the header when it reads as one; a table of one row under a heading that is a name in code form (a reference's
"Ratelimit.Interval" over "type | default | ..." and "integer | 600 | ...") is named by that heading.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answering.naming import names_in, names_term
from qa.answering.questions import Query
from qa.answering.sections import CODE_FORM
from qa.answering.spans import VERSION_NUMBER
from qa.documents.chunking import Sentence
from qa.documents.words import terms
from qa.storage.corpus import Corpus

if TYPE_CHECKING:
    from qa.answering.answer import Candidate

Span = tuple[int, int]

_ROW = re.compile(r"\s*\|.*\|\s*")  # a row of a Markdown table: "| logLevel | `'warn'` |"
_SEPARATOR = re.compile(r"\r?\n\s*\|?\s*:?-{3,}")  # the line under a table's header: "| --- | :--: |"
_HEADER_REACH = 60  # rows above a row in which its table's header is sought
_TAB_CELL = re.compile(r"[^\t]+")  # a cell of a row of tab-separated cells


def named_cell(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """The cell of the row the question names (by its first cell: a name in code, or all the words of a longer cell)
    under the column it names (by its header), or `best` when no candidate is such a row."""
    if query.wanted.name in ("manner", "reason"):  # "How do I change the default logLevel?" asks more than the cell
        return best
    named = names_in(query.text)
    asked = set(query.asked)
    rows = [(candidate, cells) for candidate in _with_the_rows_under(corpus, eligible)
            if len(cells := _cells(corpus, candidate.support)) >= 2]
    strictly = [(c, cells) for c, cells in rows if _row_named(corpus, c.support.doc_id, cells[0], named)
                or _named_by_its_heading(corpus, c.support, query)]
    for candidate, cells in strictly or _the_one_named_but_its_version(corpus, rows, named):
        doc_id = candidate.support.doc_id
        header = _header(corpus, candidate.support)
        if header is None or len(header) != len(cells):
            continue
        columns = [number for number, cell in enumerate(header) if number > 0
                   and set(terms(_plain(corpus, doc_id, cell))) & asked]
        if len(columns) == 1 and cells[columns[0]][1] > cells[columns[0]][0]:  # two columns named: which is unknown
            return replace(candidate, span=cells[columns[0]], score=best.score, logit=best.logit)
    return best


def _cells(corpus: Corpus, row: Sentence) -> list[tuple[int, int]]:
    """The row's cells, each stripped of spaces, in document offsets (none: not a table row)."""
    text = corpus.sentence_text(row)
    if "\n" in text.strip():
        return []
    if not _ROW.fullmatch(text):
        return _tab_cells(text, row.start)
    bars = [match.start() for match in re.finditer(r"(?<!\\)\|", text)]
    cells = []
    for left, right in itertools.pairwise(bars):
        part = text[left + 1:right]
        start = left + 1 + (len(part) - len(part.lstrip()))
        cells.append((row.start + start, row.start + start + len(part.strip())))
    return cells


def _tab_cells(text: str, start: int) -> list[tuple[int, int]]:
    """The cells of a row of tab-separated cells, each stripped of spaces ([]: no tab, or a cell is blank)."""
    if "\t" not in text:
        return []
    cells = [(start + m.start() + len(m.group()) - len(m.group().lstrip()), start + m.end() - len(m.group()) +
              len(m.group().rstrip())) for m in _TAB_CELL.finditer(text)]
    return cells if len(cells) >= 2 and all(end > begin for begin, end in cells) else []


def _header(corpus: Corpus, row: Sentence) -> list[tuple[int, int]] | None:
    """The cells of the header of the row's table: the nearest row above it that a separator line follows (the rows
    between are the table's), or for tab-separated cells the first row of their run when it reads as a header; None
    when the row is a header or has none above it."""
    text = corpus.documents[row.doc_id].text
    if "|" not in corpus.sentence_text(row):
        first = _first_of_run(corpus, row)
        header = _cells(corpus, first)
        return header if first != row and header and _reads_as_header(text, header) else None
    if _SEPARATOR.match(text, row.end):
        return None
    for number in range(row.sentence_id - 1, max(-1, row.sentence_id - 1 - _HEADER_REACH), -1):
        above = corpus.sentences[number]
        if above.doc_id != row.doc_id or not _cells(corpus, above):
            return None
        if _SEPARATOR.match(text, above.end):
            return _cells(corpus, above)
    return None


def _with_the_rows_under(corpus: Corpus, eligible: list[Candidate]) -> list[Candidate]:
    """The candidates, each header of tab-separated cells followed by the one row under it (the header's passage
    was found; the row is what it heads), on the header's score."""
    found = list(eligible)
    for candidate in eligible:
        row = candidate.support
        if "|" in corpus.sentence_text(row) or not _cells(corpus, row):
            continue  # no row of tab-separated cells
        below = corpus.sentences[row.sentence_id + 1] if row.sentence_id + 1 < len(corpus.sentences) else None
        if below is not None and below.doc_id == row.doc_id and _first_of_run(corpus, below) == row \
                and _header(corpus, below) is not None:
            found.append(replace(candidate, sentence=below, support=below, span=None))
    return found


def _first_of_run(corpus: Corpus, row: Sentence) -> Sentence:
    """The first of the rows of as many cells right above a row, one to a line (the row itself: none)."""
    count, first = len(_cells(corpus, row)), row
    if not count:
        return row  # no row: no run
    text = corpus.documents[row.doc_id].text
    for number in range(row.sentence_id - 1, max(-1, row.sentence_id - 1 - _HEADER_REACH), -1):
        above = corpus.sentences[number]
        if above.doc_id != row.doc_id or text[above.end:first.start].strip() or len(_cells(corpus, above)) != count:
            break
        first = above
    return first


def _reads_as_header(text: str, cells: list[tuple[int, int]]) -> bool:
    """Whether a row reads as a table's header: a few words in each cell, no digit ("type", "default", "GPL
    compatible?"; not "0", "Success.")."""
    return all(len(text[start:end].split()) <= 4 and not re.search(r"\d", text[start:end]) for start, end in cells)


def _named_by_its_heading(corpus: Corpus, row: Sentence, query: Query) -> bool:
    """Whether the row is the one row of a table under a heading that is a name in code form, and the question
    names that name ("Ratelimit.Interval" over "type | default" and "integer | 600")."""
    if "|" in corpus.sentence_text(row) or _header(corpus, row) is None:
        return False
    header = _first_of_run(corpus, row)
    below = corpus.sentences[row.sentence_id + 1] if row.sentence_id + 1 < len(corpus.sentences) else None
    if below is not None and below.doc_id == row.doc_id and _first_of_run(corpus, below) == header:
        return False  # more rows than one: the heading names the table, not the row
    above = corpus.sentences[header.sentence_id - 1] if header.sentence_id > 0 else None
    if above is None or not above.heading or above.doc_id != row.doc_id:
        return False
    heading = corpus.sentence_text(above).strip("`*_ ")
    return re.fullmatch(CODE_FORM, heading) is not None and names_term(query, heading)


def _the_one_named_but_its_version(corpus: Corpus, rows: list[tuple[Candidate, list[tuple[int, int]]]],
                                   named: set[str]) -> list[tuple[Candidate, list[tuple[int, int]]]]:
    """The row the question names but for its version ("zstd -1": "zstd 1.5.1 -1"), when it is the only one and the
    question names no version ("Python 3.12" names no "Python 3.8" row); else none."""
    if any(VERSION_NUMBER.fullmatch(word) for word in named):
        return []
    loosely = {c.support.sentence_id: (c, cells) for c, cells in rows
               if _row_named(corpus, c.support.doc_id, cells[0], named, versions_aside=True)}
    return list(loosely.values()) if len(loosely) == 1 else []


def _row_named(corpus: Corpus, doc_id: str, first: tuple[int, int], named: set[str],
               versions_aside: bool = False) -> bool:
    """Whether the question names the row by its first cell: a name in code ("logLevel"), or every word of a cell
    of several ("zstd 1.5.1 -1" in "How fast does zstd 1.5.1 at level -1 decompress?"; not "zstd 1.5.1 --fast=1"),
    `versions_aside` all but its version numbers ("zstd -1"; `named_cell` takes it when one row alone is so named
    and the question names no version)."""
    plain = _plain(corpus, doc_id, first)
    words = names_in(plain)
    if versions_aside:
        kept = {word for word in words if not VERSION_NUMBER.fullmatch(word)}
        return len(words) >= 2 and kept != words and bool(kept) and kept <= named
    return (plain in named and _names_code(corpus, doc_id, first)) or (len(words) >= 2 and words <= named)


def _names_code(corpus: Corpus, doc_id: str, cell: tuple[int, int]) -> bool:
    """Whether a row's first cell names something in code (an option, a variable: "`DEBUG_DEPTH`", "logLevel"), as
    a reference's tables do; a plain word ("Python") names no row a question could mean by it alone."""
    text = corpus.documents[doc_id].text[cell[0]:cell[1]]
    return text.startswith("`") or re.fullmatch(CODE_FORM, text.strip("*_ ")) is not None


def _plain(corpus: Corpus, doc_id: str, cell: tuple[int, int]) -> str:
    """A cell's text without code marks or emphasis, in lower case."""
    return corpus.documents[doc_id].text[cell[0]:cell[1]].strip("`*_ ").lower()
