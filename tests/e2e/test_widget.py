"""The chat widget in a real browser against a real service: answers, citations, safety, access."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.helpers.browser import Origins, Widget
from tests.helpers.paths import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

SCREENSHOT = ROOT / "docs" / "widget-screenshot.png"
WIDGET_JS = ROOT / "api" / "static" / "widget.js"


def _document_text(origins: Origins, doc_id: str) -> str:
    return httpx.get(f"{origins.api}/documents/{doc_id}", timeout=10).json()["text"]


def _shadow_count(page: Page, selector: str) -> int:
    return page.evaluate("s => document.querySelector('qa-chat').shadowRoot.querySelectorAll(s).length", selector)


def test_answer_cites_and_opens_the_exact_span(widget: Widget, origins: Origins) -> None:
    data = widget.ask("who leads Operation Sentinel?")
    answer = data["answer"]
    assert answer is not None and "National Targeting Center" in answer["text"]

    reply = widget.replies.last
    expect(reply.locator(".answer-text")).to_contain_text("National Targeting Center")
    expect(reply.locator(".source-title").first).to_contain_text(answer["citation"]["title"])
    expect(reply.locator("blockquote").first).to_contain_text(answer["text"])
    reply.locator(".marker").click()

    expect(widget.viewer).to_be_visible()
    expect(widget.mark).to_be_in_viewport()
    citation = answer["citation"]
    document = _document_text(origins, citation["doc_id"])
    assert widget.mark.text_content() == document[citation["start"]:citation["end"]] == answer["text"]
    assert widget.page.locator("qa-chat .viewer-body").text_content() == document  # the whole text, verbatim
    expect(widget.page.locator("qa-chat .viewer-body p")).to_have_count(0)  # no "document changed" warning


def test_highlight_counts_code_points_not_utf16_units(widget: Widget, origins: Origins) -> None:
    data = widget.ask("Who organises the Riverside Lantern Festival?")
    answer = data["answer"]
    assert answer is not None and answer["text"] == "Willow Creek Rowing Club"
    document = _document_text(origins, answer["citation"]["doc_id"])
    start, end = answer["citation"]["start"], answer["citation"]["end"]
    naive = document.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le", errors="replace")
    assert naive != answer["text"], "the emoji document must make UTF-16 slicing wrong"

    widget.replies.last.locator(".marker").click()
    expect(widget.mark).to_have_text(answer["text"])
    widget.page.keyboard.press("Escape")

    # A passage with emoji inside its span, opened from "More passages".
    doc_id = answer["citation"]["doc_id"]
    inside = next(p for p in data["passages"] if "🌊" in p["text"] and p["citation"]["doc_id"] == doc_id)
    widget.replies.last.locator("summary").click()
    widget.replies.last.locator(".source-title", has_text=f"[{data['passages'].index(inside) + 2}]").click()
    expect(widget.mark).to_have_text(inside["text"])
    assert widget.mark.text_content() == document[inside["citation"]["start"]:inside["citation"]["end"]]


def test_unanswerable_question_says_not_in_the_documents(widget: Widget) -> None:
    data = widget.ask("What is the capital of France?")
    assert data["answer"] is None
    reply = widget.replies.last
    expect(reply).to_contain_text("Not in the documents")
    expect(reply.locator(".answer-text")).to_have_count(0)
    expect(reply.locator(".source")).to_have_count(len(data["passages"]))
    expect(reply.locator("blockquote").first).to_have_text(data["passages"][0]["text"])
    expect(widget.page.locator("qa-chat [role=status]")).to_contain_text("Not in the documents")


def test_service_text_renders_as_inert_text(widget: Widget) -> None:
    question = "<img src=x onerror=\"window.__pwned = 'question'\"> Who is the Harbor Lighthouse keeper?"
    data = widget.ask(question)
    assert data["answer"] is not None and "Margaret Oyelaran" in data["answer"]["text"]
    reply = widget.replies.last
    expect(reply.locator(".answer-text")).to_contain_text("Margaret Oyelaran")
    expect(reply.locator("blockquote").first).to_contain_text("<script>window.__pwned = 'script'</script>")
    expect(reply.locator(".source-title").first).to_contain_text("<img src=x onerror=")
    expect(widget.page.locator("qa-chat li.question").last).to_contain_text(question)
    reply.locator("summary").click()
    reply.locator(".marker").click()
    expect(widget.mark).to_have_text(data["answer"]["text"])
    body = widget.page.locator("qa-chat .viewer-body")
    expect(body).to_contain_text("<img src=x onerror=\"window.__pwned = 'img'\">")

    widget.page.wait_for_load_state("networkidle")  # a created <img src=x> would have failed and fired by now
    assert _shadow_count(widget.page, "img, script") == 0
    assert widget.page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert widget.page.evaluate("() => window.__pwned") is None


def test_widget_source_never_parses_html() -> None:
    source = WIDGET_JS.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, f"widget.js uses {sink}"


def test_keyboard_only_conversation(widget: Widget) -> None:
    page = widget.page
    widget.press_until_focused("Tab", "textarea")
    page.keyboard.type("who leads Operation Sentinel?")
    page.keyboard.press("Shift+Enter")
    assert widget.input.input_value() == "who leads Operation Sentinel?\n"
    expect(page.locator("qa-chat li.question")).to_have_count(0)
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    expect(widget.replies.last.locator(".answer-text")).to_contain_text("National Targeting Center")
    assert widget.focused() == "textarea"
    expect(page.locator("qa-chat [role=status]")).to_contain_text("National Targeting Center")

    widget.press_until_focused("Shift+Tab", "button.marker")
    page.keyboard.press("Enter")
    expect(widget.mark).to_be_in_viewport()
    for _ in range(4):  # Tab cycles inside the open viewer
        page.keyboard.press("Tab")
        assert page.evaluate("() => { const r = document.querySelector('qa-chat').shadowRoot;"
                             " return r.querySelector('dialog').contains(r.activeElement); }")
    page.keyboard.press("Escape")
    expect(widget.viewer).to_be_hidden()
    assert widget.focused() == "button.marker"
    widget.press_until_focused("Tab", "textarea")


def test_fits_a_360px_screen(widget: Widget) -> None:
    page = widget.page
    page.set_viewport_size({"width": 360, "height": 740})
    widget.ask("who leads Operation Sentinel?")
    widget.replies.last.locator("summary").click()
    widget.ask("What is the capital of France?")
    expect(widget.replies.last).to_contain_text("Not in the documents")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert page.evaluate("() => { const t = document.querySelector('qa-chat').shadowRoot.querySelector('.transcript');"
                         " return t.scrollWidth <= t.clientWidth; }")
    widget.replies.first.locator(".marker").click()
    expect(widget.mark).to_be_in_viewport()
    box = widget.viewer.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


# Relative luminance and contrast per WCAG 2.x, for every visible text node in the widget.
CONTRAST_FAILURES = """() => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const parent = (n) => n.parentElement || (n.getRootNode() && n.getRootNode().host) || null;
    const background = (node) => {
        for (let n = node; n; n = parent(n)) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
            if (c[3] > 0) throw new Error("translucent background on " + n.className);
        }
        return [255, 255, 255];
    };
    const ratio = (a, b) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (light + 0.05) / (dark + 0.05);
    };
    const root = document.querySelector("qa-chat").shadowRoot;
    const failures = [];
    for (const node of root.querySelectorAll("*")) {
        const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
        if (!own || !node.getClientRects().length || node.closest(".visually-hidden")) continue;
        const value = ratio(rgb(getComputedStyle(node).color).slice(0, 3), background(node));
        if (value < 4.5) failures.push(`${node.tagName}.${node.className} ${value.toFixed(2)}: ${node.textContent}`);
    }
    const box = root.querySelector("textarea");
    const placeholder = ratio(rgb(getComputedStyle(box, "::placeholder").color).slice(0, 3), background(box));
    if (placeholder < 4.5) failures.push(`placeholder ${placeholder.toFixed(2)}`);
    return failures;
}"""


def test_text_meets_wcag_aa_contrast(widget: Widget) -> None:
    page = widget.page
    assert page.evaluate(CONTRAST_FAILURES) == []  # the empty widget
    widget.ask("who leads Operation Sentinel?")
    widget.replies.last.locator("summary").click()
    widget.ask("What is the capital of France?")
    page.route("**/ask", lambda route: route.fulfill(status=500, json={"detail": "boom"}))
    widget.input.fill("anything")
    widget.input.press("Enter")
    expect(widget.replies.last.locator(".retry")).to_be_visible()
    assert page.evaluate(CONTRAST_FAILURES) == []  # an answer, a non-answer and an error
    widget.replies.first.locator(".marker").click()
    expect(widget.mark).to_be_visible()
    assert page.evaluate(CONTRAST_FAILURES) == []  # the document viewer


def test_screenshot_of_the_demo_answering(widget: Widget) -> None:
    page = widget.page
    page.set_viewport_size({"width": 900, "height": 900})
    widget.ask("who leads Operation Sentinel?")
    expect(widget.replies.last.locator(".answer-text")).to_contain_text("National Targeting Center")
    expect(page.locator("qa-chat h2")).to_have_text("Ask the DHS release")  # the demo's `title` attribute
    widget.input.blur()
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
