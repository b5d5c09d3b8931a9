"""A change note answered with its release: release notes and NEWS files list what changed under a heading per
release, so "In which version was the --mouse option added?" is answered by the note "* Add --mouse option." and the
version its section's heading names ('Major changes between "less" versions 530 and 551': 551; "## polkit 122"
over "### Changes since polkit 121:": 122, not the release the changes are counted from).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answering.naming import OPTION_NAME
from qa.answering.questions import Query
from qa.answering.spans import DATE, VERSION, asks_release_date
from qa.documents.chunking import Sentence
from qa.documents.structure import Block
from qa.documents.words import terms
from qa.storage.corpus import Corpus

if TYPE_CHECKING:
    from qa.answering.answer import Candidate

# A heading that names a release by a bare number: "versions 530 and 551", "Release 7", "polkit 122" (a name and a
# number alone), not a part of a text ("Chapter 3").
_RELEASE_WORD = re.compile(r"\b(?:versions?|releases?)\b", re.I)
_NAME_AND_NUMBER = re.compile(r"(?!(?:chapter|section|part|step|appendix|figure|table|lesson|page|volume|phase|stage|"
                              r"level|example|exercise|rule|note|day|week|question|article|clause)\b)"
                              r"[A-Za-z][\w+-]*\s+v?\d+(?:\.\d+)*:?", re.I)
_BARE_NUMBER = re.compile(r"(?<![\w.])v?\d+(?:\.\d+)*(?![\w.]*\w)")
# A release counted from, not the one the heading is about: "Changes since polkit 121", "bug fixes from 3.0", "pre-7.8".
_COUNTED_FROM = re.compile(r"(?:\b(?:since|after|before|until|prior\s+to|from|than)\s+(?:[A-Za-z][\w+-]*\s+)?|"
                           r"\bpre-)\Z", re.I)
_SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)*\.?\s+(?=[A-Za-z])")  # "3.1. Versions", "2.5 The Closure API"
_DATE_LIKE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}\.\d{1,2}\.\d{1,2}")  # "12.05.2022", "2024.01.15"
_BETWEEN = re.compile(r"\bbetween\b.*\band\b", re.I)
_MARKUP = re.compile(r"^[\s#=*-]+|[\s#=*-]+$")  # a heading's marks: "## polkit 122", "=== 1.2 ==="
# "which version of X ...?": X is what the release is of
_VERSION_OF = re.compile(r"\b(?:versions?|releases?)\s+of\s+(?:the\s+)?([A-Za-z][\w+-]*)", re.I)
_NOTE_KINDS = ("item", "entry", "text")  # a change note is a list item ("* Add --mouse option.", "- port to
# mozjs-102") or a paragraph ("Beginning with this release, `bat` can be used as a library")


def release_of_the_note(corpus: Corpus, candidates: list[Candidate], eligible: list[Candidate],
                        query: Query) -> Candidate | None:
    """For a which-version question whose best candidate is a change note naming no version, and better than any
    candidate that does, that note with the release of its section as the answer's span: the section of the nearest
    heading above it at the level of the document's release headings (`release_headings`); None when that heading
    names no release ("## [Unreleased]"), or the question asks the version of something the document is not about."""
    if query.wanted.name != "version" or not candidates:
        return None
    note = _note_of_the_options(corpus, candidates, query)
    if note.span is not None or note.support.heading or (eligible and eligible[0].logit >= note.logit):
        return None
    document = corpus.documents[note.support.doc_id]
    at = bisect_right(corpus.block_starts[note.support.doc_id], note.support.start) - 1
    if not 0 <= at < len(document.blocks) or document.blocks[at].kind not in _NOTE_KINDS:
        return None
    names = corpus.title_terms[document.doc_id] | corpus.source_terms[document.doc_id]
    asked = _VERSION_OF.search(query.text)
    if asked is not None and not set(terms(asked.group(1))) <= names:
        return None  # "Which version of the POSIX more specification ...?" of less's NEWS
    releases = release_headings(document.text, document.blocks, names)
    levels = {document.blocks[number].level for number in releases}
    for number in headings_over(document.blocks, at):
        if number in releases:
            return replace(note, span=releases[number])
        if document.blocks[number].level in levels:
            return None  # a section beside the releases ("## [Unreleased]", "## Known issues")
    return None


_NOTE_REACH = 3  # candidates after the best among which a note that writes the question's options is sought


def _note_of_the_options(corpus: Corpus, candidates: list[Candidate], query: Query) -> Candidate:
    """The best candidate, or, when the question writes options ("Which bat release added the --diff option?") and
    the best does not, the first of the next few that writes them all: a note on something else of the release
    ("Beginning with this release, bat can be used as a library") may match the question's other words better."""
    options = set(OPTION_NAME.findall(query.text))
    if not options:
        return candidates[0]
    return next((candidate for candidate in candidates[:_NOTE_REACH + 1]
                 if options <= set(OPTION_NAME.findall(corpus.sentence_text(candidate.support)))), candidates[0])


