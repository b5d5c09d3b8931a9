"""`qa bench` results as targets, a Markdown table, a comparison with a saved run, and a plot."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from qa.benchmarks.measure import CONCURRENCY
from qa.settings import Settings

if TYPE_CHECKING:  # matplotlib is imported lazily, only to draw plots
    from matplotlib.axes import Axes

TOLERANCE = 0.20

def ratios(result: dict, backend: str) -> dict:
    encode = result["encode_ms"][backend]["p50"]
    http = result["http_ask_ms"]
    history = http.get("with_history", {}).get("p50")
    return {"http_p50_over_encode_p50": round(http["uncached"]["p50"] / encode, 2),
            "http_with_history_over_without": round(history / http["uncached"]["p50"], 2) if history else None,
            "in_process_p50_over_encode_p50": round(result["ask_in_process_ms"]["uncached"]["p50"] / encode, 2),
            "build_over_encode": result["build"][backend]["build_over_encode"]}


def targets(result: dict, backend: str) -> dict[str, dict]:
    encode, http = result["encode_ms"][backend]["p50"], result["http_ask_ms"]["uncached"]["p50"]
    c16 = next(level for level in result["throughput"] if level["concurrency"] == max(CONCURRENCY))
    build = result["build"][backend]["build_over_encode"]
    return {
        "http_p50_within_1.5x_encode_plus_1ms": {"value": http, "limit": round(1.5 * encode + 1, 3),
                                                 "met": http <= 1.5 * encode + 1},
        "c16_zero_errors_and_p99_under_10x_p50": {
            "value": f"{c16['errors']} errors, p99/p50 = {c16['p99_ms'] / c16['p50_ms']:.1f}" if c16["p50_ms"]
            else f"{c16['errors']} errors, no successes", "limit": "0 errors, < 10",
            "met": bool(c16["errors"] == 0 and c16["p50_ms"] and c16["p99_ms"] < 10 * c16["p50_ms"])},
        "build_at_least_90pct_of_encode": {"value": build, "limit": 0.9, "met": build >= 0.9},
        **_history_target(result),
        **_throughput_targets(result),
    }


def _throughput_targets(result: dict) -> dict[str, dict]:
    """Issue 13, on the throughput configuration (one process per core, or one process when that was not
    measured): 16 clients at >= 0.7 of the compute limit and >= 2 x one client, p99 <= 3 x p50 there, no
    errors; and a lone client no slower there than on one process (±10 %)."""
    limit = result.get("compute_limit")
    single = {level["concurrency"]: level for level in result["throughput"]}
    processes = result.get("throughput_processes")
    levels = {level["concurrency"]: level for level in processes["levels"]} if processes else single
    one, top = levels.get(1), levels.get(max(levels))
    if not limit or not one or not top or not top["p50_ms"]:
        return {}
    where = f" ({processes['processes']} processes)" if processes else ""
    share = round(top["requests_per_s"] / limit["limit_requests_per_s"], 2)
    gain = round(top["requests_per_s"] / one["requests_per_s"], 2) if one["requests_per_s"] else 0.0
    tail = round(top["p99_ms"] / top["p50_ms"], 2)
    targets = {f"c16_at_least_0.7_of_compute_limit{where}": {"value": share, "limit": 0.7, "met": share >= 0.7},
               f"c16_at_least_2x_c1{where}": {"value": gain, "limit": 2.0, "met": gain >= 2.0},
               f"c16_p99_within_3x_p50{where}": {"value": tail, "limit": 3.0, "met": tail <= 3.0},
               f"zero_errors_under_load{where}": {"value": sum(level["errors"] for level in levels.values()),
                                                  "limit": 0, "met": all(not v["errors"] for v in levels.values())}}
    lone = _lone_client_p50s(processes, single)
    if lone:
        ratio = round(lone[1] / lone[0], 2)
        targets[f"c1_p50{where}_within_10pct_of_one_process"] = {"value": ratio, "limit": "0.9–1.1",
                                                                 "met": 0.9 <= ratio <= 1.1}
    return targets


def _lone_client_p50s(processes: dict | None, single: dict[int, dict]) -> tuple[float, float] | None:
    """p50 at one client on one process and on the worker processes: measured side by side in turns when the
    run did (`lone_client`), else from each run's own load levels."""
    if not processes:
        return None
    lone = processes.get("lone_client")
    if lone and lone["one_process_p50_ms"] and lone["processes_p50_ms"]:
        return lone["one_process_p50_ms"], lone["processes_p50_ms"]
    one = next((level for level in processes["levels"] if level["concurrency"] == 1), None)
    if single.get(1) and single[1]["p50_ms"] and one and one["p50_ms"]:
        return single[1]["p50_ms"], one["p50_ms"]
    return None


