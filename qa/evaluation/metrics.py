"""Retrieval and answer metrics, as plain functions over ranks and spans."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence


def hit_at_k(first_relevant_rank: int | None, k: int) -> float:
    """1.0 when the first relevant result is within the top k (ranks are 1-based)."""
    return 1.0 if first_relevant_rank is not None and first_relevant_rank <= k else 0.0


def reciprocal_rank(first_relevant_rank: int | None, cutoff: int = 10) -> float:
    """1 / rank of the first relevant result, 0 beyond the cutoff (MRR@cutoff per query)."""
    return 1.0 / first_relevant_rank if first_relevant_rank is not None and first_relevant_rank <= cutoff else 0.0


def recall_at_k(ranked_ids: Sequence[str], relevant: set[str], k: int) -> float:
    """Share of the relevant ids found in the top k."""
    if not relevant:
        return 0.0
    return len(set(ranked_ids[:k]) & relevant) / len(relevant)


def ndcg_at_k(ranked_ids: Sequence[str], gains: dict[str, float], k: int = 10) -> float:
    """Normalised discounted cumulative gain with graded relevance; never above 1."""
    dcg = sum(gains.get(doc, 0.0) / math.log2(rank + 2) for rank, doc in enumerate(ranked_ids[:k]))
    ideal = sorted((g for g in gains.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def normalise_answer(text: str) -> str:
    """SQuAD normalisation: lower case, no punctuation, no articles, single spaces."""
    text = re.sub(r"[\u2018\u2019\u201c\u201d]", "'", text.lower())
    text = re.sub(r"[^\w\s$%]", " ", text)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction: str, gold: str) -> float:
    return 1.0 if normalise_answer(prediction) == normalise_answer(gold) else 0.0


def token_f1(prediction: str, gold: str) -> float:
    """Harmonic mean of token precision and recall between normalised answers."""
    predicted, expected = normalise_answer(prediction).split(), normalise_answer(gold).split()
    if not predicted or not expected:
        return float(predicted == expected)
    common = sum((Counter(predicted) & Counter(expected)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """True when span `outer` covers span `inner`."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def calibration_bins(scored: Sequence[tuple[float, bool]], bins: int = 10) -> list[tuple[float, float, int]]:
    """(mean score, share right, count) per equal-width score bin that holds anything: a reliability diagram."""
    groups: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for score, right in scored:
        groups[min(bins - 1, max(0, int(score * bins)))].append((score, right))
    return [(sum(s for s, _ in g) / len(g), sum(r for _, r in g) / len(g), len(g)) for g in groups if g]


def calibration_error(scored: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error: the count-weighted gap between mean score and share right, per bin."""
    total = len(scored)
    return sum(count * abs(mean - right) for mean, right, count in calibration_bins(scored, bins)) / total \
        if total else 0.0
