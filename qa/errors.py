"""The library's error tree; every message says what to do next.

    QAError
    ├── IndexMissingError          no index on disk yet (or still loading)
    │   └── StoreUnavailableError  the configured store (a Milvus server) cannot be reached
    ├── IndexMismatchError         index built with another model, settings or format
    ├── DocumentNotFoundError      unknown doc_id
    ├── InvalidInputError          a question, query, parameter or document the library refuses
    │   └── UnusableDocumentError  an upload that holds no indexable text (empty, no text layer)
    ├── UnsupportedMediaError      a file kind or content type the service does not read
    ├── TooLargeError              an upload or request body over its cap (QA_MAX_UPLOAD_BYTES)
    ├── DuplicateDocumentError     the same content or the same name is already in the corpus
    ├── ProtectedDocumentError     a seed file that only an operator may remove
    └── GoldSetError               a gold-question file that cannot be read

Errors only the HTTP layer raises (API keys, rate limits) live in `api.errors`.
"""

from __future__ import annotations

from typing import Literal

# What the message tells the caller to do, named so that an adapter (HTTP, CLI) can add its own way of
# doing it: the API says which route, the library does not know routes.
Action = Literal["list_documents", "reindex", "remove_document"]


class QAError(Exception):
    """Base of every error the library raises on purpose; `action` names the next step the message suggests,
    `subject` what it applies to (a document id)."""

    def __init__(self, message: str, action: Action | None = None, subject: str | None = None) -> None:
        super().__init__(message)
        self.action, self.subject = action, subject


class IndexMissingError(QAError):
    """There is no index to load."""


class IndexMismatchError(QAError):
    """The index on disk was built differently from what the settings ask for."""


class StoreUnavailableError(IndexMissingError):
    """The store named by QA_STORE / QA_MILVUS_URI does not answer."""


class DocumentNotFoundError(QAError):
    """No document has the requested id."""


class InvalidInputError(QAError):
    """The caller passed something the library cannot use."""


class UnusableDocumentError(InvalidInputError):
    """An upload was read but holds no text worth indexing."""


class UnsupportedMediaError(QAError):
    """The upload's kind (extension, content type or actual bytes) is not one the service reads."""


class TooLargeError(QAError):
    """An upload or a request body is larger than its configured cap."""


class DuplicateDocumentError(QAError):
    """The corpus already holds this content, or a document of this name."""


class ProtectedDocumentError(QAError):
    """The document is a seed file, not an upload; the API does not delete it."""


class GoldSetError(QAError):
    """A gold-question file is malformed."""
