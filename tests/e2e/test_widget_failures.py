"""The widget when the service fails: a short message, a Retry button that works, an input that never freezes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Route, expect

from tests.helpers.browser import Widget

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

ASK = "**/ask"
QUESTION = "who leads Operation Sentinel?"

FAILURES: dict[str, tuple[Callable[[Route], None], str]] = {
    "service down": (lambda route: route.abort("connectionrefused"), "Could not reach the question service"),
    "server error": (lambda route: route.fulfill(status=500, json={"detail": "boom"}),
                     "The service had a problem (HTTP 500): boom"),
    "proxy error page": (lambda route: route.fulfill(status=502, content_type="text/html",
                                                     body="<h1>Bad gateway</h1><img src=x onerror='window.__pwned=1'>"),
                         "The service had a problem (HTTP 502)."),
    "index loading": (lambda route: route.fulfill(status=503, json={"detail": "the index is still loading"}),
                      "The service is not ready (HTTP 503): the index is still loading"),
    "refused question": (lambda route: route.fulfill(status=422, json={"detail": "question: must contain text"}),
                         "could not take this request (HTTP 422): question: must contain text"),
}


def _recovers_on_retry(widget: Widget) -> None:
    reply = widget.replies.last
    reply.locator(".retry").click()
    expect(reply.locator(".answer-text")).to_contain_text("National Targeting Center")
    expect(reply.locator(".retry")).to_have_count(0)
    assert widget.focused() == "textarea"


@pytest.mark.parametrize("failure", FAILURES)
def test_failure_is_reported_and_retry_recovers(widget: Widget, failure: str) -> None:
    fail, message = FAILURES[failure]
    widget.page.route(ASK, fail)
    widget.input.fill(QUESTION)
    widget.input.press("Enter")

    reply = widget.replies.last
    expect(reply).to_contain_text(message)
    expect(reply.locator(".retry")).to_be_visible()
    expect(widget.page.locator("qa-chat [role=status]")).to_contain_text(message)
    assert widget.page.evaluate("() => window.__pwned") is None
    widget.input.fill("the input still works")
    expect(widget.input).to_have_value("the input still works")

    widget.page.unroute(ASK)
    _recovers_on_retry(widget)


def test_slow_service_times_out_while_the_input_stays_usable(widget: Widget) -> None:
    held: list[Route] = []
    widget.page.evaluate("() => document.querySelector('qa-chat').setAttribute('timeout', '1')")
    widget.page.route(ASK, lambda route: held.append(route))  # never answered: the widget's own timeout must fire
    widget.input.fill(QUESTION)
    widget.input.press("Enter")

    reply = widget.replies.last
    expect(reply.locator(".pending")).to_have_text("Searching the documents…")
    expect(reply).to_have_attribute("aria-busy", "true")
    widget.input.fill("typing while it waits")
    expect(widget.input).to_have_value("typing while it waits")
    expect(reply).to_contain_text("The service did not answer within 1 second.", timeout=5_000)
    expect(reply).not_to_have_attribute("aria-busy", "true")

    widget.page.unroute(ASK)
    widget.page.evaluate("() => document.querySelector('qa-chat').removeAttribute('timeout')")
    _recovers_on_retry(widget)
    assert len(held) == 1


def test_document_that_fails_to_load_can_be_retried_in_the_viewer(widget: Widget) -> None:
    data = widget.ask(QUESTION)
    documents = "**/documents/**"
    widget.page.route(documents, lambda route: route.fulfill(status=404, json={"detail": "no document here"}))
    widget.replies.last.locator(".marker").click()

    expect(widget.viewer).to_contain_text("Not found (HTTP 404): no document here")
    assert widget.focused() == "button.close"
    widget.page.unroute(documents)
    widget.viewer.locator(".retry").click()
    expect(widget.mark).to_have_text(data["answer"]["text"])
    assert widget.focused() == "button.close"
    widget.page.keyboard.press("Escape")
    expect(widget.viewer).to_be_hidden()
    assert widget.focused() == "button.marker"
