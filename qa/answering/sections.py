"""Where an answer sits in its document: the heading of its section, the section a heading opens.

A which-question's answer may be named by its section's heading ("Function: xsltSecurityForbid"
above "Function used to always forbid an operation"), and a heading over program text (an API
entry's signature) is answered somewhere in its section ("Returns: 1 always", `qa.answering.answer`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from qa.documents.chunking import CONTEXT_SEPARATOR, Sentence
from qa.documents.words import STOPWORDS, terms
from qa.storage.corpus import Corpus

_NAMING_REACH = 600  # characters from a heading to the answer it names: a short section
# A list item that documents one name, the name in code or in bold before its type: "* **bodyTimeout** `number` -
# ...", "* `encoding` {string} ...", "- `--force`: ...", "* `Dpkg::Options` - list of strings" (not "1. **Note**:
# ...").
_ENTRY_NAME = re.compile(r"\s*(?:(?:[*+-]|\d{1,2}[.)])\s+"
                         r"(?:\*\*`?(?P<bold>-{0,2}[A-Za-z_$][\w$.-]*?)`?\*\*(?=\s+[`{(])|"
                         r"`(?P<name>-{0,2}[A-Za-z_$](?:[\w$.-]|::)*?)`)|"
                         # a table of names in code, each a line "NAME  - what it is" ("AUTOSSH_POLL  - poll time ...")
                         r"(?P<dashed>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)"
                         r"[ \t]+[-\u2013][ \t]+\S)")


def with_naming_heading(corpus: Corpus, sentence: Sentence, kind: frozenset[str]) -> Sentence:
    """The answer taken back to its section's heading when the heading names one thing of the `kind` a
    which-question asks for: "Which function always forbids an operation?" is answered under "Function:
    xsltSecurityForbid", "Which section ...?" under "Section 5 -- Disclaimer ..."."""
    signature = _signature_above(corpus, sentence, kind)
    if signature is not None:
        return replace(sentence, start=signature.start)
    heading = heading_above(corpus, sentence)
    if heading is None or not kind or sentence.end - heading.start > _NAMING_REACH:
        return sentence
    names = names_one_of(corpus.sentence_text(heading), kind) or names_by_its_section(corpus, heading, kind)
    return replace(sentence, start=heading.start) if names else sentence


# A heading that is a call's signature alone ("zipapp.get_interpreter(archive)", "`create(source, target=None)`")
# names a function or a method, whatever section it is in.
_SIGNATURE = re.compile(r"\s*`?[A-Za-z_$][\w$.]*\([^()\n]*\)`?\s*")
_CALLABLE_KINDS = frozenset(terms("function method"))


def _signature_above(corpus: Corpus, sentence: Sentence, kind: frozenset[str]) -> Sentence | None:
    """For a which-question asking for a function or method, the nearest heading above the answer (a label or not:
    an HTML definition term is one) when it is a call's signature within `_NAMING_REACH`; None otherwise."""
    if not kind & _CALLABLE_KINDS:
        return None
    for number in range(sentence.sentence_id - 1, -1, -1):
        above = corpus.sentences[number]
        if above.doc_id != sentence.doc_id or sentence.end - above.start > _NAMING_REACH:
            return None
        if above.heading:
            return above if _SIGNATURE.fullmatch(corpus.sentence_text(above)) else None
    return None


# Words that say what kind of name a question asks about ("Which option ...?", "What does the -ro option do?").
KINDS_OF_NAME = frozenset({"option", "flag", "switch", "setting", "parameter", "argument", "keyword", "directive",
                           "variable"})
_KIND_STEMS = frozenset(terms(" ".join(KINDS_OF_NAME)))


def asks_for_a_term(kind: frozenset[str], question: str = "") -> bool:
    """Whether a which-question's kind is one a definition list's term is ("Which option ...?"), the kind's word
    after the question's noun too ("Which environment variable ...?")."""
    compound = _COMPOUND_KIND.match(question)
    said = compound.group(1).split() if compound else []
    return bool(kind & _KIND_STEMS) or (compound is not None and not any(w.lower() in STOPWORDS for w in said))


