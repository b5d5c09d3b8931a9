"""What every store does to build a version: cut documents into units, embed what is new, name the version."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.documents.chunking import Passage, Sentence, passage_input, readable, split_document
from qa.documents.reading import Document
from qa.embedding.base import Embedder
from qa.errors import IndexMismatchError
from qa.settings import Settings
from qa.storage.corpus import Corpus

FORMAT_VERSION = 45  # 2: blocks, passage context, extracted HTML and PDF text; 3: FAQ questions, wrapped titles and
# run-in headings as headings, the caption of a box of links left out; 4: Markdown's HTML-only paragraphs left out,
# emphasis wrapped in HTML tags a label, a sentence in bold text, a plain text's title line a heading over its first
# passage; 5: a name in camel case also read word by word; 6: headings before a document's first text kept (its title
# block); 7: only its version, date or copyright lines with blank lines alone
# around them; 8: a FAQ's numbered question on the line above its answer a heading; 9: a short line in capitals
# on the line above its paragraph, at its indent, a heading; 10: a question over its answer indented below it a
# heading, whatever it states first; 11: that question states one thing at most and asks once; 12: words broken at
# line ends joined for matching (a typesetter's hyphen dropped, a word's own hyphen kept); 13: what is embedded
# joins an ASCII hyphen at a line end as before 12 (PDF text hyphenates so); 14: a title over its underline a heading
# when text follows it without a blank line, Info node lines and reStructuredText images left out; 15: only a
# title-shaped line (a few words, no sentence's end) is underlined, a rule under a dropped line is dropped, Info
# tag tables left out; 16: no sentence ends inside brackets that close just after it ("(resp. GID_MAX)"), a
# numbered item written "6)" over a paragraph that is no item a heading, a number over its indented meaning a term,
# indents in columns, a term alone on its line over text indented below it after a blank line an entry; 17: a
# paragraph indented below one that ends with a colon is what it introduces, never a heading; 18: a spaced rule
# ("- - - - -", "* * *") is furniture; 19: a "6)" item after an item or a colon is no heading, brackets must close;
# 20: a man page's NAME line titles it whatever dash sets its name apart (a Unicode hyphen: "logrotate \u2010 ...");
# 21: a question marked "Q:" over an answer marked "A:" a heading whatever it ends with; 22: a section heading in
# capitals at the margin right under indented text starts a paragraph (a man page's "EXIT STATUS"); 23: the rows of a
# two-column table set with a tab ("2\t     Forking ... failed.") rows of their own; 24: only rows opened by a number;
# 25: only a man page's section heading starts a paragraph so, a row's wrapped text only when it hangs deeper;
# 26: an HTML paragraph of a few words all in bold, no sentence, a heading (the title of a list item's text); 27: an
# indented line of a few title-cased words over deeper text a heading (a man page's subsection); 28: a question
# marked "Q)" or "Q:" a heading over its answer marked "A)" or "A1)" in the same paragraph; 29: only with a bracket
# or a colon, a question of three words at least, no other letter marking a line ("D: Delete" in a list of keys); 30: an
# HTML page header that opens with the page's <h1> read (AsciiDoc's manual pages: the title and the NAME section); 31:
# an HTML block inside a definition (<dd>) has level 1, a header's <h1> linked home is a banner; 32: a plain text
# written as an Emacs outline (GNU NEWS: "* Changes in Wget 1.17" over "** Add ...") has its starred lines as headings;
# 33: an outline's top headings name releases, older release labels head their notes, each starred note is its own item
# 34: most top headings name releases ("?.?" too), release labels of more spellings, none taken for a running header;
# 35: an HTML table row whose cells hold paragraphs ("<td><p>600</p></td>") one row of tab-separated cells; 36: a
# Markdown paragraph right over one marked "A:" (a code block between them or not) a FAQ's question, a heading; 37: a
# numbered paragraph of a few lines that asks ("?") over text indented deeper a FAQ's question, whatever it ends with;
# 38: an HTML list item's opening paragraph ("<li><p>...") an item, not prose; 39: a plain text's table of contents
# without dot leaders (numbered lines whose number and words open a line again further on) furniture; 40: contractions
# ("don't") stopwords; 41: a man page's numbered lines at its text margin or deeper text, not headings; 42: a
# Markdown line of a few words, no sentence, right over a code block its label; 43: a MyST admonition fenced like
# code ("```{note}") text; 44: a plain text's numbered question over an answer marked "A." a FAQ's question, the
# answer's opening line ("A.   You have a choice:") never a heading or a label; an AsciiDoc "== Title" a heading;
# 45: a Markdown title's words without its images, badges and link addresses ("# ![Logo](foot.png) foot": foot)
BUILD_KEYS = ("format_version", "model", "chunking")  # a change in one of these means re-embedding everything

VectorKey = tuple[str, str]
UnitVectors = tuple[np.ndarray, np.ndarray]  # one document's passage rows and sentence rows


def expected_manifest(settings: Settings, documents: list[Document], embedder_name: str) -> dict:
    """The parts of a manifest that decide whether an index fits these settings and documents."""
    return manifest_for(settings, {d.source: d.sha256 for d in documents}, embedder_name)


def manifest_for(settings: Settings, seeds: dict[str, str], embedder_name: str) -> dict:
    """The parts of a manifest that decide whether an index fits these settings and seed files (source -> sha256)."""
    return {**build_key(settings, embedder_name), "seeds": dict(sorted(seeds.items()))}


def build_key(settings: Settings, embedder_name: str) -> dict:
    """How units are cut and embedded: vectors built alike can be reused."""
    return {"format_version": FORMAT_VERSION, "model": embedder_name, "chunking": settings.chunking()}


def index_version(key: dict) -> str:
    """The same corpus built the same way has the same version, whatever the store."""
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]


def fits(manifest: dict | None, expected: dict) -> bool:
    """True when `manifest` was built from exactly these seeds and settings."""
    return manifest is not None and all(manifest.get(k) == v for k, v in expected.items())


def check_build(manifest: dict, expected: dict, where: str) -> None:
    """Refuse an index built with another format, model or chunking than `expected` asks for."""
    for key in BUILD_KEYS:
        if manifest.get(key) != expected[key]:
            raise IndexMismatchError(
                f"the index {where} was built with {key}={manifest.get(key)!r}, but the settings ask for "
                f"{expected[key]!r}; run `qa index` to rebuild it")


def split_all(documents: list[Document], settings: Settings) -> tuple[list[Sentence], list[Passage]]:
    """Sentences and passages of every document, numbered in corpus order."""
    sentences: list[Sentence] = []
    passages: list[Passage] = []
    for document in documents:
        more_sentences, more_passages = split_document(
            document, settings.chunk_sentences, settings.chunk_overlap, settings.chunk_max_chars,
            len(sentences), len(passages))
        sentences += more_sentences
        passages += more_passages
    return sentences, passages


def vector_key(document: Document) -> VectorKey:
    """What decides a document's vectors besides model and chunking: its bytes and its kind (suffix)."""
    return document.sha256, Path(document.source).suffix.lower()