def _history_target(result: dict) -> dict[str, dict]:
    """/ask with four turns of history against /ask alone (issue 12: at most 1.2 ×)."""
    history = result["http_ask_ms"].get("with_history", {}).get("p50")
    if not history:
        return {}
    ratio = round(history / result["http_ask_ms"]["uncached"]["p50"], 2)
    return {"http_p50_with_4_turns_within_1.2x": {"value": ratio, "limit": 1.2, "met": ratio <= 1.2}}


def meta(settings: Settings, questions: int) -> dict:
    import onnxruntime

    versions = {"python": platform.python_version(), "onnxruntime": onnxruntime.__version__}
    try:
        import torch

        versions["torch"] = torch.__version__
        versions["torch_threads"] = torch.get_num_threads()
    except ImportError:
        pass
    return {"backend": settings.backend, "model": settings.model, "mode": settings.mode, "questions": questions,
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
            "loadavg_start": list(os.getloadavg()), "versions": versions}


# (label, path into the result, True when higher is better)
COMPARED = [
    ("encode p50 ms (serving backend)", ("encode_ms", "{backend}", "p50"), False),
    ("in-process ask p50 ms", ("ask_in_process_ms", "uncached", "p50"), False),
    ("HTTP /ask p50 ms, uncached", ("http_ask_ms", "uncached", "p50"), False),
    ("HTTP /ask p50 ÷ encode p50", ("ratios", "http_p50_over_encode_p50"), False),
    ("build ÷ raw encode", ("ratios", "build_over_encode"), True),
    *[(f"req/s at {c} clients", ("throughput", i, "requests_per_s"), True) for i, c in enumerate(CONCURRENCY)],
    ("p99 ms at 16 clients", ("throughput", len(CONCURRENCY) - 1, "p99_ms"), False),
    ("req/s at 16 clients, one process per core",
     ("throughput_processes", "levels", len(CONCURRENCY) - 1, "requests_per_s"), True),
    ("start to ready s", ("server", "start_to_ready_s"), False),
    ("peak RSS MB", ("server", "peak_rss_mb"), False),
]


