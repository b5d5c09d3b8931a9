"""The HTTP layer's own errors, every error's status in one place, and the JSON body all error responses share.

    QAError (qa.errors)            the library's errors, mapped to a status below
    ├── AccessError                a request without the right API key
    │   ├── MissingKeyError        no key, or a key that is not configured       401
    │   └── ForbiddenError         writes disabled, or a read key used to write  403
    └── RateLimitedError           too many requests from one client             429 (carries retry_after)
"""

from __future__ import annotations

import math

from fastapi.responses import JSONResponse

from qa.errors import (
    Action,
    DocumentNotFoundError,
    DuplicateDocumentError,
    IndexMismatchError,
    IndexMissingError,
    InvalidInputError,
    ProtectedDocumentError,
    QAError,
    TooLargeError,
    UnsupportedMediaError,
)


class AccessError(QAError):
    """The request lacks the key this operation needs."""


class MissingKeyError(AccessError):
    """No API key was sent, or the key sent is not one of the configured keys."""


class ForbiddenError(AccessError):
    """The operation is disabled, or the key sent may not perform it."""


class RateLimitedError(QAError):
    """A client sent more requests than its token bucket allows."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


STATUS: dict[type[QAError], int] = {
    InvalidInputError: 422,
    DocumentNotFoundError: 404,
    DuplicateDocumentError: 409,
    ProtectedDocumentError: 409,
    TooLargeError: 413,
    UnsupportedMediaError: 415,
    MissingKeyError: 401,
    ForbiddenError: 403,
    RateLimitedError: 429,
    IndexMissingError: 503,
    IndexMismatchError: 503,
}

# The route that does what a library message suggests.
ROUTE_HINTS: dict[Action, str] = {
    "list_documents": "GET /documents lists them",
    "reindex": "POST /reindex",
    "remove_document": "DELETE /documents/{subject}",
}

# What each status means for a client, for the OpenAPI document.
MEANING = {
    400: "the body could not be parsed at all (for example, JSON that is not UTF-8)",
    401: "no API key, or not a configured one (X-API-Key)",
    403: "writes disabled (QA_API_KEYS unset), or a read-only key used to write",
    404: "no such document",
    409: "the same content or name is already in the corpus, or the document may not be removed",
    413: "the upload or the request body is over its size limit",
    415: "a file kind or content type the service does not read",
    422: "invalid input: the message says which field and why",
    429: "too many requests from this client; retry after the Retry-After seconds",
    503: "the index is loading or unusable; retry shortly",
}


def status_of(error: QAError) -> int:
    """The status of the nearest class of `error` that has one (400 for any other domain error)."""
    return next((STATUS[cls] for cls in type(error).__mro__ if cls in STATUS), 400)


def detail_of(error: QAError) -> str:
    """The library's message, with the route that does what it suggests."""
    hint = ROUTE_HINTS.get(error.action) if error.action else None
    if hint is None:
        return str(error)
    return f"{error} ({hint.format(subject=error.subject or '{doc_id}')})"


def error_response(error: QAError) -> JSONResponse:
    """`{"detail": message}` with the error's status; 429 and 503 say when to retry."""
    headers = {}
    if isinstance(error, RateLimitedError):
        headers["Retry-After"] = str(max(1, math.ceil(error.retry_after)))
    elif isinstance(error, IndexMissingError):
        headers["Retry-After"] = "5"
    return JSONResponse({"detail": detail_of(error)}, status_code=status_of(error), headers=headers)
