"""The read side of one index version: documents, sentences, passages, sentence vectors and word statistics.

A `Corpus` holds data only; searching its passages is the job of the store's `Searcher`, which
holds the search structures of the same version (see `qa.storage.protocol`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from qa.documents.chunking import Passage, Sentence
from qa.documents.reading import Document, fold
from qa.documents.words import Speller, terms, words


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
        return Speller(word for passage in self.passages for word in words(fold(passage.text)))

    @cached_property
    def sentence_terms(self) -> list[frozenset[str]]:
        return [frozenset(terms(self.sentence_text(s))) for s in self.sentences]

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

    def warmed(self) -> Corpus:
        """Compute the derived statistics now, so no query pays for them."""
        _ = self.speller, self.sentence_terms, self.term_weights, self.name_terms
        return self

    def sentence_text(self, sentence: Sentence) -> str:
        return self.documents[sentence.doc_id].text[sentence.start:sentence.end]
