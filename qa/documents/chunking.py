"""Cut documents into sentences and passages whose offsets slice the verbatim text exactly."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.documents.reading import Document, Span, matching_text

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*|\n(?=[ \t]*(?:\d{1,3}[.)]|[-*\u2022]|#{1,6})\s)")
_LIST_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|[-*\u2022])\s")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9$])")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Inc|Ltd|Jr|Sr|Co|Corp|vs|etc|Gen|Sen|"
                           r"Rep|Gov|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Fig|approx|est)"
                           r"|\S*\.[A-Za-z]+)\.$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: `[start, end)` in its document, and the paragraph it belongs to."""

    sentence_id: int
    doc_id: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Passage:
    """A retrieval unit: consecutive sentences of one paragraph, sliced verbatim."""

    passage_id: int
    doc_id: str
    start: int
    end: int
    text: str
    first_sentence: int
    last_sentence: int


def paragraphs(text: str, region: Span) -> list[Span]:
    """Blank-line separated blocks of a region; list items and headings start their own."""
    start, end = region
    spans, cursor = [], start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return [trimmed for span in spans if (trimmed := _trim(text, span))[1] > trimmed[0]]


def sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """Sentence boundaries inside one paragraph of folded text."""
    start, end = paragraph
    spans, cursor = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        candidate = text[cursor:match.end()]
        if _ABBREVIATION.search(text[max(cursor, match.start() - 30):match.start() + 1]):
            continue
        if not re.search(r"[A-Za-z]{2}", candidate):  # a bare list number such as "1."
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    return [trimmed for span in spans if (trimmed := _trim(text, span))[1] > trimmed[0]]


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_document(document: Document, sentences_per_passage: int = 3, overlap: int = 1,
                   max_chars: int = 700, first_sentence_id: int = 0, first_passage_id: int = 0,
                   ) -> tuple[list[Sentence], list[Passage]]:
    """Sentences and passages of one document, ids numbered from the given starts."""
    folded = matching_text(document)
    sentences: list[Sentence] = []
    passages: list[Passage] = []
    paragraph_index = 0
    for region in document.regions:
        for paragraph in paragraphs(folded, region):
            spans = sentence_spans(folded, paragraph)
            first = first_sentence_id + len(sentences)
            sentences += [Sentence(first + i, document.doc_id, s, e, paragraph_index) for i, s, e in
                          ((i, s, e) for i, (s, e) in enumerate(spans))]
            whole = bool(_LIST_ITEM.match(folded, paragraph[0]))
            for low, high in _windows(spans, sentences_per_passage, overlap, max_chars, whole):
                start, end = spans[low][0], spans[high][1]
                passages.append(Passage(first_passage_id + len(passages), document.doc_id, start, end,
                                        document.text[start:end], first + low, first + high))
            paragraph_index += 1
    return sentences, passages


def _windows(spans: list[Span], size: int, overlap: int, max_chars: int, whole: bool) -> list[tuple[int, int]]:
    """Inclusive sentence-index windows; a list item is one window however long."""
    if whole:
        return [(0, len(spans) - 1)]
    windows: list[tuple[int, int]] = []
    low = 0
    while low < len(spans):
        high = min(low + size, len(spans)) - 1
        while high > low and spans[high][1] - spans[low][0] > max_chars:
            high -= 1
        windows.append((low, high))
        if high == len(spans) - 1:
            break
        low = max(high + 1 - overlap, low + 1)
    return windows
