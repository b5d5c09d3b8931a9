"""Read a follow-up question against the turns before it, without a language model.

A question points back when it leans on a referring word with nothing of its own before it ("Who
leads it?", "does it keep the original file?"), opens with a conjunction ("and how many people does
HSI have on it?") or is only a frame or a new name ("how many?", "what about JTFA?"). Such a question
is read with what the most recent turn was about: the names it asked about (or, after a who/which
question, the name its answer gave), else the first run of content words it asked about. A pronoun is
replaced by that phrase ("Who leads Operation Sentinel?"); an elliptical question takes the
previous question's frame with the new name in place of the old ("Who leads JTFA?") or joins it. A
question that stands on its own ignores the history. A referent-less question with nothing to
resolve against (no history, or one about things the documents never mention) is not guessed at:
the service asks which one is meant.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from qa.answering.questions import FRAME, REFERRING, names_a_document, referentless
from qa.answering.spans import VERSION_NUMBER, question_type
from qa.documents.chunking import Passage
from qa.documents.words import STOPWORDS, terms
from qa.storage.corpus import Corpus

MAX_TURNS = 10  # turns of history read; older ones are dropped by the client

Dependence = Literal["pronoun", "ellipsis"]

# A word, a number or a name ("os.path", "ncdu's"); an option keeps its dashes ("-x", "--one-file-system").
_TOKEN = re.compile(r"(?:(?<![\w-])-{1,2}(?=[A-Za-z0-9]))?(?:[A-Za-z0-9][\w'’.\-/]*[A-Za-z0-9]|[A-Za-z0-9])")
_OPENING_CONJUNCTION = re.compile(r"^\s*(?:and|also|but|so|plus|then)\b[\s,]*", re.I)
_WHAT_ABOUT = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(?:what|how)\s+about\s+|^\s*(?:(?:and|but)\s+)?what\s+of\s+",
                         re.I)
# "is it possible to ...", "does it matter": "it" stands for nothing earlier.
_EXPLETIVE_AFTER_IT = frozenset("possible necessary true ok okay safe allowed required recommended legal worth hard "
                                "easy better wise important common normal matter advisable permitted mandatory "
                                "enough useful".split())
_OBLIGATION = frozenset("have has had need needs needed ought got".split())
_DEMONSTRATIVE = frozenset("this that these those".split())
# After "this"/"that" these make it a pronoun ("does that work?"); a noun makes it a determiner.
_PRONOUN_FOLLOWERS = frozenset("one ones is was are were does do did mean means work works happen happens cost "
                               "costs apply applies include includes say says cover covers require requires take "
                               "takes need needs change changes stand stands".split()) \
    | frozenset("back off on up down out away".split())  # a verb's particle: "turn that back off", "set this up"
_BE = frozenset("is are was were be 's".split())
_AUXILIARIES = frozenset("is are was were am do does did can could should would will shall may might must has have "
                         "had".split())
_DO_SUPPORT = frozenset("do does did".split())
_SUBJECTS = frozenset("it they he she".split())
_SUBORDINATORS = frozenset("when whenever if unless while because since after before until once so".split())
_QUESTION_WORDS = frozenset("what which who whom whose when where why how".split())
_ASKING = _QUESTION_WORDS | _AUXILIARIES
_OPENERS = _ASKING | frozenset("name list define explain describe tell give show compare".split())
_PREPOSITIONS = frozenset("for in on at by with from to of about under over into".split())
# Prepositions the stop-word list lacks: they end a run of content words ("a gzipped file | without ...").
_MORE_PREPOSITIONS = frozenset("without within via per upon across among amongst toward towards besides despite "
                               "unlike throughout except beyond instead".split())
# A demonstrative before a noun points back like a pronoun ("that option", "those reports"), but not before
# words for the text itself or for time ("this page", "these days"), a number or an adjective ("these two
# commands", "is that true").
_NOT_POINTED_WITH = _EXPLETIVE_AFTER_IT | frozenset(
    "document documents page pages manual guide text article site website service chat day days time times way "
    "year years week weeks month months two three four five six seven eight nine ten many few all both much more "
    "most other same different first second last".split())
# "that" is a determiner after these ("does that option", "about that release"); after a noun or another verb
# it is a relative pronoun or a conjunction ("tests that declare", "it means that").
_BEFORE_DETERMINER = _ASKING | _PREPOSITIONS | {"and", "or"}
# A condition, not a question: "when" or "if" before a clause ("when there's an error", "if it fails"), not
# before a verb that asks ("when was it...?").
_CONDITION = re.compile(r"^(?:when|whenever|if|unless|while)\s+(?:it|they|there|i|you|we|he|she|one|a|an|the|this|"
                        r"that|these|those|my|your|its|their|our|no|some|any|every|each)\b", re.I)
# A condition and then the question asked under it: "if the option takes several values, how are they split".
_CONDITIONED_QUESTION = re.compile(r"(?P<condition>[^,;]+),\s*(?P<asked>(?:what|which|who|whom|whose|when|where|why|"
                                   r"how|is|are|was|were|do|does|did|can|could|should|would|will|may|must)\b.*)",
                                   re.I | re.S)
_CONDITION_IN = re.compile(r"\s(?:when|whenever|if|unless|while)\s", re.I)
# An earlier question's own question words, dropped when a follow-up brings its own ("how much money?" after
# "How many personnel...?" asks about money, not a number of personnel).
_COUNTING = re.compile(r"^\s*how\s+(?:many|much)\b", re.I)
_QUESTION_FRAME = re.compile(r"^\s*(?:how\s+(?:many|much|often|long|far|soon|fast|big|old|large|\w+ly)|"
                             r"(?:what|which)\s+kinds?\s+of|what|which|who|whom|whose|when|where|why|how)\b\s*", re.I)
_ONE_OF_THEM = re.compile(r"\b(?:that|this|the)\s+(?:[a-z]+\s+)?ones?\b(?!\s+(?:that|which|who|of)\b)", re.I)
# Another of a kind named before: "a more detailed one", "a newer one" (not "a one-line summary", "a new one that ...").
_ANOTHER_ONE = re.compile(r"\ban?\s+(?:more\s+|less\s+)?[a-z]+\s+one\b(?![-\u2010]|\s+(?:that|which|who|of)\b)", re.I)
# "that acronym", "this abbreviation" (not "the acronym", which may be the document's): the acronym a turn wrote
# ("MAC", "MACs"; not "UTF-8", "ASN.1", a variable "$HOME" or a label "NOTE:").
_THAT_ACRONYM = re.compile(r"\b(?:that|this)\s+(?:acronym|abbreviation|initialism)\b", re.I)
_ACRONYM = re.compile(r"(?<![\w.$-])[A-Z][A-Z0-9]{1,7}(?=s?(?![\w:-]|\.\w))")
# "that first group", "that fifth one", "the latter one": one of several things the conversation named, by its place.
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_PLACE = {**{word: number for number, word in enumerate(_ORDINALS)}, "former": 0, "last": -1, "latter": -1}
_ORDINAL = re.compile(rf"\b(?:that|this|those|these)\s+({'|'.join(_PLACE)})\s+([a-z]+)\b"
                      rf"|\bthe\s+({'|'.join(_PLACE)})\s+(ones?)\b", re.I)
_NUMBER = re.compile(r"(?<![\w.])-?\d[\d,.]*(?<![,.])|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                     re.I)
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")  # a command-line option: "-q", "--brief"
# A network address or a path with digits: "192.0.2.0/24", "10.1.0.0", "2001:db8::/96" (not a decimal, "3.11").
_ADDRESS = re.compile(r"(?<![\w.:/])(?=[\w.:/]*\d)(?=[\w.:/]*(?:[:/]|\.\w+\.))[A-Za-z0-9]+(?:[.:/]+[A-Za-z0-9]+)+"
                      r"(?![\w.:/])")
# A name in code: "pipecmd_clearenv", "getLogger", "os.path.join", "itemgetter()", a call or method ".close()".
_IDENTIFIER = re.compile(r"(?<![\w.-])`?(?:[A-Za-z_]\w*(?:_\w+|[a-z][A-Z]\w*|\.[A-Za-z_]\w*)+(?:\(\))?|"
                         r"\.?[A-Za-z_]\w*\(\))`?(?![\w-])")
# nouns that name a kind of value: "that release" may point at the turn that gave "1.4.2" without saying "release"
_KIND_NAMED = {"release": VERSION_NUMBER, "version": VERSION_NUMBER, "option": _OPTION, "flag": _OPTION,
               "switch": _OPTION, "address": _ADDRESS, "function": _IDENTIFIER, "method": _IDENTIFIER}
# "Which less option ...?", "what command-line flag ...?": a which-question about an option.
_WHICH_OPTION = re.compile(r"\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:option|flag|switch)\b", re.I)
_VALUE_KINDS = (_ADDRESS, _NUMBER, _OPTION, _IDENTIFIER)  # what an elliptic follow-up may give alone
# When something holds: "now" and "historically" ask the same at another time.
_LINKING = _ASKING | _PREPOSITIONS | _MORE_PREPOSITIONS  # words that tie a literal into its sentence
_QUOTED = re.compile(r'"[^"\n]{1,40}"|\u201c[^\u201d\n]{1,40}\u201d|`[^`\n]{1,40}`')  # a literal: '"**/"', "`-r`"
_TIME = re.compile(r"(?<!\w)(?:now|nowadays|these days|currently|today|at present|historically|previously|"
                   r"originally|formerly|initially|in the past|at first|recently|earlier)(?!\w)", re.I)
_CONTRACTION = {"s": "is", "re": "are", "ve": "have", "ll": "will", "d": "would"}
# Only personal pronouns: "that's" is often a relative ("the command that's used"), "there's" existential.
_POINTER_CONTRACTION = re.compile(r"\b(it|they|he|she)['’](s|re|ve|ll|d)\b", re.I)
_CONTRACTED = {"whats": "what", "hows": "how", "whos": "who", "wheres": "where", "whens": "when", "whys": "why"}
# Words that add nothing to say what a question is about ("how many in total?").
_GENERIC = frozenset("total all overall altogether exactly roughly approximately instead else more less other "
                     "others usually typically currently now today still anymore default".split())
_PARTICLES = frozenset("van von de da del der di la le du".split())  # inside names: "Guido van Rossum"
_POSSESSIVE = frozenset("its their theirs his her".split())
_PERSONAL = frozenset("he him his she her they them their theirs".split())
_PLURAL = frozenset("they them their theirs these those".split())
_PLURAL_PRONOUNS = _PLURAL & _PERSONAL  # they, them, their, theirs
_THING_POINTERS = frozenset("it its this that".split())  # after "which file ...?" or "is there a command ...?"
_YES_NO = re.compile(r"^\s*(?:yes|no)\b[\s,.:;-]*", re.I)
_AUXILIARY = "|".join(sorted(_AUXILIARIES))
# "Which environment variable ...?", "What mke2fs.conf setting ...?": a which-question about a setting, a thing with a
# name ("Which user ...?", "Which version ...?", "What happens ...?" are not)
_SETTING_KINDS = "|".join("variable setting option parameter key keyword directive field flag switch property "
                          "attribute statement".split())
_WHICH_SETTING = re.compile(rf"^\s*(?:which|what)\s+(?P<thing>(?:[\w.-]+\s+){{0,2}}?(?:{_SETTING_KINDS})s?\b[^?]*?)"
                            r"\s*\??\s*$", re.I)
_ASKS_FOR_A_THING = re.compile(rf"^\s*(?:(?:which|what)\s+(?!(?:{_AUXILIARY})\b)[a-z]|(?:is|are)\s+there\b)", re.I)
# The term an entry of a definition list opens with: alone on its line, its text indented below it.
_ENTRY_TERM = re.compile(r"\s*`?([A-Za-z_$][\w$.-]*[\w$])`?[ \t]*\r?\n[ \t]+\S")
_NAME_FRAME = frozenset(w.capitalize() for w in FRAME | STOPWORDS)
# An aspect of the earlier topic is a short phrase ("the money side", "still created by default"); a longer one ("using
# indentation to group statements") is a new subject, which takes the topic's place.
_ASPECT_WORDS = 3
# What turns a word of an earlier question into the word a one-word follow-up asks about ("de"-"compress").
_PREFIXES = frozenset("un re de dis mis non pre sub over under auto multi".split())
# Words that set the scene before a question rather than name its subject ("unlike passdev, ...", "ok, ...").
_SCENE_SETTERS = _MORE_PREPOSITIONS | frozenset("like compared otherwise ok okay yes no well now then also".split())
# A subject named before the question about it: "passdev, what does it do".
_DISLOCATED = re.compile(rf"([^,;:?]{{1,60}}),\s*((?:{'|'.join(sorted(_OPENERS))})\b.*)", re.I | re.S)


@dataclass(frozen=True)
class Turn:
    """An earlier turn as the client showed it: the question, and the answer's text (None: not answered)."""

    question: str
    answer: str | None = None


