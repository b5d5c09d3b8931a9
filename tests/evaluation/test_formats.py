"""Gold sets in SQuAD and BEIR form become seeds whose offsets and ids map back, and evaluate end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.documents.reading import load_documents
from qa.embedding import load_embedder
from qa.embedding.base import Embedder
from qa.errors import GoldSetError
from qa.evaluation.cli import main as eval_main
from qa.evaluation.formats import (
    RetrievalGold,
    SpanGold,
    detect_format,
    load_gold_set,
    read_beir,
    read_squad,
    write_seeds,
)
from qa.settings import Settings
from tests.helpers.paths import ROOT

LIGHTHOUSE = ("The Fastnet lighthouse stands on a rock off the coast of Ireland. It was completed in 1904 "
              "after seven years of work. Its light can be seen from 27 nautical miles away.")
BREAD = ("Sourdough bread rises with a culture of wild yeast and lactic acid bacteria. Bakers feed the "
         "starter with flour and water every day. A long fermentation gives the crumb its sour taste.")
VOLCANO = ("Mount Etna is an active volcano on the east coast of Sicily. It is the tallest active volcano "
           "in Europe outside the Caucasus. Eruptions in 2021 sent ash as far as Catania airport.")


def squad_json() -> dict:
    return {"version": "v2.0", "data": [
        {"title": "Fastnet Lighthouse", "paragraphs": [{"context": LIGHTHOUSE, "qas": [
            {"id": "s1", "question": "When was the Fastnet lighthouse completed?", "is_impossible": False,
             "answers": [{"text": "1904", "answer_start": LIGHTHOUSE.index("1904")}]},
            {"id": "s2", "question": "Who designed the Fastnet lighthouse?", "is_impossible": True,
             "answers": [], "plausible_answers": [{"text": "Ireland", "answer_start": 53}]},
        ]}]},
        {"title": "Bread", "paragraphs": [{"context": BREAD, "qas": [
            {"id": "s3", "question": "What does a sourdough starter get fed with?", "is_impossible": False,
             # off by three, as hand-made SQuAD files sometimes are; the nearest occurrence is used
             "answers": [{"text": "flour and water", "answer_start": BREAD.index("flour and water") + 3}]},
        ]}, {"context": VOLCANO, "qas": [
            {"id": "s4", "question": "Where is Mount Etna?", "is_impossible": False,
             "answers": [{"text": "on the east coast of Sicily", "answer_start": VOLCANO.index("on the east")}]},
        ]}]},
    ]}


@pytest.fixture
def squad_file(tmp_path: Path) -> Path:
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(squad_json()), encoding="utf-8")
    return path


def write_beir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    corpus = [{"_id": "Doc-1", "title": "Fastnet", "text": LIGHTHOUSE},
              {"_id": "doc_2", "title": "", "text": BREAD},
              {"_id": "doc 3", "title": "Etna", "text": VOLCANO},
              {"_id": "d4", "title": "Tea", "text": "Green tea is made from leaves that are steamed or pan fired."}]
    queries = [{"_id": "q1", "text": "Its light can be seen from 27 nautical miles away."},
               {"_id": "q2", "text": "Bakers feed the starter with flour and water every day."},
               {"_id": "q3", "text": "Eruptions in 2021 sent ash as far as Catania airport."},
               {"_id": "q-unjudged", "text": "green tea"}]
    (folder / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in corpus) + "\n", encoding="utf-8")
    (folder / "queries.jsonl").write_text("\n".join(json.dumps(r) for r in queries) + "\n", encoding="utf-8")
    (folder / "qrels").mkdir(exist_ok=True)
    rows = ["query-id\tcorpus-id\tscore", "q1\tDoc-1\t2", "q1\td4\t0", "q2\tdoc_2\t1", "q3\tdoc 3\t1"]
    (folder / "qrels" / "test.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def beir_folder(tmp_path: Path) -> Path:
    return write_beir(tmp_path / "beir")


def test_detect_format(squad_file: Path, beir_folder: Path) -> None:
    assert detect_format(ROOT / "seeds" / "gold" / "questions.jsonl") == "jsonl"
    assert detect_format(squad_file) == "squad"
    assert detect_format(beir_folder) == "beir"


def test_unknown_or_missing_gold_is_a_gold_set_error(tmp_path: Path) -> None:
    (tmp_path / "gold.csv").write_text("id,question\n", encoding="utf-8")
    with pytest.raises(GoldSetError, match="cannot tell the format"):
        detect_format(tmp_path / "gold.csv")
    with pytest.raises(GoldSetError, match="does not exist"):
        detect_format(tmp_path / "nowhere.jsonl")


def test_squad_offsets_slice_the_context_to_the_answer(squad_file: Path) -> None:
    contexts, questions = read_squad(squad_file)
    assert len(contexts) == 3 and len(questions) == 4
    for gold in (q for q in questions if q.answerable):
        assert contexts[gold.doc_id or ""][gold.start:gold.end] == gold.answer
    fed = next(q for q in questions if q.id == "s3")
    assert fed.start == BREAD.index("flour and water")


def test_squad_impossible_questions_are_unanswerable(squad_file: Path) -> None:
    _, questions = read_squad(squad_file)
    impossible = next(q for q in questions if q.id == "s2")
    assert not impossible.answerable and impossible.kind == "unanswerable" and impossible.doc_id is None


def test_squad_seeds_map_back_to_the_question_documents(squad_file: Path, tmp_path: Path) -> None:
    gold = load_gold_set(squad_file, Settings(), tmp_path / "work")
    assert isinstance(gold, SpanGold) and gold.settings.seeds_dir == tmp_path / "work" / "seeds"
    documents = {d.doc_id: d for d in load_documents(gold.settings.seeds_dir)}
    for question in (q for q in gold.questions if q.answerable):
        assert documents[question.doc_id or ""].text[question.start:question.end] == question.answer


def test_squad_answer_missing_from_its_context_is_an_error(tmp_path: Path) -> None:
    data = squad_json()
    data["data"][0]["paragraphs"][0]["qas"][0]["answers"][0]["text"] = "1905"
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldSetError, match="does not occur"):
        read_squad(tmp_path / "bad.json")


@pytest.mark.parametrize("content", ["{not json", '{"version": "v2"}', '{"data": [{"paragraphs": [{}]}]}'])
def test_malformed_squad_is_a_gold_set_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(GoldSetError):
        read_squad(tmp_path / "bad.json")


def test_beir_reads_graded_qrels_for_judged_queries(beir_folder: Path) -> None:
    corpus, queries, qrels = read_beir(beir_folder)
    assert set(corpus) == {"Doc-1", "doc_2", "doc 3", "d4"}
    assert corpus["Doc-1"].startswith("Fastnet\n\n") and corpus["doc_2"] == BREAD
    assert set(queries) == {"q1", "q2", "q3"}  # q-unjudged has no qrel, q1's zero grade is kept but not relevant
    assert qrels["q1"] == {"Doc-1": 2.0, "d4": 0.0} and qrels["q3"] == {"doc 3": 1.0}


def test_beir_doc_ids_map_back_to_corpus_ids(beir_folder: Path, tmp_path: Path) -> None:
    gold = load_gold_set(beir_folder, Settings(), tmp_path / "work")
    assert isinstance(gold, RetrievalGold)
    documents = load_documents(gold.settings.seeds_dir)
    assert {gold.doc_ids[d.doc_id] for d in documents} == {"Doc-1", "doc_2", "doc 3", "d4"}


def test_keys_that_slug_alike_get_distinct_documents(tmp_path: Path) -> None:
    doc_ids = write_seeds({"Doc 1": "first text", "doc-1": "second text", "DOC_1": "third text"}, tmp_path)
    documents = load_documents(tmp_path)
    assert len(documents) == 3
    assert {d.doc_id: d.text for d in documents} == dict(zip(doc_ids, ["first text", "second text", "third text"],
                                                             strict=True))


@pytest.mark.parametrize(("file", "content", "message"), [
    ("corpus.jsonl", '{"_id": "x"}\n', "each line needs _id, text"),
    ("queries.jsonl", "not json\n", "not valid JSON"),
    ("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\tDoc-1\n", "expected 'query-id"),
    ("qrels/test.tsv", "q1\tmissing-doc\t1\n", "not in corpus.jsonl"),
])
def test_malformed_beir_is_a_gold_set_error(beir_folder: Path, file: str, content: str, message: str) -> None:
    (beir_folder / file).write_text(content, encoding="utf-8")
    with pytest.raises(GoldSetError, match=message):
        read_beir(beir_folder)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return load_embedder(Settings())


def run_eval_json(argv: list[str], embedder: Embedder, capsys: pytest.CaptureFixture[str]) -> dict:
    assert eval_main([*argv, "--json"], Settings(), embedder=embedder) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_beir_queries_that_quote_their_document_are_found(beir_folder: Path, embedder: Embedder,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    result = run_eval_json(["--gold", str(beir_folder), "--compare", "dense,bm25,hybrid"], embedder, capsys)
    assert result["format"] == "beir"
    for mode, metrics in result["modes"].items():
        assert metrics["questions"] == 3
        assert metrics["recall@10"] == 1.0, mode
        assert metrics["recall@1"] == 1.0, mode  # each quote's own document comes first
        assert metrics["ndcg@10"] == 1.0, mode


@pytest.mark.slow
def test_squad_end_to_end_cites_the_temporary_corpus(squad_file: Path, embedder: Embedder,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    metrics = run_eval_json(["--gold", str(squad_file), "--compare", "hybrid"], embedder, capsys)["modes"]["hybrid"]
    assert metrics["questions"] == 4 and metrics["unanswerable"] == 1
    assert metrics["recall@10"] == 1.0
    assert metrics["citation_fidelity"] == 1.0
