"""Candidate sentences for an answer, and the evidence about each that the answer model weighs.

Every feature carries across documents: similarities, shares of the question's words found in
the sentence, its block, its headings and its document's title, what the question asks for and
whether a span of that kind is there, and where the sentence sits in its passage and ranking.
"""

from __future__ import annotations

import itertools
import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from qa.answering.questions import Query, coverage, term_key
from qa.answering.sections import entry_opening, from_html, is_label, is_program_text, is_prose
from qa.answering.spans import (
    KINDS,
    NUMBER_WORD,
    NUMERIC_KINDS,
    QuestionType,
    address_only,
    agent_verb,
    asks_for_years,
    candidate_spans,
    changed_value_asked,
    coordinated,
    counts_only,
    dated_only,
    defaults_only,
    dimension_only,
    is_address,
    money_only,
    person_only,
)
from qa.documents.chunking import Sentence
from qa.documents.reading import fold
from qa.documents.words import terms, unbroken
from qa.retrieval.search import Hit
from qa.storage.corpus import Corpus

Span = tuple[int, int]


@dataclass(frozen=True)
class Place:
    """Where a candidate sentence was found: the best-ranked hit whose passage (or block) holds it."""

    rank: int
    hit: Hit


def candidate_sentences(corpus: Corpus, hits: list[Hit]) -> dict[int, Place]:
    """Sentence id -> where it was found: each hit's sentences and one neighbour either side in its block."""
    places: dict[int, Place] = {}
    for rank, hit in enumerate(hits, start=1):
        passage = hit.passage
        for sentence_id in range(passage.first_sentence - 1, passage.last_sentence + 2):
            if _same_block(corpus, sentence_id, passage.first_sentence):
                places.setdefault(sentence_id, Place(rank, hit))
        after = follower(corpus, corpus.sentences[passage.last_sentence])
        if after is not None:
            places.setdefault(after.sentence_id, Place(rank, hit))
    return places


def _same_block(corpus: Corpus, sentence_id: int, anchor: int) -> bool:
    sentences = corpus.sentences
    if not 0 <= sentence_id < len(sentences):
        return False
    a, b = sentences[sentence_id], sentences[anchor]
    return a.paragraph == b.paragraph and a.doc_id == b.doc_id


@dataclass(frozen=True)
class Evidence:
    """What a candidate is compared with: the best values among all candidates of the question."""

    dense: dict[int, float]       # sentence id -> cosine with the question
    own_terms: dict[int, float]   # sentence id -> share of the question's predicate it says
    asked_terms: dict[int, float]  # sentence id -> share of all the question's terms it holds
    local_terms: dict[int, float]  # sentence id -> share of the question's terms it holds, weighted by how few
                                   # of the candidates hold each (the topic words all of them share weigh little)
    bm25: float                   # best BM25 score among the hits
    fused: float                  # best fused score among the hits
    dense_rank: dict[int, int]    # sentence id -> rank of its cosine among the candidates (1 = best)
    best: dict[str, float]        # the best dense, own_terms, asked_terms and local_terms among the candidates
    topic: dict[str, float]       # the question's terms outside its predicate: the names it is about
    kinds: dict[str, float]       # one-hot of the question's kind (the same for every candidate)
    shared: dict[tuple, float] = field(default_factory=dict)  # coverages of blocks, headings and documents,
                                                              # which several candidates share

    def covered(self, key: tuple, weights: dict[str, float], present: frozenset[str]) -> float:
        """`coverage(weights, present)`, computed once per question for each block, heading or document."""
        found = self.shared.get(key)
        if found is None:
            found = self.shared[key] = coverage(weights, present)
        return found


def evidence(corpus: Corpus, query: Query, places: dict[int, Place], hits: list[Hit]) -> Evidence:
    ids = list(places)
    if query.vector is not None:
        cosines = corpus.sentence_vectors[ids] @ query.vector
        dense = {sentence_id: float(c) for sentence_id, c in zip(ids, cosines, strict=True)}
    else:
        dense = dict.fromkeys(ids, 0.0)
    said = {i: said_terms(query, corpus.sentence_terms[i]) for i in ids}
    own = {i: coverage(query.predicate, said[i]) for i in ids}
    asked = {i: coverage(query.asked, said[i]) for i in ids}
    held = {t: sum(t in said[i] for i in ids) for t in query.asked}
    weights = {t: math.log(1 + len(ids) / n) for t, n in held.items() if n}
    local = {i: coverage(weights, said[i]) for i in ids}
    order = sorted(ids, key=lambda i: -dense[i])
    best = {"dense": max(dense.values()), "own": max(own.values()), "asked": max(asked.values()),
            "local": max(local.values())}
    topic = {t: w for t, w in query.asked.items() if t not in query.predicate}
    kinds = {f"kind_{kind}": float(query.wanted.name == kind) for kind in KINDS}
    return Evidence(dense, own, asked, local, max((hit.bm25_score or 0.0 for hit in hits), default=0.0),
                    max((hit.score for hit in hits), default=0.0),
                    {i: rank for rank, i in enumerate(order, start=1)}, best, topic, kinds)


