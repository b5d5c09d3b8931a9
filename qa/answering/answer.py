"""Pick the sentence that answers a question, tighten it to a span of the asked kind, or abstain.

Every sentence of the retrieved passages (and its neighbours in the same block) is a candidate;
the answer model (`qa.answering.model`) turns its features into a logit, and the best candidate's
calibrated probability is the answer's score. The passages are re-ranked by the best candidate
each holds, so the passage that answers comes first. A question that only points back ("Who leads
it?") is not guessed at, and neither is one whose best answer scores below the threshold.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from qa.answering.authors import by_the_authors, said_by_whom
from qa.answering.documents import document_name, names_a_document
from qa.answering.features import (
    STATES_A_DEFAULT,
    Span,
    answer_unit,
    candidate_sentences,
    completed_by,
    evidence,
    features,
    follower,
    introduces,
    points_elsewhere,
    taken_in,
    through_the_command_shown,
    through_the_list,
)
from qa.answering.model import AnswerModel, default_model
from qa.answering.naming import (
    named_entry,
    named_section,
    names_term,
    the_value_asked,
    the_value_named,
    what_the_entry_says,
)
from qa.answering.questions import (
    ASKS_NO_VALUE,
    Query,
    asks_only_the_term,
    asks_what_makes_one,
    document_asked_about,
    document_defined,
    read_query,
)
from qa.answering.releases import date_of_the_release, release_of_the_note, version_note_of_its_entry
from qa.answering.repeats import beyond_what_was_said
from qa.answering.sections import (
    NAMES_A_DEFAULT,
    asks_for_a_term,
    entry_name,
    entry_of,
    entry_opening,
    from_html,
    grouped_names,
    heading_above,
    is_label,
    is_program_text,
    is_prose,
    is_term_entry,
    label_above,
    section_of,
    with_naming_heading,
    with_naming_term,
)
from qa.answering.spans import in_the_dimension_asked
from qa.answering.tables import named_cell
from qa.documents.chunking import Sentence
from qa.documents.reading import HTML, MARKDOWN
from qa.documents.words import terms, unbroken
from qa.retrieval.search import Hit
from qa.storage.corpus import Corpus


@dataclass(frozen=True)
class Candidate:
    """A sentence considered as an answer, with the evidence behind its score."""

    sentence: Sentence
    logit: float
    score: float  # the calibrated probability that this answer is right
    features: dict[str, float]
    span: Span | None
    support: Sentence  # the sentence holding the span: this one, or the next in its block
    points_elsewhere: bool = False  # the support only sends the reader elsewhere ("See ... in git-stash(1).")
    program_text: bool = False  # the support is marked up as code: a command, a program, a session and its output


@dataclass(frozen=True)
class Extraction:
    """The chosen answer (a span inside its supporting sentence) or an abstention; the passages re-ranked by
    the candidates they hold."""

    span: Span | None
    sentence: Sentence | None
    score: float
    candidates: list[Candidate] = field(default_factory=list)
    passages: list[Hit] = field(default_factory=list)


def extract_answer(corpus: Corpus, question: str, query_vector: np.ndarray | None, hits: list[Hit],
                   threshold: float | None = None, model: AnswerModel | None = None,
                   said: tuple[str, ...] = (), asked: str = "", given: tuple[str, ...] = (),
                   which_document: bool = False) -> Extraction:
    """The best-supported span for `question` among the hits' sentences, or an abstention. For a follow-up,
    `question` is how it was read, `asked` how it was written and `said` what the conversation said before (its
    questions and answers): an answer that only repeats that, and not about the words asked, is not given again,
    nor a name or a number the follow-up asks past (`given`: the earlier answer, for "and historically?").
    `which_document`: `question` is what a document is asked to say; the answer is that document's name."""
    model = model or default_model()
    query = read_query(corpus, question, query_vector)
    candidates = score_candidates(corpus, query, hits, model)
    passages = rerank(hits, candidates)
    threshold = model.threshold if threshold is None else threshold
    if query.referentless:
        return Extraction(None, None, 0.0, candidates, passages)  # nothing to resolve "it" against
    dated = None if which_document else date_of_the_release(corpus, candidates, query)
    if dated is not None:  # its heading dates the release asked: no sentence below says more
        dated = _scored_with_its_span(dated, model)
        if dated.score < threshold:
            return Extraction(None, None, dated.score, candidates, passages)
        return Extraction(dated.span, dated.support, dated.score, candidates, passages)
    eligible = [c for c in candidates if may_answer(c, query)]
    noted = release_of_the_note(corpus, candidates, eligible, query) \
        or version_note_of_its_entry(corpus, candidates, eligible, query)
    best = (_scored_with_its_span(noted, model) if noted else None) \
        or _default_in_the_entry(corpus, candidates, eligible, query) or (eligible[0] if eligible else None)
    if best is None:
        return Extraction(None, None, 0.0, candidates, passages)
    stating = _entry_stating_it(corpus, _value_stated_as_default(corpus, best, eligible, query), eligible, query)
    defined = _defining_neighbour(corpus, stating, eligible, query)
    best = what_the_entry_says(corpus, named_entry(corpus, defined, eligible, query), eligible, query)
    best = the_value_named(corpus, the_value_asked(corpus, best, eligible, query), eligible, query)
    best = the_count_asked(corpus, best, eligible, query)
    best = the_dimension_asked(corpus, best, eligible, query)
    best = named_cell(corpus, named_section(corpus, best, eligible, query), eligible, query)
    best = by_the_authors(corpus, _from_the_opening(corpus, best, eligible, query), eligible, query.text)
    best = said_by_whom(corpus, beyond_what_was_said(corpus, best, eligible, said, asked, given), query.text)
    if best is None or _default_left_unsaid(corpus, best, candidates, query):
        return Extraction(None, None, 0.0, candidates, passages)
    if best.score < threshold:
        return Extraction(None, None, best.score, candidates, passages)
    which_document = which_document and not names_a_document(corpus.sentence_text(best.support))
    named = document_name(corpus, best.support.doc_id) if which_document else None
    if named is not None:
        return Extraction(named, best.support, best.score, candidates, passages)
    if best.span is not None:
        return Extraction(best.span, best.support, best.score, candidates, passages)
    best = _in_section(corpus, best, eligible)
    sentence = _with_the_name_before(corpus, _with_its_cause(
        corpus, _with_continuation(corpus, best, candidates, model.extend_margin, query), query), query)
    sentence = _the_labelled_line(corpus, _the_item_named(corpus, _with_its_first_step(corpus, sentence, query),
                                                          query), query)
    wants_the_term = asks_for_a_term(query.focus) or query.wanted.name == "manner"
    wants_the_label = wants_the_term or asks_for_a_term(query.focus, query.text)
    sentence = with_naming_heading(corpus, with_naming_term(corpus, _through_the_default(corpus, sentence, query),
                                                            wants_the_term, wants_the_label), query.focus)
    return Extraction((sentence.start, sentence.end), sentence, best.score, candidates, passages)


