"""Turn evaluation results into Markdown tables, a report file and PNG plots."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qa.evaluation.metrics import calibration_bins, calibration_error
from qa.evaluation.run import Outcome, risk_coverage

if TYPE_CHECKING:  # matplotlib is imported lazily, only to draw plots
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

RECALL_PLOT = "recall_at_k.png"
RISK_PLOT = "risk_coverage.png"
RELIABILITY_PLOT = "reliability.png"
SPLIT_KEYS = ("questions", "recall@1", "recall@3", "recall@10", "mrr@10", "ndcg@10", "answer_accuracy", "answer_f1",
              "abstention_precision", "abstention_recall", "false_abstention_rate", "wrong_document@1", "ece")
DOCUMENT_KEYS = ("questions", "recall@1", "recall@3", "answer_accuracy", "abstention_recall",
                 "false_abstention_rate", "wrong_document@1")
KIND_KEYS = ("questions", "recall@1", "recall@10", "mrr@10", "answer_accuracy", "answer_f1",
             "abstention_recall", "false_abstention_rate")
# Keys that mean nothing for a group without answerable (or without unanswerable) questions.
NEEDS_ANSWERABLE = {"recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", "answer_em",
                    "answer_f1", "answer_accuracy", "false_abstention_rate", "wrong_document@1"}
NEEDS_UNANSWERABLE = {"abstention_precision", "abstention_recall"}
RISK_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
MAX_FAILURES = 200  # a SQuAD-sized gold set fails thousands of times; the first ones show the pattern


@dataclass(frozen=True)
class ModeRun:
    """One retrieval mode's results over a gold set."""

    mode: str
    metrics: dict[str, float]
    splits: dict[str, dict[str, float]]
    kinds: dict[str, dict[str, float]]
    recall_curve: list[float]          # recall@k for k = 1, 2, ...
    outcomes: list[Outcome]            # per question; empty for retrieval-only gold
    documents: dict[str, dict[str, float]] = field(default_factory=dict)  # per "split · doc_id"


@dataclass(frozen=True)
class Evaluation:
    """Every mode run on one gold set, with what a reader needs to interpret the numbers."""

    gold: str
    format: str
    threshold: float
    top_k: int
    default_mode: str
    runs: list[ModeRun]

    @property
    def has_answers(self) -> bool:
        return any(run.outcomes for run in self.runs)

    @property
    def default_run(self) -> ModeRun:
        return next((run for run in self.runs if run.mode == self.default_mode), self.runs[0])


def summary(evaluation: Evaluation) -> str:
    """What `qa eval` prints: a one-line context, the modes side by side, then per-split numbers."""
    first = evaluation.runs[0].metrics
    context = (f"{evaluation.gold} ({evaluation.format}): {first['questions']:.0f} questions, top_k "
               f"{evaluation.top_k}" + (f", abstention threshold {evaluation.threshold}"
                                        if evaluation.has_answers else ", retrieval only"))
    parts = [context, "", metrics_table({run.mode: run.metrics for run in evaluation.runs})]
    if any(run.splits for run in evaluation.runs):
        parts += ["", "Per split:", "", split_table(evaluation.runs)]
    default = evaluation.default_run
    if len(default.documents) > 1:
        parts += ["", f"Per document ({default.mode}):", "", document_table(default)]
    return "\n".join(parts)


def document_table(run: ModeRun) -> str:
    """One row per document (split first), the headline metrics as columns."""
    keys = [k for k in DOCUMENT_KEYS if k in next(iter(run.documents.values()))]
    rows = [[name, *(format_value(k, metrics) for k in keys)] for name, metrics in sorted(run.documents.items())]
    return markdown_table(["document", *keys], rows)


def metrics_table(columns: dict[str, dict[str, float]], keys: Sequence[str] | None = None) -> str:
    """One row per metric, one column per named set of metrics."""
    keys = keys or [k for k in next(iter(columns.values())) if k not in ("answerable", "unanswerable")]
    rows = [[key, *(format_value(key, metrics) for metrics in columns.values())] for key in keys]
    return markdown_table(["metric", *columns], rows)


