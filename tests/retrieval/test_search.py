from __future__ import annotations

from types import SimpleNamespace

import pytest

from qa.documents.chunking import Passage
from qa.documents.words import Speller, words
from qa.retrieval.fusion import fuse_weighted
from qa.retrieval.search import distinct
from qa.settings import MODES
from qa.storage.faiss.bm25 import BM25Index
from qa.storage.protocol import Ranking


@pytest.mark.parametrize("mode", MODES)
def test_names_and_acronyms_are_found_in_every_mode(service, mode: str) -> None:
    for query, expected in [("Operation Sentinel", "2. Operation Sentinel"), ("JTFA", "3. Joint Task Force Alpha")]:
        passages = service.search(query, top_k=3, mode=mode)
        assert any(p.text.startswith(expected) for p in passages), (mode, query)


def test_bm25_finds_a_misspelt_name(service) -> None:
    [top] = service.search("operation sentinal", top_k=1, mode="bm25")
    assert top.text.startswith("2. Operation Sentinel")


def test_explain_reports_each_stage(service) -> None:
    passages = service.search("who leads Operation Sentinel?", top_k=5, mode="hybrid", explain=True)
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    for passage in passages:
        assert set(passage.explain) == {"dense_score", "dense_rank", "bm25_score", "bm25_rank", "fused_score"}
    top_bm25 = max(p.explain["bm25_score"] or 0.0 for p in service.search("who leads Operation Sentinel?", top_k=20,
                                                                           mode="hybrid", explain=True))
    for passage in passages:
        weight = service.settings.dense_weight
        expected = weight * (passage.explain["dense_score"] or 0) \
            + (1 - weight) * (passage.explain["bm25_score"] or 0) / top_bm25
        assert passage.explain["fused_score"] == pytest.approx(expected, rel=1e-4)


def test_returned_passages_are_distinct(service) -> None:
    passages = service.search("DHS smuggling", top_k=20)
    spans = [(p.citation.start, p.citation.end) for p in passages]
    assert len(set(spans)) == len(spans)


def test_a_passage_half_inside_a_better_one_is_dropped() -> None:
    # The release's passages never overlap by half, so the search above cannot show it: passages by sentences.
    sentences = {0: (0, 2), 1: (2, 4), 2: (3, 4), 3: (4, 6), 4: (0, 2)}
    corpus = SimpleNamespace(passages=[Passage(n, "d", 0, 1, "x", first, last) for n, (first, last) in
                                       sentences.items()])
    assert distinct(corpus, [1, 2, 3, 0, 4], top_k=10) == [1, 3, 0]  # 2: both its sentences in 1; 4: a copy of 0
    assert distinct(corpus, [1, 2, 3, 0, 4], top_k=2) == [1, 3]


def test_page_furniture_is_never_returned(service) -> None:
    for query in ["TSP Board system upgrades", "Retirement Legislation full compensation pay caps", "Previous Next"]:
        for passage in service.search(query, top_k=20):
            assert "TSP Board" not in passage.text and "Retirement Legislation" not in passage.text
            assert passage.text.strip() not in ("Previous", "Next")


def test_the_bm25_ceiling_is_every_query_term_at_its_best() -> None:
    texts = ["the cat sat on the mat", "a dog chased the cat", "birds fly high", "cat cat cat food"]
    index = BM25Index(texts, Speller(w for text in texts for w in words(text)))
    for query in ("cat", "dog food", "high cat"):
        query_terms = index.query_terms(query)
        best_each = sum(float(index.retriever.get_scores([term]).max()) for term in query_terms)
        assert index.ceiling(query_terms) == pytest.approx(best_each, rel=1e-5)
        assert index.ceiling(query_terms) >= index.scores(query_terms).max()
    both = index.query_terms("dog food")
    assert index.ceiling(both) > index.scores(both).max()  # no passage holds both words


def test_bm25_meets_the_words_of_a_camel_case_name() -> None:
    texts = ["* maxResponseSize - Set to -1 to disable.", "* bodyTimeout - The timeout of a body.",
             "The number of retries."]
    index = BM25Index(texts, Speller(w for text in texts for w in words(text, humps=True)))
    scores = index.scores(index.query_terms("how do I limit the response size?"))
    assert scores[0] > 0 and scores[1] == scores[2] == 0
    assert index.query_terms("maxResponseSize") == ["maxresponses"]  # the whole name, stemmed as one word


def test_a_lexical_match_counts_by_its_share_of_a_full_match() -> None:
    dense = Ranking({1: (0.85, 1), 2: (0.45, 2)})
    partial = Ranking({2: (1.0, 1)}, ceiling=4.0)  # passage 2 matches a quarter of what a full match would
    assert max(fuse_weighted(dense, partial).items(), key=lambda kv: kv[1])[0] == 1
    full = Ranking({2: (1.0, 1)}, ceiling=1.0)  # its match is all there is to match
    assert max(fuse_weighted(dense, full).items(), key=lambda kv: kv[1])[0] == 2
    assert fuse_weighted(dense, Ranking({2: (1.0, 1)})) == fuse_weighted(dense, full)  # no ceiling: scaled by the best
