"""Check an upload and turn it into an original the corpus keeps: safe name, known kind, UTF-8 text.

An uploaded `.txt`, `.rst`, `.md` or `.html` file is kept byte for byte; it is read as any seed is (an HTML
page as its extracted main text, which citations point into). A PDF becomes a `.txt` of its text
layer with one form feed (`\\f`) before every page after the first, so a citation's page is 1 + the
form feeds before it; the PDF itself is kept beside it. A JSON note becomes a `.txt` whose first
line is its title.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from qa.documents.chunking import split_document
from qa.documents.pdf import CONTROL, pdf_text
from qa.documents.reading import Document, decoded, parse_document, slug
from qa.errors import InvalidInputError, TooLargeError, UnsupportedMediaError, UnusableDocumentError
from qa.settings import Settings

MAX_NAME_CHARS = 255
MAX_TITLE_CHARS = 200
_STEM_CHARS = 80

_KINDS_READ = ".txt, .rst, .md, .html or .pdf"  # what a refusal tells the client to upload instead
# Content types a browser or curl may send for each kind; the generic ones are accepted for all.
_CONTENT_TYPES = {
    ".txt": {"text/plain"},
    ".rst": {"text/x-rst", "text/prs.fallenstein.rst", "text/plain"},
    ".md": {"text/markdown", "text/x-markdown", "text/plain"},
    ".html": {"text/html", "application/xhtml+xml"},
    ".htm": {"text/html", "application/xhtml+xml"},
    ".pdf": {"application/pdf", "application/x-pdf"},
}
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream"}
_MAGIC = {b"%PDF-": "a PDF (upload it as .pdf)", b"PK\x03\x04": "a ZIP archive (.docx, .xlsx, .zip)",
          b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"\x7fELF": "a program", b"\x1f\x8b": "gzip data", b"\xff\xfe": "UTF-16 text (re-save it as UTF-8)",
          b"\xfe\xff": "UTF-16 text (re-save it as UTF-8)"}


@dataclass(frozen=True)
class FileUpload:
    """A file as it arrived: the name and content type the client gave, and its bytes."""

    filename: str
    content_type: str | None
    data: bytes


@dataclass(frozen=True)
class Note:
    """A document sent as JSON: a title and its text."""

    title: str
    text: str


@dataclass(frozen=True)
class Original:
    """A document to keep: its file name in the uploads folder, the bytes that are indexed and cited,
    and any raw upload kept beside it (the PDF a `.txt` was extracted from)."""

    name: str
    data: bytes
    title: str
    sha256: str
    side_files: tuple[tuple[str, bytes], ...] = ()


def original_of(upload: FileUpload | Note, settings: Settings) -> Original:
    """The original to keep for an uploaded file or a JSON note."""
    if isinstance(upload, Note):
        return from_note(upload.title, upload.text, settings)
    return from_file(upload.filename, upload.content_type, upload.data, settings)


def from_file(filename: str, content_type: str | None, data: bytes, settings: Settings) -> Original:
    """Check an uploaded file and read its text; every refusal says what to send instead."""
    stem, suffix = safe_name(filename)
    _check_content_type(filename, suffix, content_type)
    _check_size(filename, len(data), settings)
    if suffix == ".pdf":
        text = pdf_text(data, filename)
        return _original(f"{stem}.txt", text.encode("utf-8"), settings, side_files=((f"{stem}.pdf", data),))
    decoded_text(data, filename)  # refuses binary data and undeclared encodings; the bytes are kept verbatim
    return _original(f"{stem}{suffix}", data, settings)


def from_note(title: str, text: str, settings: Settings) -> Original:
    """A JSON note {"title", "text"}: a `.txt` whose first line is the title."""
    title, text = " ".join(title.split()), text.strip()
    if not title or len(title) > MAX_TITLE_CHARS:
        raise InvalidInputError(f"title must have 1 to {MAX_TITLE_CHARS} characters of text")
    if not text:
        raise UnusableDocumentError("text is empty; send the document's text in the `text` field")
    if CONTROL.search(title + text):
        raise InvalidInputError("title or text holds control characters (such as NUL); send plain text")
    try:
        data = f"{title}\n\n{text}\n".encode()
    except UnicodeEncodeError as error:
        raise InvalidInputError(f"text holds a lone surrogate at character {error.start}; send valid Unicode") from None
    _check_size("the note", len(data), settings)
    return _original(f"{slug(title)[:_STEM_CHARS].strip('-') or 'note'}.txt", data, settings)


def safe_name(filename: str) -> tuple[str, str]:
    """(slugged stem, lower-case suffix) of a plain file name; paths, NUL and control characters are refused."""
    if not filename or not filename.strip():
        raise InvalidInputError("the upload has no file name; send one such as report.pdf")
    if len(filename) > MAX_NAME_CHARS or "\x00" in filename or CONTROL.search(filename):
        raise InvalidInputError("the file name is too long or holds control characters (such as NUL); "
                                "rename the file and upload it again")
    if "/" in filename or "\\" in filename or filename.strip() in (".", "..") or filename.startswith("."):
        raise InvalidInputError(f"the file name {filename!r} is a path or a hidden file; send a plain name "
                                "such as report.pdf")
    name = PurePosixPath(filename.strip())
    suffix = name.suffix.lower()
    if suffix not in _CONTENT_TYPES:
        raise UnsupportedMediaError(f"{filename!r} is not a kind this service reads; upload {_KINDS_READ}")
    return slug(name.stem)[:_STEM_CHARS].strip("-") or "document", suffix


def _check_content_type(filename: str, suffix: str, content_type: str | None) -> None:
    media = (content_type or "").split(";")[0].strip().lower()
    if media not in _GENERIC_TYPES and media not in _CONTENT_TYPES[suffix]:
        raise UnsupportedMediaError(f"{filename!r} was sent as {media}, which does not match {suffix}; send it as "
                                    f"{min(_CONTENT_TYPES[suffix])} or application/octet-stream")


def _check_size(what: str, size: int, settings: Settings) -> None:
    if size > settings.max_upload_bytes:
        raise TooLargeError(f"{what} has {size:,} bytes; the limit is {settings.max_upload_bytes:,} "
                                    "(QA_MAX_UPLOAD_BYTES); split it or raise the limit")
    if size == 0:
        raise UnusableDocumentError(f"{what} is empty; send a file with text in it")


def decoded_text(data: bytes, filename: str) -> str:
    """The text of a text upload (UTF-8, or the encoding an HTML page declares); binary data is refused."""
    kind = next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)
    if kind is None and b"\x00" in data:
        kind = "binary data (it holds NUL bytes)"
    if kind is not None:
        raise UnsupportedMediaError(f"{filename!r} holds {kind}, not UTF-8 text; upload {_KINDS_READ}")
    text = decoded(data, filename)
    if len(CONTROL.findall(text)) > max(8, len(text) // 100):
        raise UnsupportedMediaError(f"{filename!r} is mostly control characters, not text; upload the text itself")
    return text


def _original(name: str, data: bytes, settings: Settings,
              side_files: tuple[tuple[str, bytes], ...] = ()) -> Original:
    _check_size(name, len(data), settings)
    if not data.strip():
        raise UnusableDocumentError(f"{name} is empty (only whitespace); send a file with text in it")
    document = preview(name, data)
    _, passages = split_document(document, settings.chunk_sentences, settings.chunk_overlap, settings.chunk_max_chars)
    if not passages:
        raise UnusableDocumentError(f"{name} has no text to index (only whitespace, markup or navigation); "
                                    "send a document with sentences in it")
    return Original(name, data, document.title, document.sha256, side_files)


def preview(name: str, data: bytes) -> Document:
    """The document `qa.documents` will read from this file, built in memory before anything is written."""
    try:
        return parse_document(data, name, "preview", name)
    except (AssertionError, ValueError) as error:  # html.parser on pathological markup
        raise UnusableDocumentError(f"{name} could not be parsed ({error}); fix the markup") from None