@dataclass(frozen=True)
class Taken:
    """The words a turn lent to the reading of a follow-up."""

    turn: int  # position in the history, 0 = oldest
    words: list[str]


@dataclass(frozen=True)
class Resolution:
    """How a question was read: `query` is what retrieval and the answer step use."""

    question: str
    query: str
    from_turns: list[int] = field(default_factory=list)
    taken: list[Taken] = field(default_factory=list)
    unresolved: bool = False  # it points back at nothing: ask which one is meant
    said: tuple[str, ...] = ()  # what the turns read said (questions, answers) when the answer should add to it
    given: tuple[str, ...] = ()  # earlier answers it asks past ("and historically?"): none of them is its answer


def resolve(question: str, history: list[Turn], corpus: Corpus) -> Resolution:
    """`question` read with the turns before it (oldest first); standalone questions are left as they are."""
    asked = _uncontracted(question)
    dependence = points_back(asked)
    if dependence is None or (not history and dependence == "pronoun" and _antecedent_before_pointer(asked)):
        return Resolution(question, question)
    return replace(_read_against(asked, dependence, history, corpus), question=question)


def _read_against(question: str, dependence: Dependence, history: list[Turn], corpus: Corpus) -> Resolution:
    """A question that points back, read against the most likely earlier turn."""
    read = history[-MAX_TURNS:]
    readings = _read_history(read, corpus)
    pointed = _by_place(question, read, readings, len(history) - len(read)) \
        or _by_acronym(question, read, len(history) - len(read))
    if pointed is not None:
        return pointed
    noun = _pointed_noun(question)
    mentioning = {number for number, turn in enumerate(read) if noun and _mentions(turn, noun)}
    if noun and not mentioning:
        pointed = _by_kind(question, noun, read, len(history) - len(read))
        if pointed is not None:
            return pointed
    if noun and not mentioning:  # "this command" when no turn spoke of one: read alone after turns the
        # documents speak of, or when it names the document to look in; else asked about
        unresolved = not any(reading.topic for reading in readings) and not says_where_to_look(question, corpus)
        return Resolution(question, question, unresolved=unresolved)
    kind = _value_kind(question) if dependence == "ellipsis" else None  # "and in 2001:db8::/96?" asks again the
    # turn that held an address ("how many addresses are in 192.0.2.0/24?"), not the one about looping over them
    alike = {number for number, reading in enumerate(readings) if kind is not None and kind.search(reading.query)}
    for reading in _most_likely_first(readings, mentioning or alike, "" if noun else _plural_reference(question)):
        if reading.topic:
            return _resolved(question, dependence, reading, read, len(history) - len(read), corpus)
    unresolved = (dependence == "pronoun" and not says_where_to_look(question, corpus)) \
        or _nothing_of_its_own(question)
    return Resolution(question, question, unresolved=unresolved)


