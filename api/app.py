"""The FastAPI app: load the model and index once, then map HTTP to `qa` calls."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import schemas
from qa.errors import DocumentNotFoundError, IndexMismatchError, IndexMissingError, InvalidInputError, QAError
from qa.service import QuestionAnswerer, open_service
from qa.settings import Settings

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("qa.api")

_STATUS = {InvalidInputError: 422, DocumentNotFoundError: 404, IndexMissingError: 503, IndexMismatchError: 503}


class FastJSON(Response):
    """orjson rendering of plain dicts; routes return it directly, so FastAPI skips re-validating
    what the library already guarantees (the response models still document the contract)."""

    media_type = "application/json"

    def render(self, content: object) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_SERIALIZE_DATACLASS)


def create_app(settings: Settings | None = None, service: QuestionAnswerer | None = None) -> FastAPI:
    """The app; with `service` given (tests) nothing is loaded at start-up."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.service is None:
            app.state.service = await asyncio.to_thread(open_service, settings)
        yield

    app = FastAPI(title="Document QA", version="0.1.0", lifespan=lifespan, default_response_class=FastJSON,
                  description="Ask questions over local documents; every answer cites exact character offsets.")
    app.state.service = service
    app.state.settings = settings
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["content-type"])
    _add_error_handlers(app)
    _add_routes(app)
    return app


def _service(request: Request) -> QuestionAnswerer:
    service = request.app.state.service
    if service is None:
        raise IndexMissingError("the index is still loading; retry in a few seconds")
    return service


def _add_routes(app: FastAPI) -> None:
    @app.post("/ask", response_model=schemas.AskResponse, tags=["questions"],
              responses={422: {"model": schemas.ErrorOut}, 503: {"model": schemas.ErrorOut}})
    def ask(body: schemas.AskRequest, request: Request):
        """Answer a question: the best passages and an extractive answer (null when the documents don't say)."""
        return FastJSON(_ask_json(_service(request).ask(body.question, body.top_k, body.mode, body.explain)))

    @app.post("/ask/batch", response_model=schemas.BatchResponse, tags=["questions"])
    def ask_batch(body: schemas.BatchRequest, request: Request):
        """Up to 100 questions in one request; each result is shaped as an /ask response."""
        service = _service(request)
        return FastJSON({"results": [_ask_json(service.ask(q.question, q.top_k, q.mode, q.explain))
                                     for q in body.questions]})

    @app.post("/search", response_model=schemas.SearchResponse, tags=["questions"])
    def search(body: schemas.SearchRequest, request: Request):
        """Retrieval only: the best passages for a query, best first."""
        passages = _service(request).search(body.query, body.top_k, body.mode, body.explain)
        return FastJSON({"passages": [_cited_json(p) for p in passages]})

    @app.get("/documents", response_model=list[schemas.DocumentSummary], tags=["documents"])
    def documents(request: Request):
        """Every indexed document."""
        return [{"doc_id": d.doc_id, "title": d.title, "source": d.source, "length": len(d.text)}
                for d in _service(request).documents()]

    @app.get("/documents/{doc_id}", response_model=schemas.DocumentOut, tags=["documents"],
             responses={404: {"model": schemas.ErrorOut}})
    def document(doc_id: str, request: Request):
        """One document's full original text, so a citation can be shown in context."""
        d = _service(request).document(doc_id)
        return {"doc_id": d.doc_id, "title": d.title, "source": d.source, "text": d.text}

    @app.get("/health", response_model=schemas.HealthOut, tags=["service"])
    def health(request: Request):
        """Liveness, corpus size, index version and model."""
        return _service(request).health()

    @app.get("/", include_in_schema=False)
    def demo_page():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/widget.js", include_in_schema=False)
    def widget_script():
        return FileResponse(STATIC / "widget.js", media_type="text/javascript")


def _cited_json(cited) -> dict:
    out = {"text": cited.text, "score": cited.score, "citation": asdict(cited.citation)}
    if cited.explain is not None:
        out["explain"] = cited.explain
    return out


def _ask_json(response) -> dict:
    answer = None
    if response.answer is not None:
        answer = _cited_json(response.answer)
        answer["sentence"] = _cited_json(response.answer.sentence) if response.answer.sentence else None
    return {"question": response.question, "answer": answer, "passages": [_cited_json(p) for p in response.passages]}


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QAError)
    async def domain_error(request: Request, error: QAError):
        return JSONResponse({"detail": str(error)}, status_code=_STATUS.get(type(error), 400))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'] if p != 'body') or 'body'}: {e['msg']}" for e in error.errors()]
        return JSONResponse({"detail": "; ".join(problems), "errors": _plain(error.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)


def _plain(errors: list[dict]) -> list[dict]:
    """Validation errors without the raw input or exception objects (they may not serialise)."""
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
