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

    @property
    def answerable(self) -> bool:
        return self.answer is not None

    @property
    def span(self) -> tuple[int, int]:
        """`(start, end)` of the answer; (0, 0) for an unanswerable question, which no passage contains."""
        return (self.start, self.end) if self.start is not None and self.end is not None else (0, 0)


def load_gold(path: Path) -> list[GoldQuestion]:
    """Read the project's JSONL gold format (one question object a line)."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            questions.append(GoldQuestion(**{k: record.get(k) for k in GoldQuestion.__dataclass_fields__
                                             if k in record}))
        except (ValueError, TypeError) as error:
            raise GoldSetError(f"{path}:{number}: not a gold question ({error}); see README, 'Gold set'") from error
    return questions