def reusable_vectors(corpus: Corpus, passage_vectors: np.ndarray) -> dict[VectorKey, UnitVectors]:
    """Every document's passage and sentence vectors in a version, by what decides them."""
    passage_ids, sentence_ids = rows_by_document(corpus.passages), rows_by_document(corpus.sentences)
    return {vector_key(d): (passage_vectors[passage_ids.get(d.doc_id, [])],
                            corpus.sentence_vectors[sentence_ids.get(d.doc_id, [])])
            for d in corpus.documents.values()}


def rows_by_document(units: Sequence[Passage | Sentence]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for row, unit in enumerate(units):
        rows.setdefault(unit.doc_id, []).append(row)
    return rows


def embed_units(documents: list[Document], sentences: list[Sentence], passages: list[Passage], embedder: Embedder,
                reusable: dict[VectorKey, UnitVectors], progress: bool) -> tuple[np.ndarray, np.ndarray, int]:
    """Passage rows and sentence rows in corpus order, embedding only what `reusable` lacks."""
    passage_rows, sentence_rows = rows_by_document(passages), rows_by_document(sentences)
    cached = _reused(documents, passage_rows, sentence_rows, reusable)
    texts = {d.doc_id: d.text for d in documents if d.doc_id not in cached}
    fresh_passages = [p for p in passages if p.doc_id in texts]
    fresh_sentences = [s for s in sentences if s.doc_id in texts]
    inputs = [passage_input(p, p.text) for p in fresh_passages]
    inputs += [readable(texts[s.doc_id][s.start:s.end]) for s in fresh_sentences]
    fresh = embedder.embed(inputs, progress=progress) if inputs else np.zeros((0, embedder.dimension), np.float32)
    passage_vectors = np.zeros((len(passages), embedder.dimension), np.float32)
    sentence_vectors = np.zeros((len(sentences), embedder.dimension), np.float32)
    passage_vectors[[p.passage_id for p in fresh_passages]] = fresh[: len(fresh_passages)]
    sentence_vectors[[s.sentence_id for s in fresh_sentences]] = fresh[len(fresh_passages):]
    for doc_id, (doc_passages, doc_sentences) in cached.items():
        passage_vectors[passage_rows.get(doc_id, [])] = doc_passages
        sentence_vectors[sentence_rows.get(doc_id, [])] = doc_sentences
    return passage_vectors, sentence_vectors, len(inputs)


def _reused(documents: list[Document], passage_rows: dict[str, list[int]], sentence_rows: dict[str, list[int]],
            reusable: dict[VectorKey, UnitVectors]) -> dict[str, UnitVectors]:
    """doc_id -> vectors kept from a previous version, when its units count the same."""
    cached: dict[str, UnitVectors] = {}
    for document in documents:
        hit = reusable.get(vector_key(document))
        wanted = (len(passage_rows.get(document.doc_id, [])), len(sentence_rows.get(document.doc_id, [])))
        if hit is not None and (len(hit[0]), len(hit[1])) == wanted:
            cached[document.doc_id] = hit
    return cached