# A reference's note of when what its entry documents came: "New in version 1.2.1.", "Added in version 3.2",
# "Available since 7.3.11", "Since version 2.0".
_ADDED_IN = re.compile(r"\s*(?:(?:new|added)\s+in|(?:available\s+)?since)\s*:?\s*(?:version\s+|v)?(\d+(?:\.\d+)+)",
                       re.I)
_ENTRY_REACH = 8  # blocks after a sentence in which its entry's note is sought
_SINCE_WHEN = re.compile(r"\bsince\s+when\b", re.I)


def version_note_of_its_entry(corpus: Corpus, candidates: list[Candidate], eligible: list[Candidate],
                              query: Query) -> Candidate | None:
    """For a which-version (or since-when) question whose best candidate names no version and is better than any
    candidate that does, that candidate with the version of the note that closes its entry ("Sphinx only recognizes
    the -M option if it is placed first." over "New in version 1.2.1." in the definition of "-M buildername"), or
    that opens the block right after it: the version the entry's thing came in. None when the entry has no such note
    before the next term or heading."""
    since_when = query.wanted.name == "date" and _SINCE_WHEN.search(query.text) is not None  # a version may say
    if not (query.wanted.name == "version" or since_when) or not candidates:
        return None
    best = candidates[0]
    if best.span is not None or any(c.span is not None and c.logit >= best.logit for c in eligible):
        return None
    document = corpus.documents[best.support.doc_id]
    at = bisect_right(corpus.block_starts[document.doc_id], best.support.start) - 1
    if not 0 <= at < len(document.blocks) or document.blocks[at].kind == "heading":
        return None
    term = document.blocks[at].kind == "label"  # the entry's term: its definition follows
    entry_level = document.blocks[at].level - (not term)  # the level of the entry's term
    reach = _ENTRY_REACH if term or entry_level >= 0 else 1  # a definition's blocks; else the next block alone
    for block in document.blocks[at + 1:at + 1 + reach]:
        if block.kind == "heading" or block.level <= entry_level:
            return None  # the next entry, or out of the definition
        noted = _ADDED_IN.match(document.text, block.start, block.end)
        if noted is not None:
            return replace(best, span=noted.span(1))
    return None


def date_of_the_release(corpus: Corpus, candidates: list[Candidate], query: Query) -> Candidate | None:
    """For a question that asks when the release it names came out ("When did wget 1.21.3 come out?", "When was
    ShellCheck 0.9.0 released?"), the heading of that release's notes with the date it gives ("## v0.9.0 -
    2022-12-12", "* Noteworthy changes in release 1.21.3 (2022-02-26) [stable]") as the answer, in the first
    document of the candidates that heads a release so and is about the product the question names before the
    version (its title's or file name's words: curl's changelog dates no wget release), with the best candidate's
    evidence (what retrieval found about the question). None when no such heading dates the release."""
    if query.wanted.name != "date" or not candidates or not asks_release_date(query.text):
        return None
    asked = {_bare(m.group(0)): _product_before(query.text[:m.start()]) for m in VERSION.finditer(query.text)}
    for doc_id in dict.fromkeys(c.support.doc_id for c in candidates):
        document = corpus.documents[doc_id]
        names = corpus.title_terms[doc_id] | corpus.source_terms[doc_id]
        for number, (start, end) in release_headings(document.text, document.blocks, names).items():
            block = document.blocks[number]
            version = _bare(document.text[start:end])
            date = DATE.search(document.text, end, block.end)
            if version in asked and asked[version] <= names and date is not None:
                near = next(c.support for c in candidates if c.support.doc_id == doc_id)
                heading = _heading_sentence(corpus, near, block)
                return replace(candidates[0], sentence=heading, support=heading, span=date.span())
    return None


def _product_before(before: str) -> frozenset[str]:
    """The terms of the name written right before a version in a question ("wget" of "did wget 1.21.3 come out");
    none when a question word or a release word stands there ("When was version 2.0 released?")."""
    word = re.search(r"([A-Za-z][\w+.-]*)\s+(?:(?:version|release)\s+)?$", before)
    if word is None or word.group(1).lower() in _NO_PRODUCT:
        return frozenset()
    return frozenset(terms(word.group(1)))


_NO_PRODUCT = frozenset("when what which did does do was were is are has have had version release of the".split())


