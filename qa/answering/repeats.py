"""A follow-up that asks further is not answered again with what the conversation already said.

"why should only trusted users be put in it?" after "Allows users to add local modifications ..." matches
that sentence best, because the question is read with the earlier turn's words; the answer is where the
text goes on. So is a sentence an earlier answer of several words was quoted from, whatever else it says.
A name or a number may rightly be given again ("Who founded it?" after "Who runs it?" may both be "Ada Quist"),
unless the follow-up asks the earlier question at another time: "and historically?" after "How often does Python
put out a major release now?" wants another figure than "every 12 months".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.documents.words import terms
from qa.storage.corpus import Corpus

if TYPE_CHECKING:
    from qa.answering.answer import Candidate

SAID_SHARE = 0.8  # an answer is a repetition when this share of its content words was said in the conversation
QUOTED_WORDS = 5  # an earlier answer this long was quoted from a sentence: that sentence is no new answer
# The words that point at what was said ("a string like that"): no word the follow-up asks with.
_POINTING = re.compile(r"\blike\s+(?:that|this|these|those)\b", re.I)


def beyond_what_was_said(corpus: Corpus, best: Candidate, eligible: list[Candidate], said: tuple[str, ...],
                         asked: str, given: tuple[str, ...] = ()) -> Candidate | None:
    """`best`, unless it is a sentence that repeats what the conversation said (`said`: the turns' questions and
    answers) and does not speak to the words the follow-up asks with (`asked`: "which level is that equivalent
    to?" may be answered by the sentence just shown, if it says "equivalent to level 6"), or a name or a number
    the follow-up asks past (`given`: "every 12 months" for "and historically?"). Then the best sentence
    of its block that does not repeat takes its score, one after it first (the text goes on where the last answer
    stopped), else the best of its document that does not, on its own score (None: every candidate repeats)."""
    if not said and not given:
        return best
    already = {term for text in said for term in terms(text, humps=True)}
    own = set(terms(_POINTING.sub(" ", asked), humps=True))
    quoted, values = _sentences_said(said), {_squashed(text) for text in given}
    if not repeats(corpus, best, already, own, quoted, values):
        return best
    fresh = [c for c in eligible if not repeats(corpus, c, already, own, quoted, values)]
    block = [c for c in fresh if (c.sentence.doc_id, c.sentence.paragraph)
             == (best.sentence.doc_id, best.sentence.paragraph)]
    nearby = next((c for c in block if c.sentence.sentence_id > best.sentence.sentence_id), None) \
        or next(iter(block), None)
    if nearby is not None:
        return replace(nearby, score=best.score, logit=best.logit)
    return next((c for c in fresh if c.sentence.doc_id == best.sentence.doc_id), None)


def repeats(corpus: Corpus, candidate: Candidate, already: set[str], own: set[str],
            quoted: tuple[str, ...] = (), given: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether the candidate answers with a name or a number given before (`given`, squashed), or with a sentence
    that is mostly words the conversation said, or that an earlier answer of a few words was quoted from (`quoted`,
    squashed), and holds fewer than half of the words the follow-up asks with."""
    if candidate.span is not None:
        text = corpus.documents[candidate.support.doc_id].text[slice(*candidate.span)]
        return _squashed(text) in given
    sentence_terms = corpus.sentence_terms[candidate.support.sentence_id]
    if not sentence_terms:
        return False
    mostly_said = len(sentence_terms & already) >= SAID_SHARE * len(sentence_terms)
    if not mostly_said and not _quotes(corpus.sentence_text(candidate.support), quoted):
        return False
    return 2 * len(own & sentence_terms) < len(own)


def _quotes(sentence: str, quoted: tuple[str, ...]) -> bool:
    """Whether the sentence holds one of the earlier answers (a sentence, or a part of one the client showed)."""
    squashed = _squashed(sentence)
    return any(text in squashed for text in quoted)


def _squashed(text: str) -> str:
    return " ".join(text.lower().split())


def _sentences_said(said: tuple[str, ...]) -> tuple[str, ...]:
    """The answers of the conversation long enough to have been quoted from a sentence, squashed; a name or a number
    ("Ada Quist", "30 days") may be the answer of another sentence too, and a question was quoted from nothing."""
    return tuple(_squashed(text) for text in said
                 if len(text.split()) >= QUOTED_WORDS and not text.rstrip().endswith("?"))
