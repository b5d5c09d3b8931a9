"""An HTML page as clean text: the visible main content, one block per heading, paragraph, item or row.

Citations point into this text, never into the markup (the original file stays as it was sent).
Navigation is left out: <nav>, <header>, <footer>, <aside>, elements whose role or class names
navigation, sidebars, breadcrumbs or footers, blocks made only of links (tables of contents,
"Prev | Next" bars) and the few words that caption them ("Related links"), and pilcrow anchors.
When the page marks its main content (<main> or role="main"), only that is read. Old HTML
(upper-case tags, tags split across lines) reads alike.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from qa.documents.structure import Block, BlockKind

_SKIP = {"script", "style", "head", "nav", "header", "footer", "aside", "noscript", "template", "form", "button",
         "svg", "select", "iframe", "object", "map"}
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
# Class or id names (whole tokens) of navigation and page furniture.
_FURNITURE_NAME = re.compile(r"nav|nav[-_]?\w+|\w*[-_]?nav|\w*sidebar\w*|related|breadcrumbs?|"
                             r"(?:site|page)?[-_]?footer|(?:site|page)?[-_]?header|menu|menu[-_]\w+|toc|headerlink|"
                             r"\w*switcher\w*|\w*search\w*|skip[-_]?\w*|cookie\w*", re.I)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "div", "section", "article", "main", "li", "dt", "dd", "blockquote", "pre", "table", "tr",
           "ul", "ol", "dl", "figure", "figcaption", "hr", "body", "center", "address", "caption", *_HEADINGS}
_BOLD = {"b", "strong"}
_BOLD_TITLE_WORDS = 12  # words at most in a paragraph of bold text that titles what follows
_BOLD_TITLE_LEVEL = 6  # below every heading the page marks up as one
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
# A definition term is a label: context that opens its definition's passage, never a passage alone, and no heading
# of what comes after the list.
_KIND: dict[str, BlockKind] = {"li": "item", "dt": "label", "dd": "item", "pre": "code", "tr": "row"}
# Inside a table row, paragraphs and lists are parts of a cell ("<td><p>600</p></td>"): the row stays one line of
# tab-separated cells. Headings, code and tables in a cell make it a page's layout: its blocks stay blocks.
_LAYOUT_IN_CELL = {"pre", "table", "tr", *_HEADINGS}
_ROW_CHARS = 1000  # a row of several cells longer than this is layout too


# What a page declares of its encoding near its start: <meta charset="...">, <meta http-equiv="Content-Type"
# content="text/html; charset=...">, or an XHTML page's <?xml ... encoding="..."?>; not inside a comment or a script.
_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)""",
                      re.I)
_HIDDEN = re.compile(rb"<!--.*?-->|<script\b.*?</script\s*>", re.I | re.S)
_PRESCAN_BYTES = 16384
# As browsers read a label (the WHATWG Encoding Standard): a wider encoding for a narrow label, since pages so
# labelled use it, and the labels Python does not know by that name.
_WIDER = {"latin-1": "windows-1252", "iso8859-1": "windows-1252", "ascii": "windows-1252", "iso8859-9": "cp1254",
          "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs",
          "tis-620": "cp874", "iso8859-11": "cp874"}
