"""Every domain error's HTTP status, in one place, and the JSON body all error responses share."""

from __future__ import annotations

import math

from fastapi.responses import JSONResponse

from qa.errors import (
    DocumentNotFoundError,
    DuplicateDocumentError,
    ForbiddenError,
    IndexMismatchError,
    IndexMissingError,
    InvalidInputError,
    MissingKeyError,
    ProtectedDocumentError,
    QAError,
    RateLimitedError,
    TooLargeError,
    UnsupportedMediaError,
)

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


def error_response(error: QAError) -> JSONResponse:
    """`{"detail": message}` with the error's status; 429 and 503 say when to retry."""
    headers = {}
    if isinstance(error, RateLimitedError):
        headers["Retry-After"] = str(max(1, math.ceil(error.retry_after)))
    elif isinstance(error, IndexMissingError):
        headers["Retry-After"] = "5"
    return JSONResponse({"detail": str(error)}, status_code=status_of(error), headers=headers)
