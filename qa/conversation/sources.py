"""Which documents a conversation is about: the ones its earlier answers were quoted from.

The service is stateless, so a follow-up does not know which passages the earlier turns cited; it
knows the answers' text as the client showed it. An answer is found again by BM25 (its own words)
and kept where the passage, or the document around it, holds it word for word (spaces and
typography aside). A follow-up that does not name a document of its own is answered from those
documents first.
"""

from __future__ import annotations

import functools
import re

from qa.conversation.followups import Resolution, Turn, says_where_to_look
from qa.documents.reading import fold
from qa.retrieval.search import Hit, lexical_hits
from qa.storage.protocol import Snapshot

WIDER = 3  # a follow-up with documents spoken of takes this many times the candidates, theirs first
_LOOKED_UP = 10  # passages BM25 offers for an earlier answer
_SPACE = re.compile(r"\s+")
_HAS_WORD = re.compile(r"[A-Za-z0-9]{2}")


def documents_spoken_of(snapshot: Snapshot, history: list[Turn], resolved: Resolution) -> frozenset[str]:
    """The documents the latest answered turn `resolved` was read with quoted its answer from; none when the
    question stands alone, names where to look, or no answer is found in the corpus."""
    if not resolved.from_turns or resolved.unresolved or says_where_to_look(resolved.question, snapshot.corpus):
        return frozenset()
    for number in sorted(resolved.from_turns, reverse=True):
        found = _quoted_from(snapshot, history[number])
        if found:
            return found
    return frozenset()


def within_first(hits: list[Hit], documents: frozenset[str], depth: int) -> list[Hit]:
    """The hits from `documents` first, each group in its order, cut to `depth`."""
    if not documents:
        return hits[:depth]
    inside = [hit for hit in hits if hit.passage.doc_id in documents]
    return (inside + [hit for hit in hits if hit.passage.doc_id not in documents])[:depth]


def _quoted_from(snapshot: Snapshot, turn: Turn) -> frozenset[str]:
    """The document of the best BM25 passage (the question and answer as the query) that holds the answer,
    else whose document holds it: an answer may run across passages."""
    answer = turn.answer
    if not answer or not _HAS_WORD.search(answer):
        return frozenset()
    wanted = _squeezed(answer)
    hits = lexical_hits(snapshot, f"{turn.question} {answer}", _LOOKED_UP)
    documents = snapshot.corpus.documents
    holding = next((hit for hit in hits if wanted in _squeezed(hit.passage.text)), None) \
        or next((hit for hit in hits if wanted in _squeezed_document(documents[hit.passage.doc_id].text)), None)
    return frozenset({holding.passage.doc_id}) if holding else frozenset()


def _squeezed(text: str) -> str:
    """Spaces and typography aside: an answer shown by the client matches the text it was quoted from."""
    return _SPACE.sub(" ", fold(text)).strip().lower()


@functools.lru_cache(maxsize=64)  # a document is squeezed once, not on every follow-up
def _squeezed_document(text: str) -> str:
    return _squeezed(text)
