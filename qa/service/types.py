"""What the service returns: cited passages and answers, responses, and the outcome of corpus changes."""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.conversation.followups import Resolution


@dataclass(frozen=True)
class Citation:
    """Where a text comes from: `document.text[start:end]` is the cited text exactly."""

    doc_id: str
    title: str
    source: str
    start: int
    end: int
    page: int | None = None  # 1-based page, for documents with page breaks (PDF uploads)


@dataclass(frozen=True)
class Cited:
    """A piece of a document with its score and citation; `explain` holds per-stage evidence."""

    text: str
    score: float
    citation: Citation
    explain: dict | None = None


@dataclass(frozen=True)
class AnswerText(Cited):
    """The answer span, with the sentence that supports it."""

    sentence: Cited | None = None


@dataclass(frozen=True)
class Clarification:
    """Instead of a guess at what a follow-up points back to: the question to ask and what it might mean."""

    message: str
    candidates: list[str]  # headings or titles of the passages the question brought up


@dataclass(frozen=True)
class Response:
    question: str
    answer: AnswerText | None
    passages: list[Cited]
    timings: dict[str, float] = field(default_factory=dict, compare=False)  # seconds per stage and "total"
    resolved: Resolution | None = None     # how the question was read against the conversation
    clarify: Clarification | None = None   # set when a follow-up points back at nothing
    explained: bool = False                # asked with `explain`: per-stage evidence is included


@dataclass(frozen=True)
class CorpusChange:
    """The outcome of a write: the document added or removed (None for a reindex) and the index now serving."""

    doc_id: str | None
    title: str | None
    source: str | None
    index_version: str
    documents: int
    passages: int
    embedded_texts: int
    changed: bool
