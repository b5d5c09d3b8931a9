"""Request and response models of the HTTP contract (pydantic lives only here)."""

from __future__ import annotations

# The schema states the real limits: at most MAX_QUESTION_CHARS characters, at least one not whitespace.
# Requests are strict: 0 is not false and "5" is not 5, so a confused client hears about it.
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from qa.conversation.followups import MAX_TURNS, Turn
from qa.documents.uploads import MAX_TITLE_CHARS
from qa.settings import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, MAX_TOP_K, Mode

HAS_TEXT = r"\S"  # somewhere a character that is not whitespace
_NOT_CONTROL = r"[^\x00-\x08\x0b\x0e-\x1f\x7f]"  # the control characters a note may not hold (as uploads.py)
PLAIN_TEXT = rf"^{_NOT_CONTROL}*[^\s\x00-\x08\x0b\x0e-\x1f\x7f]{_NOT_CONTROL}*$"


def _stripped(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise ValueError("must contain text, not only whitespace")
    return stripped


# A question (or a search query): stripped before use; stripping only shortens it, so the limit holds.
QuestionText = Annotated[str, Field(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=HAS_TEXT,
                                    description=f"1 to {MAX_QUESTION_CHARS} characters, not only whitespace"),
                         AfterValidator(_stripped)]


class TurnIn(BaseModel):
    """An earlier turn of the conversation, as the client showed it."""

    model_config = ConfigDict(extra="forbid", strict=True)

    question: QuestionText
    answer: str | None = Field(None, max_length=MAX_ANSWER_CHARS,
                               description="the answer text shown for it; null or left out when none was")


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={
        "examples": [{"question": "who leads Operation Sentinel?", "top_k": 5},
                     {"question": "Who leads it?", "history": [{"question": "What is Operation Sentinel?",
                                                                "answer": None}]}]})

    question: QuestionText
    top_k: int = Field(5, ge=1, le=MAX_TOP_K)
    mode: Mode | None = Field(None, description="retrieval mode; default from settings")
    explain: bool = Field(False, description="add per-stage scores and ranks to every passage, and the words "
                                             "each earlier turn lent to the question")
    history: list[TurnIn] = Field(default_factory=list, max_length=MAX_TURNS,
                                  description=f"the conversation's earlier turns, oldest first (at most "
                                              f"{MAX_TURNS}); a follow-up such as 'Who leads it?' is read with "
                                              f"them. The server keeps no conversation state.")

    def turns(self) -> list[Turn]:
        return [Turn(turn.question, turn.answer) for turn in self.history]


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={
        "examples": [{"query": "Joint Task Force Alpha", "top_k": 5}]})

    query: QuestionText
    top_k: int = Field(5, ge=1, le=MAX_TOP_K)
    mode: Mode | None = None
    explain: bool = False


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    questions: list[AskRequest] = Field(..., min_length=1, max_length=100)


class CitationOut(BaseModel):
    doc_id: str
    title: str
    source: str
    start: int
    end: int
    page: int | None = Field(None, description="1-based page, only for documents with pages (PDF uploads)")


class PassageOut(BaseModel):
    text: str
    score: float
    citation: CitationOut
    explain: dict | None = None


class AnswerOut(PassageOut):
    sentence: PassageOut | None = None


class TakenOut(BaseModel):
    turn: int = Field(..., description="position of the turn in `history`, 0 = oldest")
    words: list[str]


class ResolvedOut(BaseModel):
    query: str = Field(..., description="the question as read: what retrieval and the answer used")
    from_turns: list[int] = Field(..., description="the turns of `history` it drew on (empty: it stands alone)")
    taken: list[TakenOut] | None = Field(None, description="with `explain`: the words each turn lent")


class ClarifyOut(BaseModel):
    message: str = Field(..., description='"Which one do you mean?"')
    candidates: list[str] = Field(..., description="headings or titles of the passages the question brought up")


class AskResponse(BaseModel):
    question: str
    answer: AnswerOut | None
    passages: list[PassageOut]
    resolved: ResolvedOut
    clarify: ClarifyOut | None = Field(None, description="set, with a null answer, when a follow-up points back "
                                                         "at nothing the conversation names")


class BatchResponse(BaseModel):
    results: list[AskResponse]


class SearchResponse(BaseModel):
    passages: list[PassageOut]


class DocumentSummary(BaseModel):
    doc_id: str
    title: str
    source: str
    length: int


class DocumentOut(BaseModel):
    doc_id: str
    title: str
    source: str
    text: str


class HealthOut(BaseModel):
    """Served while the index and its store answer; otherwise 503 with Retry-After and the reason."""

    status: str
    documents: int
    passages: int
    index_version: str
    built_at: str
    model: str
    backend: str
    store: str = Field(..., description="faiss or milvus; a Milvus that does not answer makes /health a 503")
    startup_seconds: dict[str, float] = Field(..., description="how long each start-up step took: interpreter and "
                                                               "imports, model, store, index check, index load, "
                                                               "warm-up, total")


class ErrorOut(BaseModel):
    detail: str | list


class DocumentNote(BaseModel):
    """A document sent as JSON; stored as a .txt whose first line is the title."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={
        "examples": [{"title": "Harbor notice", "text": "The harbor closes at 6 pm on Sundays."}]})

    title: str = Field(..., min_length=1, max_length=MAX_TITLE_CHARS, pattern=PLAIN_TEXT,
                       description="text, not only whitespace, without control characters")
    text: str = Field(..., min_length=1, pattern=PLAIN_TEXT,
                      description="text, not only whitespace, without control characters (tabs and new lines are "
                                  "fine)")


class ChangeOut(BaseModel):
    """The outcome of a write: the document touched and the index version now serving."""

    doc_id: str | None
    title: str | None
    source: str | None
    index_version: str
    documents: int
    passages: int
    embedded_texts: int = Field(..., description="texts embedded by this change; unchanged documents reuse theirs")
    changed: bool


UPLOAD_BODY = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary",
                                "description": "a file named .txt, .rst or .md (UTF-8 text), .html or .htm (UTF-8, "
                                               "or the encoding its markup declares) or .pdf (with a text layer); "
                                               "anything else is refused with 415, an unreadable "
                                               "file with 422, the same content twice with 409"}}},
        "encoding": {"file": {"contentType": "text/plain, text/x-rst, text/markdown, text/html, application/xhtml+xml, "
                                             "application/pdf, application/octet-stream"}}},
    "application/json": {"schema": DocumentNote.model_json_schema()},
}}}