def _antecedent_before_pointer(question: str) -> bool:
    """An article and a noun before the referring word ("What happens to the licence if its conditions are not
    met?"): with no earlier turn, that is what it refers to, and the question is read alone."""
    tokens = _tokens(question)
    before = tokens[:_first_referring(tokens) or 0]
    return any(_plain(word) in ("the", "a", "an") and _is_content(following) and _plain(following) not in _GENERIC
               for word, following in itertools.pairwise(before))


def says_where_to_look(question: str, corpus: Corpus) -> bool:
    """A word of the question names one document by its title (as `names_a_document` reads it): "are these
    environment variables stable?" beside "Known Environment Variables" says where to look. The word after a
    subject ("when was it launched?") is what that subject does, not a name, even beside a title that "Launches"."""
    tokens = _tokens(question)
    named = [word for before, word in itertools.pairwise(["", *tokens]) if _plain(before) not in _SUBJECTS]
    return any(names_a_document(corpus, word) for word in _content(named))


def _uncontracted(question: str) -> str:
    """A referring word's contraction written out ("they're" -> "they are"), so that it is seen and replaced."""
    return _POINTER_CONTRACTION.sub(lambda m: f"{m.group(1)} {_CONTRACTION[m.group(2).lower()]}", question)


def points_back(question: str) -> Dependence | None:
    """Whether the question leans on earlier turns, and how: by a referring word or by leaving words out."""
    if _WHAT_ABOUT.match(question) or _OPENING_CONJUNCTION.match(question) or _WHICH_ONE_ALONE.match(question):
        return "ellipsis"  # "Which one does a column use ...?": one of the kind asked for before
    tokens = _tokens(question)
    if tokens and all(not _is_content(t) or _plain(t) in _GENERIC for t in tokens) and not _referring(tokens):
        return "ellipsis"  # only a frame: "how many?", "when?", "why?", "how many in total?"
    if _fragment(tokens):
        return "ellipsis"
    if _ONE_OF_THEM.search(question) or _ordinal_reference(question) or _another_one(question):
        return "pronoun"  # "that fifth one", "the first one", "a faster one": one of something named before
    position = _first_referring(tokens)
    if position is None:
        return None
    before = tokens[:position]
    if _compares_back(tokens, position):
        return "pronoun"  # "a string like that": compared with something said before, never inside the question
    if _names(before) or len(_content(before)) >= 3:
        return None  # "when was git created and who maintains it?": "it" points inside the question
    if before and _plain(before[-1]) in _SUBORDINATORS and _plain(tokens[position]) in _SUBJECTS and _content(before):
        return None  # "what happens to migrants when they are caught?": "they" are the migrants (not "if its...")
    if _plain(tokens[position]) in ("they", "their", "theirs") and \
            any(_is_plural(word) for word in _nouns_before(tokens, position)):
        return None  # "why do smugglers say they are safe?", "why do smugglers change their routes?"
    return "pronoun"


def _another_one(question: str) -> bool:
    """"a more detailed one" with nothing before it that it may be another of ("... kill ssh and start a new one?")."""
    match = _ANOTHER_ONE.search(question)
    before = _tokens(question[:match.start()]) if match else []
    return match is not None and not _names(before) and len(_content(before)) < 3


def _nouns_before(tokens: list[str], position: int) -> list[str]:
    """The content words before `position` that may be nouns: not the verb right after "who", "what" or "which"
    ("who sends them out?")."""
    return [tokens[i] for i in range(position)
            if _is_content(tokens[i]) and not (i and _plain(tokens[i - 1]) in ("who", "what", "which"))]


def _by_place(question: str, read: list[Turn], readings: list[_Reading], base: int) -> Resolution | None:
    """"that first group": the first turn that spoke of a group; "that fifth one": the turn that asked about a
    fifth something. It stands for what that turn's short answer named, else what the turn asked about."""
    match = _ordinal_reference(question)
    if match is None:
        return None
    place, noun = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    place, noun = place.lower(), noun.lower()
    noun = "" if noun in ("one", "ones") else noun
    named = [n for n, turn in enumerate(read) if re.search(rf"\b{place}\s+{noun or '[a-z]+'}", turn.question, re.I)]
    speaking = [n for n, turn in enumerate(read) if not noun or _mentions(turn, noun)]
    position = _PLACE[place]
    if named:
        number = named[-1]
    elif -len(speaking) <= position < len(speaking):
        number = speaking[position]
    else:
        return None
    antecedent = _short_answer(read[number].answer) or readings[number].thing or readings[number].topic
    if not antecedent:
        return None
    said = antecedent if not noun or _holds(antecedent, noun) else f"{antecedent} {noun}"
    query = f"{question[:match.start()]}{said}{question[match.end():]}"
    spoken = set(_tokens(_said(read[number])))
    lent = [word for word in _tokens(said) if word in spoken]
    return Resolution(question, query, [base + number], [Taken(base + number, lent)] if lent else [],
                      said=_all_said(read))


def _by_acronym(question: str, read: list[Turn], base: int) -> Resolution | None:
    """"What does that acronym stand for?": the acronym the latest turn that writes one wrote (the last of its
    question, else the first of its answer), or asked about when no turn wrote one; None when the question points
    at no acronym."""
    match = _THAT_ACRONYM.search(question)
    if match is None:
        return None
    for number in reversed(range(len(read))):
        found = _ACRONYM.findall(read[number].question)[-1:] or _ACRONYM.findall(read[number].answer or "")[:1]
        if found:
            query = f"{question[:match.start()]}{found[0]}{question[match.end():]}"
            return Resolution(question, query, [base + number], [Taken(base + number, found)])
    return Resolution(question, question, unresolved=True)


def _by_kind(question: str, noun: str, read: list[Turn], base: int) -> Resolution | None:
    """"When did that release come out?" after "what was fixed in 1.4.2?": a noun that names a kind of value points
    at the latest turn that gave one, in its question or its answer, and stands for that value ("1.4.2 release");
    None when the noun names no kind, no turn gave one, or the latest that did gave several ("pip 23.1" and
    "Python 3.7": which one is meant is unknown)."""
    kind = _KIND_NAMED.get(_plain(noun).removesuffix("s"))
    match = re.search(rf"\b(?:that|this|those|these)\s+(?={re.escape(noun)}\b)", question, re.I)
    if kind is None or match is None:
        return None
    for number in reversed(range(len(read))):
        found = set(kind.findall(_said(read[number])))
        if len(found) == 1:
            value = found.pop()
            query = f"{question[:match.start()]}{value} {question[match.end():]}"
            return Resolution(question, query, [base + number], [Taken(base + number, [value])])
        if found:
            return None
    return None


def _ordinal_reference(question: str) -> re.Match[str] | None:
    """"that first group", "the latter one": an ordinal before "one" or a noun, after a demonstrative that is a
    determiner (not "that first you run...", not "that last year")."""
    for match in _ORDINAL.finditer(question):
        if match.group(3):
            return match
        before, rest = _tokens(question[:match.start()]), _tokens(question[match.start(2):])  # rest: the noun on
        demonstrative, previous = match.group(0).split()[0].lower(), _plain(before[-1]) if before else ""
        one = match.group(2).lower() in ("one", "ones")
        if (_determiner(demonstrative, previous, rest) if not one
                else _in_determiner_place(demonstrative, previous, rest)):
            return match
    return None


def _short_answer(answer: str | None, most: int = 4) -> str:
    """An answer of at most `most` words, all names or content words ("lp", "Yes, zcat", "Intelligence Community
    (IC)"), without its "yes"/"no"; else ""."""
    said = _YES_NO.sub("", answer or "").strip().rstrip(".")
    words = _tokens(said)
    return said if 0 < len(words) <= most and all(map(_is_content, words)) else ""