def _lookup(result: dict, path: tuple) -> float | None:
    value: object = result
    for key in path:
        key = key.format(backend=result["meta"]["backend"]) if isinstance(key, str) else key
        try:
            value = value[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return value if isinstance(value, (int, float)) else None


def regressions(result: dict, baseline: dict, tolerance: float) -> list[str]:
    """Labels of the measures more than `tolerance` worse than in `baseline`."""
    flagged = []
    for label, path, higher_is_better in COMPARED:
        now, before = _lookup(result, path), _lookup(baseline, path)
        if now is None or not before:
            continue
        change = (now - before) / before
        if (-change if higher_is_better else change) > tolerance:
            flagged.append(label)
    return flagged


def markdown(result: dict, baseline: dict | None = None, tolerance: float = TOLERANCE) -> str:
    backend = result["meta"]["backend"]
    title = (f"## qa bench: serving backend {backend}, {result['meta']['cpus']} CPUs, load average "
             f"{result['meta']['loadavg_start'][0]:.2f} at start")
    lines = [title, "",
             "| measure | n | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|"]
    rows = [(f"bare encode, {name}" + (" (serving)" if name == backend else ""), stats)
            for name, stats in result["encode_ms"].items()]
    rows += [("in-process ask, cache off", result["ask_in_process_ms"]["uncached"]),
             ("in-process ask, cache on (repeated questions)", result["ask_in_process_ms"]["cached"]),
             ("HTTP /ask, distinct questions (cache misses)", result["http_ask_ms"]["uncached"]),
             *([("HTTP /ask, distinct questions with 4 turns of history", result["http_ask_ms"]["with_history"])]
               if "with_history" in result["http_ask_ms"] else []),
             ("HTTP /ask, repeated questions (cache hits)", result["http_ask_ms"]["cached"])]
    lines += [f"| {label} | {s['n']} | {s['p50']} | {s['p95']} | {s['p99']} |" for label, s in rows]
    lines += ["", *_load_table(result)]
    note = ("Cache misses: the gold questions once, then variants differing only in the widths of their word gaps "
            "(a new cache key, the same tokens); load levels use such variants only.")
    lines += ["", note, "",
              "| build (texts/s, batch 64) | texts | build | raw encode | build ÷ encode |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {b['texts']} | {b['build_texts_per_s']} | {b['encode_texts_per_s']} | "
              f"{b['build_over_encode']} |" for name, b in result["build"].items()]
    server, ratios = result["server"], result["ratios"]
    started = (f"Server: ready {server['start_to_ready_s']} s after spawn, peak RSS {server['peak_rss_mb']} MB, "
               f"torch loaded: {'yes' if server['imports_torch'] else 'no'}; per-IP rate limit and read keys off.")
    ratio = (f"HTTP /ask p50 ÷ bare encode p50 ({backend}): {ratios['http_p50_over_encode_p50']}; "
             f"in-process ask ÷ encode: {ratios['in_process_p50_over_encode_p50']}")
    lines += ["", started, "", ratio, ""]
    lines += _throughput_lines(result)
    lines += ["| target | value | limit | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {t['value']} | {t['limit']} | {'yes' if t['met'] else '**NO**'} |"
              for name, t in result["targets"].items()]
    if baseline:
        lines += ["", _baseline_table(result, baseline, tolerance)]
    return "\n".join(lines)


def _load_table(result: dict) -> list[str]:
    """One row per load level: one process, then one process per core when that was measured."""
    runs = [("1", result["throughput"])]
    if result.get("throughput_processes"):
        runs.append((str(result["throughput_processes"]["processes"]), result["throughput_processes"]["levels"]))
    limit = (result.get("compute_limit") or {}).get("limit_requests_per_s")
    lines = ["| processes | clients | requests | errors | req/s | share of compute limit | p50 ms | p99 ms | "
             "server CPU cores | client CPU cores |", "|---|---|---|---|---|---|---|---|---|---|"]
    for processes, levels in runs:
        lines += [f"| {processes} | {t['concurrency']} | {t['requests']} | {t['errors']} | {t['requests_per_s']} | "
                  f"{t['requests_per_s'] / limit if limit else 0:.2f} | {t['p50_ms']} | {t['p99_ms']} | "
                  f"{t['server_cpu_cores']} | {t['client_cpu_cores']} |" for t in levels]
    return lines


def _throughput_lines(result: dict) -> list[str]:
    """The compute limit and the share of it reached, the load generator, the start-up steps and where the
    server's time went under load."""
    lines = []
    limit = result.get("compute_limit")
    if limit:
        costs = ", ".join(f"{size}: {ms}" for size, ms in limit["per_question_ms"].items())
        lines += [f"Compute limit: {limit['cores']} cores ÷ {limit['best_ms']} ms per "
                  f"question (encode at batch {limit['best_batch']}; per-question ms by batch size: {costs}) = "
                  f"{limit['limit_requests_per_s']} req/s.", ""]
    lone = (result.get("throughput_processes") or {}).get("lone_client")
    if lone:
        lines += [f"One client, side by side: {lone['rounds']} rounds of {lone['seconds']:g} s on one process and on "
                  f"{result['throughput_processes']['processes']} worker processes in turn; median p50 "
                  f"{lone['one_process_p50_ms']} ms and {lone['processes_p50_ms']} ms.", ""]
    server = result["server"]
    if server.get("load_generator"):
        lines += [f"Load generator: {server['load_generator']}.", ""]
    if server.get("startup_seconds"):
        steps = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in server["startup_seconds"].items())
        lines += [f"Start-up steps: {steps}.", ""]
    shares = [(t["concurrency"], t.get("time_shares")) for t in result["throughput"] if t.get("time_shares")]
    if shares:
        names = list(shares[0][1])
        lines += ["| clients | " + " | ".join(f"time in {name}" for name in names) + " |",
                  "|---|" + "---|" * len(names)]
        lines += [f"| {clients} | " + " | ".join(f"{share[name]:.0%}" for name in names) + " |"
                  for clients, share in shares]
        lines += ["", "Time shares: each stage's share of the time /ask requests spent in the server (wall clock; "
                      "embed includes waiting for a model slot)."]
        lines.append("")
    return lines


