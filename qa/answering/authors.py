""""Who wrote tree?": the AUTHOR(S) section of the document the question names.

Man pages end with an AUTHOR section ("Written by Mike Haertel and Paul Eggert."), READMEs often with one
headed "Authors" ("* Andrey Kislyuk"), and maintainers get a MAINTAINERS section. Its words share little with
the question beyond the program's name, which fills the whole document, so retrieval seldom brings it. When a
who-question asks who wrote (or maintains) the one document it names best by the words of its title or file name,
and that document has one such section, the section's first name answers, unless the best answer already says,
in that document, who wrote it ("The GNU implementation of make was written by Richard Stallman and Roland
McGrath"). A document without such a section that is signed once, the Debian way (" -- martin f. krafft
<madduck@debian.org>  Wed, 13 May 2009 ..." closing a README.Debian or a FAQ), was written by the one who signed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answering.features import sentence_words
from qa.answering.sections import heading_above, section_of
from qa.answering.spans import SIGN_OFF
from qa.documents.chunking import Sentence
from qa.documents.words import terms
from qa.storage.corpus import Corpus

if TYPE_CHECKING:
    from qa.answering.answer import Candidate

# The question's verb or noun of authorship, and the headings of the section it asks for.
_ASKS_WHO_WROTE = re.compile(r"^\s*who\b.*\b(?:wrote|written|authored|authors?|created|creators?)\b", re.I)
_ASKS_WHO_MAINTAINS = re.compile(r"^\s*who\b.*\b(?:maintains|maintained|maintainers?)\b", re.I)
_AUTHORS_HEADINGS = frozenset({"author", "authors", "author(s)", "written by"})
_MAINTAINERS_HEADINGS = frozenset({"maintainer", "maintainers", "maintainer(s)"})
_COPYRIGHT_HEADINGS = frozenset({"copyright"})
_ROLE_WORDS = frozenset(terms("wrote written authored author authors created creator creators maintains maintained "
                              "maintainer maintainers originally original"))
_OTHER_WORDS = 2  # at most this many of the question's words besides the document's name
# A sentence that says who wrote something: "was written by", "is the author of", "Maintained by".
_SAYS_WHO = re.compile(r"\b(?:written|wrote|authored|created|developed|maintained)\s+by\b|\bauthors?\b|\bcreator\b|"
                       r"\bmaintainers?\b", re.I)


def authors_section(corpus: Corpus, question: str) -> range | None:
    """The sentence ids of the one authors' (or maintainers') section of the document a who-question asks the
    author (or maintainer) of; None for any other question, or when the document it names has no such section."""
    headings = _headings_asked(question)
    doc_id = _document_named(corpus, question) if headings else None
    if doc_id is None:
        return None
    found = _sections_headed(corpus, doc_id, headings)
    if not found and headings is _AUTHORS_HEADINGS:  # a man page without an AUTHOR section: its copyright holder
        found = [held for held in _sections_headed(corpus, doc_id, _COPYRIGHT_HEADINGS)
                 if not _ORGANISATION.search(corpus.sentence_text(corpus.sentences[held.start]))]
    if not found and headings is _AUTHORS_HEADINGS:  # nor a copyright section: the one who signed it
        found = [range(number, number + 1) for number in _sentences_of(corpus, doc_id)
                 if SIGN_OFF.match(corpus.sentence_text(corpus.sentences[number]))]
    return found[0] if len(found) == 1 else None


# A copyright holder that is no author: an organisation ("Free Software Foundation, Inc.", "Acme Corporation").
_ORGANISATION = re.compile(r"\b(?:Inc|Foundation|Corporation|Corp|Ltd|LLC|GmbH|Project|contributors|Authors|"
                           r"Organi[sz]ation|University|Consortium|Company|Co)\b\.?")


# Words that say a sentence is about who made or keeps something: "was written by", "Copyright (C) 1991", "designed".
_OF_AUTHORSHIP = re.compile(r"\b(?:wr[io]te|written|writing|co-wrote|authored|authors?|created|creators?|developed|"
                            r"developers?|designed|designers?|invented|inventors?|founded|founders?|maintain\w*|"
                            r"copyright)\b|\(c\)|\u00a9", re.I)


def said_by_whom(corpus: Corpus, best: Candidate | None, question: str) -> Candidate | None:
    """`best`, unless the question asks who wrote or maintains something and neither its sentence, nor the heading
    or the label ("Author:") it is under, speaks of making or keeping anything, and it is no line of names alone
    ("2004, Oliver Elphick, Martin Pitt" under a title): "... the GNU readline input editor library or the BSD
    libedit library" for "Who wrote GNU bc?" names a maker of something else, and the document does not say (None)."""
    if best is None or not _headings_asked(question):
        return best
    text = corpus.sentence_text(best.support)
    around = [sentence for sentence in (heading_above(corpus, best.support), _label_before(corpus, best.support))
              if sentence is not None]
    said = " ".join([text, *(corpus.sentence_text(sentence) for sentence in around)])
    return best if _OF_AUTHORSHIP.search(said) or SIGN_OFF.match(text) or _names_alone(corpus, best) else None


