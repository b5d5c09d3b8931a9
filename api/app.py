"""The FastAPI app: load the model and index once, then map HTTP to `qa` calls."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path

import orjson
from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import schemas
from api.bodies import read_upload
from api.errors import MEANING, error_response
from api.limits import BodyLimit, RateLimit, TokenBucket
from api.observability import (
    METRICS_CONTENT_TYPE,
    REQUEST_ID_HEADER,
    Metrics,
    RequestObserver,
    configure_logging,
    server_timing,
)
from api.security import KEY_HEADER, Keys, SecurityHeaders, page_policy, require_read_key, require_write_key
from qa.errors import IndexMissingError, QAError
from qa.service import QuestionAnswerer, open_service
from qa.settings import Settings

STATIC = Path(__file__).parent / "static"
READ = [Depends(require_read_key)]
WRITE = [Depends(require_write_key)]
UPLOAD_SLACK = 64 * 1024  # multipart framing around the file


class FastJSON(JSONResponse):
    """orjson rendering of plain dicts; routes return it directly, so FastAPI skips re-validating
    what the library already guarantees (the response models still document the contract, which
    FastAPI only does for JSONResponse subclasses)."""

    def render(self, content: object) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_SERIALIZE_DATACLASS)


def create_app(settings: Settings | None = None, service: QuestionAnswerer | None = None) -> FastAPI:
    """The app; with `service` given (tests) nothing is loaded at start-up."""
    settings = settings or Settings()
    configure_logging()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.service is None:
            _serve(app, await asyncio.to_thread(open_service, settings))
        yield

    app = FastAPI(title="Document QA", version="0.2.0", lifespan=lifespan, default_response_class=FastJSON,
                  description="Ask questions over local documents; every answer cites exact character offsets. "
                              f"Writes need an `{KEY_HEADER}` header with one of QA_API_KEYS.")
    app.state.settings = settings
    app.state.keys = Keys(settings)
    app.state.metrics = Metrics(app.state)
    app.state.service = None
    if service is not None:
        _serve(app, service)
    _add_error_handlers(app)
    _add_routes(app, settings)
    _add_middleware(app, settings)
    return app


def _serve(app: FastAPI, service: QuestionAnswerer) -> None:
    service.stage_hook = app.state.metrics.observe_stages
    app.state.service = service


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Innermost first: body cap, rate limit, security headers, CORS, then the request observer around all."""
    uploads = {("POST", "/documents"): settings.max_upload_bytes + UPLOAD_SLACK}
    app.add_middleware(BodyLimit, max_body_bytes=settings.max_body_bytes, uploads=uploads)
    app.add_middleware(RateLimit, bucket=TokenBucket(settings.rate_limit_per_second, settings.rate_limit_burst,
                                                     settings.rate_limit_exempt))
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["content-type", KEY_HEADER.lower(), REQUEST_ID_HEADER.lower()],
                           expose_headers=[REQUEST_ID_HEADER, "Server-Timing", "Retry-After"])
    known = frozenset(getattr(route, "path", "") for route in app.routes)
    app.add_middleware(RequestObserver, metrics=app.state.metrics, known_paths=known)


def _service(request: Request) -> QuestionAnswerer:
    service = request.app.state.service
    if service is None:
        raise IndexMissingError("the index is still loading; retry in a few seconds")
    return service


def _errors(*codes: int) -> dict:
    """OpenAPI entries for the error statuses a route can answer with."""
    return {code: {"model": schemas.ErrorOut, "description": MEANING[code]} for code in codes}


def _add_routes(app: FastAPI, settings: Settings) -> None:
    _add_question_routes(app)
    _add_document_routes(app)
    _add_service_routes(app, settings)


def _add_question_routes(app: FastAPI) -> None:
    @app.post("/ask", response_model=schemas.AskResponse, tags=["questions"], dependencies=READ,
              responses=_errors(400, 401, 413, 422, 429, 503))
    def ask(body: schemas.AskRequest, request: Request):
        """Answer a question: the best passages and an extractive answer (null when the documents don't say).
        The Server-Timing header gives the embed, search and answer stages in milliseconds."""
        response = _service(request).ask(body.question, body.top_k, body.mode, body.explain)
        return FastJSON(_ask_json(response), headers={"Server-Timing": server_timing(response.timings)})

    @app.post("/ask/batch", response_model=schemas.BatchResponse, tags=["questions"], dependencies=READ,
              responses=_errors(400, 401, 413, 422, 429, 503))
    def ask_batch(body: schemas.BatchRequest, request: Request):
        """Up to 100 questions in one request; each result is shaped as an /ask response."""
        service = _service(request)
        return FastJSON({"results": [_ask_json(service.ask(q.question, q.top_k, q.mode, q.explain))
                                     for q in body.questions]})

    @app.post("/search", response_model=schemas.SearchResponse, tags=["questions"], dependencies=READ,
              responses=_errors(400, 401, 413, 422, 429, 503))
    def search(body: schemas.SearchRequest, request: Request):
        """Retrieval only: the best passages for a query, best first."""
        passages = _service(request).search(body.query, body.top_k, body.mode, body.explain)
        return FastJSON({"passages": [_cited_json(p) for p in passages]})


