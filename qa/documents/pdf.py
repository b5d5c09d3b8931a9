"""A PDF's text layer: pages joined with a form feed before each page after the first.

A citation's page is then 1 + the form feeds before it (`page_of`).
"""

from __future__ import annotations

import io
import re

from qa.errors import UnusableDocumentError

PAGE_BREAK = "\f"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # characters no passage may hold (uploads too)
# Typeset text joins letters into ligatures ("ﬁle", "ﬂags"): as letters, they are words again.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})


def pdf_text(data: bytes, filename: str) -> str:
    """The text layer of a PDF, pages separated by a form feed."""
    from pypdf import PdfReader  # lazy: only PDFs need it

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnusableDocumentError(f"{filename!r} is encrypted; upload a copy without a password")
        pages = [_clean_page(page.extract_text() or "") for page in reader.pages]
    except UnusableDocumentError:
        raise
    except Exception as error:
        raise UnusableDocumentError(f"{filename!r} could not be read as a PDF ({type(error).__name__}); check that "
                                    "it opens in a PDF viewer, or upload its text as .txt") from None
    if not any(page.strip() for page in pages):
        raise UnusableDocumentError(f"{filename!r} has no text layer (a scanned PDF?); run OCR on it, for example "
                                    "`ocrmypdf in.pdf out.pdf`, and upload the result")
    return ("\n\n" + PAGE_BREAK).join(pages)


def _clean_page(text: str) -> str:
    """Page text without control characters (a stray form feed would shift page numbers) or ligatures."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(LIGATURES)
    return CONTROL.sub(" ", text.replace(PAGE_BREAK, " ")).rstrip()


def page_of(text: str, offset: int) -> int | None:
    """The 1-based page holding `offset` in a paged text, None when the text has no page breaks."""
    return text.count(PAGE_BREAK, 0, offset) + 1 if PAGE_BREAK in text else None