# "Which environment variable ...?", "Which command line option ...?", "Which of the options ...?": the kind's word
# after words that qualify it, at the question's start.
_COMPOUND_KIND = re.compile(r"\s*(?:which|what)\s+(?:of\s+the\s+)?((?:[a-z][\w-]*\s+){0,2}?)(?:" +
                            "|".join(sorted(KINDS_OF_NAME)) + r")s?\b", re.I)


def with_naming_term(corpus: Corpus, sentence: Sentence, wanted: bool, label_wanted: bool) -> Sentence:
    """The answer taken back to the term of its entry when the question wants it: a which-question asking for a name
    of the kind a term is ("Which option makes an elapsing timer resume the system?" is answered from "WakeSystem="
    on, not by "If true, an elapsing timer will cause the system to resume ..." alone), or a how-question answered
    by what a setting does ("How do I keep the downloaded deb packages?": the setting is how). In an HTML definition
    list the term is a label over the text: `label_wanted` also takes it for a kind after another word ("Which
    environment variable ...?" is answered from "TIGRC_SYSTEM" on)."""
    opening = entry_opening(corpus, sentence) if wanted or label_wanted else None
    if opening is None:
        label = _label_over(corpus, sentence) if label_wanted else None
        return sentence if label is None else replace(sentence, start=label.start)
    if not wanted or opening.start >= sentence.start or entry_name(corpus, sentence) is None \
            or sentence.end - opening.start > _NAMING_REACH:
        return sentence
    return replace(sentence, start=opening.start)