def _baseline_table(result: dict, baseline: dict, tolerance: float) -> str:
    lines = [f"| vs baseline ({baseline['meta']['started_at']}) | now | before | change | |", "|---|---|---|---|---|"]
    for label, path, _ in COMPARED:
        now, before = _lookup(result, path), _lookup(baseline, path)
        if now is None or before is None:
            continue
        change = f"{(now - before) / before:+.0%}" if before else "n/a"
        flag = f"**REGRESSION** (> {tolerance:.0%} worse)" if label in result["regressions"] else ""
        lines.append(f"| {label} | {now} | {before} | {change} | {flag} |")
    return "\n".join(lines)


def write_outputs(result: dict, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"bench-{result['meta']['backend']}" + ("-quick" if result["meta"].get("quick") else "")
    json_path, png_path = folder / f"{stem}.json", folder / f"{stem}.png"
    json_path.write_text(json.dumps(result, indent=2) + "\n")
    plot(result, png_path)
    return [json_path, png_path]


def plot(result: dict, path: Path) -> None:
    """Latency bars against the encode floor, and throughput with tail latency per client count."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    backend = result["meta"]["backend"]
    figure, (latency, load_axis) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [3, 2]})
    rows = [(f"encode {name}", s) for name, s in result["encode_ms"].items()]
    rows += [("ask in-process, cache off", result["ask_in_process_ms"]["uncached"]),
             ("ask in-process, cache on", result["ask_in_process_ms"]["cached"]),
             ("HTTP /ask, cache misses", result["http_ask_ms"]["uncached"]),
             ("HTTP /ask, cache hits", result["http_ask_ms"]["cached"])]
    positions = np.arange(len(rows))
    for key, colour in (("p99", "#f4c7a1"), ("p95", "#e89a5b"), ("p50", "#3b6ea8")):
        latency.barh(positions, [s[key] for _, s in rows], color=colour, label=key)
    limit = result["targets"]["http_p50_within_1.5x_encode_plus_1ms"]["limit"]
    latency.axvline(limit, color="black", linestyle="--", linewidth=1, label=f"target p50 ≤ {limit:.1f} ms")
    for position, (_, stats) in zip(positions, rows, strict=False):
        latency.annotate(f"{stats['p50']:.1f}", (stats["p50"], position), xytext=(-3, 0), textcoords="offset points",
                         ha="right", va="center", color="white", fontsize=8)
    latency.set_xscale("log")  # a torch outlier must not squash the millisecond bars
    latency.set_yticks(positions, [label for label, _ in rows])
    latency.invert_yaxis()
    latency.set_xlabel("milliseconds (log scale; p50 value printed)")
    latency.set_title(f"latency (serving backend: {backend})")
    latency.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, fontsize=8)
    _plot_load(load_axis, result)
    meta = result["meta"]
    figure.suptitle(f"qa bench {meta['started_at']}: {meta['cpus']} CPUs, load average {meta['loadavg_start'][0]:.1f} "
                    f"at start (other work on the machine inflates absolute numbers)", fontsize=9, color="#555555")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _plot_load(axis: Axes, result: dict) -> None:
    """Requests/s per client count for one process and one process per core, the compute limit as a line,
    and the one-process latency percentiles."""
    levels = result["throughput"]
    labels = [str(level["concurrency"]) for level in levels]
    positions = np.arange(len(levels))
    processes = result.get("throughput_processes")
    width = 0.4 if processes else 0.8
    axis.bar(positions - (width / 2 if processes else 0), [level["requests_per_s"] for level in levels], width,
             color="#3b6ea8", label="1 process")
    if processes:
        axis.bar(positions + width / 2, [level["requests_per_s"] for level in processes["levels"]], width,
                 color="#7fa7d6", label=f"{processes['processes']} processes")
    if result.get("compute_limit"):
        axis.axhline(result["compute_limit"]["limit_requests_per_s"], color="black", linestyle=":", linewidth=1,
                     label="compute limit")
    axis.set_xticks(positions, labels)
    axis.set_xlabel("concurrent clients (distinct questions)")
    axis.set_ylabel("requests / s")
    axis.set_title("throughput and latency under load")
    axis.legend(loc="upper right", fontsize=8)
    tail = axis.twinx()
    tail.plot(positions, [level["p50_ms"] for level in levels], "o-", color="#e89a5b", label="p50 ms (1 process)")
    tail.plot(positions, [level["p99_ms"] for level in levels], "s--", color="#b5452f", label="p99 ms (1 process)")
    tail.set_ylabel("milliseconds")
    tail.legend(loc="upper left", fontsize=8)
