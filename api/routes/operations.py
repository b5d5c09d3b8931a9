"""Operations: health, Prometheus metrics, and the demo page with the widget script."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, PlainTextResponse, Response

from api import schemas
from api.dependencies import READ, get_service
from api.observability import METRICS_CONTENT_TYPE
from api.responses import FastJSON, error_responses
from api.security import page_policy
from qa.service.answerer import QuestionAnswerer
from qa.settings import Settings

STATIC = Path(__file__).resolve().parents[1] / "static"


def operations_router(settings: Settings) -> APIRouter:
    """The routes whose headers depend on the settings (the demo page's CSP lists the allowed origins)."""
    router = APIRouter(tags=["service"])
    demo_headers = page_policy(STATIC / "index.html", settings)

    @router.get("/health", response_model=schemas.HealthOut, responses=error_responses(429, 503))
    def health(service: QuestionAnswerer = Depends(get_service)) -> FastJSON:
        """Liveness, corpus size, index version and model."""
        return FastJSON(service.health())

    @router.get("/metrics", response_class=PlainTextResponse, dependencies=READ,
                responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                                 "description": "Prometheus text format"}, **error_responses(401, 429)})
    def metrics(request: Request) -> Response:
        """Request counts and latency per route and status, per-stage latency, corpus size (Prometheus)."""
        return Response(request.app.state.metrics.render(), media_type=METRICS_CONTENT_TYPE)

    @router.get("/", include_in_schema=False)
    def demo_page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html", headers=demo_headers)

    @router.get("/widget.js", include_in_schema=False)
    def widget_script() -> FileResponse:
        return FileResponse(STATIC / "widget.js", media_type="text/javascript")

    return router
