"""The read side of one index version: documents, sentences, passages, sentence vectors and word statistics.

A `Corpus` holds data only; searching its passages is the job of the store's `Searcher`, which
holds the search structures of the same version (see `qa.storage.protocol`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath

import numpy as np

from qa.documents.chunking import Passage, Sentence, passage_input, title_acronyms
from qa.documents.reading import Document, fold
from qa.documents.words import Speller, stems, terms, words

_MAN_SECTION = re.compile(r"(?<=\w)\(\d[a-z]*\)\s*$")  # "tig(1)": the manual's section, no word of the name


@dataclass(frozen=True)
class Corpus:
    """Everything the answer step reads, loaded once per index version; derived statistics are computed on
    first use (or by `warmed`, before the version serves)."""

    manifest: dict
    documents: dict[str, Document]
    sentences: list[Sentence]
    passages: list[Passage]
    sentence_vectors: np.ndarray

    @property
    def version(self) -> str:
        return str(self.manifest["version"])

    @cached_property
    def speller(self) -> Speller:
        """Typo repair to words the passages use."""
        return Speller(lambda: (word for passage in self.passages
                                for word in words(passage_input(passage, passage.text, lexical=True), humps=True)))

    @cached_property
    def sentence_terms(self) -> list[frozenset[str]]:
        return [frozenset(terms(self.sentence_text(s), humps=True)) for s in self.sentences]

    @cached_property
    def block_terms(self) -> dict[tuple[str, int], frozenset[str]]:
        """(doc_id, block) -> the stems of every sentence of the block."""
        found: dict[tuple[str, int], set[str]] = {}
        for sentence, sentence_terms in zip(self.sentences, self.sentence_terms, strict=True):
            found.setdefault((sentence.doc_id, sentence.paragraph), set()).update(sentence_terms)
        return {key: frozenset(value) for key, value in found.items()}

    @cached_property
    def block_starts(self) -> dict[str, list[int]]:
        """Per document, where each of its blocks starts (in order): which block holds an offset, by bisection."""
        return {doc_id: [block.start for block in document.blocks] for doc_id, document in self.documents.items()}

    @cached_property
    def context_terms(self) -> list[frozenset[str]]:
        """Per passage, the stems of its context: the document title and the headings above it."""
        return [frozenset(terms(passage.context)) for passage in self.passages]

    @cached_property
    def title_terms(self) -> dict[str, frozenset[str]]:
        """Per document, the stems of its title and of its initials ("Eclipse Public License": epl)."""
        return {doc_id: title | frozenset(stems(self.title_initials[doc_id]))
                for doc_id, title in self.plain_title_terms.items()}

    @cached_property
    def plain_title_terms(self) -> dict[str, frozenset[str]]:
        """Per document, the stems of its title's own words (not the section of a manual page's, "tig(1)")."""
        return {doc_id: frozenset(terms(_MAN_SECTION.sub("", document.title))) for doc_id, document in
                self.documents.items()}

    @cached_property
    def title_initials(self) -> dict[str, frozenset[str]]:
        """Per document, what its title is called by its initials ("The LaTeX Project Public License": lppl)."""
        return {doc_id: frozenset(title_acronyms(document.title)) for doc_id, document in self.documents.items()}

    @cached_property
    def passage_starts(self) -> list[int]:
        """Each passage's first sentence id, in passage order (sentences and passages run in the same order)."""
        return [passage.first_sentence for passage in self.passages]

    def passage_of(self, sentence: Sentence) -> Passage:
        """A passage holding the sentence: the one it opens, else the one begun before it."""
        found = bisect_left(self.passage_starts, sentence.sentence_id)
        if found == len(self.passages) or self.passages[found].first_sentence != sentence.sentence_id:
            found -= 1  # the passage that began before it
        return self.passages[found]

    @cached_property
    def openings(self) -> dict[str, Passage]:
        """Per document, its first passage (a title block's version, date and copyright line)."""
        found: dict[str, Passage] = {}
        for passage in self.passages:
            found.setdefault(passage.doc_id, passage)
        return found

    @cached_property
    def source_terms(self) -> dict[str, frozenset[str]]:
        """Per document, the stems of its file name ("aom-patent-license.txt": aom, patent, licens)."""
        return {doc_id: frozenset(terms(PurePath(document.source).stem)) for doc_id, document in self.documents.items()}

    @cached_property
    def naming_terms(self) -> dict[str, frozenset[str]]:
        """Per document, the title words that tell it from the others (in fewer than half of the titles): a
        question holding them names the document."""
        counts: dict[str, int] = {}
        for title in self.title_terms.values():
            for term in title:
                counts[term] = counts.get(term, 0) + 1
        return {doc_id: frozenset(t for t in title if counts[t] * 2 < max(2, len(self.title_terms)) or
                                  len(self.title_terms) == 1) for doc_id, title in self.title_terms.items()}

    @cached_property
    def term_weights(self) -> dict[str, float]:
        """Inverse sentence frequency of every term: rare words weigh more."""
        frequency: dict[str, int] = {}
        for sentence_terms in self.sentence_terms:
            for term in sentence_terms:
                frequency[term] = frequency.get(term, 0) + 1
        total = len(self.sentences)
        return {term: float(np.log(1 + total / count)) for term, count in frequency.items()}

    @cached_property
    def rarest_weight(self) -> float:
        """The weight of the rarest term: what a word the documents never use weighs."""
        return max(self.term_weights.values(), default=1.0)

    @cached_property
    def name_terms(self) -> frozenset[str]:
        """Terms the corpus mostly writes capitalised after a sentence's first word: parts of names."""
        capitalised: dict[str, int] = {}
        total: dict[str, int] = {}
        for sentence in self.sentences:
            for match in re.finditer(r"[A-Za-z][\w'-]*", fold(self.sentence_text(sentence))):
                if match.start() == 0:  # a sentence's first word is capitalised whatever it is
                    continue
                for term in terms(match.group(0)):
                    total[term] = total.get(term, 0) + 1
                    capitalised[term] = capitalised.get(term, 0) + match.group(0)[0].isupper()
        return frozenset(t for t, n in total.items() if capitalised[t] * 2 > n)

    @cached_property
    def phrases(self) -> str:
        """Every document's words, lower case, single-spaced: a phrase the documents use is a substring."""
        words_of = (" ".join(re.findall(r"[a-z0-9]+", fold(d.text).lower())) for d in self.documents.values())
        return f" {' | '.join(words_of)} "  # padded, and documents kept apart, so " phrase " finds whole words

    def uses_phrase(self, phrase: str) -> bool:
        """Whether the documents write these words in a row (case, punctuation and spacing aside)."""
        wanted = " ".join(re.findall(r"[a-z0-9]+", fold(phrase).lower()))
        return bool(wanted) and f" {wanted} " in self.phrases

    def warmed(self) -> Corpus:
        """Compute the derived statistics now, so no query pays for them."""
        _ = self.speller, self.sentence_terms, self.term_weights, self.rarest_weight, self.name_terms
        _ = self.block_terms, self.block_starts, self.context_terms, self.title_terms, self.source_terms
        _ = self.naming_terms, self.phrases, self.plain_title_terms, self.title_initials, self.openings
        _ = self.passage_starts
        return self

    def sentence_text(self, sentence: Sentence) -> str:
        return self.documents[sentence.doc_id].text[sentence.start:sentence.end]
