"""Browser fixtures: a real `qa serve` on seed documents, two other local origins, headless Chromium.

(Every test under tests/e2e is marked `e2e` by the root conftest.)"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.helpers.browser import Origins, Widget
from tests.helpers.paths import RELEASE
from tests.helpers.servers import free_port, running

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

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


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(RELEASE, seeds)
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
    port = free_port()
    api = f"http://127.0.0.1:{port}"
    site = tmp_path_factory.mktemp("site")
    (site / "embed.html").write_text(EMBED_PAGE.format(api=api, service=f'service="{api}" '), encoding="utf-8")
    (site / "embed-default.html").write_text(EMBED_PAGE.format(api=api, service=""), encoding="utf-8")
    (site / "embed-persist.html").write_text(EMBED_PAGE.format(api=api, service=f'service="{api}" persist '),
                                             encoding="utf-8")
    allowed, blocked = _serve_files(site), _serve_files(site)
    try:
        found = Origins(api, *(f"http://127.0.0.1:{s.server_address[1]}" for s in (allowed, blocked)))
        folder = tmp_path_factory.mktemp("service")
        with running(folder, port=port, seeds_dir=seeds_dir, index_dir=folder / "index", cors_origins=found.allowed):
            yield found
    finally:
        allowed.shutdown()
        blocked.shutdown()


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
