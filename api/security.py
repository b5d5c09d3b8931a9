"""Who may call what (API keys, compared in constant time) and the security headers of every response."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from pathlib import Path

from fastapi import Request, Security
from fastapi.security import APIKeyHeader
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ForbiddenError, MissingKeyError
from qa.settings import Settings

KEY_HEADER = "X-API-Key"
write_key = APIKeyHeader(name=KEY_HEADER, auto_error=False, scheme_name="APIKey",
                         description="one of the keys in QA_API_KEYS (writes), or QA_READ_API_KEYS (reads, when set)")


class Keys:
    """The configured keys, kept as SHA-256 digests so every comparison takes the same time."""

    def __init__(self, settings: Settings) -> None:
        self.write = [_digest(k.get_secret_value()) for k in settings.api_keys]
        self.read = [_digest(k.get_secret_value()) for k in settings.read_api_keys]

    @staticmethod
    def matches(given: str | None, digests: list[bytes]) -> bool:
        """Whether `given` is one of the keys; every key is compared, so the time says nothing."""
        candidate = _digest(given or "")
        found = False
        for digest in digests:
            found |= hmac.compare_digest(candidate, digest)
        return found and given is not None


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


async def require_write_key(request: Request, key: str | None = Security(write_key)) -> None:
    """Writes need one of QA_API_KEYS; with none configured they are refused outright."""
    keys: Keys = request.app.state.keys
    if not keys.write:
        raise ForbiddenError("writes are disabled: set QA_API_KEYS to one or more comma-separated keys and send "
                             f"one in the {KEY_HEADER} header")
    if Keys.matches(key, keys.write):
        return
    if Keys.matches(key, keys.read):
        raise ForbiddenError(f"this key may only read; send one of QA_API_KEYS in {KEY_HEADER} to change documents")
    raise MissingKeyError(f"send one of QA_API_KEYS in the {KEY_HEADER} header" if key is None
                          else f"the {KEY_HEADER} sent is not one of QA_API_KEYS; check the key")


async def require_read_key(request: Request) -> None:
    """Reads are open unless QA_READ_API_KEYS is set; then a read or a write key is needed."""
    keys: Keys = request.app.state.keys
    if not keys.read:
        return
    if not Keys.matches(request.headers.get(KEY_HEADER), keys.read + keys.write):
        raise MissingKeyError(f"reads need a key here: send one of QA_READ_API_KEYS in the {KEY_HEADER} header")


def page_policy(page: Path, settings: Settings) -> dict[str, str]:
    """Headers of the demo page: a CSP allowing only this origin (and the page's own inline style, by hash)."""
    styles = re.findall(r"<style[^>]*>(.*?)</style>", page.read_text(encoding="utf-8"), re.DOTALL)
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in styles)
    framers = " ".join(["'self'", *settings.cors_origins])  # sites allowed to call the API may also frame it
    policy = (f"default-src 'none'; script-src 'self'; style-src 'self' {hashes}; connect-src 'self'; "
              f"img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors {framers}")
    return {"Content-Security-Policy": policy, "Cross-Origin-Opener-Policy": "same-origin"}


class SecurityHeaders:
    """nosniff and no referrer on every response; widget.js says it may be loaded by any site."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        embeddable = scope["path"] == "/widget.js"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if embeddable:
                    headers["Cross-Origin-Resource-Policy"] = "cross-origin"
            await send(message)

        await self.app(scope, receive, send_with_headers)

