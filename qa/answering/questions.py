"""A question read once: what it asks for, its words and their weights, and whether it can be read alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np

from qa.answering.spans import KIND_OF, KIND_OF_THING, QuestionType, asked_noun, question_type, wants_a_span
from qa.documents.structure import NAME_DASHES
from qa.documents.words import STOPWORDS, terms, words
from qa.storage.corpus import Corpus

# Words that point back to something the question itself does not name.
REFERRING = frozenset("it its they them their theirs this that these those he him his she her there then "
                       "one ones such same former latter".split())
# Question words and fillers: with the referring words, all a referent-less question is made of.
FRAME = frozenset("what which who whom whose when where why how is are was were do does did can could should "
                   "would will shall may might must has have had be been being the a an of to in on at for by with "
                   "about from and or not no yes so please tell me us say said mean means stand stands lead leads "
                   "led run runs work works do done make made get got happen happened happens use used also "
                   "else more much many else".split())


# "According to the Git README, ..." names where to look, not what the answering sentence says; so does a
# closing "... under the Mozilla licence?" or "... in the Node.js policy?" when its words are a title's.
SOURCE_CLAUSE = re.compile(r"^\s*according to\s+[^,?]{2,80},\s*", re.I)
_CLOSING_SOURCE = re.compile(r"\s+(?:in|under|according to|per|from)\s+(?:the\s+)?([^,?]{2,60}?)\s*\?*\s*$", re.I)


@dataclass(frozen=True)
class Query:
    """Everything about the question that does not depend on the candidate, computed once."""

    text: str
    vector: np.ndarray | None
    wanted: QuestionType
    asked: dict[str, float]        # question stems (typos repaired) -> weight (rare words weigh more), the
                                   # source it names aside ("According to the Git README, ...")
    naming: dict[str, float]       # all the question's stems: what a title, heading or document name may match
    predicate: dict[str, float]    # the stems an answering sentence should say itself (names aside)
    span_terms: list[str]          # stems an answer span must not restate (the asked noun excluded)
    focus: frozenset[str]          # the noun a which/what question names ("which wildcards": wildcard)
    unknown: float                 # weighted share of question stems the corpus never uses
    referentless: bool             # "Who leads it?": nothing in the question says what "it" is
    span_only: bool                # only a span of the asked kind answers ("How many ...?", "Who wrote ...?")
    subject: tuple[str, ...] = ()  # what a "what is X?" / "what does X mean?" / "who is the X?" asks to define
    left_alone: bool = False       # it asks what holds when a setting is left alone ("If TTYPERM isn't set, ...?")

    @property
    def asks_default(self) -> bool:
        """It asks a default: by the word, or by asking what holds when a setting is left alone."""
        return "default" in self.asked or self.left_alone


# "What kind of program is htop?" asks what "What program is htop?" asks: "kind" is no word an answer says.
_KIND_OF = re.compile(r"\b(what|which)" + KIND_OF, re.I)


# A question about what holds when a setting is left alone asks its default: "If TTYPERM isn't set, what ...?",
# "When login.defs has no UMASK line, ...?", "If PASS_MAX_DAYS is left out, ...?", "... if I don't change anything?",
# "If I leave out the tries option, ...?", "If I omit --level, ...?"
_LEFT_ALONE = re.compile(
    r"\b(?:if|when|unless)\b[^?,;]{0,60}?(?:\b(?:is|are)\s+not|\b(?:isn|aren)['\u2019]t)\s+(?:set|specified|given|"
    r"configured|defined)\b|"
    r"\b(?:if|when)\b[^?,;]{0,60}?\b(?:is|are)\s+(?:unset|unspecified|omitted|left\s+(?:out|unset|empty))\b|"
    r"\b(?:if|when)\b[^?,;]{0,60}?\bha(?:s|ve)\s+no\s+(?:[\w-]+\s+){0,2}(?:line|entry|setting|value)s?\b|"
    r"\bif\s+I\s+(?:do\s+not|don['\u2019]t|never)\s+(?:set|change|configure|specify|pass|give|supply)\s+"
    r"(?:it|them|this|that|anything|-{1,2}\w[\w-]*)|"
    r"\bif\s+(?:I|you|we)\s+(?:leave\s+out|omit)\b|\bif\s+(?:I|you|we)\s+leave\s+(?:[\w-]+\s+){1,3}?(?:alone|out|unset)\b|"
    r"\bout\s+of\s+the\s+box\b|"
    r"\bunless\s+(?:I\s+)?(?:told|say|configured|set|specified|changed)\s+otherwise\b", re.I)

# ... unless it sets another to a value: "when USERGROUPS_ENAB is no and GROUP is not set" asks what that value does
_SET_TO_A_VALUE = re.compile(r"\b(?:is|are)\s+(?:set\s+to\s+)?(?:yes|no|true|false|on|off|enabled|disabled|\d+)\b|"
                             r"\bset\s+to\b", re.I)
# A question that asks how or why, or whether, asks no value: not a default ("How do I change the default editor?"), nor
# what holds when a setting is left alone ("If the token is not set, does the upload fail?")
ASKS_NO_VALUE = ("manner", "reason", "yesno")
_WHY_OR_HOW = re.compile(r"\bwhy\b|\bhow\s+(?:do|does|did|can|could|should|would|to)\b", re.I)  # after "when ...,"
_YES_NO_CLAUSE = re.compile(r",\s*(?:is|are|was|were|do|does|did|can|could|will|would|should|must|has|have)\b[^,]*$",
                            re.I)


def asks_what_holds_unset(question: str, wanted: QuestionType) -> bool:
    """Whether the question asks what holds when a setting is left alone ("If TTYPERM isn't set, what permissions
    does the terminal get?"): its default, whatever word the documents say it with."""
    return _LEFT_ALONE.search(question) is not None and not _SET_TO_A_VALUE.search(question) \
        and wanted.name not in ASKS_NO_VALUE and not _YES_NO_CLAUSE.search(question) \
        and not _WHY_OR_HOW.search(question)


def read_query(corpus: Corpus, question: str, vector: np.ndarray | None) -> Query:
    worded = _KIND_OF.sub(r"\1 ", question)
    naming = _question_terms(corpus, worded)
    about = _without_source(corpus, worded)
    asked = (_question_terms(corpus, about) or naming) if about != worded else naming
    noun = terms(asked_noun(worded) or "")
    wanted = question_type(question)
    return Query(question, vector, wanted, asked, naming, _predicate(corpus, asked, question),
                 [t for t in asked if t not in noun], frozenset(noun),
                 1.0 - coverage(naming, corpus.term_weights.keys()), referentless(question),
                 wants_a_span(question, wanted), defined_subject(question, corpus.speller.correct),
                 asks_what_holds_unset(question, wanted))


# "What is X?", "What are the X?", "What is meant by X?", "Who is the X?", "Define X"; "What does X mean (in ...)?";
# "Who counts as an X?", "What is considered a X?", "Who qualifies as X?", "What kind of program is X?"
_DEFINITION_QUESTION = re.compile(r"^\s*(?:(?:what|who)\s+(?:is|are)\s+(?:meant\s+by\s+|considered\s+(?:as\s+)?|"
                                  r"regarded\s+as\s+|deemed\s+)?|(?:what|who)\s+(?:counts?|qualif(?:y|ies))\s+as\s+|"
                                  r"define\s+|" + KIND_OF_THING + r"(?:is|are)\s+)"
                                  r"(?:an?\s+|the\s+)?(?P<subject>.+?)\W*$", re.I)
_MEANING_QUESTION = re.compile(r"^\s*what\s+does\s+(?:an?\s+|the\s+)?(?P<subject>.+?)\s+mean\b", re.I)
_SOURCE_TAIL = re.compile(r"\s+(?:in|under|of|according to|per|from)\s+(?:the|this|that|our|your)\s+.*$", re.I)


_WHAT_MAKES_ONE = re.compile(r"^\s*(?:what|who)\s+(?:(?:is|are)\s+(?:considered|regarded|deemed)|counts?\s+as|"
                             r"qualif(?:y|ies)\s+as)\b", re.I)


def asks_what_makes_one(question: str) -> bool:
    """"Who counts as an Author?", "Who qualifies as a contributor?": what makes one, not who holds the role."""
    return _WHAT_MAKES_ONE.match(question) is not None


def defined_subject(question: str, correct: Callable[[str], str] | None = None) -> tuple[str, ...]:
    """What a question asks to have defined ("What does \"Share\" mean in this licence?": share; "Who is the
    Licensor?": licensor; "What is libxcrypt?": libxcrypt), the place it names to look aside, as `term_key`
    reads it, each word first repaired by `correct` if given ("Standrad Version"); () for any other question."""
    found = _DEFINITION_QUESTION.match(question) or _MEANING_QUESTION.match(question)
    if not found:
        return ()
    subject = _SOURCE_TAIL.sub("", found.group("subject"))
    if correct is not None:
        subject = " ".join(correct(word) for word in words(subject))
    key = term_key(subject)
    return key if 0 < len(key) <= 5 else ()


def term_key(text: str) -> tuple[str, ...]:
    """A term as definitions are matched: its stems, or its words when all are stop words ("You")."""
    return tuple(terms(text)) or tuple(words(text))


def _without_source(corpus: Corpus, question: str) -> str:
    """The question without the clause that names the document to look in."""
    about = SOURCE_CLAUSE.sub("", question, count=1)
    closing = _CLOSING_SOURCE.search(about)
    return about[:closing.start()] if closing and names_a_document(corpus, closing.group(1)) else about


def names_a_document(corpus: Corpus, phrase: str) -> bool:
    """Whether every word of `phrase` is in one document's title or file name, one of them telling it apart."""
    named = set(terms(phrase))
    return bool(named) and any(named <= title | corpus.source_terms[doc_id] and named & corpus.naming_terms[doc_id]
                               for doc_id, title in corpus.title_terms.items())


_ABOUT_A_DOCUMENT = ("version", "date", "who")  # what a document's opening lines say of it
# Who a document's opening names: its author, copyright holder, publisher or maintainer (not "who decides ...?").
_AUTHORSHIP = frozenset(terms("wrote written writes author authored copyright published publishes maintains "
                              "maintainer created creator edited editor issued"))
_WHAT_IS_ASKED = frozenset(terms("version release date"))  # in a title and a question, yet they name nothing
_OTHER_WORDS = 2  # at most this many of the question's words besides the title's: it asks about the document


def document_asked_about(corpus: Corpus, question: str) -> str | None:
    """The document whose version, date or author (`_AUTHORSHIP`) a question asks, naming it by its whole title
    ("What version is the GCC Runtime Library Exception?", "Who holds the copyright of ...?") or by its initials in
    capitals ("When was LPPL 1.3c released?"); None for any other question."""
    kind = question_type(question).name
    asked = set(terms(question))
    if kind not in _ABOUT_A_DOCUMENT or (kind == "who" and not asked & _AUTHORSHIP):
        return None
    initials = {word.lower() for word in re.findall(r"\b[A-Z]{3,6}\b", question)}
    named: dict[str, int] = {}  # each document the question names, with how many of its words name it
    for doc_id, title in corpus.plain_title_terms.items():
        by_initials = initials & corpus.title_initials[doc_id]
        if (len(title) >= 2 and title <= asked) or by_initials:
            other = {term for term in asked - title - by_initials if len(term) > 1}  # "1.3c": 1.3 and c, one word
            if len(other) <= _OTHER_WORDS and _its_own_version(corpus, doc_id, question):
                named[doc_id] = len(((asked & title) - _WHAT_IS_ASKED) | by_initials)
    most = sorted(named, key=named.__getitem__, reverse=True)  # "the OFL FAQ" names the FAQ, and the OFL less well
    return most[0] if len(most) == 1 or (most and named[most[0]] > named[most[1]]) else None


# A title may name the kind of thing its document documents before the thing ("Class: Pool").
_KIND_OF_TITLE = re.compile(r"\s*(?:class|module|interface|namespace|package)\s*:\s*", re.I)
# ... or a name, a dash between blanks and what it is ("gzip, gunzip, zcat - compress or expand files").
_DESCRIBED_TITLE = re.compile(rf"\s*(?P<name>[^\s{NAME_DASHES}][^{NAME_DASHES}]{{0,60}}?)\s+[{NAME_DASHES}]\s+\S")


# "What does tree do?" asks what the program a man page or a README is about does, which its opening says.
_WHAT_IT_DOES = re.compile(r"^\s*what\s+does\s+(?:an?\s+|the\s+)?(?P<subject>.+?)\s+do\W*$", re.I)


def document_defined(corpus: Corpus, query: Query) -> str | None:
    """The document a definition question asks about by its whole title, and nothing more ("What is Commander.js?"
    of the README titled "Commander.js", "What is a Pool?" of the page titled "Class: Pool", "What does tree do?" of
    the man page named "tree - list contents of directories ..."): its opening says what it is; None for any other
    question, and for a who-question or one a typed span answers."""
    does = _WHAT_IT_DOES.match(query.text)
    subject = set(query.subject) or (set(term_key(does.group("subject"))) if does else set())
    if not subject or query.span_only or query.wanted.typed:
        return None
    named = [doc_id for doc_id, document in corpus.documents.items()
             if subject in _title_names(corpus, doc_id, document.title)]
    return named[0] if len(named) == 1 else None


def _title_names(corpus: Corpus, doc_id: str, title: str) -> list[frozenset[str]]:
    """The stems of what a title names: past a leading kind ("Class: Pool": pool), before the description a dash
    sets apart, each of several names ("gzip, gunzip, zcat - compress or expand files", a man page's NAME line:
    gzip, gunzip, zcat)."""
    kind = _KIND_OF_TITLE.match(title)
    if kind:
        return [frozenset(terms(title[kind.end():]))]
    described = _DESCRIBED_TITLE.match(title)
    if described is None:
        return [corpus.plain_title_terms[doc_id]]
    return [frozenset(terms(name)) for name in described.group("name").split(",")]


def _its_own_version(corpus: Corpus, doc_id: str, question: str) -> bool:
    """Whether every version the question names is in the document's opening ("When was LPPL 1.3c released?"): one
    that is not there is a release the document tells of ("When was Pump Kit 2.0 released?"), not the document."""
    opening = corpus.openings.get(doc_id)
    versions = re.findall(r"(?<![\w.])v?\d+(?:\.\d+)+[a-z]?(?![\w.])", question)
    return opening is not None and all(version in opening.text for version in versions)


_FRAME_TERMS = frozenset(terms(" ".join(FRAME)))


def asks_only_the_term(corpus: Corpus, query: Query, doc_id: str) -> bool:
    """Whether a definition question asks no more than what its term is, besides a closing clause that says where to
    look and the words naming the document ('What does "Share" mean in the Creative Commons licence?'); "What is
    the port of the tide server?" asks about one port, not whatever the document calls a port."""
    closing = _CLOSING_SOURCE.search(query.text)
    bare = query.text[:closing.start()] if closing else query.text
    naming = corpus.title_terms[doc_id] | corpus.source_terms[doc_id]
    asked = terms(" ".join(corpus.speller.repaired(bare)))  # typos repaired, as the subject's
    return not set(asked) - _FRAME_TERMS - set(query.subject) - naming


def referentless(question: str) -> bool:
    """True when the question refers back (it, they, this, there...) and names nothing else to look for."""
    tokens = re.findall(r"[a-z]+", question.lower().replace("\u2019", "'"))
    referring = [t for t in tokens if t in REFERRING]
    content = [t for t in tokens if t not in REFERRING and t not in FRAME and t not in STOPWORDS]
    return bool(referring) and not content and not re.search(r"[A-Z]{2,}|\d", question)


def _question_terms(corpus: Corpus, question: str) -> dict[str, float]:
    """Question stems (typos repaired) with their weights; unknown words weigh the most."""
    repaired = " ".join(corpus.speller.repaired(question))
    weights = corpus.term_weights
    return {term: weights.get(term, corpus.rarest_weight) for term in dict.fromkeys(terms(repaired))}


def _predicate(corpus: Corpus, asked: dict[str, float], question: str) -> dict[str, float]:
    """The question's terms minus the names it is about: what the answer sentence must say itself.

    Names ("Operation Sentinel", "JTFA") are often only in the heading of a paragraph, while the
    sentence that answers carries the predicate ("leads"); a term is a name when the corpus
    mostly writes it capitalised mid-sentence.
    """
    written_as_names = {t for word in re.findall(r"(?<=\w )[A-Z][\w'-]*", question) for t in terms(word)}
    predicate = {t: w for t, w in asked.items() if t not in corpus.name_terms and t not in written_as_names}
    return predicate or asked


def coverage(asked: dict[str, float], present: Collection[str]) -> float:
    """Weighted share of the asked terms found in `present` (any collection of stems), summed in the question's
    order: a set's order changes with each process's string hashing, and so would the last bit of the sum (two
    replicas gave 1.0 and 1.0000000000000002 for the same question)."""
    total = sum(asked.values())
    if not total:
        return 0.0
    return sum(weight for term, weight in asked.items() if term in present) / total
