"""Words as the lexical side sees them: tokens, stems, stop words and typo repair."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from typing import Any

from qa.documents.pdf import LIGATURES
from qa.documents.reading import fold

# A one-letter option keeps its dash ("-s" is sort's --stable, not the "s" of "it's").
_WORD = re.compile(r"(?<![\w-])-[a-z](?![\w-])|[a-z0-9]+(?:[.,][0-9]+)*%?|\$")
STOPWORDS = frozenset(
    "a about above after again against all am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further had has "
    "have having he her here hers herself him himself his how i if in into is it its itself just let me "
    "more most my myself no nor not now of off on once only or other our ours ourselves out over own "
    "same she should so some such than that the their theirs them themselves then there these they this "
    "those through to too under until up very was we were what when where which while who whom why will "
    "with would you your yours yourself yourselves s t does did done ve ll re d m many much tell say "
    "says said according".split()
    # contractions as `words` gives them, apostrophe dropped: "don't" is "dont", a function word, no rare term
    + "dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt mustnt "
    "neednt shant im ive youre youve youll youd theyre theyve weve thats theres whats lets".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # lazy: only needed once text is stemmed

    return Stemmer.Stemmer("english")


# A name in camel case ("maxResponseSize", "ClientDestroyedError"): two humps or more, each a capital and small letters.
_CAMEL_CASE = re.compile(r"\b[a-z]+(?:[A-Z][a-z]+)+\b|\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")
_HUMP = re.compile(r"[A-Z]?[a-z]+")


# A word a typesetter broke at a line end with its hyphen (U+2010, as man(1) renders in UTF-8, or a soft hyphen):
# "de", the hyphen, a line break, "fault" is "default". (An ASCII hyphen there may be the word's own:
# "authenticator-hosted"; `words` splits at it either way.)
_TYPESET_BREAK = re.compile(r"(?<=[^\W\d_])[\u2010\u00ad][ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def unbroken(text: str) -> str:
    """`text` with the words a typesetter broke across line ends joined again (see `_TYPESET_BREAK`)."""
    return _TYPESET_BREAK.sub("", text) if "\u2010" in text or "\u00ad" in text else text


def words(text: str, humps: bool = False) -> list[str]:
    """Lower-cased word tokens of folded text, broken words joined, ligatures spelt out (numbers keep their commas and
    %). With `humps` (a document's side) a name in camel case is read whole and then word by word, so that a question's
    "response size" meets "maxResponseSize"; a question's own such name stays whole, to meet the same name where it
    stands."""
    text = _ACRONYM_PLURAL.sub(r"\1", fold(unbroken(text)).translate(LIGATURES))
    if humps:
        text = _CAMEL_CASE.sub(_with_humps, text)
    return _WORD.findall(text.lower().replace("'s ", " ").replace("'", ""))


# An acronym's plural, its "s" in lower case ("KRLs", "RPMs", "CRCs"): the acronym, which the stemmer would not give
# ("krls" has no vowel before its "s"). Not a word in capitals that ends in S ("CVSS", "HTTPS", "mDNS").
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,}[A-Z0-9]*)s\b")


def _with_humps(name: re.Match[str]) -> str:
    return f"{name[0]} {' '.join(_HUMP.findall(name[0]))}"


# Irregular verb forms the stemmer leaves apart; general English, not tuned to any question.
_IRREGULAR = dict(pair.split(":") for pair in (
    "led:lead began:begin begun:begin ran:run made:make held:hold took:take taken:take gave:give given:give "
    "found:find sought:seek spent:spend sent:send brought:bring built:build paid:pay won:win told:tell "
    "thought:think bought:buy caught:catch fought:fight kept:keep left:leave met:meet saw:see seen:see "
    "went:go gone:go knew:know known:know grew:grow grown:grow rose:rise fell:fall chose:choose "
    "chosen:choose wrote:write written:write struck:strike stood:stand drove:drive driven:drive "
    "arose:arise hid:hide hidden:hide dealt:deal meant:mean lost:lose sold:sell set:set cut:cut "
    "busses:bus buses:bus").split())


# British spellings read as American ones, so that "licence" finds a "License" and "colour" a "color": the stemmer
# keeps them apart. Whole word families, not tuned to any question.
_IS_ROOTS = ("organ|recogn|optim|normal|initial|serial|real|util|author|custom|standard|priorit|categor|summar|"
             "minim|maxim|synchron|emphas|special|general|final|local|visual|central|capital|character|critic|"
             "modern|neutral|parallel|token|memor|random|sanit|stabil|vector|apolog|formal|penal|legal|global|"
             "virtual|internal|national|personal|symbol|harmon|mobil|equal|familiar|fertil|steril|"
             "commercial|industrial|digit|monopol|jeopard|patron|polar|popular|public")
_BRITISH = tuple((re.compile(pattern), american) for pattern, american in (
    (r"^(\w*)licenc(e|es|ed|ing)$", r"\1licens\2"),
    (r"^(defen|offen|preten)c(e|es)$", r"\1s\2"),
    (r"^(\w*(?:" + _IS_ROOTS + r"))is(e|es|ed|ing|ation|ations|er|ers|able)$", r"\1iz\2"),
    (r"^(anal|paral|catal)ys(e|es|ed|ing|er|ers)$", r"\1yz\2"),
    (r"^(\w*(?:colo|behavio|favo|hono|labo|neighbo|rumo|humo|harbo|vapo|armo|endeavo|savo|vigo|odo|flavo|tumo|"
     r"valo|clamo))ur(s|ed|ing|er|ers|ite|ites|able|ably|ful|less|al|ist|ists|hood)?$", r"\1r\2"),
    (r"^(cent|met|lit|fib|theat|calib|spect|sab|lust)re(s)?$", r"\1er\2"),
    (r"^(cent|met|lit|fib|theat|calib|spect|sab|lust)red$", r"\1ered"),
    (r"^(catalog|dialog|analog)ue(s|d)?$", r"\1\2"),
    (r"^programme(s|d)?$", r"program\1"),
    (r"^(judg|acknowledg)ement(s)?$", r"\1ment\2"),
    (r"^grey(s|er|est|ish)?$", r"gray\1"),
))


@lru_cache(maxsize=65536)  # a vocabulary's worth: each word is read against the patterns once
def american(word: str) -> str:
    """A lower-case word in its American spelling ("licence" -> "license", "organisation" -> "organization")."""
    for pattern, spelling in _BRITISH:
        if pattern.match(word):
            return pattern.sub(spelling, word)
    return word


def stems(tokens: Iterable[str]) -> list[str]:
    """Snowball stems of the content words among `tokens` (British spellings as American ones)."""
    content = [_IRREGULAR.get(t) or american(t) for t in tokens if t not in STOPWORDS and t != "$"]
    return list(_stemmer().stemWords(content))


def terms(text: str, humps: bool = False) -> list[str]:
    """Content-word stems of a text: the unit of lexical matching (`humps`: as in `words`)."""
    return stems(words(text, humps))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


# Two words of letters with only blanks between them, each whole ("log level"; not the parts of "first_uid", "a-b").
_NEIGHBOURS = re.compile(r"(?<![\w.-])([a-z]{2,})[ \t]+(?=([a-z]{2,})(?![\w-]))")


_COMPOUND_COUNT = 2  # times the corpus writes a word joined before two question words are read as it


def _twice(words: Iterable[str]) -> Callable[[], Iterable[str]]:
    """Words that can be read twice: a list or a string's words as they are, a one-pass iterator kept whole."""
    kept = words if isinstance(words, Collection) else list(words)
    return lambda: kept


class Speller:
    """Repairs a query word to the corpus word one edit away (SymSpell-style delete index)."""

    def __init__(self, corpus_words: Iterable[str] | Callable[[], Iterable[str]]) -> None:
        """`corpus_words`: the corpus's words in order, or a function that yields them afresh (read twice, never
        held whole: a large corpus's words would take gigabytes)."""
        again = corpus_words if callable(corpus_words) else _twice(corpus_words)
        self.counts = Counter(w for w in again() if w.isalpha() and len(w) >= 4)
        apart = Counter(a + b for a, b in itertools.pairwise(again()) if a + b in self.counts)
        # Words the corpus writes as one more often than as two, and more than once ("banaction"; not the
        # "taskforce" of a URL among many "Task Force"s, nor a "useless" that "use less" would meet)
        self.compounds = frozenset(w for w, n in self.counts.items() if n >= _COMPOUND_COUNT and apart[w] < n)
        self.known_stems = frozenset(stems(list(self.counts)))
        self.by_delete: dict[str, list[str]] = {}
        for word in self.counts:
            for variant in _deletes(word):
                self.by_delete.setdefault(variant, []).append(word)

    def repaired(self, text: str) -> list[str]:
        """A query's words as the corpus writes them: each repaired (`correct`), and two content words that only a
        blank parts where the corpus writes them as one joined as well ("log level" also reads "loglevel", "file
        names" "filenames": a setting's name in a configuration file's manual; not "first_uid", nor "take over")."""
        joined = [a + b for a, b in _NEIGHBOURS.findall(fold(text).lower())
                  if a not in STOPWORDS and b not in STOPWORDS and a + b in self.compounds]
        return [self.correct(word) for word in words(text)] + joined

    def correct(self, word: str) -> str:
        """`word` itself when known, short or numeric, or another form of a known word ("spend" where the corpus
        says "spent": no typo of "send"); else the most frequent neighbour. A four-letter word is only repaired by
        the letter it lacks ("grup" -> "group", "wher" -> "where"): any edit of so short a word reaches too many
        others ("cash" is no typo of "case")."""
        if word in self.counts or len(word) < 4 or not word.isalpha() or set(stems([word])) <= self.known_stems:
            return word
        variants = _deletes(word) if len(word) >= 5 else {word}
        candidates = {c for variant in variants for c in self.by_delete.get(variant, []) if c != word}
        return max(sorted(candidates), key=self.counts.__getitem__) if candidates else word
