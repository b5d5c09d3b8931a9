"""A question that names a table's row and one of its columns ("What is the default logLevel?" over a table whose
header reads "| Name | Type | Default | Description |" and whose row reads "| logLevel | ... | `'warn'` | ..."):
the cell where they cross answers, with the best candidate's score (the passage was right, the cell is the part
of it asked for).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answering.naming import names_in
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


def named_cell(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """The cell of the row the question names (by its first cell: a name in code, or all the words of a longer cell)
    under the column it names (by its header), or `best` when no candidate is such a row."""
    if query.wanted.name in ("manner", "reason"):  # "How do I change the default logLevel?" asks more than the cell
        return best
    named = names_in(query.text)
    asked = set(query.asked)
    rows = [(candidate, cells) for candidate in eligible if len(cells := _cells(corpus, candidate.support)) >= 2]
    strictly = [(c, cells) for c, cells in rows if _row_named(corpus, c.support.doc_id, cells[0], named)]
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
    if "\n" in text.strip() or not _ROW.fullmatch(text):
        return []
    bars = [match.start() for match in re.finditer(r"(?<!\\)\|", text)]
    cells = []
    for left, right in itertools.pairwise(bars):
        part = text[left + 1:right]
        start = left + 1 + (len(part) - len(part.lstrip()))
        cells.append((row.start + start, row.start + start + len(part.strip())))
    return cells


def _header(corpus: Corpus, row: Sentence) -> list[tuple[int, int]] | None:
    """The cells of the header of the row's table: the nearest row above it that a separator line follows (the rows
    between are the table's); None when the row is a header or has none above it."""
    text = corpus.documents[row.doc_id].text
    if _SEPARATOR.match(text, row.end):
        return None
    for number in range(row.sentence_id - 1, max(-1, row.sentence_id - 1 - _HEADER_REACH), -1):
        above = corpus.sentences[number]
        if above.doc_id != row.doc_id or not _cells(corpus, above):
            return None
        if _SEPARATOR.match(text, above.end):
            return _cells(corpus, above)
    return None


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
