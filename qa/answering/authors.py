""""Who wrote tree?": the AUTHOR(S) section of the document the question names.

Man pages end with an AUTHOR section ("Written by Mike Haertel and Paul Eggert."), READMEs often with one
headed "Authors" ("* Andrey Kislyuk"), and maintainers get a MAINTAINERS section. Its words share little with
the question beyond the program's name, which fills the whole document, so retrieval seldom brings it; when a
who-question asks who wrote (or maintains) a document it names by a word of its title or file name, and that
document has one such section, the section's first name answers, unless the best answer already says who wrote
it ("The GNU implementation of make was written by Richard Stallman and Roland McGrath").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answering.features import sentence_words
from qa.answering.sections import section_of
from qa.answering.spans import question_type
from qa.documents.words import terms
from qa.storage.corpus import Corpus

if TYPE_CHECKING:
    from qa.answering.answer import Candidate

_WROTE = frozenset(terms("wrote written writes author authors authored created creator creators"))
_MAINTAINS = frozenset(terms("maintains maintained maintainer maintainers"))
# A section's heading (its words' stems) and the question words that ask for it.
_SECTIONS = {frozenset(terms("authors")): _WROTE, frozenset(terms("written by")): _WROTE,
             frozenset(terms("maintainers")): _MAINTAINS}


def authors_section(corpus: Corpus, question: str) -> range | None:
    """The sentence ids of the one authors' (or maintainers') section of the document a who-question asks the
    author of, naming it by a word of its title or file name; None otherwise."""
    if question_type(question).name != "who":
        return None
    asked = frozenset(terms(question))
    headings = {heading for heading, asking in _SECTIONS.items() if asked & asking}
    named = asked - _WROTE - _MAINTAINS
    if not headings or not named:
        return None
    found = [section for doc_id in corpus.documents
             if named & (corpus.naming_terms[doc_id] | corpus.source_terms[doc_id])
             for section in _sections_headed(corpus, doc_id, headings)]
    return found[0] if len(found) == 1 else None


def says_who_wrote(corpus: Corpus, candidate: Candidate) -> bool:
    """Whether the candidate's sentence speaks of writing, authors or maintainers."""
    return bool(frozenset(terms(corpus.sentence_text(candidate.support))) & (_WROTE | _MAINTAINS))


def by_the_authors(corpus: Corpus, best: Candidate, eligible: list[Candidate], question: str) -> Candidate:
    """The first candidate with a span in the authors' section the question asks for, with the better of its own
    and the best candidate's score; `best` when the question asks for none, when the best already says who wrote
    it, or when no candidate of the section has a span."""
    section = authors_section(corpus, question)
    if section is None or best.support.sentence_id in section or says_who_wrote(corpus, best):
        return best
    first = min((c for c in eligible if c.span is not None and c.support.sentence_id in section),
                key=lambda c: c.support.sentence_id, default=None)
    if first is None:
        return best
    named_first = replace(first, span=_first_name(corpus, first))  # the author before those credited after
    return named_first if first.score >= best.score else replace(named_first, score=best.score, logit=best.logit)


def _first_name(corpus: Corpus, candidate: Candidate) -> tuple[int, int] | None:
    """The sentence's first who-span ("Steve Baker" of "Steve Baker (...) HTML output hacked by Francesc Rocher"),
    in document offsets; the candidate's own span when it has none."""
    names = sentence_words(corpus, candidate.support).spans["who"]
    if not names:
        return candidate.span
    start, end, _ = min(names)
    return candidate.support.start + start, candidate.support.start + end


def _sections_headed(corpus: Corpus, doc_id: str, headings: set[frozenset[str]]) -> list[range]:
    opening = corpus.openings.get(doc_id)
    if opening is None:
        return []
    found = []
    number = opening.first_sentence
    while number < len(corpus.sentences) and corpus.sentences[number].doc_id == doc_id:
        sentence = corpus.sentences[number]
        if sentence.heading and frozenset(terms(corpus.sentence_text(sentence))) in headings:
            found.append(section_of(corpus, sentence))
        number += 1
    return found
