"""Fit the answer model on the dev documents: `python -m qa.evaluation.fit`.

1. Every dev question goes through retrieval; every candidate sentence gets its features and a
   label: its answer (the typed span, else the sentence) holds the gold key, in the gold document.
   Unanswerable questions give only negatives.
2. A logistic regression over the candidates (scikit-learn, L2, regularisation chosen by grouped
   cross-validation) gives each candidate a logit.
3. Calibration: out-of-fold, the best candidate's logit of every question against whether that
   answer is right; Platt scaling (slope, offset) turns a logit into the probability of being right.
4. The abstention threshold maximises right decisions (right answers plus right abstentions) on the
   out-of-fold scores; among equals, the one that best balances answering and withholding.

Nothing of the test documents is read. The model (`qa/answering/answer_model.json`) and a report
with the coefficients and the out-of-fold figures are written.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from qa.answering.answer import may_answer, score_candidates
from qa.answering.features import completed_by, follower, taken_in
from qa.answering.model import MODEL_FILE, AnswerModel, default_model, read_model
from qa.answering.questions import read_query
from qa.embedding import load_embedder
from qa.evaluation.formats import SpanGold, load_gold_set
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.metrics import calibration_error, contains
from qa.retrieval.search import search
from qa.service.answerer import ANSWER_DEPTH, QuestionAnswerer
from qa.service.startup import ensure_index, open_service
from qa.settings import Settings

GOLD = Path("datasets/crossdoc/questions.jsonl")
REGULARISATION = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5


@dataclass(frozen=True)
class Table:
    """Candidate rows of every question: features, labels, the question each row belongs to, eligibility."""

    names: list[str]
    rows: np.ndarray
    labels: np.ndarray
    question: np.ndarray
    eligible: np.ndarray  # may be the answer (a heading only with a typed span)
    answerable: np.ndarray  # per question
    following: np.ndarray  # row of the next sentence in the same block (-1: none); the answer may extend over it
    extended: np.ndarray  # the sentence and its follower together hold the key
    completed: np.ndarray  # the answer always takes in the follower (a colon ends the sentence, a reason follows)


def candidate_table(service: QuestionAnswerer, questions: list[GoldQuestion]) -> Table:
    """Features and labels of every candidate of every question, in one table."""
    rows: list[dict[str, float]] = []
    labels, owners, eligible, following, extended, completed = [], [], [], [], [], []
    for number, gold in enumerate(questions):
        first = len(rows)
        for found, label, answers, after, together, takes_in in _candidates(service, gold):
            rows.append(found)
            labels.append(label)
            owners.append(number)
            eligible.append(answers)
            following.append(first + after if after >= 0 else -1)
            extended.append(together)
            completed.append(takes_in)
    names = sorted({name for row in rows for name in row})
    matrix = np.array([[row.get(name, 0.0) for name in names] for row in rows], dtype=np.float64)
    return Table(names, matrix, np.array(labels, dtype=bool), np.array(owners), np.array(eligible, dtype=bool),
                 np.array([gold.answerable for gold in questions], dtype=bool), np.array(following),
                 np.array(extended, dtype=bool), np.array(completed, dtype=bool))


# features, right, eligible, follower's position, right extended, always extended
Row = tuple[dict[str, float], bool, bool, int, bool, bool]


def _candidates(service: QuestionAnswerer, gold: GoldQuestion) -> list[Row]:
    snapshot = service.snapshot
    corpus = snapshot.corpus
    vector = service.queries.encode(gold.question)
    hits = search(snapshot, gold.question, vector, ANSWER_DEPTH, service.settings.mode, service.fusing)
    query = read_query(corpus, gold.question, vector)
    candidates = score_candidates(corpus, query, hits, default_model())  # the features; the logits are not used
    positions = {candidate.sentence.sentence_id: position for position, candidate in enumerate(candidates)}
    found: list[Row] = []
    for candidate in candidates:
        sentence, span = candidate.support, candidate.span  # a heading's answer is the sentence it heads
        next_sentence = follower(corpus, sentence) if span is None else None
        after = positions.get(next_sentence.sentence_id, -1) if next_sentence is not None else -1
        end = taken_in(corpus, next_sentence).end if next_sentence is not None else sentence.end
        in_document = gold.answerable and sentence.doc_id == gold.doc_id
        right = in_document and contains(span or (sentence.start, sentence.end), gold.key_span)
        together = right or (in_document and span is None and contains((sentence.start, end), gold.key_span))
        completed = next_sentence is not None and completed_by(corpus, sentence, next_sentence, query)
        found.append((candidate.features, right, may_answer(candidate, query), after, together, completed))
    return found


def fit(rows: np.ndarray, labels: np.ndarray, regularisation: float) -> tuple[np.ndarray, float]:
    """Weights and intercept of a logistic regression over candidate rows."""
    from sklearn.linear_model import LogisticRegression  # lazy: only fitting needs scikit-learn

    model = LogisticRegression(C=regularisation, max_iter=5000)
    model.fit(rows, labels)
    return model.coef_[0], float(model.intercept_[0])


def out_of_fold_logits(table: Table, regularisation: float) -> np.ndarray:
    """Each candidate's logit from a model fitted without its question (folds by question)."""
    logits = np.zeros(len(table.rows))
    folds = table.question % FOLDS
    for fold in range(FOLDS):
        train, held = folds != fold, folds == fold
        weights, intercept = fit(table.rows[train], table.labels[train], regularisation)
        logits[held] = table.rows[held] @ weights + intercept
    return logits


