"""Words as the lexical side sees them: tokens, stems, stop words and typo repair."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from qa.documents.pdf import LIGATURES
from qa.documents.reading import fold

# A one-letter option keeps its dash ("-s" is sort's --stable, not the "s" of "it's").
_WORD = re.compile(r"(?<![\w-])-[a-z](?![\w-])|[a-z0-9]+(?:[.,][0-9]+)*%?|\$")
STOPWORDS = frozenset(
    "a about above after again against all am an and any are aren't as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further had has "
    "have having he her here hers herself him himself his how i if in into is it its itself just let me "
    "more most my myself no nor not now of off on once only or other our ours ourselves out over own "
    "same she should so some such than that the their theirs them themselves then there these they this "
    "those through to too under until up very was we were what when where which while who whom why will "
    "with would you your yours yourself yourselves s t does did done ve ll re d m many much tell say "
    "says said according".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # lazy: only needed once text is stemmed

    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens of folded text, ligatures spelt out (numbers keep their commas and %)."""
    return _WORD.findall(fold(text).translate(LIGATURES).lower().replace("'s ", " ").replace("'", ""))


# Irregular verb forms the stemmer leaves apart; general English, not tuned to any question.
_IRREGULAR = dict(pair.split(":") for pair in (
    "led:lead began:begin begun:begin ran:run made:make held:hold took:take taken:take gave:give given:give "
    "found:find sought:seek spent:spend sent:send brought:bring built:build paid:pay won:win told:tell "
    "thought:think bought:buy caught:catch fought:fight kept:keep left:leave met:meet saw:see seen:see "
    "went:go gone:go knew:know known:know grew:grow grown:grow rose:rise fell:fall chose:choose "
    "chosen:choose wrote:write written:write struck:strike stood:stand drove:drive driven:drive "
    "arose:arise hid:hide hidden:hide dealt:deal meant:mean lost:lose sold:sell set:set cut:cut "
    "busses:bus buses:bus").split())


def stems(tokens: Iterable[str]) -> list[str]:
    """Snowball stems of the content words among `tokens`."""
    content = [_IRREGULAR.get(t, t) for t in tokens if t not in STOPWORDS and t != "$"]
    return list(_stemmer().stemWords(content))


def terms(text: str) -> list[str]:
    """Content-word stems of a text: the unit of lexical matching."""
    return stems(words(text))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class Speller:
    """Repairs a query word to the corpus word one edit away (SymSpell-style delete index)."""

    def __init__(self, corpus_words: Iterable[str]) -> None:
        self.counts = Counter(w for w in corpus_words if w.isalpha() and len(w) >= 4)
        self.by_delete: dict[str, list[str]] = {}
        for word in self.counts:
            for variant in _deletes(word):
                self.by_delete.setdefault(variant, []).append(word)

    def correct(self, word: str) -> str:
        """`word` itself when known, short or numeric; else the most frequent neighbour. A four-letter word is
        only repaired by the letter it lacks ("grup" -> "group", "wher" -> "where"): any edit of so short a
        word reaches too many others ("cash" is no typo of "case")."""
        if word in self.counts or len(word) < 4 or not word.isalpha():
            return word
        variants = _deletes(word) if len(word) >= 5 else {word}
        candidates = {c for variant in variants for c in self.by_delete.get(variant, []) if c != word}
        return max(sorted(candidates), key=self.counts.__getitem__) if candidates else word
