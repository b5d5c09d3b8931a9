"""Read gold sets (project JSONL, SQuAD 2.0 JSON, BEIR folders) and the corpus each one is asked over."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from qa.documents.reading import slug
from qa.errors import GoldSetError
from qa.evaluation.gold import GoldQuestion, load_gold
from qa.settings import Settings

Format = Literal["jsonl", "squad", "beir"]
SEEDS, INDEX = "seeds", "index"


@dataclass(frozen=True)
class SpanGold:
    """Questions with answer spans (or none), and the settings whose seeds the offsets point into."""

    questions: list[GoldQuestion]
    settings: Settings
    format: Format


@dataclass(frozen=True)
class RetrievalGold:
    """BEIR: queries with graded document relevance; `doc_ids` maps the qa doc_id back to the corpus id."""

    queries: dict[str, str]
    qrels: dict[str, dict[str, float]]
    doc_ids: dict[str, str]
    settings: Settings
    format: Format = field(default="beir")


def detect_format(path: Path) -> Format:
    """A .jsonl file, a .json file (SQuAD) or a folder holding corpus.jsonl (BEIR)."""
    if path.is_dir() and (path / "corpus.jsonl").is_file():
        return "beir"
    if path.is_file() and path.suffix.lower() == ".jsonl":
        return "jsonl"
    if path.is_file() and path.suffix.lower() == ".json":
        return "squad"
    if not path.exists():
        raise GoldSetError(f"gold set {path} does not exist; pass --gold with a .jsonl, a SQuAD .json "
                           "or a BEIR folder")
    raise GoldSetError(f"cannot tell the format of {path}: use a .jsonl file, a SQuAD 2.0 .json file "
                       "or a BEIR folder with corpus.jsonl, queries.jsonl and qrels/")


def load_gold_set(path: Path, settings: Settings, workdir: Path, corpus: Path | None = None,
                  index: Path | None = None) -> SpanGold | RetrievalGold:
    """Read any supported gold set; SQuAD and BEIR corpora are written as seeds under `workdir`.

    A .jsonl set is asked over `corpus`, else a documents/ folder beside it, else the configured
    seeds; a corpus of its own is indexed in `index` (default: under `workdir`).
    """
    kind = detect_format(path)
    if kind == "jsonl":
        corpus = corpus or (path.parent / "documents" if (path.parent / "documents").is_dir() else None)
        if corpus is None:
            return SpanGold(read_jsonl(path), settings, "jsonl")
        if not corpus.is_dir():
            raise GoldSetError(f"--corpus {corpus} is not a folder of documents")
        own = settings.model_copy(update={"seeds_dir": corpus, "index_dir": index or workdir / INDEX})
        return SpanGold(read_jsonl(path), own, "jsonl")
    corpus_settings = settings.model_copy(update={"seeds_dir": workdir / SEEDS, "index_dir": workdir / INDEX})
    if kind == "squad":
        contexts, questions = read_squad(path)
        write_seeds(contexts, corpus_settings.seeds_dir)
        return SpanGold(questions, corpus_settings, "squad")
    texts, queries, qrels = read_beir(path)
    doc_ids = write_seeds(texts, corpus_settings.seeds_dir)
    return RetrievalGold(queries, qrels, doc_ids, corpus_settings)


def read_jsonl(path: Path) -> list[GoldQuestion]:
    """The project's own format, checked: every answerable question names a document and a span."""
    try:
        questions = load_gold(path)
    except AttributeError as error:  # a line that is JSON but not an object
        raise GoldSetError(f"{path}: every line must be a JSON object ({error}); see README, 'Gold set'") from error
    for gold in questions:
        if gold.answerable and not (gold.doc_id and isinstance(gold.start, int) and isinstance(gold.end, int)):
            raise GoldSetError(f"{path}: question {gold.id} has an answer but no doc_id, start and end; "
                               "add them or set answer to null")
    return _non_empty(questions, path)


def read_squad(path: Path) -> tuple[dict[str, str], list[GoldQuestion]]:
    """SQuAD 2.0: each paragraph context becomes a document; `answer_start` becomes its offset there."""
    document = _json(path)
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, list):
        raise GoldSetError(f"{path}: not SQuAD 2.0 JSON (no top-level 'data' list)")
    contexts: dict[str, str] = {}
    questions: list[GoldQuestion] = []
    try:
        for article in data:
            for paragraph in article["paragraphs"]:
                doc_id = f"{slug(article.get('title') or 'paragraph')}-{len(contexts):04d}"
                contexts[doc_id] = paragraph["context"]
                questions += [_squad_question(qa, doc_id, paragraph["context"]) for qa in paragraph["qas"]]
    except (KeyError, TypeError) as error:
        raise GoldSetError(f"{path}: SQuAD record without {error}; each paragraph needs 'context' and "
                           "'qas', each question 'id', 'question' and 'answers'") from error
    return contexts, _non_empty(questions, path)


