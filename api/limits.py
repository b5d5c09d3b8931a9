"""Request limits as ASGI middleware: a token bucket per client IP, and a cap on request bodies."""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import RateLimitedError, error_response
from qa.errors import TooLargeError


class TokenBucket:
    """Per-client buckets of `burst` tokens refilled at `rate` a second; a request takes one token.

    The least recently seen client is forgotten past `max_clients` (it comes back with a full bucket),
    so memory stays bounded whatever the number of addresses.
    """

    def __init__(self, rate: float, burst: int, exempt: list[str] | None = None, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.exempt = rate, burst, frozenset(exempt or ())
        self.max_clients, self.clock = max_clients, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (tokens, last seen)
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when `client` may go ahead, else the seconds until it has a token again."""
        if self.rate <= 0 or client in self.exempt:
            return 0.0
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[client] = (tokens - 1 if tokens >= 1 else tokens, now)
            if len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        return wait


class RateLimit:
    """429 with Retry-After once a client's bucket is empty.

    The client is the peer's address; behind a proxy on this machine, the first address of
    X-Forwarded-For (a remote peer cannot choose its key by sending that header). Clients on this
    machine are not limited when `exempt_loopback` (scripts and evaluations run there); the clients a
    local proxy forwards still are.
    """

    def __init__(self, app: ASGIApp, bucket: TokenBucket, exempt_loopback: bool = True) -> None:
        self.app, self.bucket, self.exempt_loopback = app, bucket, exempt_loopback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            client = limited_client(scope, self.exempt_loopback)
            wait = self.bucket.take(client) if client is not None else 0.0
            if wait:
                error = RateLimitedError(f"too many requests from {client}; retry in {math.ceil(wait)} s. For bulk "
                                         "work send up to 100 questions per request to POST /ask/batch, or run the "
                                         "script on the service's machine (loopback is not limited)", wait)
                await error_response(error)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def limited_client(scope: Scope, exempt_loopback: bool) -> str | None:
    """The address a request is counted against, or None when it is not limited."""
    peer = (scope.get("client") or ("unknown", 0))[0]
    if not _loopback(peer):
        return peer
    forwarded = Headers(scope=scope).get("x-forwarded-for", "").split(",")[0].strip()
    if forwarded:
        return forwarded
    return None if exempt_loopback else peer


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


class BodyLimit:
    """413 for a body over its cap: at once from Content-Length, or as soon as the stream passes it."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, uploads: dict[tuple[str, str], int]) -> None:
        self.app, self.max_body_bytes, self.uploads = app, max_body_bytes, uploads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.uploads.get((scope["method"], scope["path"]), self.max_body_bytes)
        message = (f"the request body is over {limit:,} bytes; send less (uploads: QA_MAX_UPLOAD_BYTES, "
                   "other requests: QA_MAX_BODY_BYTES)")
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await error_response(TooLargeError(message))(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            item = await receive()
            received += len(item.get("body", b""))
            if received > limit:  # raised inside the route, so the exception handlers render it
                raise HTTPException(413, detail=message)
            return item

        await self.app(scope, limited, send)
