""""Which document explains how to choose the SSL cipher suites?": the name of the document that says it.

A question that asks which of the documents (pages, manuals, FAQs, READMEs, ...) says, mentions or explains
something is answered by the name of the document whose sentence answers it best: its title where the text shows it
near the top, else its first heading; but a sentence that names a manual page of its own ("see acl(5)") is
the answer itself. The sentence stays the answer's support, so the reader sees where the document says it. "Which
document root does suexec use?" asks no such thing: the verb of saying must follow. Nor does "Which licence covers
the fonts?" or "Which specification describes ...?": a licence or a specification is one a text names more often
than one of ours.
"""

from __future__ import annotations

import re

from qa.storage.corpus import Corpus

_ASKS_WHICH_DOCUMENT = re.compile(
    r"^\s*(?:in\s+)?(?:which|what)\s+(?:one\s+)?(?:of\s+the\s+(?:\w+\s+)?)?(?:documents?|(?:(?:manual|man|help|web)\s+)?pages?|manpages?|manuals?|guides?|texts?|"
    r"faqs?|readmes?|howtos?|tutorials?|release\s+notes|change\s?logs?)\s+"
    r"(?:says?|tells?|states?|mentions?|explains?|describes?|covers?|discuss(?:es)?|defines?|"
    r"recommends?|talks?\s+about|is\s+about|lists?|gives?)\b\s*(?P<claim>.*?)[\s?]*$", re.I | re.S)
# What a document is asked to say, without the words that hand it to the reader: "(me) to run ...", "that ..."
# (in lower case: "US export rules" names a country).
_HANDED_OVER = re.compile(r"^(?:(?:me|you|us|one)\s+)?(?:(?:to|that|about)\s+)?")
_FILE_NAME = re.compile(r"[\w.]+(?:-[\w.]+)+")  # a title that is a file's name ("mosh-README"), no words apart
_NAME_PART = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")
_GENERIC_PARTS = frozenset("readme faq news changelog changes copyright copying license licence install installing "
                           "contributing security policy options manual guide howto notes index doc docs debian "
                           "html txt md rst".split())
# A sentence that names a manual page of its own ("see acl(5)"): that page answers "Which manual page describes
# ...?", not the name of the document the sentence is in. Not a method's call ("time.sleep(5)"), nor a passing "the
# README" or "this FAQ", which name no other document.
_NAMES_A_DOCUMENT = re.compile(r"(?<![\w(.])[A-Za-z][\w+-]*\([1-9][a-z]{0,4}\)")
_TITLE_REACH = 2000  # characters from a document's start in which its title is sought
_HEADING_REACH = 12  # sentences from a document's start in which its first heading is sought


def _shared(corpus: Corpus, doc_id: str, part: str) -> bool:
    """Another document's title has `part` as a word."""
    word = re.compile(rf"(?<![A-Za-z0-9]){re.escape(part)}(?![A-Za-z0-9])", re.I)
    return any(word.search(other.title) for other_id, other in corpus.documents.items() if other_id != doc_id)


def what_a_document_says(question: str) -> str | None:
    """What a which-document question asks a document to say ("how to choose the SSL cipher suites", "Konsole",
    "run npm run test:all"), to look for alone; None for any other question."""
    asked = _ASKS_WHICH_DOCUMENT.match(question)
    claim = _HANDED_OVER.sub("", asked.group("claim"), count=1) if asked else ""
    return claim or None


def names_a_document(sentence: str) -> bool:
    """`sentence` names a manual page of its own ("crypttab(5)")."""
    return bool(_NAMES_A_DOCUMENT.search(sentence))


def document_name(corpus: Corpus, doc_id: str) -> tuple[int, int] | None:
    """Where the document shows its name: its title near the top, else the first part of a title made of a file's
    name that the top says as a word ("etckeeper" of "etckeeper-README": "etckeeper is a collection of tools"), when
    no other document's title has that part and it names no kind of document ("pip" of "pip-issue-triage" beside
    "pip-installation", "security"), else its first heading; None if none."""
    document = corpus.documents[doc_id]
    title = document.title.strip()
    found = document.text.find(title, 0, _TITLE_REACH) if title else -1
    if found >= 0:
        return found, found + len(title)
    for part in _NAME_PART.findall(title) if _FILE_NAME.fullmatch(title) else ():
        said = re.search(rf"(?<![\w/.-]){re.escape(part)}(?![\w/-])", document.text[:_TITLE_REACH])
        if said and part.lower() not in _GENERIC_PARTS and not _shared(corpus, doc_id, part):
            return said.span()
    first = corpus.openings[doc_id].first_sentence
    for sentence in corpus.sentences[first:first + _HEADING_REACH]:
        if sentence.doc_id == doc_id and sentence.heading:
            return sentence.start, sentence.end
    return None
