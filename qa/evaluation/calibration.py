"""Fit the answer model on the dev half of the gold set: `python -m qa.calibration`.

The candidates of every dev question are scored once (features do not depend on the weights);
coordinate ascent then moves one weight at a time to maximise right decisions on dev: the top
candidate answers an answerable question, or the top score falls below the threshold on an
unanswerable one. The test half is reported untouched.
"""

from __future__ import annotations

import sys

import numpy as np

from qa.answering.answer import DEFAULT_WEIGHTS, score_candidates
from qa.evaluation.gold import GoldQuestion, load_gold
from qa.evaluation.metrics import contains
from qa.evaluation.run import evaluate, fit_threshold, summarise
from qa.retrieval.search import search
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import open_service
from qa.settings import Settings

FEATURES = [name for name in DEFAULT_WEIGHTS if name != "bias"]


# Which way each feature may push: support raises the score, missing evidence lowers it.
SIGNS = {"dense": 1, "own_terms": 1, "context_terms": 1, "typed_found": 1, "retrieval": 1,
         "typed_missing": -1, "unknown_terms": -1}

Question = tuple[np.ndarray, np.ndarray, bool]  # candidate features, 0/1 labels, answerable


def candidate_table(service: QuestionAnswerer, questions: list[GoldQuestion]) -> list[Question]:
    """Per question: a feature row and a label (its span covers the gold span) per candidate."""
    table = []
    for gold in questions:
        vector = service.queries.encode(gold.question)
        snapshot = service.snapshot
        hits = search(snapshot, gold.question, vector, 10, service.settings.mode, service.fusing)
        rows, labels = [], []
        for candidate in score_candidates(snapshot.corpus, gold.question, vector, hits, DEFAULT_WEIGHTS):
            span = candidate.span or (candidate.sentence.start, candidate.sentence.end)
            labels.append(gold.answerable and candidate.sentence.doc_id == gold.doc_id
                          and contains(span, gold.span))
            rows.append([candidate.features[name] for name in FEATURES])
        table.append((np.array(rows).reshape(-1, len(FEATURES)), np.array(labels, dtype=bool), gold.answerable))
    return table


def right_decisions(table: list[Question], weights: dict[str, float]) -> tuple[int, float]:
    """(right decisions at the best threshold, that threshold) for these weights."""
    vector = np.array([weights[name] for name in FEATURES])
    tops = []
    for rows, labels, answerable in table:
        if len(rows) == 0:
            tops.append((-np.inf, False, answerable))
            continue
        logits = rows @ vector + weights["bias"]
        best = int(np.argmax(logits))
        tops.append((1 / (1 + np.exp(-logits[best])), bool(labels[best]), answerable))
    best_count, best_threshold = -1, 0.5
    for threshold in sorted({round(p, 4) for p, _, _ in tops if np.isfinite(p)}):
        count = sum((p >= threshold and ok) if answerable else p < threshold for p, ok, answerable in tops)
        if count > best_count:
            best_count, best_threshold = count, threshold
    return best_count, best_threshold


def fit_weights(table: list[Question], start: dict[str, float] = DEFAULT_WEIGHTS, rounds: int = 6) -> dict[str, float]:
    """Coordinate ascent over a grid of steps, one weight at a time."""
    weights = dict(start)
    best, _ = right_decisions(table, weights)
    for _ in range(rounds):
        improved = False
        for name in weights:
            for step in (-2.0, -1.0, -0.5, 0.5, 1.0, 2.0):
                trial = {**weights, name: round(weights[name] + step, 2)}
                if name in SIGNS and trial[name] * SIGNS[name] < 0:
                    continue  # evidence keeps its direction: that is what stops overfitting a small set
                count, _ = right_decisions(table, trial)
                if count > best:
                    best, weights, improved = count, trial, True
        if not improved:
            break
    return weights


def main() -> int:
    """Fit the threshold on dev with the default weights; show what fitting the weights too would do."""
    settings = Settings()
    if "--ablation" in sys.argv:
        return print_ablation(settings)
    questions = load_gold(settings.seeds_dir / settings.gold_dirname / "questions.jsonl")
    dev = [q for q in questions if q.split == "dev"]
    test = [q for q in questions if q.split != "dev"]
    service = open_service(settings, cache_size=0)
    for label, weights in (("default weights", DEFAULT_WEIGHTS), ("weights fitted on dev", None)):
        service.weights = weights or fit_weights(candidate_table(service, dev))
        threshold = round(fit_threshold(evaluate(service, dev, settings.mode)), 3)
        print(f"{label}: {service.weights}\n  threshold fitted on dev: {threshold}")
        for name, subset in (("dev", dev), ("test", test)):
            metrics = summarise(evaluate(service, subset, settings.mode), threshold)
            print(f"  {name}:", {k: round(v, 3) for k, v in metrics.items() if k in REPORTED})
    return 0


def decide(table: list[Question], weights: dict[str, float], threshold: float) -> dict[str, float]:
    """Answer accuracy (top candidate right and above the threshold), abstention, false abstention."""
    vector = np.array([weights[name] for name in FEATURES])
    right = abstained = wrongly_abstained = top_right = 0
    answerable = sum(a for _, _, a in table)
    for rows, labels, is_answerable in table:
        if len(rows) == 0:
            probability, label = 0.0, False
        else:
            logits = rows @ vector + weights["bias"]
            best = int(np.argmax(logits))
            probability, label = float(1 / (1 + np.exp(-logits[best]))), bool(labels[best])
        if is_answerable:
            top_right += label
            right += label and probability >= threshold
            wrongly_abstained += probability < threshold
        else:
            abstained += probability < threshold
    unanswerable = len(table) - answerable
    return {"top_candidate_right": top_right / answerable, "answer_accuracy": right / answerable,
            "abstention_accuracy": abstained / unanswerable if unanswerable else 0.0,
            "false_abstention_rate": wrongly_abstained / answerable}


def ablation(table: list[Question], weights: dict[str, float], threshold: float) -> dict[str, dict[str, float]]:
    """The metrics with every feature, then with each one switched off (weight 0)."""
    rows = {"all features": decide(table, weights, threshold)}
    for name in FEATURES:
        rows[f"without {name}"] = decide(table, {**weights, name: 0.0}, threshold)
    return rows


REPORTED = ("hit@1", "hit@3", "answer_accuracy", "abstention_accuracy", "false_abstention_rate")


def print_ablation(settings: Settings) -> int:
    questions = load_gold(settings.seeds_dir / settings.gold_dirname / "questions.jsonl")
    table = candidate_table(open_service(settings, cache_size=0), questions)
    columns = ("top_candidate_right", "answer_accuracy", "abstention_accuracy", "false_abstention_rate")
    print(f"at threshold {settings.abstain_threshold}; last column: right decisions of {len(table)} at each "
          "variant's own best threshold")
    print("| answer model | " + " | ".join(columns) + " | best right decisions |\n|---|" + "---|" * (len(columns) + 1))
    for name, metrics in ablation(table, DEFAULT_WEIGHTS, settings.abstain_threshold).items():
        weights = DEFAULT_WEIGHTS if name == "all features" else {**DEFAULT_WEIGHTS, name.split()[-1]: 0.0}
        count, threshold = right_decisions(table, weights)
        print(f"| {name} | " + " | ".join(f"{metrics[c]:.3f}" for c in columns) + f" | {count} (at {threshold:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