def features(corpus: Corpus, sentence: Sentence, place: Place, query: Query, seen: Evidence,
             span: Span | None) -> dict[str, float]:
    """The evidence that `sentence` answers `query`, also relative to the other candidates (`seen`)."""
    number = sentence.sentence_id
    block_key = (sentence.doc_id, sentence.paragraph)
    block = corpus.block_terms[block_key]
    passage_id = place.hit.passage.passage_id
    heading = corpus.context_terms[passage_id]
    wanted = query.wanted
    own = said_terms(query, corpus.sentence_terms[number])
    topic = seen.topic
    before, after = _neighbour(corpus, seen, number, -1, "previous"), _neighbour(corpus, seen, number, +1, "next")
    found = {
        "dense": seen.dense[number],
        "dense_gap": seen.dense[number] - seen.best["dense"],
        "dense_rank": 1.0 / seen.dense_rank[number],
        "passage_dense": place.hit.dense_score or 0.0,
        "passage_bm25": (place.hit.bm25_score or 0.0) / (seen.bm25 or 1.0),
        "fused": place.hit.score / (seen.fused or 1.0),
        "retrieval": 1.0 / place.rank,
        "own_terms": seen.own_terms[number],
        "own_gap": seen.own_terms[number] - seen.best["own"],
        "asked_terms": seen.asked_terms[number],
        "asked_gap": seen.asked_terms[number] - seen.best["asked"],
        "local_terms": seen.local_terms[number],
        "local_gap": seen.local_terms[number] - seen.best["local"],
        "neighbour_terms": max(before["previous_terms"], after["next_terms"]),
        **before,
        **after,
        "block_terms": seen.covered(("block", block_key), query.asked, block),
        # The predicate said here while what it is about is named around (a heading, an item's label).
        "predicate_here_topic_around": seen.own_terms[number] * seen.covered(("around", block_key, passage_id),
                                                                             topic, block | heading) if topic else 0.0,
        "topic_only": float(bool(topic)) * coverage(topic, own) * (1 - seen.own_terms[number]),
        "heading_terms": seen.covered(("heading", passage_id), query.naming, heading),
        # What the sentence and its headings say together: "This protects against ..." under "Hash-checking".
        "with_heading_terms": coverage(query.asked, own | heading),
        "title_terms": seen.covered(("title", sentence.doc_id), query.naming, corpus.title_terms[sentence.doc_id]),
        "document_named": seen.covered(("named", sentence.doc_id), query.naming, corpus.naming_terms[sentence.doc_id]),
        "unknown_terms": query.unknown,
        "focus_here": float(bool(query.focus) and query.focus <= own),
        "defines_subject": float(defines_subject(corpus, sentence, query)),
        "typed_found": float(wanted.typed and span is not None),
        "typed_missing": float(wanted.typed and span is None),
        "acronym_spelled": float(wanted.name == "acronym" and span is not None),
        "heading": float(sentence.heading),
        "first_in_block": float(number == 0 or corpus.sentences[number - 1].paragraph != sentence.paragraph
                                or corpus.sentences[number - 1].heading),
        "length": math.log1p(sentence.end - sentence.start) / 6,
    }
    found.update(seen.kinds)
    found.update(_cues(sentence_words(corpus, sentence).cues, query))
    return found


_COMMAND = re.compile(r"(?:^|\s)-{1,2}[A-Za-z][\w-]*|`[^`]+`|\$\s|\|\s*\w|\b\w+\s+-\w\b|(?:^|\s)/[\w./-]+")
_NEGATION = re.compile(r"\b(?:not|no|never|none|cannot|without|only)\b|n[’']t\b", re.I)
_MODAL = re.compile(r"\b(?:can|may|must|should|shall|will|might|could|allowed|required|optional)\b", re.I)
_DEFINING = re.compile(r"\b(?:is|are|was|were)\s+(?:a|an|the|used|meant|intended|for)\b|\bmeans?\b|\brefers? to\b|"
                       r"\bstands? for\b|\bused (?:to|for|by)\b|\ballows?\b|\bprovides?\b", re.I)


# A sentence that states a default ("The default is 3.", "defaults to 873", "ask (the default)", "Default: 20",
# "Default 10.", "Default value: 3", "The default port is 873.", "The default value of `StatHost` is ...", "By
# default no ... are set", "... does not stop; this is the default"), not one that only names it ("You can override
# the default backlog value ...", "The default configuration file is read at start.").
STATES_A_DEFAULT = re.compile(r"\bdefaults?\s*(?:is|are|was|to|:|=|\))|\(\s*(?:the\s+|by\s+)?default\b|"
                               r"\bdefaults?\s+(?=[\d\"'`\u201c])|\bby\s+default\b|\b(?:is|are|was)\s+the\s+default\b|"
                               r"\bdefault(?:\s+[\w`'\"\u2018\u2019\u201c\u201d-]+){1,5}?\s*"
                               r"(?::|=|\b(?:is|are|was)\b(?!\s+(?:not\s+)?(?:read|used|set|changed|loaded|written|kept|"
                               r"stored|ignored|overridden|applied|created|installed)\b))",
                               re.I)


def _cues(cues: frozenset[str], query: Query) -> dict[str, float]:
    """Whether the sentence has the shape of the answer the question's kind expects: a command for "how do I",
    a negation or a modal verb for yes/no, a defining verb for "what is", a stated default for a question about
    one."""
    kind = query.wanted.name
    return {"how_command": float(kind == "manner" and "command" in cues),
            "states_default": float(query.asks_default and "default" in cues),
            "yesno_negation": float(kind == "yesno" and "negation" in cues),
            "yesno_modal": float(kind == "yesno" and "modal" in cues),
            "definition_cue": float(kind in ("definition", "description") and "defining" in cues)}


# A prefix that turns a word into its opposite: "case-insensitive" answers "Are names case-sensitive?", "irrevocable"
# answers "Is the grant revocable?", "unapplied" answers "Which patches aren't applied?". The stem left must be of
# four letters at least after un- and non- ("unsigned", "unlocked"; "undo" is no opposite of "do", "unless" none of
# "less"), five after the others ("port" is no opposite of "import", "play" none of "display"), and in-, im-, il- and
# ir- are one prefix spelt by the sound that follows ("impossible", "illegal", "irregular", "invalid"; "inform" is no
# opposite of "form"). "--no-check-certificate" names an option, no negation.
_OPPOSING_PREFIXES = ("un", "non", "in", "im", "il", "ir", "dis")
_SOUND_AFTER = {"in": re.compile(r"[^bmplr]"), "im": re.compile(r"[bmp]"), "il": re.compile("l"),
                "ir": re.compile("r")}
_SHORTEST_OPPOSED = {"un": 4, "non": 4}  # any other prefix: 5
_NO_OPPOSITES = frozenset({"unless"})  # a word that only looks prefixed
_ASKS_A_NEGATION = re.compile(r"\b(?:not|never)\b|(?<![-\w])no(?![-\w])|n[\u2019']t\b", re.I)


