"""The widget embedded on other sites: QA_CORS_ORIGINS decides, and the browser enforces it."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import ConsoleMessage, expect

from tests.helpers.browser import Origins, Widget

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

QUESTION = "who leads Operation Sentinel?"


@pytest.mark.parametrize("page_name", ["embed.html", "embed-default.html"])
def test_allowed_origin_gets_answers_and_documents(open_widget, origins: Origins, page_name: str) -> None:
    # embed-default.html has no `service` attribute: the widget must use the origin of its script, not the page's.
    widget: Widget = open_widget(f"{origins.allowed}/{page_name}")
    with widget.page.expect_response(lambda r: r.url == f"{origins.api}/ask" and r.request.method == "POST") as asked:
        widget.input.fill(QUESTION)
        widget.input.press("Enter")
    assert asked.value.headers.get("access-control-allow-origin") == origins.allowed
    data = asked.value.json()

    expect(widget.replies.last.locator(".answer-text")).to_contain_text("National Targeting Center")
    widget.replies.last.locator(".marker").click()
    expect(widget.mark).to_have_text(data["answer"]["text"])


def test_other_origin_is_refused_by_the_browser(open_widget, origins: Origins) -> None:
    widget: Widget = open_widget(f"{origins.blocked}/embed.html")
    console: list[ConsoleMessage] = []
    widget.page.on("console", lambda message: console.append(message))
    widget.input.fill(QUESTION)
    widget.input.press("Enter")

    reply = widget.replies.last
    expect(reply).to_contain_text("Could not reach the question service")
    expect(reply.locator(".retry")).to_be_visible()
    expect(reply.locator(".answer-text")).to_have_count(0)
    assert any("CORS policy" in message.text for message in console), [m.text for m in console]
    assert httpx.get(f"{origins.api}/health", timeout=5).status_code == 200  # refused, not down
