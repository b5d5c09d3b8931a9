"""Read the seed documents: verbatim text, title, stable id, and the spans worth indexing."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from qa.errors import InvalidInputError

SUFFIXES = (".txt", ".md", ".html", ".htm")

Span = tuple[int, int]

# One-to-one character folds: offsets into folded text are offsets into the original.
_FOLDS = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
        "\u2003": " ", "\u3000": " ", "\t": " ", "\u200b": " ", "\ufeff": " ",
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u2026": ".",
    }
)

_NAV_WORDS = {"previous", "next", "prev", "previous article", "next article", "previous post",
              "next post", "older", "newer", "older post", "newer post", "« previous", "next »",
              "back to top", "share", "print", "related", "related articles", "read more"}


@dataclass(frozen=True)
class Document:
    """A seed file: its verbatim text and the spans of it that carry content."""

    doc_id: str
    title: str
    source: str
    text: str
    regions: tuple[Span, ...]
    sha256: str


def fold(text: str) -> str:
    """Fold typographic variants to ASCII, one character for one, so offsets survive."""
    return text.translate(_FOLDS)


def load_documents(seeds_dir: Path, gold_dirname: str = "gold") -> list[Document]:
    """Every indexable file under `seeds_dir`, sorted by path, gold questions excluded."""
    if not seeds_dir.is_dir():
        raise InvalidInputError(f"seeds folder {seeds_dir} does not exist; set QA_SEEDS_DIR")
    paths = sorted(p for p in seeds_dir.rglob("*") if _is_seed(p, seeds_dir, gold_dirname))
    ids = _doc_ids([p.relative_to(seeds_dir) for p in paths])
    return [read_document(path, seeds_dir, doc_id) for path, doc_id in zip(paths, ids, strict=False)]


def _is_seed(path: Path, seeds_dir: Path, gold_dirname: str) -> bool:
    relative = path.relative_to(seeds_dir)
    hidden = any(part.startswith(".") for part in relative.parts)
    return path.is_file() and path.suffix.lower() in SUFFIXES and not hidden and relative.parts[0] != gold_dirname


def _doc_ids(relatives: list[Path]) -> list[str]:
    """Slug of the path without its suffix; the suffix joins in only when two files collide."""
    stems = [slug(str(r.with_suffix(""))) for r in relatives]
    return [s if stems.count(s) == 1 else slug(str(r)) for s, r in zip(stems, relatives, strict=False)]


def slug(text: str) -> str:
    """Lower-case, URL-safe id made of letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "document"


def read_document(path: Path, seeds_dir: Path, doc_id: str) -> Document:
    """Read one file as UTF-8 and find its title and content regions."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInputError(f"{path} is not valid UTF-8 ({error.reason}); re-save it as UTF-8") from error
    kind = path.suffix.lower()
    regions = html_regions(text) if kind in (".html", ".htm") else (strip_furniture(text),)
    title = find_title(text, kind, regions) or path.stem
    source = str(path.relative_to(seeds_dir))
    return Document(doc_id, title, source, text, tuple(r for r in regions if r[1] > r[0]),
                    hashlib.sha256(raw).hexdigest())


def find_title(text: str, kind: str, regions: tuple[Span, ...]) -> str:
    """`<title>` for HTML, the first `#` heading for Markdown, else the first non-empty line."""
    if kind in (".html", ".htm"):
        match = re.search(r"<title[^>]*>(.*?)</title>", text, re.I | re.S)
        if match:
            return " ".join(html.unescape(match.group(1)).split())
        return " ".join(text[regions[0][0]:regions[0][1]].split()[:12]) if regions else ""
    if kind == ".md":
        heading = re.search(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", text, re.M)
        if heading:
            return heading.group(1).strip()
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())
    return ""


def strip_furniture(text: str) -> Span:
    """The span of `text` before trailing page navigation ("Previous / Next" and link titles).

    Navigation is a line holding only a navigation word, after which nothing but
    short, unpunctuated lines (titles of neighbouring pages) follows.
    """
    lines = list(_lines_with_offsets(text))
    for index, (start, line) in enumerate(lines):
        if fold(line).strip().lower() in _NAV_WORDS and all(_is_link_line(rest) for _, rest in lines[index + 1:]):
            return 0, _rstrip_end(text, start)
    return 0, _rstrip_end(text, len(text))


def _lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line
        start += len(line)


def _is_link_line(line: str) -> bool:
    stripped = fold(line).strip()
    if not stripped or stripped.lower() in _NAV_WORDS:
        return True
    return len(stripped.split()) <= 20 and not re.search(r"[.!?:;]$", stripped)


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form",
              "button", "svg", "head", "title", "select"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
               "h6", "br", "tr", "td", "th", "table", "blockquote", "pre", "dd", "dt", "dl", "hr",
               "figcaption", "body", "html"}


class _TextSpans(HTMLParser):
    """Collects the raw-text spans of an HTML page outside boilerplate elements."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.skip_depth = 0
        self.blocks: list[list[int]] = []
        self.open_block = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag in _BLOCK_TAGS or tag in _SKIP_TAGS:
            self.open_block = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.open_block = False

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK_TAGS or tag in _SKIP_TAGS:
            self.open_block = False

    def _text(self, length: int) -> None:
        if self.skip_depth:
            return
        start = self._offset()
        if self.open_block and self.blocks:
            self.blocks[-1][1] = start + length
        else:
            self.blocks.append([start, start + length])
            self.open_block = True

    def handle_data(self, data: str) -> None:
        self._text(len(data))

    def handle_entityref(self, name: str) -> None:
        self._text(len(name) + 2)

    def handle_charref(self, name: str) -> None:
        self._text(len(name) + 3)


def html_regions(text: str) -> tuple[Span, ...]:
    """Spans of visible main text in an HTML page, one per block element, trimmed."""
    parser = _TextSpans(text)
    parser.feed(text)
    parser.close()
    spans = []
    for start, end in parser.blocks:
        while start < end and text[start].isspace():
            start += 1
        end = _rstrip_end(text, end)
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def matching_text(document: Document) -> str:
    """The document as the pipeline reads it: same length as `text`, folded, markup blanked."""
    if document.source.lower().endswith((".html", ".htm")):
        return fold(_blank_markup(document.text))
    return fold(document.text)


def _blank_markup(raw: str) -> str:
    """Tags become spaces and an entity its character padded with spaces: lengths stay."""
    without_tags = re.sub(r"<[^>]*>", lambda m: " " * len(m.group(0)), raw)
    return re.sub(r"&#?\w+;", _entity_padded, without_tags)


def _entity_padded(match: re.Match[str]) -> str:
    char = html.unescape(match.group(0))[:1] or " "
    return char.ljust(len(match.group(0)))