def said_terms(query: Query, present: frozenset[str]) -> frozenset[str]:
    """A sentence's stems, each question stem it says in the opposite form counted as said, for a question that
    the opposite answers: a yes/no question, or one that negates ("aren't applied": "unapplied")."""
    if query.wanted.name != "yesno" and not _ASKS_A_NEGATION.search(query.text):
        return present
    opposed = [term for term in query.asked
               if term not in present and any(_opposite(term, prefix, present) for prefix in _OPPOSING_PREFIXES)]
    return present.union(opposed) if opposed else present


def _opposite(term: str, prefix: str, present: frozenset[str]) -> bool:
    """Whether `present` holds `term` with `prefix` added, or, if `term` opens with `prefix`, without it."""
    if _prefixes(prefix, term) and prefix + term in present:
        return True
    base = term.removeprefix(prefix)
    return base != term and _prefixes(prefix, base) and base in present


def _prefixes(prefix: str, base: str) -> bool:
    """Whether `prefix` may open `base` as its opposite: a stem long enough, the prefix spelt for its first sound."""
    sound = _SOUND_AFTER.get(prefix)
    return (len(base) >= _SHORTEST_OPPOSED.get(prefix, 5) and prefix + base not in _NO_OPPOSITES
            and (sound is None or bool(sound.match(base))))


