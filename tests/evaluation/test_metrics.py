"""qa.metrics against hand-computed cases, and nDCG's bounds as properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.evaluation.metrics import (
    calibration_bins,
    calibration_error,
    contains,
    exact_match,
    hit_at_k,
    ndcg_at_k,
    normalise_answer,
    percentile,
    recall_at_k,
    reciprocal_rank,
    token_f1,
)


@pytest.mark.parametrize(("rank", "k", "expected"), [(1, 1, 1.0), (3, 3, 1.0), (4, 3, 0.0), (None, 10, 0.0)])
def test_hit_at_k(rank: int | None, k: int, expected: float) -> None:
    assert hit_at_k(rank, k) == expected


@pytest.mark.parametrize(("rank", "cutoff", "expected"),
                         [(1, 10, 1.0), (4, 10, 0.25), (10, 10, 0.1), (11, 10, 0.0), (3, 2, 0.0), (None, 10, 0.0)])
def test_reciprocal_rank_stops_at_the_cutoff(rank: int | None, cutoff: int, expected: float) -> None:
    assert reciprocal_rank(rank, cutoff) == pytest.approx(expected)


def test_recall_at_k_counts_relevant_ids_in_the_top_k() -> None:
    ranked = ["a", "x", "b", "y", "c"]
    assert recall_at_k(ranked, {"a", "b", "c"}, 1) == pytest.approx(1 / 3)
    assert recall_at_k(ranked, {"a", "b", "c"}, 3) == pytest.approx(2 / 3)
    assert recall_at_k(ranked, {"a", "b", "c"}, 10) == 1.0
    assert recall_at_k(ranked, {"z"}, 5) == 0.0
    assert recall_at_k(ranked, set(), 5) == 0.0


def test_ndcg_with_graded_gains_matches_the_hand_computed_value() -> None:
    gains = {"a": 3.0, "b": 2.0, "c": 1.0}
    ranked = ["c", "x", "a", "b"]
    dcg = 1 / math.log2(2) + 3 / math.log2(4) + 2 / math.log2(5)
    ideal = 3 / math.log2(2) + 2 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at_k(ranked, gains, 10) == pytest.approx(dcg / ideal)


def test_ndcg_cutoff_ignores_later_results_but_keeps_the_ideal() -> None:
    gains = {"a": 1.0, "b": 1.0}
    assert ndcg_at_k(["x", "a", "b"], gains, 2) == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))
    assert ndcg_at_k(["x", "y", "a"], gains, 2) == 0.0


def test_ndcg_without_positive_gains_is_zero() -> None:
    assert ndcg_at_k(["a", "b"], {"a": 0.0}, 10) == 0.0
    assert ndcg_at_k([], {"a": 1.0}, 10) == 0.0


gains_strategy = st.dictionaries(st.sampled_from("abcdefghijkl"), st.integers(0, 3).map(float), min_size=1)


@given(gains=gains_strategy, k=st.integers(1, 12))
def test_ndcg_of_the_ideal_ordering_is_one(gains: dict[str, float], k: int) -> None:
    ideal = sorted(gains, key=lambda doc: -gains[doc])
    expected = 1.0 if any(g > 0 for g in gains.values()) else 0.0
    assert ndcg_at_k(ideal, gains, k) == pytest.approx(expected)


@given(ranking=st.permutations(list("abcdefghijkl")), gains=gains_strategy, k=st.integers(1, 12))
def test_ndcg_is_never_above_one(ranking: list[str], gains: dict[str, float], k: int) -> None:
    assert 0.0 <= ndcg_at_k(ranking, gains, k) <= 1.0 + 1e-12


@pytest.mark.parametrize(("text", "expected"), [
    ("The  Department of Justice.", "department of justice"),
    ("an Apple, a pear", "apple pear"),
    ("\u201cQuoted\u201d \u2018text\u2019", "quoted text"),
    ("$5 million (50%)", "$5 million 50%"),
])
def test_normalise_answer(text: str, expected: str) -> None:
    assert normalise_answer(text) == expected


def test_exact_match_ignores_case_articles_and_punctuation() -> None:
    assert exact_match("the National Targeting Center.", "National targeting center") == 1.0
    assert exact_match("National Targeting", "National Targeting Center") == 0.0


def test_token_f1_partial_overlap() -> None:
    # prediction 4 tokens, gold 3 tokens, 2 in common: precision 1/2, recall 2/3, F1 4/7
    assert token_f1("Justice Department said today", "Department of Justice") == pytest.approx(4 / 7)
    assert token_f1("Department of Justice", "the Department of Justice") == 1.0
    assert token_f1("nothing shared", "Department of Justice") == 0.0


def test_token_f1_counts_repeated_tokens_once_each() -> None:
    # common tokens are a multiset intersection: "x x y" and "x y y" share one x and one y
    assert token_f1("x x y", "x y y") == pytest.approx(2 / 3)


def test_token_f1_of_empty_answers() -> None:
    assert token_f1("", "") == 1.0
    assert token_f1("the", "") == 1.0  # both normalise to nothing
    assert token_f1("", "Justice") == 0.0


@pytest.mark.parametrize(("outer", "inner", "expected"),
                         [((0, 10), (2, 5), True), ((0, 10), (0, 10), True), ((2, 10), (0, 5), False),
                          ((0, 4), (2, 5), False)])
def test_contains(outer: tuple[int, int], inner: tuple[int, int], expected: bool) -> None:
    assert contains(outer, inner) is expected


def test_percentile_interpolates_linearly() -> None:
    values = [40.0, 10.0, 30.0, 20.0]
    assert percentile(values, 0) == 10.0
    assert percentile(values, 100) == 40.0
    assert percentile(values, 50) == pytest.approx(25.0)
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) == 0.0


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=50), st.floats(0, 100))
def test_percentile_lies_within_the_values(values: list[float], q: float) -> None:
    assert min(values) - 1e-6 <= percentile(values, q) <= max(values) + 1e-6


def test_calibration_bins_and_error_by_hand() -> None:
    scored = [(0.95, True), (0.85, True), (0.9, False), (0.15, False), (0.1, False)]
    bins = calibration_bins(scored)
    assert bins == [(0.125, 0.0, 2), (0.85, 1.0, 1), (0.925, 0.5, 2)]
    # |0.125 - 0| * 2 + |0.85 - 1| * 1 + |0.925 - 0.5| * 2, over 5
    assert calibration_error(scored) == pytest.approx((0.25 + 0.15 + 0.85) / 5)
    assert calibration_error([(1.0, True), (0.0, False)]) == 0.0 and calibration_error([]) == 0.0
