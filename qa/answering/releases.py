"""A change note answered with its release: release notes and NEWS files list what changed under a heading per
release, so "In which version was the --mouse option added?" is answered by the note "* Add --mouse option." and the
version its section's heading names ('Major changes between "less" versions 530 and 551': 551; "## polkit 122"
over "### Changes since polkit 121:": 122, not the release the changes are counted from).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answering.questions import Query
from qa.answering.spans import VERSION
from qa.documents.structure import Block
from qa.storage.corpus import Corpus

if TYPE_CHECKING:
    from qa.answering.answer import Candidate

# A heading that names a release by a bare number: "versions 530 and 551", "Release 7", "polkit 122" (a name and a
# number alone); a heading that counts from a release ("Changes since polkit 121") names the one before.
_RELEASE_WORD = re.compile(r"\b(?:versions?|releases?)\b", re.I)
_NAME_AND_NUMBER = re.compile(r"(?!(?:chapter|section|part|step|appendix|figure|table|lesson|page|volume|phase|stage|"
                              r"level|example|exercise|rule|note|day|week|question|article|clause)\b)"
                              r"[A-Za-z][\w+-]*\s+v?\d+(?:\.\d+)*:?", re.I)  # not "Chapter 3": a part of a text
_BARE_NUMBER = re.compile(r"(?<![\w.])v?\d+(?:\.\d+)*(?![\w.]*\w)")
_COUNTED_FROM = re.compile(r"\b(?:since|after|before|until|prior|from)\b", re.I)
_MARKUP = re.compile(r"^[\s#=*-]+|[\s#=*-]+$")  # a heading's marks: "## polkit 122", "=== 1.2 ==="
_NOTE_KINDS = ("item", "entry")  # a change note is a list item ("* Add --mouse option.", "- port to mozjs-102")


def release_of_the_note(corpus: Corpus, candidates: list[Candidate], eligible: list[Candidate],
                        query: Query) -> Candidate | None:
    """For a which-version question whose best candidate is a change note naming no version, and better than any
    candidate that does, that note with the release of its section as the answer's span; None otherwise."""
    if query.wanted.name != "version" or not candidates:
        return None
    note = candidates[0]
    if note.span is not None or note.support.heading or (eligible and eligible[0].logit >= note.logit):
        return None
    blocks = corpus.documents[note.support.doc_id].blocks
    at = bisect_right(corpus.block_starts[note.support.doc_id], note.support.start) - 1
    if not 0 <= at < len(blocks) or blocks[at].kind not in _NOTE_KINDS:
        return None
    text = corpus.documents[note.support.doc_id].text
    release = next((span for heading in headings_over(blocks, at)
                    if (span := release_named(text, heading)) is not None), None)
    return None if release is None else replace(note, span=release)


def headings_over(blocks: Sequence[Block], at: int) -> list[Block]:
    """The headings whose sections hold block `at` (a document's title and first heading too, which no sentence
    holds), nearest first: each of a higher level than the one before."""
    found: list[Block] = []
    for block in reversed(blocks[:at]):
        if block.kind == "heading" and (not found or block.level < found[-1].level):
            found.append(block)
    return found


def release_named(text: str, heading: Block) -> tuple[int, int] | None:
    """The offsets of the release a heading is about: its last version ("between 530 and 551"), else None."""
    words = text[heading.start:heading.end]
    title = _MARKUP.sub("", words)
    if _COUNTED_FROM.search(title):
        return None
    spans = [m.span() for m in VERSION.finditer(words)]
    if not spans and (_RELEASE_WORD.search(title) or _NAME_AND_NUMBER.fullmatch(title)):
        spans = [m.span() for m in _BARE_NUMBER.finditer(words)]
    return (heading.start + spans[-1][0], heading.start + spans[-1][1]) if spans else None
