"""The FastAPI app factory: load the model and index once, mount the routers, map errors and add middleware."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from api.errors import error_response
from api.limits import BodyLimit, RateLimit, TokenBucket
from api.observability import REQUEST_ID_HEADER, Metrics, RequestObserver, configure_logging
from api.responses import FastJSON
from api.routes import documents, questions
from api.routes.operations import operations_router
from api.security import KEY_HEADER, Keys, SecurityHeaders
from qa.errors import QAError
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import open_service
from qa.settings import Settings

log = logging.getLogger("qa.api")

UPLOAD_SLACK = 64 * 1024  # multipart framing around the file


def create_app(settings: Settings | None = None, service: QuestionAnswerer | None = None) -> FastAPI:
    """The app; with `service` given (tests) nothing is loaded at start-up, else `lifespan` loads it."""
    settings = settings or Settings()
    configure_logging()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.service is None:
            before = process_age()  # the interpreter, uvicorn and the imports
            service = await asyncio.to_thread(open_service, settings, settings.build_on_start)
            service.startup = {"interpreter and imports": before, **service.startup, "total": process_age()}
            log.info("ready: %s", ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in service.startup.items()))
            _serve(app, service)
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
    for router in (questions.router, documents.router, operations_router(settings)):
        app.include_router(router)
    _add_middleware(app, settings)
    return app


def process_age() -> float:
    """Seconds since this process started (Linux /proc; 0 elsewhere)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    return round(uptime - started, 3)


def _serve(app: FastAPI, service: QuestionAnswerer) -> None:
    service.stage_hook = app.state.metrics.observe_stages
    app.state.service = service


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Innermost first: body cap, rate limit, security headers, CORS, then the request observer around all."""
    uploads = {("POST", "/documents"): settings.max_upload_bytes + UPLOAD_SLACK}
    app.add_middleware(BodyLimit, max_body_bytes=settings.max_body_bytes, uploads=uploads)
    app.add_middleware(RateLimit, bucket=TokenBucket(settings.rate_limit_per_second, settings.rate_limit_burst,
                                                     settings.rate_limit_exempt),
                       exempt_loopback=settings.rate_limit_exempt_loopback)
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["content-type", KEY_HEADER.lower(), REQUEST_ID_HEADER.lower()],
                           expose_headers=[REQUEST_ID_HEADER, "Server-Timing", "Retry-After"])
    known = frozenset(getattr(route, "path", "") for route in app.routes)
    app.add_middleware(RequestObserver, metrics=app.state.metrics, known_paths=known)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QAError)
    async def domain_error(request: Request, error: QAError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'] if p != 'body') or 'body'}: {e['msg']}"
                    for e in error.errors()]
        return JSONResponse({"detail": "; ".join(problems), "errors": _plain(list(error.errors()))}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        detail, headers = error.detail, error.headers
        if error.status_code == 400:  # FastAPI's own message does not say what to do
            detail = f"{detail}: send UTF-8 JSON as the schema at /docs shows"
        if error.status_code == 405:  # Starlette names the methods of the first route on the path only
            allowed = allowed_methods(app, request.scope)
            detail, headers = f"{request.method} is not allowed here; use {', '.join(allowed)}", {"Allow":
                                                                                                ", ".join(allowed)}
        return JSONResponse({"detail": detail}, status_code=error.status_code, headers=headers)


def allowed_methods(app: FastAPI, scope: Scope) -> list[str]:
    """The methods the OpenAPI document lists for this request's path (HEAD and OPTIONS aside)."""
    path = scope.get("path", "")
    methods = {method.upper() for template, operations in app.openapi()["paths"].items()
               if re.fullmatch(re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(template)), path) for method in operations}
    return sorted(methods)


def _plain(errors: list[dict]) -> list[dict]:
    """Validation errors without the raw input or exception objects (they may not serialise)."""
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
