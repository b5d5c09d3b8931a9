"""Where a document's content is and what each piece is: headings, paragraphs, list items, definition entries.

A `Block` is a span of the document text with a kind. Plain text (and the text layer of a PDF,
and a man page rendered to text) is read here line by line: blank lines and structural starts end
a paragraph, a line break inside a sentence does not; headings are recognised by their shape
(underlined, numbered, all capitals, short and unpunctuated); page headers and footers, rules,
URL-only lines and tables of contents are furniture and get no block at all. A title block's lines
after the title (a version, a status, a date) are a `lead`, and a short line that ends in a colon
("Copyright:") or a lone "Then" a `label`: each opens the passage after it, never stands alone.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "lead", "label", "text", "item", "entry", "code", "row"]
Span = tuple[int, int]


@dataclass(frozen=True)
class Block:
    """`text[start:end]` is one heading (with its `level`, 1 = top), lead or label (what opens the next
    passage), paragraph, list item, definition entry (term and definition together), code block or table row. Any
    other block of an HTML page has `level` 1 inside a definition (a <dd>, under its term), else 0."""

    start: int
    end: int
    kind: BlockKind
    level: int = 0


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # without the line break
    text: str

    @property
    def indent(self) -> int:
        """The indent in columns, a tab reaching the next multiple of eight (man(1)'s text mixes tabs and blanks)."""
        blanks = len(self.text) - len(self.text.lstrip())
        return len(self.text[:blanks].expandtabs(8))

    @property
    def stripped(self) -> str:
        return self.text.strip()


_UNDERLINE = re.compile(r"^\s*([-=~*^\"+#])\1{2,}\s*$")  # reStructuredText's and plain text's title adornments
_TITLE_WORDS = 12  # an underlined title has at most this many words
_RULE = re.compile(r"^\s*(?:[-=_*~.·•]{3,}|(?:[-=*~·•] ){2,}[-=*~·•])\s*$")  # also spaced: "- - - - -", "* * *"
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d*\s*$")  # the dot leaders of a table of contents or an index
_TABLE_BORDER = re.compile(r"^\s*[|+][-=+|: ]*[-=][-=+|: ]*[|+]\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_COLUMN_ROW = re.compile(r"^\s*-?\d{1,3}\t\s*\S")  # a number (an exit status), a tab, then its meaning
_NUMBERED = re.compile(r"^\s*(?:(?:chapter|section|part|appendix)\s+)?(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S", re.I)
# "A. Overview", "B.2 Limits", "Appendix C Tables"; not the article of "A Contributor may choose ...".
_LETTERED = re.compile(r"^\s*(?:(?i:appendix)\s+[A-Z](?:\.\d{1,2})*\.?|[A-Z](?:\.\d{1,2})+\.?|[A-Z]\.)\s+[A-Z]")
_ITEM = re.compile(r"^\s*(?:[-*+•◦‣▪–]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+\S")
_CLOSING_NUMBER = re.compile(r"^\s*\d{1,2}\)\s+\S")  # "6) Apache does not ...", not "(6)" nor "6."
# A word that links what comes before and after ("Then" between two commands) is no heading and no text alone.
# A question a FAQ answers: "Q: ...?", "Question 3. ...?", or a paragraph of nothing but questions.
_FAQ_MARK = re.compile(r"^\s*(?:Q|Question)\s*\d*\s*[:.)]\s+\S")
ANSWER_MARK = re.compile(r"^\s*(?:A|Answer)\s*\d*\s*[:.)]\s+\S")  # "A: ..." under a marked question
_STATEMENT_END = re.compile(r"[.!]\s+[\"'(]?[A-Z]")
_SUBSECTION_WORDS = 6  # words at most in an indented subsection heading
FAQ_LEVEL = 9  # below every heading the document has: the next question replaces it, a section heading ends it
_CONNECTIVES = frozenset("then or and otherwise alternatively also finally next else so but".split())
_URL_ONLY = re.compile(r"^\s*[<(\[]*(?:https?://|www\.|mailto:)\S+[>)\]]*\s*$", re.I)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:of\s+\d+)?\s*$", re.I)
# An Info file's node line ("File: ed.info,  Node: Overview,  Next: ...,  Up: Top"), its separator (\x1f) alone, and
# reStructuredText's images with their options (".. image:: URL" over "   :target: URL"): navigation and markup.
_INFO_NODE = re.compile(r"^\x1f?File: [^,\s]+,\s+Node: [^,]+(?:,\s+(?:Next|Prev|Up): [^,]+)*,?\s*$")
_INFO_TAGS = re.compile(r"^(?:Tag Table:|End Tag Table|(?:Node|Ref): [^\x7f]*\x7f\d+|Local Variables:|"
                        r"coding: [\w-]+|End:)\s*$")
_CONTROL_ONLY = re.compile(r"^[\x00-\x08\x0e-\x1f\x7f]+\s*$")
_IMAGE = re.compile(r"^\s*\.\.\s+(?:\|[^|]+\|\s+)?(?:image|figure)::")
_DIRECTIVE_OPTION = re.compile(r"^\s+:[\w-]+:")
_MAN_HEADER = re.compile(r"^\S+\(\d\w*\)\s{2,}.*\s{2,}\S+\(\d\w*\)\s*$")
_MAN_FOOTER = re.compile(r"^.*\S\s{2,}\S+\(\d\w*\)\s*$")
FINITE_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|can|could|may|might|must|shall|should|will|"
                          r"would|does|do|did)\b")
_SENTENCE_END = re.compile(r"[.!?:;,)\]\"”']\s*$")