def _pointed_noun(question: str) -> str:
    """The noun a demonstrative points with ("reports" in "who sends those reports out?"), else ""."""
    tokens = _tokens(question)
    pointing = (tokens[position + 1] for position in range(len(tokens) - 1) if _points_with_noun(tokens, position))
    return next(pointing, "")


def _plural_reference(question: str) -> str:
    """The plural word the question points back with ("they", "them", "those"...), else ""."""
    tokens = _tokens(question)
    position = _first_referring(tokens)
    word = tokens[position].lower() if position is not None else ""
    return word if word in _PLURAL else ""


def _most_likely_first(readings: list[_Reading], mentioning: set[int], plural: str) -> list[_Reading]:
    """The earlier turns, most recent first; the turns that mention the noun a demonstrative points with come
    first ("those reports" is the turn about reports, even with another turn after it); "they" prefers the
    one of the last two turns about something plural ("smugglers" rather than "DHS"), and of those about something
    singular, one that named something plural besides ("new users" of "the default login shell for new users")."""
    recent = list(reversed(readings))
    if plural:  # a turn whose stand-in is plural first, its topic before a plural thing it named besides
        recent[:2] = sorted(recent[:2], key=lambda reading: (not _is_plural(reading.antecedent(plural)),
                                                             reading.antecedent(plural) != reading.topic))
    if mentioning:
        recent.sort(key=lambda reading: reading.turns[-1] not in mentioning)
    return recent


def _mentions(turn: Turn, noun: str) -> bool:
    return bool(set(terms(noun)) & set(terms(_said(turn))))


def _is_plural(phrase: str) -> bool:
    """A phrase with a plural noun ("smuggling networks", "Homeland Security Investigations"; not "DHS",
    "analysis")."""
    return any(not word.isupper() and word.endswith("s") and not word.endswith(("ss", "us", "is"))
               for word in phrase.split())


def _said(turn: Turn) -> str:
    return f"{turn.question} {turn.answer or ''}"


def _fragment(tokens: list[str]) -> bool:
    """A short question that opens with neither a question word nor a verb that asks: "operating where?",
    "in what time frame?", "still created by default?", "just from law enforcement?"."""
    opener = _plain(tokens[0]) if tokens else ""
    return 0 < len(tokens) <= 5 and opener not in _OPENERS


@dataclass(frozen=True)
class _Reading:
    """An earlier turn as read: its question with its own references resolved, and what it was about."""

    query: str
    topic: str     # what it asked about: the names in it, else its first run of content words; "" when nothing
    answered: str  # after a who/where question, the name its answer gave ("" otherwise)
    turns: tuple[int, ...]  # this turn and the earlier ones its reading took words from
    thing: str = ""  # after "which X ...?" or "is there an X ...?", the X a short answer named ("GZIP")
    plural: str = ""  # the longest plural run of content words it asked about ("new users"), when its topic is
    # singular and it names nothing
    described: bool = False  # the thing is the one a which-question left unanswered asked for, in its words

    @property
    def names_a_thing(self) -> bool:
        """The short answer names something ("zcat"), not a value ("Yes, 4 GB": "change it" means the limit)."""
        return self.described or not any(c.isdigit() for c in self.thing)

    def antecedent(self, pronoun: str, pointing: bool = False) -> str:
        """What a pronoun of the next turn stands for: he, she, they... the person or body the answer named;
        "that variable" after "which variable...?", and "it" after "which file ...?" or "is there a command ...?",
        the one the answer named when it names a thing; otherwise it, this, there... what the question asked
        about."""
        if self.answered and pronoun in _PERSONAL:
            return self.answered
        if self.thing and (pointing or (pronoun in _THING_POINTERS and self.names_a_thing)):
            return self.thing
        if pronoun in _PLURAL_PRONOUNS and not pointing and self.plural:  # "their" after "the default login shell
            return self.plural                                              # for new users": the users
        return self.topic


def _read_history(history: list[Turn], corpus: Corpus) -> list[_Reading]:
    """Each turn read in order, resolving it against the ones before, so that topics carry through."""
    readings: list[_Reading] = []
    for number, turn in enumerate(history):
        query = _uncontracted(turn.question.strip())
        turns: tuple[int, ...] = (number,)
        dependence = points_back(query)
        earlier = next((r for r in reversed(readings) if r.topic), None)
        if dependence is not None and earlier is not None:
            query, turns = _rewrite(query, dependence, earlier, corpus), (*earlier.turns, number)
        topic, answered, thing = _topic(query, corpus), _answered(query, turn.answer), _thing(query, turn.answer)
        described = "" if thing else _described(query, turn.answer)  # a setting asked for and not answered
        thing = thing or described
        # a history about something the documents never mention resolves nothing
        plural = _plural_topic(query, corpus) if topic and not _is_plural(topic) else ""
        readings.append(_Reading(query, topic if _known(topic, corpus) else "",
                                 answered if _known(answered, corpus) else "", turns,
                                 thing if _known(thing, corpus) else "", plural if _known(plural, corpus) else "",
                                 bool(described)))
    return readings


def _resolved(question: str, dependence: Dependence, earlier: _Reading, read: list[Turn], base: int,
              corpus: Corpus) -> Resolution:
    """The question rewritten with `earlier`'s topic; `read` are the turns read, the first at `base` in the history."""
    query = _rewrite(question, dependence, earlier, corpus)
    asked = set(_tokens(question))
    lent = _content([word for word in _tokens(query) if word not in asked])
    taken = []
    for number in earlier.turns:
        turn = read[number]
        said = set(_tokens(_said(turn)))
        words = [word for word in lent if word in said]
        lent = [word for word in lent if word not in said]
        if words:
            taken.append(Taken(base + number, words))
    asks_further = dependence == "pronoun" or not _asks_the_same_of_another(question)
    turns = [read[number] for number in earlier.turns]
    return Resolution(question, query, [base + number for number in earlier.turns], taken,
                      said=_all_said(turns) if asks_further else (),
                      given=_answers(turns) if _at_another_time(question, dependence) else ())


def _rewrite(question: str, dependence: Dependence, earlier: _Reading, corpus: Corpus) -> str:
    """The question with the earlier turn's topic put in: in place of the pronoun, in place of the
    earlier question's own topic when only a new name is given, else joined to it."""
    if dependence == "pronoun":
        return _replace_pronoun(question, earlier)
    rest = _own_words(question)
    conditioned = _CONDITIONED_QUESTION.match(rest) if _CONDITION.match(rest) else None
    if conditioned:  # "and if I get server errors instead, where should I look?" asks its own question
        return f"{conditioned['asked']} {conditioned['condition']}? {_QUESTION_FRAME.sub('', earlier.query, count=1)}"
    if _CONDITION.match(rest):  # "and when there's an error?" asks the same with another condition
        query = earlier.query.rstrip(" ?")
        cut = _CONDITION_IN.search(query)
        return f"{query[:cut.start()] if cut else query} {rest}?"
    dislocated = _dislocated(rest, corpus)
    if dislocated is not None:  # "and passdev, what does it do?": "it" is passdev
        subject, asked = dislocated
        return _replace_pronoun(asked, _Reading(subject, subject, "", ())) + "?"
    if _first_referring(_tokens(rest)) is not None:
        return _replace_pronoun(rest, earlier) + "?"
    if rest and _only_a_subject(rest):
        shifted = _shift(rest, earlier, corpus)
        if shifted:
            return shifted
    if not rest:
        return earlier.query
    counted = _counted(rest, earlier.query)
    if counted:
        return counted
    another = _another_of_the_kind(rest, earlier.query, corpus)
    if another:
        return another
    if any(_plain(word) in _QUESTION_WORDS for word in _tokens(rest)):  # "and how much money?", "by who?"
        return f"{rest}? {_QUESTION_FRAME.sub('', earlier.query, count=1)}"
    return f"{rest}? {earlier.query}"


