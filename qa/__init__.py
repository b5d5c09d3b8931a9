"""Question answering over local documents with exact citations."""

from qa.errors import (DocumentNotFoundError, GoldSetError, IndexMismatchError, IndexMissingError,
                       InvalidInputError, QAError)
from qa.service import AnswerText, Citation, Cited, QuestionAnswerer, Response, open_service
from qa.settings import Settings

__all__ = [
    "AnswerText", "Citation", "Cited", "DocumentNotFoundError", "GoldSetError", "IndexMismatchError",
    "IndexMissingError", "InvalidInputError", "QAError", "QuestionAnswerer", "Response", "Settings", "open_service",
]