_COUNTED_REACH = 60  # characters after a bare number in which what it counts is read
# "how many enforcement actions have ...?": the words after "how many" up to a verb, a preposition or the end
_HOW_MANY = re.compile(r"\bhow\s+many\s+((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)"
                       r"(?=\s+(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|may|might|must|"
                       r"in|of|for|on|at|by|from|to|with|per|since|during|get|got|against|among|over|into|across|"
                       r"under|after|before|within|without)\b|\s*[?.]|\s*$)", re.I)


def the_count_asked(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For "how many X ...?" answered by a number of something else the question names ("nearly 2,000 smugglers"
    for "how many enforcement actions have been taken against the smugglers?"), the best candidate of its document
    whose number counts X ("30,000 law enforcement actions"), with the best's score; `best` when its number counts
    X, counts something the question does not name (a synonym, maybe: "personnel" for "people"), or no candidate of
    its document counts X."""
    asked = _HOW_MANY.search(query.text)
    counted = _counted(corpus, best)
    head = terms(asked.group(1).split()[-1]) if asked else []
    if len(head) != 1 or counted is None or head[0] in counted or not counted & set(terms(query.text)):
        return best  # a number of what the question names otherwise ("... against the smugglers") is no count of X
    found = next((c for c in eligible if c.support.doc_id == best.support.doc_id
                  and head[0] in (_counted(corpus, c) or ())), None)  # the same document's count, not another's
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


def the_dimension_asked(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a size, duration, frequency, port or percentage question answered by a span measured otherwise ("Default
    is 30 seconds" for "How often does autossh test the connection by default?"), the best candidate of its document
    whose span is measured in the dimension asked ("(by default every 10 minutes)"), with the best's score; `best`
    when its span is, or no candidate of its document has one that is."""
    text = corpus.documents[best.support.doc_id].text
    if best.span is None or in_the_dimension_asked(query.text, text[best.span[0]:best.span[1]]) is not False:
        return best
    found = next((c for c in eligible if c.support.doc_id == best.support.doc_id and c.span is not None
                  and in_the_dimension_asked(query.text, text[c.span[0]:c.span[1]])), None)
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


def _counted(corpus: Corpus, candidate: Candidate) -> set[str] | None:
    """The stems of what a candidate's number counts: its span's last word ("smugglers" of "nearly 2,000
    smugglers"), else the words right after it ("law enforcement actions" after "30,000"); None when its span holds
    no number or nothing follows it."""
    if candidate.span is None:
        return None
    text = corpus.documents[candidate.support.doc_id].text
    start, end = candidate.span
    if not re.search(r"\d", text[start:end]):
        return None
    last = re.search(r"([A-Za-z][A-Za-z-]*)\W*$", text[start:end])
    after = re.match(r"[ \t]+((?:[A-Za-z][\w-]*[ \t]+){0,2}[A-Za-z][\w-]*)", text[end:end + _COUNTED_REACH])
    words = last.group(1) if last else after.group(1) if after else ""
    return set(terms(words)) or None


def _defining_neighbour(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a question asking what a term is or means (answered by a sentence, not a name or a number), the sentence
    of the best candidate's block that defines it, with the best candidate's score: in a list of definitions the
    best match is often the next term's entry ('A "contributor" is ...' for "What is a contribution?", where 'A
    "contribution" is ...' comes first). When the question asks no more than the term, the definition is sought in
    the whole document: a sentence that uses the term ("libxcrypt is currently maintained by ...") may match better
    than the one that says what it is ("libxcrypt is a modern library ...")."""
    if not query.subject or best.features.get("defines_subject", 0.0) > 0:
        return best
    if query.wanted.typed or best.span is not None:
        return _defined_role(best, eligible, query)
    doc_id, paragraph = best.sentence.doc_id, best.sentence.paragraph
    anywhere = asks_only_the_term(corpus, query, doc_id)
    return _defining(best, eligible, lambda c: c.sentence.doc_id == doc_id
                     and (anywhere or c.sentence.paragraph == paragraph))


_ROLE_DEFINITION_REACH = 3  # passages from the top in which a definition of the role asked about is sought


def _defined_role(best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For "Who counts as an Author?" (or qualifies as, or is considered one), the sentence of a top passage that
    defines the role ('"Author" refers to any designer, engineer ...'), with the best candidate's score, over a name
    the best offers ("SIL"): the document says who by defining the term. "Who is the maintainer?" wants a name."""
    if query.wanted.name != "who" or not asks_what_makes_one(query.text):
        return best
    return _defining(best, eligible, lambda c: c.features["retrieval"] >= 1 / _ROLE_DEFINITION_REACH)


def _defining(best: Candidate, eligible: list[Candidate], where: Callable[[Candidate], bool]) -> Candidate:
    """The first eligible candidate `where` allows that defines what the question asks about, with the best
    candidate's score; `best` when there is none."""
    found = next((c for c in eligible if c.features.get("defines_subject", 0.0) > 0 and where(c)), None)
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


# A line that gives one field of what a page documents, a value in code, a number or a version after its name
# ("Extends: `events.EventEmitter`", "> Stability: 2 - Stable", "Added in: v10.0.0"): it does not say what the
# thing is ("Undici: an HTTP/1.1 client ..." does).
_FIELD_LINE = re.compile(r"\W*[A-Z][A-Za-z ]{0,20}:\s*(?:[`{<\d]|v\d)")
_FIRST_SAYING_REACH = 8  # sentences from a document's start in which its first saying one is sought


def _from_the_opening(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a question about a document named by its whole title, an answer from its opening, with the best
    candidate's score: for its version, date or author the first span of the asked kind in its opening passage
    ("Version 3.1, 31 March 2009" under "GCC RUNTIME LIBRARY EXCEPTION", not the "version 3" of the GPL it
    mentions further on, nor the year of the copyright line after it); for what it is ("What is Commander.js?"),
    its first sentence of prose ("The complete solution for node.js command-line interfaces."), past headings and
    lines that give a field ("Extends: `undici.Dispatcher`"), unless the best says what it is already."""
    about = document_asked_about(corpus, query.text)
    if about is not None:
        return _span_in_opening(corpus, best, eligible, about)
    if best.features.get("defines_subject", 0.0) > 0:
        return best
    return _said_first(corpus, best, eligible, _first_saying(corpus, document_defined(corpus, query)))


def _span_in_opening(corpus: Corpus, best: Candidate, eligible: list[Candidate], doc_id: str) -> Candidate:
    """The first candidate with a span in the document's opening passage (the title block's order: version line
    first), with the best candidate's score; `best` when there is none."""
    opening = corpus.openings.get(doc_id)
    held = range(opening.first_sentence, opening.last_sentence + 1) if opening else range(0)
    inside = min((c for c in eligible if c.span is not None and c.support.sentence_id in held),
                 key=lambda c: c.support.sentence_id, default=None)
    if inside is None or best.support == inside.support:
        return best
    return replace(inside, score=best.score, logit=best.logit)


def _said_first(corpus: Corpus, best: Candidate, eligible: list[Candidate], first: Sentence | None) -> Candidate:
    """`first` as the answer with the best candidate's score, even when retrieval missed its passage; its own logit
    when it is a candidate, else none to extend it by."""
    if first is None or best.support == first:
        return best
    own = next((c.logit for c in eligible if c.support == first), math.inf)
    return replace(best, sentence=first, support=first, span=None, logit=own)


def _first_saying(corpus: Corpus, doc_id: str | None) -> Sentence | None:
    """A document's first sentence of prose (no heading, list item, table row or code) that gives no field."""
    opening = corpus.openings.get(doc_id) if doc_id else None
    if opening is None:
        return None
    for sentence in itertools.islice(corpus.sentences, opening.first_sentence,
                                     opening.first_sentence + _FIRST_SAYING_REACH):
        if sentence.doc_id != doc_id:
            return None
        if not sentence.heading and is_prose(corpus, sentence) \
                and not _FIELD_LINE.match(corpus.sentence_text(sentence)):
            return sentence
    return None


def _in_section(corpus: Corpus, best: Candidate, eligible: list[Candidate]) -> Candidate:
    """For a heading that matches the question best and heads program text (an API entry's signature), the best
    candidate of its section ("Function: xsltSecurityAllow" for "What does xsltSecurityAllow return?": its
    "Returns: 1 always"), with the heading's score; else (or when none of its section is eligible) the sentence
    it heads."""
    if not best.sentence.heading or not is_program_text(corpus, best.support):
        return best
    section = section_of(corpus, best.sentence)
    inside = next((c for c in eligible if c.sentence.sentence_id in section and c.span is None), None)
    return replace(best, support=inside.support) if inside is not None else best


def _with_continuation(corpus: Corpus, best: Candidate, candidates: list[Candidate], margin: float,
                       query: Query) -> Sentence:
    """The answering sentence (for a heading, the sentence it heads), extended over the next one of its block when
    that one scores nearly as well (what follows a sentence that matches the question often completes its answer),
    and always when it completes it (`completed_by`), candidate or not; one that introduces a list takes in all its
    items (`through_the_list`). The answer model's fit (`qa.evaluation.fit.decisions`) extends alike, by the first
    item only."""
    answering = best.support
    after = follower(corpus, answering)
    if after is None:
        return answering
    following = next((c for c in candidates if c.sentence == after), None)
    takes_in = completed_by(corpus, answering, after, query) \
        or (following is not None and following.logit >= best.logit - margin)  # "... must:" then the list
    if not takes_in:
        return answering
    last = taken_in(corpus, after)
    last = through_the_list(corpus, last) if introduces(corpus, answering) else last
    return replace(answering, end=through_the_command_shown(corpus, answering, last, query).end)


# A list item that opens with a one-word label and a colon: "- *2*: ABI compatible upgrade pending", "* `lock`: ..."
# (not a step, "1. Stop the service: ...", a time, "* 12:00", or an address, "- https://...").
_LABELLED_VALUES = 3  # labelled items that make a list of values
_ITEM_LABEL = re.compile(r"\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+[*_`]*([^\s*_`:]{1,30})[*_`]*\s*:(?=\s)")


def _the_item_named(corpus: Corpus, answer: Sentence, query: Query) -> Sentence:
    """For an answer that takes in a list of values, each item labelled ("... has the following meaning:", then "- *0*:
    unknown ...", "- *1*: ...", "- *2*: ABI compatible upgrade pending"), the one item whose label the question names
    ("What does a kernel status of 2 mean?"); not in an entry that gives a field or two that way ("* `--with-proc`:"
    over "- default: */proc*": the entry's name belongs to the answer)."""
    held = itertools.takewhile(lambda s: s.doc_id == answer.doc_id and s.end <= answer.end,
                               corpus.sentences[answer.sentence_id + 1:])
    labelled = [(s, set(terms(label.group(1)))) for s in held
                if (label := _ITEM_LABEL.match(corpus.sentence_text(s)))]
    named = [s for s, said in labelled if said and said <= query.asked.keys()]
    return named[0] if len(named) == 1 and len(labelled) >= _LABELLED_VALUES else _the_item_asked(corpus, answer, query)


_ALIKE_ITEMS = 3  # items at least (sentences after the answer's first) among which the one asked is sought


def _the_item_asked(corpus: Corpus, answer: Sentence, query: Query) -> Sentence:
    """For an answer that takes in a list whose items say alike what the question asks, each of its own thing ("...
    have an additional suffix:" over "The suffix for an alpha version is “aN” ...", "... for a beta version ...",
    "... for a release candidate version is “rcN” ..."), the one item that also holds words of the question no other
    item holds ("What suffix do release candidate versions have?"); the answer when the items share none of the
    question's words, or more than one item or none holds words of its own."""
    held = list(itertools.takewhile(lambda s: s.doc_id == answer.doc_id and s.end <= answer.end,
                                    corpus.sentences[answer.sentence_id + 1:]))
    asked = [set(terms(corpus.sentence_text(s))) & query.asked.keys() for s in held]
    if len(held) < _ALIKE_ITEMS or not set.intersection(*asked):
        return answer
    own = [i for i, words in enumerate(asked) if words - set().union(*asked[:i], *asked[i + 1:])]
    return held[own[0]] if len(own) == 1 else answer


_LINE_LABEL = re.compile(r"\s*([A-Z][a-z]+(?:[ -][a-z]+){0,2})\s*:[ \t]+\S")  # "Examples: wine, dosemu, qemu"
_LABELLED_LINE_REACH = 3  # sentences after the answer, in its section, in which a labelled line is sought


def _the_labelled_line(corpus: Corpus, answer: Sentence, query: Query) -> Sentence:
    """The line a few sentences after the answer, under the same heading, whose label is what the question asks and
    the answer does not say ("Examples: wine, dosemu, qemu" under "Software that allows you to run non-native
    software ..." for "What examples are given for Applications/Emulators?", "Returns: Promise" for "What does
    fetch() return?"); the answer when none is."""
    said = set(terms(corpus.sentence_text(answer)))
    for after in corpus.sentences[answer.sentence_id + 1:answer.sentence_id + 1 + _LABELLED_LINE_REACH]:
        if after.doc_id != answer.doc_id or after.heading:
            break
        label = _LINE_LABEL.match(corpus.sentence_text(after))
        named = set(terms(label.group(1))) if label else set()
        if named and named <= query.asked.keys() and not named & said:
            return after
    return answer


# A sentence that opens by saying it follows from the one before: "As a result, some printers can balk at ..."
_CONSEQUENCE = re.compile(r"\s*(?:as a (?:result|consequence)|consequently|therefore|thus|hence|for this reason|"
                          r"so(?!\s+(?:far|that|long|much|many|called|to\s+speak)\b)(?=[\s,])|"
                          r"because of this|this is why|that is why|"
                          r"(?:this|that)\s+(?:(?:in turn|then|also|often|usually)\s+)?"
                          r"(?:leads?\s+to|led\s+to|results?\s+in|resulted\s+in|causes|caused|triggers|triggered|"
                          r"(?:can|may|will|could|might)\s+(?:lead\s+to|result\s+in|cause|trigger))\b)", re.I)


# A sentence whose subject is what the sentence before said: "This is the origin of ...", "That was why ...".
_SUBJECT_BEFORE = re.compile(r"\s*(?:this|that)\s+(?:is|was)\s+(?:the\s+(?:origin|reason|cause|source)|why|how)\b",
                             re.I)
_EXAMPLE = re.compile(r"\s*(?:for\s+(?:example|instance)|e\.\s?g\.)\W", re.I)  # an example of the rule before
# A sentence about what the one before names: "Its main use is ...", "It is used to ...", "This option ...".
_ABOUT_THE_ONE_BEFORE = re.compile(r"\s*(?:its|it|they|their|this|these)\b", re.I)
# ... of which a sentence whose subject is "it" or "they" answers a which-question of any kind: "It will display the
# relevant NEWS.Debian sections before upgrades." after "Installing the apt-listchanges package is recommended."
_IT_DOES = re.compile(r"\s*(?:it|they)(?:['\u2019](?:s|re))?\s+[a-z]", re.I)  # "It's also the fastest ..."
# ... but not a sentence whose "it" fills the subject's slot ("It is also possible to ...") or whose "this" names
# its own subject ("This section describes ...", "These options ...": what follows).
_ABOUT_NOTHING_BEFORE = re.compile(r"\s*(?:it(?:'s|\s+is|\s+was)\s+(?:also\s+)?(?:possible|recommended|advisable|"
                                   r"necessary|important|best|better|easy|a\s+good\s+idea)\b|"
                                   r"(?:this|these)\s+(?:[a-z-]+\s+)?(?:sections?|documents?|chapters?|pages?|"
                                   r"examples?|options|settings|commands|keywords)\b)", re.I)


def _with_its_cause(corpus: Corpus, answer: Sentence, query: Query) -> Sentence:
    """For a why-question answered by a sentence that says it follows from the one before ("As a result, some
    printers can balk at PDFs ...", "This leads to problems if ..."), and for any question answered by a sentence
    whose subject is the one before ("This is the origin of many Python features, ...") or that gives an example of
    it in its paragraph ('For example, "a/**/b" matches ...'), the answer taken back over that sentence, which gives
    the reason ("Gentium is a large font, with lots of glyphs."), what "this" is or the rule, in its paragraph or,
    when the answer opens one, at the end of the paragraph before (no heading between)."""
    text = corpus.sentence_text(answer)
    example = _EXAMPLE.match(text) is not None
    if not (query.wanted.name == "reason" and _CONSEQUENCE.match(text)) and not _SUBJECT_BEFORE.match(text) \
            and not example:
        return answer
    before = corpus.sentences[answer.sentence_id - 1] if answer.sentence_id > 0 else None
    if before is None or before.doc_id != answer.doc_id or before.heading \
            or (example and before.paragraph != answer.paragraph):  # an example opening a paragraph stands alone
        return answer
    return replace(answer, start=before.start)


def _with_the_name_before(corpus: Corpus, answer: Sentence, query: Query) -> Sentence:
    """For a which-question asking for a name or a command ("Which keyword stops ifdown -a from taking an interface
    down?") answered by a sentence about what the one before it names ("Its main use is to prevent an interface from
    being brought down ..." after 'Lines beginning with "no-auto-down" are used to ...'; "This will add ... to your
    search path." after the command it follows), a which-question of any kind answered by a sentence whose subject
    is "it" or "they" ("It will display the relevant NEWS.Debian sections ..." for "Which package shows ...?"), or
    one answered by a sentence that points back at the kind it asks for ("Use one of those shells ..." for "Which
    shells ...?"), the answer taken back over that sentence, in its paragraph, or over the program text right before
    it: the name is there."""
    command = _WHICH_COMMAND.match(query.text) is not None
    text = corpus.sentence_text(answer)
    names_the_one_before = (command or asks_for_a_term(query.focus, query.text)
                            or (bool(query.focus) and _IT_DOES.match(text) is not None)) \
        and _ABOUT_THE_ONE_BEFORE.match(text) is not None and not _ABOUT_NOTHING_BEFORE.match(text)
    if not names_the_one_before and not _points_back_at(text, query.focus):
        return answer
    before = corpus.sentences[answer.sentence_id - 1] if answer.sentence_id > 0 else None
    if before is None or before.doc_id != answer.doc_id or before.heading:
        return answer
    if before.paragraph != answer.paragraph and not (command and _one_command(corpus, before)):
        return answer
    return replace(answer, start=before.start)


# Words that point back at things the sentence before named: "Use one of those shells as your default shell" after
# "Only bash, tcsh and zsh can be used as subshell."
_POINTING_BACK = re.compile(r"\b(?:those|these|such|either|both)\s+([a-z][\w-]*)", re.I)


def _points_back_at(text: str, focus: frozenset[str]) -> bool:
    """Whether the sentence points back at the kind a which-question asks for ("Which shells can MC use?")."""
    return bool(focus) and any(set(terms(m.group(1))) & focus for m in _POINTING_BACK.finditer(text))


def _one_command(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence is program text of one command line: no prompt, comment or output ("pipx ensurepath")."""
    lines = [line for line in corpus.sentence_text(sentence).splitlines()
             if line.strip() and not line.lstrip().startswith("```")]
    return is_program_text(corpus, sentence) and len(lines) == 1 \
        and not re.match(r"\s*(?:[$#>]|\S*@\S*[#$])", lines[0])


_WHICH_COMMAND = re.compile(r"\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}?commands?\b", re.I)  # "Which pipx command ...?"


# A step that follows another: "Then do:", "then run:", "Next, restart it.", "Finally ...", or the rest of a sentence
# that a command interrupts ("... it's a good idea to run:", the command, then "and look at the resulting logfile").
_LATER_STEP = re.compile(r"\s*(?:(?i:then|next|after that|afterwards|finally)\b|and\s)")
_STEP_REACH = 3  # sentences before a later step in which the step it follows is sought


def _with_its_first_step(corpus: Corpus, answer: Sentence, query: Query) -> Sentence:
    """For a how-question answered by a later step ("Then do: # ufw disable # ufw enable"), the answer taken back to
    the step it follows, the nearest sentence before it in its section that introduces what comes next ("To
    disable, modify /etc/default/ufw ... to have:" over "IPV6=no")."""
    if query.wanted.name != "manner" or not _LATER_STEP.match(corpus.sentence_text(answer)):
        return answer
    for number in range(answer.sentence_id - 1, max(-1, answer.sentence_id - 1 - _STEP_REACH), -1):
        before = corpus.sentences[number]
        if before.doc_id != answer.doc_id or before.heading or _LATER_STEP.match(corpus.sentence_text(before)):
            return answer
        if introduces(corpus, before):
            return replace(answer, start=before.start)
    return answer


_DEFAULT_REACH = 3  # sentences after the answer's last in which its block may state the default
_ENTRY_REACH = 20  # sentences after the answer in which the rest of its entry may state it
_NAMED_ENTRY_REACH = 3  # candidates from the best in which the entry a default question names is sought
_DEFAULT_NEAR = 3  # sentences before or after the best one in which its paragraph may state the default
_SECTION_REACH = 20  # sentences of a section, at most, in which the one stating a default is sought
# A default stated of nothing else: "The default is 3.", "The default value is 8.", "Defaults to 0.", "Default: 20".
_BARE_DEFAULT = re.compile(r"^\W*(?:the\s+)?default(?:\s+value)?\s*(?:is\b|:)|^\W*defaults?\s+(?:to|is)\b", re.I)


def _through_the_default(corpus: Corpus, answer: Sentence, query: Query) -> Sentence:
    """For a question about a default ("What is the default threshold?"), the answer taken on to the sentence of
    its block that states the default when it does not ("- `threshold` {Number} Payloads smaller than this will
    not be compressed ..." then "Defaults to 1024 bytes."); elsewhere in the entry of a definition list, that
    sentence alone ("StrictHostKeyChecking", then three paragraphs on, "If this flag is set to ask (the
    default), ...")."""
    said = unbroken(corpus.sentence_text(answer))
    if not query.asks_default or STATES_A_DEFAULT.search(said) \
            or (query.left_alone and _IF_UNSET_RE.search(said)):  # "If not specified, -1 will be assumed."
        return answer
    past_the_answer = (s for s in itertools.islice(corpus.sentences, answer.sentence_id + 1, None)
                       if s.end > answer.end or s.doc_id != answer.doc_id)  # the sentences it ends with left out
    for after in itertools.islice(past_the_answer, _DEFAULT_REACH):
        if after.doc_id != answer.doc_id or after.paragraph != answer.paragraph or after.heading:
            break
        if _states_what_is_asked(unbroken(corpus.sentence_text(after)), query):
            return replace(answer, end=after.end)
    return _default_of_the_entry(corpus, answer, query) or _default_under_its_label(corpus, answer) or answer


def _states_what_is_asked(text: str, query: Query) -> bool:
    """A stated default; for a question about a setting left alone, also what holds then ("If it is not set,
    tidewater asks for it on first run.")."""
    return bool(STATES_A_DEFAULT.search(text)
                or (query.left_alone and _IF_UNSET_RE.search(text) and not _of_another_setting(text, query)))


_LABEL_REACH = 8  # sentences above the answer in which the label of its entry may be


def _default_under_its_label(corpus: Corpus, answer: Sentence) -> Sentence | None:
    """In an HTML definition list, where a term's label ("unix_socket_permissions (integer)", no "Options:") is over
    paragraphs of its own, the sentence of a later paragraph under the same label that states the default ("The default
    permissions are 0777, ..."), up to the next label or heading; None when the answer is under no label."""
    label = label_above(corpus, answer) if from_html(corpus, answer) else None
    if label is None or answer.sentence_id - label.sentence_id > _LABEL_REACH \
            or corpus.sentence_text(label).rstrip().endswith(":"):  # "Options:" introduces what follows, names no term
        return None
    for after in corpus.sentences[answer.sentence_id + 1:answer.sentence_id + 1 + _ENTRY_REACH]:
        if after.doc_id != answer.doc_id or after.heading or is_label(corpus, after):
            return None
        if STATES_A_DEFAULT.search(unbroken(corpus.sentence_text(after))):
            return after
    return None


def _default_in_the_entry(corpus: Corpus, candidates: list[Candidate], eligible: list[Candidate],
                          query: Query) -> Candidate | None:
    """For a question that wants a value and asks its default ("How many password prompts ... by default?"), when the
    best sentence states no default ("NumberOfPasswordPrompts: Specifies the number of password prompts before
    giving up.", "The value of number must be greater than 0."), the value of the sentence near it, in its entry or
    else its paragraph, that states the default of what the best sentence is about ("The default is 3."; not "The
    default queue length is 100 jobs." for "How many workers does the pool start by default?"), with the best's
    score. The best sentence's place is taken by one of the next few that is in the entry the question names, when
    the best's entry is another ("Defaults to RuntimeDirectorySize= divided by 4096." in RuntimeDirectoryInodesMax=,
    for "What is the default size of the runtime directory?")."""
    if not ((query.span_only and "default" in query.asked) or query.left_alone) or not candidates:
        return None
    best = candidates[0]
    home = next((c for c in candidates[:_NAMED_ENTRY_REACH] if _in_entry_named(corpus, c.support, query)), best)
    if home is not best and home.span is not None and any(c is home for c in eligible) \
            and STATES_A_DEFAULT.search(unbroken(corpus.sentence_text(home.support))):
        return replace(home, score=best.score, logit=best.logit)  # the named entry's own default ("Defaults to 10%.")
    if NAMES_A_DEFAULT.search(unbroken(corpus.sentence_text(home.support))):
        return None  # it says what the default is, or works with it ("... left at the default, ... 45 seconds")
    return _stated_near(corpus, home.support, eligible, query, best)


def _stated_near(corpus: Corpus, home: Sentence, eligible: list[Candidate], query: Query,
                 best: Candidate) -> Candidate | None:
    """The candidate, with the best's score, whose sentence states the default in `home`'s entry, or else near it in
    its paragraph, or else alone in its short section (None: none does)."""
    entry = entry_of(corpus, home, _ENTRY_REACH)
    grouped = grouped_names(corpus, home)
    named = bool(entry) and (_in_entry_named(corpus, home, query) or any(names_term(query, n) for n in grouped))
    around = entry or [s for s in corpus.sentences[max(0, home.sentence_id - _DEFAULT_NEAR):
                                                   home.sentence_id + _DEFAULT_NEAR + 1]
                       if s.doc_id == home.doc_id and s.paragraph == home.paragraph and not s.heading]
    texts = {s.sentence_id: unbroken(corpus.sentence_text(s)) for s in around}
    stating = [number for number, text in texts.items()
               if (_BARE_DEFAULT if not named else STATES_A_DEFAULT).search(text)
               and not _of_another_name(text, grouped, query)]
    if query.left_alone:  # a stated default first, then what holds when the setting asked about is not set
        stating += [number for number, text in texts.items()
                    if _IF_UNSET_RE.search(text) and not _of_another_setting(text, query)]
    found = next((c for number in stating for c in eligible if c.support.sentence_id == number
                  and (c.span is not None or query.left_alone)), None)
    if found is None and not entry:
        found = _stated_in_section(corpus, home, eligible, query)
    return replace(found, score=best.score, logit=best.logit) if found is not None else None


def _stated_in_section(corpus: Corpus, home: Sentence, eligible: list[Candidate], query: Query) -> Candidate | None:
    """The candidate whose sentence, in another paragraph of `home`'s short section, is the only one there that
    states a default and says a word the question asks with besides "default" ("Maximum Number Of Terms In A Compound
    SELECT Statement", then four paragraphs, one saying "The maximum number of terms is SQLITE_MAX_COMPOUND_SELECT
    which defaults to 500."; not "The default queue length is 100 jobs." for "How many workers ...?"); None when
    the section is long, or states none or several."""
    heading = heading_above(corpus, home)
    section = section_of(corpus, heading) if heading is not None else range(0)
    if not 0 < len(section) <= _SECTION_REACH:
        return None
    asked = set(query.asked) - _DEFAULT_TERMS
    stating = [number for number in section if corpus.sentences[number].paragraph != home.paragraph
               and STATES_A_DEFAULT.search(unbroken(corpus.sentence_text(corpus.sentences[number])))]
    if len(stating) != 1 or not corpus.sentence_terms[stating[0]] & asked:
        return None
    return next((c for c in eligible if c.span is not None and c.support.sentence_id == stating[0]), None)


_DEFAULT_TERMS = frozenset(terms("default defaults"))
# What holds when a setting is left alone, said without the word "default": "If this relation is not specified,
# ...", "when unset, ...", "... otherwise the block size is used".
_IF_UNSET = (r"\b(?:if|when|unless)\b[^.;]{0,60}?\b(?:not\s+(?:set|specified|given|present|configured|defined|provided|"
             r"supplied)|unset|unspecified|omitted|absent|missing|empty)\b|"
             r"\b(?:if|when)\s+no\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are)\s+(?:given|specified|set|provided)\b")
_WHEN_UNSET = re.compile(_IF_UNSET + r"|\botherwise\b|\binitially\b|\b(?:the|its)\s+default\s+of\b", re.I)
_IF_UNSET_RE = re.compile(_IF_UNSET, re.I)
# A setting's name as code: "SPOOL_FILE", "unix_socket", "`library`"
_SETTING_NAME = re.compile(r"(?<![\w.-])(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|`[^`\s]+`)"
                           r"(?![\w-])")


def _of_another_setting(text: str, query: Query) -> bool:
    """Whether a sentence says what holds when a setting the question does not name is unset ("Ignored when
    `library` is not set." for a question about `archive`), as its condition names it."""
    condition = _IF_UNSET_RE.search(text)  # "If not specified, the value of `DRIFTWOOD_AGENT` is used.": no other
    asked = {name.strip("`").lower() for name in _SETTING_NAME.findall(query.text)}
    named = {name.strip("`").lower() for name in _SETTING_NAME.findall(condition.group(0) if condition else text)}
    return bool(named) and not named & asked


def _default_left_unsaid(corpus: Corpus, best: Candidate, candidates: list[Candidate], query: Query) -> bool:
    """Whether a question asks the default of a term the documents document ("What is the default value of
    sync_kludge?") and neither the term's entry, where the answer is, nor any other candidate sentence that names
    the term says what holds when it is not set: the documents do not say ("reserved_ratio: This relation specifies
    the default percentage of file system blocks reserved ..." names a default and states none)."""
    if not query.asks_default or query.wanted.name in ASKS_NO_VALUE:
        return False
    if not _in_entry_named(corpus, best.support, query):
        return _default_of_a_setting_left_unsaid(corpus, best, candidates, query) \
            or _entry_about_it_left_unsaid(corpus, best, query)
    name = (entry_name(corpus, best.support) or "").lower()
    if _DEFAULT_TERMS & set(terms(name)):
        return False  # "What does opts.default hold?" names a term, it asks no default
    entry = {sentence.sentence_id for sentence in entry_of(corpus, best.support, _ENTRY_REACH)}
    around = [corpus.sentences[number] for number in sorted(entry)] + [
        c.support for c in candidates if c.support.sentence_id not in entry
        and name in corpus.sentence_text(c.support).lower()]
    said = (_WHEN_UNSET, STATES_A_DEFAULT) + ((_SAID_OTHERWISE,) if query.left_alone else ())
    return not any(pattern.search(text) for text in (unbroken(corpus.sentence_text(sentence)) for sentence in around)
                   for pattern in said)


_ABOUT_IT = 2  # words of the question, besides "default", that make the best sentence's entry about what it asks


def _about_what_is_asked(corpus: Corpus, sentence: Sentence, query: Query) -> bool:
    """Whether the sentence says `_ABOUT_IT` words of the question besides "default"."""
    return len((set(terms(corpus.sentence_text(sentence))) & query.asked.keys()) - _DEFAULT_TERMS) >= _ABOUT_IT


def _entry_about_it_left_unsaid(corpus: Corpus, best: Candidate, query: Query) -> bool:
    """Whether the best sentence, which holds no value, is in a term's entry about what a default question asks
    without naming the term ("This option sets the packet size used for probing." under "-s PACKETSIZE" for "What
    packet size does mtr use by default?"), and no sentence of that entry states a default or what holds when it is
    not set, nor names one ("The default, for gzip(1), is "-6""): the documents do not say."""
    if best.span is not None or not is_term_entry(corpus, best.support):
        return False
    if not _about_what_is_asked(corpus, best.support, query):
        return False
    said = (_WHEN_UNSET, NAMES_A_DEFAULT) + ((_SAID_OTHERWISE,) if query.left_alone else ())
    return not any(pattern.search(unbroken(corpus.sentence_text(sentence)))
                   for sentence in entry_of(corpus, best.support, _ENTRY_REACH) for pattern in said)


def _entry_stating_it(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a default question whose best sentence is in no entry and states no default ("As mtr starts, it
    investigates the network connection ..." for "What TTL does mtr start with by default?"), the next best
    candidate of a term's entry about what is asked that states one ("Specifies with what TTL to start." under "-f
    NUM, --first-ttl NUM", over "Defaults to 1."), with the best's score; the best when none of the next few is."""
    if not query.asks_default or best.span is not None or entry_opening(corpus, best.support) is not None \
            or NAMES_A_DEFAULT.search(corpus.sentence_text(best.support)):
        return best
    found = next((c for c in eligible[1:_NAMED_ENTRY_REACH] if c.span is None and is_term_entry(corpus, c.support)
                  and _about_what_is_asked(corpus, c.support, query)
                  and any(STATES_A_DEFAULT.search(unbroken(corpus.sentence_text(sentence)))
                          for sentence in entry_of(corpus, c.support, _ENTRY_REACH))), None)
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


def _value_stated_as_default(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a default question whose best value is in a sentence that says nothing of a default ("Early haveged
    releases used a entest sample size of 1MB, ..." for "What is haveged's default buffer size?"), the next best
    candidate whose value is in a sentence about what is asked that states a default ("--buffer , -b [] Buffer size
    [KW] - default : 128"), with the best's score; the best when none of the next few is."""
    if not query.asks_default or best.span is None or NAMES_A_DEFAULT.search(corpus.sentence_text(best.support)):
        return best
    found = next((c for c in eligible[1:_NAMED_ENTRY_REACH] if c.span is not None
                  and STATES_A_DEFAULT.search(unbroken(corpus.sentence_text(c.support)))
                  and _about_what_is_asked(corpus, c.support, query)), None)
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


# What holds when a setting is left alone, in the words a question about it may be answered with: "Without ALERT_CMD,
# failures are only written to the log.", "... refuses to start unless PROFILE_DIR exists", "Banners are not printed
# out of the box."
_SAID_OTHERWISE = re.compile(r"\bwithout\b|\bunless\b|\bout\s+of\s+the\s+box\b|\bleaving\s+it\b", re.I)


# The default of a setting named as code ("smtp_connection_cache_time_limit", "core.editor"): "the default (value)
# of NAME", "NAME's default", "What does NAME default to?"; not "Which unit does foo.timer activate by default?".
_SETTING = r"(?<![\w.-])(?P<name>[a-z][a-z0-9]+(?:[_.][a-z0-9]+)+)(?![\w-])"  # not "e.g"
_DEFAULT_OF_A_SETTING = re.compile(r"\bdefault\s+(?:value\s+|setting\s+)?(?:of|for)\s+(?:the\s+)?" + _SETTING + "|"
                                   + _SETTING.replace("?P<name>", "?P<of>") + r"(?:'s)?\s+defaults?\b", re.I)


def _default_of_a_setting_left_unsaid(corpus: Corpus, best: Candidate, candidates: list[Candidate],
                                      query: Query) -> bool:
    """Whether a default question names a setting ("What is the default value of smtp_connection_cache_time_limit?")
    that the best sentence names outside any entry of it, and no candidate sentence naming it, nor the sentence
    after one, says what its default is ("The time limit is specified with the smtp_connection_cache_time_limit ...
    parameters."): the documents do not say."""
    names = [found.group("name") or found.group("of") for found in _DEFAULT_OF_A_SETTING.finditer(query.text)]
    if len(names) != 1:
        return False
    named = re.compile(rf"(?<![\w.-]){re.escape(names[0])}(?![\w-])")  # not "gc.auto" in "gc.autoPackLimit"
    if not named.search(corpus.sentence_text(best.support)):
        return False
    naming = [c.support for c in candidates if named.search(corpus.sentence_text(c.support))]
    after = [following for sentence in naming if (following := follower(corpus, sentence)) is not None]
    return not any(STATES_A_DEFAULT.search(text) or _WHEN_UNSET.search(text)  # "By default this is set to 'no'"
                   for text in (unbroken(corpus.sentence_text(sentence)) for sentence in naming + after))



def _in_entry_named(corpus: Corpus, sentence: Sentence, query: Query) -> bool:
    """Whether the sentence is in the entry of a term the question names."""
    return names_term(query, entry_name(corpus, sentence) or "")


def _default_of_the_entry(corpus: Corpus, answer: Sentence, query: Query) -> Sentence | None:
    """The sentence that states the default elsewhere in the entry the answer is in, when the question names the
    entry's term (None: none does)."""
    entry = entry_of(corpus, answer, _ENTRY_REACH)
    name = entry_name(corpus, answer) if entry else None
    if name is None or not names_term(query, name):
        return None
    grouped = grouped_names(corpus, answer)
    return next((other for other in entry if other != answer
                 and _states_what_is_asked(text := unbroken(corpus.sentence_text(other)), query)
                 and not _of_another_name(text, grouped, query)), None)


def _of_another_name(text: str, grouped: list[str], query: Query) -> bool:
    """In an entry that documents several names at once (`grouped`), whether the text speaks only of names the
    question does not ask ("By default, ALARM_LOW is 4 degrees." for a question about ALARM_HIGH)."""
    asked = [name for name in grouped if names_term(query, name)]
    return _says_any(text, [name for name in grouped if name not in asked]) and not _says_any(text, asked)


def _says_any(text: str, names: list[str]) -> bool:
    """Whether the text writes one of the names as a word."""
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) for name in names)


def may_answer(candidate: Candidate, query: Query) -> bool:
    """A heading alone never answers, nor a sentence that only sends the reader elsewhere ("See description of show
    command in git-stash(1).") unless the question asks where or a span of what it asks is in it ("See ... for the
    Python Enhancement Proposals (PEPs)."); and a sentence without a span never answers a question that wants one
    (`Query.span_only`: how many, which version or licence, when exactly, who did something or holds a role),
    unless it defines what the question asks about ("Who is the Licensor?": "Licensor means the individual ...") or
    states the default a default question asks in words ("How many threads does fd use if I don't set -j?": "...
    (default: number of available CPU cores)"). Program text (a command, a session and its output) never answers a
    yes/no question: it says neither."""
    if candidate.program_text and query.wanted.name == "yesno":
        return False
    if candidate.span is not None:
        return True
    if candidate.points_elsewhere and query.wanted.name != "place":
        return False
    defining = candidate.features.get("defines_subject", 0.0) > 0  # "Who is the Licensor?": "Licensor means ..."
    stating = candidate.features.get("states_default", 0.0) > 0
    return not candidate.support.heading and (defining or stating or not query.span_only)


def _scored_with_its_span(candidate: Candidate, model: AnswerModel) -> Candidate:
    """A candidate given a span of the asked kind from outside its sentence (a change note, the release its heading
    names), scored as the model scores a sentence that holds one: the span was found, not missing."""
    row = {**candidate.features, "typed_found": 1.0, "typed_missing": 0.0}
    logit = model.logit(row)
    return replace(candidate, features=row, logit=logit, score=model.probability(logit))


def _marked_up_code(corpus: Corpus, sentence: Sentence) -> bool:
    """Program text that its document marks up as such (a Markdown code block, an HTML <pre>); in plain text, a block
    of many symbols may be prose ("the meta-characters ?, +, {, |, (, and ) lose their special meaning")."""
    marked_up = corpus.documents[sentence.doc_id].source.lower().endswith(HTML + MARKDOWN)
    return marked_up and is_program_text(corpus, sentence)


def score_candidates(corpus: Corpus, query: Query, hits: list[Hit], model: AnswerModel) -> list[Candidate]:
    """Every candidate sentence scored, best first."""
    places = candidate_sentences(corpus, hits)
    if not places:
        return []
    seen = evidence(corpus, query, places, hits)
    sentences = [corpus.sentences[sentence_id] for sentence_id in places]
    units = [answer_unit(corpus, sentence, query) for sentence in sentences]
    found = [features(corpus, sentence, places[sentence.sentence_id], query, seen, unit.span)
             for sentence, unit in zip(sentences, units, strict=True)]
    logits = model.logits(found).tolist()
    candidates = [Candidate(sentence, logit, model.probability(logit), row, unit.span, unit.support,
                            points_elsewhere(corpus, unit.support), _marked_up_code(corpus, unit.support))
                  for sentence, unit, row, logit in zip(sentences, units, found, logits, strict=True)]
    return sorted(candidates, key=lambda c: (-c.logit, c.sentence.sentence_id))


def rerank(hits: list[Hit], candidates: list[Candidate]) -> list[Hit]:
    """The hits ordered by the best candidate within each passage (retrieval order breaks ties)."""
    logits = {candidate.sentence.sentence_id: candidate.logit for candidate in candidates}
    best = {position: max((logits.get(i, -np.inf) for i in range(hit.passage.first_sentence,
                                                                  hit.passage.last_sentence + 1)), default=-np.inf)
            for position, hit in enumerate(hits)}
    order = sorted(range(len(hits)), key=lambda position: (-best[position], position))
    return [hits[position] for position in order]