_WHICH_ONE = re.compile(r"^\s*(?:which|what)\s+(ones?)\b", re.I)
_WHICH_ONE_ALONE = re.compile(r"^\s*(?:which|what)\s+ones?\b(?!\s+of\b)", re.I)  # not "which one of the options"
_WHICH_KIND = re.compile(r"^\s*(?:which|what)\s+", re.I)
_KIND_WORDS = 3  # "which git stash option": at most this many words name the kind a which-question asks for


def _another_of_the_kind(rest: str, query: str, corpus: Corpus) -> str | None:
    """"and which one inverts the match?" after "Which option makes grep ignore case?" asks for another of the kind
    the earlier which-question asked for: "which option inverts the match? grep", with the words of the earlier
    question that name a document to look in (its predicate, "makes grep ignore case", would find the first answer
    again); None for any other follow-up, or when the earlier question asked for no kind of thing."""
    one, kind = _WHICH_ONE.match(rest), _asked_kind(query)
    if one is None or not kind:
        return None
    asked = f"{rest[:one.start(1)]}{kind}{rest[one.end(1):]}?"
    own = set(map(_plain, _tokens(asked)))
    named = [word for word in _content(_tokens(query)) if _plain(word) not in own and names_a_document(corpus, word)]
    return " ".join([asked, *dict.fromkeys(named)])


def _asked_kind(query: str) -> str:
    """The kind of thing a which-question asks for: the words before its auxiliary ("What compression level does
    gzip use?"), else up to a word for a setting ("Which git stash option also stashes ...?"), else its first word
    ("Which option makes grep ignore case?"); "" for any other question."""
    opening = _WHICH_KIND.match(query)
    if opening is None:
        return ""
    words = _tokens(query[opening.end():])[:_KIND_WORDS + 1]
    if not words or not _is_content(words[0]):
        return ""
    auxiliary = next((n for n, word in enumerate(words) if _plain(word) in _AUXILIARIES), None)
    if auxiliary is not None and 0 < auxiliary <= _KIND_WORDS:
        return " ".join(words[:auxiliary])
    setting = next((n for n, word in enumerate(words[:_KIND_WORDS])
                    if re.fullmatch(rf"(?:{_SETTING_KINDS})s?", word, re.I)), None)
    return " ".join(words[:setting + 1]) if setting is not None else words[0]


def _dislocated(rest: str, corpus: Corpus) -> tuple[str, str] | None:
    """A follow-up's own words that name their subject first and then ask about it with a referring word
    ("passdev, what does it do", "handshakeTimeout, what unit is it in"): the subject, a name the documents use, and
    the question; else None. An aspect ("the money side, is it big") is one of the earlier topic, and a phrase
    that sets the scene ("on Windows, where is it stored", "by default, what does it read", "unlike passdev, ...")
    leaves the pointer to the earlier turn: both are read as before."""
    match = _DISLOCATED.match(rest)
    if match is None:
        return None
    subject, asked = match.group(1).strip(), match.group(2)
    named = _tokens(subject)
    if not 0 < len(named) <= 4 or not all(map(_is_content, named)) or _referring(named) \
            or _plain(named[0]) in _OPENERS | _SCENE_SETTERS or _first_referring(_tokens(asked)) is None \
            or not _known(subject, corpus):
        return None
    return subject, asked


def _own_words(question: str) -> str:
    """An elliptic follow-up without its opening ("and", "what about") and question mark."""
    rest = _WHAT_ABOUT.sub("", question, count=1)
    return _OPENING_CONJUNCTION.sub("", rest, count=1).strip().rstrip("?").strip()


def _value_kind(question: str) -> re.Pattern[str] | None:
    """The kind of value an elliptic follow-up gives alone ("and 2001:db8::/96?", "and in 2001:db8::/96?", "and
    -s?"), or None."""
    rest = _own_words(question)
    words = rest.split(maxsplit=1)
    if len(words) == 2 and words[0].lower() in _PREPOSITIONS:
        rest = words[1]
    return next((kind for kind in _VALUE_KINDS if kind.fullmatch(rest)), None)


def _asks_the_same_of_another(question: str) -> bool:
    """"and with meson?", "and when there's an error?": the earlier question asked again of something else, so
    its answer may be given again; a follow-up that asks further ("a leftover from what?") wants something new."""
    rest = _own_words(question)
    if _CONDITION.match(rest):  # read in the order `_rewrite` reads it
        return True
    return _first_referring(_tokens(rest)) is None and bool(rest) and _only_a_subject(rest)


def _at_another_time(question: str, dependence: Dependence) -> bool:
    """"and historically?", "what about now?", "and in the past?": an ellipsis that gives only another time for the
    earlier question: the earlier answer is no answer to it (read with the earlier question's words, it finds that
    answer again). "what about the earlier operation?" gives a thing, not a time."""
    return dependence == "ellipsis" and bool(_TIME.fullmatch(_own_words(question)))


def _answers(read: list[Turn]) -> tuple[str, ...]:
    return tuple(turn.answer for turn in read if turn.answer)


def _all_said(read: list[Turn]) -> tuple[str, ...]:
    """The questions and answers of the turns a follow-up was read against: if it asks further, it should add to
    them."""
    return tuple(text for turn in read for text in (turn.question, turn.answer) if text)


def _counted(rest: str, query: str) -> str | None:
    """"how many in total?" after "What kinds of enforcement actions have been taken?" counts the things the earlier
    question asked about: "how many enforcement actions have been taken in total?"; None for any other follow-up,
    or when the earlier question did not ask "what/which X ..."."""
    counting = _COUNTING.match(rest)
    if not counting or any(_plain(word) not in _GENERIC for word in _content(_tokens(rest[counting.end():]))):
        return None
    things = _QUESTION_FRAME.sub("", query, count=1).rstrip(" ?")
    first = _tokens(things)[:1]
    if not re.match(r"\s*(?:what|which)\b", query, re.I) or not first or not _is_content(first[0]):
        return None
    return f"{counting.group(0)} {things}{rest[counting.end():]}?"


