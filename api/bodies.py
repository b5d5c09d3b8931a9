"""Read a POST /documents body: a multipart file (field `file`) or a JSON note {"title", "text"}."""

from __future__ import annotations

import orjson
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from api.schemas import DocumentNote
from qa.documents.uploads import FileUpload, Note
from qa.errors import InvalidInputError, UnsupportedMediaError

FORM_LIMITS = {"max_files": 1, "max_fields": 4}


async def read_upload(request: Request) -> FileUpload | Note:
    """The upload in the body; a body of another type, malformed or without a file is refused."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        return await _read_file(request)
    if media == "application/json" or media.endswith("+json"):
        return _read_note(await request.body())
    raise UnsupportedMediaError(f"send multipart/form-data with the file in a field named `file`, or "
                                f"application/json {{\"title\", \"text\"}}; not {media or 'a body without a type'}")


async def _read_file(request: Request) -> FileUpload:
    try:
        form = await request.form(**FORM_LIMITS)
    except HTTPException as error:
        if error.status_code != 400:  # 413 from the body limit passes through
            raise
        raise InvalidInputError(f"malformed multipart body ({error.detail}); send one file in a field named "
                                "`file`") from None
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInputError("no file in the multipart field `file`; send the document as "
                                    "`-F file=@report.pdf`")
        return FileUpload(upload.filename or "", upload.content_type, await upload.read())
    finally:
        await form.close()


def _read_note(body: bytes) -> Note:
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise InvalidInputError(f"the body is not valid JSON ({error}); send {{\"title\": ..., \"text\": ...}}") \
            from None
    try:
        note = DocumentNote.model_validate(payload)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None
    return Note(note.title, note.text)
