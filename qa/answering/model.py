"""The answer model: a logistic regression over candidate features, fitted on the dev documents.

`qa/answering/answer_model.json` holds the coefficients, the calibration that turns the best
candidate's logit into the probability that the answer is right, and the abstention threshold,
all fitted by `python -m qa.evaluation.fit` on the dev half of the cross-document gold set.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).with_name("answer_model.json")


@dataclass(frozen=True)
class AnswerModel:
    """logit = intercept + Σ weight·feature; score = σ(slope · logit + offset), the calibrated probability."""

    weights: dict[str, float]
    intercept: float
    slope: float = 1.0
    offset: float = 0.0
    threshold: float = 0.5
    extend_margin: float = 0.0  # a sentence answer takes in the next sentence when its logit is this close
    _vectors: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def logit(self, features: dict[str, float]) -> float:
        return float(self.logits([features])[0])

    def logits(self, rows: list[dict[str, float]]) -> np.ndarray:
        """The logits of many candidates at once (their features come in one order)."""
        if not rows:
            return np.zeros(0)
        names = tuple(rows[0])
        table = np.array([list(row.values()) for row in rows], dtype=float)
        return self.intercept + table @ self._vector(names)

    def _vector(self, names: tuple[str, ...]) -> np.ndarray:
        """The weights in the order of `names` (features come in one order: this is built once)."""
        cached = self._vectors.get(names)
        if cached is None:
            cached = self._vectors[names] = np.array([self.weights.get(name, 0.0) for name in names])
        return cached

    def probability(self, logit: float) -> float:
        """The calibrated probability that an answer with this logit is right."""
        return 1.0 / (1.0 + math.exp(-(self.slope * logit + self.offset)))

    def to_json(self) -> dict:
        return {"weights": self.weights, "intercept": self.intercept, "slope": self.slope, "offset": self.offset,
                "threshold": self.threshold, "extend_margin": self.extend_margin}


@cache
def default_model() -> AnswerModel:
    """The fitted model shipped with the package."""
    return read_model(MODEL_FILE)


def read_model(path: Path) -> AnswerModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return AnswerModel(dict(data["weights"]), float(data["intercept"]), float(data.get("slope", 1.0)),
                       float(data.get("offset", 0.0)), float(data.get("threshold", 0.5)),
                       float(data.get("extend_margin", 0.0)))
