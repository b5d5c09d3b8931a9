"""Markdown structure from markdown-it-py's source maps: headings, paragraphs, list items, code, table rows.

The text stays the file's own (Markdown reads as text); the blocks say what each part is. A
paragraph or list item made only of images, badges, links or HTML tags (an anchor, `<a id="x"></a>`) is
furniture (a list of in-page links is navigation, emphasised or not) and gets no block, as a table of contents
whose lines each open with a link into the page ("[2.1.](#2_1) The sar command ...") does, and so is the YAML front
matter of a static-site page (`---` / `title: ...` / `---`), whose title names the document.
A paragraph that is all emphasis is a label: it opens the passage after it, as a heading does (also when HTML
tags wrap it: `<small>*(spec-compliant)*</small>` under an API entry's heading). A FAQ's question, a short
paragraph right over its answer marked "A:", heads that answer as in plain text, whatever it ends with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from qa.documents.structure import ANSWER_MARK, FAQ_LEVEL, Block, BlockKind, lines_of, trim

_IMAGE = re.compile(r"!\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")  # its description
# A paragraph that is all emphasis ("**needs rebase or merge**", "*Note:*", "**Warning!**") names what follows; a
# whole sentence in bold, four words or more ending in a full stop ("**Please only use forward-slashes in glob
# expressions.**"), says something itself.
_LABEL = re.compile(r"\A(\*\*|__|\*|_)(?![^*_\n]*?\w+\s+\w+\s+\w+\s+[^*_\n]*[.!?]\1)[^*_\n]{1,80}\1:?\Z")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n([\w-]+:[ \t].*?\n)---[ \t]*(?:\n|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")  # an inline HTML tag, not `a < b > c`
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])|<https?://[^>]+>|https?://\S+")  # its text, if any


def markdown_blocks(text: str) -> tuple[str, tuple[Block, ...]]:
    """(title, blocks) of a Markdown document: the title is the heading it opens with ("" when text comes first:
    "## Benchmarks" halfway down a README names a section, not the document)."""
    from markdown_it import MarkdownIt  # lazy: only Markdown documents need the parser

    front = _FRONT_MATTER.match(text)
    body = "\n" * front.group(0).count("\n") + text[front.end():] if front else text  # the same line numbers
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    starts = [line.start for line in lines_of(text)] + [len(text)]
    blocks = _questions_over_answers(text, list(_blocks(tokens, text, starts)))
    opening = blocks[0] if blocks else None
    title = _plain_title(text[opening.start:opening.end]) if opening and opening.kind == "heading" else ""
    return (_front_title(front.group(1)) if front else "") or title, tuple(blocks)


def _plain_title(heading: str) -> str:
    """A title heading's words as a reader sees them: images and badges dropped, a link's text kept without its
    address, inline tags dropped ("![Logo: a terminal ...](icons/foot.png) foot": foot; "pkgconf [![test](...)](...)":
    pkgconf); the first image's description when nothing else is left ("![btop++](Img/logo.png)": btop++)."""
    words = _LINK.sub(lambda link: link.group(1) or "", _IMAGE.sub("", _TAG.sub("", heading)))
    plain = " ".join(words.split())
    if re.search(r"\w", plain):
        return plain
    described = next((image.group(1) for image in _IMAGE.finditer(heading) if image.group(1).strip()), heading)
    return " ".join(described.split())


_QUESTION_CHARS = 300  # a FAQ's question is a line or a few


def _questions_over_answers(text: str, blocks: list[Block]) -> list[Block]:
    """The blocks, each short paragraph over a paragraph marked as its answer ("2.7.<a name="2_7"></a> My database
    doesn't appear to understand the time zone displayed by 'sadf -d'..." over "A: The format includes ..."), a
    message or command it quotes in code between them, a heading below every other, as a FAQ's question is in plain
    text."""
    found = list(blocks)
    for number, block in enumerate(blocks):
        after = blocks[number + 1:number + 3]
        answer = after[1] if len(after) == 2 and after[0].kind == "code" else after[0] if after else None
        if block.kind == "text" and answer is not None and answer.kind == "text" \
                and block.end - block.start <= _QUESTION_CHARS and ANSWER_MARK.match(text[answer.start:answer.end]):
            found[number] = Block(block.start, block.end, "heading", FAQ_LEVEL)
    return found


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
        elif token.type == "paragraph_open" and not _only_links(words := _TAG.sub("", tokens[index + 1].content)) \
                and not _contents(words):
            label = _LABEL.match(words.strip()) or _captions_code(words, tokens[index + 3:index + 4])
            yield from _span(text, starts, token.map, "label" if label else "text")
        elif token.type in ("fence", "code_block"):
            yield from _span(text, starts, token.map, "code" if _shows_code(token) else "text")
        elif token.type == "tr_open":
            yield from _span(text, starts, token.map, "row")


# MyST's admonitions and notes are fenced like code but hold prose: "```{note}", "```{warning} Title".
_PROSE_DIRECTIVE = re.compile(r"\{(?:note|warning|tip|important|caution|attention|danger|error|hint|seealso|"
                              r"admonition|versionadded|versionchanged|deprecated|topic|sidebar)\}", re.I)


def _shows_code(token: Any) -> bool:
    """Whether a fenced or indented block shows program text, not a MyST admonition's prose."""
    return token.type == "code_block" or not _PROSE_DIRECTIVE.match(token.info.strip())


_CAPTION_WORDS = 8  # words at most in a line that captions the code under it


def _captions_code(words: str, after: list) -> bool:
    """A line of a few words that is no sentence right over a code block captions it, as a label does: "enable
    automatic startup when booting" over "    systemctl enable ddclient.service" (not "Run the following:", which
    introduces it, nor a sentence that ends with a full stop)."""
    line = words.strip()
    return bool(after) and after[0].type in ("fence", "code_block") and _shows_code(after[0]) and "\n" not in line \
        and len(line.split()) <= _CAPTION_WORDS and not re.search(r"[.!?:;,]$", line)


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


_IN_PAGE_LINK = re.compile(r"[*_]*\[[^\]]*\]\(#[^)\s]*\)")  # "[2.1.](#2_1) The sar command complains ..."


def _contents(markdown: str) -> bool:
    """A table of contents: lines that each open with a link into the page, the entry's words after it."""
    lines = [line.strip() for line in markdown.splitlines() if line.strip()]
    return len(lines) >= 2 and all(_IN_PAGE_LINK.match(line) for line in lines)


def _only_links(markdown: str) -> bool:
    """Badges, images and bare links with no words of their own ("**[2. Questions about sar](#sar)**" too)."""
    return not re.sub(r"[\s*_]", "", _LINK.sub("", _IMAGE.sub("", markdown)))