def _heading_sentence(corpus: Corpus, near: Sentence, heading: Block) -> Sentence:
    """The heading as the sentence that supports an answer: the corpus's own, found by walking from a sentence of the
    same document (`near`) towards it, or, for a heading that only heads others ("## v0.9.0 - 2022-12-12" over "###
    Added"), which no passage holds, one made for it (no sentence id)."""
    step = -1 if heading.start < near.start else 1
    number = near.sentence_id
    while 0 <= number < len(corpus.sentences) and corpus.sentences[number].doc_id == near.doc_id:
        sentence = corpus.sentences[number]
        if sentence.start == heading.start:
            return sentence
        if (sentence.start < heading.start) == (step < 0):
            break  # walked past where it would be
        number += step
    return Sentence(-1, near.doc_id, heading.start, heading.end, -1, heading=True)


def _bare(version: str) -> str:
    """The number of a release as written in a heading or a question: "release 1.21.3", "v0.9.0": 1.21.3, 0.9.0."""
    number = _BARE_NUMBER.search(version)
    return number.group(0).lower().removeprefix("v") if number else version


def headings_over(blocks: Sequence[Block], at: int) -> list[int]:
    """The numbers of the headings whose sections hold block `at`, nearest first: each of a higher level than the one
    before (a document's title and first heading too, which no sentence holds)."""
    found: list[int] = []
    for number in range(at - 1, -1, -1):
        if blocks[number].kind == "heading" and (not found or blocks[number].level < blocks[found[-1]].level):
            found.append(number)
    return found


def release_headings(text: str, blocks: Sequence[Block], names: frozenset[str]) -> dict[int, tuple[int, int]]:
    """The headings that name a release, by block number, with the offsets of the release: headings of one shape,
    two or more at one level ("polkit 122", "polkit 121"; 'Major changes between "less" versions 530 and 551'), whose
    words, but for release words, are the document's name or none ("## [2.1.0] - 2024-03-02"), not a section's number
    ("3.1. Versions") or another product ("Windows 2000" in dnsmasq's FAQ)."""
    named = {number: span for number, block in enumerate(blocks)
             if block.kind == "heading" and (span := release_named(text, block, names)) is not None}
    shape_of = {number: (blocks[number].level, _shape(text, blocks[number])) for number in named}
    shapes = Counter(shape_of.values())
    return {number: span for number, span in named.items() if shapes[shape_of[number]] > 1}


def release_named(text: str, heading: Block, names: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The offsets of the release a heading is about: its first version, the last of "between X and Y", none counted
    from ("since 121") nor a date nor a section's number; None when it names none or names something else than the
    document (`names`: its title's and file name's terms; empty: not checked)."""
    words = text[heading.start:heading.end]
    title = _MARKUP.sub("", words)
    offset = words.find(title) + (len(found.group(0)) if (found := _SECTION_NUMBER.match(title)) else 0)
    body = words[offset:]
    spans = [m.span() for m in VERSION.finditer(body)]
    if not spans and (_RELEASE_WORD.search(body) or _NAME_AND_NUMBER.fullmatch(_MARKUP.sub("", body))):
        spans = [m.span() for m in _BARE_NUMBER.finditer(body)]
    spans = [(a, b) for a, b in spans if not _COUNTED_FROM.search(body[:a]) and not _DATE_LIKE.fullmatch(body[a:b])]
    if not spans or (names and not _about_the_document(body, names)):
        return None
    a, b = spans[-1] if _BETWEEN.search(body) else spans[0]
    return heading.start + offset + a, heading.start + offset + b


def _about_the_document(heading: str, names: frozenset[str]) -> bool:
    """Whether a release heading's words, but for release words, are none or name the document ("polkit 122" of
    polkit's NEWS; "Windows 2000" is no release of dnsmasq)."""
    own = set(terms(_RELEASE_WORD.sub(" ", _VERSION_TOKEN.sub(" ", _PARENTHESISED.sub(" ", heading))))) - _FRAME
    return not own or bool(own & names)


_FRAME = frozenset(terms("major minor changes change release notes news between and in of version bug fixes fix "
                         "new features what s noteworthy"))


def _shape(text: str, heading: Block) -> str:
    """A heading's words with every version or number as "#" and without what it says in parentheses (a date, a
    codename): the shape release headings share ("## 3.0" and "## 2.1.1", "Version 1.2 (May 2024)")."""
    words = _PARENTHESISED.sub(" ", _MARKUP.sub("", text[heading.start:heading.end]).lower())
    return " ".join(_VERSION_TOKEN.sub("#", words).split())


_PARENTHESISED = re.compile(r"\([^()]*\)")  # "(2024-05-01)", "(May 2024)"
_VERSION_TOKEN = re.compile(r"\bv?\d[\w.+-]*", re.I)  # "3.0", "v2.0.0-rc.1", "2024-03-02"
