"""Write questions.jsonl: the drafted questions with exact offsets into each document as the service reads it.

Usage: .venv/bin/python datasets/crossdoc/build_gold.py   (rerun when the way documents are read changes)

Also writes conversations.jsonl from conversations/drafts: follow-up questions with the earlier turns
(`history`) and the same question asked standalone (`standalone`).

Drafts (drafts/*.jsonl) quote each answer inside a sentence of evidence, as the text shows on screen.
The evidence is found in the document's text (`qa.documents.reading`), whitespace and typography
aside, and must occur exactly once; the answer is found inside the evidence and the key inside the
answer. Questions are split by document: every question about a dev document is dev, every
question about a test document is test (off-topic questions alternate). The release's own gold set
(seeds/gold) joins as dev, with its whole answer as the key.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from qa.documents.reading import Document, fold, load_documents, slug  # noqa: E402

# The last four were added later to fit on more kinds of text (a man page, numbered plain text, an HTML how-to, a
# README with tables), later still a licence with a list of definitions, and then an API reference in Markdown
# (headings over signatures, "Returns:" items, an options block); the test documents stayed as they were.
NEW_DEV = ("grep-manual", "menu-policy", "python-ipaddress-howto", "zstd-readme")
LICENCE_DEV = ("cc-by-sa-4-0",)
API_DEV = ("node-fetch-readme",)
DEV = ("dhs-human-smuggling-campaign", "python-faq-general", "users-and-groups", "copyright-format-1-0",
       "git-readme", "gzip-manual", "libpipeline-news", "libtasn1-manual", *NEW_DEV, *LICENCE_DEV, *API_DEV)
# The conversations are all over dev documents; they are split again, by document, to tune the follow-up
# reading on one half and report on the other.
CONVERSATION_DEV = ("dhs-human-smuggling-campaign", "python-faq-general", "users-and-groups", "gzip-manual", *NEW_DEV)
RELEASE_GOLD = ROOT / "seeds" / "gold" / "questions.jsonl"


class Squashed:
    """A text without whitespace, typography folded, remembering where each kept character came from."""

    def __init__(self, text: str) -> None:
        kept = [(i, c) for i, c in enumerate(fold(text)) if not c.isspace()]
        self.offsets = [i for i, _ in kept]
        self.text = "".join(c for _, c in kept)

    def find_all(self, needle: str, start: int = 0, end: int | None = None) -> list[int]:
        squashed = squash(needle)
        stop = len(self.text) if end is None else end
        return [m.start() for m in re.finditer(re.escape(squashed), self.text[:stop])
                if m.start() >= start] if squashed else []

    def span(self, index: int, needle: str) -> tuple[int, int]:
        """Offsets in the original text of the squashed match at `index`."""
        return self.offsets[index], self.offsets[index + len(squash(needle)) - 1] + 1


def squash(text: str) -> str:
    return "".join(c for c in fold(text) if not c.isspace())


def resolve(row: dict, document: Document, squashed: Squashed) -> dict:
    """Offsets of the answer (inside its unique evidence) and of the key (inside the answer)."""
    evidence = squashed.find_all(row["evidence"])
    if len(evidence) != 1:
        raise ValueError(f"evidence found {len(evidence)} times: {row['evidence'][:70]!r}")
    low = evidence[0]
    high = low + len(squash(row["evidence"]))
    answers = squashed.find_all(row["answer"], low, high)
    if not answers:
        raise ValueError(f"answer {row['answer']!r} not in its evidence")
    start, end = squashed.span(answers[0], row["answer"])
    keys = squashed.find_all(row["key"], answers[0], answers[0] + len(squash(row["answer"])))
    if not keys:
        raise ValueError(f"key {row['key']!r} not in the answer {row['answer']!r}")
    key_start, key_end = squashed.span(keys[0], row["key"])
    return {"answer": document.text[start:end], "start": start, "end": end,
            "key": document.text[key_start:key_end], "key_start": key_start, "key_end": key_end}


def main() -> int:
    documents = {d.doc_id: d for d in load_documents(HERE / "documents")}
    squashed = {doc_id: Squashed(d.text) for doc_id, d in documents.items()}
    rows, problems = build(HERE / "drafts", documents, squashed, lambda doc_id: doc_id in DEV)
    rows += release_rows()
    write(HERE / "questions.jsonl", rows, problems)
    turns, turn_problems = build(HERE / "conversations" / "drafts", documents, squashed,
                                 lambda doc_id: doc_id in CONVERSATION_DEV)
    write(HERE / "conversations.jsonl", turns, turn_problems)
    return 1 if problems or turn_problems else 0


def build(drafts: Path, documents: dict[str, Document], squashed: dict[str, Squashed],
          is_dev: Callable[[str], bool]) -> tuple[list[dict], int]:
    """Gold rows of every draft in `drafts` (offsets found in the documents) and the number of rows that failed."""
    rows, problems = [], 0
    for draft in sorted(drafts.glob("*.jsonl")):
        for number, line in enumerate(text for text in draft.read_text(encoding="utf-8").splitlines() if text.strip()):
            row = json.loads(line)
            doc_id = slug(Path(row["doc"]).stem) if row.get("doc") else None
            split = ("dev" if is_dev(doc_id) else "test") if doc_id else ("dev" if number % 2 else "test")
            record = {"id": f"{draft.stem}-{number + 1:02d}", "question": row["question"], "kind": row["kind"],
                      "split": split, "doc_id": doc_id}
            for optional in ("subkind", "history", "standalone"):
                if optional in row:
                    record[optional] = row[optional]
            if row.get("answer") is None:
                rows.append({**record, "answer": None, "start": None, "end": None})
                continue
            try:
                rows.append({**record, **resolve(row, documents[doc_id], squashed[doc_id])})
            except ValueError as error:
                problems += 1
                print(f"{draft.name}:{number + 1}: {error}", file=sys.stderr)
    return rows, problems


def write(path: Path, rows: list[dict], problems: int) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    answerable = sum(r["answer"] is not None for r in rows)
    print(f"{path.name}: {len(rows)} questions ({answerable} answerable, {len(rows) - answerable} unanswerable; "
          f"{sum(r['split'] == 'dev' for r in rows)} dev), {problems} problems")


def release_rows() -> list[dict]:
    """The release's gold set as dev questions; its answers are short already, so the key is the answer."""
    rows = []
    for line in RELEASE_GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        record = {**row, "id": f"release-{row['id']}", "split": "dev"}
        if row["answer"] is not None:
            record.update(key=row["answer"], key_start=row["start"], key_end=row["end"])
        rows.append(record)
    return rows


if __name__ == "__main__":
    sys.exit(main())
