"""Write seeds/gold/questions.jsonl from a list of (question, answer, kind, context) rows.

Offsets are found in the document text (the answer inside its context when given), so a gold
answer is always an exact substring; the dev/test split alternates by row.
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

source, document_path, output = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
text = document_path.read_text(encoding="utf-8")
rows = runpy.run_path(source)["Q"]
with open(output, "w", encoding="utf-8") as handle:
    for number, (question, answer, kind, context) in enumerate(rows, start=1):
        record = {"id": f"q{number:03d}", "question": question, "kind": kind,
                  "split": "dev" if number % 2 else "test", "doc_id": document_path.stem}
        if answer is None:
            record.update(answer=None, start=None, end=None)
        else:
            base = text.index(context) if context else 0
            start = text.index(answer, base)
            record.update(answer=answer, start=start, end=start + len(answer))
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
print(f"{len(rows)} questions -> {output}")
