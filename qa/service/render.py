"""Responses as plain JSON-ready dicts: the shape `/ask` returns and `qa ask --json` prints."""

from __future__ import annotations

from dataclasses import asdict

from qa.conversation.followups import Resolution
from qa.service.types import Cited, Response


def cited_json(cited: Cited) -> dict:
    """`{"text", "score", "citation"}`, plus `explain` when asked for; `page` only for paged documents."""
    citation = asdict(cited.citation)
    if citation.get("page") is None:
        citation.pop("page", None)
    out = {"text": cited.text, "score": cited.score, "citation": citation}
    if cited.explain is not None:
        out["explain"] = cited.explain
    return out


def response_json(response: Response) -> dict:
    """`{"question", "answer": null | {..., "sentence"}, "passages": [...], "resolved", "clarify"}`."""
    answer = None
    if response.answer is not None:
        answer = cited_json(response.answer)
        answer["sentence"] = cited_json(response.answer.sentence) if response.answer.sentence else None
    return {"question": response.question, "answer": answer,
            "passages": [cited_json(p) for p in response.passages],
            "resolved": resolved_json(response.resolved, response.explained),
            "clarify": asdict(response.clarify) if response.clarify else None}


def resolved_json(resolved: Resolution | None, explain: bool = False) -> dict | None:
    """`{"query", "from_turns"}`: what the question was read as, and which earlier turns it drew on; with
    `explain`, the words each turn lent."""
    if resolved is None:
        return None
    out: dict = {"query": resolved.query, "from_turns": resolved.from_turns}
    if explain:
        out["taken"] = [{"turn": taken.turn, "words": taken.words} for taken in resolved.taken]
    return out