def split_table(runs: Sequence[ModeRun]) -> str:
    columns = {f"{run.mode} · {split}": metrics for run in runs for split, metrics in sorted(run.splits.items())}
    return metrics_table(columns, [k for k in SPLIT_KEYS if k in next(iter(columns.values()))])


def format_value(key: str, metrics: dict[str, float]) -> str:
    """Three decimals, milliseconds with one, counts whole; '–' where the metric has no questions."""
    if key not in metrics or _not_applicable(key, metrics):
        return "–"
    value = metrics[key]
    if key in ("questions", "answerable", "unanswerable"):
        return f"{value:.0f}"
    return f"{value:.1f}" if key.endswith("_ms") else f"{value:.3f}"


def _not_applicable(key: str, metrics: dict[str, float]) -> bool:
    return ((key in NEEDS_ANSWERABLE and metrics.get("answerable", 1) == 0)
            or (key in NEEDS_UNANSWERABLE and metrics.get("unanswerable", 1) == 0))


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = [_row(header), "|" + "---|" * len(header)]
    return "\n".join(lines + [_row(row) for row in rows])


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def write_report(evaluation: Evaluation, directory: Path) -> Path:
    """DIR/report.md with tables and links to the PNG plots written next to it."""
    directory.mkdir(parents=True, exist_ok=True)
    plot_recall_curves(evaluation.runs, directory / RECALL_PLOT)
    sections = [f"# Evaluation: {evaluation.gold}", "", summary(evaluation), "", "## Recall@k", "",
                f"![recall@k per mode]({RECALL_PLOT})"]
    if evaluation.has_answers:
        plot_risk_coverage(evaluation.runs, directory / RISK_PLOT)
        plot_reliability(evaluation.default_run, directory / RELIABILITY_PLOT)
        sections += ["", *answer_sections(evaluation)]
    path = directory / "report.md"
    path.write_text("\n".join(sections) + "\n", encoding="utf-8")
    return path


def answer_sections(evaluation: Evaluation) -> list[str]:
    """Risk/coverage, fitted thresholds, per-kind numbers and failures (span gold only)."""
    run = evaluation.default_run
    fitted = ", ".join(f"{r.mode} {r.metrics['fitted_threshold']:.3f}" for r in evaluation.runs)
    return ["## Calibration: is a score of 0.9 right 9 times in 10?", "",
            "Each question's answer score (the best candidate's, abstained or not) against whether that answer "
            "is right; an answer to an unanswerable question is wrong.", "",
            f"![reliability of the answer score]({RELIABILITY_PLOT})", "", calibration_table(run), "",
            "## Abstention: risk against coverage", "",
            "Coverage is the share of questions answered; risk the share of those answers that are wrong.", "",
            f"![risk against coverage per mode]({RISK_PLOT})", "", risk_table(evaluation), "",
            f"Fitted threshold (most right answers plus right abstentions): {fitted}; configured: "
            + f"{evaluation.threshold}.", "",
            f"## Per kind ({run.mode})", "", kind_table(run), "",
            f"## Failed questions ({run.mode}, threshold {evaluation.threshold})", "",
            failures_table(run.outcomes, evaluation.threshold)]


def calibration_table(run: ModeRun) -> str:
    """Per split: ECE, and per score bin the mean score, the share right and the count."""
    rows = []
    for split, outcomes in _by_split(run.outcomes).items():
        scored = [(o.answer_score, o.answer_correct) for o in outcomes]
        bins = ", ".join(f"{mean:.2f}→{right:.2f} ({count})" for mean, right, count in calibration_bins(scored))
        rows.append([split, f"{calibration_error(scored):.3f}", bins])
    return markdown_table(["split", "ECE", "mean score → share right (questions), per bin"], rows)


def _by_split(outcomes: Sequence[Outcome]) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.gold.split, []).append(outcome)
    return dict(sorted(groups.items()))


