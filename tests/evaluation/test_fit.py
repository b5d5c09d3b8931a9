"""The answer model's fit: weights that follow the evidence, a threshold that maximises right decisions,
answers that extend over the next sentence only within the margin."""

from __future__ import annotations

import numpy as np
import pytest

from qa.answering.model import AnswerModel
from qa.evaluation.fit import Table, best_threshold, decisions, extend_model, fit_model, right_decisions


def synthetic_table(questions: int = 60, per_question: int = 5, seed: int = 7) -> Table:
    """Answerable questions (two in three) have one right candidate whose `signal` stands out; the
    unanswerable ones have none; `noise` says nothing."""
    rng = np.random.default_rng(seed)
    rows, labels, owners = [], [], []
    answerable = np.array([number % 3 != 2 for number in range(questions)])
    for number in range(questions):
        right = rng.integers(per_question) if answerable[number] else -1
        for position in range(per_question):
            is_right = position == right
            rows.append([rng.normal(), rng.normal(2.5 if is_right else 0.0, 0.7)])
            labels.append(is_right)
            owners.append(number)
    count = len(rows)
    return Table(["noise", "signal"], np.array(rows), np.array(labels), np.array(owners), np.ones(count, bool),
                 answerable, np.full(count, -1), np.array(labels), np.zeros(count, bool))


def test_the_fitted_model_weighs_the_feature_that_tells_right_from_wrong() -> None:
    model, report = fit_model(synthetic_table())
    assert model.weights["signal"] > 1.0
    assert abs(model.weights["noise"]) < model.weights["signal"] / 4
    assert 0.0 < model.threshold < 1.0
    assert model.slope > 0
    assert "| signal |" in report and "Out of fold" in report


def test_the_fitted_scores_separate_answerable_from_unanswerable_questions() -> None:
    table = synthetic_table()
    model, _ = fit_model(table)
    logits = np.array([model.logit(dict(zip(table.names, row, strict=True))) for row in table.rows])
    best, right = decisions(table, logits)
    scores = np.array([model.probability(logit) for logit in best])
    answered = scores >= model.threshold
    assert np.mean(answered[table.answerable] & right[table.answerable]) > 0.8
    assert np.mean(~answered[~table.answerable]) > 0.8


def two_signal_table(questions: int = 90, per_question: int = 5, seed: int = 3) -> Table:
    """One right candidate per question, which both `first` and `second` tell apart, each on its own."""
    rng = np.random.default_rng(seed)
    rows, labels, owners = [], [], []
    for number in range(questions):
        right = rng.integers(per_question)
        for position in range(per_question):
            lift = 1.5 if position == right else 0.0
            rows.append([rng.normal(lift, 1.0), rng.normal(lift, 1.0)])
            labels.append(position == right)
            owners.append(number)
    count = len(rows)
    return Table(["first", "second"], np.array(rows), np.array(labels), np.array(owners), np.ones(count, bool),
                 np.ones(questions, bool), np.full(count, -1), np.array(labels), np.zeros(count, bool))


def test_extending_keeps_the_model_and_weighs_the_added_feature_by_what_it_adds() -> None:
    """The kept model knows `first` only; `second` tells right from wrong beyond it: the extension weighs it,
    keeps every fitted number of the model, and ranks the right candidates first more often than the model did."""
    table = two_signal_table()
    kept = AnswerModel({"first": 1.0}, -1.0, slope=0.8, offset=0.3, threshold=0.42, extend_margin=1.0)
    extended, report = extend_model(table, kept, ["second"])
    assert extended.weights["first"] == 1.0 and 0.5 < extended.weights["second"] < 2.0
    assert (extended.intercept, extended.slope, extended.offset, extended.threshold, extended.extend_margin) == \
        (-1.0, 0.8, 0.3, 0.42, 1.0)
    assert "| second |" in report

    def right_first(model: AnswerModel) -> float:
        logits = np.array([model.logit(dict(zip(table.names, row, strict=True))) for row in table.rows])
        return float(np.mean(decisions(table, logits)[1]))

    assert right_first(extended) > right_first(kept) + 0.1


def test_extending_refuses_a_feature_the_model_weighs_or_the_table_lacks() -> None:
    kept = AnswerModel({"noise": 0.5}, -1.0)
    for added in (["noise"], ["absent"]):
        with pytest.raises(SystemExit, match=added[0]):
            extend_model(synthetic_table(), kept, added)


def test_extending_refuses_a_model_whose_logit_tells_nothing() -> None:
    with pytest.raises(SystemExit, match="refit"):  # its weights would be divided by nothing
        extend_model(synthetic_table(), AnswerModel({"noise": 0.5}, -1.0), ["signal"])


def test_the_threshold_is_the_one_with_the_most_right_decisions() -> None:
    scores = np.array([0.9, 0.8, 0.6, 0.4, 0.3, 0.2])
    right = np.array([True, True, False, True, False, False])
    answerable = np.array([True, True, False, True, False, False])
    threshold = best_threshold(scores, right, answerable)
    assert threshold == pytest.approx(0.4)
    assert right_decisions(scores, right, answerable, threshold) == 5
    assert all(right_decisions(scores, right, answerable, t) <= 5 for t in np.linspace(0, 1, 21))


def test_a_sentence_answer_extends_over_its_follower_only_within_the_margin() -> None:
    # one question, two candidates: the first is not right alone, right together with the second
    table = Table(["f"], np.zeros((2, 1)), np.array([False, False]), np.array([0, 0]), np.array([True, False]),
                  np.array([True]), np.array([1, -1]), np.array([True, False]), np.array([False, False]))
    logits = np.array([2.0, 0.5])
    assert not decisions(table, logits)[1][0]
    assert not decisions(table, logits, margin=1.0)[1][0]
    assert decisions(table, logits, margin=2.0)[1][0]


def test_a_sentence_answer_always_takes_in_a_follower_that_completes_it_candidate_or_not() -> None:
    # one question, one candidate ending with a colon; its follower (the list item) is no candidate
    table = Table(["f"], np.zeros((1, 1)), np.array([False]), np.array([0]), np.array([True]), np.array([True]),
                  np.array([-1]), np.array([True]), np.array([True]))
    logits = np.array([2.0])
    assert not decisions(table, logits)[1][0]  # no margin: the sentence alone
    assert decisions(table, logits, margin=0.0)[1][0]
