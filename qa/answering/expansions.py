""""What does X stand for?": bring in the passage that spells X out when retrieval missed it.

An acronym's expansion is often said once, in an introduction whose other words share little with
the question ("a library for Abstract Syntax Notation One (ASN.1) and ..."), while the acronym itself
fills the rest of the document. When none of the retrieved passages spells the acronym out, the
passages that hold it (BM25 on the acronym alone) are read in order and the first that spells it out
takes the place of the last hit, ranked first: it is the only place such a question can be answered.
"What is etckeeper?" is served alike by the passage whose sentence, among its document's first, defines
the term; a question about a document's own date or author by its opening or its authors' section.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.answering.authors import authors_section
from qa.answering.features import sentence_words
from qa.answering.naming import OPTION_NAME
from qa.answering.questions import defined_subject, document_asked_about
from qa.answering.spans import QuestionType, acronym_asked, candidate_spans
from qa.documents.reading import fold
from qa.retrieval.search import Hit, lexical_hits
from qa.storage.corpus import Corpus
from qa.storage.protocol import Snapshot

LOOKED_AT = 30  # passages holding the acronym read, best BM25 first
DEFINITIONS_LOOKED_AT = 100  # passages holding a term read for its definition: a document's name is in most of them
_OPENING_SENTENCES = 8  # a document's first sentences, in which a definition brought in is sought
_CONDITION = re.compile(r"\W*(?:if|when|whenever|unless|once|where)\b", re.I)


def with_expansion(snapshot: Snapshot, question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or for an acronym question none of whose hits spells it out, the passage that does first."""
    corpus = snapshot.corpus
    acronym = acronym_asked(question)  # only this, not the whole question type: most questions ask no acronym
    if not acronym or not hits:
        return hits
    wanted = QuestionType("acronym", acronym)
    if any(spells_out(corpus, hit, wanted) for hit in hits):
        return hits
    found = next((hit for hit in lexical_hits(snapshot, acronym, LOOKED_AT)
                  if spells_out(corpus, hit, wanted)), None)
    if found is None:
        return hits
    return [replace(found, score=hits[0].score), *hits[:-1]]


def with_definition(snapshot: Snapshot, question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or for a question that asks what a term is ("What is etckeeper?") none of whose hits defines it,
    the passage that does in a document's first sentences ("etckeeper is a collection of tools ...") in the place
    of the last hit, ranked first: a document says what its subject is once, at the top, while the name fills every
    later passage."""
    corpus = snapshot.corpus
    subject = defined_subject(question, corpus.speller.correct) if hits else ()
    if not subject or any(_defines(corpus, hit, subject) for hit in hits):
        return hits
    found = next((hit for hit in lexical_hits(snapshot, " ".join(subject), DEFINITIONS_LOOKED_AT)
                  if _defines(corpus, hit, subject, opening_only=True)), None)
    return hits if found is None else [replace(found, score=hits[0].score), *hits[:-1]]


def with_opening(snapshot: Snapshot, question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or for a question about a document named by its whole title (`document_asked_about`: "What version
    is the GCC Runtime Library Exception?"), with that document's opening passage in the place of the last hit
    when retrieval missed it, even when BM25 ranks it low too (the document's name fills every passage): a title
    block says the version, the date and the copyright holder."""
    corpus = snapshot.corpus
    named = document_asked_about(corpus, question) if hits else None
    opening = corpus.openings.get(named) if named else None
    if opening is None or any(hit.passage.passage_id == opening.passage_id for hit in hits):
        return hits
    found = next((hit for hit in lexical_hits(snapshot, question, LOOKED_AT)
                  if hit.passage.passage_id == opening.passage_id), Hit(opening, 0.0, None, None, None, None))
    return [*hits[:-1], replace(found, score=hits[-1].score)]  # ranked as the slot it takes


def with_authors(snapshot: Snapshot, question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or for a question about who wrote a document with an authors' section (`authors_section`: "Who wrote
    tree?" of a man page's AUTHOR section), with the passage of that section's first sentence after them, ranked as
    the last, when retrieval missed it (after, not in place of one: the last hit may be the opening `with_opening`
    brought in)."""
    corpus = snapshot.corpus
    section = authors_section(corpus, question) if hits else None
    if not section:
        return hits
    passage = corpus.passage_of(corpus.sentences[section.start])
    if any(hit.passage.passage_id == passage.passage_id for hit in hits):
        return hits
    found = next((hit for hit in lexical_hits(snapshot, question, LOOKED_AT)
                  if hit.passage.passage_id == passage.passage_id), Hit(passage, 0.0, None, None, None, None))
    return [*hits, replace(found, score=hits[-1].score)]


_TERM_LINES = 2  # lines of a passage in which an entry's term is sought (a heading may open it)


def with_entry(snapshot: Snapshot, question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or for a question that names one option ("What does ping's -i option do?") none of whose hits is
    that option's entry, the entry whose term line names it in the same case ("-i interval", not "-I interface";
    "-x, --one-file-system") after them, ranked as the last: a synopsis or an example that merely uses the option
    shares more words with the question than the entry that says what it does (`named_entry` then prefers it)."""
    named = set(OPTION_NAME.findall(question))
    if len(named) != 1 or not hits:
        return hits
    option = named.pop()
    if any(_entry_of(hit.passage.text, option) for hit in hits):
        return hits
    found = next((hit for hit in lexical_hits(snapshot, question, LOOKED_AT) if _entry_of(hit.passage.text, option)),
                 None)
    return hits if found is None else [*hits, replace(found, score=hits[-1].score)]


def _entry_of(text: str, option: str) -> bool:
    """Whether one of a passage's first lines is the term of an entry for `option`: the option, or names that start
    with it and its argument, separated by commas ("-i interval", "-x, --one-file-system")."""
    for line in text.splitlines()[:_TERM_LINES]:
        names = [part.split()[0] for part in line.strip().split(",") if part.strip()]
        if names and all(name.startswith("-") for name in names) and option in names:
            return True
    return False


def _defines(corpus: Corpus, hit: Hit, subject: tuple[str, ...], opening_only: bool = False) -> bool:
    """A sentence of the hit's passage defines `subject` ("X is a ...", "X means ..."); `opening_only`: one of its
    document's first sentences, not a condition ("If source is a directory, ..."), where a document says what its
    subject is ("bzip2 is a resource hog." further on says something else of it)."""
    passage = hit.passage
    first = corpus.openings[passage.doc_id].first_sentence
    for sentence in corpus.sentences[passage.first_sentence:passage.last_sentence + 1]:
        if sentence_words(corpus, sentence).defines != subject:
            continue
        if not opening_only or (sentence.sentence_id - first < _OPENING_SENTENCES
                                and not _CONDITION.match(corpus.sentence_text(sentence))):
            return True
    return False


def spells_out(corpus: Corpus, hit: Hit, wanted: QuestionType) -> bool:
    """A sentence of the hit's passage spells the asked acronym out."""
    passage = hit.passage
    return any(candidate_spans(fold(corpus.sentence_text(corpus.sentences[number])), wanted)
               for number in range(passage.first_sentence, passage.last_sentence + 1))
