"""Questions: /ask, /ask/batch and /search, each one call into the service."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from api import schemas
from api.dependencies import READ, get_service
from api.observability import server_timing
from api.responses import FastJSON, error_responses
from qa.service.answerer import QuestionAnswerer
from qa.service.render import cited_json, response_json

router = APIRouter(tags=["questions"], dependencies=READ)
ERRORS = error_responses(400, 401, 413, 422, 429, 503)


@router.post("/ask", response_model=schemas.AskResponse, responses=ERRORS)
def ask(body: schemas.AskRequest, service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """Answer a question: the best passages and an extractive answer (null when the documents don't say).
    Send the conversation's earlier turns as `history` to ask follow-ups ("Who leads it?"); `resolved`
    says how the question was read, and `clarify` asks which one is meant when nothing resolves it.
    The Server-Timing header gives the embed, search and answer stages in milliseconds."""
    response = service.ask(body.question, body.top_k, body.mode, body.explain, history=body.turns())
    return FastJSON(response_json(response), headers={"Server-Timing": server_timing(response.timings)})


@router.post("/ask/batch", response_model=schemas.BatchResponse, responses=ERRORS)
def ask_batch(body: schemas.BatchRequest, service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """Up to 100 questions in one request; each result is shaped as an /ask response."""
    return FastJSON({"results": [response_json(service.ask(q.question, q.top_k, q.mode, q.explain,
                                                           history=q.turns()))
                                 for q in body.questions]})


@router.post("/search", response_model=schemas.SearchResponse, responses=ERRORS)
def search(body: schemas.SearchRequest, service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
    """Retrieval only: the best passages for a query, best first."""
    passages = service.search(body.query, body.top_k, body.mode, body.explain)
    return FastJSON({"passages": [cited_json(p) for p in passages]})
