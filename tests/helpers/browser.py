"""What the browser tests share: where things run, and a driver for the widget."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page


@dataclass(frozen=True)
class Origins:
    """Where things run: the API, a site QA_CORS_ORIGINS allows, and one it does not."""

    api: str
    allowed: str
    blocked: str


class Widget:
    """Drives the <qa-chat> on a page the way a reader does (locators pierce its open shadow root)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.input = page.locator("qa-chat textarea")
        self.replies = page.locator("qa-chat li.reply")
        self.viewer = page.locator("qa-chat dialog")
        self.mark = page.locator("qa-chat dialog mark")

    def ask(self, question: str) -> dict:
        """Type `question`, press Enter and return the service's /ask JSON."""
        with self.page.expect_response(lambda r: r.url.endswith("/ask") and r.request.method == "POST") as reply:
            self.input.fill(question)
            self.input.press("Enter")
        return reply.value.json()

    def focused(self) -> str:
        """The focused element inside the widget as `tag.class`, or "" when focus is elsewhere."""
        return self.page.evaluate("""() => {
            const active = document.querySelector("qa-chat").shadowRoot.activeElement;
            return active ? [active.tagName.toLowerCase(), ...active.classList].join(".") : "";
        }""")

    def press_until_focused(self, key: str, target: str, limit: int = 25) -> None:
        for _ in range(limit):
            if self.focused() == target:
                return
            self.page.keyboard.press(key)
        assert self.focused() == target, f"{key} x{limit} never reached {target}"