def plot_reliability(run: ModeRun, path: Path) -> None:
    """Share right against mean score per bin, one line per split, beside the diagonal of perfect calibration."""
    figure, axes = _figure()
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    for split, outcomes in _by_split(run.outcomes).items():
        bins = calibration_bins([(o.answer_score, o.answer_correct) for o in outcomes])
        ece = calibration_error([(o.answer_score, o.answer_correct) for o in outcomes])
        axes.plot([b[0] for b in bins], [b[1] for b in bins], marker="o", label=f"{split} (ECE {ece:.3f})")
    axes.set(xlabel="answer score (mean per bin)", ylabel="share of answers right", xlim=(0, 1), ylim=(0, 1.02),
             title=f"Reliability of the answer score ({run.mode})")
    _save(figure, axes, path)


def risk_table(evaluation: Evaluation) -> str:
    """Coverage and risk per mode at a few thresholds, the configured and fitted ones included."""
    marks = {evaluation.threshold: "configured"}
    for run in evaluation.runs:
        marks.setdefault(round(run.metrics["fitted_threshold"], 3), f"fitted ({run.mode})")
    thresholds = sorted(set(RISK_THRESHOLDS) | marks.keys())
    points = {run.mode: risk_coverage(run.outcomes) for run in evaluation.runs}
    header = ["threshold", *(f"{mode} {part}" for mode in points for part in ("coverage", "risk"))]
    rows = [[f"{t:.3f} {marks.get(t, '')}".strip(),
             *(f"{v:.3f}" for mode in points for v in point_at(points[mode], t))] for t in thresholds]
    return markdown_table(header, rows)


def point_at(points: list[tuple[float, float, float]], threshold: float) -> tuple[float, float]:
    """(coverage, risk) when answering every score >= threshold; `points` as from risk_coverage."""
    _, coverage, risk = next(p for p in points if p[0] >= threshold)
    return coverage, risk


def kind_table(run: ModeRun) -> str:
    header = ["kind", *KIND_KEYS]
    rows = [[kind, *(format_value(key, metrics) for key in KIND_KEYS)] for kind, metrics in sorted(run.kinds.items())]
    return markdown_table(header, rows)


def failures_table(outcomes: Sequence[Outcome], threshold: float) -> str:
    """Questions answered wrongly, wrongly abstained on, or answered when the documents do not say."""
    failed = [o for o in outcomes if _failed(o, threshold)]
    if not failed:
        return "None."
    rows = [[o.gold.id, o.gold.kind, o.gold.question, o.gold.answer or "(none)",
             o.answer_text if o.answer_score >= threshold else "(abstained)", f"{o.answer_score:.3f}",
             o.rank or "–"] for o in failed[:MAX_FAILURES]]
    table = markdown_table(["id", "kind", "question", "expected", "answered", "score", "gold rank"], rows)
    more = len(failed) - MAX_FAILURES
    return table + (f"\n\n… and {more} more." if more > 0 else "")


def _failed(outcome: Outcome, threshold: float) -> bool:
    answered = outcome.answer_score >= threshold
    return not (answered and outcome.answer_correct) if outcome.gold.answerable else answered


def plot_recall_curves(runs: Sequence[ModeRun], path: Path) -> None:
    figure, axes = _figure()
    for run in runs:
        ks = range(1, len(run.recall_curve) + 1)
        axes.plot(ks, run.recall_curve, marker="o", label=run.mode)
    axes.set(xlabel="k (passages retrieved)", ylabel="recall@k", ylim=(0, 1.02), title="Recall@k per mode")
    axes.set_xticks(range(1, max(len(r.recall_curve) for r in runs) + 1))
    _save(figure, axes, path)


def plot_risk_coverage(runs: Sequence[ModeRun], path: Path) -> None:
    figure, axes = _figure()
    for run in runs:
        points = sorted(risk_coverage(run.outcomes), key=lambda p: p[1])
        axes.step([p[1] for p in points], [p[2] for p in points], where="post", label=run.mode)
    axes.set(xlabel="coverage (share of questions answered)", ylabel="risk (share of answers wrong)",
             xlim=(0, 1.02), ylim=(0, 1.02), title="Risk against coverage per mode")
    _save(figure, axes, path)


def _figure():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 4), dpi=110)  # no pyplot: no global state, no GUI backend
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _save(figure: Figure, axes: Axes, path: Path) -> None:
    axes.grid(alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, format="png")