def decisions(table: Table, logits: np.ndarray, margin: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per question: the best eligible candidate's logit and whether its answer is right (-inf, False: none);
    with a `margin`, a sentence answer extends over its follower when that one's logit is within it, and always
    when the follower completes it (a colon, a reason, a command), whether it is a candidate or not."""
    best = np.full(len(table.answerable), -np.inf)
    chosen = np.full(len(table.answerable), -1)
    for row in np.flatnonzero(table.eligible):
        owner = table.question[row]
        if logits[row] > best[owner]:
            best[owner], chosen[owner] = logits[row], row
    right = np.zeros(len(table.answerable), dtype=bool)
    for owner, row in enumerate(chosen):
        if row < 0:
            continue
        after = table.following[row]
        extend = margin is not None and (table.completed[row] or (after >= 0 and logits[after] >= logits[row] - margin))
        right[owner] = table.extended[row] if extend else table.labels[row]
    return best, right


def platt(best: np.ndarray, right: np.ndarray) -> tuple[float, float]:
    """(slope, offset) of the probability that the best answer is right, given its logit."""
    from sklearn.linear_model import LogisticRegression

    seen = np.isfinite(best)
    model = LogisticRegression(C=100.0)
    model.fit(best[seen].reshape(-1, 1), right[seen])
    return float(model.coef_[0][0]), float(model.intercept_[0])


def right_decisions(scores: np.ndarray, right: np.ndarray, answerable: np.ndarray, threshold: float) -> int:
    answered = scores >= threshold
    return int(np.sum(answered & right & answerable) + np.sum(~answered & ~answerable))


def balanced(scores: np.ndarray, right: np.ndarray, answerable: np.ndarray, threshold: float) -> float:
    """The mean of the share of answerable questions answered right and of unanswerable ones withheld: a
    threshold that counts a wrong answer to an unanswerable question as much as a withheld right one."""
    answered = scores >= threshold
    return float(np.mean((answered & right)[answerable]) + np.mean(~answered[~answerable])) / 2


def best_threshold(scores: np.ndarray, right: np.ndarray, answerable: np.ndarray) -> float:
    """The threshold with the most right decisions; among equals, the most balanced one."""
    candidates = np.unique(np.round(scores[np.isfinite(scores)], 3))
    return float(max(candidates, key=lambda t: (right_decisions(scores, right, answerable, t),
                                                balanced(scores, right, answerable, t), -abs(t - 0.5))))


def figures(scores: np.ndarray, right: np.ndarray, answerable: np.ndarray, threshold: float) -> dict[str, float]:
    answered = scores >= threshold
    return {"answer_accuracy": float(np.mean((answered & right)[answerable])),
            "top_candidate_right": float(np.mean(right[answerable])),
            "abstention_recall": float(np.mean(~answered[~answerable])) if (~answerable).any() else 0.0,
            "false_abstention_rate": float(np.mean(~answered[answerable])),
            "ece": calibration_error([(float(s), bool(r and a)) for s, r, a in zip(scores, right, answerable,
                                                                                   strict=True)])}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="qa-fit-") as workdir:
        gold = load_gold_set(args.gold, settings, Path(workdir), args.corpus, args.index)
        assert isinstance(gold, SpanGold)
        embedder = load_embedder(gold.settings)
        ensure_index(gold.settings, embedder, progress=sys.stderr.isatty())
        service = open_service(gold.settings, build=False, embedder=embedder, cache_size=0)
        dev = [q for q in gold.questions if q.split == "dev"]
        table = candidate_table(service, dev)
    if args.extend:
        model, report = extend_model(table, read_model(args.out), args.extend.split(","))
    else:
        model, report = fit_model(table)
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(report)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        before = args.report.read_text(encoding="utf-8") + "\n" if args.extend and args.report.is_file() else ""
        args.report.write_text(before + report + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


def fit_model(table: Table) -> tuple[AnswerModel, str]:
    """Choose the regularisation, calibrate and threshold out of fold, then fit on every dev question."""
    scored = {}
    for regularisation in REGULARISATION:
        logits = out_of_fold_logits(table, regularisation)
        margin = extend_margin(table, logits)
        best, right = decisions(table, logits, margin)
        slope, offset = platt(best, right)
        scores = 1 / (1 + np.exp(-(slope * best + offset)))
        threshold = best_threshold(scores, right, table.answerable)
        scored[regularisation] = (right_decisions(scores, right, table.answerable, threshold), slope, offset,
                                  threshold, scores, right, margin)
    chosen = max(scored, key=lambda c: (scored[c][0], -abs(math.log(c))))
    count, slope, offset, threshold, scores, right, margin = scored[chosen]
    weights, intercept = fit(table.rows, table.labels, chosen)
    model = AnswerModel({n: round(float(w), 4) for n, w in zip(table.names, weights, strict=True)},
                        round(intercept, 4), round(slope, 4), round(offset, 4), round(threshold, 3), margin)
    return model, _report(table, model, chosen, figures(scores, right, table.answerable, threshold), count)


def extend_model(table: Table, model: AnswerModel, added: list[str]) -> tuple[AnswerModel, str]:
    """`model` kept, and weights fitted on the dev questions for features it does not weigh: a logistic regression
    over its logit and the added features, chosen as `fit_model` chooses one; their weights, divided by the weight
    its logit gets, join the model's, so candidates rank as the regression ranks them while the calibration, the
    threshold and the margin stay as they were fitted."""
    unknown = [name for name in added if name not in table.names or name in model.weights]
    if unknown:
        raise SystemExit(f"--extend: {', '.join(unknown)} not a feature the model leaves unweighted")
    own = table.rows @ np.array([model.weights.get(name, 0.0) for name in table.names]) + model.intercept
    columns = [table.names.index(name) for name in added]
    joined, _ = fit_model(replace(table, names=[_KEPT, *added], rows=np.column_stack([own, table.rows[:, columns]])))
    scale = joined.weights[_KEPT]
    if scale <= 0:
        raise SystemExit("--extend: the model's logit tells nothing beside the added features: refit the model instead")
    weights = {name: round(joined.weights[name] / scale, 4) for name in added}
    lines = [f"Extended on {len(table.answerable)} dev questions, the weights above kept: a logistic regression over "
             f"the model's logit (weight {scale}) and features it left unweighted; each added weight is that "
             f"regression's divided by {scale}, so candidates rank as the regression ranks them while the calibration, "
             "threshold and margin stay as fitted above.", "",
             "| added feature | weight |", "|---|---|"] + [f"| {name} | {weight} |" for name, weight in weights.items()]
    extended = AnswerModel({**model.weights, **weights}, model.intercept, model.slope, model.offset, model.threshold,
                           model.extend_margin)
    return extended, "\n".join(lines)


_KEPT = "(the model's logit)"
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def extend_margin(table: Table, logits: np.ndarray) -> float:
    """The smallest margin whose answers are right within half a point of the best (longer answers cost)."""
    accuracy = {m: float(np.mean(decisions(table, logits, m)[1][table.answerable])) for m in MARGINS}
    return min(m for m in MARGINS if accuracy[m] >= max(accuracy.values()) - 0.005)


def _report(table: Table, model: AnswerModel, regularisation: float, oof: dict[str, float], count: int) -> str:
    questions = len(table.answerable)
    lines = [f"Answer model fitted on {questions} dev questions ({int(table.answerable.sum())} answerable), "
             f"{len(table.rows)} candidate sentences ({int(table.labels.sum())} right); C = {regularisation}, "
             f"calibration slope {model.slope}, offset {model.offset}, threshold {model.threshold}, "
             f"sentence answers extend over the next sentence within a logit margin of {model.extend_margin}.", "",
             "Out of fold (each question scored by a model fitted without it): " + ", ".join(
                 f"{k} {v:.3f}" for k, v in oof.items()) + f"; right decisions {count} of {questions}.", "",
             "| feature | weight |", "|---|---|", f"| (intercept) | {model.intercept} |"]
    lines += [f"| {name} | {weight} |" for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1]))]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m qa.evaluation.fit", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help=f"gold set whose dev questions fit (default {GOLD})")
    parser.add_argument("--corpus", type=Path, default=None, help="its documents (default: documents/ beside it)")
    parser.add_argument("--index", type=Path, default=None, help="keep the corpus's index here between runs")
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="where the model goes")
    parser.add_argument("--report", type=Path, default=None,
                        help="also write the report (Markdown) here (with --extend, added to its end)")
    parser.add_argument("--extend", default=None, metavar="FEATURE,...",
                        help="keep the model in --out and fit weights for these features only")
    return parser


if __name__ == "__main__":
    sys.exit(main())