def _squad_question(qa: dict[str, Any], doc_id: str, context: str) -> GoldQuestion:
    answers = qa.get("answers") or []
    if qa.get("is_impossible") or not answers:
        return GoldQuestion(str(qa["id"]), qa["question"], None, None, None, None, "unanswerable",
                            qa.get("split", "dev"))
    text, start = answers[0]["text"], _aligned_start(context, answers[0]["text"], answers[0]["answer_start"])
    return GoldQuestion(str(qa["id"]), qa["question"], text, doc_id, start, start + len(text), "plain",
                        qa.get("split", "dev"))


def _aligned_start(context: str, text: str, start: int) -> int:
    """`answer_start`, or the nearest occurrence of the answer when the given offset is off by a few."""
    if context[start:start + len(text)] == text:
        return start
    found = [i for i in range(len(context)) if context.startswith(text, i)]
    if not found:
        raise GoldSetError(f"answer {text!r} does not occur in its context; fix the SQuAD file")
    return min(found, key=lambda i: abs(i - start))


def read_beir(folder: Path) -> tuple[dict[str, str], dict[str, str], dict[str, dict[str, float]]]:
    """BEIR: (corpus id -> text, query id -> text, query id -> {corpus id: gain}) for judged queries."""
    corpus = {str(r["_id"]): _beir_text(r) for r in _jsonl_records(folder / "corpus.jsonl", ("_id", "text"))}
    queries = {str(r["_id"]): r["text"] for r in _jsonl_records(folder / "queries.jsonl", ("_id", "text"))}
    qrels = read_qrels(_qrels_file(folder))
    unknown = sorted({d for gains in qrels.values() for d in gains} - corpus.keys())
    if unknown:
        raise GoldSetError(f"{folder}: qrels name corpus ids not in corpus.jsonl: {', '.join(unknown[:5])}")
    judged = {q: gains for q, gains in qrels.items() if q in queries and any(g > 0 for g in gains.values())}
    if not judged:
        raise GoldSetError(f"{folder}: no query in queries.jsonl has a positive qrel")
    return corpus, {q: queries[q] for q in judged}, judged


def _beir_text(record: dict[str, Any]) -> str:
    """Title on the first line (it becomes the document title), then the text."""
    title = (record.get("title") or "").strip()
    return f"{title}\n\n{record['text']}" if title else record["text"]


def _qrels_file(folder: Path) -> Path:
    candidates = sorted((folder / "qrels").glob("*.tsv"))
    preferred = folder / "qrels" / "test.tsv"
    if preferred.is_file():
        return preferred
    if len(candidates) == 1:
        return candidates[0]
    raise GoldSetError(f"{folder}/qrels must hold test.tsv or exactly one .tsv file (found {len(candidates)})")


def read_qrels(path: Path) -> dict[str, dict[str, float]]:
    """query-id, corpus-id, score rows (a header row is skipped)."""
    qrels: dict[str, dict[str, float]] = {}
    with path.open(encoding="utf-8", newline="") as rows:
        for number, row in enumerate(csv.reader(rows, delimiter="\t"), start=1):
            if not row or (number == 1 and row[0] == "query-id"):
                continue
            try:
                query, doc, score = row[0], row[1], float(row[2])
            except (IndexError, ValueError) as error:
                raise GoldSetError(f"{path}:{number}: expected 'query-id<TAB>corpus-id<TAB>score'") from error
            qrels.setdefault(query, {})[doc] = score
    return qrels


def write_seeds(texts: dict[str, str], seeds_dir: Path) -> dict[str, str]:
    """One .txt per text, named so the qa doc_id is a slug of the key; returns qa doc_id -> key."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    doc_ids: dict[str, str] = {}
    for key, text in texts.items():
        doc_id, number = slug(key), 1
        while doc_id in doc_ids:  # keys that slug alike get numbered ids
            doc_id, number = f"{slug(key)}-{number}", number + 1
        doc_ids[doc_id] = key
        (seeds_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
    return doc_ids


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise GoldSetError(f"{path}: not valid JSON ({error})") from error


def _jsonl_records(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    if not path.is_file():
        raise GoldSetError(f"{path} is missing; a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise GoldSetError(f"{path}:{number}: not valid JSON ({error})") from error
        if not isinstance(record, dict) or any(key not in record for key in required):
            raise GoldSetError(f"{path}:{number}: each line needs {', '.join(required)}")
        records.append(record)
    return records


def _non_empty(questions: list[GoldQuestion], path: Path) -> list[GoldQuestion]:
    if not questions:
        raise GoldSetError(f"{path} holds no questions; add at least one")
    return questions
