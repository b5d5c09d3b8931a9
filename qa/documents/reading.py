"""Read the seed documents: the text as read, its title, a stable id, and the blocks worth indexing.

Text, reStructuredText and Markdown files are read as they are. HTML pages and PDFs are read as their extracted text
(`qa.documents.html`, `qa.documents.pdf`): citations point into that text, and the original file
stays as it was. Text is UTF-8; an HTML page may be in the encoding its markup declares. A PDF
with a `.txt` of the same name beside it is that text's original (how uploads keep PDFs) and is
not read a second time.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from qa.documents.html import declared_encoding, decode_as, read_html
from qa.documents.markdown import markdown_blocks
from qa.documents.pdf import pdf_text
from qa.documents.structure import Block, text_blocks
from qa.errors import InvalidInputError

SUFFIXES = (".txt", ".rst", ".md", ".markdown", ".html", ".htm", ".pdf")
HTML, MARKDOWN, PDF = (".html", ".htm"), (".md", ".markdown"), ".pdf"

Span = tuple[int, int]

log = logging.getLogger("qa.documents")
_NAMED = 5  # files of kinds not read named in the warning

# One-to-one character folds: offsets into folded text are offsets into the original.
_FOLDS = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
        "\u2003": " ", "\u3000": " ", "\t": " ", "\u200b": " ", "\ufeff": " ", "\f": " ",
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u2026": ".",
    }
)


@dataclass(frozen=True)
class Document:
    """A seed file as read: `text` (the file's own text, or the text extracted from HTML or PDF), its
    blocks (headings, paragraphs, items...), and the sha256 of the original file's bytes."""

    doc_id: str
    title: str
    source: str
    text: str
    blocks: tuple[Block, ...]
    sha256: str


_RANGE_ELLIPSIS = re.compile(r"(?<=\d)\u2026(?=\d)")  # "1…999" is a range, "1-999", not the number 1.999


def fold(text: str) -> str:
    """Fold typographic variants to ASCII, one character for one, so offsets survive."""
    if "\u2026" in text:
        text = _RANGE_ELLIPSIS.sub("-", text)
    return text.translate(_FOLDS)


def matching_text(document: Document) -> str:
    """The document as the pipeline matches it: same length as `text`, typography folded."""
    return fold(document.text)


def seed_paths(seeds_dir: Path, gold_dirname: str = "gold") -> list[Path]:
    """Every indexable file under `seeds_dir`, sorted by path; gold questions and hidden files excluded."""
    return [path for path in _files(seeds_dir, gold_dirname) if _is_seed(path)]


def load_documents(seeds_dir: Path, gold_dirname: str = "gold") -> list[Document]:
    """Every seed document, read; files of a kind that is not read are named in one warning, not passed over."""
    files = _files(seeds_dir, gold_dirname)
    _warn_unread(seeds_dir, [path for path in files if path.suffix.lower() not in SUFFIXES])
    paths = [path for path in files if _is_seed(path)]
    ids = doc_ids([p.relative_to(seeds_dir) for p in paths])
    return [read_document(path, seeds_dir, doc_id) for path, doc_id in zip(paths, ids, strict=True)]


def seed_hashes(seeds_dir: Path, gold_dirname: str = "gold") -> dict[str, str]:
    """source -> sha256 of every seed file, without reading any document (what decides whether to rebuild)."""
    return {str(p.relative_to(seeds_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in seed_paths(seeds_dir, gold_dirname)}


def _files(seeds_dir: Path, gold_dirname: str) -> list[Path]:
    """Every file under `seeds_dir`, sorted by path, but hidden files and the gold questions' folder."""
    if not seeds_dir.is_dir():
        raise InvalidInputError(f"seeds folder {seeds_dir} does not exist; set QA_SEEDS_DIR")
    return sorted(path for path in seeds_dir.rglob("*") if path.is_file()
                  and not _set_aside(path.relative_to(seeds_dir), gold_dirname))


def _is_seed(path: Path) -> bool:
    suffix = path.suffix.lower()
    kept_pdf = suffix == PDF and path.with_suffix(".txt").is_file()  # an upload's original, read as its .txt
    return suffix in SUFFIXES and not kept_pdf


def _set_aside(relative: Path, gold_dirname: str) -> bool:
    """Hidden files and the gold questions' folder are no documents."""
    return any(part.startswith(".") for part in relative.parts) or relative.parts[0] == gold_dirname


def _warn_unread(seeds_dir: Path, unread: list[Path]) -> None:
    """One warning naming the first few files of kinds not read, and how many more."""
    if unread:
        named = ", ".join(str(path.relative_to(seeds_dir)) for path in unread[:_NAMED])
        more = f" and {len(unread) - _NAMED} more" if len(unread) > _NAMED else ""
        log.warning("not read: %s%s (the seeds read are %s files)", named, more, ", ".join(SUFFIXES))


def doc_ids(relatives: list[Path]) -> list[str]:
    """Slug of the path without its suffix; the suffix joins in only when two files collide."""
    stems = [slug(str(r.with_suffix(""))) for r in relatives]
    return [s if stems.count(s) == 1 else slug(str(r)) for s, r in zip(stems, relatives, strict=True)]


def slug(text: str) -> str:
    """Lower-case, URL-safe id made of letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "document"


def read_document(path: Path, seeds_dir: Path, doc_id: str) -> Document:
    """Read one file (UTF-8 text, HTML or PDF) into a document."""
    raw = path.read_bytes()
    return parse_document(raw, path.name, doc_id, str(path.relative_to(seeds_dir)))


def parse_document(raw: bytes, name: str, doc_id: str, source: str) -> Document:
    """A document from a file's bytes; `name` decides how it is read (by suffix)."""
    suffix = Path(name).suffix.lower()
    if suffix == PDF:
        text = pdf_text(raw, name)
        title, blocks = text_blocks(text)
    else:
        text = decoded(raw, name)
        if suffix in HTML:
            page = read_html(text)
            text, title, blocks = page.text, page.title, page.blocks
        elif suffix in MARKDOWN:
            title, blocks = markdown_blocks(text)
        else:
            title, blocks = text_blocks(text)
    return Document(doc_id, " ".join(title.split()) or Path(name).stem, source, text, blocks,
                    hashlib.sha256(raw).hexdigest())


def decoded(raw: bytes, name: str) -> str:
    """A text file's text: UTF-8, or what an HTML page that is not UTF-8 declares in its markup (an old page in
    ISO-8859-1 reads as its browser shows it). Anything else is refused with what to do."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = declared_encoding(raw) if Path(name).suffix.lower() in HTML else None
        if declared is None:
            raise InvalidInputError(f"{name} is not valid UTF-8 (byte {error.start}: {error.reason}); "
                                    "re-save it as UTF-8") from None
    try:
        return decode_as(raw, declared)
    except UnicodeDecodeError as error:
        raise InvalidInputError(f"{name} is neither UTF-8 nor the {declared} its markup declares (byte "
                                f"{error.start}: {error.reason}); re-save it as UTF-8") from None
