"""Follow-up questions in the widget: the turns go with each question, "New conversation" forgets them,
and nothing is stored in the browser unless `persist` asks for it."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import Origins, Widget

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]


def ask(widget: Widget, question: str) -> tuple[dict, dict]:
    """Type and send `question`; the request body the widget sent and the reply, once rendered."""
    page = widget.page
    with page.expect_request(lambda r: r.url.endswith("/ask") and r.method == "POST") as sent, \
            page.expect_response(lambda r: r.url.endswith("/ask") and r.request.method == "POST") as replied:
        widget.input.fill(question)
        widget.input.press("Enter")
    expect(widget.replies.last).not_to_have_attribute("aria-busy", "true")
    return json.loads(sent.value.post_data or "{}"), replied.value.json()


def test_a_follow_up_is_answered_and_a_new_conversation_asks_which_one(widget: Widget) -> None:
    page = widget.page
    _, first = ask(widget, "What is Operation Sentinel?")
    body, data = ask(widget, "Who leads it?")
    assert body["history"] == [{"question": "What is Operation Sentinel?",
                                "answer": first["answer"]["text"] if first["answer"] else None}]
    assert "National Targeting Center" in data["answer"]["text"]
    reply = widget.replies.last
    expect(reply.locator(".answer-text")).to_contain_text("National Targeting Center")
    expect(reply.locator(".read-as p")).to_be_hidden()  # shown on demand
    reply.locator(".read-as summary").click()
    expect(reply.locator(".read-as p")).to_have_text("Read as: Who leads Operation Sentinel?")
    reply.locator(".marker").click()
    expect(widget.mark).to_have_text(data["answer"]["text"])
    page.keyboard.press("Escape")

    widget.press_until_focused("Shift+Tab", "button.new-conversation")  # reachable by keyboard
    page.keyboard.press("Enter")
    expect(page.locator("qa-chat [role=status]")).to_contain_text("New conversation")
    expect(page.locator("qa-chat li.question")).to_have_count(0)
    assert widget.focused() == "textarea"

    body, data = ask(widget, "Who leads it?")
    assert body["history"] == [] and data["answer"] is None
    expect(widget.replies.last).to_contain_text("Which one do you mean?")
    expect(widget.replies.last.locator(".candidates li").first).to_be_visible()
    assert page.evaluate("() => sessionStorage.length + localStorage.length") == 0  # nothing kept without `persist`


def test_persist_keeps_the_conversation_in_this_tab_only(open_widget, origins: Origins) -> None:
    widget: Widget = open_widget(f"{origins.allowed}/embed-persist.html")
    ask(widget, "What is Operation Sentinel?")
    widget.page.reload()
    widget.input.wait_for()
    expect(widget.page.locator("qa-chat li.question")).to_have_text(["You asked: What is Operation Sentinel?"])
    body, data = ask(widget, "Who leads it?")
    assert [turn["question"] for turn in body["history"]] == ["What is Operation Sentinel?"]
    assert "National Targeting Center" in data["answer"]["text"]
    widget.page.locator("qa-chat button.new-conversation").click()
    assert widget.page.evaluate("() => sessionStorage.length") == 0
