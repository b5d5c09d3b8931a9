"""Which documents a conversation is about: the ones its earlier answers were quoted from.

The service is stateless, so a follow-up does not know which passages the earlier turns cited; it
knows the answers' text as the client showed it. An answer is found again by BM25 (its turn's
question and its own words) and kept where the passage, with the passages on either side, holds it
word for word (whole words; spaces and typography aside); an answer too short to tell ("No", "10")
is found nowhere. A follow-up that does not name a document of its own is answered from that
document first.
"""

from __future__ import annotations

import re

from qa.conversation.followups import Resolution, Turn, says_where_to_look
from qa.documents.reading import fold
from qa.retrieval.search import Hit, lexical_hits
from qa.storage.protocol import Snapshot

WIDER = 3  # a follow-up with documents spoken of takes this many times the candidates, theirs first
_LOOKED_UP = 10  # passages BM25 offers for an earlier answer
_QUERY_WORDS = 50  # an answer's words BM25 looks it up by
_SPACE = re.compile(r"\s+")
_ENOUGH = re.compile(r"[A-Za-z0-9]{3}|\w\W+\w")  # an answer found by chance is no evidence: "No", "10"


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
    """The document of the best BM25 passage (the question and the answer's first words as the query) that holds the
    answer, with the passages on either side of it: an answer may run across passages."""
    answer = turn.answer
    if not answer or not _ENOUGH.search(answer):
        return frozenset()
    wanted = re.compile(rf"(?<!\w){re.escape(_squeezed(answer))}(?!\w)")  # "10" is not in "2010"
    query = " ".join([turn.question, *answer.split()[:_QUERY_WORDS]])
    for hit in lexical_hits(snapshot, query, _LOOKED_UP):
        if wanted.search(_squeezed(_around(snapshot, hit.passage.passage_id))):
            return frozenset({hit.passage.doc_id})
    return frozenset()


def _around(snapshot: Snapshot, passage_id: int) -> str:
    """The document's text from the passage before to the passage after (those of the same document)."""
    passages = snapshot.corpus.passages
    passage = passages[passage_id]
    first = passages[passage_id - 1] if passage_id and passages[passage_id - 1].doc_id == passage.doc_id else passage
    following = passage_id + 1
    last = passages[following] if following < len(passages) and passages[following].doc_id == passage.doc_id \
        else passage
    return snapshot.corpus.documents[passage.doc_id].text[first.start:last.end]


def _squeezed(text: str) -> str:
    """Spaces and typography aside: an answer shown by the client matches the text it was quoted from."""
    return _SPACE.sub(" ", fold(text)).strip().lower()
