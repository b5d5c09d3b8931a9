"""The library's error tree; every message says what to do next.

    QAError
    ├── IndexMissingError      no index on disk yet
    ├── IndexMismatchError     index built with another model, settings or format
    ├── DocumentNotFoundError  unknown doc_id
    ├── InvalidInputError      a question, query or parameter the library refuses
    └── GoldSetError           a gold-question file that cannot be read
"""

from __future__ import annotations


class QAError(Exception):
    """Base of every error the library raises on purpose."""


class IndexMissingError(QAError):
    """There is no index to load."""


class IndexMismatchError(QAError):
    """The index on disk was built differently from what the settings ask for."""


class DocumentNotFoundError(QAError):
    """No document has the requested id."""


class InvalidInputError(QAError):
    """The caller passed something the library cannot use."""


class GoldSetError(QAError):
    """A gold-question file is malformed."""