def lines_of(text: str) -> list[Line]:
    out, start = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(Line(start, start + len(body), body))
        start += len(raw)
    return out


_NAV_WORDS = {"previous", "next", "prev", "previous article", "next article", "previous post", "next post", "older",
              "newer", "older post", "newer post", "« previous", "next »", "back to top", "share", "print", "related",
              "related articles", "read more"}


def text_blocks(text: str) -> tuple[str, tuple[Block, ...]]:
    """(title, blocks) of plain text: a .txt file, a rendered man page, or a PDF's text layer."""
    lines = _before_navigation([line for line in lines_of(text) if line.stripped.strip("\f") or not line.stripped])
    furniture = _furniture(lines)
    man_title = _man_title(lines)
    paragraphs = list(_paragraphs([line for line in lines if line.start not in furniture], bool(man_title)))
    title, lead, body = (man_title, [], paragraphs) if man_title else _title(paragraphs)
    body = list(_terms_over_their_text(body))
    blocks = [Block(lead[0].start, lead[-1].end, "lead")] if lead else []
    following: list[list[Line] | None] = [*body[1:], None] if body else []
    preceding: list[list[Line] | None] = [None, *body[:-1]] if body else []
    outline = _outline_headings(body)
    blocks += [block for before, paragraph, after in zip(preceding, body, following, strict=True)
               for block in _outline_blocks(paragraph, outline) or _blocks_of(before, paragraph, after)]
    if man_title:
        blocks = _no_numbered_sections(blocks, lines, text)
    return title, tuple(_trimmed(text, blocks))


_MAN_TEXT_INDENT = 7  # a rendered man page's text margin: its section headings stand left of it


def _no_numbered_sections(blocks: list[Block], lines: Sequence[Line], text: str) -> list[Block]:
    """A man page's blocks with its numbered lines at the text's margin or deeper read as text, not as headings: a
    man page numbers no sections, so they are rows and examples ("1  A fatal error occurred" under EXIT VALUES,
    "0 */4 * * *   /usr/local/bin/rsnapshot alpha")."""
    indents = {line.start: line.indent for line in lines}
    return [Block(block.start, block.end, "text") if block.kind == "heading"
            and indents.get(block.start, 0) >= _MAN_TEXT_INDENT and _NUMBERED.match(text[block.start:block.end])
            else block for block in blocks]


_OUTLINE_STARS = re.compile(r"^(\*+)\s+\S")  # an outline's line at the margin: "* Changes in Wget 1.17", "** Add ..."
_OUTLINE_NUMBER = re.compile(r"\d[\w.+-]*|\([^()]*\)")  # a heading's release and its date: "1.21.3 (2022-02-26)"


def _outline_headings(paragraphs: list[list[Line]]) -> dict[int, int]:
    """The headings of a text written as an Emacs outline, as GNU NEWS files are: a line of its own opening with
    stars over a paragraph opening with more ("* Changes in Wget 1.17" over "** Add support for HSTS ..."), and
    any line of its own of the same stars and words, numbers aside ("* Changes in Wget 1.19.5" over "* Fix cookie
    injection", the notes of some releases at the headings' depth); by start, their level the number of stars.
    The shallowest headings name releases, most with a number (a release in the making has "?.?"): "* Bug fixes"
    over "** Sparse files" is a section of a release headed some other way (tar's "version 1.26 - ..."), and no
    outline is read."""
    stars = [len(found.group(1)) if (found := _OUTLINE_STARS.match(paragraph[0].text)) else 0
             for paragraph in paragraphs]
    over_deeper = {number for number, (paragraph, depth) in enumerate(zip(paragraphs, stars, strict=True))
                   if depth and len(paragraph) == 1 and number + 1 < len(paragraphs) and stars[number + 1] > depth}
    shallowest = min((stars[number] for number in over_deeper), default=0)
    top = [paragraphs[number][0].text for number in over_deeper if stars[number] == shallowest]
    if len(over_deeper) < 2 or 2 * sum(bool(_A_NUMBER.search(heading)) for heading in top) <= len(top):
        return {}
    shapes = {_outline_shape(paragraphs[number][0]) for number in over_deeper}
    return {paragraph[0].start: depth for paragraph, depth in zip(paragraphs, stars, strict=True)
            if depth and len(paragraph) == 1 and _outline_shape(paragraph[0]) in shapes}


_A_NUMBER = re.compile(r"\d|\?\.\?")
# An older release's label in an outline: "Major changes in version 1.7:", "User-visible changes in version 2.8.6:",
# "Version 2.4:", "Major changes in Gzip 1.3.12 (2007-04-13)", "Major changes from 1.3.4 to 1.3.5".
_RELEASE_LABEL = re.compile(r"(?:[A-Z][\w -]*\s)?(?:[Vv]ersion|[Cc]hanges\s+(?:in|from)(?:\s+[A-Z][\w-]*)?)\s+"
                            r"\d[\w.]*(?:\s+to\s+\d[\w.]*)?(?:\s+\([^()]*\))?:?")


def _outline_shape(line: Line) -> str:
    return " ".join(_OUTLINE_NUMBER.sub("#", line.stripped.lower()).split())