def _shift(rest: str, earlier: _Reading, corpus: Corpus) -> str | None:
    """The earlier question asked about something else: "and zero?" replaces its number ("what does a NUM of -1
    mean?"), "and -s?" its option ("what does diff -q do?"), "and pipecmd_get_nargs?" its name in code ("what does
    pipecmd_clearenv do?"), "and historically?" its time ("how often ... now?"); "and probably lost?" the phrase that
    ends alike ("what does definitely lost mean?"); "and for a release candidate?" replaces what followed "for"
    ("...suffix for a Python alpha release?"), and where nothing did, the phrase that ends alike ("and for pack
    files?" after "... when decompressing gzip or zip files?"); "what about JTFA?" replaces the topic ("Who leads
    Operation Sentinel?"); a single word replaces the first of a longer topic ("and plugdev?" after "what does the
    dialout group give you?"), or a one-word topic when both label items of one list ("and apt-cdrom?" after "what
    is apt-key?"); a short noun phrase the documents never write is an aspect of the topic ("and the money side?":
    "the money side of Operation Sentinel"), a longer one ("using indentation to group statements") takes the
    topic's place."""
    words = _tokens(rest)
    query = earlier.query.rstrip(" ?")
    literal = _for_the_literal(rest, query)
    if literal:
        return literal
    for kind in (*_VALUE_KINDS, _TIME):  # "and zero?" after "what does a NUM of -1 mean?", "and -s?" after "... -q
        # do?", "and pipecmd_get_nargs?" after "what does pipecmd_clearenv do?", "and historically?"
        if kind.fullmatch(rest):
            found = list(kind.finditer(query))  # with several, which one is unknown
            if len(found) == 1:
                return f"{query[:found[0].start()]}{rest}{query[found[0].end():]}?"
            if kind in (_NUMBER, _OPTION):
                return f"{query} {rest}?"
    parallel = _parallel(words, query) or _affixed(words, query)
    if parallel:  # "and probably lost?" after "what does definitely lost mean?"; "and decompress?" after "compress"
        return parallel
    if words[0].lower() in _PREPOSITIONS:
        cut = query.lower().rfind(f" {words[0].lower()} ")
        if cut < 0:  # "and for pack files?" after "what does gunzip check when decompressing gzip files?"
            phrase = [word for word in words[1:] if _plain(word) not in ("a", "an", "the")]
            return _parallel(phrase, query) or f"{query} {rest}?"
        return f"{query[:cut]} {rest}?"
    defined = _DEFINED_IN.match(query)
    if defined and all(word[:1].isupper() for word in _content(words)) and _content(words):  # "and Target Code?"
        return f"{query[:defined.start('asked')]}{rest}{query[defined.end('asked'):]}?"  # after "What is an
        # Independent Module in the GCC Runtime Library Exception?" asks what Target Code is there
    if not earlier.topic or earlier.topic not in query:
        return None
    topic = earlier.topic.split()
    phrase = [word for word in words if _plain(word) not in ("a", "an", "the")]
    if len(phrase) > 1 and len(topic) > 1 and _plain(phrase[0]) == _plain(topic[0]) \
            and _plain(phrase[-1]) != _plain(topic[-1]):  # "and the default version?" after "the default logLevel"
        return query.replace(earlier.topic, " ".join(phrase), 1) + "?"
    named = any(_is_name(word, position) for position, word in enumerate(words, start=1))  # a capital anywhere
    content = _content(words)
    modified = len(topic) > 1 and not any(word[:1].isupper() for word in topic)  # "default compression level"
    if not named and len(content) == 1 and (modified or len(words) == 1):  # "and plugdev?", "and the fastest?"
        if modified:
            return query.replace(earlier.topic, " ".join([content[0], *topic[1:]]), 1) + "?"
        if _siblings(corpus, earlier.topic, content[0]):  # "and apt-cdrom?" after "what is apt-key?"
            return query.replace(earlier.topic, rest, 1) + "?"
        return f"{query} {rest}?"  # "and historically?"
    if not named and len(content) <= _ASPECT_WORDS and not corpus.uses_phrase(" ".join(content)):
        return query.replace(earlier.topic, f"{rest} of {earlier.topic}", 1) + "?"  # an aspect: "the money side"
    return query.replace(earlier.topic, rest, 1) + "?"


# A question what a term means within a text: "What is an Independent Module in the GCC Runtime Library Exception?"
_DEFINED_IN = re.compile(r"^\s*(?i:what|who)\s+(?i:is|are|was|were)\s+(?P<asked>(?:an?\s+|the\s+)?[A-Z][\w-]*"
                         r"(?:\s+[A-Z][\w-]*)*)\s+(?i:in|of|under)\s+\S")


def _affixed(words: list[str], query: str) -> str | None:
    """The earlier question with the one word that a single new word extends by a prefix put in its place: "and
    decompress?" after "how fast does zstd -1 compress?", "and uninstall?" after "how do I install it?" (not "and
    adduser?" after "how do I add a user?", nor "and copyright?" after "can I copy it?"); None when no word, or more
    than one, of the earlier question is so extended."""
    if len(words) != 1 or not _is_content(words[0]):
        return None
    new = _plain(words[0])
    asked = list(_TOKEN.finditer(query))
    extended = [m for m in asked if _is_content(m.group(0)) and _extends(new, _plain(m.group(0)))]
    if len(extended) != 1:
        return None
    found = extended[0]
    return f"{query[:found.start()]}{words[0]}{query[found.end():]}?"


def _extends(new: str, old: str) -> bool:
    return len(old) >= 4 and new.endswith(old) and new[:-len(old)] in _PREFIXES


def _parallel(words: list[str], query: str) -> str | None:
    """The earlier question with its phrase of as many words that ends in the same word as `words` put in its
    place: "and probably lost?" after "what does definitely lost mean in the leak report?"; None when no phrase
    of the earlier question ends so."""
    content = _content(words)
    if len(content) < 2 or len(content) != len(words):
        return None
    asked = _tokens(query)
    ends = [position for position, token in enumerate(asked) if _plain(token) == _plain(content[-1])]
    if len(ends) != 1 or ends[0] < len(content) - 1:
        return None
    first = ends[0] - len(content) + 1
    if not all(_is_content(token) for token in asked[first:ends[0] + 1]):
        return None
    phrase = re.search(r"\s+".join(re.escape(token) for token in asked[first:ends[0] + 1]), query)
    return f"{query[:phrase.start()]}{' '.join(words)}{query[phrase.end():]}?" if phrase else None


_NEARBY = 4  # passages either side: the items of a list are passages of their own


def _siblings(corpus: Corpus, topic: str, word: str) -> bool:
    """Whether a one-word topic and `word` open nearby passages under one heading, as the items of a list do
    ("* **apt-key** ...", "* **apt-cdrom** ..."): then the word is another of its kind and takes the topic's
    place."""
    if len(topic.split()) != 1 or topic.lower() == word.lower():
        return False
    passages = corpus.passages
    for number, passage in enumerate(passages):
        if _opening_word(passage) != topic.lower():
            continue
        near = passages[max(0, number - _NEARBY):number + _NEARBY + 1]
        if any(other.doc_id == passage.doc_id and other.context == passage.context and
               _opening_word(other) == word.lower() for other in near):
            return True
    return False


_ITEM_LABEL = re.compile(r"\s*(?:(?P<mark>[-*+\u2022]|\d+[.)])\s+)?(?P<emphasis>\*\*|__|`|\*)?"
                         rf"(?P<word>{_TOKEN.pattern})(?P<colon>\s*:)?")  # the word as questions are tokenised


def _opening_word(passage: Passage) -> str | None:
    """The word a passage opens with as a list item's label ("* **apt-key** ...", "`gzip`: ...", "1. Foo:"),
    lower case; None when it opens with plain prose."""
    label = _ITEM_LABEL.match(passage.text)
    if label is None or not (label["mark"] or label["emphasis"] or label["colon"]):
        return None
    return label["word"].lower()


def _replace_pronoun(question: str, earlier: _Reading) -> str:
    """Each referring word replaced by what it stands for ("that one" as a whole); the topic joined at the
    end when there is none ("the first one")."""
    tokens = list(_TOKEN.finditer(question))
    words = [m.group(0) for m in tokens]
    positions = [p for p in range(len(tokens)) if _is_referring(words, p)]
    if not positions:
        return f"{question} {earlier.topic}"
    out, done = [], 0
    for position in positions:
        match, word = tokens[position], words[position].lower()
        pointing = _points_with_noun(words, position)
        antecedent = earlier.antecedent(word, pointing)
        out += [question[done:match.start()], _possessive(antecedent) if word in _POSSESSIVE else antecedent]
        done = tokens[_taken_with(words, position, antecedent, pointing) - 1].end()
    return "".join([*out, question[done:]])


def _taken_with(words: list[str], position: int, antecedent: str, pointing: bool) -> int:
    """Where the words a referring word stands in for end: "one" in "that one"; in "those reports" or "that
    task force", the nouns the antecedent already says."""
    end = position + 1
    if words[position].lower() not in _DEMONSTRATIVE:
        return end
    if end < len(words) and words[end].lower() in ("one", "ones"):
        return end + 1
    while pointing and end < len(words) and _holds(antecedent, words[end]):
        end += 1
    return end


def _points_with_noun(words: list[str], position: int) -> bool:
    """The word at `position` is a demonstrative before a noun ("that variable")."""
    word, before = words[position].lower(), words[position - 1].lower() if position else ""
    return word in _DEMONSTRATIVE and _determiner(word, before, words[position + 1:])


def _holds(antecedent: str, noun: str) -> bool:
    """The antecedent already says the noun ("What's cooking reports" for "those reports")."""
    stems = set(terms(noun))
    return bool(stems) and stems <= set(terms(antecedent))