def _label_before(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The sentence right before, when it is a label ending with a colon ("Author:" over "Andrew Dalke")."""
    before = corpus.sentences[sentence.sentence_id - 1] if sentence.sentence_id else None
    found = before is not None and before.doc_id == sentence.doc_id \
        and corpus.sentence_text(before).rstrip().endswith(":")
    return before if found else None


def _names_alone(corpus: Corpus, candidate: Candidate) -> bool:
    """Whether the candidate's sentence is its names and nothing but years and punctuation ("2004, Oliver Elphick,
    Martin Pitt"): a byline."""
    if candidate.span is None or candidate.support.heading:
        return False
    text = corpus.documents[candidate.support.doc_id].text
    start, end = candidate.span
    rest = text[candidate.support.start:start] + text[end:candidate.support.end]
    return not re.search(r"[^\W\d_]", rest)


def by_the_authors(corpus: Corpus, best: Candidate, eligible: list[Candidate], question: str) -> Candidate:
    """The first name in the authors' section the question asks for, with the better of its own and the best
    candidate's score; `best` when the question asks for none, when the best is in that section or already says,
    in the same document, who wrote something, or when no candidate of the section has a span."""
    section = authors_section(corpus, question)
    if section is None or best.support.sentence_id in section or _says_who_wrote(corpus, best, section):
        return best
    first = min((c for c in eligible if c.span is not None and c.support.sentence_id in section),
                key=lambda c: c.support.sentence_id, default=None)
    if first is None:
        return best
    named_first = replace(first, span=_first_name(corpus, first))  # the author before those credited after
    return named_first if first.score >= best.score else replace(named_first, score=best.score, logit=best.logit)


def _headings_asked(question: str) -> frozenset[str]:
    """The headings of the section a who-question asks for: an authors' for "Who wrote ...?", a maintainers' for
    "Who maintains ...?"; none for any other question ("Who writes the backup?" asks no author)."""
    if _ASKS_WHO_WROTE.match(question):
        return _AUTHORS_HEADINGS
    if _ASKS_WHO_MAINTAINS.match(question):
        return _MAINTAINERS_HEADINGS
    return frozenset()


def _document_named(corpus: Corpus, question: str) -> str | None:
    """The one document whose title's telling words and file name hold the most of the question's words (at least
    one), with at most `_OTHER_WORDS` of them left over; None when none or several do."""
    asked = frozenset(terms(question)) - _ROLE_WORDS
    if not asked:
        return None
    overlap = {doc_id: len(asked & (corpus.naming_terms[doc_id] | corpus.source_terms[doc_id]))
               for doc_id in corpus.documents}
    most = max(overlap.values(), default=0)
    named = [doc_id for doc_id, count in overlap.items() if count == most]
    if most == 0 or len(named) != 1 or len(asked) - most > _OTHER_WORDS:
        return None
    return named[0]


def _says_who_wrote(corpus: Corpus, candidate: Candidate, section: range) -> bool:
    """Whether the candidate's sentence, in the section's document, says who wrote or maintains something."""
    same_document = candidate.support.doc_id == corpus.sentences[section.start].doc_id
    return same_document and bool(_SAYS_WHO.search(corpus.sentence_text(candidate.support)))


def _first_name(corpus: Corpus, candidate: Candidate) -> tuple[int, int] | None:
    """The candidate's span when it holds the sentence's first name ("Erik Troan, Preston Brown, Jan Kaluza"), else
    that first name ("Steve Baker" of "Steve Baker (...) HTML output hacked by Francesc Rocher"), in document
    offsets."""
    names = sentence_words(corpus, candidate.support).spans["who"]
    if not names:
        return candidate.span
    start, end, _ = min(names)
    first = (candidate.support.start + start, candidate.support.start + end)
    own = candidate.span
    return own if own is not None and own[0] <= first[0] and first[1] <= own[1] else first


def _sections_headed(corpus: Corpus, doc_id: str, headings: frozenset[str]) -> list[range]:
    """The sections of the document under a heading that reads one of `headings` (case, "#" and ":" aside)."""
    found = []
    for number in _sentences_of(corpus, doc_id):
        sentence = corpus.sentences[number]
        if sentence.heading and _heading_text(corpus.sentence_text(sentence)) in headings:
            found.append(section_of(corpus, sentence))
    return found


def _sentences_of(corpus: Corpus, doc_id: str) -> Iterator[int]:
    """The ids of the document's sentences, in order."""
    opening = corpus.openings.get(doc_id)
    number = opening.first_sentence if opening else len(corpus.sentences)
    while number < len(corpus.sentences) and corpus.sentences[number].doc_id == doc_id:
        yield number
        number += 1


def _heading_text(text: str) -> str:
    return " ".join(text.strip().strip("#:").split()).lower()