_LABELS = {"windows-874": "cp874", "x-mac-roman": "mac-roman", "x-sjis": "cp932", "x-gbk": "gb18030"}
_NO_PAGE_CODEC = re.compile(r"utf|escape|idna|punycode|undefined|mbcs|oem")  # not how a page's bytes are read
# windows-1252 as browsers decode it: the five bytes it leaves undefined read as their Latin-1 characters.
_WINDOWS_1252 = {byte: bytes([byte]).decode("cp1252") for byte in range(0x80, 0xA0)
                 if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def declared_encoding(raw: bytes) -> str | None:
    """The encoding an HTML page declares, as browsers read it (a page declared ISO-8859-1 as windows-1252, GB2312 as
    GB18030); None when it declares none, or no text encoding a page can be in (UTF-16 in markup readable as
    ASCII, "rot13", "undefined")."""
    found = _CHARSET.search(_HIDDEN.sub(b"", raw[:_PRESCAN_BYTES]))
    if found is None:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii").lower()
    try:
        info = codecs.lookup(_LABELS.get(label, label))
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or _NO_PAGE_CODEC.search(info.name):
        return None
    return _WIDER.get(info.name, info.name)


def decode_as(raw: bytes, encoding: str) -> str:
    """The page's text in `encoding` (from `declared_encoding`); UnicodeDecodeError when its bytes do not fit."""
    if encoding == "windows-1252":
        return raw.decode("latin-1").translate(_WINDOWS_1252)
    return raw.decode(encoding)


@dataclass
class _Open:
    tag: str
    skip: bool
    main: bool
    header_from: int | None = None  # a page header's first block: kept when it opens with the page's title (<h1>)
    cells: int = 0  # a table row's cells so far
    pending: list[_Buffer] = field(default_factory=list)  # a table row's blocks, kept until it ends
    ended: bool = False  # a table row whose blocks were given out (it ended, or holds layout)


@dataclass
class _Buffer:
    kind: BlockKind = "text"
    level: int = 0
    parts: list[str] = field(default_factory=list)
    linked: int = 0  # characters inside <a>
    bold: int = 0  # characters inside <b> or <strong>
    defined: bool = False  # inside a definition (<dd>): text under the term over it
    row: _Open | None = None  # the table row the block is in, while its cells are read
    opens_item: bool = False  # a paragraph that opens its list item ("<li><p>..."): the item, unless a bold title


@dataclass(frozen=True)
class HtmlText:
    """The page as text, its blocks, and its <title>."""

    text: str
    blocks: tuple[Block, ...]
    title: str


class _Reader(HTMLParser):
    def __init__(self, main_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.main_only = main_only
        self.stack: list[_Open] = []
        self.in_main = 0
        self.pre = 0
        self.links = 0
        self.bolds = 0
        self.title_parts: list[str] | None = None
        self.title = ""
        self.buffer = _Buffer()
        self.blocks: list[tuple[_Buffer, str]] = []  # (buffer, text) of every finished block

    # -- elements ----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.title_parts = []
        header = not self._skipping() and _is_page_header(tag, attrs)
        skip = not header and (self._skipping() or tag in _SKIP or _is_furniture(attrs))
        if tag in _LAYOUT_IN_CELL and (row := self._open_row()) is not None:
            self._flush()
            self._end_row(row)
        if tag not in _VOID:
            main = _is_main(tag, attrs)
            if header:
                self._flush()
            self.stack.append(_Open(tag, skip, main, len(self.blocks) if header else None))
            self.in_main += main
        if tag == "br":
            self._add("\n")
        elif tag in _BLOCKS:
            opens_item = self._opens_its_item(tag)
            self._flush()
            self.buffer = _Buffer(_KIND.get(tag, "heading" if tag in _HEADINGS else "text"), _HEADINGS.get(tag, 0),
                                  defined=any(open_.tag == "dd" for open_ in self.stack), row=self._open_row(),
                                  opens_item=opens_item)
        if tag == "pre":
            self.pre += 1
        elif tag == "a":
            self.links += 1
        elif tag in _BOLD:
            self.bolds += 1
        elif tag in ("td", "th"):
            self._start_cell()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title, self.title_parts = " ".join("".join(self.title_parts).split()), None
        if not any(open_.tag == tag for open_ in self.stack):
            return  # a stray end tag: HTML in the wild has them
        while self.stack:
            open_ = self.stack.pop()
            self.in_main -= open_.main
            if open_.header_from is not None:
                self._flush()
                self._drop_header(open_.header_from)
            if open_.tag == "tr" and not open_.ended:
                self._flush()
                self._end_row(open_)
            if open_.tag == tag:
                break
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        elif tag == "a":
            self.links = max(0, self.links - 1)
        elif tag in _BOLD:
            self.bolds = max(0, self.bolds - 1)

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self._skipping() or (self.main_only and not self.in_main) or _is_anchor_mark(data, self.links):
            return
        self._add(data if self.pre else re.sub(r"\s+", " ", data))

    # -- text --------------------------------------------------------------------------------

    def _skipping(self) -> bool:
        return any(open_.skip for open_ in self.stack)

    def _add(self, text: str) -> None:
        self.buffer.parts.append(text)
        if self.links:
            self.buffer.linked += len(text.strip())
        if self.bolds:
            self.buffer.bold += len(text.strip())

    def _open_row(self) -> _Open | None:
        """The table row being read, unless its blocks were given out: the innermost row of the innermost table."""
        for open_ in reversed(self.stack):
            if open_.tag in ("tr", "table"):
                return open_ if open_.tag == "tr" and not open_.ended else None
        return None

    def _start_cell(self) -> None:
        row = self._open_row()
        if row is not None:
            row.cells += 1
        if self.buffer.parts or (row is not None and row.pending):
            self._add("\t")

    def _end_row(self, row: _Open) -> None:
        """Give out a row's blocks: one row of tab-separated cells when it has several, short; else each block."""
        row.ended = True
        pending, row.pending = row.pending, []
        if len(pending) > 1 and row.cells > 1 and sum(len("".join(b.parts)) for b in pending) <= _ROW_CHARS:
            pending = [_Buffer("row", parts=[" ".join("".join(b.parts) for b in pending)],
                               linked=sum(b.linked for b in pending), bold=sum(b.bold for b in pending),
                               defined=pending[0].defined)]
        for buffer in pending:
            self._finish(buffer)

    def _opens_its_item(self, tag: str) -> bool:
        """Whether a paragraph opens the list item it is in, before any of the item's text ("<li><p>The suffix for
        ...</p></li>"): it is the item, as Sphinx writes one."""
        parent = self.stack[-2].tag if len(self.stack) > 1 else ""
        return tag == "p" and parent == "li" and self.buffer.kind == "item" and not "".join(self.buffer.parts).strip()

    def _flush(self) -> None:
        buffer, self.buffer = self.buffer, _Buffer(row=self._open_row())
        if buffer.row is not None and not buffer.row.ended:
            buffer.row.pending.append(buffer)
        else:
            self._finish(buffer)

    def _finish(self, buffer: _Buffer) -> None:
        text = "".join(buffer.parts)
        text = text.strip("\n") if buffer.kind == "code" else _tidy(text)
        if text and _bold_title(buffer, text):
            buffer.kind, buffer.level = "heading", _BOLD_TITLE_LEVEL
        elif buffer.opens_item:
            buffer.kind = "item"
        if text and not _only_links(buffer, text):
            self.blocks.append((buffer, text))
        elif text and len(self.blocks) > self._header_floor() and _is_caption(*self.blocks[-1]):
            self.blocks.pop()  # "API Menu", "Related links": the caption of a box of links is navigation too

    def _header_floor(self) -> int:
        """The first block of the innermost page header still open (0: none): what is before it is no caption."""
        return max((open_.header_from for open_ in self.stack if open_.header_from is not None), default=0)

    def _drop_header(self, first: int) -> None:
        """A page header's blocks are navigation unless the first is the page's title: an <h1> ("tig(1) Manual Page"
        over the NAME section of a manual page in AsciiDoc's HTML; not "Next: ..., Previous: ..." in Texinfo's)."""
        opening = self.blocks[first] if first < len(self.blocks) else None
        if opening is None or opening[0].kind != "heading" or opening[0].level != 1 or _linked(*opening):
            del self.blocks[first:]  # a site's name linked home ("<h1><a href="/">Harbour Blog</a></h1>") is a banner

    def close(self) -> None:
        super().close()
        self._flush()
        for open_ in reversed(self.stack):  # a row never closed ends with the page
            if open_.tag == "tr" and not open_.ended:
                self._end_row(open_)
        for open_ in reversed(self.stack):  # a header never closed is judged at the end of the page
            if open_.header_from is not None:
                self._drop_header(open_.header_from)


def _tidy(text: str) -> str:
    """Single spaces, no space before a line break, cells kept apart by one tab."""
    lines = [re.sub(r" *\t[\t ]*", "\t", re.sub(r" {2,}", " ", line)).strip(" ") for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip()).strip()


def _only_links(buffer: _Buffer, text: str) -> bool:
    """A navigation block: nearly all of its text is link text (a table of contents, "Prev | Next")."""
    return buffer.kind not in ("heading", "label") and _linked(buffer, text)


def _linked(buffer: _Buffer, text: str) -> bool:
    """Nearly all of a block's text is link text."""
    return bool(re.sub(r"\W", "", text)) and buffer.linked >= 0.9 * len(text.replace(" ", ""))


def _bold_title(buffer: _Buffer, text: str) -> bool:
    """A paragraph that is only a few words in bold, no sentence, opening with a capital: the title of what follows
    ("<li><p><b>Maximum Length Of A String Or BLOB</b></p><p>The maximum number of bytes ..."; not a command in bold,
    "<p><strong><code>git clone https://...</code></strong></p>")."""
    letters = len(text.replace(" ", ""))
    return buffer.kind == "text" and 0 < letters <= buffer.bold and len(text.split()) <= _BOLD_TITLE_WORDS \
        and "\n" not in text and not re.search(r"[.!?:;,]$|://", text) and text[:1].isupper()


def _is_caption(buffer: _Buffer, text: str) -> bool:
    """A few words of plain text or bold (no heading the page marks up), no sentence: what may title a box of
    links."""
    bold_title = buffer.kind == "heading" and buffer.level == _BOLD_TITLE_LEVEL and buffer.bold > 0
    plain = buffer.kind == "text" or bold_title
    return plain and len(text.split()) <= 4 and not re.search(r"[.!?:;,]$", text)


def _is_anchor_mark(data: str, links: int) -> bool:
    return bool(links) and data.strip() in ("¶", "#", "§", "🔗")


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    role = (values.get("role") or "").lower()
    if role in _FURNITURE_ROLES or (values.get("aria-hidden") or "").lower() == "true":
        return True
    names = [token for k, v in attrs if k in ("class", "id") and v for token in v.split()]
    return any(_FURNITURE_NAME.fullmatch(name) for name in names)


_PAGE_HEADER = re.compile(r"(?:site|page)?[-_]?header", re.I)


def _is_page_header(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """A <header> or an element named "header", nothing else marking it furniture (a role, another name): the page's
    title and what is under it, or a site's navigation, which is known at its end (`_Reader._drop_header`)."""
    names = [token for k, v in attrs if k in ("class", "id") and v for token in v.split()]
    headers = [name for name in names if _PAGE_HEADER.fullmatch(name)]
    others = [(k, v) for k, v in attrs if k not in ("class", "id")] + [("class", n) for n in names if n not in headers]
    block = tag == "header" or (tag in _BLOCKS and bool(headers))  # not an inline <span class="header">
    return block and not _is_furniture(others)


def _is_main(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    return tag == "main" or (dict(attrs).get("role") or "").lower() == "main"


def read_html(raw: str) -> HtmlText:
    """The page's main text with its blocks (offsets into that text) and its title."""
    main_only = bool(re.search(r"<main[\s>]|role\s*=\s*[\"']?main\b", raw, re.I))
    reader = _Reader(main_only)
    reader.feed(raw)
    reader.close()
    if main_only and not reader.blocks:  # a role="main" on an empty element: read the whole page
        reader = _Reader(False)
        reader.feed(raw)
        reader.close()
    return _assemble(reader.blocks, reader.title)


def _assemble(found: list[tuple[_Buffer, str]], title: str) -> HtmlText:
    """Join the blocks with blank lines."""
    parts: list[str] = []
    blocks: list[Block] = []
    cursor = 0
    for buffer, text in found:
        if parts:
            parts.append("\n\n")
            cursor += 2
        level = buffer.level if buffer.kind == "heading" else int(buffer.defined)
        block = Block(cursor, cursor + len(text), buffer.kind, level)
        blocks.append(block)
        parts.append(text)
        cursor += len(text)
    first_heading = next(("".join(parts)[b.start:b.end] for b in blocks if b.kind == "heading"), "")
    return HtmlText("".join(parts), tuple(blocks), title or " ".join(first_heading.split()))
