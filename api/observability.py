"""What the service tells its operators: Prometheus metrics, request ids, one JSON log line per request."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics, generate_latest
from prometheus_client.core import GaugeMetricFamily
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-ID"
METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
STAGES = ("embed", "search", "answer")
_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
log = logging.getLogger("qa.api")


class Metrics:
    """One registry per app: request counts and latency per route and status, stage latency, corpus size."""

    def __init__(self, corpus: object) -> None:
        disable_created_metrics()  # `*_created` series double the output and nobody here reads them
        self.registry = CollectorRegistry(auto_describe=True)
        labels = ["method", "route", "status"]
        self.requests = Counter("qa_http_requests", "HTTP requests served", labels, registry=self.registry)
        self.latency = Histogram("qa_http_request_duration_seconds", "HTTP request latency", labels,
                                 buckets=_LATENCY_BUCKETS, registry=self.registry)
        stage = Histogram("qa_stage_duration_seconds", "Time inside QuestionAnswerer per stage", ["stage"],
                          buckets=_STAGE_BUCKETS, registry=self.registry)
        self._stages = {name: stage.labels(name) for name in STAGES}
        self.registry.register(_CorpusCollector(corpus))

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route, str(status)).observe(seconds)

    def observe_stages(self, timings: dict[str, float]) -> None:
        """The service's stage hook: one call per question or search."""
        for name, seconds in timings.items():
            if name in self._stages:
                self._stages[name].observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _CorpusCollector:
    """Corpus gauges read from the serving index at scrape time, so they are never stale."""

    def __init__(self, state: object) -> None:
        self.state = state

    def describe(self) -> list:
        return []

    def collect(self) -> Iterator[GaugeMetricFamily]:
        service = getattr(self.state, "service", None)
        if service is None:
            return
        corpus = service.snapshot.corpus
        documents = GaugeMetricFamily("qa_index_documents", "Documents in the serving index")
        documents.add_metric([], len(corpus.documents))
        passages = GaugeMetricFamily("qa_index_passages", "Passages in the serving index")
        passages.add_metric([], len(corpus.passages))
        info = GaugeMetricFamily("qa_index_info", "The serving index version", labels=["version"])
        info.add_metric([corpus.version], 1)
        yield from (documents, passages, info)


def server_timing(timings: dict[str, float]) -> str:
    """A Server-Timing header value in milliseconds: `embed;dur=9.1, search;dur=0.4, ...`."""
    return ", ".join(f"{name};dur={seconds * 1000:.2f}" for name, seconds in timings.items())


class RequestObserver:
    """Gives every request an id (the client's X-Request-ID when well-formed), echoes it, and records
    the request's route, status and latency in the metrics and as one JSON log line."""

    def __init__(self, app: ASGIApp, metrics: Metrics, known_paths: frozenset[str]) -> None:
        self.app, self.metrics, self.known_paths = app, metrics, known_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        given = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"x-request-id"), "")
        rid = given if _VALID_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = self._route(scope)
            self.metrics.observe_request(scope["method"], route, status, seconds)
            level = logging.INFO if status < 500 else logging.WARNING if status == 503 else logging.ERROR
            log.log(level, "request", extra={
                "method": scope["method"], "path": scope["path"], "route": route, "status": status,
                "duration_ms": round(seconds * 1000, 2), "client": (scope.get("client") or ("-",))[0]})
            request_id.reset(token)

    def _route(self, scope: Scope) -> str:
        """The route template (`/documents/{doc_id}`), so labels stay few whatever the paths asked for."""
        route = scope.get("route")
        if route is not None and getattr(route, "path", None):
            return route.path
        return scope["path"] if scope["path"] in self.known_paths else "other"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and any `extra` fields."""

    _STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}

    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                 "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage(),
                 "request_id": request_id.get()}
        entry.update({k: v for k, v in vars(record).items() if k not in self._STANDARD})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_logging() -> None:
    """JSON lines on stderr for the `qa` loggers (once per process); our request line replaces uvicorn's
    access log."""
    logger = logging.getLogger("qa")
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    logging.getLogger("uvicorn.access").disabled = True