def _label_over(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """In an HTML page, the definition term over the text a sentence is in (a <dt>: "TIGRC_SYSTEM" over "Path of the
    system wide configuration file ...", not "Options:"), within `_NAMING_REACH`; None under any other heading."""
    label = label_above(corpus, sentence) if from_html(corpus, sentence) else None
    if label is None or sentence.end - label.start > _NAMING_REACH or not _NAME_LIKE.match(corpus.sentence_text(label)):
        return None
    return label


# A term that names something: a signature, or a few words with a mark of a name ("-C <path>", "TIGRC_SYSTEM",
# "ssl_dh_params_file (string)", "shadow"), not a question, a sentence, "Options:" or a capitalised word ("Note").
_NAME_LIKE = re.compile(r"\s*(?:`?[A-Za-z_$][\w$.]*\([^()\n]*\)`?|[a-z][\w-]*|"
                        r"(?=[^\n]*(?:[-_.=<($/+]|\b[A-Z]{2,}\b))\S+(?:[ \t]+\S+){0,3})\s*$(?<![?.:]\s)(?<![?.:])")


_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def from_html(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence is of an HTML page (where a definition list's term is a label of its own)."""
    return corpus.documents[sentence.doc_id].source.lower().endswith(_HTML_SUFFIXES)


def names_one_of(heading: str, kind: frozenset[str]) -> bool:
    """Whether a heading names one thing of the asked kind, its name or number after the kind's word ("Function:
    xsltSecurityForbid", "Section 5 -- Disclaimer", "Option --keep") or a name after a colon that ends in it
    ("Class: AbortError" for "What error ...?"), not the kind ("OPTIONS", "EXIT STATUS") or a phrase about it
    ("NTP Pool")."""
    first = re.match(r"\s*([A-Za-z]+)(?=\s*(?::|\d|--?\w|`))", heading)
    named = re.match(r"\s*[A-Za-z]+:\s*`?[A-Za-z_$][\w$.]*?([A-Z][a-z]+)`?\s*$", heading)
    return any(found is not None and bool(set(terms(found.group(1))) & kind) for found in (first, named))


# An entry of a definition list as man(1) renders one: the term alone on its first line over its indented text
# ("CheckHostIP", a line break, then "        If set to yes, ..."; two or three words under a hanging indent, "max
# connections"; a setting with its equals sign, "WakeSystem=", or several, "OnClockChange=, OnTimezoneChange=", or with
# the placeholder of its value, "memory=mbytes", or with its type in parentheses, "UMASK (number)", "TTYGROUP (string),
# TTYPERM (string)"), or the term, a run of blanks and the text
# ("Port    Specifies the port number ..."), or one blank when the text starts at the column the lines below it hang
# at ("dbfile Database filename. ..."); the term may be a command's options and their argument ("-m, --mail
# command").
# The type a configuration file's man page writes after a setting's name ("UMASK (number)"), not a remark ("Returns (see
# below)", "Limits (per process)").
_TYPES = (r"number|string|boolean|bool|integer|int|real|float|floating\s+point|double|enum|list|string\s+list|octal|"
          r"path|char|character|seconds|milliseconds|minutes|bytes|kilobytes|megabytes")
_TYPED_NAME = re.compile(rf"([A-Za-z_$][\w$.-]*[\w$])[ \t]+\((?:{_TYPES})\)")
_TERM_ENTRY = re.compile(r"""[ \t]*(?:
    (?P<words>[A-Za-z][\w-]*(?:[ ][A-Za-z][\w-]*){1,2})(?=[ \t]*\r?\n)
  | (?P<typed>[A-Za-z_$][\w$.-]*[\w$])[ \t]+\((?:""" + _TYPES + r""")\)
    (?:,[ \t]*[A-Za-z_$][\w$.-]*[\w$][ \t]+\((?:""" + _TYPES + r""")\))*(?=[ \t]*\r?\n)
  | (?P<term>-{0,2}[A-Za-z_$][\w$.-]*[\w$]=?)(?:(?<==)[A-Za-z][\w-]*)?(?:,[ \t]*[A-Za-z_$][\w$.-]*=)*
  | (?P<options>-{1,2}[A-Za-z?][\w-]*(?:[ \t=]+[A-Z][A-Z_-]*(?=,))?  # "-s PACKETSIZE, --psize PACKETSIZE"
      (?:,[ \t]*-{1,2}[A-Za-z?][\w-]*(?:[ \t=]+[A-Z][A-Z_-]*(?=,))?)*)(?:[ \t=]+\[?[A-Za-z_][\w.\]-]*)?
  )(?:(?P<own_line>[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]+(?=\S))|[ \t]{2,}(?=[A-Z])|(?P<aligned>[ \t]+)(?=\S))""", re.X)


_ENTRY_PARAGRAPHS = 8  # paragraphs of a term's text above a sentence in which its term is sought
NAMES_A_DEFAULT = re.compile(r"\bdefaults?\b", re.I)  # "... is left at the default, ...", "Defaults to true."


def entry_name(corpus: Corpus, sentence: Sentence) -> str | None:
    """The name a list item or a definition list's entry documents, for any sentence of the item (None outside such
    an item)."""
    opening = entry_opening(corpus, sentence)
    if opening is None:
        return None
    text = corpus.sentence_text(opening)
    entry = _ENTRY_NAME.match(text)
    if entry:
        return entry.group("name") or entry.group("bold") or entry.group("dashed")
    return _term(corpus, opening)


def _term(corpus: Corpus, sentence: Sentence) -> str | None:
    """The term a paragraph-opening sentence opens a definition list's entry with, or None: a word with a content
    word in it ("The  POSIX  standard ..." is justified prose) or a command's options, named by the long one
    ("--mail"); when the text goes on on the term's line, only under a hanging indent (the next line deeper) or
    after an option ("-ro    Allow only reading from the DIR.", an entry of one line: no prose opens with a dash);
    a term of several words only on its own line over a hanging line that opens a sentence ("max connections" over
    "This parameter ...", not "For example" or "The format is")."""
    found = _TERM_ENTRY.match(corpus.sentence_text(sentence))
    if found is None:
        return None
    term = (found.group("term") or found.group("typed") or found.group("words") or "").rstrip("=")  # "WakeSystem=":
    # WakeSystem; "TTYGROUP (string), TTYPERM (string)": TTYGROUP
    if term and not terms(term):
        return None
    if found.group("words"):
        return term if _names_a_setting(corpus, sentence, term) else None
    option = found.group(0).lstrip().startswith("-")
    if (found.group("own_line") or "").count("\n") > 1 and not option:
        return None  # only an option's text may follow it after a blank line ("--fuzz=N", a blank line, "Set ...")
    if not found.group("own_line") and not option and not _hangs(corpus, sentence):
        return None
    if found.group("aligned") and not _aligned_setting(corpus, sentence, term or found.group(0), found.end()):
        return None
    return term or max((option.split()[0] for option in found.group("options").split(",")), key=len)


def _names_a_setting(corpus: Corpus, sentence: Sentence, words: str) -> bool:
    """Whether a line of a few words is a term over its text: no function word opens it, and the line after it hangs
    deeper and opens with a capital."""
    following = _line_after(corpus, sentence)
    return words.split()[0].lower() not in STOPWORDS and _hangs(corpus, sentence) \
        and following.lstrip()[:1].isupper()


def _line_after(corpus: Corpus, sentence: Sentence) -> str:
    """The line after the one `sentence` opens on ("" at the end of the document)."""
    text = corpus.documents[sentence.doc_id].text
    line_end = text.find("\n", sentence.start)
    if line_end < 0:
        return ""
    next_end = text.find("\n", line_end + 1)
    return text[line_end + 1:] if next_end < 0 else text[line_end + 1:next_end]


def _hangs(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the line after the one `sentence` opens on is indented deeper than it."""
    next_line = _line_after(corpus, sentence)
    blank = len(next_line) - len(next_line.lstrip(" \t"))
    return bool(next_line.strip()) and len(next_line[:blank].expandtabs(8)) > _indent(corpus, sentence)


def _aligned_setting(corpus: Corpus, sentence: Sentence, term: str, offset: int) -> bool:
    """Whether a setting's name in lower case, or an option, is followed by its text one blank after it, at the
    column the lines below it hang at ("usedns use DNS to ..." over "fault it is ...": man(1) sets a term shorter
    than the indent on its text's line); not a heading that happens to end there ("Add a system user"), a synopsis
    ("adduser [--conf file]"), a line that introduces an example ("update the index first, then run:") nor an
    option opening a paragraph of prose ("--force overrides every safety check")."""
    text = corpus.documents[sentence.doc_id].text
    name = term.strip()
    line_end = text.find("\n", sentence.start)
    line = text[sentence.start:line_end if line_end >= 0 else len(text)]
    if not (name[:1].islower() or name[:1] == "-") or text[sentence.start + offset] in "[-<{(|" \
            or line.rstrip().endswith(":"):  # a line that introduces an example below it: "then run:"
        return False
    position = sentence.start + offset
    column = len(text[text.rfind("\n", 0, position) + 1:position].expandtabs(8))
    next_line = _line_after(corpus, sentence)
    blank = len(next_line) - len(next_line.lstrip(" \t"))
    return column == len(next_line[:blank].expandtabs(8))


def grouped_names(corpus: Corpus, sentence: Sentence) -> list[str]:
    """The names an entry that documents several settings at once opens with ("TTYGROUP (string), TTYPERM (string)"),
    for any sentence of the entry; [] for any other entry."""
    opening = entry_opening(corpus, sentence)
    if opening is None:
        return []
    first_line = corpus.sentence_text(opening).split("\n", 1)[0]
    names = _TYPED_NAME.findall(first_line)
    return names if len(names) > 1 else []


def is_term_entry(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence is in an entry of a definition list (a term over its text), not of a list of items."""
    opening = entry_opening(corpus, sentence)
    return opening is not None and not _ENTRY_NAME.match(corpus.sentence_text(opening))


def entry_of(corpus: Corpus, sentence: Sentence, reach: int) -> list[Sentence]:
    """The sentences of the entry `sentence` is in, from the one naming it on (at most `reach` after `sentence`): its
    item, or a definition list's term and the paragraphs indented below it up to the next term or heading (none
    outside an entry)."""
    opening = entry_opening(corpus, sentence)
    if opening is None:
        return []
    term_indent = _indent(corpus, opening)
    found = corpus.sentences[opening.sentence_id:sentence.sentence_id + 1]
    for after in corpus.sentences[sentence.sentence_id + 1:sentence.sentence_id + 1 + reach]:
        if after.doc_id != sentence.doc_id or after.heading or _ENTRY_NAME.match(corpus.sentence_text(after)):
            break  # the next item opens, in the same paragraph or not
        if after.paragraph != sentence.paragraph and _opens_its_paragraph(corpus, after) \
                and _indent(corpus, after) <= term_indent:
            break  # the entry ends where a paragraph is indented no deeper than its term or item
        found.append(after)
    return found


def entry_opening(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The sentence that opens the entry `sentence` is in, naming it (None outside an entry): the first of its item,
    or a definition list's term, above the paragraphs indented below it."""
    for number in range(sentence.sentence_id, -1, -1):  # a list's items may share a paragraph: the nearest item
        found = corpus.sentences[number]
        if found.doc_id != sentence.doc_id or found.paragraph != sentence.paragraph or found.heading:
            break
        if _ENTRY_NAME.match(corpus.sentence_text(found)):
            return found
    opening = _paragraph_opening(corpus, sentence)
    if opening is None:
        return None
    if _term(corpus, opening):
        return opening
    indent = _indent(corpus, opening)
    for _ in range(_ENTRY_PARAGRAPHS):  # a paragraph of a term's text: the term is above, indented less
        previous = corpus.sentences[opening.sentence_id - 1] if opening.sentence_id else None
        opening = _paragraph_opening(corpus, previous) if previous and previous.doc_id == sentence.doc_id else None
        if opening is None:
            return None
        if _indent(corpus, opening) < indent:
            return opening if _term(corpus, opening) or _ENTRY_NAME.match(corpus.sentence_text(opening)) else None
    return None


def _paragraph_opening(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The first sentence of `sentence`'s paragraph (None: a heading comes first)."""
    for number in range(sentence.sentence_id, -1, -1):
        found = corpus.sentences[number]
        if found.heading:
            return None
        if _opens_its_paragraph(corpus, found):
            return found
    return None


def _opens_its_paragraph(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence is its paragraph's first, or the first after the heading over it."""
    before = corpus.sentences[sentence.sentence_id - 1] if sentence.sentence_id else None
    return before is None or before.paragraph != sentence.paragraph or before.doc_id != sentence.doc_id \
        or before.heading


def _indent(corpus: Corpus, sentence: Sentence) -> int:
    """The columns of blank before the line a paragraph-opening sentence starts on (tabs to multiples of 8)."""
    text = corpus.documents[sentence.doc_id].text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    return len(text[line_start:sentence.start].expandtabs(8))


# A name in code form: dotted ("tar.Pack"), in camel case or with an underscore ("WS_ERR_INVALID_OPCODE").
CODE_FORM = r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[A-Za-z_$][\w$]*(?:[a-z][A-Z]|_)[\w$]*"
# A heading that is one name in code form, or a call of one.
_ONE_CODE_NAME = re.compile(r"\s*`?(?:" + CODE_FORM + r")(?:\([^()\n]*\))?`?\s*")


def names_by_its_section(corpus: Corpus, heading: Sentence, kind: frozenset[str]) -> bool:
    """Whether a heading that is one name in code form names a thing of the asked kind by the heading of the section
    it is in (the one above it in its passage's heading path): "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" under "Error
    codes" for "Which error code ...?"."""
    text = corpus.sentence_text(heading)
    if not kind or not _ONE_CODE_NAME.fullmatch(text):
        return False
    path = corpus.passage_of(heading).context.split(CONTEXT_SEPARATOR)  # the title, then the headings down to it
    place = len(path) - 1 - path[::-1].index(text.strip()) if text.strip() in path else 0
    return place > 1 and bool(set(terms(path[place - 1])) & kind)


# A heading that documents a name in code form: after a keyword ("### class tar.Pack", "#### Class: `fs.Dir`"), in
# backquotes ("### `fs.readFile(path[, options], callback)`"), before its parameters ("### tar.c(options, fileList)
# [alias: tar.create]", '<a name="alias"></a>.alias(key, alias)' after an anchor) or alone; not a heading of prose
# that opens with one ("GitHub Actions", "Node.js releases").
_HEADING_NAME = re.compile(r"\s*#*\s*(?:<[^<>\n]*>)*\s*(?:"
                           r"(?:[Cc]lass|[Ii]nterface|[Ff]unction|[Mm]ethod|[Pp]roperty|[Mm]odule):?\s+"
                           r"`?(?P<named>" + CODE_FORM + r")(?=[`(\s]|$)|"
                           r"`(?P<quoted>" + CODE_FORM + r")(?=[`(])|"
                           r"(?:(?<=>)\.?|\.)(?P<method>[A-Za-z_$][\w$.]*)(?=\()|"
                           r"(?P<called>" + CODE_FORM + r")(?=\()|"
                           r"(?P<alone>" + CODE_FORM + r")\s*$)")


def heading_name(corpus: Corpus, heading: Sentence) -> str | None:
    """The name in code form a heading documents ("tar.Pack" for "### class tar.Pack"); None for a heading of
    prose."""
    match = _HEADING_NAME.match(corpus.sentence_text(heading))
    return next((name for name in match.groups() if name), None) if match else None


def heading_above(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The heading of the section a sentence is in, past any label under it (None before the first)."""
    for number in range(sentence.sentence_id - 1, -1, -1):
        found = corpus.sentences[number]
        if found.doc_id != sentence.doc_id:
            return None
        if found.heading and not is_label(corpus, found):
            return found
    return None


def label_above(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The definition term over the text a sentence is in: the nearest heading above it when that is a label (an
    HTML <dt>); None under any other heading, and in an HTML page for text outside a definition (after a </dl>)."""
    blocks = corpus.documents[sentence.doc_id].blocks
    if from_html(corpus, sentence) and 0 <= sentence.paragraph < len(blocks) and not blocks[sentence.paragraph].level:
        return None
    for number in range(sentence.sentence_id - 1, -1, -1):
        found = corpus.sentences[number]
        if found.doc_id != sentence.doc_id:
            return None
        if found.heading:
            return found if is_label(corpus, found) else None
    return None


def is_program_text(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence is program text (a code block: an API entry's signature)."""
    blocks = corpus.documents[sentence.doc_id].blocks
    return 0 <= sentence.paragraph < len(blocks) and blocks[sentence.paragraph].kind == "code"


def is_prose(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence is in a paragraph of prose (not a list item, a table row, a heading or program text)."""
    blocks = corpus.documents[sentence.doc_id].blocks
    return 0 <= sentence.paragraph < len(blocks) and blocks[sentence.paragraph].kind == "text"


def is_label(corpus: Corpus, sentence: Sentence) -> bool:
    """Whether the sentence is a label (`<small>*(spec-compliant)*</small>` under an API entry's heading): context
    that opens a passage as a heading does, but heads no section."""
    blocks = corpus.documents[sentence.doc_id].blocks
    found = bisect_right(corpus.block_starts[sentence.doc_id], sentence.start) - 1
    return found >= 0 and blocks[found].kind == "label" and sentence.end <= blocks[found].end


def section_of(corpus: Corpus, heading: Sentence) -> range:
    """The sentence ids after a heading, up to the next heading (a label under it is inside) or the end of its
    document."""
    end = heading.sentence_id + 1
    while end < len(corpus.sentences) and corpus.sentences[end].doc_id == heading.doc_id \
            and (not corpus.sentences[end].heading or is_label(corpus, corpus.sentences[end])):
        end += 1
    return range(heading.sentence_id + 1, end)
