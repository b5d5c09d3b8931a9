"""Cut documents into sentences and passages whose offsets slice the document text exactly.

Passages follow the document's blocks: windows of a few sentences inside one paragraph, a list
item or definition entry whole. A heading never stands alone: it opens the first passage of its
section, and the title and heading path above a passage travel with it as `context`, which is
embedded and indexed with the passage while the returned text stays verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from qa.documents.reading import Document, Span, fold, matching_text
from qa.documents.structure import FINITE_VERB, Block, title_cased, trim

_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9$])")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Inc|Ltd|Jr|Sr|Co|Corp|vs|etc|Gen|Sen|"
                           r"Rep|Gov|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Fig|approx|est|e\.g|i\.e|eg|ie|viz|incl|"
                           r"cf|al|Vol|Ch|Sec)|\S*\.[A-Za-z]+)\.$")
_WHOLE = ("item", "entry", "row", "code")  # kept in one passage unless far over the size cap
CONTEXT_SEPARATOR = " › "


@dataclass(frozen=True)
class Sentence:
    """One sentence: `[start, end)` in its document, the block (`paragraph`) it belongs to, and whether it
    is a heading (context and a place for typed spans, never an answer sentence on its own)."""

    sentence_id: int
    doc_id: str
    start: int
    end: int
    paragraph: int
    heading: bool = False


@dataclass(frozen=True)
class Passage:
    """A retrieval unit: consecutive sentences of one block, sliced verbatim, and where it sits
    (`context`: the document title and the headings above it)."""

    passage_id: int
    doc_id: str
    start: int
    end: int
    text: str
    first_sentence: int
    last_sentence: int
    context: str = ""


def sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """Sentence boundaries inside one block of folded text; a line break inside a sentence is not one."""
    start, end = paragraph
    spans, cursor = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        candidate = text[cursor:match.end()]
        if _ABBREVIATION.search(text[max(cursor, match.start() - 30):match.start() + 1]):
            continue
        if _inside_brackets(text, cursor, match.end(), end):
            continue
        if not re.search(r"[A-Za-z]{2}", candidate):  # a bare list number such as "1."
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    return [trimmed for span in spans if (trimmed := trim(text, span))[1] > trimmed[0]]


_BRACKET_REACH = 80  # characters after a full stop in which an open bracket must close for the stop to be inside it


def _inside_brackets(text: str, cursor: int, boundary: int, end: int) -> bool:
    """Whether a full stop falls inside round brackets that close shortly after it: "The default value for GID_MIN
    (resp. GID_MAX) is 1000" is one sentence; "A bracket (never closed. Then (this) one." is two."""
    depth = text.count("(", cursor, boundary) - text.count(")", cursor, boundary)
    if depth <= 0:
        return False
    for character in text[boundary:min(end, boundary + _BRACKET_REACH)]:
        depth += (character == "(") - (character == ")")
        if depth == 0:
            return True
    return False


@dataclass
class _Section:
    """The headings above the current block, by level."""

    path: dict[int, str]

    def enter(self, heading: Block, text: str) -> None:
        self.path = {level: words for level, words in self.path.items() if level < heading.level}
        self.path[heading.level] = " ".join(text.split())

    def context(self, title: str) -> str:
        parts = [title, *(self.path[level] for level in sorted(self.path))]
        return CONTEXT_SEPARATOR.join(dict.fromkeys(p for p in parts if p))


def split_document(document: Document, sentences_per_passage: int = 3, overlap: int = 1,
                   max_chars: int = 700, first_sentence_id: int = 0, first_passage_id: int = 0,
                   ) -> tuple[list[Sentence], list[Passage]]:
    """Sentences and passages of one document, ids numbered from the given starts. A heading, a lead and a
    label (`Block.kind`) wait for the next block and open its first passage; a heading or a label is context
    there (`Sentence.heading`), a lead (a version, a status) is text."""
    folded = matching_text(document)
    sentences: list[Sentence] = []
    passages: list[Passage] = []
    section = _Section({})
    waiting: list[_Unit] = _title_line(document)
    for number, block in enumerate((*document.blocks, Block(len(folded), len(folded), "text"))):  # then the end
        if block.kind == "heading":
            section.enter(block, document.text[block.start:block.end])
            # a heading or label before it labelled nothing (a label's content may have been badges); before the
            # first text, a version, date or copyright line under the title, blank lines alone around it, is its
            # title block ("LPPL Version 1.3c 2006-05-20", then "Copyright 1999 2002-2006 LaTeX3 Project"): kept
            block_of_title = not sentences and bool(waiting) and not document.text[waiting[-1].end:block.start].strip()
            waiting = [unit for unit in waiting if unit.kind not in _CONTEXT
                       or (block_of_title and unit.kind == "heading" and _dates_the_title(document, unit))]
            waiting.append(_Unit(block.start, block.end, "heading"))
            continue
        spans = _units(folded, block)
        if block.kind in ("lead", "label"):
            waiting += [_Unit(start, end, block.kind) for start, end in spans]
            continue
        if waiting and _between(document.text, max(unit.end for unit in waiting), block.start):
            # markup or furniture between a heading and its text (an HTML comment, a page footer): the heading
            # stays context, out of the passage text, so that nothing between them is cited
            waiting = [unit for unit in waiting if unit.kind != "heading"]
        units, waiting = sorted(waiting) + _run_in_heading(folded, [_Unit(start, end) for start, end in spans]), []
        if all(unit.kind in _CONTEXT for unit in units):
            continue  # the end of the document, with nothing but a heading or a label left over
        first = first_sentence_id + len(sentences)
        sentences += [Sentence(first + i, document.doc_id, unit.start, unit.end, number, unit.kind in _CONTEXT)
                      for i, unit in enumerate(units)]
        window = _Window(sentences_per_passage, overlap, max_chars, block.kind in _WHOLE)
        passages += [Passage(first_passage_id + len(passages) + i, document.doc_id, start, end,
                             document.text[start:end], first + low, first + high, section.context(document.title))
                     for i, (low, high, start, end) in enumerate(_block_passages(units, len(spans), window))]
    return sentences, passages


_TITLE_BLOCK_LINE = re.compile(r"\b(?:version|copyright|released?)\b|\(c\)|\u00a9|(?<!\d)(?:19|20)\d\d(?!\d)", re.I)


def _dates_the_title(document: Document, unit: _Unit) -> bool:
    """A line of a title block that gives its version, date or copyright, not the title itself."""
    line = " ".join(document.text[unit.start:unit.end].split())
    return line != " ".join(document.title.split()) and _TITLE_BLOCK_LINE.search(line) is not None


def _title_line(document: Document) -> list[_Unit]:
    """The title as a heading over the first passage when it is all the text before the first block (a plain
    text's first line, "Zope Public License (ZPL) Version 2.1"): like any heading it is context there and a place
    for a typed span ("Which version of the licence is this?"); [] when a block holds it or anything else comes
    first (front matter, badges, a PDF's other opening lines)."""
    first = document.blocks[0].start if document.blocks else len(document.text)
    opening = document.text[:first]
    if not document.title or opening.strip() != document.title:
        return []
    start = opening.index(document.title)
    return [_Unit(start, start + len(document.title), "heading")]


# "1) Grant of Copyright License. Licensor hereby grants ...", "3. Term. The term of ...": a numbered item's opening
# words, in title case, name it as a heading would.
_RUN_IN_HEADING = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+[A-Z][^.!?:;]*\.")


def _run_in_heading(folded: str, sentences: list[_Unit]) -> list[_Unit]:
    """A block's sentences, its first a heading when it only names the item the rest of the block states (a few
    words in title case, no verb, more to follow)."""
    if len(sentences) < 2:
        return sentences
    first = folded[sentences[0].start:sentences[0].end]
    named = _RUN_IN_HEADING.fullmatch(first)
    if named is None or len(first.split()) > 6 or FINITE_VERB.search(first.lower()) is not None \
            or not title_cased(first):  # "Term.", "Grant of Patent License."
        return sentences
    return [_Unit(sentences[0].start, sentences[0].end, "heading"), *sentences[1:]]


def _between(text: str, end: int, start: int) -> bool:
    """Whether something other than space or a heading's underline and rules lies between two blocks."""
    return re.fullmatch(r"[\s=\-_*#~]*", text[end:start]) is None


@dataclass(frozen=True, order=True)
class _Unit:
    """A sentence of a block, or a heading, lead or label waiting to open the next block (`kind`)."""

    start: int
    end: int
    kind: str = "text"


_CONTEXT = ("heading", "label")  # opening units that are context, never an answer on their own


@dataclass(frozen=True)
class _Window:
    sentences: int
    overlap: int
    max_chars: int
    whole: bool


def _block_passages(units: list[_Unit], own: int, window: _Window) -> Iterator[tuple[int, int, int, int]]:
    """(first unit, last unit, start, end) of each passage of a block whose last `own` units are its sentences;
    the units before them open its first passage. A lead with no block after it is a passage of its own."""
    opening = len(units) - own
    spans = [(unit.start, unit.end) for unit in units[opening:]] or [(units[-1].start, units[-1].end)]
    for low, high in _windows(spans, window.sentences, window.overlap, window.max_chars, window.whole):
        first, last = (0 if low == 0 else low + opening), min(high + opening, len(units) - 1)
        yield first, last, units[first].start, spans[high][1]


def _units(folded: str, block: Block) -> list[Span]:
    """The sentences of a block; a code block or table row is one unit."""
    if block.end <= block.start:
        return []
    if block.kind in ("code", "row"):
        return [(block.start, block.end)]
    return sentence_spans(folded, (block.start, block.end))


def _windows(spans: list[Span], size: int, overlap: int, max_chars: int, whole: bool) -> Iterator[tuple[int, int]]:
    """Inclusive sentence-index windows; an item, entry, row or code block is one window unless very long."""
    if whole and spans[-1][1] - spans[0][0] <= 2 * max_chars:
        yield 0, len(spans) - 1
        return
    low = 0
    while low < len(spans):
        high = min(low + size, len(spans)) - 1
        while high > low and spans[high][1] - spans[low][0] > max_chars:
            high -= 1
        yield low, high
        if high == len(spans) - 1:
            return
        low = max(high + 1 - overlap, low + 1)


_HYPHENATED = re.compile(r"(\w)-\n\s*([a-z])")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")


def readable(text: str) -> str:
    """Text as a reader takes it in: words broken at line ends joined, link syntax reduced to its words,
    whitespace single. For embedding and lexical indexing, never for what is returned."""
    text = _HYPHENATED.sub(r"\1\2", fold(text))
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return " ".join(text.replace("|", " ").split())


def passage_input(passage: Passage, text: str, lexical: bool = False) -> str:
    """What is embedded (or, `lexical`, BM25-indexed) for a passage: where it sits, then what it says.

    The lexical side gets the document title too (and its initials: "EPL"), so a question naming the document
    matches its passages; the embedding gets only the headings, because a title shared by every passage of a
    document pulls their vectors together (measured: release hit@1 0.877 with it, 0.892 without).
    """
    parts = passage.context.split(CONTEXT_SEPARATOR)
    context = CONTEXT_SEPARATOR.join([" ".join([parts[0], *title_acronyms(parts[0])]), *parts[1:]]) if lexical \
        else CONTEXT_SEPARATOR.join(parts[1:])
    body = readable(text)
    return f"{context}: {body}" if context else body


def title_acronyms(title: str) -> list[str]:
    """What a title is called by its initials: each run of three to five capitalised words ("Eclipse Public
    License": epl; "GNU GENERAL PUBLIC LICENSE": ggpl, ggp, gpl...), so that "the EPL" names the document."""
    return list(_initials(title))


@lru_cache(maxsize=1024)  # asked for every passage of a document, all of one title
def _initials(title: str) -> tuple[str, ...]:
    found: list[str] = []
    run: list[str] = []
    for word in [*re.findall(r"\w[\w.-]*", title), ""]:  # a number ends a run
        if word[:1].isupper():
            run.append(word)
            continue
        found += ["".join(w[0] for w in run[i:j]).lower() for i in range(len(run))
                  for j in range(i + 3, min(i + 5, len(run)) + 1)]
        run = []
    return tuple(dict.fromkeys(found))
