"""Markdown structure from markdown-it-py's source maps: headings, paragraphs, list items, code, table rows.

The text stays the file's own (Markdown reads as text); the blocks say what each part is. A
paragraph or list item made only of images, badges, links or HTML tags (an anchor, `<a id="x"></a>`) is
furniture (a list of in-page links is navigation) and gets no block, and so is the YAML front matter of
a static-site page (`---` / `title: ...` / `---`), whose title names the document.
A paragraph that is all emphasis is a label: it opens the passage after it, as a heading does (also when HTML
tags wrap it: `<small>*(spec-compliant)*</small>` under an API entry's heading).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.documents.structure import Block, BlockKind, lines_of, trim

_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
# A paragraph that is all emphasis ("**needs rebase or merge**", "*Note:*", "**Warning!**") names what follows; a
# whole sentence in bold, four words or more ending in a full stop ("**Please only use forward-slashes in glob
# expressions.**"), says something itself.
_LABEL = re.compile(r"\A(\*\*|__|\*|_)(?![^*_\n]*?\w+\s+\w+\s+\w+\s+[^*_\n]*[.!?]\1)[^*_\n]{1,80}\1:?\Z")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n([\w-]+:[ \t].*?\n)---[ \t]*(?:\n|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")  # an inline HTML tag, not `a < b > c`
_LINK = re.compile(r"\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])|<https?://[^>]+>|https?://\S+")


def markdown_blocks(text: str) -> tuple[str, tuple[Block, ...]]:
    """(title, blocks) of a Markdown document: the title is the heading it opens with ("" when text comes first:
    "## Benchmarks" halfway down a README names a section, not the document)."""
    from markdown_it import MarkdownIt  # lazy: only Markdown documents need the parser

    front = _FRONT_MATTER.match(text)
    body = "\n" * front.group(0).count("\n") + text[front.end():] if front else text  # the same line numbers
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    starts = [line.start for line in lines_of(text)] + [len(text)]
    blocks = list(_blocks(tokens, text, starts))
    opening = blocks[0] if blocks else None
    title = " ".join(text[opening.start:opening.end].split()) if opening and opening.kind == "heading" else ""
    return (_front_title(front.group(1)) if front else "") or title, tuple(blocks)


def _front_title(front_matter: str) -> str:
    """The `title:` of YAML front matter, unquoted ("" without one)."""
    found = re.search(r"^title:[ \t]*(.+?)[ \t]*$", front_matter, re.M)
    return found.group(1).strip("\"'") if found else ""


def _blocks(tokens: list, text: str, starts: list[int]) -> Iterator[Block]:
    in_item = 0
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            in_item += 1
            if token.map and not _only_links(_item_text(text, starts, token.map)):
                yield from _span(text, starts, token.map, "item")
        elif token.type == "list_item_close":
            in_item -= 1
        elif in_item or not token.map:
            continue
        elif token.type == "heading_open":
            yield from _span(text, starts, token.map, "heading", int(token.tag[1:]), heading=tokens[index + 1].content)
        elif token.type == "paragraph_open" and not _only_links(words := _TAG.sub("", tokens[index + 1].content)):
            yield from _span(text, starts, token.map, "label" if _LABEL.match(words.strip()) else "text")
        elif token.type in ("fence", "code_block"):
            yield from _span(text, starts, token.map, "code")
        elif token.type == "tr_open":
            yield from _span(text, starts, token.map, "row")


def _span(text: str, starts: list[int], lines: list[int], kind: BlockKind, level: int = 0,
          heading: str | None = None) -> Iterator[Block]:
    start, end = starts[lines[0]], starts[min(lines[1], len(starts) - 1)]
    if heading is not None:  # the heading's words, without the #s or the underline
        found = text.find(heading, start, end) if heading else -1
        if found < 0:
            return
        start, end = found, found + len(heading)
    start, end = trim(text, (start, end))
    if end > start and re.search(r"\w", text[start:end]):
        yield Block(start, end, kind, level)


def _item_text(text: str, starts: list[int], lines: list[int]) -> str:
    """A list item's Markdown without its bullets or numbers (those of nested items too)."""
    source = text[starts[lines[0]]:starts[min(lines[1], len(starts) - 1)]]
    return re.sub(r"(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", "", source)


def _only_links(markdown: str) -> bool:
    """Badges, images and bare links with no words of their own."""
    return not _LINK.sub("", _IMAGE.sub("", markdown)).strip()