def _outline_blocks(paragraph: list[Line], outline: dict[int, int]) -> list[Block]:
    """A paragraph of an outline (`_outline_headings`): its headings at their levels, a release's label at the top
    one ("Major changes in version 1.7:"), and a note opening with stars as one item with the lines that carry it
    on, each note apart ("* Documentation reorganized." over "* Configuration files updated."); nothing for a
    paragraph of any other text."""
    if not outline:
        return []
    top = min(outline.values())
    levels = [outline.get(line.start) or (top if _RELEASE_LABEL.fullmatch(line.stripped) else None)
              for line in paragraph]
    if levels[0] is None and not _OUTLINE_STARS.match(paragraph[0].text):
        return []
    blocks: list[Block] = []
    for line, level in zip(paragraph, levels, strict=True):
        if level is not None:
            blocks.append(Block(line.start, line.end, "heading", level))
        elif _OUTLINE_STARS.match(line.text) or blocks[-1].kind == "heading":
            blocks.append(Block(line.start, line.end, "item" if _OUTLINE_STARS.match(line.text) else "text"))
        else:
            blocks[-1] = Block(blocks[-1].start, line.end, blocks[-1].kind)
    return blocks


def _terms_over_their_text(paragraphs: list[list[Line]]) -> Iterator[list[Line]]:
    """The paragraphs, a term alone on its line joined to the text indented below it after a blank line: a definition
    list written with blank lines ("apache2.conf", then "\tThis is the main configuration file.") has entries as
    man(1)'s has."""
    term: list[Line] | None = None  # a lone term waiting for its text
    for paragraph in paragraphs:
        if term is not None and all(line.indent > term[0].indent for line in paragraph):
            yield term + paragraph
            term = None
            continue
        if term is not None:
            yield term
        term = paragraph if _is_lone_term(paragraph) else None
        if term is None:
            yield paragraph
    if term is not None:
        yield term


def _is_lone_term(paragraph: list[Line]) -> bool:
    """A line of one to three words that names something ("ports.conf", "conf-available/", "-m, --mail"): no
    sentence, no item, nothing shaped as a heading ("Applications/Shells" heads what it is over)."""
    line = paragraph[0].stripped
    short = len(paragraph) == 1 and len(line) <= 40 and len(line.split()) <= 3
    named = re.search(r"[A-Za-z]", line) is not None and re.search(r"[.!?:;,]$", line) is None
    shaped_otherwise = bool(_ITEM.match(paragraph[0].text)) or _looks_like_heading(line) \
        or line.lower() in _CONNECTIVES  # a lone "Then" is a label
    return short and named and not shaped_otherwise


def _before_navigation(lines: list[Line]) -> list[Line]:
    """The lines before trailing page navigation: a line holding only a navigation word ("Previous",
    "Next"), after which nothing but short unpunctuated lines (titles of neighbouring pages) follows."""
    for index, line in enumerate(lines):
        if _folded(line.stripped).lower() in _NAV_WORDS and all(_is_link_line(rest) for rest in lines[index + 1:]):
            return lines[:index]
    return lines


def _is_link_line(line: Line) -> bool:
    stripped = _folded(line.stripped)
    return not stripped or stripped.lower() in _NAV_WORDS or (len(stripped.split()) <= 20 \
        and not re.search(r"[.!?:;]$", stripped))


