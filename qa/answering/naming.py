"""Where a question names what it asks about: the entry of a documented name in a list, or the section whose
heading documents a name in code form, answers in place of a neighbour that only mentions the name.

Both hand the best candidate's score to the candidate they choose: the passage was right, the sentence a
neighbour's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answering.questions import Query
from qa.answering.sections import (
    KINDS_OF_NAME,
    NAMES_A_DEFAULT,
    entry_name,
    entry_of,
    entry_opening,
    grouped_names,
    heading_above,
    heading_name,
    is_prose,
    is_term_entry,
    label_above,
)
from qa.documents.chunking import Sentence
from qa.documents.words import STOPWORDS, terms
from qa.storage.corpus import Corpus

if TYPE_CHECKING:
    from qa.answering.answer import Candidate

_NAME = re.compile(r"-{0,2}[\w$]+(?:[.-][\w$]+)*")
# A name the question writes as code: in camel case, with an underscore or a dot inside, after dashes, called
# (".alias()"), or in backquotes (some plain words fit too, "e.g." or "Node.js": they only widen where an entry is
# sought).
_CODE_NAME = re.compile(r"(?<![\w-])(-{1,2}[A-Za-z][\w-]*|[A-Za-z_$][\w$]*(?:[a-z][A-Z]|_|\.\w)[\w$.]*|"
                        r"[A-Za-z_$][\w$]*(?=\(\)))")


def named_entry(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """In a list of documented names ("* **keepAliveTimeout** ... Default: `4e3`"), the entry of the name the
    question writes, with the best candidate's score, when the best is another entry of the same section: the best
    match is often a neighbour whose text mentions the name ("keepAliveMaxTimeout: the maximum allowed
    `keepAliveTimeout` ..."). A name written as code is sought in the whole document, a plain word ("matches")
    only in the best candidate's section. A name the question only sets as a condition while it asks for something
    else ("Which primary group ... when USERGROUPS_ENAB is no ...?") is not the one it asks about."""
    named = names_in(query.text) - _set_as_conditions(query)
    best_name = entry_name(corpus, best.support)
    written = set(_CODE_NAME.findall(query.text))
    quoted = re.findall(r"`([^`\s]+)`", query.text)
    as_code = {word.lower() for word in [*written, *quoted, *_named_by_kind(query.text)]}
    if best_name is None:
        return _entry_asked_about(corpus, best, eligible, query, as_code, written)
    other_case = best_name.startswith("-") and best_name not in written \
        and best_name.lower() in {name.lower() for name in written}  # "-I interface" for "-i": another option
    documented = {name.lower() for name in [best_name, *grouped_names(corpus, best.support)]}  # "GATE_GROUP (string),
    if not other_case and (documented & named                                                  # GATE_PERM (string)"
                           or (names_term(query, best_name) and not _built_on(best_name, as_code))):
        return best
    section = heading_above(corpus, best.support)
    entry = next((c for c in eligible if c.sentence.doc_id == best.sentence.doc_id
                  and (_entry_sought(corpus, c, named, as_code, section, written)
                       or _named_in_words(corpus, c, query, section))), None)
    return replace(entry, score=best.score, logit=best.logit) if entry is not None else best


# A name set as a condition: "when USERGROUPS_ENAB is no", "if `strict` is true", "unless GROUP is set".
_CONDITION = re.compile(r"\b(?:if|when|unless)\s+(?:the\s+)?`?([A-Za-z_][\w.-]*)`?\s+(?:is|are|=)\s+"
                        r"(?!not\b|unset\b|left\b|omitted\b|empty\b|missing\b)")  # not "if SPOOL_FILE is not set"


def _set_as_conditions(query: Query) -> set[str]:
    """The names a question that asks for something of its own ("Which primary group ...?") sets as conditions."""
    return {name.lower() for name in _CONDITION.findall(query.text)} if query.focus else set()


_BEFORE_ITS_KIND = re.compile(r"\bthe\s+([A-Za-z_][\w.-]*)\s+(?:" + "|".join(sorted(KINDS_OF_NAME)) + r")\b", re.I)


def _named_by_kind(question: str) -> list[str]:
    """The plain words a question marks as names by their kind after them ("async" in "What does the async option
    do?"), as sure a name as one written as code."""
    return [word for word in _BEFORE_ITS_KIND.findall(question) if word.lower() not in STOPWORDS | _NO_NAMES]


# Words that say which of several a question means, not its name ("the default option", "the following setting").
_NO_NAMES = frozenset({"default", "first", "last", "following", "next", "previous", "new", "other", "recommended",
                       "relevant", "given", "above", "below", "main", "only", "specific", "particular", "additional",
                       "extra", "corresponding", "appropriate", "right", "correct", "best", "current", "old", "second",
                       "third", "global", "same", "whole", "entire", "required", "optional", "necessary"})


def _built_on(name: str, as_code: set[str]) -> bool:
    """Whether an entry's name is another name built on the one the question writes as code ("no_root_squash" on
    "root_squash"), not the same name in a namespace."""
    own = re.split(r"[.:]+", name.lower())[-1]  # "awaitWriteFinish.stabilityThreshold" is stabilityThreshold
    parts = re.split(r"[_-]+", own)
    return own not in as_code and any(_ends_with(parts, re.split(r"[_-]+", code)) for code in as_code
                                      if not code.startswith("-"))


def _ends_with(parts: list[str], ending: list[str]) -> bool:
    """Whether a name's parts end with all the parts of a shorter name ("no_root_squash": root_squash; not "chroot")."""
    return len(parts) > len(ending) and parts[-len(ending):] == ending


def _entry_asked_about(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query,
                       as_code: set[str], written: set[str]) -> Candidate:
    """For a question that asks no more than what a name written as code does or what its default is ("What does the
    -ro option of rrsync do?", "What's the default value of stash.showStat?"), the first sentence of that name's
    entry in the best candidate's document, with the best candidate's score, when the best is in no entry: an
    example that uses the name ('command="rrsync -ro DIR"') or a sentence that mentions it matches the question
    better than the entry that says what it does (and, further on, its default)."""
    asked_of_it = as_code | KINDS_OF_NAME | _ITS_DEFAULT
    if not as_code or not _only_what_it_is(corpus, query, asked_of_it, best.sentence.doc_id):
        return best
    entry = next((c for c in eligible if c.sentence.doc_id == best.sentence.doc_id and c.span is None
                  and any(_written_as(name, as_code, written) for name in _names_of_entry(corpus, c.support))
                  and entry_opening(corpus, c.support) == c.support), None)
    if entry is None or (query.asks_default and not _names_a_default(corpus, entry.support)):
        return best  # the entry says nothing of a default: the best sentence may ("The default of --timeout is 30.")
    return replace(entry, score=best.score, logit=best.logit)


# What a question may ask of a name besides what it is: its default ("What's the default value of stash.showStat?"),
# when its entry says it.
_ITS_DEFAULT = frozenset({"default", "defaults", "value"})
_ENTRY_REACH = 20  # sentences of an entry read for its default or for what one of its values does


def _names_a_default(corpus: Corpus, opening: Sentence) -> bool:
    return any(NAMES_A_DEFAULT.search(corpus.sentence_text(s)) for s in entry_of(corpus, opening, _ENTRY_REACH))


OPTION_NAME = re.compile(r"(?<![\w-])-{1,2}[A-Za-z0-9][\w-]*")  # "-i", "--one-file-system"


def _names_of_entry(corpus: Corpus, sentence: Sentence) -> list[str]:
    """The name an entry documents and, for a command's options, every option its term line names ("-x" and
    "--one-file-system" of "-x, --one-file-system")."""
    name = entry_name(corpus, sentence)
    opening = entry_opening(corpus, sentence)
    term_line = corpus.sentence_text(opening).split("\n", 1)[0] if opening is not None and name else ""
    options = OPTION_NAME.findall(term_line) if name and name.startswith("-") else []
    return ([name] if name else []) + options


def _written_as(name: str, as_code: set[str], written: set[str]) -> bool:
    """Whether the question writes the entry's name: an option letter for letter ("-r" is not "-R"), any other name
    in any case."""
    return name in written if name.startswith("-") else name.lower() in as_code


def what_the_entry_says(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a question that asks no more than what a term is or does ("What does copytruncate do?", "What does the
    Match keyword do?"), when the best candidate is a later sentence of that term's entry ("The copytruncate option
    implies norenamecopy."), the entry's first sentence, which says it, with the best candidate's score; not for a
    question about the setting left alone ("What is the job timeout if JOB_TIMEOUT is not set?")."""
    if query.left_alone:
        return best
    name = entry_name(corpus, best.support)
    if name is None or not names_term(query, name) \
            or not _only_what_it_is(corpus, query, {name} | KINDS_OF_NAME, best.sentence.doc_id):
        return best
    opening = entry_opening(corpus, best.support)
    if opening is None or opening == best.support:
        return best
    found = next((c for c in eligible if c.support == opening and c.span is None), None)
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


def the_value_asked(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a question that asks only what one value of a setting does ("What does SplitMode=uid do?", "what happens
    if I set StrictHostKeyChecking to accept-new?"), when the best candidate is in that setting's entry, the first
    sentence of the entry that opens with that value as its condition ('If "uid", ...', "If this flag is set to
    accept-new, ..."; not "If no agent is running" for the value "no", nor "If it is not set to yes"), with the
    best's score."""
    name = entry_name(corpus, best.support)
    value = _value_asked(query.text, name.rstrip("=:")) if name else None
    if name is None or value is None \
            or not _only_what_it_is(corpus, query, {name, value} | KINDS_OF_NAME | _WHAT_A_VALUE_DOES,
                                    best.sentence.doc_id):
        return best
    quoted = rf"[\"'“`]{re.escape(value)}[\"'”`]"
    said = rf"(?:{quoted}|[\"'“`]?{re.escape(value)}[\"'”`]?(?![\w-]))"
    condition = re.compile(rf"\s*(?:if|when|with)\s+(?:{quoted}|(?:(?!(?:not|unless|never|no)\b)[\w\"'.=-]+\s+){{0,5}}?"
                           rf"(?:(?:is\s+)?set\s+to|is|equals|=)\s*{said})"
                           rf"|\s*(?:the\s+)?{said}\s+(?:{_KINDS_OF_VALUE})\b", re.I)  # "The ENRICHED option will ..."
    entry = entry_of(corpus, best.support, _ENTRY_REACH)
    on_it = {s.sentence_id for s in entry if condition.match(_past_the_term(corpus.sentence_text(s), name))}
    found = min((c for c in eligible if c.support.sentence_id in on_it and c.span is None),
                key=lambda c: c.support.sentence_id, default=None)
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


# A question for the value of a named setting that does something: "Which -B value turns APM off?", "Which
# max_log_file_action value keeps old logs?", "Which -M setting is the quietest?"
_WHICH_VALUE = re.compile(r"\s*(?:which|what)\s+`?(?P<name>-{0,2}[\w.:-]*\w)`?\s+(?:value|setting|level|mode)s?\b",
                          re.I)
# What gives a value: a number, a word in quotes or code, a name with an underscore ("keep_logs")
_GIVES_A_VALUE = re.compile(r"(?<![\w.-])\d+(?![\w.]\w)|[\"'“`][^\"'”`\s]{1,40}[\"'”`]|\b[a-z]+_[a-z_]+\b")


def the_value_named(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """For a question asking which value of a named setting does something ("Which -B value turns Advanced Power
    Management off completely?"), when the best candidate is in that setting's entry and gives no value ("-B
    Get/set Advanced Power Management feature, if the drive supports it."), the best candidate of the entry that
    gives one ("A value of 255 tells hdparm to disable Advanced Power Management altogether ..."), with the best's
    score."""
    asked = _WHICH_VALUE.match(query.text)
    name = entry_name(corpus, best.support)
    if asked is None or name is None or asked.group("name").lower() != name.rstrip("=:").lower() \
            or _GIVES_A_VALUE.search(_past_the_term(corpus.sentence_text(best.support), name)):
        return best
    entry = {s.sentence_id for s in entry_of(corpus, best.support, _ENTRY_REACH)}
    found = next((c for c in eligible if c.support.sentence_id in entry and c.support != best.support
                  and _GIVES_A_VALUE.search(_past_the_term(corpus.sentence_text(c.support), name))), None)
    return replace(found, score=best.score, logit=best.logit) if found is not None else best


def _value_asked(question: str, setting: str) -> str | None:
    """The value the question gives `setting` ("SplitMode=uid", "set SplitMode to none", "the ENRICHED log_format"),
    unless it is a small word ("set LogLevel to the highest level"); None when it gives none."""
    for asked in _SETTING_VALUE.finditer(question):
        named, value = asked.group("name") or asked.group("set"), asked.group("value") or asked.group("to")
        if named.rstrip("=").lower() == setting.lower():
            return None if value.lower() in STOPWORDS else value
    before = re.search(rf"(?<![\w-])([A-Z][A-Z0-9_]+)\s+`?{re.escape(setting)}`?(?![\w-])", question)
    return before.group(1) if before is not None and before.group(1) != setting else None


def _past_the_term(text: str, name: str) -> str:
    """An entry's sentence without the term it may open with ("StrictHostKeyChecking\n  If this flag ...")."""
    return text[len(name):].lstrip("=: \t\r\n") if text.startswith(name) else text


# A setting and the value asked about: "SplitMode=uid", "--color=auto", "set StrictHostKeyChecking to accept-new".
_SETTING_VALUE = re.compile(r"(?<![\w])(?P<name>-{0,2}[A-Za-z][\w.-]*)=[\"']?(?P<value>[\w.+-]+)"
                            r"|\bset(?:ting)?\s+(?P<set>[A-Za-z][\w.-]*=?)\s+to\s+[\"']?(?P<to>[\w.+-]+)", re.I)
# What a value is called where an entry says what it does: "The ENRICHED option will resolve ...".
_KINDS_OF_VALUE = "option|value|setting|mode|format|flag|keyword|level|policy"
# What a question about a value may say besides the setting and the value: "What does X=y do / mean?", "what happens
# if I set X to y?".
_WHAT_A_VALUE_DOES = frozenset({"set", "setting", "happen", "happens", "mean", "means", "do", "does", "value"})


def named_section(corpus: Corpus, best: Candidate, eligible: list[Candidate], query: Query) -> Candidate:
    """In an API reference, the section whose heading documents the name the question writes as code, with the
    best candidate's score, when the best is in the section of another name: "What is tar.Pack?" is answered under
    "### class tar.Pack", not under "### class tar.Pack.Sync", whose text mentions it. The section's best
    candidate answers, or its first sentence of prose (past a list of parameters) when the question asks only what
    the name is or does, then also when the best is in that section already ("What does .alias() do?" is said
    first, not by "Optionally `.alias()` can take an object ...")."""
    asked = {name.lower().rstrip(".") for name in _CODE_NAME.findall(query.text)}
    documented = _documented_name(corpus, best) if asked else None
    if documented is None:
        return best
    only_what = _only_what_it_is(corpus, query, asked, best.sentence.doc_id)
    if documented.lower() in asked and not only_what:
        return best
    section = [c for c in eligible if c.sentence.doc_id == best.sentence.doc_id
               and (_documented_name(corpus, c) or "").lower() in asked]
    if not section:
        return best
    prose = [c for c in section if is_prose(corpus, c.support)]
    found = min(prose, key=lambda c: c.support.sentence_id) if only_what and prose else section[0]
    return replace(found, score=best.score)  # its own logit: what follows it is taken in by its own measure


def names_in(question: str) -> set[str]:
    """The question's words and names as an entry may spell them ("--max-procs", "os.path", "drainTimeout")."""
    return {word.lower().rstrip(".") for word in _NAME.findall(question)}


def names_term(query: Query, name: str) -> bool:
    """Whether the question names `name` whole, or by all the words of a name in camel case, one after the other
    ("agent forwarding" names "ForwardAgent", "log level" names "LogLevel"), a namespaced name by its last part
    ("Package-Blacklist" names "Unattended-Upgrade::Package-Blacklist"); a name without a content word ("--all") names
    nothing."""
    own = _own_part(name)
    whole = set(terms(own))
    parts = set(terms(own, humps=True)) - whole
    asked = query.asked.keys()
    return bool(whole) and (whole <= asked or (bool(parts) and parts <= asked and _said_together(query.text, parts)))


def _said_together(question: str, parts: set[str]) -> bool:
    """Whether the question says a camel-case name's words one after the other, in either order ("log level",
    "agent forwarding"), not apart ("add a Via header" does not name AddHeader); words the question writes in another
    form (a typo repaired) are given the benefit of the doubt."""
    said = terms(question)
    if not parts <= set(said):
        return True
    return any(set(said[start:start + len(parts)]) == parts for start in range(len(said) - len(parts) + 1))


def _own_part(name: str) -> str:
    """A namespaced name's last part when it says enough alone, two words or more ("Package-Blacklist" of
    "Unattended-Upgrade::Package-Blacklist"; not "Proxy" of "Acquire::http::Proxy", nor "Mail"), else the name."""
    last = name.rsplit("::", 1)[-1]
    return last if len(terms(last, humps=True)) > 1 else name


def _documented_name(corpus: Corpus, candidate: Candidate) -> str | None:
    """The name in code form that the heading of the candidate's section documents, or the definition term right
    over its text ("glob.escape(pathname)" over "New in version 3.4." in an HTML reference); None: prose."""
    if candidate.support.heading:
        return heading_name(corpus, candidate.support)
    label = label_above(corpus, candidate.support)
    named = heading_name(corpus, label) if label is not None else None
    heading = heading_above(corpus, candidate.support) if named is None else None
    return heading_name(corpus, heading) if heading is not None else named


def _entry_sought(corpus: Corpus, candidate: Candidate, named: set[str], as_code: set[str],
                  section: Sentence | None, written: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether the candidate is the entry of a name the question writes: one written as code anywhere (an option
    letter for letter, when the question writes options: "-i" is not "-I"), a plain word only in `section`, and
    only as a list item's name: a plain word a definition list's term ("Rotation", "dateext") is as often a word the
    question asks with ("the next rotation cycle")."""
    names = dict.fromkeys([entry_name(corpus, candidate.support) or "", *grouped_names(corpus, candidate.support)])
    return any(_sought_name(corpus, candidate, name, named, as_code, section, written) for name in names)


def _sought_name(corpus: Corpus, candidate: Candidate, written_name: str, named: set[str], as_code: set[str],
                 section: Sentence | None, written: set[str] | frozenset[str]) -> bool:
    """Whether `written_name`, a name the candidate's entry documents, is one the question writes (`_entry_sought`)."""
    name = written_name.lower()
    if written_name.startswith("-") and any(w.startswith("-") for w in written) and written_name not in written:
        return False
    if name not in named and _own_part(name) not in named:
        return False
    return name in as_code or (heading_above(corpus, candidate.support) == section
                               and not is_term_entry(corpus, candidate.support))


def _named_in_words(corpus: Corpus, candidate: Candidate, query: Query, section: Sentence | None) -> bool:
    """Whether the candidate is, in `section`, the entry of a term of two words or more that the question says word
    by word ("What is the default max connections?": "max connections"; "log level": "LogLevel"); one plain word is
    as often a word the question asks with."""
    name = entry_name(corpus, candidate.support) or ""
    humps = set(terms(name, humps=True)) - set(terms(name))  # "LogLevel": log, level
    return (len(name.split()) > 1 or len(humps) > 1) and names_term(query, name) \
        and heading_above(corpus, candidate.support) == section


def _only_what_it_is(corpus: Corpus, query: Query, names: set[str], doc_id: str) -> bool:
    """Whether the question asks no more than what the name is or does ("What does .alias() do in yargs?"): no word
    besides the name and the words naming its document. The first sentence of prose in its section says it; a
    question with a word of its own ("What does xsltSecurityAllow return?") is answered by the best candidate."""
    named = {term for name in names for term in terms(name, humps=True)} | {name.lower() for name in names}  # "-i"
    naming = corpus.title_terms[doc_id] | corpus.source_terms[doc_id]
    return not set(query.asked) - named - naming