def _topic(query: str, corpus: Corpus) -> str:
    """What a question asked about: its longest run of names, else its first run of content words; either
    as long as the documents write it ("Python newsgroup", not "transnational criminal organizations grown")."""
    tokens = _tokens(query)
    named = _name_runs(tokens)
    if named:
        return _as_written(max(named, key=lambda run: len(run.split())), tokens, corpus)
    # the word after "how" belongs to the question ("how often", "how quickly"), not to its topic
    framed = ["how" if position and _plain(tokens[position - 1]) == "how" and _is_content(token) else token
              for position, token in enumerate(tokens)]
    runs = [written for run in _content_runs(framed) if (written := _as_written(run, framed, corpus))]
    return max(runs, key=lambda run: len(run.split())) if runs else ""  # the first of the longest


def _possessive(phrase: str) -> str:
    """ "new users'" (a plain plural), "the campaign's", "NumberOfGates's" (a name)."""
    last = phrase.split()[-1] if phrase.split() else ""
    return f"{phrase}'" if last.islower() and _is_plural(last) else f"{phrase}'s"


def _plural_topic(query: str, corpus: Corpus) -> str:
    """The longest run of content words of the question that names something plural ("new users"), else "" (and
    when the question names something: "they" may be the body it names, "the National Targeting Center")."""
    tokens = _tokens(query)
    if _name_runs(tokens):
        return ""
    runs = [written for run in _content_runs(tokens) if _is_plural(written := _as_written(run, tokens, corpus))]
    return max(runs, key=lambda run: len(run.split())) if runs else ""


def _as_written(run: str, tokens: list[str], corpus: Corpus) -> str:
    """The longest phrase of two words or more the documents use within the run and the content words that
    follow it (of equals, the one that names something); the run itself when they use none."""
    words = run.split()
    start = next(i for i in range(len(tokens)) if tokens[i:i + len(words)] == words)
    end = start + len(words)
    while end < len(tokens) and _is_content(tokens[end]):
        end += 1
    for length in range(end - start, 1, -1):
        used = [" ".join(tokens[first:first + length]) for first in range(start, end - length + 1)]
        used = [phrase for phrase in used if corpus.uses_phrase(phrase)]
        if used:
            return max(used, key=lambda phrase: _weight(phrase, corpus))
    return _without_verb(words, _plain(tokens[start - 1]) if start else "")


def _without_verb(words: list[str], before: str) -> str:
    """A run the documents never write holds a verb: after "do"/"does"/"did" the subject comes first ("How do
    smugglers lure migrants": "smugglers"), with what a possessive subject owns ("What does wget's
    --keep-session-cookies option do?": "wget's keep-session-cookies"); right after "who" the verb does ("who created
    python": "python"; "who launched the campaign": "", the topic is in the next run); after "is" or "was" a passive's
    participle ends it ("When is htcacheclean started?": "htcacheclean")."""
    if before == "who":
        return " ".join(words[1:])
    if before in _DO_SUPPORT:
        head = next((n for n, word in enumerate(words) if not _owns(word)), len(words) - 1)
        return " ".join(words[:head + 1])
    if before in _BE and len(words) > 1 and _PARTICIPLE.fullmatch(words[-1]):  # "When is htcacheclean started?":
        return " ".join(words[:-1])                                          # the passive's subject
    return " ".join(words)


_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en)")  # "started", "created", "written" (not "Gentoo", "Sweden")


def _owns(word: str) -> bool:
    """A possessive ("wget's"), which the noun after it goes with."""
    return word.replace("\u2019", "'").endswith("'s")


def _weight(phrase: str, corpus: Corpus) -> tuple[bool, float]:
    """Names the documents capitalise first ("python" in a Python FAQ), then rare words ("dialout", not "give")."""
    stems = terms(phrase)
    return any(s in corpus.name_terms for s in stems), sum(corpus.term_weights.get(s, 0.0) for s in stems)


def _answered(query: str, answer: str | None) -> str:
    """The name a who or where question's answer gave (its longest run of names), else the answer itself when it
    is short ("international criminal organizations"), else ""."""
    if not answer or question_type(query).name not in ("who", "place"):
        return ""
    named = _name_runs(_tokens(answer), from_first=True)
    return max(named, key=lambda run: len(run.split())) if named else _short_answer(answer)


def _thing(query: str, answer: str | None) -> str:
    """The short answer (three words at most, names or content words) of a question that asks for a thing
    ("which environment variable...?" "GZIP", "is there a command...?" "Yes, zcat"), or the term an answer that
    is an entry of a definition list opens with ("NumberOfPasswordPrompts", then its text on the next line): what
    "that variable" or "its default" in the next turn stands for."""
    if not _ASKS_FOR_A_THING.match(query):
        return ""
    term = _ENTRY_TERM.match(answer or "")
    return _short_answer(answer, most=3) or (term.group(1) if term else "") or _option_given(query, answer)


def _described(query: str, answer: str | None) -> str:
    """After a which-question about a setting left unanswered ("Which environment variable sets the user's
    configuration file?"), the setting as the question describes it: what "its default" in the next turn stands for."""
    asked = _WHICH_SETTING.match(query)
    return asked.group("thing") if asked and answer is None else ""


def _option_given(query: str, answer: str | None) -> str:
    """The option a long answer to "Which less option ...?" gives, with its alias ("-J --status-column" of
    "* Add -J (--status-column) option to display a status column."), or the one name in code a long answer to
    another which-question gives ("ZSTD_CLEVEL" of "ZSTD_CLEVEL just replaces the default compression level (3)."):
    what "it" in the next turn stands for; "" when the answer gives none, or several, or only the question's own."""
    if not answer:
        return ""
    if _WHICH_OPTION.match(query) is None:
        return _one_new(_IDENTIFIER, query, answer) if _WHICH_SETTING.match(query) else ""
    own = set(_OPTION.findall(query))
    found = [option for option in dict.fromkeys(_OPTION.findall(answer)) if option not in own]
    if len(found) == 2 and re.search(rf"{re.escape(found[0])}{_ALIAS_GAP}{re.escape(found[1])}(?![\w-])", answer):
        return " ".join(found)  # an option and its alias: "-J (--status-column)", "-l, --length", "'-v' '--verbose'"
    return found[0] if len(found) == 1 else ""


def _one_new(pattern: re.Pattern[str], query: str, answer: str) -> str:
    """The one text of `pattern` the answer holds that the question does not, else ""; abbreviations ("e.g",
    "U.S") and names the answer only refers the reader to ("See also ListenAddress.") left out."""
    own = {found.strip("`") for found in pattern.findall(query)}
    said = _SEE_ALSO.sub("", answer)
    found = [text for text in dict.fromkeys(f.strip("`") for f in pattern.findall(said))
             if text not in own and not _ABBREVIATION.fullmatch(text)]
    return found[0] if len(found) == 1 else ""


_SEE_ALSO = re.compile(r"\b(?:see|cf\.)(?:\s+also)?\s+[^.;\n]*", re.I)
_ABBREVIATION = re.compile(r"[A-Za-z](?:\.[A-Za-z])+")  # "e.g", "i.e", "U.S"


# marks only between an option and its alias, or "or", after the option's argument: "-L RATE, --rate-limit RATE"
_ALIAS_GAP = r"(?:[ =][A-Z][\w\[\]:]*)?['\"`]?(?:[\s,(/|]{1,4}|\s+or\s+)['\"`]?"


def _known(topic: str, corpus: Corpus) -> bool:
    """Half or more of the topic's stems occur in the documents."""
    if not topic:
        return False
    stems = terms(topic)
    return bool(stems) and sum(s in corpus.term_weights for s in stems) * 2 >= len(stems)


