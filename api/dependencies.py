"""What routes receive by `Depends`: the service, once it has loaded, and the access checks."""

from __future__ import annotations

from fastapi import Depends, Request

from api.security import require_read_key, require_write_key
from qa.errors import IndexMissingError
from qa.service.answerer import QuestionAnswerer

READ = [Depends(require_read_key)]
WRITE = [Depends(require_write_key)]


def get_service(request: Request) -> QuestionAnswerer:
    """The app's service; 503 while the model and index are still loading."""
    service: QuestionAnswerer | None = request.app.state.service
    if service is None:
        raise IndexMissingError("the index is still loading; retry in a few seconds")
    return service