def points_elsewhere(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence only sends the reader elsewhere ("See description of show command in git-stash(1).")."""
    return "pointer" in sentence_words(corpus, sentence).cues


def _shapes(text: str) -> frozenset[str]:
    """The answer shapes a sentence has (read once per sentence)."""
    patterns = {"command": _COMMAND, "negation": _NEGATION, "modal": _MODAL, "defining": _DEFINING,
                "default": STATES_A_DEFAULT}
    found = {name for name, pattern in patterns.items() if pattern.search(text)}
    return frozenset(found | {"pointer"} if _POINTER.match(text) and len(text.split()) <= _POINTER_WORDS else found)


# A short sentence that only sends the reader elsewhere: "See description of show command in git-stash(1).", "See
# [`Dispatcher.upgrade(options)`](Dispatcher.md#...).", "For details, see the FAQ.", "Refer to section 4."
_POINTER = re.compile(r"\s*\(?(?:for\s+(?:more\s+)?(?:details|information|more)\s*,?\s+)?"
                      r"(?:see(?:\s+also)?|refer\s+to|cf\.)\s(?!\s*(?:how|what|whether|if|that|why|when|where|which|who)\b)",
                      re.I)  # not "See how the daemon restarts ...", which says something
_POINTER_WORDS = 16


def _neighbour(corpus: Corpus, seen: Evidence, number: int, step: int, name: str) -> dict[str, float]:
    """How well the sentence before (or after) this one in its block matches the question: the answer
    often follows the sentence that resembles the question."""
    other = number + step
    if not _same_block(corpus, other, number) or other not in seen.dense:
        return {f"{name}_terms": 0.0, f"{name}_dense_gap": -1.0}
    return {f"{name}_terms": seen.asked_terms[other], f"{name}_dense_gap": seen.dense[other] - seen.best["dense"]}


@dataclass(frozen=True)
class SentenceWords:
    """A sentence read once per corpus version: its words' stems by position, and its typed spans."""

    word_terms: list[tuple[int, frozenset[str]]]
    spans: dict[str, list[tuple[int, int, list[str]]]]
    cues: frozenset[str]
    defines: tuple[str, ...] = ()  # the stems of the term the sentence defines ("k. Share means ...": share)


_READINGS: OrderedDict[str, dict[int, SentenceWords]] = OrderedDict()
_READINGS_LOCK = threading.Lock()
# every typed kind's spans but an acronym's, which depend on the acronym asked
_PRECOMPUTED = ("who", "quantity", "date", "place", "version", "license")
LISTED_KINDS = ("who", "place", "license")  # answered by every item of a list; numbers in a row are rarely one answer


def sentence_words(corpus: Corpus, sentence: Sentence) -> SentenceWords:
    """Memoised per corpus version: after warm-up no request tokenises a sentence again."""
    readings = _readings(corpus.version)
    found = readings.get(sentence.sentence_id)
    if found is None:
        text = fold(corpus.sentence_text(sentence))
        word_terms = [(m.start(), frozenset(terms(m.group(0)))) for m in re.finditer(r"[A-Za-z0-9]+", text)]
        spans = {kind: [(a, b, terms(text[a:b], humps=True)) for a, b in candidate_spans(text, QuestionType(kind))]
                 for kind in _PRECOMPUTED}
        shapes = _shapes(fold(unbroken(corpus.sentence_text(sentence))))  # "By de-\n fault, ..." states a default
        found = readings[sentence.sentence_id] = SentenceWords(word_terms, spans, shapes, _defined_term(text))
    return found


# A sentence that defines a term opens with it: "k. Share means ...", "\u201cContributor\u201d means ...",
# "libxcrypt is a modern library ...", "Licensor shall mean ...", 'A "contribution" is the original software',
# '"Licensed patents" are a contributor's patent claims that ...'.
_DEFINING_OPENING = re.compile(
    r"^\s*(?:\(?(?:[a-z]|\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4})[.)]\s+)?(?:(?:an?|the)\s+(?=[\"\u201c]))?[\"\u201c']?"
    r"(?P<term>[^\"\u201d.;:,()]{1,60}?)[\"\u201d']?"
    r"(?:\s+\([^)]{1,40}\))?\s+(?:means|shall\s+mean|refers\s+to|is\s+defined\s+as|stands\s+for|is\s+an?|is\s+the|is\s+any|"
    r"are\s+(?:an?\s+)?(?:[\w'\u2019]+\s+){0,3}(?:that|which|who))\b", re.I)


# ... or names it in quotes in parentheses: 'documentation covered by this license (the "Software")'.
_DEFINED_IN_PARENTHESES = re.compile(  # not a call's argument in code: 'require("debug")'
    r"(?<![\w\])$.])\((?:the\s+|hereinafter\s+(?:called\s+)?)?[\"\u201c](?P<term>[^\"\u201d]{1,40})[\"\u201d]\)", re.I)


def _defined_term(text: str) -> tuple[str, ...]:
    flat = " ".join(text.split())
    opening = _DEFINING_OPENING.match(flat) or _DEFINED_IN_PARENTHESES.search(flat)
    return term_key(opening.group("term")) if opening else ()


def defines_subject(corpus: Corpus, sentence: Sentence, query: Query) -> bool:
    """Whether the sentence defines what the question asks to have defined: then it answers as a whole."""
    return bool(query.subject) and sentence_words(corpus, sentence).defines == query.subject


def _readings(version: str) -> dict[int, SentenceWords]:
    """The readings of one corpus version; the four most recent versions are kept."""
    with _READINGS_LOCK:  # requests of several corpus versions run at once while documents change
        readings = _READINGS.setdefault(version, {})
        _READINGS.move_to_end(version)
        while len(_READINGS) > 4:
            _READINGS.popitem(last=False)
        return readings


_PLAIN: OrderedDict[str, dict[str, tuple[Counter[str], Counter[str]]]] = OrderedDict()
# A lower-case word in running text: not part of a path, an address, an option, a file name or code.
_PLAIN_WORD = re.compile(r"(?<![\w./@$`'\u2019-])[a-z]{3,}(?![\w/@`'\u2019]|[.\-:]\w)")


def word_counts(corpus: Corpus, doc_id: str) -> tuple[Counter[str], Counter[str]]:
    """How often a document writes each word in lower case in running text, and each word as written (its case
    kept), read once per corpus version."""
    with _READINGS_LOCK:
        by_document = _PLAIN.setdefault(corpus.version, {})
        _PLAIN.move_to_end(corpus.version)
        while len(_PLAIN) > 4:
            _PLAIN.popitem(last=False)
    found = by_document.get(doc_id)
    if found is None:
        text = fold(corpus.documents[doc_id].text)
        found = by_document[doc_id] = Counter(_PLAIN_WORD.findall(text)), Counter(re.findall(r"[A-Za-z]+", text))
    return found


def _common_word(text: str, span: tuple[int, int], counts: tuple[Counter[str], Counter[str]]) -> bool:
    """One capitalised word that the document also writes in lower case in its running text, and that opens a line
    ("Use this option" under an option), is written in capitals ("ADD") or is written in lower case more often than
    so: a common word, no one's name. A name in mid-sentence that the text mostly capitalises ("maintained by Debian"
    beside "debian and ubuntu") stays one."""
    word = text[span[0]:span[1]]
    plain, written = counts
    if re.fullmatch(r"[A-Z][A-Za-z]*", word) is None or not plain[word.lower()]:
        return False
    opens_line = re.search(r"(?:^|\n)[ \t*\u2022+-]*$", text[:span[0]]) is not None
    return opens_line or (len(word) > 1 and word.isupper()) or plain[word.lower()] > written[word]


def follower(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The sentence that may complete this one's answer: the next in its block, or the next block's first when
    this one ends with a colon ("... get better compression, do:" then the command), is prose followed by a
    command ("... install a symlink." then "$ ln -sf pkgconf /usr/bin/pkg-config"), only an entry's name and
    type ("* `Dpkg::Options` - list of strings" over a paragraph that says what it does) or only where the option
    may be given ("This option is only valid for push and save commands.")."""
    number = sentence.sentence_id + 1
    if number >= len(corpus.sentences):
        return None
    after = corpus.sentences[number]
    if after.doc_id != sentence.doc_id or after.heading:
        return None
    text = corpus.sentence_text(sentence)
    if after.paragraph == sentence.paragraph or introduces(corpus, sentence) or _shown_after(corpus, sentence, after) \
            or _ONLY_A_NAME_AND_TYPE.fullmatch(text) \
            or (_ONLY_WHERE_VALID.fullmatch(text) and entry_opening(corpus, after) != after):  # not the next entry
        return after
    return None


# Prose that says the block after it shows something: "In /bin/sh, the following will assign the value of "pi" to the
# shell variable pi." over the command, "... is done as follows." (not "the following day" or "the following release").
_POINTS_AT_WHAT_FOLLOWS = re.compile(r"\bthe\s+following\s+(?:will|would|does|do|is|are|shows?|prints?|sets?|gives?|"
                                     r"assigns?|creates?|commands?|code|lines?|example|snippet)\b|\bas\s+follows\b",
                                     re.I)


def _shown_after(corpus: Corpus, sentence: Sentence, after: Sentence) -> bool:
    """A command on its own after prose that has none, or what prose pointing at the following shows: what the prose
    says to do."""
    if _POINTS_AT_WHAT_FOLLOWS.search(corpus.sentence_text(sentence)):
        return True
    return "command" in sentence_words(corpus, after).cues and "command" not in sentence_words(corpus, sentence).cues


def through_the_command_shown(corpus: Corpus, first: Sentence, last: Sentence, query: Query) -> Sentence:
    """For a how-question answered by prose that gives no command, the command shown after the prose's last sentence
    in a block of its own ("If you want pkgconf to be used when you invoke `pkg-config`, you should install a symlink
    for this.  We do not do this for you, ..." then "$ ln -sf pkgconf /usr/bin/pkg-config"); else `last`."""
    if query.wanted.name != "manner":
        return last
    shown = follower(corpus, last)
    if shown is None or shown.paragraph == last.paragraph \
            or not (is_program_text(corpus, shown) or _PROMPTED.match(corpus.sentence_text(shown))):
        return last
    prose = corpus.sentences[first.sentence_id:last.sentence_id + 1]
    return shown if all(is_prose(corpus, said) for said in prose) else last


def taken_in(corpus: Corpus, after: Sentence) -> Sentence:
    """The last sentence an answer takes in with its follower `after`: what `after` shows when it only introduces it
    ("... should be removed. These are:" then the list), one sentence of it, as a colon's own answer takes in one (a
    list written as one block is one sentence; of items in blocks of their own, the first)."""
    return (follower(corpus, after) or after) if introduces(corpus, after) else after


# An item of a list: "* *dpkg*", "- *2*: ABI compatible upgrade pending", "3. Restart the service."
_LIST_ITEM = re.compile(r"\s*(?P<marker>[-*+\u2022o]|\d{1,3}[.)])\s+\S")  # "o": man(1) and AsciiDoc text's bullet
_LIST_REACH = 12  # items an answer that introduces a list takes in
_LIST_CHARS = 1200  # characters of them


def through_the_list(corpus: Corpus, item: Sentence) -> Sentence:
    """The last item of the list `item` opens, when an answer introduces the list ("The shipped hooks support the
    following package managers:" over "* *dpkg*", "* *rpm*", "* *pacman*"): the items that follow it one to a
    sentence and marked alike (bullets, or numbers), at most `_LIST_REACH` and `_LIST_CHARS`; for a command shown
    after its prompt, the commands shown so after it (`through_the_commands`); else `item` itself."""
    marker = _marker(corpus, item)
    if marker is None:
        return through_the_commands(corpus, item)
    last = item
    for after in corpus.sentences[item.sentence_id + 1:item.sentence_id + _LIST_REACH]:
        if after.doc_id != item.doc_id or after.heading or _marker(corpus, after) != marker \
                or after.end - item.start > _LIST_CHARS:
            break
        last = after
    return last


# A command shown after its prompt, in a Markdown fence or not: "$ restic -r /srv/restic-repo dump ...".
_PROMPTED = re.compile(r"\s*(?:(?:```|~~~)[\w-]*[ \t]*\n\s*)?\$[ \t]+[A-Za-z./~]")  # not "$ 100"
_COMMAND_REACH = 4  # commands shown one after the other that an answer introducing them takes in


def through_the_commands(corpus: Corpus, first: Sentence) -> Sentence:
    """The last of the commands shown after their prompt from `first` on, one after the other ("... in the tar
    (default) or zip format:" over "$ restic ... dump latest /home/other/work > restore.tar" and "$ restic ... dump
    -a zip latest /home/other/work > restore.zip"), at most `_COMMAND_REACH` and `_LIST_CHARS`; `first` itself when
    it shows no command so."""
    last = first
    for after in corpus.sentences[first.sentence_id:first.sentence_id + _COMMAND_REACH]:
        if after.doc_id != first.doc_id or after.heading or not _PROMPTED.match(corpus.sentence_text(after)) \
                or after.end - first.start > _LIST_CHARS:
            break
        last = after
    return last


_ITEM_BLOCK = "<li>"  # the marker of an item whose page marks it by its place, not in its text: an HTML list's


def _marker(corpus: Corpus, sentence: Sentence) -> str | None:
    """How a list item is marked: its bullet, "1." for any number, or `_ITEM_BLOCK` for an item of an HTML list,
    which its text does not mark (None: no item)."""
    found = _LIST_ITEM.match(corpus.sentence_text(sentence))
    if found is None:
        return _ITEM_BLOCK if from_html(corpus, sentence) and _opens_an_item(corpus, sentence) else None
    marker = found.group("marker")
    return "1." if marker[0].isdigit() else marker


def _opens_an_item(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence opens a list item's block."""
    blocks = corpus.documents[sentence.doc_id].blocks
    return 0 <= sentence.paragraph < len(blocks) and blocks[sentence.paragraph].kind == "item" \
        and blocks[sentence.paragraph].start == sentence.start


# A sentence that ends on what follows without a colon: "..., you need the following three things".
_ENDS_ON_WHAT_FOLLOWS = re.compile(r"\bthe\s+following(?:\s+[\w-]+){0,3}\s*$", re.I)


def introduces(corpus: Corpus, sentence: Sentence) -> bool:
    """The sentence ends with a colon, or on "the following ..." over a list: what follows is part of what it says
    ("... re-uploaded the following day" over the next item of a changelog says all it says)."""
    text = corpus.sentence_text(sentence).rstrip()
    return text.endswith(":") or (_ENDS_ON_WHAT_FOLLOWS.search(text) is not None and _list_follows(corpus, sentence))


def _list_follows(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the next sentence is an item of a list in the same document."""
    number = sentence.sentence_id + 1
    if number >= len(corpus.sentences) or corpus.sentences[number].doc_id != sentence.doc_id:
        return False
    return _LIST_ITEM.match(corpus.sentence_text(corpus.sentences[number])) is not None


_GIVES_A_REASON = re.compile(r"\s*(?:the reason(?: for this)? is|this is (?:because|why)|that is because|"
                             r"that's because|it's because|because)\b", re.I)


# An entry's name alone, in code or bold, with at most the type of its value after a dash and a short remark in
# parentheses (its default, "optional"): "* `ignoreInitial` (default: `false`).", "- **depth** (optional).",
# "* `Unattended-Upgrade::MinimalSteps` - boolean (default:True)", "* `Dpkg::Options` - list of strings".
_NAME_IN_CODE = r"(?:`[^`\n]+`|\*\*[^*\n]+\*\*|__[^_\n]+__)"
_TYPE_AFTER_A_DASH = (r"\s+[-\u2013]\s+(?i:list\s+of\s+[a-z]+(?:\s+[a-z]+)?|boolean|bool|string|integer|int|number|"
                      r"float|path|array|object)")
_REMARK = r"\s*(?:\([^()\n]{0,60}\))?\s*[.:]?\s*"
_ONLY_A_LABEL = re.compile(r"\s*(?:[-*+\u2022]\s+)?" + _NAME_IN_CODE + "(?:" + _TYPE_AFTER_A_DASH + ")?" + _REMARK)
# ... and a list item that gives only that, its name and the type after a dash, over the paragraph that says what it
# does ("* `Dpkg::Options` - list of strings"): a lone name in code or bold ("`sudo apt install chrony`") is none.
_ONLY_A_NAME_AND_TYPE = re.compile(r"\s*[-*+\u2022]\s+" + _NAME_IN_CODE + _TYPE_AFTER_A_DASH + _REMARK)


# An entry's first sentence that says only what kind of value the setting takes, its term on the line above or not:
# "Persistent=" over "Takes a boolean argument." (what it does comes next).
_ONLY_ITS_TYPE = re.compile(r"(?:[ \t]*[\w.$-]+=?(?:,[ \t]*[\w.$-]+=?)*[ \t]*\n)?\s*"  # the term's line, if any
                            r"(?:(?:this|the|these)\s+(?:options?|settings?|directives?|parameters?)\s+|it\s+)?"
                            r"(?:takes?|accepts?|expects?|requires?)\s+(?:an?\s+|one\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:argument|value|parameter|list|string|number|integer|path|time\s+span)s?\.?\s*", re.I)


_ONLY_A_REPLY = re.compile(r"\s*(?:(?:A|Answer)\s*\d*\s*[:.)]\s*)?(?:yes|no)\s*[.!]?\s*", re.I)  # "Yes.", "A) No."
# An entry's first sentence, under its term's line, that says only where the option may be given ("-k, --keep-index"
# over "This option is only valid for push and save commands.", then a paragraph that says what it does); possessive
# runs, so that a long run of blanks costs no backtracking.
_ONLY_WHERE_VALID = re.compile(r"[ \t]*+[\w.$-]++=?(?:,[ \t]*+[\w.$-]++=?)*+[ \t]*+\n\s*+"  # the term's line
                               r"(?:this|the)\s++(?:options?|flags?|switch|settings?|directives?|parameters?|keywords?)"
                               r"\s++(?:is|are)\s++only\s++(?:valid|allowed|accepted|used|available|meaningful|honou?red)"
                               r"\s++(?:for|with|in|by|when|if)\s++[^.\n]*+(?:\n[^.\n]*+)?\.?\s*+", re.I)


def completed_by(corpus: Corpus, sentence: Sentence, after: Sentence, query: Query) -> bool:
    """Whether the answer must take in the sentence `after` this one: this one ends with a colon or gives only an
    entry's name and a remark ("* `ignoreInitial` (default: `false`)." before "If set to `false` then ..."), only
    what kind of value it takes ("Takes a boolean argument." before "If true, ..."), only where it may be given
    ("This option is only valid for push and save commands.") or only yes or no ("Yes."
    before "With the -q option chronyd will set the system clock once and exit."), a
    how-question is answered by the command shown after the prose, or a why-question by what comes next ("We need
    to use feof() ..." then "The reason is that ..."), or this one only says what the question asks ("Agent forwarding
    should be enabled with caution." for "Why should agent forwarding be enabled with caution?")."""
    text = corpus.sentence_text(sentence)
    if introduces(corpus, sentence) or _ONLY_A_LABEL.fullmatch(text) or _ONLY_ITS_TYPE.fullmatch(text) \
            or _ONLY_A_REPLY.fullmatch(text) or _ONLY_WHERE_VALID.fullmatch(text):
        return True
    if _only_what_is_asked(corpus, sentence, query):
        return True
    if query.wanted.name == "manner" and after.paragraph != sentence.paragraph:  # the command after the prose
        return True
    if query.wanted.name != "reason":
        return False
    following = corpus.sentence_text(after)
    return _GIVES_A_REASON.match(following) is not None \
        or (_GOES_ON_ABOUT_IT.match(following) is not None and _little_more_than_asked(corpus, sentence, query))


# A sentence that goes on about what the one before said: "This avoids triggering bugs ...", "It keeps ...".
_GOES_ON_ABOUT_IT = re.compile(r"\s*(?:this|that|it)\s+(?!(?:is|was|said|section|file|document|page|chapter|can|"
                               r"could|may|might|must|should|will|would|also)\b)[a-z]+", re.I)  # "This avoids ..."


def _little_more_than_asked(corpus: Corpus, sentence: Sentence, query: Query) -> bool:
    """Whether the sentence says one content word at most that the question does not ("The Postfix smtp(8) client
    reuses a session for only a limited number of times." for "Why does Postfix reuse an SMTP session only a
    limited number of times?"): it restates what is asked, and the reason comes after it."""
    said = {term for term in corpus.sentence_terms[sentence.sentence_id] if term.isalpha()}  # not smtp(8)'s 8
    return len(said & query.asked.keys()) >= 2 and len(said - query.asked.keys()) <= 1


def _only_what_is_asked(corpus: Corpus, sentence: Sentence, query: Query) -> bool:
    """Whether every content word of the sentence is one the question asks with: it says nothing the question did
    not."""
    said = corpus.sentence_terms[sentence.sentence_id]
    return bool(said) and said <= query.asked.keys()


@dataclass(frozen=True)
class Unit:
    """What answering with a candidate sentence returns: the typed span (if any) and the sentence that holds it."""

    span: Span | None
    support: Sentence


def answer_unit(corpus: Corpus, sentence: Sentence, query: Query) -> Unit:
    """The wanted span in this sentence, else in the next one of its block: a sentence that names what a
    question is about is often followed by the one that answers it ("2. Operation Sentinel: ..." then
    "... National Targeting Center leads this effort"). A heading that matches a question no span answers
    ("What is the Applications/Accessibility section?") is answered by the sentence it heads."""
    if defines_subject(corpus, sentence, query):
        return Unit(None, sentence)
    answered = _answer_to_a_question_alone(corpus, sentence)
    if answered is not None:  # a FAQ's question asserts nothing: what follows it answers
        return Unit(best_span(corpus, answered, query), answered)
    span = best_span(corpus, sentence, query)
    following = sentence.sentence_id + 1
    if span is None and _same_block(corpus, following, sentence.sentence_id):
        after = corpus.sentences[following]
        if query.wanted.typed:
            following_span = best_span(corpus, after, query)
            if following_span is not None and not _act_done_apart(corpus, sentence, after, query):
                return Unit(following_span, after)
        if sentence.heading and not query.span_only and _heads_the_answer(corpus, sentence, query) and \
                (body := _headed(corpus, after)) is not None:
            return Unit(None, body)  # a heading that matches "What is X?" is answered by what it heads
    return Unit(span, sentence)


def _answer_to_a_question_alone(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The first sentence after a question that is a paragraph of its own, not a heading ("2.8. Does chronyd have an
    ntpdate mode?" over "Yes. With the -q option chronyd will set the system clock once and exit."): a FAQ's
    question; None for any other sentence, or when a heading or another question follows."""
    if sentence.heading or not _asks(corpus, sentence) or not _alone_in_its_block(corpus, sentence):
        return None
    following = sentence.sentence_id + 1
    after = corpus.sentences[following] if following < len(corpus.sentences) else None
    if after is None or after.doc_id != sentence.doc_id or after.heading or _asks(corpus, after):
        return None
    return after


def _asks(corpus: Corpus, sentence: Sentence) -> bool:
    return corpus.sentence_text(sentence).rstrip().endswith("?")


def _alone_in_its_block(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether no other sentence shares the sentence's block (a heading over it aside)."""
    before, following = sentence.sentence_id - 1, sentence.sentence_id + 1
    joined_before = _same_block(corpus, before, sentence.sentence_id) and not corpus.sentences[before].heading
    return not joined_before and not _same_block(corpus, following, sentence.sentence_id)


def _act_done_apart(corpus: Corpus, sentence: Sentence, after: Sentence, query: Query) -> bool:
    """Whether a sentence says the act a who-question asks the doer of and the next one does not: after "This
    license has been certified as open source." comes who designated it GPL-compatible, not who certified it
    (after a title, a byline says who wrote it without the verb). A verb the corpus never uses ("Who leeds
    ...?") may be misspelt: it does not decide."""
    act = set(terms(agent_verb(query.text) or ""))
    if not act or not act <= corpus.term_weights.keys():
        return False
    return act <= corpus.sentence_terms[sentence.sentence_id] and not act <= corpus.sentence_terms[after.sentence_id]


def _heads_the_answer(corpus: Corpus, heading: Sentence, query: Query) -> bool:
    """Whether what a heading heads may answer: the document's title (a plain text's first line, a README's
    opening heading) heads the whole text, so only a definition question ("What is the Boost Software License?")
    is answered by its opening."""
    return query.wanted.name == "definition" or \
        corpus.sentence_text(heading) != corpus.documents[heading.doc_id].title


def _headed(corpus: Corpus, after: Sentence) -> Sentence | None:
    """The first sentence of text a heading opens, past the labels under it ("response.ok", then
    "<small>*(spec-compliant)*</small>", then "Convenience property ..."); None when another heading comes first."""
    while after.heading:
        following = after.sentence_id + 1
        if not is_label(corpus, after) or not _same_block(corpus, following, after.sentence_id):
            return None
        after = corpus.sentences[following]
    return after


def best_span(corpus: Corpus, sentence: Sentence, query: Query) -> Span | None:
    """The span of the wanted type nearest the question's words in this sentence, in document offsets."""
    wanted = query.wanted
    if not wanted.typed:
        return None
    reading = sentence_words(corpus, sentence)
    text = fold(corpus.sentence_text(sentence))
    if sentence.heading and text.rstrip().endswith("?") and wanted.name != "acronym":
        return None  # a FAQ's question asserts nothing ("Now that SIL has taken over Gentium, who will ...?"); an
        # acronym spelled out in it ("Can I use WOFF (Web Open Font Format) ...?") still is what it stands for
    if wanted.name == "acronym":
        typed = [(a, b, terms(text[a:b])) for a, b in candidate_spans(text, wanted)]
    else:
        typed = reading.spans[wanted.name]
    numeric = wanted.name in NUMERIC_KINDS
    own_acronyms = _acronyms_asked(query.text) if wanted.name != "acronym" else ()
    spans = [(a, b) for a, b, span_terms in typed
             if not ((_repeats_number(span_terms, query.asked, text[a:b], query.text)
                      or _glued_to_another_name(text, a, query.asked)) if numeric
                     else _restates(span_terms, query.span_terms, is_address(text[a:b]))
                     or _spells_out(text[a:b], own_acronyms)
                     or _only_the_noun_asked(span_terms, query.focus)
                     or (wanted.name == "place" and _target_of_a_restated_link(text, a, query.span_terms)))]
    if spans and wanted.name == "quantity":
        spans = counts_only(query.text, dimension_only(query.text, money_only(query.text, spans, text), text), text)
    if spans and wanted.name == "date":
        spans = dated_only(query.text, spans, text)
    if spans and wanted.name == "place":
        spans = address_only(query.text, spans, text)
    if spans and wanted.name == "who":
        spans = [s for s in person_only(query.text, spans, text)
                 if not _common_word(text, s, word_counts(corpus, sentence.doc_id))]
    if wanted.name in ("license", "version"):
        spans = changed_value_asked(query.text, spans, text)
    spans = defaults_only(query.text, spans, text)
    if not spans:
        return None
    # Question words inside a name do not make it an answer; closeness counts the words outside it, a rare
    # word near a span ("Front-Cover") more than a common one ("Text") near another. In a number, a date or a
    # version they count as nearest: a quantity's unit is what was counted ("nearly 2,000 smugglers" for "how
    # many smugglers").
    anchors = [(position, found) for position, word in reading.word_terms if (found := word & query.asked.keys())]
    listed = text if wanted.name in ("version", "quantity") else ""  # dates come first: "In April, DHS launched"
    if wanted.name == "who":
        spans = _agents_of_the_verb_asked(text, spans, query.text) or spans
    best = max(spans, key=lambda s: (_closeness(s, anchors, query.asked, inside=numeric, text=listed, items=text),
                                     s[1] - s[0]))
    if len(spans) > 1 and (wanted.name in LISTED_KINDS or (wanted.name == "date" and asks_for_years(query.text))):
        best = coordinated(text, spans, best)
    return sentence.start + best[0], sentence.start + best[1]


# A passive's agent: "fixes for Solaris, mostly suggested by Peter Bray" ("by" after the verb, an adverb between).
_AGENT_BEFORE = re.compile(r"\b([A-Za-z]+)(?:\s+[a-z]+ly)?\s+by\s+\Z")


def _agents_of_the_verb_asked(text: str, spans: list[Span], question: str) -> list[Span]:
    """The names that do what the question asks who did ("Who suggested it?": the one it was "suggested by"), not
    the thing it was done to or for, which may stand nearer the verb."""
    act = set(terms(agent_verb(question) or ""))  # "suggested" of "Who suggested it?"
    agents = []
    for start, end in spans:
        verb = _AGENT_BEFORE.search(text, max(0, start - 40), start)
        if act and verb and set(terms(verb.group(1))) & act:
            agents.append((start, end))
    return agents


def _only_the_noun_asked(span_terms: list[str], focus: frozenset[str]) -> bool:
    """A span that says no more than the noun the question asks for ("Unit" for "Which unit does foo.timer
    activate?") names the kind of thing wanted, not the thing."""
    return bool(span_terms) and set(span_terms) <= focus


def _repeats_number(span_terms: list[str], asked: dict[str, float], span_text: str, question: str) -> bool:
    """A number the question itself gives is no answer to it ("nearly 2,000 smugglers" answers "how many
    smugglers", though it repeats "smugglers"), nor is a number word it says ("one" in "how many children have
    lost one or both parents?"), alone or with its unit ("eight weeks" in "... in the last eight weeks?"), however
    the question spells the rest ("one IP address" for "... from one IP adress ...")."""
    if any(any(c.isdigit() for c in term) and term in asked for term in span_terms):
        return True
    said = " ".join(span_text.lower().split()[:2])  # the number and the word after it: "one IP" of "one IP address"
    return re.match(rf"(?:{NUMBER_WORD.pattern})\b", said) is not None and \
        re.search(rf"(?<!\w){re.escape(said)}(?!\w)", " ".join(question.lower().split())) is not None


# A number glued to a name that marks itself an identifier is part of it: "C++11", "-std=c++0x", "utf8-12.1" (an
# encoding), "x86-64"; not "Python-3.8", "libfoo-2.3.1" or "v2.6-3.4", where the number is the name's version.
_GLUED_NAME = re.compile(r"\b([A-Za-z]\w*(?:\+\+|(?<=[A-Za-z]\d)-|(?<=[A-Za-z]\d\d)-))\Z")


def _glued_to_another_name(text: str, start: int, asked: dict[str, float]) -> bool:
    """Whether the number at `start` is the end of a name ("C++11", "utf8-12.1") that the question does not ask
    about: the standard C++11 is no minimum version of g++, nor is the encoding utf8-12.1 a release of e2fsprogs;
    "gcc-12.1" still answers "Which gcc version ...?"."""
    glued = _GLUED_NAME.search(text, max(0, start - 40), start)
    return glued is not None and not re.match(r"v?\d", glued.group(1), re.I) \
        and not set(terms(glued.group(1).rstrip("+-"))) & asked.keys()


_LINK_TEXT_BEFORE = re.compile(r"\[([^\[\]\n]{1,200})\]\(\Z")


def _target_of_a_restated_link(text: str, start: int, question_terms: list[str]) -> bool:
    """An address that a Markdown link's text of three or more words stands for, when the question restates that
    text: "[in scope for the GitHub Bug Bounty Program](https://bounty.github.com/#scope)" names what the question
    asks about, not where; a link named by a file or a name ("[get-pip.py](https://bootstrap.pypa.io/get-pip.py)")
    still answers where it is."""
    link = _LINK_TEXT_BEFORE.search(text, max(0, start - 210), start)
    if link is None:
        return False
    link_terms = terms(link.group(1))
    return len(link_terms) >= 3 and _restates(link_terms, question_terms)


def _acronyms_asked(question: str) -> tuple[str, ...]:
    """The acronyms a question asks about ("CRCs" in "Who first proposed CRCs?"), not those it offers as a choice
    ("DHS or DOJ?")."""
    offered = {name for pair in _ALTERNATIVES.findall(question) for name in pair}
    return tuple(acronym for acronym in _ACRONYM.findall(question) if acronym not in offered)


def _spells_out(span: str, acronyms: tuple[str, ...]) -> bool:
    """A span that is one of the question's own acronyms spelt out ("Cyclic Redundancy Checks (CRCs)" for "Who first
    proposed CRCs?"): what is asked about, not an answer."""
    return any(re.search(rf"\(\s*{re.escape(acronym)}s?\s*\)", span) for acronym in acronyms)


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+(?=s?\b)")
_ALTERNATIVES = re.compile(r"\b([A-Z][A-Z0-9]+)s?\s*,?\s+or\s+([A-Z][A-Z0-9]+)s?\b")


def _restates(span_terms: list[str], question_terms: list[str], address: bool = False) -> bool:
    """A span built from the question's own words (half of it, or two in a row) does not answer it; an address
    only when all of it is: it may end in the file the question names ("where can I download get-pip.py?" ->
    https://bootstrap.pypa.io/get-pip.py)."""
    if not span_terms:
        return False
    if address:
        return all(t in question_terms for t in span_terms)
    if sum(t in question_terms for t in span_terms) * 2 >= len(span_terms):
        return True
    pairs = set(itertools.pairwise(question_terms))
    return any(pair in pairs for pair in itertools.pairwise(span_terms))


_ITEM_BREAK = re.compile(r"\n[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+")  # a line that opens a list's next item


def _closeness(span: Span, anchors: list[tuple[int, frozenset[str]]], weights: dict[str, float],
               inside: bool = False, text: str = "", items: str = "") -> float:
    """Each question term found outside the span (or `inside` it too, at no distance), weighted, by how near its
    nearest occurrence is (in characters, about ten to a word gap). A number's name comes before it: a term after
    a comma or semicolon names the next number of a list ("autoconf 2.69, automake 1.14"). A term in another item of
    a list (`items`: the sentence) speaks of that item ("* Andrej Borsenkow (joined Jul 1996)" then "* Paul Sheer
    (joined Nov 1 1996)": Paul Sheer's date is the second)."""
    nearest: dict[str, int] = {}
    for position, found in anchors:
        within = span[0] <= position < span[1]
        if within and not inside:
            continue
        if inside and text and position >= span[1] and re.search(r"[,;]", text[span[1]:position]):
            continue
        if items and _ITEM_BREAK.search(items, min(position, span[1]), max(position, span[0])):
            continue
        gap = 0 if within else min(abs(position - span[0]), abs(position - span[1]))
        for term in found:
            nearest[term] = min(gap, nearest.get(term, gap))
    return sum(weights[term] / (1 + gap / 10) for term, gap in nearest.items())
