"""Gold questions: a question with its answer span in one document, or no answer at all (project JSONL)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from qa.errors import GoldSetError


@dataclass(frozen=True)
class GoldQuestion:
    """A question with its answer span in one document, or no answer at all."""

    id: str
    question: str
    answer: str | None
    doc_id: str | None
    start: int | None
    end: int | None
    kind: str = "plain"
    split: str = "dev"
    key: str | None = None          # the part of the answer any right answer must hold (default: all of it)
    key_start: int | None = None
    key_end: int | None = None
    subkind: str | None = None      # for unanswerable questions: "near-miss" or "off-topic"
    history: tuple[tuple[str, str | None], ...] = ()  # earlier turns of a conversation: (question, answer shown)
    standalone: str | None = None   # a follow-up's question asked on its own, for comparison

    @property
    def answerable(self) -> bool:
        return self.answer is not None

    @property
    def span(self) -> tuple[int, int]:
        """`(start, end)` of the answer; (0, 0) for an unanswerable question, which no passage contains."""
        return (self.start, self.end) if self.start is not None and self.end is not None else (0, 0)

    @property
    def key_span(self) -> tuple[int, int]:
        """`(start, end)` of the key: what a passage must hold to be a hit, and an answer to be right."""
        if self.key_start is not None and self.key_end is not None:
            return self.key_start, self.key_end
        return self.span


def load_gold(path: Path) -> list[GoldQuestion]:
    """Read the project's JSONL gold format (one question object a line)."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if "history" in record:
                record["history"] = tuple((turn["question"], turn.get("answer")) for turn in record["history"] or ())
            questions.append(GoldQuestion(**{k: record.get(k) for k in GoldQuestion.__dataclass_fields__
                                             if k in record}))
        except (ValueError, TypeError, KeyError) as error:
            raise GoldSetError(f"{path}:{number}: not a gold question ({error}); see README, 'Gold set'") from error
    return questions