def _add_document_routes(app: FastAPI) -> None:
    @app.get("/documents", response_model=list[schemas.DocumentSummary], tags=["documents"], dependencies=READ,
             responses=_errors(401, 429, 503))
    def documents(request: Request):
        """Every indexed document."""
        return [{"doc_id": d.doc_id, "title": d.title, "source": d.source, "length": len(d.text)}
                for d in _service(request).documents()]

    @app.get("/documents/{doc_id}", response_model=schemas.DocumentOut, tags=["documents"], dependencies=READ,
             responses=_errors(401, 404, 429, 503))
    def document(doc_id: str, request: Request):
        """One document's full original text, so a citation can be shown in context."""
        d = _service(request).document(doc_id)
        return {"doc_id": d.doc_id, "title": d.title, "source": d.source, "text": d.text}

    @app.post("/documents", status_code=201, response_model=schemas.ChangeOut, tags=["documents"],
              dependencies=WRITE, openapi_extra=schemas.UPLOAD_BODY,
              responses=_errors(401, 403, 409, 413, 415, 422, 429, 503))
    async def add_document(request: Request):
        """Add a document (needs a write key): a multipart `file` (.txt, .md, .html, .pdf) or JSON
        {"title", "text"}. It is searchable when the call returns; the response gives the new index version."""
        change = await run_in_threadpool(_service(request).add_document, await read_upload(request))
        return FastJSON(asdict(change), status_code=201)

    @app.delete("/documents/{doc_id}", response_model=schemas.ChangeOut, tags=["documents"], dependencies=WRITE,
                responses=_errors(401, 403, 404, 409, 422, 429, 503))
    def remove_document(doc_id: str, request: Request):
        """Remove an uploaded document (needs a write key); seed files are removed from the seeds folder."""
        return FastJSON(asdict(_service(request).remove_document(doc_id)))

    @app.post("/reindex", response_model=schemas.ChangeOut, tags=["documents"], dependencies=WRITE,
              responses=_errors(401, 403, 413, 422, 429, 503))
    def reindex(request: Request):
        """Rebuild the index from the seeds folder as it is on disk (needs a write key)."""
        return FastJSON(asdict(_service(request).reindex()))


def _add_service_routes(app: FastAPI, settings: Settings) -> None:
    demo_headers = page_policy(STATIC / "index.html", settings)

    @app.get("/health", response_model=schemas.HealthOut, tags=["service"], responses=_errors(429, 503))
    def health(request: Request):
        """Liveness, corpus size, index version and model."""
        return _service(request).health()

    @app.get("/metrics", response_class=PlainTextResponse, tags=["service"], dependencies=READ,
             responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                              "description": "Prometheus text format"}, **_errors(401, 429)})
    def metrics(request: Request):
        """Request counts and latency per route and status, per-stage latency, corpus size (Prometheus)."""
        return Response(request.app.state.metrics.render(), media_type=METRICS_CONTENT_TYPE)

    @app.get("/", include_in_schema=False)
    def demo_page():
        return FileResponse(STATIC / "index.html", media_type="text/html", headers=demo_headers)

    @app.get("/widget.js", include_in_schema=False)
    def widget_script():
        return FileResponse(STATIC / "widget.js", media_type="text/javascript")


def _cited_json(cited) -> dict:
    citation = asdict(cited.citation)
    if citation.get("page") is None:
        citation.pop("page", None)
    out = {"text": cited.text, "score": cited.score, "citation": citation}
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
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'] if p != 'body') or 'body'}: {e['msg']}" for e in error.errors()]
        return JSONResponse({"detail": "; ".join(problems), "errors": _plain(list(error.errors()))}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        detail = error.detail
        if error.status_code == 400:  # FastAPI's own message does not say what to do
            detail = f"{detail}: send UTF-8 JSON as the schema at /docs shows"
        return JSONResponse({"detail": detail}, status_code=error.status_code, headers=error.headers)


def _plain(errors: list[dict]) -> list[dict]:
    """Validation errors without the raw input or exception objects (they may not serialise)."""
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