def _folded(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


# What sets a name apart from its description: a hyphen (groff may set U+2010), an en or an em dash.
NAME_DASHES = "\\-\u2010\u2013\u2014"
_NAME_DASH = re.compile(rf"\s[{NAME_DASHES}]\s")


def _man_title(lines: Sequence[Line]) -> str:
    """A man page's NAME line ("gzip, gunzip, zcat - compress or expand files") as its title, else its header line
    ("GZIP(1)  General Commands Manual  GZIP(1)") once; "" for text that is no man page."""
    header = next((line.stripped for line in lines[:3] if _MAN_HEADER.match(line.text)), "")
    if not header:
        return ""
    after_name = itertools.dropwhile(lambda line: line.stripped != "NAME", lines[:40])
    name = next((line.stripped for line in itertools.islice(after_name, 1, 3) if line.stripped), "")
    return " ".join(name.split()) if _NAME_DASH.search(name) else " ".join(header.split()[:-1])


def _furniture(lines: Sequence[Line]) -> set[int]:
    """Starts of lines that are never content: rules, URL-only lines (unless a sentence runs on into one), page
    numbers, running headers and footers."""
    running = _running_lines(lines)
    last = next((line for line in reversed(lines) if line.stripped), None)
    man = any(_MAN_HEADER.match(line.text) for line in lines[:3])
    run_on = {line.start for before, line in itertools.pairwise(lines) if before.stripped[-1:] not in ("", *".!?")}
    terms = {line.start for line, after in itertools.pairwise(lines)  # "4" over "UID already in use": an exit value
             if after.stripped and after.indent > line.indent and "\f" not in line.text + after.text}
    dropped = _markup(lines) | _contents(lines) | {line.start for line in lines if _RULE.match(line.text)
            or (_URL_ONLY.match(line.text) and line.start not in run_on)  # "... also available at\n https://..."
            or _LEADERS.search(line.text)
            or _MAN_HEADER.match(line.text)
            or (_PAGE_NUMBER.match(line.text) and line.stripped and line.start not in terms)
            or line.start in running or (man and line is last and _MAN_FOOTER.match(line.text))}
    return dropped - _title_underlines(lines, dropped)


# A numbered line: "3.9) I run rkhunter in cron and ...", " 1. GENERAL QUESTIONS", "2.1 Installing".
_NUMBERED_LINE = re.compile(r"\s*(\d{1,3}(?:\.\d{1,3})*[.)]?)\s+(\S.*)")
_ENTRY_WORDS = 4  # the first words of a contents entry that open its section's line again
_CONTENTS_ENTRIES = 3  # entries at least in a table of contents


def _contents(lines: Sequence[Line]) -> set[int]:
    """Starts of the lines of a table of contents without dot leaders: a run of at least three numbered lines whose
    number and first words open a line again further on ("   3.9) I run rkhunter in cron and in the emailed output I
    get some" over "        strange characters. Why is this?", where question 3.9 and its answer come later;
    past three, a number of two levels alone, as a section may be worded otherwise), with the lines indented deeper
    that each runs on to, and blank lines between them."""
    keys = [_entry_key(line) for line in lines]
    last = {key: index for index, key in enumerate(keys) if key}
    last_numbered = {key[0]: index for index, key in enumerate(keys) if key and "." in key[0].rstrip(".)")}
    found: set[int] = set()
    run: list[Line] = []
    entries = 0
    entry: Line | None = None  # the entry whose lines run on, if any
    for index, line in enumerate(lines):
        key = keys[index]
        if key and (last[key] > index or (entries >= _CONTENTS_ENTRIES and last_numbered.get(key[0], index) > index)):
            run, entries, entry = [*run, line], entries + 1, line
        elif not line.stripped:
            entry = None
        elif entry is not None and line.indent > entry.indent:
            run.append(line)
        else:
            found |= {kept.start for kept in run} if entries >= _CONTENTS_ENTRIES else set()
            run, entries, entry = [], 0, None
    return found | ({kept.start for kept in run} if entries >= _CONTENTS_ENTRIES else set())


def _entry_key(line: Line) -> tuple[str, str] | None:
    """A numbered line's number and first words, lower-cased (None: no numbered line)."""
    found = _NUMBERED_LINE.match(line.text)
    return (found.group(1), " ".join(found.group(2).lower().split()[:_ENTRY_WORDS])) if found else None


def _title_underlines(lines: Sequence[Line], dropped: set[int]) -> set[int]:
    """Starts of the rules that underline a title opening its paragraph: kept, they make the title a heading."""
    return {line.start for index, line in enumerate(lines) if index and lines[index - 1].start not in dropped
            and _underlines(lines[index - 1], line) and (index == 1 or not lines[index - 2].stripped)}


def _markup(lines: Sequence[Line]) -> set[int]:
    """Starts of the lines of navigation and markup: Info node lines, separators and tag table, reStructuredText
    images."""
    found: set[int] = set()
    in_image = False
    for line in lines:
        in_image = bool(_IMAGE.match(line.text)) or (in_image and bool(_DIRECTIVE_OPTION.match(line.text)))
        if in_image or _INFO_NODE.match(line.text) or _INFO_TAGS.match(line.text) or _CONTROL_ONLY.match(line.text):
            found.add(line.start)
    return found


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _running_lines(lines: Sequence[Line]) -> set[int]:
    """Starts of the lines that open or close pages (text with form feeds) as headers and footers do: the
    same words on many pages (digits aside), or, on most pages, a short line holding the page number."""
    pages = _pages(lines)
    if len(pages) < 4:
        return set()
    edges = [line for page in pages for line in (page[:1] + page[-1:])]
    shapes = Counter(_shape(line.stripped) for line in edges)
    numbered = [line for line in edges if len(line.stripped) < 80 and re.search(r"(?:^\f?\d+\s|\s\d+$)", line.stripped)]
    pages_numbered = len(numbered) >= len(pages) / 2
    return {line.start for line in edges if (shapes[_shape(line.stripped)] >= max(3, len(pages) // 3)
                                             and not _opens_a_release(line))
            or (pages_numbered and line in numbered)}


def _opens_a_release(line: Line) -> bool:
    """A page that opens with a release's label ("Major changes in version 1.6:", after a form feed in old GNU NEWS
    files) names its release, no running header."""
    label = line.stripped.strip("\f")
    return label.endswith(":") and bool(_RELEASE_LABEL.fullmatch(label))


def _pages(lines: Sequence[Line]) -> list[list[Line]]:
    pages: list[list[Line]] = [[]]
    for line in lines:
        if line.text.startswith("\f"):
            pages.append([])
        if line.stripped.strip("\f"):
            pages[-1].append(line)
    return [page for page in pages if page]


def _paragraphs(lines: Sequence[Line], man_page: bool) -> Iterator[list[Line]]:
    """Runs of lines between blank lines; without blank lines (a PDF), a short line ending a sentence ends one; in a
    man page, a section heading at the margin under indented text starts one."""
    wraps = _wrap_width(lines) if _few_blank_lines(lines) else None
    current: list[Line] = []
    for line in lines:
        if not line.stripped.strip("\f"):
            if current:
                yield current
            current = []
            continue
        if len(current) == 1 and _underlines(current[0], line):  # "XML support" over "-----------": a heading,
            yield [current[0], line]                              # even when its text follows without a blank line
            current = []
            continue
        if current and _starts_another(line, current[-1], wraps, man_page):
            yield current
            current = []
        current.append(line)
        if wraps and _looks_like_heading(line.stripped):
            yield current
            current = []
    if current:
        yield current


def _starts_another(line: Line, previous: Line, wraps: int | None, man_page: bool) -> bool:
    """`line` opens a paragraph though no blank line comes before it: a man page's section heading, or in text
    without blank lines (`wraps`: its wrap width) a heading, an item, or a sentence's start after a short line that
    ended one."""
    if man_page and _heads_a_section(line, previous):
        return True
    if not wraps:
        return False
    return bool(_looks_like_heading(line.stripped) or _ITEM.match(line.text)
                or (_starts_paragraph(line) and _ends_paragraph(previous, wraps)))


def _heads_a_section(line: Line, previous: Line) -> bool:
    """A section heading in capitals at the margin right under indented text, without a blank line between them: a
    man page's "EXIT STATUS" after the last option's text, "ENVIRONMENT" after the exit statuses (elsewhere a
    heredoc's "EOF" under its indented lines is no heading)."""
    return line.indent == 0 and previous.indent > 0 and _is_capitals_heading(line.stripped)


def _underlines(title: Line, line: Line) -> bool:
    """`line` adorns `title` as a heading: a run of one punctuation character about as wide as the title
    ("Installation" over "------------"), directly below a title-shaped line (a few words, no sentence's end)."""
    width = _width(title.stripped)
    return bool(_UNDERLINE.match(line.text)) and not _UNDERLINE.match(title.text) \
        and any(c.isalnum() for c in title.stripped) and len(title.stripped.split()) <= _TITLE_WORDS \
        and title.stripped[-1] not in ".!?;," and width - 2 <= len(line.stripped) <= width + 10


def _width(text: str) -> int:
    """Columns the text takes: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _few_blank_lines(lines: Sequence[Line]) -> bool:
    """Paragraphs are not separated by blank lines (a PDF's text layer): blank lines at page breaks aside."""
    blank = sum(not line.stripped and "\f" not in line.text and "\f" not in following.text
                for line, following in itertools.pairwise(lines))
    return len(lines) >= 20 and blank < len(lines) / 20


def _wrap_width(lines: Sequence[Line]) -> int:
    """The width text is wrapped at: a high percentile of line lengths."""
    lengths = sorted(len(line.stripped) for line in lines if line.stripped)
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _ends_paragraph(line: Line, width: int) -> bool:
    return len(line.stripped) < 0.8 * width and bool(re.search(r"[.!?:]\s*$", line.text))


def _starts_paragraph(line: Line) -> bool:
    return bool(_ITEM.match(line.text) or re.match(r"\s*[A-Z0-9“\"(]", line.text))


def _title(paragraphs: list[list[Line]]) -> tuple[str, list[Line], list[list[Line]]]:
    """The document's title (its first line), the rest of the title block (its lead), and the paragraphs after.

    The title block is the run of short opening paragraphs before the first real paragraph or
    heading: a name, a version line, a status, authors, a date. An opening paragraph that reads as
    prose ("This package was originally debianized by ...") is no title: it stays in the body, and
    the title is left to the caller.
    """
    if not paragraphs or _reads_as_prose(paragraphs[0]):
        return "", [], paragraphs
    title = paragraphs[0][0].stripped
    if not _is_title_paragraph(paragraphs[0]):
        return title, [], paragraphs
    lead, body = paragraphs[0][1:], paragraphs[1:]
    while body and _is_title_paragraph(body[0]) and not _heading_of(body[0]) and len(body) > 1 \
            and paragraphs.index(body[0]) < 4:
        lead, body = lead + body[0], body[1:]
    return title, [line for line in lead if not _RULE.match(line.text)], body


def _reads_as_prose(paragraph: list[Line]) -> bool:
    """Eight words or more with a finite verb: a sentence, not a name, a version or a date."""
    words = " ".join(line.stripped for line in paragraph)
    return len(words.split()) >= 8 and FINITE_VERB.search(words) is not None


def _is_title_paragraph(paragraph: list[Line]) -> bool:
    """A name, a version line, an author or a date: short lines that are not sentences or list items."""
    return len(paragraph) <= 3 and all(len(line.stripped) <= 80 and not _ITEM.match(line.text)
                                       and not re.search(r"[.:;!?]\s*$", line.text) for line in paragraph)


def _classify(paragraph: list[Line], after: list[Line] | None = None, before: list[Line] | None = None
              ) -> Iterator[Block]:
    """The blocks of one paragraph (`after` and `before`: the paragraphs around it, if any)."""
    heading = _heading_of(paragraph)
    if heading is not None:
        yield heading
        return
    if _asks_over_its_answer(paragraph, after) or _marked_over_its_answer(paragraph, after) \
            or _numbered_question_over_its_answer(paragraph, after) or _heads_its_text(paragraph, after, before):
        yield Block(paragraph[0].start, paragraph[-1].end, "heading", FAQ_LEVEL)
        return
    if len(paragraph) == 1 and _is_label(paragraph[0].stripped) and not ANSWER_MARK.match(paragraph[0].text):
        yield Block(paragraph[0].start, paragraph[0].end, "label")
        return
    marked = _marked_question_lines(paragraph)
    if marked:  # "Q) Help! I'm getting the error message ..." over "A) vsftpd is protecting ...", in one paragraph
        yield Block(paragraph[0].start, paragraph[marked - 1].end, "heading", FAQ_LEVEL)
        paragraph = paragraph[marked:]
    elif len(paragraph) > 1 and _is_numbered_question(paragraph[0].stripped):  # "1.6  Why won't ...?" over its answer
        yield Block(paragraph[0].start, paragraph[0].end, "heading", FAQ_LEVEL)
        paragraph = paragraph[1:]
    elif len(paragraph) > 1 and _is_capitals_heading(paragraph[0].stripped) and not paragraph[1].stripped.isupper() \
            and paragraph[1].indent <= paragraph[0].indent:  # over an indented body, a term ("POSIXLY_CORRECT")
        yield Block(paragraph[0].start, paragraph[0].end, "heading", _level(paragraph[0].stripped, 0))
        paragraph = paragraph[1:]  # "PREAMBLE" on the line above "The goals of the Open Font License ..."
    # A heading over an indented body ("NAME" over "grep - print lines..."); but below a line not in capitals, an
    # indented line that opens in lower case goes on with it ('1.1. "Contributor"' over "means each ..."): an entry.
    if len(paragraph) > 1 and _looks_like_heading(paragraph[0].stripped) \
            and (paragraph[0].text[:1].strip() or _subsection_title(paragraph[0].stripped)) \
            and all(line.indent > paragraph[0].indent for line in paragraph[1:]) \
            and (paragraph[0].stripped.isupper() or not paragraph[1].stripped[:1].islower()):
        yield Block(paragraph[0].start, paragraph[0].end, "heading", _level(paragraph[0].stripped, paragraph[0].indent))
        paragraph = paragraph[1:]
    if sum(bool(_TABLE_ROW.match(line.text) or _TABLE_BORDER.match(line.text)) for line in paragraph) \
            > len(paragraph) / 2:
        yield from _table_rows(paragraph)
        return
    if _is_code(paragraph):
        yield Block(paragraph[0].start, paragraph[-1].end, "code")
        return
    yield from _items_and_text(paragraph)


def _subsection_title(line: str) -> bool:
    """Indented, a few words all in title case, none of them a name in code: a man page's subsection heading
    ("   Environment Variables" over its text at the body's indent), not a definition's term ("--rsyncable",
    "StrictHostKeyChecking", "askpass")."""
    words = line.split()
    return 2 <= len(words) <= _SUBSECTION_WORDS and all(re.fullmatch(r"[A-Za-z][a-z]*", word) for word in words) \
        and title_cased(line)


def _is_label(line: str) -> bool:
    """A short line that introduces what follows: "Copyright:", or a lone "Then" between two commands."""
    return (line.endswith(":") and len(line.split()) <= 10) or line.lower() in _CONNECTIVES


def _heading_of(paragraph: list[Line]) -> Block | None:
    """A one-line paragraph shaped like a heading or marked as an AsciiDoc title, a title wrapped over two lines, a
    line with an underline, or a FAQ's question; never the opening line of an answer marked "A."."""
    marked = _MARKED_TITLE.match(paragraph[0].text) if len(paragraph) == 1 else None
    if marked:  # "== Help! Why do all my filenames now look like ;077y;070ile ?!": an AsciiDoc section's title
        return Block(paragraph[0].start, paragraph[0].end, "heading", len(marked.group(1)))
    if _is_question(paragraph):
        return Block(paragraph[0].start, paragraph[-1].end, "heading", FAQ_LEVEL)
    if ANSWER_MARK.match(paragraph[0].text):  # "A.   You have a choice:" opens an answer, heading nothing
        return None
    if len(paragraph) == 2 and _underlines(*paragraph):  # leveled as a heading without its underline
        title = paragraph[0]
        return Block(title.start, title.end, "heading", _level(title.stripped, title.indent))
    if _is_wrapped_title(paragraph):
        return Block(paragraph[0].start, paragraph[1].end, "heading", 1)
    if len(paragraph) != 1 or not _looks_like_heading(paragraph[0].stripped):
        return None
    line = paragraph[0]
    return Block(line.start, line.end, "heading", _level(line.stripped, line.indent))


# An AsciiDoc section title at the margin: "= Document", "== Section", up to "====== Section" (a space, then words).
_MARKED_TITLE = re.compile(r"(={1,6})[ \t]+[\w\"'“(`]")


def _is_wrapped_title(paragraph: list[Line]) -> bool:
    """Two lines at one indent that read as one heading with every longer word capitalised, the first filled and
    the second what did not fit ("Creative Commons Attribution-ShareAlike 4.0 International Public" / "License";
    not "Copyright 2008 John Smith" / "Copyright 2009 Angela Watts")."""
    if len(paragraph) != 2 or paragraph[0].indent != paragraph[1].indent:
        return False
    if len(paragraph[0].stripped) < max(40, 2 * len(paragraph[1].stripped)):
        return False
    joined = f"{paragraph[0].stripped} {paragraph[1].stripped}"
    return _looks_like_heading(joined) and title_cased(joined)


def title_cased(text: str) -> bool:
    """Every word longer than three letters opens with a capital, and there is one ("Grant of Patent License.")."""
    longer = [word for word in re.findall(r"[^\W\d_][\w'-]*", text) if len(word) > 3]
    return bool(longer) and all(word[0].isupper() for word in longer)


def _asks_over_its_answer(paragraph: list[Line], after: list[Line] | None) -> bool:
    """A FAQ's question that states something first, over its answer indented below it ("Some diacritics are not
    aligning well ..., they run into each other. Why is that?" then a tab-indented answer)."""
    text = " ".join(line.stripped for line in paragraph)  # one statement at most before its one question
    return after is not None and text.endswith("?") and text.count("?") == 1 \
        and len(_STATEMENT_END.findall(text)) <= 1 and len(paragraph) <= 4 and len(text) <= 300 \
        and paragraph[0].text[:1].strip() != "" and not _ITEM.match(paragraph[0].text) \
        and all(line.indent < after[0].indent for line in paragraph)


_NUMBERED_ITEM = re.compile(r"^\s*\(?\d{1,3}(?:\.\d{1,3})*[.)]\s+\S")  # "2. ", "3.9) "


def _numbered_question_over_its_answer(paragraph: list[Line], after: list[Line] | None) -> bool:
    """A FAQ's numbered question of a few lines that asks, whatever else it says, over its answer indented deeper
    ("2. I installed procmail ..., but how am I supposed to use it?  When I type procmail on the command line it
    simply does nothing." over a tab-indented answer) or marked "A." ("3.9) I run rkhunter in cron and ... strange
    characters. Why is this?" over "A.   The problem only occurs ..."); not a numbered step over its indented text,
    which asks nothing."""
    text = " ".join(line.stripped for line in paragraph)
    return after is not None and "?" in text and len(paragraph) <= 4 and len(text) <= 300 \
        and _NUMBERED_ITEM.match(paragraph[0].text) is not None \
        and ((after[0].indent > paragraph[0].indent and not _ITEM.match(after[0].text))
             or ANSWER_MARK.match(after[0].text) is not None)


def _marked_over_its_answer(paragraph: list[Line], after: list[Line] | None) -> bool:
    """A FAQ's question marked "Q:" over its answer marked "A:", whatever it ends with: "Q: Why doesn't Kerberos
    work/why can't I get sensible answers to queries for SRV records." and "Q: DHCP doesn't work with windows 7 but
    everything else is fine." ask as plainly as a question mark would."""
    return after is not None and len(paragraph) <= 4 and _FAQ_MARK.match(paragraph[0].text) is not None \
        and ANSWER_MARK.match(after[0].text) is not None


def _marked_question_lines(paragraph: list[Line]) -> int:
    """How many lines of a paragraph make a FAQ's question marked "Q)" or "Q:", when its answer marked "A)", "A:" or
    "A1)" starts on a later line of the same paragraph, whatever the question ends with ("Q) Help! Local users cannot
    log in." then "A) There are various possible problems."); 0 for any other paragraph."""
    if len(paragraph) < 2 or _INLINE_QUESTION.match(paragraph[0].text) is None \
            or any(_OTHER_LETTER_MARK.match(line.text) for line in paragraph):
        return 0  # "Q: Quit the program" over "A: Select all" and "D: Delete" is a list of keys
    return next((number for number, line in enumerate(paragraph[1:_MARKED_QUESTION_LINES + 1], start=1)
                 if _INLINE_ANSWER.match(line.text)), 0)


_MARKED_QUESTION_LINES = 4
# In one paragraph only a bracket or a colon marks a question and its answer ("Q. Zhang and Y. Li." cites authors);
# the question has three words at least.
_INLINE_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*\d*\s*[:)]\s+\S+\s+\S+\s+\S")
_INLINE_ANSWER = re.compile(r"^\s*(?:A|Answer)\s*\d*\s*[:)]\s+\S")
_OTHER_LETTER_MARK = re.compile(r"^\s*[B-PR-Z]\s*[:.)]\s+\S")


def _heads_its_text(paragraph: list[Line], after: list[Line] | None, before: list[Line] | None) -> bool:
    """A numbered item of a line or two written "6)", between paragraphs that are no items and no introduction: a
    list of problems, each over its remedy ("6) Apache does not pass Authorization header to CGI scripts", then
    "This is intentional ..."), whose items head their text as a FAQ's questions head their answers; not the last
    step of a list ("3) Start the service" then "Then visit the page.") nor one step a colon asks for."""
    text = " ".join(line.stripped for line in paragraph)
    around = paragraph[1:] + (after or [])[:1] + (before or [])[:1]
    return after is not None and len(paragraph) <= 2 and len(text) <= 200 and not text.endswith(":") \
        and _CLOSING_NUMBER.match(paragraph[0].text) is not None \
        and not any(_ITEM.match(line.text) for line in around) \
        and not (before is not None and before[-1].stripped.endswith(":"))


def _is_question(paragraph: list[Line]) -> bool:
    """A FAQ's question, which heads its answer: "Q:  What do the letters XZ mean?", or a short paragraph of
    questions only ("How do I extract .tar.xz files?"), never one that also states something."""
    text = " ".join(line.stripped for line in paragraph)
    if not text.endswith("?") or len(paragraph) > 4:
        return False
    return bool(_FAQ_MARK.match(text)) or (_STATEMENT_END.search(text) is None and len(text) <= 200
                                           and not _ITEM.match(paragraph[0].text))


def _is_numbered_question(line: str) -> bool:
    """A FAQ's numbered or marked question on a line of its own, its answer on the lines after it ("5.8  Is there
    any situation in which I can use Reserved Font Names for a Modified Version?"); not a numbered line that also
    states something ("2. Why? Because it is closed. Is that clear?")."""
    return line.endswith("?") and len(line) <= 300 and bool(_NUMBERED.match(line) or _FAQ_MARK.match(line)) \
        and _STATEMENT_END.search(line) is None


def _is_capitals_heading(line: str) -> bool:
    """A short line in capitals that names a section ("PREAMBLE", "PERMISSION & CONDITIONS"), not the first line
    of a paragraph shouted in capitals ("THE SOFTWARE IS PROVIDED "AS IS", WITHOUT ...")."""
    return line.isupper() and "_" not in line and len(line.split()) <= 5 and len(line) <= 40 \
        and not re.search(r"[,.;]\s*$", line) and _looks_like_heading(line)


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(line) > 80 or _URL_ONLY.match(line) or re.search(r"[{}<>=;|\\@]|::|\.\s*\.\s*\.", line):
        return False
    if re.match(r"\s*[-*+•◦‣▪–]\s", line):  # a bullet, never a heading
        return False
    numbered = _NUMBERED.match(line) or _LETTERED.match(line)
    if numbered:  # "4.6 was published by ..." is a wrapped sentence that mentions section 4.6, no heading
        return len(words) <= 10 and not re.search(r"[,;]\s*$", line) and not _numbered_sentence(words) \
            and not re.search(r"\w{3,}[.!?]\s+[\"“'(]?\w", line) \
            and not line[numbered.end() - 1].islower()  # '2.1. Affiliate.  "Affiliate" means' is text, too
    if line.isupper() and any(c.isalpha() for c in line):
        return len(words) <= 8
    return len(words) <= 8 and line[0].isupper() and not _SENTENCE_END.search(line) and not _ITEM.match(line) \
        and not re.search(r":\s.*,", line) and line.lower() not in _CONNECTIVES  # "Examples: bash, ksh, zsh"; "Then"


def _numbered_sentence(words: list[str]) -> bool:
    """A numbered item written as a sentence ("3. Redistributions must contain a verbatim copy of this
    document."): it ends with a full stop and most of its longer words are in lower case; a numbered heading
    is a word or two ("1. Definitions.") or in title case ("2. License Grants and Conditions.")."""
    longer = [word for word in words[1:] if len(word.strip(".,;:!?")) > 3]
    lower = sum(word[0].islower() for word in longer)
    return words[-1][-1:] in ".!?" and len(longer) >= 3 and lower * 2 > len(longer)


def _level(line: str, indent: int) -> int:
    numbered = _NUMBERED.match(line)
    if numbered:
        return numbered.group(1).count(".") + 1
    if line.isupper():
        return 1
    return 2 if indent else 1


def _table_rows(paragraph: list[Line]) -> Iterator[Block]:
    """A text table's rows: the lines between its borders (a row may wrap over several lines)."""
    row: list[Line] = []
    for line in [*paragraph, None]:
        if line is None or _TABLE_BORDER.match(line.text):
            if row:
                yield Block(row[0].start, row[-1].end, "row")
            row = []
        else:
            row.append(line)


def _introduced(before: list[Line] | None, paragraph: list[Line]) -> bool:
    """Whether a paragraph is what the one before it introduces with a colon, indented below it ("add this to
    ssh_config and sshd_config:" over "  IPQoS af21 cs1"): shown text, never a heading."""
    return before is not None and before[-1].stripped.endswith(":") \
        and all(line.indent > before[0].indent for line in paragraph)


def _blocks_of(before: list[Line] | None, paragraph: list[Line], after: list[Line] | None) -> Iterator[Block]:
    """The blocks of one paragraph (`before` and `after`: its neighbours, if any); what a colon above introduces is
    shown text, never a heading."""
    blocks = _classify(paragraph, after, before)
    if not _introduced(before, paragraph):
        return blocks
    return (Block(block.start, block.end, "text") if block.kind == "heading" else block for block in blocks)


def _is_code(paragraph: list[Line]) -> bool:
    """Lines of program text: mostly symbols, or all indented far deeper than the text around."""
    text = " ".join(line.stripped for line in paragraph)
    symbols = sum(c in "{}[]();=<>$#|\\" for c in text)
    return len(text) > 0 and symbols / len(text) > 0.08 and not re.search(r"[a-z]{3,}[.!?]\s", text)


def _items_and_text(paragraph: list[Line]) -> Iterator[Block]:
    """Split a paragraph at list-item starts and at the rows of a table set with tabs; a term line followed by
    deeper-indented lines is an entry."""
    rows = _column_rows(paragraph)
    group: list[Line] = []
    for line in paragraph:
        starts_item = bool(_ITEM.match(line.text)) and (not group or line.indent <= group[0].indent + 1)
        row_ends = bool(group) and group[0].start in rows and line.indent <= group[0].indent  # its wrapped text
        if group and (starts_item or line.start in rows or row_ends or _is_term(group, line)):  # hangs deeper
            yield _block(group, rows)
            group = []
        group.append(line)
    if group:
        yield _block(group, rows)


def _column_rows(paragraph: list[Line]) -> set[int]:
    """Starts of the lines that open a row of a two-column table set with a tab: a number, a tab and its meaning
    ("2\t     Forking the process to watch failed."), two rows at least at one indent (a man page's exit statuses). A
    word before a tab may be justified text ("Truncate\tthe original log file"): no row."""
    found = [line for line in paragraph if _COLUMN_ROW.match(line.text)]
    indents = Counter(line.indent for line in found)
    return {line.start for line in found if indents[line.indent] >= 2}


def _is_term(group: list[Line], line: Line) -> bool:
    """`line` starts a new entry: it is as indented as the group's first (term) line, and the group's
    other lines were indented deeper (a man page's option list)."""
    return len(group) > 1 and line.indent == group[0].indent and all(g.indent > line.indent for g in group[1:])


def _block(lines: list[Line], rows: set[int]) -> Block:
    if lines[0].start in rows:  # with the lines of its meaning wrapped below it
        return Block(lines[0].start, lines[-1].end, "row")
    if _ITEM.match(lines[0].text):
        return Block(lines[0].start, lines[-1].end, "item")
    if len(lines) > 1 and all(line.indent > lines[0].indent for line in lines[1:]):
        return Block(lines[0].start, lines[-1].end, "entry")
    return Block(lines[0].start, lines[-1].end, "text")


def _trimmed(text: str, blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        start, end = trim(text, (block.start, block.end))
        if end > start and re.search(r"\w", text[start:end]):
            yield Block(start, end, block.kind, block.level)


def trim(text: str, span: Span) -> Span:
    """`span` without the whitespace at either end (empty when it held nothing else)."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
