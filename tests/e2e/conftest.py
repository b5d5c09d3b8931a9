"""Browser fixtures: a real `qa serve` on seed documents, two other local origins, headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from .browser import ROOT, Origins, Widget

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
STARTUP_SECONDS = 180

# Untrusted text where a careless widget would build elements: the title (first line), passages, the body.
INJECTION_DOCUMENT = """\
Harbor Lighthouse Notice <img src=x onerror="window.__pwned = 'title'">

The Harbor Lighthouse keeper is Margaret Oyelaran <script>window.__pwned = 'script'</script> who inspects \
the lamp every Tuesday.
The lighthouse lamp was replaced in 2019 <img src=x onerror="window.__pwned = 'img'"> after a storm damaged the lens.
"""

# Non-BMP characters before and inside cited spans: UTF-16 offsets differ from the service's code-point offsets.
EMOJI_DOCUMENT = """\
🎉🎉 Riverside Lantern Festival 🏮🌊 Notes 🎆

The festival 🎈 opens with music 🎶 and lanterns 🏮 🏮 on the water 🌊.
The Riverside Lantern Festival is organised by the Willow Creek Rowing Club 🚣 every August.
Tickets 🎟️ cost twelve dollars for adults.
"""

EMBED_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A site embedding the widget</title>
<script src="{api}/widget.js" defer></script></head>
<body><h1>Another site</h1><qa-chat {service}title="Ask from another site"></qa-chat></body></html>
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(ROOT / "seeds" / "dhs-human-smuggling-campaign.txt", seeds)
    (seeds / "lighthouse-injection.txt").write_text(INJECTION_DOCUMENT, encoding="utf-8")
    (seeds / "lantern-festival-emoji.txt").write_text(EMOJI_DOCUMENT, encoding="utf-8")
    return seeds


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve_files(directory: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietFiles, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def origins(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Origins]:
    """Start the two embedding sites, then the service allowing only the first of them."""
    api = f"http://127.0.0.1:{_free_port()}"
    site = tmp_path_factory.mktemp("site")
    (site / "embed.html").write_text(EMBED_PAGE.format(api=api, service=f'service="{api}" '), encoding="utf-8")
    (site / "embed-default.html").write_text(EMBED_PAGE.format(api=api, service=""), encoding="utf-8")
    allowed, blocked = _serve_files(site), _serve_files(site)
    try:
        found = Origins(api, *(f"http://127.0.0.1:{s.server_address[1]}" for s in (allowed, blocked)))
        with _service(found, seeds_dir, tmp_path_factory.mktemp("index")):
            yield found
    finally:
        allowed.shutdown()
        blocked.shutdown()


@contextlib.contextmanager
def _service(origins: Origins, seeds: Path, index: Path) -> Iterator[None]:
    """`qa serve` as a subprocess, ready once GET /health answers 200; stopped by its PID."""
    log_path = index.parent / f"{index.name}-server.log"
    # Only the settings this suite chooses: a developer's own QA_* variables must not leak in.
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")} | {
        "QA_SEEDS_DIR": str(seeds), "QA_INDEX_DIR": str(index), "QA_CORS_ORIGINS": origins.allowed,
        "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "qa.cli", "serve", "--host", "127.0.0.1", "--port", origins.api.rsplit(":", 1)[1]]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_healthy(origins.api, process, log_path)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_healthy(api: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`qa serve` exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"`qa serve` not healthy after {STARTUP_SECONDS} s:\n{log_path.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing; install it with `apt-get install -y chromium chromium-driver`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh browser context; an uncaught error in any page script fails the test."""
    context = chromium.new_context(viewport={"width": 1000, "height": 800})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[Exception] = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"


@pytest.fixture
def open_widget(page: Page) -> Callable[[str], Widget]:
    def open_(url: str) -> Widget:
        page.goto(url)
        page.locator("qa-chat textarea").wait_for()
        return Widget(page)

    return open_


@pytest.fixture
def widget(open_widget: Callable[[str], Widget], origins: Origins) -> Widget:
    """The demo page, served by the API itself."""
    return open_widget(f"{origins.api}/")