def _nothing_of_its_own(question: str) -> bool:
    """Nothing in the question says what it is about: a bare referring question or a bare frame."""
    own = _tokens(_WHAT_ABOUT.sub("", _OPENING_CONJUNCTION.sub("", question)))
    return referentless(question) or all(_plain(word) in _GENERIC for word in _content(own))


def _for_the_literal(rest: str, query: str) -> str | None:
    """'and a trailing "/**"?' after 'what does a leading "**/" do in a pattern?': a quoted literal, with the words
    before it, in place of the earlier question's one literal and as many words before that; None when either
    holds no literal, the earlier one several, or a preposition or a word that asks is among the words replaced or
    replacing."""
    given = _QUOTED.search(rest)
    found = list(_QUOTED.finditer(query))
    if given is None or given.end() != len(rest) or len(found) != 1:
        return None
    own = rest[:given.start()].split()
    words = list(re.finditer(r"\S+", query[:found[0].start()]))
    replaced = [word.group(0) for word in words[len(words) - len(own):]] if own else []
    if len(own) > len(words) or any(_plain(word) in _LINKING for word in own + replaced):
        return None  # "and with a trailing "/**"?", "and in Python 2 "b"?": not a like phrase in a like place
    start = words[len(words) - len(own)].start() if own else found[0].start()
    return f"{query[:start]}{rest}{query[found[0].end():]}?"


def _only_a_subject(text: str) -> bool:
    """A short phrase without a question word: a new name to ask the same thing about."""
    tokens = _tokens(text)
    return 0 < len(tokens) <= 6 and not any(_plain(t) in _QUESTION_WORDS for t in tokens)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("\u2019", "'"))


def _first_referring(tokens: list[str]) -> int | None:
    return next((position for position in range(len(tokens)) if _is_referring(tokens, position)), None)


def _referring(tokens: list[str]) -> bool:
    return _first_referring(tokens) is not None


def _is_referring(tokens: list[str], position: int) -> bool:
    word = tokens[position].lower()
    after = tokens[position + 1].lower() if position + 1 < len(tokens) else ""
    later = tokens[position + 2].lower() if position + 2 < len(tokens) else ""
    before = tokens[position - 1].lower() if position else ""
    if word not in REFERRING or word in ("one", "ones", "such", "same", "former", "latter"):
        return False
    if word == "it":  # not "is it possible", "does it matter", "how long does it take to", "does it mean that"
        following = [t.lower() for t in tokens[position + 1:position + 5]]
        obliged = after in _OBLIGATION and later == "to"  # "does it have to be loaded?": "it" is a thing
        infinitive = _infinitive([t.lower() for t in tokens[position + 1:]])
        clause = (infinitive and not obliged) or ("that" in following and tokens[-1].lower() != "that")
        return not (after in _EXPLETIVE_AFTER_IT or (after in _BE and later in _EXPLETIVE_AFTER_IT) or clause)
    if word in _DEMONSTRATIVE:
        return after == "" or after in _PRONOUN_FOLLOWERS or _compares_back(tokens, position) \
            or _determiner(word, before, tokens[position + 1:])
    if word == "there":  # not "is there a limit?", "there is", nor being there: "since when is it there?"
        earlier = tokens[position - 2].lower() if position > 1 else ""
        being = after == "" and (before == "been" or earlier in _BE)
        return after not in _BE and before not in _BE and not being
    if word == "then":
        return after == ""
    return True


# After "to" these show a preposition ("what is it set to by default?", "does it default to the first one?"), not
# an infinitive ("how long does it take to compress?").
_NOT_A_VERB = _PREPOSITIONS | _MORE_PREPOSITIONS | frozenset("a an the my your its their our this that these those "
                                                              "what which whatever".split())


def _infinitive(words: list[str], within: int = 4) -> bool:
    """One of the first `within` words after "it" is a "to" that opens an infinitive: one followed by a word that
    may be a verb."""
    after = [*words[1:], ""]
    return any(words[i] == "to" and after[i] not in _NOT_A_VERB and not after[i][:1].isdigit() and after[i] != ""
               for i in range(min(within, len(words))))


# What may follow "like that" when it compares with something said before ("a string like that comes out to",
# "times like this one"), not with an example that follows ("a line like this: key = value", "a message like this
# when I push").
_AFTER_COMPARISON = frozenset("one ones comes come goes go works work means mean looks look is are was were does do "
                              "did would will can could should has have gets get".split())


def _compares_back(tokens: list[str], position: int) -> bool:
    """The demonstrative at `position` follows "like" and ends the phrase, alone or before the question's last word:
    it compares with something said before."""
    after = _plain(tokens[position + 1]) if position + 1 < len(tokens) else ""
    return position > 0 and _plain(tokens[position - 1]) == "like" and tokens[position].lower() in _DEMONSTRATIVE \
        and (after == "" or after in _AFTER_COMPARISON or position + 2 == len(tokens))  # or "like that archive?"


def _determiner(word: str, before: str, rest: list[str]) -> bool:
    """A demonstrative that points at something named earlier through the noun after it ("since which version
    has that function been available?"); not "that" as a relative pronoun or a conjunction, not "those who"."""
    noun = rest[0] if rest else ""
    if not noun[:1].islower() or not _is_content(noun) or _plain(noun) in _NOT_POINTED_WITH:
        return False
    return _in_determiner_place(word, before, rest)


def _in_determiner_place(word: str, before: str, rest: list[str]) -> bool:
    """"this"/"these"/"those" anywhere; "that" first, after a question word, a preposition or "and"/"or", or
    before a noun no clause follows ("who leads that operation?")."""
    ends = len(rest) <= 1 or rest[1].lower() in _PREPOSITIONS
    return word != "that" or not before or before in _BEFORE_DETERMINER or ends


def _names(tokens: list[str]) -> list[str]:
    """Tokens written as names: capitalised after the first word, or with two capitals ("JTFA", "LibTasn1")."""
    return [t for i, t in enumerate(tokens) if _is_name(t, i)]


def _is_name(token: str, position: int) -> bool:
    if sum(c.isupper() for c in token) >= 2:
        return True
    return position > 0 and token[:1].isupper() and token not in _NAME_FRAME and token.lower() not in REFERRING


def _name_runs(tokens: list[str], from_first: bool = False) -> list[str]:
    """Runs of name tokens ("Operation Sentinel", "National Targeting Center"); "of" may join two, and a
    possessive ends one ("Border Protection's | National Targeting Center")."""
    runs: list[str] = []
    current: list[str] = []
    shift = 1 if from_first else 0  # in an answer, a capital on the first word marks a name too
    for position, token in enumerate(tokens):
        joins = token == "of" or token in _PARTICLES
        if _is_name(token, position + shift) or (current and joins and position + 1 < len(tokens)
                                                 and _is_name(tokens[position + 1], position + 1 + shift)):
            current.append(token)
            if token.endswith("'s"):
                runs.append(" ".join(current))
                current = []
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return runs


def _plain(token: str) -> str:
    """Lower case without a possessive or contracted "'s" ("what's", "whats" -> "what")."""
    word = token.lower().replace("\u2019", "'")
    word = word[:-2] if word.endswith("'s") else word
    return _CONTRACTED.get(word, word)


def _is_content(token: str) -> bool:
    word = _plain(token)
    return (word not in FRAME and word not in STOPWORDS and word not in REFERRING and word not in _MORE_PREPOSITIONS
            and not word.endswith("n't"))  # "can't", "doesn't": auxiliaries


def _content(tokens: list[str]) -> list[str]:
    return [t for t in tokens if _is_content(t)]


def _content_runs(tokens: list[str]) -> list[str]:
    """Runs of consecutive content words, at most four long ("default compression level")."""
    runs: list[str] = []
    current: list[str] = []
    for token in tokens:
        if _is_content(token):
            current.append(token)
        elif current:
            runs.append(" ".join(current[:4]))
            current = []
    if current:
        runs.append(" ".join(current[:4]))
    return runs


