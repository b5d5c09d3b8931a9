"""Documents: list and read them (open), add, remove and reindex (write key)."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool

from api import schemas
from api.bodies import read_upload
from api.dependencies import READ, WRITE, get_service
from api.responses import FastJSON, error_responses
from qa.service.answerer import QuestionAnswerer

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=list[schemas.DocumentSummary], dependencies=READ,
            responses=error_responses(401, 429, 503))
def documents(service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """Every indexed document."""
    return FastJSON([{"doc_id": d.doc_id, "title": d.title, "source": d.source, "length": len(d.text)}
                     for d in service.documents()])


@router.get("/documents/{doc_id}", response_model=schemas.DocumentOut, dependencies=READ,
            responses=error_responses(401, 404, 429, 503))
def document(doc_id: str, service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """One document's full text, so a citation can be shown in context."""
    d = service.document(doc_id)
    return FastJSON({"doc_id": d.doc_id, "title": d.title, "source": d.source, "text": d.text})


@router.post("/documents", status_code=201, response_model=schemas.ChangeOut, dependencies=WRITE,
             openapi_extra=schemas.UPLOAD_BODY, responses=error_responses(401, 403, 409, 413, 415, 422, 429, 503))
async def add_document(request: Request, service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """Add a document (needs a write key): a multipart `file` (.txt, .rst, .md, .html, .pdf) or JSON
    {"title", "text"}. It is searchable when the call returns; the response gives the new index version."""
    change = await run_in_threadpool(service.add_document, await read_upload(request))
    return FastJSON(asdict(change), status_code=201)


@router.delete("/documents/{doc_id}", response_model=schemas.ChangeOut, dependencies=WRITE,
               responses=error_responses(401, 403, 404, 409, 422, 429, 503))
def remove_document(doc_id: str, service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """Remove an uploaded document (needs a write key); seed files are removed from the seeds folder."""
    return FastJSON(asdict(service.remove_document(doc_id)))


@router.post("/reindex", response_model=schemas.ChangeOut, dependencies=WRITE,
             responses=error_responses(401, 403, 413, 422, 429, 503))
def reindex(service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """Rebuild the index from the seeds folder as it is on disk (needs a write key)."""
    return FastJSON(asdict(service.reindex()))
